"""Vietnamese for Qt's own words (standard buttons, edit menus, wizards): Qt ships no catalogue."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

_WORDS = {
    "&OK": "Đồng ý", "OK": "Đồng ý", "&Cancel": "Hủy", "Cancel": "Hủy", "&Yes": "Có",
    "&No": "Không", "Yes to &All": "Có với tất cả", "N&o to All": "Không với tất cả",
    "&Close": "Đóng", "Close": "Đóng", "&Save": "Lưu", "Save": "Lưu", "&Open": "Mở",
    "Open": "Mở", "Apply": "Áp dụng", "Reset": "Đặt lại", "Help": "Trợ giúp",
    "Discard": "Bỏ", "Close without Saving": "Đóng không lưu", "Don't Save": "Không lưu",
    "Retry": "Thử lại", "Ignore": "Bỏ qua", "Abort": "Hủy bỏ", "Restore Defaults": "Mặc định",
    "Save All": "Lưu tất cả",
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "Cắ&t", "&Copy": "&Sao chép",
    "&Paste": "&Dán", "Delete": "Xóa", "Select All": "Chọn tất cả",
    "< &Back": "< &Quay lại", "&Next >": "&Tiếp >", "&Next": "&Tiếp", "&Finish": "&Hoàn tất",
    "&Commit": "&Xác nhận", "&Help": "&Trợ giúp", "Go Back": "Quay lại", "Continue": "Tiếp tục",
    "Commit": "Xác nhận", "Done": "Xong",
    "Undo %1": "Hoàn tác: %1", "Redo %1": "Làm lại: %1", "Undo": "Hoàn tác", "Redo": "Làm lại",
    "<empty>": "<trống>", "Show Details...": "Xem chi tiết...", "Hide Details...": "Ẩn chi tiết...",
    "Look in:": "Thư mục:", "File &name:": "Tên &tệp:", "Files of type:": "Loại tệp:",
    "All Files (*)": "Mọi tệp (*)", "&Choose": "&Chọn", "Directory:": "Thư mục:",
}


class VietnameseQt(QTranslator):
    """Translates Qt's built-in texts whatever their context."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return _WORDS.get(source)  # None (a null string) lets Qt keep its own text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

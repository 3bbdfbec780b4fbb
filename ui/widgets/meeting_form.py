"""The meeting's form: date, times, place, chair and secretary, each saved when the field is
left; and the empty state shown before the meeting exists."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data.meeting_model import Meeting, MeetingKind
from ui.widgets.date_field import INVALID, DateField, shown_date
from ui.widgets.message_bar import MessageBar

# field, object name, placeholder
_LINES = (("start_time", "meetingStart", "VD: 14:00"), ("end_time", "meetingEnd", "VD: 16:30"),
          ("place", "meetingPlace", "Nơi tổ chức hội nghị"),
          ("chair_name", "chairName", "Họ và tên người chủ trì"),
          ("chair_title", "chairTitle", "Chức vụ, đơn vị"),
          ("secretary_name", "secretaryName", "Họ và tên thư ký hội nghị"),
          ("secretary_title", "secretaryTitle", "Chức vụ, đơn vị"))



class MeetingForm(QGroupBox):
    """The header of a meeting. `commitRequested(field, text)` when a field is left changed; the
    page answers with `accepted` or `refuse` (the typed text then stays, marked red)."""

    commitRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Thời gian, địa điểm, chủ trì", parent)
        self.setObjectName("meetingForm")
        self.date = DateField("meetingDate")
        self.edits: dict[str, QLineEdit] = {"held_on": self.date.edit}
        for field, name, placeholder in _LINES:
            edit = QLineEdit(objectName=name)
            edit.setPlaceholderText(placeholder)
            self.edits[field] = edit
        for field in ("start_time", "end_time"):
            self.edits[field].setMaximumWidth(90)
            self.edits[field].setToolTip("Gõ giờ, ví dụ 14:00 hoặc 14h30")
        self.date.setMaximumWidth(150)
        self.message = MessageBar(self, "meetingFormMessage")
        self._refused: set[str] = set()
        for field, edit in self.edits.items():
            if field != "held_on":
                edit.editingFinished.connect(lambda f=field: self._commit(f))
        self.date.committed.connect(lambda: self._commit("held_on"))
        self._lay_out()

    def _lay_out(self) -> None:
        e = self.edits
        grid = QGridLayout()
        when = QHBoxLayout()
        for text, widget in (("", self.date), ("Thời gian: từ", e["start_time"]),
                             ("đến", e["end_time"])):
            if text:
                when.addSpacing(16)
                when.addWidget(QLabel(text))
            when.addWidget(widget)
        when.addStretch(1)
        self._row(grid, 0, "&Ngày họp:", self.date, when)
        self._row(grid, 1, "Đị&a điểm:", e["place"], e["place"])
        self._row(grid, 2, "&Chủ trì:", e["chair_name"], e["chair_title"])
        self._row(grid, 3, "&Thư ký:", e["secretary_name"], e["secretary_title"])
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        box = QVBoxLayout(self)
        box.addLayout(grid)
        box.addWidget(self.message)
        order = [e[f] for f in ("held_on", "start_time", "end_time", "place", "chair_name",
                                "chair_title", "secretary_name", "secretary_title")]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _row(grid: QGridLayout, row: int, label: str, first: QWidget,
             second: QWidget | QHBoxLayout) -> None:
        """A label and its field; a second field with "Chức vụ:" (a layout or the same field:
        spans the row)."""
        buddy = QLabel(label)
        buddy.setBuddy(first)
        grid.addWidget(buddy, row, 0)
        if isinstance(second, QHBoxLayout):
            grid.addLayout(second, row, 1, 1, 3)
        elif second is first:
            grid.addWidget(first, row, 1, 1, 3)
        else:
            grid.addWidget(first, row, 1)
            grid.addWidget(QLabel("Chức vụ:"), row, 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(second, row, 3)

    def load(self, meeting: Meeting) -> None:
        """Show a meeting's header; fields holding refused text keep it."""
        for field, edit in self.edits.items():
            if field in self._refused:
                continue
            value = getattr(meeting, field)
            text = shown_date(value) if field == "held_on" else value
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)

    def reset(self) -> None:
        """Forget refused text (another meeting or year is shown)."""
        self._refused.clear()
        for edit in self.edits.values():
            edit.setStyleSheet("")
        self.message.clear_message()

    def text(self, field: str) -> str:
        return self.edits[field].text()

    def _commit(self, field: str) -> None:
        self.commitRequested.emit(field, self.edits[field].text())

    def refuse(self, field: str, message: str) -> None:
        """Mark a field refused with the reason; what was typed stays."""
        self._refused.add(field)
        self.edits[field].setStyleSheet(INVALID)
        self.message.show_message(message)

    def accepted(self, field: str) -> None:
        """The field was saved (or did not change): a refusal shown for it goes."""
        if field in self._refused:
            self._refused.discard(field)
            self.edits[field].setStyleSheet("")
            if not self._refused:
                self.message.clear_message()

    def is_refused(self, field: str) -> bool:
        return field in self._refused


class EmptyState(QWidget):
    """What the page shows when the chosen meeting does not exist yet: what a meeting holds and
    a button to create it (and the other kind, when that is missing too)."""

    createRequested = Signal(object)  # the MeetingKind to create

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel(objectName="emptyTitle", styleSheet="font-size:13pt; "
                            "font-weight:600;")
        self.text = QLabel(objectName="emptyText", wordWrap=True)
        self.buttons = {kind: QPushButton(objectName=name) for kind, name in (
            (MeetingKind.YEAR_END, "createYearEndButton"),
            (MeetingKind.MID_YEAR, "createMidYearButton"))}
        row = QHBoxLayout()
        for kind, button in self.buttons.items():
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _c=False, k=kind: self.createRequested.emit(k))
            row.addWidget(button)
        row.addStretch(1)
        self.text.setMaximumWidth(760)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 0, 40, 0)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addSpacing(8)
        column.addLayout(row)
        column.addStretch(2)

    def show_missing(self, year: int, kind: MeetingKind, existing: Collection[MeetingKind]
                     ) -> None:
        """Say that `year` has no meeting of `kind`; offer to create each missing kind."""
        self.title.setText(f"Năm {year} chưa có {kind.label.lower()}." if year else
                           "Khối chưa có năm thi đua nào: hãy tạo năm trước (menu Năm).")
        self.text.setText(
            "Tạo hội nghị để ghi ngày giờ, địa điểm, người chủ trì và thư ký, đại biểu dự, ban "
            "kiểm phiếu, điểm danh các đơn vị (kiểm tra số đơn vị có mặt đủ điều kiện) và nội "
            "dung hội nghị với ý kiến, kết luận. Các vòng bỏ phiếu (trang “Bỏ phiếu”) và danh "
            "sách đề nghị khen thưởng dựa vào hội nghị tổng kết." if year else "")
        for shown, button in self.buttons.items():
            button.setText(f"Tạo {shown.label.lower()} năm {year}")
            button.setVisible(bool(year) and shown not in existing)
            button.setDefault(shown == kind)
            button.setStyleSheet("font-weight:600;" if shown == kind else "")

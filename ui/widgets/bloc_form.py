"""The bloc's own information as a form, shared by the new-bloc wizard and “Thông tin khối…”."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from data.documents.profiles import profile_choices
from data.model import BlocProfile
from data.vntext import clean

# Mnemonics avoid the wizard's buttons (&Tiếp, &Quay lại, &Hoàn tất).
_LINES = (  # attribute, objectName, label, placeholder, where it is printed (tooltip)
    ("name", "blocName", "Tê&n khối (*):",
     "Ví dụ: Khối thi đua các cơ quan nội chính tỉnh",
     "In ở đầu văn bản, góc trái, dưới cơ quan cấp trên; hiện trên thanh tiêu đề cửa sổ."),
    ("council", "blocCouncil", "Cơ quan &chỉ đạo:",
     "Ví dụ: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
     "Nơi Khối trình đề nghị khen thưởng: in ở dòng “Kính gửi” của tờ trình."),
    ("superior", "blocSuperior", "Cơ quan cấp t&rên:",
     "In phía trên tên khối, ví dụ: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
     "In ở đầu văn bản, góc trái, phía trên tên khối; để trống nếu không có."),
    ("place", "blocPlace", "Đị&a danh:",
     "Địa danh ghi ở dòng ngày tháng, ví dụ: Bắc Ninh",
     "In ở dòng ngày tháng: “Bắc Ninh, ngày … tháng … năm …”."),
    ("code", "blocCode", "&Viết tắt:",
     "Chữ viết tắt trong số văn bản, ví dụ: KTĐNC",
     "In trong số văn bản, ví dụ: “Số: 05/BB-KTĐNC”; cần có để cấp số văn bản."),
)


class BlocForm(QWidget):
    """Name, council, superior, place, code and page profile of a bloc, in that tab order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blocForm")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        lines: dict[str, QLineEdit] = {}
        for attribute, name, label, placeholder, tip in _LINES:
            edit = QLineEdit(objectName=name)
            edit.setPlaceholderText(placeholder)
            edit.setToolTip(tip)
            form.addRow(label, edit)
            lines[attribute] = edit
        self.name, self.council, self.superior = lines["name"], lines["council"], lines["superior"]
        self.place, self.code = lines["place"], lines["code"]
        self.profile = QComboBox(objectName="blocProfile")
        self.profile.setToolTip("Cỡ chữ, lề, phần đầu và cách ghi số của mọi văn bản Khối in ra.")
        for profile_id, title in profile_choices():
            self.profile.addItem(title, profile_id)
        form.addRow("Thể thức văn &bản:", self.profile)
        chain = [*lines.values(), self.profile]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def set_values(self, bloc: BlocProfile) -> None:
        """Show a bloc's information (a page profile whose file is missing is shown by its id)."""
        for attribute, *_rest in _LINES:
            getattr(self, attribute).setText(getattr(bloc, attribute))
        index = self.profile.findData(bloc.profile)
        if index < 0:
            self.profile.addItem(f"{bloc.profile} (không tìm thấy tệp thể thức)", bloc.profile)
            index = self.profile.count() - 1
        self.profile.setCurrentIndex(index)

    def values(self) -> BlocProfile:
        """What is typed, normalised as it will be stored (NFC, single spaces)."""
        texts = {attribute: clean(getattr(self, attribute).text())
                 for attribute, *_rest in _LINES}
        return BlocProfile(profile=str(self.profile.currentData() or ""), **texts)

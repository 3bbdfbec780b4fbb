"""“Đăng ký thi đua”: a unit's award form, title aimed, targets and date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from data.errors import BlocError
from data.model import AwardForm, Registration
from data.vntext import clean, parse_date
from ui.models.registrations import NO_FORM
from ui.widgets.date_field import DateField, shown_date
from ui.widgets.message_bar import MessageBar

# Collective emulation titles (danh hiệu thi đua, Luật Thi đua, khen thưởng 2022, Art. 25-28).
COMMON_TITLES = (
    "Tập thể Lao động xuất sắc",
    "Tập thể Lao động tiên tiến",
    "Cờ thi đua của Chính phủ",
    "Cờ thi đua của Ủy ban nhân dân tỉnh",
    "Đơn vị Quyết thắng",
    "Đơn vị tiên tiến",
)
WITHDRAW: Literal["withdraw"] = "withdraw"
_WITHDRAW_CODE = 2
class RegistrationDialog(QDialog):
    """Edit one unit's registration; the date is checked before the dialog closes."""

    def __init__(self, unit_name: str, draft: Registration, forms: Sequence[AwardForm],
                 registered: bool, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationDialog")
        self.setWindowTitle(f"Đăng ký thi đua năm {draft.year}")
        self.setMinimumWidth(560)
        self.draft = draft
        unit = QLabel(f"<b>{unit_name}</b>", objectName="registrationUnit")
        unit.setTextFormat(Qt.TextFormat.RichText)
        self.form = QComboBox(objectName="registrationForm")
        self.form.addItem(NO_FORM, None)
        for form in forms:
            if form.active or form.id == draft.award_form_id:
                self.form.addItem(form.name, form.id)
        self.form.setCurrentIndex(max(0, self.form.findData(draft.award_form_id)))
        self.title = QComboBox(objectName="registrationTitle")
        self.title.setEditable(True)
        self.title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.title.addItems(COMMON_TITLES)
        self.title.setCurrentText(draft.title_aimed)
        self.title.lineEdit().setPlaceholderText("Chọn hoặc gõ danh hiệu")
        self.targets = QPlainTextEdit(draft.targets, objectName="registrationTargets")
        self.targets.setTabChangesFocus(True)
        self.targets.setPlaceholderText("Mỗi chỉ tiêu một dòng, ví dụ:\n"
                                        "Giải quyết trên 95 % số vụ án thụ lý.")
        self.date = DateField("registrationDate")
        self.date.setMaximumWidth(180)
        self.date.setText(_shown(draft.registered_on))
        self.date.default_day = QDate(draft.year, 1, 1)
        self.message = MessageBar(self, "registrationMessage")
        if error:
            self.message.show_message(error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.withdraw_button = QPushButton("Xóa đăng ký", objectName="withdrawRegistrationButton")
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.setToolTip("Rút đăng ký thi đua của đơn vị (có hỏi lại)")
        self.withdraw_button.setVisible(registered)
        self.withdraw_button.clicked.connect(lambda: self.done(_WITHDRAW_CODE))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.withdraw_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        hint = QLabel("Mỗi chỉ tiêu ghi một dòng.", objectName="registrationHint")
        hint.setStyleSheet("color: #555;")
        form = QFormLayout(self)
        form.addRow("Đơn vị:", unit)
        form.addRow("Hình thức khen thưởng:", self.form)
        form.addRow("Danh hiệu phấn đấu:", self.title)
        form.addRow("Chỉ tiêu đăng ký:", self.targets)
        form.addRow("", hint)
        form.addRow("Ngày đăng ký:", self.date)
        form.addRow(self.message)
        form.addRow(bottom)
        self.form.setFocus()

    def registration(self) -> Registration:
        """What the dialog holds now (the date as typed)."""
        return Registration(
            year=self.draft.year, unit_id=self.draft.unit_id,
            award_form_id=self.form.currentData(), title_aimed=clean(self.title.currentText()),
            targets=self.targets.toPlainText(), registered_on=clean(self.date.text()))

    def accept(self) -> None:
        """Close only with a valid (or empty) date; else say why and keep what was typed."""
        typed = clean(self.date.text())
        if typed:
            try:
                parse_date(typed)
            except BlocError as exc:
                self.message.show_message(exc.message)
                self.date.edit.setFocus()
                self.date.edit.selectAll()
                return
        super().accept()

    def withdrawn(self) -> bool:
        """Whether the dialog was closed with “Xóa đăng ký”."""
        return self.result() == _WITHDRAW_CODE


def _shown(date: str) -> str:
    """A stored ISO date as "8/1/2019"; text typed earlier (after a refusal) as it was."""
    try:
        return shown_date(date)
    except ValueError:
        return date


def ask_registration(parent: QWidget, unit_name: str, draft: Registration,
                     forms: Sequence[AwardForm], registered: bool,
                     error: str = "") -> Registration | Literal["withdraw"] | None:
    """Run the dialog: the registration to save, WITHDRAW, or None when cancelled."""
    dialog = RegistrationDialog(unit_name, draft, forms, registered, error, parent)
    try:
        code = dialog.exec()
        if code == _WITHDRAW_CODE:
            return WITHDRAW
        return dialog.registration() if code == QDialog.DialogCode.Accepted.value else None
    finally:
        dialog.deleteLater()


"""A person of a meeting: a guest (name, title) or a member of the counting committee (name,
title, role). Refusals are shown inside the dialog, which stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from data import meetings
from data.errors import BlocError
from data.meeting_model import CommitteeMember, Guest
from ui.edits import meetings as edits
from ui.models.meeting_people import ROLES
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.message_bar import MessageBar

Person = Guest | CommitteeMember
SavePerson = Callable[[Person], object]  # does the edit; a BlocError keeps the dialog open


class PersonDialog(QDialog):
    """Họ và tên, chức vụ (and, for the committee, nhiệm vụ: Trưởng ban, Thành viên…)."""

    def __init__(self, title: str, draft: Person, save: SavePerson, adding: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._save = save
        self._committee = isinstance(draft, CommitteeMember)
        self.name = QLineEdit(draft.name, objectName="personName")
        self.name.setPlaceholderText("Ví dụ: Nguyễn Văn An")
        self.title = QLineEdit(draft.title, objectName="personTitle")
        self.title.setPlaceholderText("Ví dụ: Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"
                                      if not self._committee else
                                      "Ví dụ: Chánh Văn phòng Sở Tư pháp")
        self.role = QComboBox(objectName="personRole")
        self.role.setEditable(True)
        self.role.addItems(ROLES)
        self.role.setCurrentText(draft.role if isinstance(draft, CommitteeMember) else "")
        self.message = MessageBar(self, "personMessage")
        form = QFormLayout()
        form.addRow("&Họ và tên (*):", self.name)
        form.addRow("&Chức vụ, đơn vị:", self.title)
        if self._committee:
            form.addRow("&Nhiệm vụ trong ban:", self.role)
        else:
            self.role.setVisible(False)
        hint = QLabel("In vào biên bản đúng như đã nhập.", objectName="personHint")
        hint.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("personOk")
        self.ok_button.setText("Thêm" if adding else "Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.name.setFocus()

    def person(self) -> Person:
        """What was typed (cleaned when saved)."""
        if self._committee:
            return CommitteeMember(self.name.text(), self.title.text(), self.role.currentText())
        return Guest(self.name.text(), self.title.text())

    def accept(self) -> None:
        """Save; on a refusal show the reason here and keep everything typed."""
        try:
            self._save(self.person())
        except BlocError as exc:
            self.message.show_message(exc.message)
            self.name.setFocus()
            return
        super().accept()


def ask_new(parent: QWidget | None, session: Session, meeting_id: int, which: str) -> bool:
    """Ask for a new guest ("guests") or committee member ("committee") and append it; True
    when added."""
    draft: Person = Guest("") if which == "guests" else CommitteeMember("", role="Thành viên")
    return run_dialog(PersonDialog(
        f"Thêm {edits.LISTS[which][0]}", draft,
        lambda person: edits.add_entry(session, meeting_id, which, person), True, parent))


def ask_edit(parent: QWidget | None, session: Session, meeting_id: int, which: str,
             row: int) -> bool:
    """Edit a guest or committee member (0-based row); True when saved."""
    draft = edits.entries(meetings.get_meeting(session.db, meeting_id), which)[row]
    assert isinstance(draft, Guest | CommitteeMember)
    return run_dialog(PersonDialog(
        f"Sửa {edits.LISTS[which][0]}", draft,
        lambda person: edits.edit_entry(session, meeting_id, which, row, person), False, parent))

"""“Thông tin khối…”: edit the bloc's own information after the wizard; refusals shown inside."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from data.errors import BlocError
from data.model import BlocProfile
from ui.edits.bloc import edit_bloc
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.bloc_form import BlocForm
from ui.widgets.message_bar import MessageBar

# save(bloc): does the edit; a BlocError keeps the dialog open with its reason.
SaveBloc = Callable[[BlocProfile], object]


class BlocInfoDialog(QDialog):
    """The bloc's name, council, superior, place, code and page profile."""

    def __init__(self, bloc: BlocProfile, save: SaveBloc, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blocInfoDialog")
        self.setWindowTitle("Thông tin khối thi đua")
        self.setMinimumWidth(620)
        self._save = save
        intro = QLabel("Các thông tin này được in trên văn bản của Khối (di chuột lên từng ô "
                       "để xem in ở đâu).", objectName="blocInfoIntro")
        intro.setWordWrap(True)
        self.form = BlocForm()
        self.form.set_values(bloc)
        self.message = MessageBar(self, "blocInfoMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel,
                                   objectName="blocInfoButtons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("blocInfoOk")
        self.ok_button.setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.form.name.setFocus()

    def accept(self) -> None:
        """Save; on a refusal show the reason here and keep everything typed."""
        try:
            self._save(self.form.values())
        except BlocError as exc:
            self.message.show_message(exc.message)
            (self.form.profile if self.form.values().name else self.form.name).setFocus()
            return
        super().accept()


def ask_bloc_info(parent: QWidget | None, session: Session) -> bool:
    """Show and edit the open bloc's information; True when something was saved."""
    changed: list[bool] = []

    def save(bloc: BlocProfile) -> None:
        changed.append(edit_bloc(session, bloc))

    dialog = BlocInfoDialog(session.profile, save, parent)
    return run_dialog(dialog) and changed[-1]

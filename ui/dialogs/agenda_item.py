"""A point of the meeting's content: its title, the opinions voiced and the conclusion, as the
minutes print them. Refusals are shown inside; the dialog stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from data import meetings
from data.errors import BlocError
from data.meeting_model import AgendaItem
from ui.edits import meetings as edits
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.message_bar import MessageBar

SaveItem = Callable[[AgendaItem], object]  # does the edit; a BlocError keeps the dialog open


def _text_box(name: str, text: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text, objectName=name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab goes on to the next field; Enter starts a new line
    box.setMinimumHeight(110)
    return box


class AgendaItemDialog(QDialog):
    """Nội dung (one line), Ý kiến thảo luận and Kết luận (several lines each)."""

    def __init__(self, title: str, draft: AgendaItem, save: SaveItem, adding: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaItemDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(720)
        self._save = save
        self.title = QLineEdit(draft.title, objectName="agendaTitle")
        self.title.setCursorPosition(0)  # a long title shows its beginning
        self.title.setPlaceholderText("Ví dụ: Thông qua kết quả chấm điểm, xếp hạng thi đua")
        self.opinions = _text_box("agendaOpinions", draft.opinions,
                                  "Ý kiến của các đơn vị, đại biểu (mỗi ý một dòng)")
        self.conclusion = _text_box("agendaConclusion", draft.conclusion,
                                    "Kết luận của chủ trì về nội dung này")
        self.message = MessageBar(self, "agendaItemMessage")
        form = QFormLayout()
        form.addRow("&Nội dung (*):", self.title)
        form.addRow("Ý &kiến thảo luận:", self.opinions)
        form.addRow("Kết &luận:", self.conclusion)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("agendaItemOk")
        self.ok_button.setText("Thêm" if adding else "Lưu")
        self.ok_button.setToolTip("Lưu (Ctrl+Enter)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        hint = QLabel("Trong ô nhiều dòng: Enter xuống dòng · Tab sang ô tiếp theo · Ctrl+Enter "
                      "lưu. Nội dung được in vào biên bản đúng như đã nhập.",
                      objectName="agendaItemHint", wordWrap=True, styleSheet="color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.title.setFocus()

    def item(self) -> AgendaItem:
        """What was typed (cleaned when saved)."""
        return AgendaItem(self.title.text(), self.opinions.toPlainText(),
                          self.conclusion.toPlainText())

    def accept(self) -> None:
        """Save; on a refusal show the reason here and keep everything typed."""
        try:
            self._save(self.item())
        except BlocError as exc:
            self.message.show_message(exc.message)
            self.title.setFocus()
            return
        super().accept()


def ask_new(parent: QWidget | None, session: Session, meeting_id: int,
            which: str = "agenda") -> bool:
    """Ask for a new point of the meeting's content and append it; True when added."""
    return run_dialog(AgendaItemDialog(
        "Thêm nội dung hội nghị", AgendaItem(""),
        lambda item: edits.add_entry(session, meeting_id, which, item), True, parent))


def ask_edit(parent: QWidget | None, session: Session, meeting_id: int, which: str,
             row: int) -> bool:
    """Edit a point of the meeting's content (0-based row); True when saved."""
    draft = edits.entries(meetings.get_meeting(session.db, meeting_id), which)[row]
    assert isinstance(draft, AgendaItem)
    return run_dialog(AgendaItemDialog(
        f"Sửa nội dung hội nghị số {row + 1}", draft,
        lambda item: edits.edit_entry(session, meeting_id, which, row, item), False, parent))

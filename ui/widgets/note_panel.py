"""The evidence note (ghi chú / minh chứng) of the current cell: saved on leaving or Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from data import scores
from data.errors import BlocError
from ui.edits.scores import CellKey, ScoreEditor
from ui.session import Session
from ui.widgets.message_bar import MessageBar

_HINT = "Ghi số, ngày văn bản hoặc tài liệu minh chứng cho điểm của ô này (Ctrl+Enter để lưu)."
_NO_SCORE = "Ô này chưa có điểm — nhập điểm trước rồi ghi minh chứng."


class NotePanel(QWidget):
    """Edits one scored cell's note; one undo step per save; nothing typed is lost on a refusal."""

    def __init__(self, session: Session, editor: ScoreEditor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePanel")
        self.session, self.editor = session, editor
        self.key: CellKey | None = None
        self.caption = QLabel("Chọn một ô điểm để ghi minh chứng.", objectName="noteCaption")
        self.caption.setWordWrap(True)
        self.edit = QPlainTextEdit(objectName="noteEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        self.save_button = QPushButton("&Lưu ghi chú", objectName="saveNoteButton")
        self.save_button.setToolTip("Lưu ghi chú của ô đang chọn (Ctrl+Enter)")
        self.save_button.clicked.connect(self.commit)
        self.message = MessageBar(self, "noteMessage")
        row = QHBoxLayout()
        row.addWidget(QLabel("Ghi chú được lưu khi rời ô soạn thảo.", objectName="noteHint"), 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        editor.cellsChanged.connect(self._cells_changed)
        self.set_cell(None)

    def set_cell(self, key: CellKey | None, where: str = "") -> None:
        """Show the note of another cell (what was typed for the previous one is saved first)."""
        if key != self.key:
            self.commit()
        self.key = key
        if where or key is None:
            self.caption.setText(f"Ghi chú / minh chứng — <b>{where}</b>" if key is not None
                                 else "Chọn một ô điểm để ghi minh chứng.")
        self._show()

    def _show(self) -> None:
        score = scores.get_score(self.session.db, *self.key) if self.key is not None else None
        self.edit.setPlainText(score.note if score is not None else "")
        self.edit.document().setModified(False)
        self.edit.setEnabled(score is not None)
        self.save_button.setEnabled(score is not None)
        self.edit.setPlaceholderText(_HINT if score is not None else
                                     (_NO_SCORE if self.key is not None else ""))

    def commit(self) -> bool:
        """Save the typed note if it changed; a refusal shows in place and keeps the text."""
        if self.key is None or not self.edit.document().isModified():
            return False
        try:
            self.editor.set_note(self.session.year, self.key, self.edit.toPlainText())
        except BlocError as exc:
            self.message.show_message(exc.message)
            return False
        self.edit.document().setModified(False)
        self.message.clear_message()
        return True

    def _cells_changed(self, year: int, keys: list[CellKey]) -> None:
        if self.key in keys and not self.edit.document().isModified():
            self._show()  # an undo, a redo or a new score of this very cell

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit:
            if event.type() == QEvent.Type.FocusOut:
                self.commit()
            elif event.type() == QEvent.Type.KeyPress:
                if (isinstance(event, QKeyEvent)
                        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                        and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                    self.commit()
                    return True
        return super().eventFilter(watched, event)

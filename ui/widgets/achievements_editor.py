"""The achievement summary (tóm tắt thành tích) and note of one nominee, beside the list.

Saved when the focus leaves the editor, on Ctrl+Enter, or before another nominee is shown; each
save is one undo step; a refusal shows in place and keeps the text typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data import nominations
from data.errors import BlocError
from data.meeting_model import Nomination
from ui.edits import nominations as edits
from ui.session import NOMINATIONS, Session
from ui.widgets.message_bar import MessageBar

NO_CHOICE = "Chọn một đề nghị trong danh sách để ghi tóm tắt thành tích."
_HINT = ("Thành tích nổi bật trong năm: kết quả xếp hạng, chỉ tiêu vượt, mô hình, sáng kiến… "
         "(lưu khi rời ô hoặc Ctrl+Enter)")


class AchievementsEditor(QWidget):
    """Edits one nomination's summary and note; `set_nomination` saves the previous one first."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("achievementsEditor")
        self.session = session
        self.nomination_id: int | None = None
        self.caption = QLabel(NO_CHOICE, objectName="achievementsCaption")
        self.caption.setWordWrap(True)
        self.facts = QLabel(objectName="achievementsFacts")
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet("color:#555;")
        self.edit = QPlainTextEdit(objectName="achievementsEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._count)
        self.length = QLabel(objectName="achievementsLength")
        self.length.setStyleSheet("color:#555;")
        self.note = QLineEdit(objectName="achievementsNote")
        self.note.setPlaceholderText("Ghi chú in ở cột cuối của danh sách")
        self.note.installEventFilter(self)
        self.note.returnPressed.connect(self.commit)
        self.save_button = QPushButton("&Lưu", objectName="saveAchievementsButton")
        self.save_button.setToolTip("Lưu tóm tắt thành tích và ghi chú (Ctrl+Enter)")
        self.save_button.clicked.connect(self.commit)
        self.message = MessageBar(self, "achievementsMessage")
        note_label = QLabel("&Ghi chú:")
        note_label.setBuddy(self.note)
        row = QHBoxLayout()
        row.addWidget(self.length, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.facts)
        layout.addWidget(self.edit, 1)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addLayout(row)
        session.changed.connect(self._on_change)
        self.set_nomination(None)

    def _on_change(self, change: str) -> None:
        """Follow an undo or redo of the nominee shown (never over unsaved typing)."""
        if change != NOMINATIONS or self.nomination_id is None or self.dirty:
            return
        try:
            item = nominations.get_nomination(self.session.db, self.nomination_id)
        except BlocError:  # taken off the list
            self.set_nomination(None)
            return
        self._set_text(item.achievements)
        self.note.setText(item.note)

    @property
    def dirty(self) -> bool:
        """Whether something typed is not saved yet."""
        return self.edit.document().isModified() or self.note.isModified()

    def set_nomination(self, item: Nomination | None, title: str = "", facts: str = "") -> None:
        """Show a nominee (what was typed for the previous one is saved first); the same
        nominee again only refreshes what has not been typed over (an undo, a redo)."""
        if item is None or item.id != self.nomination_id:
            self.commit()
            self.message.clear_message()
        same = item is not None and item.id == self.nomination_id
        self.nomination_id = None if item is None else item.id
        self.caption.setText(f"Tóm tắt thành tích — <b>{title}</b>" if item else NO_CHOICE)
        self.facts.setText(facts)
        self.facts.setVisible(bool(facts))
        for widget in (self.edit, self.note, self.save_button):
            widget.setEnabled(item is not None)
        self.edit.setPlaceholderText(_HINT if item is not None else "")
        if not (same and self.edit.document().isModified()):
            self._set_text(item.achievements if item else "")
        if not (same and self.note.isModified()):
            self.note.setText(item.note if item else "")
        self._count()

    def _set_text(self, text: str) -> None:
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)
        self.edit.document().setModified(False)

    def _count(self) -> None:
        words = len(self.edit.toPlainText().split())
        self.length.setText(f"{words} từ, {len(self.edit.toPlainText())} ký tự"
                            if self.nomination_id is not None else "")

    def commit(self) -> bool:
        """Save what was typed, as one undo step; a refusal shows here and keeps the text."""
        if self.nomination_id is None or not self.dirty:
            return False
        achievements = (self.edit.toPlainText() if self.edit.document().isModified() else None)
        note = self.note.text() if self.note.isModified() else None
        try:
            edits.update_nomination(self.session, self.nomination_id,
                                    achievements=achievements, note=note)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return False
        stored = nominations.get_nomination(self.session.db, self.nomination_id)
        self._set_text(stored.achievements)  # as stored: NFC, no trailing spaces
        if self.note.text() != stored.note:
            self.note.setText(stored.note)
        self.note.setModified(False)
        self.message.clear_message()
        return True

    def focus_editor(self) -> None:
        """Put the cursor at the end of the summary, ready to type."""
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched in (self.edit, self.note):
            if event.type() == QEvent.Type.FocusOut:
                self.commit()
            elif (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                  and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self.commit()
                return True
        return super().eventFilter(watched, event)

"""The pledge's key contents as a numbered, editable table, and the multi-line cell editor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from data.errors import BlocError
from ui.models.base import Index, RowsModel

COL_NUMBER, COL_TEXT = range(2)
DRAFT_HINT = "Nhập nội dung mới… (Enter: lưu · Shift+Enter: xuống dòng · Esc: bỏ)"


class PledgeContentsModel(RowsModel[str]):
    """STT and text of each key content; a draft row at the end while a new one is typed.

    Edits are handed to `on_edit(index, text)` / `on_add(text)` (set by the page); a refusal
    (`BlocError`) is announced through `refused` and the cell keeps its text.
    """

    HEADERS = ("STT", "Nội dung")
    refused = Signal(str)

    def __init__(self, contents: Sequence[str] = ()) -> None:
        super().__init__(contents)
        self.draft = False
        self.on_edit: Callable[[int, str], object] | None = None
        self.on_add: Callable[[str], object] | None = None

    def set_contents(self, contents: Sequence[str]) -> None:
        """Show these contents: changed rows in place when the count allows, else a reset."""
        contents = list(contents)
        real = len(self._rows) - int(self.draft)
        if len(contents) == real or (self.draft and len(contents) == real + 1):
            self.draft = self.draft and len(contents) == real  # else the draft became real
            changed = [i for i, text in enumerate(contents) if self._rows[i] != text]
            self._rows[:len(contents)] = contents
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0),
                                      self.index(max(changed), COL_TEXT))
            return
        self.draft = False
        self.set_rows(contents)

    def begin_draft(self) -> int:
        """Append an empty row to type a new content in; returns its row."""
        if not self.draft:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append("")
            self.draft = True
            self.endInsertRows()
        return len(self._rows) - 1

    def drop_draft(self) -> None:
        """Remove the draft row (typing was abandoned)."""
        if self.draft:
            row = len(self._rows) - 1
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows.pop()
            self.draft = False
            self.endRemoveRows()

    def is_draft(self, row: int) -> bool:
        return self.draft and row == len(self._rows) - 1

    def display(self, row: str, column: int) -> Any:
        return row if column == COL_TEXT else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (index.isValid() and index.column() == COL_NUMBER
                and role == Qt.ItemDataRole.DisplayRole and 0 <= index.row() < len(self._rows)):
            return "mới" if self.is_draft(index.row()) else str(index.row() + 1)
        return super().data(index, role)

    def extra(self, row: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT and row:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_NUMBER:
            return QBrush(QColor("#555555"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_TEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802 (Qt's name)
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != COL_TEXT
                or role != Qt.ItemDataRole.EditRole):
            return False
        text, row = str(value or ""), index.row()
        try:
            if self.is_draft(row):
                if not text.strip() or self.on_add is None:
                    return False  # nothing typed: the draft is dropped when its editor closes
                self.on_add(text)
            elif self.on_edit is not None:
                self.on_edit(row, text)
            else:
                return False
        except BlocError as exc:
            self.refused.emit(exc.message)
            return False
        return True


class ContentDelegate(QStyledItemDelegate):
    """Edits a content in a multi-line box: Enter saves, Shift+Enter starts a new line."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setObjectName("contentEditor")
        editor.setTabChangesFocus(True)
        editor.setPlaceholderText(DRAFT_HINT)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 6)  # a little air between contents

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        line = editor.fontMetrics().lineSpacing()
        rect.setHeight(max(rect.height() + line, 2 * line + 10))  # room for one more line
        editor.setGeometry(rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(watched, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                watched.insertPlainText("\n")
                return True
            if enter:
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)


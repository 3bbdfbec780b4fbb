"""A score grid view that types like a spreadsheet: Enter down, Tab right, copy and paste blocks.

Works over a `ScoreCellsModel`: pasting and clearing go through its `apply_cells`, so a block is
checked whole and applied in one undo step, or refused whole with every reason.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.models.score_cells import NOTE_ROLE, ScoreCellsModel
from ui.score_input import block_text, parse_block

Index = QModelIndex | QPersistentModelIndex
_NOTE_MARK = QColor("#d97706")
_STEP = {
    QAbstractItemDelegate.EndEditHint.SubmitModelCache: (1, 0),  # Enter
    QAbstractItemDelegate.EndEditHint.EditNextItem: (0, 1),  # Tab
    QAbstractItemDelegate.EndEditHint.EditPreviousItem: (0, -1),  # Shift+Tab
}


class ScoreDelegate(QStyledItemDelegate):
    """Edits a cell as plain text; marks cells with a note; keeps refused text for another try."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refused: tuple[QPersistentModelIndex, str] | None = None
        self._retry: tuple[QPersistentModelIndex, str] | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("scoreCellEditor")
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if self._retry is not None and self._retry[0] == QPersistentModelIndex(index):
            text, self._retry = self._retry[1], None
        cast(QLineEdit, editor).setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        text = cast(QLineEdit, editor).text()
        if str(index.data(Qt.ItemDataRole.EditRole) or "") == text:
            return  # nothing changed: no edit, no undo step
        if not model.setData(index, text, Qt.ItemDataRole.EditRole):
            self.refused = (QPersistentModelIndex(index), text)

    def retry(self, refused: tuple[QPersistentModelIndex, str]) -> None:
        """The next editor opened on that cell starts with the refused text."""
        self._retry = refused

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(NOTE_ROLE):
            rect = option.rect
            size = 7
            corner = QPolygonF([QPointF(rect.right() - size, rect.top()),
                                QPointF(rect.right() + 1, rect.top()),
                                QPointF(rect.right() + 1, rect.top() + size + 1)])
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_NOTE_MARK)
            painter.drawPolygon(corner)
            painter.restore()


class ScoreView(QTableView):
    """Typing starts editing; Enter moves down, Tab right; Ctrl+C/V blocks; Delete clears."""

    def __init__(self, parent: QWidget | None = None, name: str = "scoreView") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.delegate = ScoreDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setDefaultSectionSize(26)

    def score_model(self) -> ScoreCellsModel:
        return cast(ScoreCellsModel, self.model())

    def fit_columns(self, samples: dict[int, str]) -> None:
        """Size columns to their contents, and at least to each column's widest sample text."""
        self.resizeColumnsToContents()
        metrics = self.fontMetrics()
        for column, text in samples.items():
            room = metrics.horizontalAdvance(text) + 16
            self.setColumnWidth(column, max(self.columnWidth(column), room))

    # --- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_by(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget,  # noqa: N802
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        refused, self.delegate.refused = self.delegate.refused, None
        step = _STEP.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if refused is not None and step is not None and refused[0].isValid():
            index = self.model().index(refused[0].row(), refused[0].column())
            self.delegate.retry(refused)  # reopen with what was typed, so nothing is lost
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.edit(index)
        elif step is not None:
            self.move_by(*step)

    def move_by(self, rows: int, columns: int) -> None:
        """Move the current cell, staying inside the grid."""
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        row = min(max(current.row() + rows, 0), model.rowCount() - 1)
        column = min(max(current.column() + columns, 0), model.columnCount() - 1)
        self.selectionModel().setCurrentIndex(model.index(row, column),
                                              QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- blocks ----------------------------------------------------------------------------
    def _selected(self) -> list[QModelIndex]:
        chosen = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not chosen and self.currentIndex().isValid():
            chosen = [self.currentIndex()]
        return sorted(chosen, key=lambda i: (i.row(), i.column()))

    def copy_selection(self) -> str:
        """Copy the selected block as tab-separated text (what one would type, 9,5 and A)."""
        chosen = self._selected()
        if not chosen:
            return ""
        top, left = min(i.row() for i in chosen), min(i.column() for i in chosen)
        bottom, right = max(i.row() for i in chosen), max(i.column() for i in chosen)
        picked = {(i.row(), i.column()) for i in chosen}
        model = self.model()
        rows = [[str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "")
                 if (r, c) in picked else "" for c in range(left, right + 1)]
                for r in range(top, bottom + 1)]
        text = block_text(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        """Paste a tab-separated block at the current cell (one value fills the selection)."""
        rows = parse_block(QGuiApplication.clipboard().text() if text is None else text)
        chosen = self._selected()
        if not rows or not chosen:
            return False
        if len(rows) == 1 and len(rows[0]) == 1 and len(chosen) > 1:
            cells = [(i.row(), i.column(), rows[0][0]) for i in chosen
                     if i.flags() & Qt.ItemFlag.ItemIsEditable]
        else:
            top, left = min(i.row() for i in chosen), min(i.column() for i in chosen)
            cells = [(top + r, left + c, value) for r, row in enumerate(rows)
                     for c, value in enumerate(row)]
        return self.score_model().apply_cells(cells, "Dán")

    def clear_selection(self) -> bool:
        """Empty the selected score cells in one undo step (totals and labels are left alone)."""
        cells = [(i.row(), i.column(), "") for i in self._selected()
                 if i.flags() & Qt.ItemFlag.ItemIsEditable and i.data(Qt.ItemDataRole.EditRole)]
        if not cells:
            return False
        return self.score_model().apply_cells(cells, "Xóa")

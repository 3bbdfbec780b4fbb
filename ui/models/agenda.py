"""The meeting's content (nội dung hội nghị) as a table: each point with the opinions voiced
and the conclusion reached, as the minutes will print them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from data.meeting_model import AgendaItem
from ui.models.base import Index, RowsModel

COL_NUMBER, COL_TITLE, COL_OPINIONS, COL_CONCLUSION = range(4)
NONE_YET = "(chưa ghi)"
_GREY = QBrush(QColor("#555555"))
_MISSING = QBrush(QColor("#8a8a8a"))


class AgendaModel(RowsModel[AgendaItem]):
    """STT, title, opinions and conclusion of every point; empty texts show “(chưa ghi)”."""

    HEADERS = ("STT", "Nội dung", "Ý kiến thảo luận", "Kết luận")

    def display(self, row: AgendaItem, column: int) -> Any:
        """The text of a cell."""
        return (None, row.title, row.opinions or NONE_YET, row.conclusion or NONE_YET)[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if index.column() == COL_NUMBER and role in (Qt.ItemDataRole.DisplayRole,
                                                     Qt.ItemDataRole.EditRole):
            return index.row() + 1
        if role == Qt.ItemDataRole.EditRole:  # the stored text, never the placeholder
            item = self._rows[index.row()]
            return (None, item.title, item.opinions, item.conclusion)[index.column()]
        return super().data(index, role)

    def extra(self, row: AgendaItem, column: int, role: int) -> Any:
        """Grey numbers and placeholders; texts aligned to the top of their (tall) rows."""
        empty = (column == COL_OPINIONS and not row.opinions) or (
            column == COL_CONCLUSION and not row.conclusion)
        if role == Qt.ItemDataRole.ForegroundRole and (column == COL_NUMBER or empty):
            return _GREY if column == COL_NUMBER else _MISSING
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignHCenter if column == COL_NUMBER
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ToolTipRole and column != COL_NUMBER and not empty:
            return self.display(row, column)
        return None

    def summary(self) -> str:
        """One line under the table: how many points, and how many still lack a conclusion."""
        if not self._rows:
            return ("Chưa có nội dung hội nghị: thêm từng nội dung (Ctrl+N) với ý kiến thảo luận "
                    "và kết luận để in vào biên bản")
        missing = sum(1 for item in self._rows if not item.conclusion)
        text = f"{len(self._rows)} nội dung"
        return text + (f"; {missing} nội dung chưa có kết luận" if missing else
                       "; mọi nội dung đều đã có kết luận")

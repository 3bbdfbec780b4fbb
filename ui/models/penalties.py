"""A unit's penalties of the year (điểm trừ): what, points, times, total deducted, note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from data.model import Penalty
from data.vntext import format_number
from ui.models.base import RowsModel

COL_TITLE, COL_POINTS, COL_COUNT, COL_TOTAL, COL_NOTE = range(5)


class PenaltiesModel(RowsModel[Penalty]):
    """Rows: the unit's recorded penalties, in the order they were entered."""

    HEADERS = ("Nội dung", "Điểm", "Số lần", "Tổng trừ", "Ghi chú")
    NUMERIC = frozenset({COL_POINTS, COL_COUNT, COL_TOTAL})

    def display(self, row: Penalty, column: int) -> Any:
        if column == COL_TITLE:
            return row.title
        if column == COL_POINTS:
            return format_number(row.points)
        if column == COL_COUNT:
            return str(row.count)
        if column == COL_TOTAL:
            return f"−{format_number(row.total)}" if row.total else "0"
        return " ".join(row.note.split())

    def sort_value(self, row: Penalty, column: int) -> Any:
        if column == COL_POINTS:
            return row.points
        if column == COL_COUNT:
            return row.count
        if column == COL_TOTAL:
            return row.total
        return super().sort_value(row, column)

    def extra(self, row: Penalty, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TITLE:
                when = f"\nNgày: {row.occurred_on}" if row.occurred_on else ""
                source = "" if row.type_id is not None else "\n(ghi đầy đủ, không theo danh mục)"
                return row.title + when + source
            if column == COL_NOTE and row.note:
                return row.note
        return None

    def total(self) -> float:
        """The points deducted by every row."""
        return round(sum(p.total for p in self._rows), 2)

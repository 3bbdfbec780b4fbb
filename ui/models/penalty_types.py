"""The year's penalty catalogue (danh mục điểm trừ) as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from data.model import PenaltyType
from data.vntext import format_number
from ui.models.base import RowsModel

COL_CODE, COL_TITLE, COL_POINTS, COL_SOURCE = range(4)


class PenaltyTypesModel(RowsModel[PenaltyType]):
    """Code, offence, points deducted (written positive), and the document it comes from."""

    HEADERS = ("Mã", "Nội dung vi phạm", "Điểm trừ", "Căn cứ")
    NUMERIC = frozenset({COL_POINTS})

    def display(self, row: PenaltyType, column: int) -> str:
        return (row.code, row.title, format_number(row.points), row.source)[column]

    def sort_value(self, row: PenaltyType, column: int) -> Any:
        return row.points if column == COL_POINTS else self.display(row, column)

    def extra(self, row: PenaltyType, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_SOURCE):
            return self.display(row, column) or None
        return None

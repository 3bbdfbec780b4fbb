"""The live ranking of the year: rank, unit, total, bonus, penalty, class, items on self-scores."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from data.model import Unit
from data.ranking import RankedUnit
from data.vntext import format_number
from ui.models.base import RowsModel
from ui.models.score_cells import FALLBACK, bold

COL_RANK, COL_UNIT, COL_TOTAL, COL_BONUS, COL_PENALTY, COL_CLASS, COL_FALLBACK = range(7)
NOT_DONE = QColor("#fbe1e1")


class RankingModel(RowsModel[RankedUnit]):
    """Ranked units, best first; `update` follows an edit without resetting the view."""

    HEADERS = ("Hạng", "Đơn vị", "Tổng", "Thưởng", "Trừ", "Xếp loại", "Lấy tự chấm")
    NUMERIC = frozenset({COL_RANK, COL_TOTAL, COL_BONUS, COL_PENALTY, COL_FALLBACK})

    def __init__(self, rows: Sequence[RankedUnit] = ()) -> None:
        super().__init__(rows)
        self._units: dict[int, Unit] = {}

    def set_ranking(self, ranking: Sequence[RankedUnit], units: Sequence[Unit]) -> None:
        """Show a new year or a reloaded board (a reset)."""
        self._units = {u.id: u for u in units}
        self.set_rows(ranking)

    def update(self, ranking: Sequence[RankedUnit]) -> None:
        """Follow the board after an edit: values repaint, moved units move, selection follows."""
        old_ids = [r.unit_id for r in self._rows]
        new_ids = [r.unit_id for r in ranking]
        if sorted(old_ids) != sorted(new_ids):
            self.set_rows(ranking)
            return
        if old_ids == new_ids:
            self._rows = list(ranking)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(self.HEADERS) - 1))
            return
        self.layoutAboutToBeChanged.emit()
        moved = {unit_id: row for row, unit_id in enumerate(new_ids)}
        before = self.persistentIndexList()
        after = [self.index(moved[old_ids[i.row()]], i.column()) for i in before]
        self._rows = list(ranking)
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_of(self, unit_id: int) -> int:
        """The row of a unit, or -1."""
        return next((row for row, r in enumerate(self._rows) if r.unit_id == unit_id), -1)

    def unit_name(self, unit_id: int) -> str:
        """The unit's full name."""
        unit = self._units.get(unit_id)
        return unit.name if unit is not None else str(unit_id)

    def display(self, row: RankedUnit, column: int) -> Any:
        result = row.result
        if column == COL_RANK:
            return f"{row.rank}*" if row.shared else str(row.rank)
        if column == COL_UNIT:
            unit = self._units.get(row.unit_id)
            return (unit.short_name or unit.name) if unit is not None else str(row.unit_id)
        if column == COL_TOTAL:
            return format_number(result.final_total)
        if column == COL_BONUS:
            return format_number(result.bonus) if result.bonus else ""
        if column == COL_PENALTY:
            return f"−{format_number(result.penalty)}" if result.penalty else ""
        if column == COL_CLASS:
            return row.band
        return str(result.fallback_items) if result.fallback_items else ""

    def sort_value(self, row: RankedUnit, column: int) -> Any:
        if column == COL_RANK:
            return row.rank
        if column == COL_FALLBACK:
            return row.result.fallback_items
        return super().sort_value(row, column)

    def extra(self, row: RankedUnit, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_RANK and row.shared:
                return f"Đồng hạng {row.rank} (bằng điểm và các tiêu chí phân định)"
            if column == COL_UNIT:
                return self.unit_name(row.unit_id)
            if column == COL_FALLBACK and row.result.fallback_items:
                return (f"{row.result.fallback_items} nội dung chưa có điểm của lớp được tính, "
                        "đang lấy điểm tự chấm")
            if column == COL_TOTAL and row.result.missing_items:
                return f"{row.result.missing_items} nội dung chưa có điểm nào"
            return None
        if role == Qt.ItemDataRole.FontRole and column in (COL_RANK, COL_TOTAL):
            return bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == COL_FALLBACK and row.result.fallback_items:
                return FALLBACK
            if column == COL_TOTAL and row.result.missing_items:
                return NOT_DONE
        return None

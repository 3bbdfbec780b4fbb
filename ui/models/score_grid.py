"""The scoring grid by layer: member units × the table's items, then the unit's totals and rank."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from data.model import Criterion, Layer, Unit
from data.ranking import RankedUnit
from data.units import members
from data.vntext import format_number
from ui.edits.scores import CellKey, ScoreEditor
from ui.models.score_cells import (
    CENTER,
    KEY_ROLE,
    LIGHT,
    NOTE_ROLE,
    RIGHT,
    TOTALS,
    Index,
    ScoreCellsModel,
    bold,
    cell_background,
    cell_tip,
    item_tip,
    layer_total,
    widest_text,
)
from ui.score_input import cell_text, edit_text
from ui.session import Session


class ScoreGridModel(ScoreCellsModel):
    """Rows: the year's member units (Vietnamese order); columns: items, then totals and rank."""

    def __init__(self, session: Session, editor: ScoreEditor, layer: Layer = Layer.VERIFIED):
        super().__init__(session, editor)
        self.layer = layer
        self._units: list[Unit] = []
        self._items: list[Criterion] = []
        self._bonus: set[int] = set()
        self._row_of: dict[int, int] = {}
        self._column_of: dict[int, int] = {}
        self._ranks: dict[int, RankedUnit] | None = None
        self.reload()

    # --- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the year's units and table again (a reset: only for changes made elsewhere)."""
        self.beginResetModel()
        year = self.session.year
        board = self.session.board() if year else None
        on_board = set(board.unit_ids) if board else set()
        self._units = [u for u, _ in members(self.session.db, year) if u.id in on_board]
        self._items = list(board.table.leaves) if board else []
        self._bonus = {i.id for i in self._items if board and board.table.is_bonus(i.id)}
        self._row_of = {u.id: row for row, u in enumerate(self._units)}
        self._column_of = {item.id: column for column, item in enumerate(self._items)}
        self._ranks = None
        self.endResetModel()

    def set_layer(self, layer: Layer) -> None:
        """Show another layer; every cell repaints, the current cell stays."""
        self.layer = layer
        if self._units and self._items:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._units) - 1, self.col_layer_total))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.col_layer_total,
                                    self.col_layer_total)

    @property
    def col_layer_total(self) -> int:
        return len(self._items)

    @property
    def col_total(self) -> int:
        return len(self._items) + 1

    @property
    def col_rank(self) -> int:
        return len(self._items) + 2

    @property
    def col_class(self) -> int:
        return len(self._items) + 3

    def unit_at(self, row: int) -> Unit:
        return self._units[row]

    def item_at(self, column: int) -> Criterion | None:
        return self._items[column] if 0 <= column < len(self._items) else None

    def row_of(self, unit_id: int) -> int:
        """The row of a unit, or -1."""
        return self._row_of.get(unit_id, -1)

    def column_of(self, item_id: int) -> int:
        """The column of an item, or -1."""
        return self._column_of.get(item_id, -1)

    def column_samples(self) -> dict[int, str]:
        """The widest text each column may show in any layer (items, then the class)."""
        samples = {column: widest_text(item) for column, item in enumerate(self._items)}
        if self._items:
            bands = self.session.board().rules.bands
            samples[self.col_class] = max((b.name for b in bands), key=len, default="")
        return samples

    # --- edits -----------------------------------------------------------------------------
    def cell_key(self, row: int, column: int) -> CellKey | None:
        item = self.item_at(column)
        if item is None or not 0 <= row < len(self._units):
            return None
        return (self._units[row].id, item.id, self.layer)

    def cell_where(self, row: int, column: int) -> str:
        item = self.item_at(column)
        what = item.code if item is not None else str(self.headerData(column,
                                                                       Qt.Orientation.Horizontal))
        return f"{self._units[row].name} · {what}"

    def cells_changed(self, year: int, keys: list[CellKey]) -> None:
        if year != self.session.year or not self._units:
            return
        self._ranks = None
        rows: set[int] = set()
        for unit_id, item_id, _layer in keys:
            row, column = self.row_of(unit_id), self.column_of(item_id)
            if row >= 0 and column >= 0:
                self.emit_cells(row, column, column)
                rows.add(row)
        self._totals_changed(rows)

    def unit_changed(self, year: int, unit_id: int) -> None:
        if year == self.session.year and self.row_of(unit_id) >= 0:
            self._ranks = None
            self._totals_changed({self.row_of(unit_id)})

    def _totals_changed(self, rows: set[int]) -> None:
        for row in rows:
            self.emit_cells(row, self.col_layer_total, self.col_class)
        if rows:  # other units' ranks may move
            last = len(self._units) - 1
            self.dataChanged.emit(self.index(0, self.col_rank), self.index(last, self.col_rank))

    # --- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self._items else len(self._items) + 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._units):
                return None
            unit = self._units[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return unit.short_name or unit.name
            return unit.name if role == Qt.ItemDataRole.ToolTipRole else None
        item = self.item_at(section)
        if item is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return item.code or item.title[:10]
            return item_tip(item) if role == Qt.ItemDataRole.ToolTipRole else None
        extra = section - len(self._items)
        if not 0 <= extra < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"Cộng {self.layer.label.lower()}", "Tổng điểm", "Hạng", "Xếp loại")[extra]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"Cộng điểm {self.layer.label.lower()} các nội dung (không kể điểm thưởng)",
                    "Điểm cuối các nội dung + điểm thưởng − điểm trừ", "Xếp hạng trong khối",
                    "Xếp loại theo quy chế của năm")[extra]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        unit, column = self._units[index.row()], index.column()
        item = self.item_at(column)
        if item is None:
            return self._total_data(unit, column - len(self._items), role)
        board = self.session.board()
        score = board.score(unit.id, item.id, self.layer)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(item, score)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(item, score)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.ForegroundRole:
            return LIGHT if self.layer is not item.layer else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            has_self = board.score(unit.id, item.id, Layer.SELF) is not None
            if role == Qt.ItemDataRole.ToolTipRole:
                return cell_tip(item, self.layer, score, has_self, item.id in self._bonus) or None
            return cell_background(item, self.layer, score, has_self, item.id in self._bonus)
        if role == NOTE_ROLE:
            return bool(score is not None and score.note)
        if role == KEY_ROLE:
            return (unit.id, item.id, self.layer)
        return None

    def _ranked(self, unit_id: int) -> RankedUnit | None:
        if self._ranks is None:
            self._ranks = {r.unit_id: r for r in self.session.board().ranking()}
        return self._ranks.get(unit_id)

    def _total_data(self, unit: Unit, extra: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if extra < 3 else CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTALS
        if role == Qt.ItemDataRole.FontRole and extra == 1:
            return bold()
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        result = self.session.board().result(unit.id)
        ranked = self._ranked(unit.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if extra == 2 and ranked is not None and ranked.shared:
                return f"Đồng hạng {ranked.rank}"
            if extra == 1 and result.fallback_items:
                return f"{result.fallback_items} nội dung đang lấy điểm tự chấm"
            return None
        if extra == 0:
            return format_number(layer_total(result, self.layer))
        if extra == 1:
            return format_number(result.final_total)
        if ranked is None:
            return ""
        if extra == 2:
            return f"{ranked.rank}*" if ranked.shared else str(ranked.rank)
        return ranked.band

"""One unit's scores: every node of the table with its three layers side by side, then totals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from data.model import Criterion, Layer, Score, Unit
from data.scoring import ItemResult, UnitResult
from data.units import members
from data.vntext import format_number
from ui.edits.scores import CellKey, ScoreEditor
from ui.models.score_cells import (
    CENTER,
    DIFFERENT,
    FALLBACK,
    KEY_ROLE,
    LIGHT,
    MISSING,
    MISSING_TIP,
    NOTE_ROLE,
    RIGHT,
    TOTALS,
    Index,
    ScoreCellsModel,
    bold,
    cell_tip,
    fallback_tip,
    item_tip,
    layer_total,
)
from ui.score_input import cell_text, edit_text
from ui.session import Session

COL_CODE, COL_TITLE, COL_MAX, COL_SELF, COL_VERIFIED, COL_COUNCIL, COL_FINAL, COL_NOTE = range(8)
HEADERS = ("Mã", "Nội dung", "Tối đa", "Tự chấm", "Khối chấm", "Hội đồng chấm", "Điểm cuối",
           "Ghi chú")
LAYER_OF = {COL_SELF: Layer.SELF, COL_VERIFIED: Layer.VERIFIED, COL_COUNCIL: Layer.COUNCIL}
SUMMARY = ("Cộng điểm các nội dung", "Điểm thưởng (sau giới hạn)", "Điểm trừ", "TỔNG ĐIỂM",
           "Xếp hạng · xếp loại")


def difference_tip(points: float, self_points: float) -> str:
    """"−1 so với tự chấm": how far a layer is from the self-score."""
    diff = round(points - self_points, 2)
    return f"{'−' if diff < 0 else '+'}{format_number(abs(diff))} so với tự chấm"


class UnitScoresModel(ScoreCellsModel):
    """Rows: the table's nodes in order (groups bold with subtotals), then the unit's totals."""

    def __init__(self, session: Session, editor: ScoreEditor) -> None:
        super().__init__(session, editor)
        self.unit: Unit | None = None
        self._nodes: list[Criterion] = []
        self._row_of: dict[int, int] = {}
        self._sums: dict[int, dict[Layer, float]] | None = None
        self._items: dict[int, ItemResult] | None = None

    def set_unit(self, unit_id: int | None) -> None:
        """Show another unit (or none); a reset, as for a change made elsewhere."""
        self.beginResetModel()
        year = self.session.year
        on_board = set(self.session.board().unit_ids) if year else set()
        units = {u.id: u for u, _ in members(self.session.db, year) if u.id in on_board}
        self.unit = units.get(unit_id) if unit_id is not None else None
        table = self.session.board().table if self.unit is not None else None
        self._nodes = list(table.in_order) if table is not None else []
        self._row_of = {node.id: row for row, node in enumerate(self._nodes)}
        self._sums = self._items = None
        self.endResetModel()

    def reload(self) -> None:
        """Read the unit's table and scores again."""
        self.set_unit(self.unit.id if self.unit is not None else None)

    def node_at(self, row: int) -> Criterion | None:
        return self._nodes[row] if 0 <= row < len(self._nodes) else None

    def row_of(self, node_id: int) -> int:
        """The row of a node, or -1."""
        return self._row_of.get(node_id, -1)

    # --- edits -----------------------------------------------------------------------------
    def cell_key(self, row: int, column: int) -> CellKey | None:
        node = self.node_at(row)
        if self.unit is None or node is None or not node.is_leaf or column not in LAYER_OF:
            return None
        return (self.unit.id, node.id, LAYER_OF[column])

    def cell_where(self, row: int, column: int) -> str:
        node = self.node_at(row)
        what = node.code or node.title if node is not None else SUMMARY[row - len(self._nodes)]
        return f"{what} · {HEADERS[column]}"

    def cells_changed(self, year: int, keys: list[CellKey]) -> None:
        if self.unit is None or year != self.session.year:
            return
        rows = {self.row_of(item_id) for unit_id, item_id, _ in keys if unit_id == self.unit.id}
        rows.discard(-1)
        if not rows:
            return
        self._sums = self._items = None
        for row in sorted(rows):
            node = self._nodes[row]
            for ancestor in self.session.board().table.ancestors(node.id):
                rows.add(self.row_of(ancestor.id))
        for row in rows:
            self.emit_cells(row, COL_SELF, COL_NOTE)
        self._summary_changed()

    def unit_changed(self, year: int, unit_id: int) -> None:
        if self.unit is not None and unit_id == self.unit.id and year == self.session.year:
            self._summary_changed()

    def _summary_changed(self) -> None:
        first = len(self._nodes)
        self.dataChanged.emit(self.index(first, COL_SELF),
                              self.index(first + len(SUMMARY) - 1, COL_NOTE))

    # --- what a row holds --------------------------------------------------------------------
    def _result(self) -> UnitResult:
        assert self.unit is not None
        return self.session.board().result(self.unit.id)

    def _item(self, item_id: int) -> ItemResult:
        if self._items is None:
            self._items = {i.criterion_id: i for i in self._result().items}
        return self._items[item_id]

    def _group_sums(self, node_id: int) -> dict[Layer, float]:
        """Each layer's subtotal of a group (only layers that scored one of its items)."""
        if self._sums is None:
            table = self.session.board().table
            sums: dict[int, dict[Layer, float]] = {}
            for item in self._result().items:
                for target in table.rollup_targets(item.criterion_id):
                    for layer in Layer:
                        value = item.points(layer)
                        if value is not None:
                            per = sums.setdefault(target, {})
                            per[layer] = per.get(layer, 0.0) + value
            self._sums = sums
        return self._sums.get(node_id, {})

    def _score(self, item: Criterion, layer: Layer) -> Score | None:
        assert self.unit is not None
        return self.session.board().score(self.unit.id, item.id, layer)

    # --- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.unit is None:
            return 0
        return len(self._nodes) + len(SUMMARY)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.unit is None:
            return None
        row, column = index.row(), index.column()
        node = self.node_at(row)
        if node is None:
            return self._summary(row - len(self._nodes), column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER if column == COL_CODE or column in LAYER_OF else (
                RIGHT if column in (COL_MAX, COL_FINAL) else None)
        if not node.is_leaf:
            return self._group(node, column, role)
        if column in LAYER_OF:
            return self._layer_cell(node, LAYER_OF[column], role)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_CODE, COL_TITLE):
            return item_tip(node)
        if column == COL_FINAL:
            return self._final_cell(self._item(node.id), node, role)
        if column == COL_NOTE:
            return self._notes(node, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._label(node, column)
        return None

    def _label(self, node: Criterion, column: int) -> str:
        if column == COL_CODE:
            return node.code
        if column == COL_TITLE:
            indent = "    " * self.session.board().table.depth(node.id)
            return indent + node.title
        return format_number(node.max_points) if column == COL_MAX else ""

    def _group(self, node: Criterion, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            return bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTALS
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column in LAYER_OF:
            value = self._group_sums(node.id).get(LAYER_OF[column])
            return "" if value is None else format_number(value)
        if column == COL_FINAL:
            return format_number(self._result().node_points.get(node.id, 0.0))
        return self._label(node, column)

    def _layer_cell(self, item: Criterion, layer: Layer, role: int) -> Any:
        score = self._score(item, layer)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(item, score)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(item, score)
        if role == Qt.ItemDataRole.ForegroundRole:
            return LIGHT if layer is not item.layer else None
        if role == NOTE_ROLE:
            return bool(score is not None and score.note)
        if role == KEY_ROLE:
            assert self.unit is not None
            return (self.unit.id, item.id, layer)
        if role not in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            return None
        result = self._item(item.id)
        points, self_points = result.points(layer), result.self_points
        differs = (layer is not Layer.SELF and points is not None and self_points is not None
                   and abs(points - self_points) > 1e-9)
        if role == Qt.ItemDataRole.BackgroundRole:
            return DIFFERENT if differs else None
        tip = cell_tip(item, layer, score, self_points is not None)
        if differs:
            assert points is not None and self_points is not None
            tip = difference_tip(points, self_points) + ("\n" + tip if tip else "")
        return tip or None

    def _final_cell(self, result: ItemResult, item: Criterion, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(result.final_points)
        if role == Qt.ItemDataRole.FontRole:
            return bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            return FALLBACK if result.fell_back else (MISSING if result.missing else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            if result.fell_back:
                return fallback_tip(item)
            return MISSING_TIP if result.missing else None
        return None

    def _notes(self, item: Criterion, role: int) -> Any:
        notes = [(layer.label, s.note) for layer in Layer
                 if (s := self._score(item, layer)) is not None and s.note]
        if role == Qt.ItemDataRole.DisplayRole:
            return " | ".join(f"{label}: {' '.join(note.split())}" for label, note in notes)
        if role == Qt.ItemDataRole.ToolTipRole and notes:
            return "\n".join(f"{label}: {note}" for label, note in notes)
        return None

    def _summary(self, line: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            return bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTALS
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER if column in LAYER_OF else (RIGHT if column == COL_FINAL else None)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        result = self._result()
        if column == COL_TITLE:
            return SUMMARY[line]
        if line == 0 and column in LAYER_OF:
            return format_number(layer_total(result, LAYER_OF[column]))
        if column != COL_FINAL:
            return ""
        if line == 4:
            assert self.unit is not None
            ranked = next((r for r in self.session.board().ranking()
                           if r.unit_id == self.unit.id), None)
            return "" if ranked is None else f"Hạng {ranked.rank} · {ranked.band}"
        value = (result.base_total, result.bonus, -result.penalty, result.final_total)[line]
        return format_number(value).replace("-", "−")

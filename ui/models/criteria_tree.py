"""The year's criteria table as a tree (Phần → Tiêu chí → Nội dung), rows marked by checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeView

from data.criteria_table import CriteriaTable, TableProblem
from data.model import Criterion, NodeKind, RuleSet
from data.vntext import format_number
from ui.models.base import ROW_ROLE, RowsModel

Index = QModelIndex | QPersistentModelIndex
COL_CODE, COL_TITLE, COL_MAX, COL_KIND, COL_LAYER, COL_CHECK = range(6)
HEADERS = ("Mã", "Nội dung", "Điểm tối đa", "Loại", "Lớp quyết định", "Kiểm tra")
_NUMERIC = (COL_MAX, COL_CHECK)
# severity -> (background, text)
COLOURS = {"error": ("#fdecea", "#8a1c1c"), "warning": ("#fff4dc", "#7a4b00")}
WARN = "⚠"


def _worst(problems: list[TableProblem]) -> str:
    return "error" if any(p.severity == "error" for p in problems) else "warning"


class CriteriaTreeModel(QAbstractItemModel):
    """Read-only tree of one year's table; `set_table` replaces it wholesale with its problems."""

    def __init__(self) -> None:
        super().__init__()
        self._table = CriteriaTable([])
        self._problems: dict[int, list[TableProblem]] = {}
        self._row: dict[int, int] = {}

    def set_table(self, table: CriteriaTable, problems: list[TableProblem]) -> None:
        """Show another table (views keep no stale indexes)."""
        self.beginResetModel()
        self._table = table
        self._problems = {}
        for problem in problems:
            if problem.criterion_id is not None:
                self._problems.setdefault(problem.criterion_id, []).append(problem)
        self._row = {}
        for siblings in [table.roots, *(table.children(n) for n in table.nodes)]:
            self._row.update((node.id, row) for row, node in enumerate(siblings))
        self.endResetModel()

    def table(self) -> CriteriaTable:
        """The table shown."""
        return self._table

    def node(self, index: Index) -> Criterion | None:
        """The node of a row, or None for an invalid index."""
        return self._table.nodes.get(index.internalId()) if index.isValid() else None

    def problems(self, node_id: int) -> list[TableProblem]:
        """The checks' findings on one node."""
        return list(self._problems.get(node_id, ()))

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        """The index of a node by id (invalid if the node is not shown)."""
        if node_id not in self._table.nodes:
            return QModelIndex()
        return self.createIndex(self._row[node_id], column, node_id)

    def _kids(self, parent: Index) -> tuple[Criterion, ...]:
        if not parent.isValid():
            return self._table.roots
        if parent.column() != 0:
            return ()
        return self._table.children(parent.internalId())

    # --- Qt's tree protocol ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        kids = self._kids(parent)
        if not (0 <= row < len(kids) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, kids[row].id)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() not in self._table.nodes:
            return QModelIndex()
        up = self._table.parent(index.internalId())
        return QModelIndex() if up is None else self.index_of(up.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self._kids(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column, found = index.column(), self._problems.get(node.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(node, column)
        if role == ROW_ROLE:
            return node
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(node, column, found)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.parent_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if found and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, text = COLOURS[_worst(found)]
            return QBrush(QColor(background if role == Qt.ItemDataRole.BackgroundRole else text))
        return None

    def display(self, node: Criterion, column: int) -> str:
        """The text of one cell."""
        if column == COL_CODE:
            return node.code
        if column == COL_TITLE:
            return node.title
        if column == COL_MAX:
            return format_number(node.max_points)
        if column == COL_KIND:
            return node.kind.label + (" (giảm)" if node.reduce and
                                      node.kind is NodeKind.QUANTITATIVE else "")
        if column == COL_LAYER:
            return node.layer.label if node.is_leaf else ""
        if column == COL_CHECK:
            return self.check_text(node)
        return ""

    def check_text(self, node: Criterion) -> str:
        """“30/30” for a group whose children add up, “28/30 ⚠” when something is wrong."""
        mark = f" {WARN}" if node.id in self._problems else ""
        if node.is_leaf:
            return mark.strip()
        bonus = self._table.is_bonus(node.id)
        total = sum(c.max_points for c in self._table.children(node.id)
                    if bonus or not self._table.is_bonus(c.id))
        return f"{format_number(total)}/{format_number(node.max_points)}{mark}"

    def tooltip(self, node: Criterion, column: int, found: list[TableProblem]) -> str | None:
        """The problems of the row, else the full title and its guidance."""
        if found:
            return "\n".join(p.message for p in found)
        if column == COL_CHECK and not node.is_leaf:
            if self._table.is_bonus(node.id):
                return "Nhóm điểm thưởng: không tính vào tổng điểm của bảng."
            return "Tổng điểm tối đa các mục con / điểm tối đa của nhóm."
        if column in (COL_CODE, COL_TITLE):
            return node.title + (f"\n\nHướng dẫn chấm: {node.guidance}" if node.guidance else "")
        return None


class CriteriaTreeView(QTreeView):
    """The tree over its own model; a new table keeps what was collapsed and selected."""

    def __init__(self) -> None:
        super().__init__(objectName="criteriaTree", alternatingRowColors=True,
                         expandsOnDoubleClick=False, uniformRowHeights=True, indentation=14)
        self.tree_model = CriteriaTreeModel()
        self.setModel(self.tree_model)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((76, 0, 78, 124, 106, 72)):
            self.setColumnWidth(column, width)
        self.restoring = False  # selection signals during a reload are not the user's
        self._collapsed: set[int] = set()
        self.collapsed.connect(lambda i: self._fold(i, True))
        self.expanded.connect(lambda i: self._fold(i, False))

    def _fold(self, index: QModelIndex, collapsed: bool) -> None:
        if not self.restoring:  # expandAll() announces every row too
            (self._collapsed.add if collapsed else self._collapsed.discard)(index.internalId())

    def show_table(self, table: CriteriaTable, problems: list[TableProblem],
                   keep: bool = True) -> None:
        """Show a table, all expanded but what the user collapsed; `keep` the selected row."""
        selected = self.selected()
        self.restoring = True
        self.tree_model.set_table(table, problems)
        self.expandAll()
        if not keep:
            self._collapsed.clear()
        for node_id in list(self._collapsed):
            self.collapse(self.tree_model.index_of(node_id))
        if keep and selected is not None and selected.id in table.nodes:
            self.select_row(selected.id)
        self.restoring = False

    def selected(self) -> Criterion | None:
        """The node of the current row."""
        return self.tree_model.node(self.currentIndex())

    def select_row(self, node_id: int) -> None:
        """Make a node the current, selected, visible row."""
        index = self.tree_model.index_of(node_id)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)


def table_summary(table: CriteriaTable, rules: RuleSet) -> str:
    """“Tổng điểm các phần: 100/100 · Điểm thưởng tối đa: 10 (theo quy định năm 2019)”."""
    if not table.nodes:
        return "Chưa có bảng tiêu chí."
    mark = f" {WARN}" if abs(table.max_total - rules.table_total) > 1e-9 else ""
    return (f"Tổng điểm các phần: {format_number(table.max_total)}/"
            f"{format_number(rules.table_total)}{mark} · Điểm thưởng tối đa: "
            f"{format_number(rules.bonus_cap)} (theo quy định năm {rules.year})")


class ProblemsModel(RowsModel[TableProblem]):
    """The checks' findings as a list: errors and warnings, in the order of the table."""

    HEADERS = ("Vấn đề",)

    def title(self) -> str:
        """The line above the list: how many errors and warnings, or that all is well."""
        problems = self.rows()
        if not problems:
            return "Kiểm tra bảng: không có vấn đề nào ✓"
        errors = sum(p.severity == "error" for p in problems)
        return (f"Kiểm tra bảng: {errors} lỗi, {len(problems) - errors} cảnh báo — chọn một dòng "
                "để đến chỗ cần sửa.")

    def display(self, row: TableProblem, column: int) -> str:
        prefix = "Lỗi" if row.severity == "error" else "Cảnh báo"
        return f"{WARN} {prefix}: {row.message}"

    def extra(self, row: TableProblem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(COLOURS[row.severity][1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.message
        return None

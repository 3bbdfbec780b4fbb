"""The candidate plan as a tree: per award form its quota and proposed units, then the excluded."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from data import awards, units
from data.candidates import ELIGIBILITY_SOURCE, CandidatePlan, plan_candidates
from data.db import Database
from data.rules import load_rules
from data.scoreboard import ScoreBoard
from data.standings import standings_of
from data.vntext import format_number

Index = QModelIndex | QPersistentModelIndex
COL_NAME, COL_QUOTA, COL_RANK, COL_TOTAL, COL_NOTE = range(5)
EXCLUDED_TITLE = "Không được đề nghị (vướng điều kiện khen thưởng)"
_EXCLUDED_TEXT = QColor("#9a3412")
_LISTED_TEXT = QColor("#1e5631")
_TOP = 0  # internalId of a group row; a unit row carries its group's row + 1


@dataclass(frozen=True)
class PlanLine:
    """One line of the tree: a group (award form or the excluded) or a unit under it."""

    texts: tuple[str, str, str, str, str]
    tip: str = ""
    excluded: bool = False
    listed: bool = False


def build_plan(db: Database, year: int, board: ScoreBoard) -> CandidatePlan:
    """`data.candidates.candidate_plan` over the session's loaded board (no second load)."""
    pairs = units.members(db, year)
    return plan_candidates(standings_of(board, {u.id: u for u, _ in pairs}),
                           {m.unit_id: m for _, m in pairs},
                           awards.award_forms(db, active_only=True), awards.quotas(db, year),
                           load_rules(db, year))


def plan_lines(plan: CandidatePlan, listed: Collection[tuple[int, int]]
               ) -> list[tuple[PlanLine, list[PlanLine]]]:
    """The groups and their lines; `listed` holds the (unit, award form) pairs already nominated."""
    groups: list[tuple[PlanLine, list[PlanLine]]] = []
    for fp in plan.forms:
        note = "; ".join(t for t in (f"Căn cứ: {fp.source}" if fp.source else "", fp.note) if t)
        head = PlanLine((fp.form.name, str(fp.quota), "", "", note), fp.note or fp.source)
        children = []
        for c in fp.candidates:
            marks = [text for flag, text in (
                ((c.unit_id, fp.form.id) in listed, "Đã có trong danh sách đề nghị"),
                (c.tie, "Bằng điểm ở ranh giới chỉ tiêu"), (c.women_70, "Nữ từ 70 % trở lên"))
                if flag]
            children.append(PlanLine((c.name, "", str(c.rank), format_number(c.total),
                                      "; ".join(marks)), c.name,
                                     listed=(c.unit_id, fp.form.id) in listed))
        groups.append((head, children))
    if plan.excluded:
        head = PlanLine((EXCLUDED_TITLE, "", "", "", f"Căn cứ: {ELIGIBILITY_SOURCE}"),
                        excluded=True)
        groups.append((head, [PlanLine((e.name, "", "", "", "; ".join(
            (*e.reasons, *((e.note,) if e.note else ())))), "\n".join(e.reasons), excluded=True)
            for e in plan.excluded]))
    return groups


class CandidatePlanModel(QAbstractItemModel):
    """Two levels: award forms (and the excluded units) with the units under each."""

    HEADERS = ("Hình thức khen thưởng / Đơn vị", "Chỉ tiêu", "Hạng", "Tổng điểm",
               "Căn cứ / ghi chú")

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[tuple[PlanLine, list[PlanLine]]] = []

    def set_plan(self, plan: CandidatePlan, listed: Collection[tuple[int, int]] = ()) -> None:
        """Show a new plan (a reset)."""
        self.beginResetModel()
        self._groups = plan_lines(plan, listed)
        self.endResetModel()

    def line(self, index: Index) -> PlanLine | None:
        """The line behind an index."""
        if not index.isValid():
            return None
        group = index.internalId()
        if group == _TOP:
            return self._groups[index.row()][0]
        return self._groups[group - 1][1][index.row()]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index)
        if line is None:
            return None
        column, top = index.column(), index.internalId() == _TOP
        if role == Qt.ItemDataRole.DisplayRole:
            return line.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (line.tip or line.texts[column]) or None
        if role == Qt.ItemDataRole.FontRole and top and column == COL_NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.excluded:
                return _EXCLUDED_TEXT
            if line.listed and column == COL_NOTE:
                return _LISTED_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_QUOTA, COL_RANK,
                                                                    COL_TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CandidatePlanView(QTreeView):
    """The plan, always expanded; read-only."""

    def __init__(self, model: CandidatePlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidatePlan")
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.expandAll)


class PlanTab(QWidget):
    """The plan's tab: what it is for, then the tree."""

    def __init__(self, model: CandidatePlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTab")
        self.view = CandidatePlanView(model)
        intro = QLabel("Đề xuất đơn vị đưa vào phiếu bầu theo xếp hạng thi đua và chỉ tiêu của "
                       "năm; đơn vị vướng điều kiện khen thưởng không được đề xuất.")
        intro.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.view, 1)

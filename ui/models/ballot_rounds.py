"""The rounds of the year-end meeting (model and view), and what the round dialog edits: the
candidates of a round, and the year's plan, members, quotas and ranks it offers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from data import awards, ballots, units, years
from data.candidates import ELIGIBILITY_SOURCE, CandidatePlan, candidate_plan
from data.db import Database
from data.meeting_model import BallotRound, EntryStatus, Purpose, RoundReport
from data.model import AwardForm, Membership, Officers, Quota, Unit
from data.rules import load_rules
from data.scoreboard import ScoreBoard
from data.scores import load_board
from data.standings import standings
from data.vntext import format_number
from ui.models.base import ROW_ROLE, RowsModel
from ui.models.round_results import outcome_text, purpose_title, status_text
from ui.widgets.table_actions import read_only_rows

Index = QModelIndex | QPersistentModelIndex
COL_PURPOSE, COL_ROUND, COL_CANDIDATES, COL_STATUS, COL_OUTCOME = range(5)
# status -> (background, text colour)
STATUS_COLOURS = {
    EntryStatus.NONE: (None, QColor("#6b7280")),
    EntryStatus.ONE: (QColor("#fff4d6"), QColor("#8a5a00")),
    EntryStatus.MISMATCH: (QColor("#fdecea"), QColor("#8a1c1c")),
    EntryStatus.INVALID: (QColor("#fdecea"), QColor("#8a1c1c")),
    EntryStatus.AGREED: (QColor("#e9f7ef"), QColor("#1e5631")),
}


@dataclass(frozen=True)
class RoundRow:
    """A round with its report, what it decides, its candidates' names and a later round."""

    report: RoundReport
    title: str
    candidates: tuple[str, ...]
    outcome: str
    later: int | None = None  # the id of the further round, once made

    @property
    def status(self) -> str:
        """Where the double entry stands, in a few words."""
        return status_text(self.report)


def load_rows(db: Database, meeting_id: int, year: int) -> list[RoundRow]:
    """The meeting's rounds in order: award forms as in the catalogue, then head, deputies."""
    names = {unit.id: unit.name for unit in units.all_units(db)}
    forms = {f.id: f.name for f in awards.award_forms(db)}
    reports = ballots.round_reports(db, meeting_id)
    rows = []
    for report in reports:
        b = report.round
        later = next((r.round.id for r in reports if r.round.purpose is b.purpose
                      and r.round.award_form_id == b.award_form_id
                      and r.round.round_no == b.round_no + 1), None)
        rows.append(RoundRow(report, purpose_title(b.purpose, year,
                                                   forms.get(b.award_form_id or 0, "")),
                             tuple(names.get(u, str(u)) for u in b.candidates),
                             outcome_text(report, names, later), later))
    return rows


class BallotRoundsModel(RowsModel[RoundRow]):
    """Read-only list of rounds; the status column is coloured by where the entry stands."""

    HEADERS = ("Nội dung bỏ phiếu", "Vòng", "Ứng viên", "Nhập kết quả", "Kết quả")
    NUMERIC = frozenset({COL_ROUND, COL_CANDIDATES})

    def display(self, row: RoundRow, column: int) -> Any:
        """The text of a cell."""
        b = row.report.round
        return (row.title, str(b.round_no), str(len(b.candidates)), row.status,
                row.outcome)[column]

    def extra(self, row: RoundRow, column: int, role: int) -> Any:
        """Status colours; the candidates and the round's terms as tooltips."""
        status = row.report.status
        if column == COL_STATUS and role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOURS[status][0]
        if column in (COL_STATUS, COL_OUTCOME) and role == Qt.ItemDataRole.ForegroundRole:
            return STATUS_COLOURS[status][1] if column == COL_STATUS or \
                row.report.result is None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            b = row.report.round
            if column == COL_CANDIDATES:
                return "Danh sách bầu:\n" + "\n".join(f"{i}. {n}" for i, n in
                                                       enumerate(row.candidates, start=1))
            if column == COL_STATUS:
                return row.report.status.label
            return f"{row.title} — vòng {b.round_no}: mỗi phiếu chọn {b.choices}, cần chọn " \
                   f"{b.seats}" + (f"\n{b.note}" if b.note else "")
        return None

    def row_of(self, round_id: int) -> int:
        """The model row of a round, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.report.round.id == round_id), -1)


class RoundsView(QTableView):
    """The rounds, one per row, the outcome column taking the room left."""

    def __init__(self, model: BallotRoundsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsTable")
        self.setModel(model)
        read_only_rows(self)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_OUTCOME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)


@dataclass(frozen=True)
class CandidateItem:
    """A unit on a round's list as the dialog shows it, with why it was proposed."""

    unit_id: int
    name: str
    detail: str = ""  # "hạng 1 · 109,6 điểm"


class RoundCandidatesModel(QAbstractListModel):
    """The candidates of a round in ballot order: add, remove, move."""

    def __init__(self, items: Sequence[CandidateItem] = ()) -> None:
        super().__init__()
        self._items = list(items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            detail = f" — {item.detail}" if item.detail else ""
            return f"{index.row() + 1}. {item.name}{detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.name
        if role == ROW_ROLE:
            return item
        return None

    def items(self) -> list[CandidateItem]:
        """The candidates in ballot order."""
        return list(self._items)

    def ids(self) -> tuple[int, ...]:
        """The candidates' unit ids in ballot order."""
        return tuple(item.unit_id for item in self._items)

    def set_items(self, items: Sequence[CandidateItem]) -> None:
        """Replace the whole list."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def add(self, item: CandidateItem) -> int:
        """Append a candidate; returns its row."""
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> CandidateItem:
        """Take a candidate off the list."""
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self._items.pop(row)
        self.endRemoveRows()
        if row < len(self._items):  # the numbers of those below change
            self.dataChanged.emit(self.index(row), self.index(len(self._items) - 1))
        return item

    def move(self, row: int, delta: int) -> int:
        """Move a candidate up or down the ballot; returns its new row."""
        target = max(0, min(len(self._items) - 1, row + delta))
        if target == row:
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(),
                           target + 1 if target > row else target)
        self._items.insert(target, self._items.pop(row))
        self.endMoveRows()
        low, high = min(row, target), max(row, target)
        self.dataChanged.emit(self.index(low), self.index(high))
        return target


@dataclass(frozen=True)
class RoundSetup:
    """What the dialog offers: the year's plan, members, forms, quotas, ranks and rounds."""

    year: int
    plan: CandidatePlan
    members: tuple[tuple[Unit, Membership], ...]
    forms: tuple[AwardForm, ...]
    quotas: dict[int, Quota]
    ranks: dict[int, tuple[int, float]]
    rounds: tuple[BallotRound, ...]
    officers: Officers
    max_rounds: int

    def detail(self, unit_id: int) -> str:
        """A unit's place in the ranking: "hạng 1 · 109,6 điểm"."""
        if unit_id not in self.ranks:
            return ""
        rank, total = self.ranks[unit_id]
        return f"hạng {rank} · {format_number(total)} điểm"

    def item(self, unit_id: int) -> CandidateItem:
        """A member as a candidate, with its place in the ranking."""
        name = next((u.name for u, _m in self.members if u.id == unit_id), str(unit_id))
        return CandidateItem(unit_id, name, self.detail(unit_id))

    def done(self, purpose: Purpose, form_id: int | None) -> list[int]:
        """The round numbers already held for a purpose."""
        return [r.round_no for r in self.rounds
                if r.purpose is purpose and r.award_form_id == form_id]

    def round_text(self, purpose: Purpose, form_id: int | None) -> str:
        """The number the next round of a purpose gets, or that no round is left."""
        done = sorted(self.done(purpose, form_id))
        if not done:
            return "Vòng 1"
        if max(done) >= self.max_rounds:
            return (f"Đã bỏ phiếu đủ {self.max_rounds} vòng: Trưởng khối và các Phó khối "
                    "quyết định.")
        return f"Vòng {max(done) + 1} (đã có vòng {', '.join(map(str, done))})"

    def plan_text(self, purpose: Purpose, form_id: int | None) -> str:
        """Where the proposed list comes from: the quota and ranking, or the current head."""
        y = self.year
        if purpose is not Purpose.AWARD:
            head = next((u.name for u, _m in self.members if u.id == self.officers.head), "")
            now = f" (Trưởng khối năm {y}: {head})" if head and purpose is Purpose.HEAD else ""
            return (f"Bầu đơn vị làm {'Trưởng' if purpose is Purpose.HEAD else 'Phó'} khối năm "
                    f"{y + 1}{now}. Thêm các đơn vị được đề cử vào danh sách bầu.")
        quota = self.quotas.get(form_id or 0)
        source = f" ({quota.source})" if quota and quota.source else ""
        text = (f"Chỉ tiêu năm {y}: {quota.count}{source}" if quota
                else f"Năm {y} chưa có chỉ tiêu cho hình thức này")
        plan = next((p for p in self.plan.forms if p.form.id == form_id), None)
        return (text + ". Danh sách đề xuất theo kết quả xếp hạng; có thể thêm, bớt, đổi thứ tự."
                + (f"\n{plan.note}" if plan and plan.note else ""))

    def excluded_text(self) -> str:
        """The units that cannot be proposed for an award, with the reasons (or nothing)."""
        blocked = [f"• {e.name}: {'; '.join(e.reasons)}" + (f" ({e.note})" if e.note else "")
                   for e in self.plan.excluded]
        return (f"Không được đề nghị khen thưởng ({ELIGIBILITY_SOURCE}):\n" + "\n".join(blocked)
                if blocked else "")


def round_setup(db: Database, year: int, meeting_id: int,
                board: ScoreBoard | None = None) -> RoundSetup:
    """Load what the dialog needs for the meeting of `year` (ranked on `board` when given)."""
    board = board if board is not None else load_board(db, year)
    ranks = {s.unit.id: (s.rank, s.ranked.result.final_total)
             for s in standings(db, year, board)}
    return RoundSetup(year, candidate_plan(db, year, board), tuple(units.members(db, year)),
                      tuple(awards.award_forms(db, active_only=True)),
                      {q.award_form_id: q for q in awards.quotas(db, year)}, ranks,
                      tuple(ballots.rounds(db, meeting_id)), years.officers(db, year),
                      load_rules(db, year).max_rounds)

"""A round's agreed result as a table (votes, percentage on the rule set's base, pass, verdict),
and the panel that shows it with its base and pass mark, or why there is no result yet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.meeting_model import CandidateResult, EntryStatus, Outcome, Purpose, RoundReport
from data.model import RuleSet
from data.rule_checker import mark_text
from data.vntext import format_number
from ui.models.base import RowsModel

COL_UNIT, COL_VOTES, COL_PERCENT, COL_PASSED, COL_VERDICT = range(5)
_PASSED, _FAILED = QColor("#1e5631"), QColor("#8a1c1c")
_ELECTED_BACKGROUND, _TIED_BACKGROUND = QColor("#e9f7ef"), QColor("#fff4d6")


def percent_text(value: float) -> str:
    """A percentage the Vietnamese way: 87.5 -> "87,5 %"."""
    return f"{format_number(value)} %"


def base_phrase(percent_base: str, base: int | None = None) -> str:
    """What percentages are taken of: "tổng số 8 đơn vị thành viên", "số phiếu hợp lệ"."""
    number = "" if base is None else f" {base}"
    return {"present": f"số{number} đơn vị có mặt",
            "valid": f"số{number} phiếu hợp lệ"}.get(percent_base,
                                                       f"tổng số{number} đơn vị thành viên")


def basis_text(rules: RuleSet, base: int | None = None) -> str:
    """The base and the pass mark with their sources, as said above a result table."""
    base_source, mark_source = rules.source("percent_base"), rules.source("pass_mark")
    text = f"Tỷ lệ tính trên {base_phrase(rules.percent_base, base)}"
    if base_source and base_source != mark_source:
        text += f" ({base_source})"
    text += f"; đạt khi {mark_text(rules.pass_mark)}"
    return text + (f" ({mark_source})" if mark_source else "")


def purpose_title(purpose: Purpose, year: int, form_name: str = "") -> str:
    """What a round decides: the award form's name, or "Bầu Trưởng khối năm 2020"."""
    if purpose is Purpose.AWARD:
        return form_name
    return f"{purpose.label} năm {year + 1}"


def status_text(report: RoundReport) -> str:
    """Where the double entry stands, in a few words."""
    if report.status is EntryStatus.ONE:
        return f"Đã nhập lần {report.entries[0].entry}"
    return {EntryStatus.NONE: "Chưa nhập", EntryStatus.MISMATCH: "Hai lần nhập lệch",
            EntryStatus.INVALID: "Khớp nhưng số liệu sai",
            EntryStatus.AGREED: "Hai lần nhập khớp"}[report.status]


def outcome_text(report: RoundReport, names: dict[int, str], later: int | None = None) -> str:
    """What the round decided: "Đã chọn: …", "Cần bỏ phiếu vòng 2", or the officers decide."""
    result = report.result
    if result is None:
        return "Chưa có kết quả"
    chosen = ", ".join(names.get(u, str(u)) for u in result.elected)
    if result.outcome is Outcome.ELECTED:
        return f"Đã chọn: {chosen}"
    if result.outcome is Outcome.FURTHER_ROUND:
        step = f"bỏ phiếu vòng {report.round.round_no + 1}"
        step = f"{step} (đã tạo)" if later is not None else step
        if not chosen:
            return f"Cần {step}"
        return f"Cần {step} cho {result.remaining_seats} suất còn lại; đã chọn: {chosen}"
    decide = "Trưởng khối và các Phó khối quyết định"
    return f"Đã chọn: {chosen}; {decide[:1].lower()}{decide[1:]} suất còn lại" if chosen \
        else decide


@dataclass(frozen=True)
class ResultRow:
    """One candidate's line of a round's result."""

    name: str
    result: CandidateResult
    verdict: str


def verdict(report: RoundReport, result: CandidateResult) -> str:
    """What the result means for one candidate: elected, tied at the cut-off, or neither."""
    outcome = report.result
    if result.elected:
        return "Được đề nghị" if report.round.purpose is Purpose.AWARD else "Trúng cử"
    if outcome is not None and result.unit_id in outcome.tied:
        after = ("bỏ phiếu vòng sau" if outcome.outcome is Outcome.FURTHER_ROUND
                 else "Trưởng khối và các Phó khối quyết định")
        return f"Bằng phiếu ở ranh giới: {after}"
    if result.passed:
        return "Đạt nhưng ngoài số cần chọn"
    return ""


def result_rows(report: RoundReport, names: dict[int, str]) -> list[ResultRow]:
    """The candidates by votes (none until both entries agree)."""
    if report.result is None:
        return []
    return [ResultRow(names.get(r.unit_id, f"Đơn vị mã số {r.unit_id}"), r, verdict(report, r))
            for r in report.result.results]


class RoundResultsModel(RowsModel[ResultRow]):
    """Read-only: Đơn vị, Số phiếu, Tỷ lệ, Đạt ngưỡng, Kết quả; the elected rows stand out."""

    HEADERS = ("Đơn vị", "Số phiếu", "Tỷ lệ", "Đạt ngưỡng", "Kết quả")
    NUMERIC = frozenset({COL_VOTES, COL_PERCENT})

    def display(self, row: ResultRow, column: int) -> Any:
        """The text of a cell."""
        r = row.result
        return (row.name, str(r.votes), percent_text(r.percent),
                "Đạt" if r.passed else "Không đạt", row.verdict)[column]

    def sort_value(self, row: ResultRow, column: int) -> Any:
        """Votes and percentages sort as numbers."""
        if column == COL_VOTES:
            return row.result.votes
        if column == COL_PERCENT:
            return row.result.percent
        return self.display(row, column)

    def extra(self, row: ResultRow, column: int, role: int) -> Any:
        """Green for passed, red for failed, a tint on elected and tied rows."""
        r = row.result
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_PASSED:
            return _PASSED if r.passed else _FAILED
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.elected:
                return _ELECTED_BACKGROUND
            if row.verdict.startswith("Bằng phiếu"):
                return _TIED_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and r.elected and column in (COL_UNIT, COL_VERDICT):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_UNIT:
            return row.name
        return None


def pending_text(report: RoundReport) -> str:
    """Why a round shows no result yet, and what to do next."""
    status = report.status
    if status is EntryStatus.NONE:
        return ("Chưa nhập kết quả kiểm phiếu. Gõ lần nhập 1 vào cột bên trái, lần nhập 2 (người "
                "thứ hai, từ cùng biên bản kiểm phiếu) vào cột bên phải. Kết quả hiện khi hai lần "
                "nhập khớp nhau.")
    if status is EntryStatus.ONE:
        other = 3 - report.entries[0].entry
        return f"Mới nhập lần {report.entries[0].entry}: cần nhập lần {other} để đối chiếu."
    if status is EntryStatus.MISMATCH:
        return "Hai lần nhập lệch nhau, chưa có kết quả:\n" + "\n".join(
            f"• {m.message}" for m in report.mismatches)
    return "Hai lần nhập khớp nhưng số liệu không hợp lệ:\n" + "\n".join(
        f"• {p.message}" for p in report.problems)


class ResultsPanel(QGroupBox):
    """A round's result: the base and pass mark, the table and the outcome, or why none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Kết quả (khi hai lần nhập khớp nhau)", parent)
        self.setObjectName("resultsBox")
        self.model = RoundResultsModel()
        self.view = QTableView(objectName="resultsTable")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.basis = QLabel(objectName="resultsBasis", wordWrap=True)
        self.outcome = QLabel(objectName="roundOutcome", wordWrap=True,
                              styleSheet="font-weight:600;")
        self.pending = QLabel(objectName="resultsPending", wordWrap=True,
                              styleSheet="color:#4b5563;")
        column = QVBoxLayout(self)
        for widget in (self.basis, self.view, self.outcome, self.pending):
            column.addWidget(widget, 1 if widget is self.view else 0)

    def show_round(self, report: RoundReport | None, names: dict[int, str],
                   rules: RuleSet | None = None, outcome: str = "") -> None:
        """Show a round's agreed result, or what is missing before there is one."""
        agreed = report is not None and report.result is not None \
            and report.status is EntryStatus.AGREED
        self.model.set_rows(result_rows(report, names) if report else [])
        for widget in (self.basis, self.view, self.outcome):
            widget.setVisible(agreed)
        self.pending.setVisible(report is not None and not agreed)
        if report is not None and not agreed:
            self.pending.setText(pending_text(report))
        elif report is not None and report.result is not None and rules is not None:
            self.basis.setText(basis_text(rules, report.result.base))
            self.outcome.setText(f"{outcome}.")

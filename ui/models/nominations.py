"""The nomination list as the document prints it: STT, unit, award form, score, rank, votes…"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from data import awards, ballots, meetings, nominations, units
from data.candidates import block_reasons
from data.db import Database
from data.meeting_model import CandidateResult, Nomination, RoundReport
from data.model import AwardForm
from data.ranking import RankedUnit
from data.scoreboard import ScoreBoard
from data.vntext import format_number, format_percent
from ui.models.base import RowsModel
from ui.widgets.table_actions import read_only_rows

(COL_NUMBER, COL_UNIT, COL_FORM, COL_TOTAL, COL_RANK, COL_VOTES, COL_ACHIEVEMENTS,
 COL_NOTE) = range(8)
NOT_WRITTEN = "(chưa ghi)"
_GROUP_TINT = QColor("#f3f6fa")
_BLOCKED_TINT = QColor("#fdecea")
_GREY = QColor("#8a8a8a")
TODO_STYLE = "QLabel { background:#e8f4fd; color:#0b4a6f; padding:4px; border-radius:3px; }"
_HEADER_TIPS = {
    COL_NUMBER: "Số thứ tự trong danh sách đề nghị (theo hình thức khen thưởng, rồi thứ tự "
                "trong danh sách; Ctrl+↑ / Ctrl+↓ để đổi)",
    COL_TOTAL: "Tổng điểm thi đua năm (điểm cuối cùng, sau thưởng và trừ)",
    COL_RANK: "Xếp hạng thi đua trong Khối",
    COL_VOTES: "Số phiếu đồng ý / cơ sở tính tỷ lệ, ở vòng bỏ phiếu đã đưa đơn vị vào danh sách",
    COL_ACHIEVEMENTS: "Tóm tắt thành tích: sửa ở khung bên phải",
}


@dataclass(frozen=True)
class NominationRow:
    """One line of the nomination list, with what the document prints beside the unit."""

    number: int
    nomination: Nomination
    unit_name: str
    form: AwardForm
    group: int  # 0, 1, 2… per award form, in catalogue order
    ranked: RankedUnit | None = None
    votes: CandidateResult | None = None
    base: int = 0
    round_label: str = ""
    blocked: tuple[str, ...] = ()

    @property
    def votes_text(self) -> str:
        """“7/8 (87,5 %)”, or empty when the nomination came from no counted round."""
        if self.votes is None:
            return ""
        return f"{self.votes.votes}/{self.base} ({format_percent(self.votes.percent / 100)})"

    @property
    def rank_text(self) -> str:
        """The rank, or empty for a unit the year's ranking does not hold."""
        return "" if self.ranked is None else str(self.ranked.rank)

    @property
    def facts(self) -> str:
        """Rank, total and votes in one line, for the writer of the summary."""
        rank = f"Hạng {self.rank_text}, {self.total_text} điểm" if self.ranked else ""
        votes = f"{self.votes_text} phiếu" if self.votes else "Chưa qua bỏ phiếu"
        return " · ".join(t for t in (rank, votes) if t)

    @property
    def total_text(self) -> str:
        """The final total with a decimal comma (109,6)."""
        return "" if self.ranked is None else format_number(self.ranked.result.final_total)


def _round_label(report: RoundReport, form: AwardForm) -> str:
    return f"Vòng {report.round.round_no} suy tôn “{form.name}”"


def load_rows(db: Database, year: int, board: ScoreBoard) -> list[NominationRow]:
    """The year's nominations by award form (catalogue order), then by their place in the list."""
    forms = {f.id: f for f in awards.award_forms(db)}
    listed = sorted(nominations.nominations(db, year),
                    key=lambda n: (forms[n.award_form_id].position, n.award_form_id, n.position,
                                   n.id))
    members = {unit.id: (unit, member) for unit, member in units.members(db, year)}
    ranked = {r.unit_id: r for r in board.ranking()}
    reports = {r.round.id: r for m in meetings.meetings(db, year)
               for r in ballots.round_reports(db, m.id)}
    groups = {form_id: i for i, form_id in enumerate(dict.fromkeys(n.award_form_id
                                                                    for n in listed))}
    rows = []
    for number, item in enumerate(listed, start=1):
        form = forms[item.award_form_id]
        report = reports.get(item.round_id or 0)
        result = report.result if report is not None else None
        votes = next((c for c in result.results if c.unit_id == item.unit_id), None) \
            if result is not None else None
        if item.unit_id in members:
            unit, member = members[item.unit_id]
        else:  # a unit that has since left the bloc
            unit, member = units.get_unit(db, item.unit_id), None
        rows.append(NominationRow(
            number, item, unit.name, form, groups[form.id], ranked.get(item.unit_id), votes,
            result.base if result is not None else 0,
            _round_label(report, form) if report is not None else "",
            block_reasons(member) if member is not None else ()))
    return rows


class NominationsModel(RowsModel[NominationRow]):
    """Read-only list in print order; groups of one award form share a tint."""

    HEADERS = ("STT", "Tên tập thể", "Hình thức đề nghị", "Tổng điểm", "Xếp hạng",
               "Số phiếu (%)", "Tóm tắt thành tích", "Ghi chú")
    NUMERIC = frozenset({COL_TOTAL, COL_VOTES})

    def display(self, row: NominationRow, column: int) -> Any:
        """The text of a cell."""
        item = row.nomination
        if column == COL_ACHIEVEMENTS:
            return " ".join(item.achievements.split()) or NOT_WRITTEN
        return (row.number, row.unit_name, row.form.name, row.total_text, row.rank_text,
                row.votes_text, "", item.note)[column]

    def extra(self, row: NominationRow, column: int, role: int) -> Any:
        """Tints, tooltips, alignment and emphasis."""
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.blocked:
                return _BLOCKED_TINT
            return _GROUP_TINT if row.group % 2 else None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_ACHIEVEMENTS \
                and not row.nomination.achievements:
            return _GREY
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_RANK):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column == COL_UNIT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    @staticmethod
    def _tooltip(row: NominationRow, column: int) -> str | None:
        if row.blocked and column == COL_UNIT:
            return f"Vướng điều kiện khen thưởng: {'; '.join(row.blocked)}."
        if column == COL_VOTES:
            return row.round_label or "Đề nghị này chưa qua bỏ phiếu tại hội nghị."
        if column == COL_RANK and row.ranked is not None and row.ranked.shared:
            return f"Đồng hạng {row.ranked.rank}"
        if column == COL_ACHIEVEMENTS and row.nomination.achievements:
            return row.nomination.achievements
        texts = {COL_UNIT: row.unit_name, COL_FORM: row.form.name, COL_NOTE: row.nomination.note}
        return texts.get(column) or None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return _HEADER_TIPS.get(section)
        return super().headerData(section, orientation, role)

    def row_of(self, nomination_id: int) -> int:
        """The model row of a nomination, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.nomination.id == nomination_id), -1)


def list_status(rows: Sequence[NominationRow], quotas: Mapping[int, int], waiting: int
                ) -> tuple[str, bool]:
    """The lines under the list (counts against quotas, the next step), and whether a step
    is left to do."""
    parts: list[str] = []
    todo = bool(waiting) or not rows
    if rows:
        counts = Counter(r.form.id for r in rows)
        names = {r.form.id: r.form.name for r in rows}
        parts.append(f"{len(rows)} đề nghị: " + " · ".join(
            f"{names[f]} {n}" + (f"/{quotas[f]}" if f in quotas else "")
            for f, n in counts.items()))
        missing = sum(1 for r in rows if not r.nomination.achievements)
        todo = todo or bool(missing)
        if missing:
            parts.append(f"{missing} đề nghị chưa có tóm tắt thành tích: chọn dòng, bấm Enter và "
                         "ghi ở khung bên phải.")
    if waiting:
        parts.append(f"{waiting} vòng suy tôn đã có kết quả nhưng chưa lập danh sách: bấm “Lập "
                     "từ kết quả bỏ phiếu” (Ctrl+L).")
    elif not rows:
        parts.append("Chưa có đề nghị nào. Nhập đủ hai lần kết quả kiểm phiếu ở trang “Bỏ phiếu” "
                     "rồi bấm “Lập từ kết quả bỏ phiếu”, hoặc “Thêm đề nghị…” (Ctrl+N).")
    return "\n".join(parts), todo


class NominationsView(QTableView):
    """The list in print order: rows of two lines (long names wrap, summaries are elided)."""

    def __init__(self, model: NominationsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nominationsTable")
        self.setModel(model)
        read_only_rows(self)
        self.setWordWrap(True)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((COL_UNIT, 160), (COL_FORM, 185)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_ACHIEVEMENTS, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Ctrl+↑/↓ move a nomination (the page's actions); when it cannot move, the cursor
        must not wander off silently either."""
        if (event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            event.accept()
            return
        super().keyPressEvent(event)

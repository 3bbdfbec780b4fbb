"""The tables of the year's documents, one source of rows each: the PDF, the Word file and the
council workbook all take their rows from here."""

from __future__ import annotations

from data.criteria_table import node_label
from data.documents.common import round_title
from data.documents.content import Cell, Column, ColumnKind, Table
from data.documents.record import YearRecord
from data.meeting_model import RoundReport
from data.vntext import format_number

TEXT, INTEGER, NUMBER, PERCENT, VOTES = (ColumnKind.TEXT, ColumnKind.INTEGER, ColumnKind.NUMBER,
                                         ColumnKind.PERCENT, ColumnKind.VOTES)


def _rank(record: YearRecord, unit_id: int) -> int | None:
    standing = record.standing(unit_id)
    return standing.rank if standing is not None else None


def attendance_table(record: YearRecord) -> Table:
    """Units present at the year-end meeting with their representatives."""
    attendance = record.attendance or {}
    rows: list[tuple[int, str, str, str]] = []
    for unit_id in record.order:
        seen = attendance.get(unit_id)
        if seen is not None and seen.present:
            rows.append((len(rows) + 1, record.name(unit_id), seen.rep_name, seen.rep_title))
    return Table("attendance", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Đơn vị", TEXT, 3),
        Column("representative", "Người dự", TEXT, 2), Column("title", "Chức vụ", TEXT, 2),
    ), tuple(rows))


def ranking_table(record: YearRecord) -> Table:
    """The year's ranking as approved at the meeting: total, rank and class."""
    rows = tuple((i, s.unit.name, s.ranked.result.final_total, s.rank, s.band)
                 for i, s in enumerate(record.standings, start=1))
    return Table("ranking", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Đơn vị", TEXT, 3.5),
        Column("final_total", "Tổng điểm", NUMBER, 1.1), Column("rank", "Xếp hạng", INTEGER, 1),
        Column("class", "Xếp loại", TEXT, 1.6),
    ), rows)


def _result_label(passed: bool, elected: bool) -> str:
    return "Trúng cử" if elected else ("Đạt" if passed else "Không đạt")


def round_table(record: YearRecord, report: RoundReport) -> Table:
    """A round's candidates by votes: yes votes, percentage on the base, the result."""
    assert report.result is not None
    rows = tuple((i, record.name(c.unit_id), c.votes, c.percent / 100,
                  _result_label(c.passed, c.elected))
                 for i, c in enumerate(report.result.results, start=1))
    return Table(f"round-{report.round.id}", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Đơn vị", TEXT, 3.5),
        Column("votes", "Số phiếu đồng ý", INTEGER, 1.2), Column("percent", "Tỷ lệ", PERCENT, 1),
        Column("result", "Kết quả", TEXT, 1.2),
    ), rows)


def nomination_table(record: YearRecord) -> Table:
    """Danh sách đề nghị khen thưởng: unit, award form, points, rank, votes, achievements."""
    rows = []
    for i, item in enumerate(record.nominations, start=1):
        form = record.forms.get(item.award_form_id)
        standing = record.standing(item.unit_id)
        report = record.report_of(item.round_id)
        votes = None
        if report is not None and report.result is not None:
            found = next((c for c in report.result.results if c.unit_id == item.unit_id), None)
            if found is not None:
                votes = (found.votes, found.percent / 100)
        rows.append((i, record.name(item.unit_id), form.name if form else "",
                     standing.ranked.result.final_total if standing else None,
                     _rank(record, item.unit_id), votes, item.achievements, item.note))
    return Table("nominations", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Tên tập thể", TEXT, 2.2),
        Column("award_form", "Hình thức đề nghị", TEXT, 2), Column("final_total", "Tổng điểm",
                                                                  NUMBER, 0.9),
        Column("rank", "Xếp hạng", INTEGER, 0.8), Column("votes", "Số phiếu (%)", VOTES, 1.1),
        Column("achievements", "Tóm tắt thành tích", TEXT, 4.2),
        Column("note", "Ghi chú", TEXT, 1),
    ), tuple(rows))


def _score_note(record: YearRecord, unit_id: int) -> str:
    standing = record.standing(unit_id)
    if standing is None:
        return ""
    result, notes = standing.ranked.result, []
    if standing.ranked.shared:
        notes.append("Đồng hạng")
    if result.fallback_items:
        notes.append(f"{result.fallback_items} nội dung lấy điểm tự chấm")
    if result.missing_items:
        notes.append(f"{result.missing_items} nội dung chưa chấm")
    return "; ".join(notes)


def score_table(record: YearRecord) -> Table:
    """Bảng tổng hợp điểm: three layers, bonus, penalty, total, rank, class, proposal, note."""
    proposals: dict[int, list[str]] = {}
    for item in record.nominations:
        form = record.forms.get(item.award_form_id)
        proposals.setdefault(item.unit_id, []).append(form.name if form else "")
    rows = []
    for i, s in enumerate(record.standings, start=1):
        r = s.ranked.result
        rows.append((i, s.unit.name, r.self_total, r.verified_total, r.council_total, r.bonus,
                     r.penalty, r.final_total, s.rank, s.band,
                     "; ".join(proposals.get(s.unit.id, [])), _score_note(record, s.unit.id)))
    return Table("scores", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Đơn vị", TEXT, 2.6),
        Column("self_total", "Tự chấm", NUMBER, 0.9),
        Column("verified_total", "Khối chấm", NUMBER, 0.9),
        Column("council_total", "Hội đồng chấm", NUMBER, 0.95),
        Column("bonus", "Thưởng", NUMBER, 0.95), Column("penalty", "Trừ", NUMBER, 0.8),
        Column("final_total", "Tổng", NUMBER, 0.9), Column("rank", "Xếp hạng", INTEGER, 0.85),
        Column("class", "Xếp loại", TEXT, 1.1), Column("proposal", "Đề nghị", TEXT, 2),
        Column("note", "Ghi chú", TEXT, 1.5),
    ), tuple(rows))


def registration_table(record: YearRecord) -> Table:
    """Each member unit's registration: title aimed at, award form, targets."""
    rows = []
    for i, unit_id in enumerate(record.order, start=1):
        reg = record.registrations.get(unit_id)
        form = record.forms.get(reg.award_form_id or 0) if reg else None
        rows.append((i, record.name(unit_id), reg.title_aimed if reg else "Chưa đăng ký",
                     form.name if form else "", reg.targets if reg else ""))
    return Table("registrations", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Đơn vị", TEXT, 2),
        Column("title_aimed", "Danh hiệu đăng ký", TEXT, 1.5),
        Column("award_form", "Hình thức khen thưởng đăng ký", TEXT, 1.7),
        Column("targets", "Chỉ tiêu đăng ký", TEXT, 3),
    ), tuple(rows))


def detail_table(record: YearRecord) -> Table:
    """Chi tiết điểm: each unit's final points per item of the criteria table (its code and
    maximum as header, every item in the table's order, bonus items too; blank where no
    layer has a score), then bonus after the cap, penalty and total; units in ranking order."""
    leaves = record.table.leaves
    rows = []
    for i, s in enumerate(record.standings, start=1):
        r = s.ranked.result
        points = {item.criterion_id: item for item in r.items}
        cells: list[Cell] = [i, s.unit.name]
        for leaf in leaves:
            item = points.get(leaf.id)
            cells.append(item.final_points if item is not None and item.final_layer is not None
                         else None)
        rows.append((*cells, r.bonus, r.penalty, r.final_total))
    return Table("detail", (
        Column("no", "STT", INTEGER, 0.6), Column("unit", "Đơn vị", TEXT, 2.6),
        *(Column(f"item-{leaf.id}", f"{node_label(leaf)} ({format_number(leaf.max_points)})",
                 NUMBER, 0.8) for leaf in leaves),
        Column("bonus", "Thưởng", NUMBER, 0.95), Column("penalty", "Trừ", NUMBER, 0.8),
        Column("final_total", "Tổng", NUMBER, 0.9),
    ), tuple(rows))


def ballot_table(record: YearRecord) -> Table:
    """Kết quả bỏ phiếu: every round of the year-end meeting, a row per candidate with the
    round's ballot counts, the candidate's yes votes, share on the base and result (a round
    without agreed counts: its candidates in ballot order, counts and votes blank)."""
    rows: list[tuple[Cell, ...]] = []
    for report in record.reports:
        title = f"{round_title(record, report)} (vòng {report.round.round_no})"
        count, result = report.agreed, report.result
        counts: tuple[Cell, ...] = ((count.issued, count.received, count.valid, count.invalid)
                                    if count is not None else (None, None, None, None))
        if result is None:
            rows += [(title, *counts, record.name(unit_id), None, None, "Chưa có kết quả")
                     for unit_id in report.round.candidates]
            continue
        rows += [(title, *counts, record.name(c.unit_id), c.votes, c.percent / 100,
                  _result_label(c.passed, c.elected)) for c in result.results]
    return Table("ballot", (
        Column("round", "Vòng", TEXT, 3.5), Column("issued", "Phát ra", INTEGER, 0.8),
        Column("received", "Thu vào", INTEGER, 0.8), Column("valid", "Hợp lệ", INTEGER, 0.8),
        Column("invalid", "Không hợp lệ", INTEGER, 0.9), Column("unit", "Đơn vị", TEXT, 2.6),
        Column("votes", "Số phiếu", INTEGER, 0.8), Column("percent", "Tỷ lệ", PERCENT, 0.9),
        Column("result", "Kết quả", TEXT, 1.1),
    ), tuple(rows))

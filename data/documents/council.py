"""Bảng tính gửi Hội đồng Thi đua - Khen thưởng: the year's score summary, the points of every
item, the nomination list and the ballot results, one sheet each, with the rows of the PDF
documents (data/documents/tables.py)."""

from __future__ import annotations

from dataclasses import dataclass

from data.documents.common import MissingData, unagreed_rounds
from data.documents.content import Table
from data.documents.record import YearRecord
from data.documents.tables import ballot_table, detail_table, nomination_table, score_table
from data.model import Layer
from data.rule_checker import mark_text
from data.rules import PERCENT_BASES
from data.vntext import format_number

LABEL = "Bảng tính gửi Hội đồng Thi đua - Khen thưởng"
COUNCIL = "Hội đồng Thi đua - Khen thưởng"  # when the bloc has not named its council


@dataclass(frozen=True)
class CouncilSheet:
    """One sheet: its tab name, its title, its table and notes written under the table (what
    the table leaves out, how a figure is made)."""

    name: str
    title: str
    table: Table
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CouncilWorkbook:
    """The workbook's content: its title, the lines above every sheet's title, the sheets."""

    year: int
    title: str  # "Bảng tính gửi Hội đồng Thi đua - Khen thưởng năm 2019"
    header: tuple[str, ...]  # the bloc, "Kính gửi: " the council, "Năm 2019"
    sheets: tuple[CouncilSheet, ...]

    def sheet(self, name: str) -> CouncilSheet:
        """The sheet with that tab name."""
        return next(s for s in self.sheets if s.name == name)


def missing(record: YearRecord) -> list[str]:
    """What the workbook cannot do without: scores (everything else may come later)."""
    if not record.standings:
        return [f"năm {record.year} chưa có đơn vị thành viên (trang Đơn vị)"]
    if not record.table.leaves:
        return [f"năm {record.year} chưa có bảng tiêu chí (trang Tiêu chí)"]
    if not any(i.final_layer is not None for s in record.standings
               for i in s.ranked.result.items):
        return [f"năm {record.year} chưa có điểm chấm của đơn vị nào (trang Chấm điểm)"]
    return []


def _total_note(record: YearRecord) -> str:
    return (f"Tổng = điểm từng nội dung theo lớp điểm có thẩm quyền "
            f"({Layer.VERIFIED.label.lower()} hoặc {Layer.COUNCIL.label.lower()}; chưa có thì "
            f"lấy điểm tự chấm) + điểm thưởng (tối đa {format_number(record.rules.bonus_cap)} "
            "điểm) − điểm trừ.")


def _ballot_notes(record: YearRecord) -> tuple[str, ...]:
    if record.meeting is None:
        return (f"Năm {record.year} chưa có hội nghị tổng kết.",)
    if not record.reports:
        return (f"Hội nghị tổng kết năm {record.year} chưa có vòng bỏ phiếu nào.",)
    rules = record.rules
    base = PERCENT_BASES.get(rules.percent_base, rules.percent_base).lower()
    pending = [f"{text[0].upper()}{text[1:]}." for text in unagreed_rounds(record)]
    return (f"Tỷ lệ: số phiếu đồng ý so với {base}; ngưỡng đạt: {mark_text(rules.pass_mark)}.",
            *pending)


def council_content(record: YearRecord) -> CouncilWorkbook:
    """The year's workbook for the council; MissingData when the year has no scores at all."""
    title = f"{LABEL} năm {record.year}"
    lacking = missing(record)
    if lacking:
        raise MissingData(title[0].lower() + title[1:], lacking)
    nominations = nomination_table(record)
    return CouncilWorkbook(record.year, title, (
        record.bloc.name, f"Kính gửi: {record.bloc.council or COUNCIL}", f"Năm {record.year}",
    ), (
        CouncilSheet("Tổng hợp điểm", "Bảng tổng hợp kết quả chấm điểm thi đua",
                     score_table(record), (_total_note(record),)),
        CouncilSheet("Chi tiết điểm", "Bảng điểm chi tiết theo nội dung chấm",
                     detail_table(record), (
                         "Cột nội dung: mã nội dung (điểm tối đa), điểm theo lớp điểm có thẩm "
                         "quyền (chưa có thì lấy điểm tự chấm); để trống: chưa chấm.",
                         "Thưởng: điểm thưởng sau giới hạn (các nội dung thưởng và điểm vượt "
                         "kế hoạch). " + _total_note(record))),
        CouncilSheet("Danh sách đề nghị", "Danh sách đề nghị khen thưởng", nominations,
                     () if nominations.rows else (
                         f"Năm {record.year} chưa có đơn vị nào trong danh sách đề nghị khen "
                         "thưởng.",)),
        CouncilSheet("Kết quả bỏ phiếu", "Kết quả bỏ phiếu tại hội nghị tổng kết",
                     ballot_table(record), _ballot_notes(record)),
    ))

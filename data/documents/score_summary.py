"""Bảng tổng hợp điểm: every unit's three layers, bonus, penalty, total, rank, class and the
award proposed, on landscape pages, signed by the bloc head."""

from __future__ import annotations

from data.documents.common import Imprint, head_missing, head_signature, letterhead
from data.documents.content import Block, Document, Role, Section, para
from data.documents.record import YearRecord
from data.documents.tables import score_table
from data.model import Layer
from data.vntext import format_number, format_percent

KIND = "scores"
LABEL = "Bảng tổng hợp điểm"


def missing(record: YearRecord) -> list[str]:
    """What the score summary needs and the year does not have yet."""
    found = []
    if not record.standings:
        found.append(f"năm {record.year} chưa có đơn vị thành viên (trang Đơn vị)")
    elif not any(i.final_layer is not None for s in record.standings
                 for i in s.ranked.result.items):
        found.append(f"năm {record.year} chưa có điểm chấm của đơn vị nào (trang Chấm điểm)")
    return found + head_missing(record)


def _notes(record: YearRecord) -> list[Block]:
    bands = "; ".join(
        f"{b.name}: từ {format_number(b.min_total)} điểm"
        + (f", không tiêu chí nào dưới {format_percent(b.floor_share, 0)} điểm tối đa"
           if b.floor_share else "")
        for b in record.rules.bands if b.min_total > 0)
    return [
        para("Ghi chú:", bold=True, keep_with_next=True),
        para(f"- Tổng = điểm từng nội dung theo lớp điểm có thẩm quyền "
             f"({Layer.VERIFIED.label.lower()} hoặc {Layer.COUNCIL.label.lower()}; chưa có thì "
             "lấy điểm tự chấm) + điểm thưởng "
             f"(tối đa {format_number(record.rules.bonus_cap)} điểm) − điểm trừ.",
             keep_with_next=True),
        para(f"- Xếp loại: {bands}.", keep_with_next=True),
    ]


def build(record: YearRecord, imprint: Imprint) -> Document:
    """The year's score summary."""
    blocks: list[Block] = [
        para(f"Bảng tổng hợp kết quả chấm điểm thi đua năm {record.year}", Role.TITLE),
        para(record.bloc.name, Role.SUBJECT),
    ]
    if imprint.reference:
        blocks.append(para(f"(Kèm theo {imprint.reference} của {record.bloc.name})", Role.NOTE))
    blocks += [score_table(record), *_notes(record), head_signature(record, imprint)]
    return Document(KIND, record.year, f"{LABEL} năm {record.year}",
                    (Section(tuple(blocks), letterhead(record, imprint), landscape=True),),
                    imprint.issued_on, "", imprint.draft, imprint.profile.id)

"""Tờ trình đề nghị khen thưởng, with the nomination list (danh sách đề nghị khen thưởng)
attached on landscape pages numbered on their own."""

from __future__ import annotations

from data.documents.common import (
    Imprint,
    bare_number,
    head_missing,
    head_signature,
    iso_date,
    letterhead,
)
from data.documents.content import Block, Document, Role, Section, para
from data.documents.record import YearRecord
from data.documents.tables import nomination_table
from data.vntext import short_date

KIND = "submission"
LABEL = "Tờ trình đề nghị khen thưởng"


def missing(record: YearRecord) -> list[str]:
    """What the submission needs and the year does not have yet."""
    found = []
    if record.meeting is None or not record.meeting.held_on:
        found.append(f"năm {record.year} chưa ghi ngày hội nghị tổng kết (trang Hội nghị)")
    if not record.nominations:
        found.append("chưa có đơn vị nào trong danh sách đề nghị khen thưởng (trang Khen thưởng)")
    if not record.bloc.council:
        found.append("chưa ghi cơ quan nhận tờ trình (Hội đồng Thi đua - Khen thưởng) trong "
                     "thông tin khối")
    return found + head_missing(record)


def _by_form(record: YearRecord) -> list[str]:
    groups: dict[int, list[str]] = {}
    for item in record.nominations:
        groups.setdefault(item.award_form_id, []).append(record.name(item.unit_id))
    lines = []
    for form_id, names in groups.items():
        form = record.forms.get(form_id)
        lines.append(f"- {form.name if form else 'Hình thức khác'}: {len(names):02d} tập thể "
                     f"({'; '.join(names)});")
    lines[-1] = lines[-1][:-1] + "."
    return lines


def attachment_note(imprint: Imprint, record: YearRecord) -> str:
    """"(Kèm theo Tờ trình số 03/TTr-KTĐNC ngày 3/12/2019 của Khối …)"."""
    return (f"(Kèm theo Tờ trình số {bare_number(imprint.number)} ngày "
            f"{short_date(imprint.issued_on)} của {record.bloc.name})")


def build(record: YearRecord, imprint: Imprint) -> Document:
    """The submission to the council, then the nomination list."""
    assert record.meeting is not None and record.quorum is not None
    bloc, meeting = record.bloc, record.meeting
    total = len(record.nominations)
    letter: list[Block] = [
        para("Tờ trình", Role.TITLE),
        para(f"Về việc đề nghị khen thưởng năm {record.year} cho các tập thể thuộc {bloc.name}",
             Role.SUBJECT),
        para(f"Kính gửi: {bloc.council}.", Role.ADDRESSEE),
        para(f"Căn cứ kết quả chấm điểm, xếp hạng thi đua năm {record.year} và kết quả bỏ phiếu "
             f"suy tôn, bình xét khen thưởng tại Hội nghị tổng kết công tác thi đua, khen thưởng "
             f"ngày {short_date(iso_date(meeting.held_on))} (có mặt {record.quorum.present}/"
             f"{record.quorum.members} đơn vị thành viên);"),
        para(f"{bloc.name} kính đề nghị {bloc.council} xem xét, đề nghị khen thưởng cho "
             f"{total:02d} tập thể, cụ thể như sau:", keep_with_next=True),
        *(para(line) for line in _by_form(record)),
        para("(Có danh sách và tóm tắt thành tích kèm theo)."),
        para(f"{bloc.name} kính trình {bloc.council} xem xét, quyết định./.",
             keep_with_next=True),
        head_signature(record, imprint, ("Như trên", "Các đơn vị thành viên Khối")),
    ]
    attached: list[Block] = [
        para(f"Danh sách đề nghị khen thưởng năm {record.year}", Role.TITLE),
        para(attachment_note(imprint, record), Role.NOTE),
        nomination_table(record),
    ]
    return Document(KIND, record.year, f"{LABEL} năm {record.year}", (
        Section(tuple(letter), letterhead(record, imprint)),
        Section(tuple(attached), landscape=True, restart_numbering=True),
    ), imprint.issued_on, imprint.number, imprint.draft, imprint.profile.id)

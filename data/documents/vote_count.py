"""Biên bản kiểm phiếu: the counting committee's record of every round of the year-end ballot,
signed by each of its members."""

from __future__ import annotations

from data.documents.common import (
    Imprint,
    iso_date,
    letterhead,
    meeting_missing,
    time_phrase,
    unagreed_rounds,
    with_title,
)
from data.documents.content import Block, Document, Role, Section, Signatures, Signer, para
from data.documents.minutes import round_blocks
from data.documents.record import YearRecord
from data.vntext import date_phrase

KIND = "vote-count"
LABEL = "Biên bản kiểm phiếu"


def missing(record: YearRecord) -> list[str]:
    """What the vote-count minutes need and the year does not have yet."""
    found = meeting_missing(record)
    if record.meeting is not None and not record.meeting.committee:
        found.append("chưa có thành viên ban kiểm phiếu (trang Hội nghị)")
    if record.meeting is not None and not record.reports:
        found.append("chưa có vòng bỏ phiếu nào (trang Bỏ phiếu)")
    return found + unagreed_rounds(record)


def build(record: YearRecord, imprint: Imprint) -> Document:
    """The counting committee's minutes of every round of the year-end meeting."""
    meeting, quorum = record.meeting, record.quorum
    assert meeting is not None and quorum is not None
    members = [para(f"{i}. {with_title(c.name, c.title)}{' - ' + c.role if c.role else ''}.")
               for i, c in enumerate(meeting.committee, start=1)]
    blocks: list[Block] = [
        para("Biên bản kiểm phiếu", Role.TITLE),
        para(f"Bỏ phiếu kín tại Hội nghị tổng kết công tác thi đua, khen thưởng năm {record.year}",
             Role.SUBJECT),
        para(f"Hồi {time_phrase(meeting.start_time)}, {date_phrase(iso_date(meeting.held_on))}, "
             f"tại {meeting.place}, Ban kiểm phiếu do Hội nghị tổng kết công tác thi đua, khen "
             f"thưởng năm {record.year} của {record.bloc.name} bầu ra, gồm:",
             keep_with_next=True),
        *members,
        para(f"Đã tiến hành kiểm phiếu. Số đơn vị thành viên: {quorum.members}; số đơn vị có mặt: "
             f"{quorum.present}. Kết quả kiểm phiếu như sau:", keep_with_next=True),
    ]
    for i, report in enumerate(record.reports, start=1):
        blocks += round_blocks(record, i, report)
    blocks += [
        para("Ban kiểm phiếu lập biên bản này và công bố kết quả trước hội nghị./.",
             keep_with_next=True),
        Signatures(tuple(Signer(c.role or "Thành viên", c.name) for c in meeting.committee),
                   per_row=min(3, len(meeting.committee)), heading="Ban kiểm phiếu"),
    ]
    return Document(KIND, record.year, f"{LABEL} năm {record.year}",
                    (Section(tuple(blocks), letterhead(record, imprint)),), imprint.issued_on,
                    imprint.number, imprint.draft, imprint.profile.id)

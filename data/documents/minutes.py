"""Biên bản hội nghị tổng kết: time and place, who attended, the content with opinions and
conclusions, the approved ranking, each ballot round's counts and results, next year's officers,
the closing time and the signatures of the secretary and the chair."""

from __future__ import annotations

from dataclasses import replace

from data.documents.ballot_papers import choices_phrase
from data.documents.common import (
    Imprint,
    iso_date,
    letterhead,
    meeting_missing,
    names_phrase,
    round_title,
    time_phrase,
    unagreed_rounds,
    with_note,
    with_title,
)
from data.documents.content import (
    Block,
    Document,
    Para,
    Role,
    Run,
    Section,
    Signatures,
    Signer,
    labelled,
    para,
)
from data.documents.record import YearRecord
from data.documents.tables import attendance_table, ranking_table, round_table
from data.lifecycle import OfficerBasis
from data.meeting_model import RoundReport, in_sentence
from data.rule_checker import mark_text
from data.rules import PERCENT_BASES
from data.vntext import date_phrase

KIND = "minutes"
LABEL = "Biên bản hội nghị tổng kết"


def missing(record: YearRecord) -> list[str]:
    """What the minutes need and the year does not have yet."""
    return meeting_missing(record) + unagreed_rounds(record)


def _opening(record: YearRecord) -> Para:
    meeting = record.meeting
    assert meeting is not None
    return para(f"Hồi {time_phrase(meeting.start_time)}, {date_phrase(iso_date(meeting.held_on))}"
                f", tại {meeting.place}, {record.bloc.name} tổ chức Hội nghị tổng kết công tác "
                f"thi đua, khen thưởng năm {record.year}.")


def _attendance(record: YearRecord) -> list[Block]:
    meeting, quorum = record.meeting, record.quorum
    assert meeting is not None and quorum is not None
    blocks: list[Block] = [para("I. THÀNH PHẦN THAM DỰ", Role.HEADING, keep_with_next=True)]
    number = 1
    if meeting.guests:
        blocks.append(para(f"{number}. Đại biểu mời:", bold=True, keep_with_next=True))
        blocks += [para(f"- {with_title(g.name, g.title)};") for g in meeting.guests]
        number += 1
    blocks.append(replace(labelled(
        f"{number}. Các đơn vị thành viên", f"có mặt {quorum.present}/{quorum.members} đơn vị "
        f"(tối thiểu {quorum.needed} đơn vị theo quy định), "
        f"{'đủ' if quorum.met else 'không đủ'} số lượng để hội nghị tiến hành."),
        keep_with_next=True))
    blocks.append(attendance_table(record))
    attendance = record.attendance or {}
    absent = [u for u in record.order if u not in attendance or not attendance[u].present]
    if absent:
        reasons = "; ".join(with_note(record.name(u), attendance[u].absence_reason
                                      if u in attendance else "không có thông tin")
                            for u in absent)
        blocks.append(labelled("Vắng mặt", f"{len(absent)} đơn vị: {reasons}."))
    blocks.append(labelled(f"{number + 1}. Chủ trì",
                           with_title(meeting.chair_name, meeting.chair_title) + "."))
    blocks.append(labelled(f"{number + 2}. Thư ký",
                           with_title(meeting.secretary_name, meeting.secretary_title) + "."))
    return blocks


def _agenda(record: YearRecord) -> list[Block]:
    meeting = record.meeting
    assert meeting is not None
    blocks: list[Block] = [para("II. NỘI DUNG HỘI NGHỊ", Role.HEADING, keep_with_next=True)]
    if not meeting.agenda:
        blocks.append(para("Hội nghị nghe báo cáo tổng kết, thông qua kết quả chấm điểm, xếp hạng "
                           "và tiến hành bỏ phiếu suy tôn, bình xét khen thưởng."))
    for i, item in enumerate(meeting.agenda, start=1):
        blocks.append(para(f"{i}. {item.title}", bold=True, keep_with_next=True))
        for label, text in (("Ý kiến", item.opinions), ("Kết luận", item.conclusion)):
            for n, line in enumerate(text.splitlines()):
                if line.strip():
                    blocks.append(labelled(label, line) if n == 0 else para(line))
    return blocks


def round_blocks(record: YearRecord, number: int, report: RoundReport) -> list[Block]:
    """A round's heading, counts, results table and outcome (shared with the vote-count)."""
    ballot, result, count = report.round, report.result, report.agreed
    assert result is not None and count is not None
    base = PERCENT_BASES.get(record.rules.percent_base, "").lower()
    elected = [record.name(u) for u in result.elected]
    outcome = (f"{names_phrase(elected)} trúng cử" if elected else "Không đơn vị nào trúng cử")
    return [
        para(f"{number}. {round_title(record, report)} (vòng {ballot.round_no})", bold=True,
             keep_with_next=True),
        para(f"Mỗi phiếu chọn {choices_phrase(ballot.choices)}, cần bầu {ballot.seats}. Số phiếu "
             f"phát ra: {count.issued}; số phiếu thu vào: {count.received}; số phiếu hợp lệ: "
             f"{count.valid}; số phiếu không hợp lệ: {count.invalid}. Tỷ lệ tính trên {base} "
             f"({result.base}); ngưỡng đạt: {mark_text(record.rules.pass_mark)}.",
             keep_with_next=True),
        round_table(record, report),
        para(f"Kết quả: {outcome} ({in_sentence(result.outcome.label)})."),
    ]


def _results(record: YearRecord) -> list[Block]:
    blocks: list[Block] = [
        para(f"III. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM {record.year}", Role.HEADING,
             keep_with_next=True),
        para("Hội nghị thống nhất kết quả chấm điểm, xếp hạng thi đua của các đơn vị như sau:",
             keep_with_next=True),
        ranking_table(record),
    ]
    meeting = record.meeting
    assert meeting is not None
    if record.reports:
        committee = "; ".join(with_note(with_title(c.name, c.title), c.role.lower())
                              for c in meeting.committee)
        blocks += [para("IV. KẾT QUẢ BỎ PHIẾU KÍN", Role.HEADING, keep_with_next=True),
                   para(f"Ban kiểm phiếu gồm: {committee}." if committee else
                        "Hội nghị tiến hành bỏ phiếu kín.", keep_with_next=True)]
        for i, report in enumerate(record.reports, start=1):
            blocks += round_blocks(record, i, report)
    blocks += _officers(record, "V" if record.reports else "IV")
    return blocks


def _officers(record: YearRecord, numeral: str) -> list[Block]:
    officers = record.next_officers
    if officers is None or officers.head is None:
        return []
    deputies = [record.name(d) for d in officers.deputies]
    how = {OfficerBasis.BALLOT: "bầu bằng phiếu kín", OfficerBasis.ROTATION:
           "luân phiên, hội nghị thống nhất", OfficerBasis.OFFICERS:
           "Trưởng khối và các Phó khối quyết định", OfficerBasis.CURRENT: "giữ như năm trước"}
    lines: list[Block] = [
        para(f"{numeral}. TRƯỞNG KHỐI, PHÓ KHỐI NĂM {officers.year}", Role.HEADING,
             keep_with_next=True),
        para(f"Trưởng khối: {record.name(officers.head)} ({how[officers.head_basis]}).")]
    if deputies:
        lines.append(para(f"Phó khối: {'; '.join(deputies)} ({how[officers.deputy_basis]})."))
    return lines


def build(record: YearRecord, imprint: Imprint) -> Document:
    """The minutes of the year-end meeting."""
    meeting = record.meeting
    assert meeting is not None
    labels = imprint.profile.labels
    blocks: list[Block] = [
        para("Biên bản", Role.TITLE),
        para(f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {record.year}", Role.SUBJECT),
        _opening(record), *_attendance(record), *_agenda(record), *_results(record),
        Para((Run(f"Hội nghị kết thúc vào hồi {time_phrase(meeting.end_time)} cùng ngày, biên "
                  "bản được thông qua tại hội nghị./."),), Role.BODY, keep_with_next=True),
        Signatures((Signer(labels["secretary"], meeting.secretary_name),
                    Signer(labels["chair"], meeting.chair_name))),
    ]
    return Document(KIND, record.year, f"{LABEL} năm {record.year}",
                    (Section(tuple(blocks), letterhead(record, imprint)),), imprint.issued_on,
                    imprint.number, imprint.draft, imprint.profile.id)

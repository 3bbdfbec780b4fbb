"""data/documents/common.py: letterhead, signatures, phrases and what is missing."""

from __future__ import annotations

import datetime
from dataclasses import replace

from data.documents.common import (
    Imprint,
    MissingData,
    bare_number,
    head_missing,
    head_signature,
    letterhead,
    meeting_missing,
    names_phrase,
    round_title,
    time_phrase,
    unagreed_rounds,
    with_note,
    with_title,
)
from data.documents.profiles import load_profile
from data.documents.record import YearRecord
from data.meeting_model import EntryStatus
from data.model import Officers


def test_letterhead(record: YearRecord, imprint: Imprint) -> None:
    head = letterhead(record, imprint)
    assert head.agency_above == "Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh"
    assert head.issuer == "Khối thi đua các cơ quan nội chính tỉnh"
    assert head.number == "Số: 05/BB-KTĐNC"
    assert head.place_date == "Bắc Ninh, ngày 03 tháng 12 năm 2019"
    without_place = replace(record, bloc=replace(record.bloc, place=""))
    assert letterhead(without_place, imprint).place_date == "Ngày 03 tháng 12 năm 2019"


def test_head_signature_with_recipients(record: YearRecord, imprint: Imprint) -> None:
    block = head_signature(record, imprint, ("Như trên",))
    (signer,) = block.signers
    assert (signer.capacity, signer.title, signer.name) == ("TM. Khối thi đua", "TRƯỞNG KHỐI",
                                                            "Nguyễn Văn Khải")
    assert block.recipients_label == "Nơi nhận:"
    assert block.recipients == ("- Như trên;", "- Lưu: VT.")
    party = Imprint(load_profile("party"), imprint.issued_on)
    assert head_signature(record, party).signers[0].capacity == "T/M Khối thi đua"
    assert head_signature(record, party, ("Như trên",)).recipients[-1] == "- Lưu Văn phòng."


def test_head_missing(record: YearRecord) -> None:
    assert head_missing(record) == []
    headless = replace(record, officers=Officers(2019))
    assert head_missing(headless) == ["chưa có đơn vị Trưởng khối năm 2019 (trang Đơn vị)"]
    head = record.officers.head or 0
    nameless = replace(record, memberships={**record.memberships, head: replace(
        record.memberships[head], head_name="")})
    assert head_missing(nameless) == ["chưa có họ tên thủ trưởng của đơn vị Trưởng khối “Cục "
                                      "Thi hành án dân sự tỉnh” (trang Đơn vị)"]


def test_phrases(record: YearRecord) -> None:
    assert time_phrase("14:00") == "14 giờ 00 phút" and time_phrase("08:05") == "8 giờ 05 phút"
    assert names_phrase([]) == "" and names_phrase(["A"]) == "A"
    assert names_phrase(["A", "B", "C"]) == "A, B và C"
    assert bare_number("Số: 03/TTr-KTĐNC") == "03/TTr-KTĐNC"
    assert bare_number("Số 12-BB/BTGTU") == "12-BB/BTGTU"
    assert with_title("Lê Thị Thu Trang", "") == "Lê Thị Thu Trang"
    assert with_note("Thanh tra tỉnh", "đi công tác") == "Thanh tra tỉnh (đi công tác)"
    titles = [round_title(record, r) for r in record.reports]
    assert titles == ["Suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019",
                      "Suy tôn “Bằng khen của Thủ tướng Chính phủ” năm 2019",
                      "Suy tôn “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” năm 2019",
                      "Bầu Trưởng khối năm 2020", "Bầu Phó khối năm 2020"]


def test_meeting_missing(record: YearRecord) -> None:
    assert meeting_missing(record) == [] and unagreed_rounds(record) == []
    assert meeting_missing(replace(record, meeting=None)) == [
        "năm 2019 chưa có hội nghị tổng kết (trang Hội nghị)"]
    assert record.meeting is not None
    bare = replace(record, meeting=replace(record.meeting, end_time="", chair_name=""))
    assert meeting_missing(bare) == ["hội nghị tổng kết chưa ghi giờ kết thúc, họ tên người chủ "
                                     "trì (trang Hội nghị)"]
    first = replace(record.reports[0], status=EntryStatus.ONE, result=None)
    assert unagreed_rounds(replace(record, reports=(first,))) == [
        "vòng 1 suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019 chưa có kết quả kiểm "
        "phiếu thống nhất (mới nhập một lần, cần nhập lần 2)"]


def test_missing_data_message() -> None:
    error = MissingData("biên bản hội nghị tổng kết năm 2020", ["a", "b"])
    assert error.message == "Chưa lập được biên bản hội nghị tổng kết năm 2020: a; b."
    assert error.missing == ("a", "b")


def test_imprint_defaults() -> None:
    day = datetime.date(2019, 12, 3)
    plain = Imprint(load_profile("state"), day)
    assert (plain.number, plain.draft, plain.reference) == ("", False, "")

"""data/documents/vote_count.py: the counting committee's minutes."""

from __future__ import annotations

from dataclasses import replace

from data.documents import vote_count
from data.documents.common import Imprint
from data.documents.content import Signatures
from data.documents.record import YearRecord


def test_the_vote_count_of_the_demo_meeting(record: YearRecord, imprint: Imprint) -> None:
    document = vote_count.build(record, imprint)
    assert document.title == "Biên bản kiểm phiếu năm 2019" and document.kind == "vote-count"
    lines = [p.text for p in document.paragraphs()]
    assert lines[:2] == ["Biên bản kiểm phiếu", "Bỏ phiếu kín tại Hội nghị tổng kết công tác thi "
                                                "đua, khen thưởng năm 2019"]
    assert "1. Đào Thị Minh Huệ, Phó Chánh Văn phòng Tòa án nhân dân tỉnh - Trưởng ban." in lines
    assert ("Đã tiến hành kiểm phiếu. Số đơn vị thành viên: 8; số đơn vị có mặt: 8. Kết quả "
            "kiểm phiếu như sau:") in lines
    assert "4. Bầu Trưởng khối năm 2020 (vòng 1)" in lines
    assert ("Mỗi phiếu chọn 01 đơn vị, cần bầu 1. Số phiếu phát ra: 8; số phiếu thu vào: 8; số "
            "phiếu hợp lệ: 8; số phiếu không hợp lệ: 0. Tỷ lệ tính trên tổng số đơn vị thành viên "
            "(8); ngưỡng đạt: trên 50 %.") in lines
    assert len(document.tables()) == 5
    signatures = document.sections[0].blocks[-1]
    assert isinstance(signatures, Signatures) and signatures.heading == "Ban kiểm phiếu"
    assert [(s.title, s.name) for s in signatures.signers] == [
        ("Trưởng ban", "Đào Thị Minh Huệ"), ("Thành viên", "Bùi Văn Long"),
        ("Thành viên", "Trương Thị Hạnh")]
    assert signatures.per_row == 3


def test_missing_data_is_named(record: YearRecord) -> None:
    assert vote_count.missing(record) == []
    assert record.meeting is not None
    no_committee = replace(record, meeting=replace(record.meeting, committee=()), reports=())
    assert vote_count.missing(no_committee) == [
        "chưa có thành viên ban kiểm phiếu (trang Hội nghị)",
        "chưa có vòng bỏ phiếu nào (trang Bỏ phiếu)"]

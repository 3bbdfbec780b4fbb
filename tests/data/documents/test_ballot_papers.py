"""data/documents/ballot_papers.py: a paper per round, a copy per unit present."""

from __future__ import annotations

from dataclasses import replace

from data.documents import ballot_papers
from data.documents.common import Imprint
from data.documents.content import BallotPaper
from data.documents.record import YearRecord
from data.meeting_model import Quorum


def test_papers_of_the_demo_meeting(record: YearRecord, imprint: Imprint) -> None:
    document = ballot_papers.build(record, imprint)
    (section,) = document.sections
    papers = [b for b in section.blocks if isinstance(b, BallotPaper)]
    assert len(papers) == 5 and all(p.copies == 8 for p in papers)
    flag = papers[0]
    assert flag.issuer == "Khối thi đua các cơ quan nội chính tỉnh" and flag.title == "Phiếu bầu"
    assert flag.purpose == "Suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019"
    assert flag.candidates == ("Cục Thi hành án dân sự tỉnh", "Công an tỉnh")
    assert flag.instruction == (
        "Mỗi phiếu chọn không quá 2 đơn vị: đánh dấu X vào ô “Đồng ý” của đơn vị được chọn. "
        "Phiếu chọn quá 2 đơn vị, hoặc ghi thêm tên, là phiếu không hợp lệ.")
    assert papers[3].purpose == "Bầu Trưởng khối năm 2020"
    assert papers[3].instruction.startswith("Mỗi phiếu chọn 01 đơn vị:")
    assert document.number == "" and section.letterhead is None


def test_a_second_round_says_so(record: YearRecord, imprint: Imprint) -> None:
    later = replace(record.reports[0], round=replace(record.reports[0].round, round_no=2))
    papers = ballot_papers.build(replace(record, reports=(later,)), imprint).sections[0].blocks
    assert isinstance(papers[0], BallotPaper)
    assert papers[0].purpose.endswith("năm 2019 (vòng 2)")


def test_missing_data_is_named(record: YearRecord) -> None:
    assert ballot_papers.missing(record) == []
    nobody = replace(record, quorum=Quorum(8, 0, 6, False), reports=())
    assert ballot_papers.missing(nobody) == [
        "chưa điểm danh các đơn vị dự hội nghị: số phiếu in theo số đơn vị có mặt (trang Hội "
        "nghị)", "chưa có vòng bỏ phiếu nào có danh sách bầu (trang Bỏ phiếu)"]
    assert ballot_papers.missing(replace(record, meeting=None)) == [
        "năm 2019 chưa có hội nghị tổng kết (trang Hội nghị)"]

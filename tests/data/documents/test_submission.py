"""data/documents/submission.py: the submission and the nomination list attached."""

from __future__ import annotations

from dataclasses import replace

from data.documents import submission
from data.documents.common import Imprint
from data.documents.content import Role, Signatures
from data.documents.profiles import NUMBER_BLANK
from data.documents.record import YearRecord


def test_the_submission_of_the_demo_year(record: YearRecord, imprint: Imprint) -> None:
    sent = replace(imprint, number="Số: 03/TTr-KTĐNC")
    document = submission.build(record, sent)
    letter, attached = document.sections
    assert letter.letterhead is not None and not letter.landscape
    assert attached.landscape and attached.restart_numbering and attached.letterhead is None
    lines = [p.text for p in document.paragraphs()]
    assert lines[:3] == ["Tờ trình", "Về việc đề nghị khen thưởng năm 2019 cho các tập thể thuộc "
                         "Khối thi đua các cơ quan nội chính tỉnh",
                         "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh."]
    assert document.paragraphs()[2].role is Role.ADDRESSEE
    for expected in (
        "Căn cứ kết quả chấm điểm, xếp hạng thi đua năm 2019 và kết quả bỏ phiếu suy tôn, bình "
        "xét khen thưởng tại Hội nghị tổng kết công tác thi đua, khen thưởng ngày 3/12/2019 (có "
        "mặt 8/8 đơn vị thành viên);",
        "Khối thi đua các cơ quan nội chính tỉnh kính đề nghị Hội đồng Thi đua - Khen thưởng tỉnh "
        "Bắc Ninh xem xét, đề nghị khen thưởng cho 06 tập thể, cụ thể như sau:",
        "- Cờ thi đua của Ủy ban nhân dân tỉnh: 02 tập thể (Cục Thi hành án dân sự tỉnh; Công "
        "an tỉnh);",
        "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 03 tập thể (Sở Nội vụ; Viện Kiểm sát "
        "nhân dân tỉnh; Bộ Chỉ huy Quân sự tỉnh).",
        "Danh sách đề nghị khen thưởng năm 2019",
        "(Kèm theo Tờ trình số 03/TTr-KTĐNC ngày 3/12/2019 của Khối thi đua các cơ quan nội "
        "chính tỉnh)",
    ):
        assert expected in lines, expected
    signatures = letter.blocks[-1]
    assert isinstance(signatures, Signatures)
    assert signatures.recipients == ("- Như trên;", "- Các đơn vị thành viên Khối;",
                                     "- Lưu: VT.")
    assert [t.key for t in document.tables()] == ["nominations"]
    assert len(document.table("nominations").rows) == 6


def test_a_draft_leaves_room_for_the_number(record: YearRecord, imprint: Imprint) -> None:
    draft = replace(imprint, number=f"Số: {NUMBER_BLANK}/TTr-KTĐNC", draft=True)
    lines = [p.text for p in submission.build(record, draft).paragraphs()]
    assert (f"(Kèm theo Tờ trình số {NUMBER_BLANK}/TTr-KTĐNC ngày 3/12/2019 của Khối thi đua "
            "các cơ quan nội chính tỉnh)") in lines


def test_missing_data_is_named(record: YearRecord) -> None:
    assert submission.missing(record) == []
    empty = replace(record, nominations=(), bloc=replace(record.bloc, council=""))
    assert submission.missing(empty) == [
        "chưa có đơn vị nào trong danh sách đề nghị khen thưởng (trang Khen thưởng)",
        "chưa ghi cơ quan nhận tờ trình (Hội đồng Thi đua - Khen thưởng) trong thông tin khối"]

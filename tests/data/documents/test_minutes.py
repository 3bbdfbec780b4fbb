"""data/documents/minutes.py: the year-end minutes, element by element."""

from __future__ import annotations

from dataclasses import replace

from data.documents import minutes
from data.documents.common import Imprint
from data.documents.content import Role, Signatures
from data.documents.profiles import load_profile
from data.documents.record import YearRecord
from data.meeting_model import Attendance


def texts(record: YearRecord, imprint: Imprint) -> list[str]:
    return [p.text for p in minutes.build(record, imprint).paragraphs()]


def test_the_minutes_of_the_demo_meeting(record: YearRecord, imprint: Imprint) -> None:
    document = minutes.build(record, imprint)
    assert (document.kind, document.year, document.number) == ("minutes", 2019,
                                                               "Số: 05/BB-KTĐNC")
    assert document.title == "Biên bản hội nghị tổng kết năm 2019"
    (section,) = document.sections
    assert section.letterhead is not None and not section.landscape
    lines = [p.text for p in document.paragraphs()]
    assert lines[:3] == [
        "Biên bản", "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2019",
        "Hồi 14 giờ 00 phút, ngày 03 tháng 12 năm 2019, tại Cục Thi hành án dân sự tỉnh Bắc "
        "Ninh, Khối thi đua các cơ quan nội chính tỉnh tổ chức Hội nghị tổng kết công tác thi "
        "đua, khen thưởng năm 2019."]
    assert document.paragraphs()[0].role is Role.TITLE
    for expected in (
        "- Đặng Văn Bình, Phó Trưởng Ban Thi đua - Khen thưởng tỉnh;",
        "2. Các đơn vị thành viên: có mặt 8/8 đơn vị (tối thiểu 6 đơn vị theo quy định), đủ số "
        "lượng để hội nghị tiến hành.",
        "3. Chủ trì: Nguyễn Văn Khải, Cục trưởng Cục Thi hành án dân sự tỉnh, Trưởng Khối thi "
        "đua.",
        "4. Thư ký: Lê Thị Thu Trang, Chánh Văn phòng Cục Thi hành án dân sự tỉnh.",
        "Kết luận: Hội nghị thông qua báo cáo tổng kết.",
        "Mỗi phiếu chọn không quá 3 đơn vị, cần bầu 3. Số phiếu phát ra: 8; số phiếu thu vào: "
        "8; số phiếu hợp lệ: 7; số phiếu không hợp lệ: 1. Tỷ lệ tính trên tổng số đơn vị thành "
        "viên (8); ngưỡng đạt: trên 50 %.",
        "Kết quả: Sở Nội vụ, Viện Kiểm sát nhân dân tỉnh và Bộ Chỉ huy Quân sự tỉnh trúng cử (đã "
        "bầu đủ số cần bầu).",
        "Trưởng khối: Sở Nội vụ (bầu bằng phiếu kín).",
        "Phó khối: Công an tỉnh (bầu bằng phiếu kín).",
        "Hội nghị kết thúc vào hồi 16 giờ 30 phút cùng ngày, biên bản được thông qua tại hội "
        "nghị./.",
    ):
        assert expected in lines, expected
    headings = [p.text for p in document.paragraphs() if p.role is Role.HEADING]
    assert headings == ["I. THÀNH PHẦN THAM DỰ", "II. NỘI DUNG HỘI NGHỊ",
                        "III. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2019",
                        "IV. KẾT QUẢ BỎ PHIẾU KÍN", "V. TRƯỞNG KHỐI, PHÓ KHỐI NĂM 2020"]
    assert [t.key for t in document.tables()] == ["attendance", "ranking", "round-1", "round-2",
                                                  "round-3", "round-4", "round-5"]
    signatures = section.blocks[-1]
    assert isinstance(signatures, Signatures)
    assert [(s.title, s.name) for s in signatures.signers] == [
        ("THƯ KÝ", "Lê Thị Thu Trang"), ("CHỦ TRÌ", "Nguyễn Văn Khải")]


def test_party_labels(record: YearRecord, imprint: Imprint) -> None:
    party = replace(imprint, profile=load_profile("party"))
    signatures = minutes.build(record, party).sections[0].blocks[-1]
    assert isinstance(signatures, Signatures)
    assert [s.title for s in signatures.signers] == ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"]


def test_absent_units_with_their_reasons(record: YearRecord, imprint: Imprint) -> None:
    assert record.attendance is not None
    absent = next(u for u in record.order if record.name(u) == "Thanh tra tỉnh")
    attendance = {**record.attendance, absent: Attendance(absent, False,
                                                          absence_reason="đi công tác")}
    lines = texts(replace(record, attendance=attendance), imprint)
    assert "Vắng mặt: 1 đơn vị: Thanh tra tỉnh (đi công tác)." in lines
    assert "Vắng mặt" not in " ".join(texts(record, imprint))


def test_missing_data_is_named(record: YearRecord) -> None:
    assert minutes.missing(record) == []
    assert minutes.missing(replace(record, meeting=None)) == [
        "năm 2019 chưa có hội nghị tổng kết (trang Hội nghị)"]

"""data/documents/pledge.py: the pledge, its signature grid and the registrations."""

from __future__ import annotations

import datetime
from dataclasses import replace

from data.documents import pledge
from data.documents.common import Imprint
from data.documents.content import Signatures
from data.documents.record import YearRecord


def test_the_pledge_of_2019(record: YearRecord, imprint: Imprint) -> None:
    signed = replace(imprint, issued_on=datetime.date(2019, 2, 20), number="")
    document = pledge.build(record, signed)
    body, attached = document.sections
    assert body.letterhead is not None and body.letterhead.number == ""
    assert body.letterhead.place_date == "Bắc Ninh, ngày 20 tháng 02 năm 2019"
    lines = [p.text for p in document.paragraphs()]
    assert lines[:3] == [
        "Bản giao ước thi đua", "Giao ước thi đua năm 2019",
        "Thực hiện phong trào thi đua năm 2019, hôm nay, ngày 20 tháng 02 năm 2019, tại Cục Thi "
        "hành án dân sự tỉnh Bắc Ninh, các đơn vị thành viên Khối thi đua các cơ quan nội chính "
        "tỉnh cùng ký kết giao ước thi đua với những nội dung chủ yếu sau:"]
    assert lines[3] == "1. Hoàn thành xuất sắc nhiệm vụ chính trị, chuyên môn được giao năm 2019."
    assert sum(line[:2] in {f"{n}." for n in range(1, 10)} for line in lines) == 9
    grid = body.blocks[-1]
    assert isinstance(grid, Signatures) and grid.per_row == 3 and len(grid.signers) == 8
    assert [s.above for s in grid.signers[:2]] == ["Cục Thi hành án dân sự tỉnh",
                                                   "Tòa án nhân dân tỉnh"]  # head, deputy
    assert (grid.signers[0].title, grid.signers[0].name) == ("Cục trưởng", "Nguyễn Văn Khải")
    assert attached.restart_numbering and document.tables()[0].key == "registrations"
    assert ("(Kèm theo Bản giao ước thi đua ngày 20/2/2019 của Khối thi đua các cơ quan nội "
            "chính tỉnh)") in lines


def test_missing_data_is_named(record: YearRecord) -> None:
    assert pledge.missing(record) == []
    blank = replace(record, pledge=replace(record.pledge, signed_on="", contents=()))
    assert pledge.missing(blank) == ["giao ước thi đua năm 2019 chưa có ngày ký (trang Giao ước)",
                                     "giao ước thi đua năm 2019 chưa có nội dung (trang Giao ước)"]
    unit = record.order[0]
    nameless = replace(record, memberships={**record.memberships, unit: replace(
        record.memberships[unit], head_name="")})
    assert pledge.missing(nameless) == ["chưa có họ tên thủ trưởng ký giao ước của: Bộ Chỉ huy "
                                        "Quân sự tỉnh (trang Đơn vị)"]

"""data/documents/score_summary.py: the score summary on landscape pages."""

from __future__ import annotations

from dataclasses import replace

from data.db import Database
from data.documents import score_summary
from data.documents.common import Imprint
from data.documents.content import Signatures
from data.documents.record import YearRecord, load_record


def test_the_score_summary_of_2019(record: YearRecord, imprint: Imprint) -> None:
    plain = replace(imprint, number="")
    document = score_summary.build(record, plain)
    (section,) = document.sections
    assert section.landscape and section.letterhead is not None
    lines = [p.text for p in document.paragraphs()]
    assert lines[:2] == ["Bảng tổng hợp kết quả chấm điểm thi đua năm 2019",
                         "Khối thi đua các cơ quan nội chính tỉnh"]
    assert ("- Xếp loại: Xuất sắc: từ 90 điểm, không tiêu chí nào dưới 85 % điểm tối đa; Tốt: từ "
            "80 điểm, không tiêu chí nào dưới 80 % điểm tối đa; Hoàn thành: từ 70 điểm, không "
            "tiêu chí nào dưới 70 % điểm tối đa.") in lines
    assert not any(line.startswith("(Kèm theo") for line in lines)
    signature = section.blocks[-1]
    assert isinstance(signature, Signatures) and signature.signers[0].title == "TRƯỞNG KHỐI"
    referenced = replace(plain, reference="Tờ trình số 03/TTr-KTĐNC ngày 3/12/2019")
    assert ("(Kèm theo Tờ trình số 03/TTr-KTĐNC ngày 3/12/2019 của Khối thi đua các cơ quan nội "
            "chính tỉnh)") in [p.text for p in score_summary.build(record, referenced).paragraphs()]


def test_missing_data_is_named(record: YearRecord, bloc: Database) -> None:
    assert score_summary.missing(record) == []
    assert score_summary.missing(load_record(bloc, 2020)) == [
        "năm 2020 chưa có điểm chấm của đơn vị nào (trang Chấm điểm)"]
    assert score_summary.missing(replace(record, standings=())) == [
        "năm 2019 chưa có đơn vị thành viên (trang Đơn vị)"]

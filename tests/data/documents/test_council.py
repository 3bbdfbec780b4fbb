"""data/documents/council.py: the council workbook's content, its sheets from the documents'
own tables, notes where data is missing, refused only for a year without scores."""

from __future__ import annotations

from dataclasses import replace

import pytest

from data import scores
from data.criteria import criteria
from data.criteria_table import CriteriaTable
from data.db import Database
from data.documents.common import MissingData
from data.documents.council import CouncilWorkbook, council_content
from data.documents.record import YearRecord, load_record
from data.documents.tables import ballot_table, detail_table, nomination_table, score_table
from data.meeting_model import EntryStatus
from data.model import Layer
from data.units import members

SHEETS = [("Tổng hợp điểm", "Bảng tổng hợp kết quả chấm điểm thi đua"),
          ("Chi tiết điểm", "Bảng điểm chi tiết theo nội dung chấm"),
          ("Danh sách đề nghị", "Danh sách đề nghị khen thưởng"),
          ("Kết quả bỏ phiếu", "Kết quả bỏ phiếu tại hội nghị tổng kết")]


def score_one_unit(db: Database, year: int) -> None:
    """A year with one self-score and nothing else (no meeting, no nominations)."""
    item = next(c for c in criteria(db, year) if c.code == "1b")
    unit, _ = members(db, year)[0]
    scores.set_score(db, year, unit.id, item.id, Layer.SELF, grade="A")


def test_the_demo_year(record: YearRecord) -> None:
    content = council_content(record)
    assert content.year == 2019
    assert content.title == "Bảng tính gửi Hội đồng Thi đua - Khen thưởng năm 2019"
    assert content.header == ("Khối thi đua các cơ quan nội chính tỉnh",
                              "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
                              "Năm 2019")
    assert [(s.name, s.title) for s in content.sheets] == SHEETS
    tables = [s.table for s in content.sheets]
    assert tables == [score_table(record), detail_table(record), nomination_table(record),
                      ballot_table(record)]
    assert content.sheet("Tổng hợp điểm").notes == (
        "Tổng = điểm từng nội dung theo lớp điểm có thẩm quyền (khối chấm hoặc hội đồng chấm; "
        "chưa có thì lấy điểm tự chấm) + điểm thưởng (tối đa 10 điểm) − điểm trừ.",)
    assert content.sheet("Chi tiết điểm").notes[0].startswith("Cột nội dung: mã nội dung")
    assert content.sheet("Danh sách đề nghị").notes == ()
    assert content.sheet("Kết quả bỏ phiếu").notes == (
        "Tỷ lệ: số phiếu đồng ý so với tổng số đơn vị thành viên; ngưỡng đạt: trên 50 %.",)


def test_a_council_not_named_yet(record: YearRecord) -> None:
    content = council_content(replace(record, bloc=replace(record.bloc, council="")))
    assert content.header[1] == "Kính gửi: Hội đồng Thi đua - Khen thưởng"


def test_a_year_without_scores_is_refused(bloc: Database) -> None:
    with pytest.raises(MissingData) as refused:
        council_content(load_record(bloc, 2020))
    assert refused.value.message == (
        "Chưa lập được bảng tính gửi Hội đồng Thi đua - Khen thưởng năm 2020: năm 2020 chưa "
        "có điểm chấm của đơn vị nào (trang Chấm điểm).")


def test_a_year_without_units_is_refused(empty_bloc: Database) -> None:
    with pytest.raises(MissingData, match="năm 2025 chưa có đơn vị thành viên"):
        council_content(load_record(empty_bloc, 2025))


def test_a_year_without_a_table_is_refused(record: YearRecord) -> None:
    with pytest.raises(MissingData, match="năm 2019 chưa có bảng tiêu chí"):
        council_content(replace(record, table=CriteriaTable(())))


def test_scores_without_a_meeting_keep_every_sheet(bloc: Database) -> None:
    score_one_unit(bloc, 2020)
    content: CouncilWorkbook = council_content(load_record(bloc, 2020))
    assert [(s.name, s.title) for s in content.sheets] == SHEETS
    assert len(content.sheet("Tổng hợp điểm").table.rows) == 8
    assert content.sheet("Kết quả bỏ phiếu").table.rows == ()
    assert content.sheet("Kết quả bỏ phiếu").notes == ("Năm 2020 chưa có hội nghị tổng kết.",)
    assert content.sheet("Danh sách đề nghị").table.rows == ()
    assert content.sheet("Danh sách đề nghị").notes == (
        "Năm 2020 chưa có đơn vị nào trong danh sách đề nghị khen thưởng.",)
    detail = content.sheet("Chi tiết điểm").table
    scored = [row for row in detail.rows if any(isinstance(v, float) for v in row[2:-3])]
    assert len(scored) == 1 and scored[0][3] == 10.0  # 1b graded A: its maximum


def test_a_meeting_without_rounds_and_a_round_not_agreed(record: YearRecord) -> None:
    no_rounds = council_content(replace(record, reports=()))
    assert no_rounds.sheet("Kết quả bỏ phiếu").notes == (
        "Hội nghị tổng kết năm 2019 chưa có vòng bỏ phiếu nào.",)
    first = record.reports[0]
    pending = replace(first, status=EntryStatus.ONE, entries=first.entries[:1], result=None)
    one_open = council_content(replace(record, reports=(pending, *record.reports[1:])))
    notes = one_open.sheet("Kết quả bỏ phiếu").notes
    assert notes[1] == ("Vòng 1 suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019 chưa có "
                        "kết quả kiểm phiếu thống nhất (mới nhập một lần, cần nhập lần 2).")
    assert len(one_open.sheet("Kết quả bỏ phiếu").table.rows) == 8

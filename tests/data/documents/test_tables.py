"""data/documents/tables.py: one source of rows per table, equal to the ranking and the ballot."""

from __future__ import annotations

from dataclasses import replace

from data.ballots import round_reports
from data.db import Database
from data.documents.record import YearRecord
from data.documents.tables import (
    attendance_table,
    nomination_table,
    ranking_table,
    registration_table,
    round_table,
    score_table,
)
from data.standings import standings


def test_ranking_table_is_the_ranking(record: YearRecord, bloc: Database) -> None:
    table = ranking_table(record)
    ranked = standings(bloc, 2019)
    assert table.column("unit") == [s.unit.name for s in ranked]
    assert table.column("final_total") == [s.ranked.result.final_total for s in ranked]
    assert table.column("rank") == [s.rank for s in ranked]
    assert table.column("class") == [s.band for s in ranked]
    assert table.shown_rows()[0] == ["1", "Cục Thi hành án dân sự tỉnh", "109,6", "1", "Xuất sắc"]


def test_round_tables_are_the_ballot(record: YearRecord, bloc: Database) -> None:
    assert record.meeting is not None
    for report in round_reports(bloc, record.meeting.id):
        assert report.result is not None
        table = round_table(record, report)
        assert table.column("unit") == [record.name(c.unit_id) for c in report.result.results]
        assert table.column("votes") == [c.votes for c in report.result.results]
        assert table.column("percent") == [c.percent / 100 for c in report.result.results]
    assert round_table(record, record.reports[2]).shown_rows() == [
        ["1", "Sở Nội vụ", "7", "87,5 %", "Trúng cử"],
        ["2", "Viện Kiểm sát nhân dân tỉnh", "6", "75 %", "Trúng cử"],
        ["3", "Bộ Chỉ huy Quân sự tỉnh", "5", "62,5 %", "Trúng cử"]]


def test_nomination_table(record: YearRecord) -> None:
    table = nomination_table(record)
    assert [c.header for c in table.columns] == [
        "STT", "Tên tập thể", "Hình thức đề nghị", "Tổng điểm", "Xếp hạng", "Số phiếu (%)",
        "Tóm tắt thành tích", "Ghi chú"]
    first = table.rows[0]
    assert first[:6] == (1, "Cục Thi hành án dân sự tỉnh", "Cờ thi đua của Ủy ban nhân dân tỉnh",
                         109.6, 1, (8, 1.0))
    assert str(first[6]).startswith("Dẫn đầu Khối năm 2019 (109,6 điểm)")
    assert table.shown_rows()[4][5] == "6 (75 %)"
    assert table.column("unit") == [record.name(n.unit_id) for n in record.nominations]


def test_a_nomination_without_a_round_has_no_votes(record: YearRecord) -> None:
    loose = replace(record, nominations=(replace(record.nominations[0], round_id=None),))
    assert nomination_table(loose).rows[0][5] is None


def test_score_table(record: YearRecord) -> None:
    table = score_table(record)
    assert [c.header for c in table.columns] == [
        "STT", "Đơn vị", "Tự chấm", "Khối chấm", "Hội đồng chấm", "Thưởng", "Trừ", "Tổng",
        "Xếp hạng", "Xếp loại", "Đề nghị", "Ghi chú"]
    assert table.rows[0] == (1, "Cục Thi hành án dân sự tỉnh", 100.0, 80.0, 20.0, 9.6, 0.0,
                             109.6, 1, "Xuất sắc", "Cờ thi đua của Ủy ban nhân dân tỉnh", "")
    sixth = table.shown_rows()[5]
    assert sixth[1] == "Bộ Chỉ huy Quân sự tỉnh" and sixth[11] == "3 nội dung lấy điểm tự chấm"
    assert table.shown_rows()[7][1:8] == ["Thanh tra tỉnh", "99,17", "77,17", "19", "0", "5",
                                          "91,17"]


def test_attendance_table(record: YearRecord) -> None:
    table = attendance_table(record)
    assert len(table.rows) == 8
    assert table.rows[1] == (2, "Công an tỉnh", "Trịnh Quốc Bảo", "Phó Giám đốc")


def test_registration_table(record: YearRecord) -> None:
    table = registration_table(record)
    assert len(table.rows) == 8
    assert table.rows[0][1:4] == ("Bộ Chỉ huy Quân sự tỉnh", "Tập thể Lao động xuất sắc",
                                  "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    unregistered = replace(record, registrations={})
    assert registration_table(unregistered).rows[0][2:] == ("Chưa đăng ký", "", "")

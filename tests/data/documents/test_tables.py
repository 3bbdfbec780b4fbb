"""data/documents/tables.py: one source of rows per table, equal to the ranking and the ballot."""

from __future__ import annotations

from dataclasses import replace

from data.ballots import round_reports
from data.db import Database
from data.documents.record import YearRecord, load_record
from data.documents.tables import (
    attendance_table,
    ballot_table,
    detail_table,
    nomination_table,
    ranking_table,
    registration_table,
    round_table,
    score_table,
)
from data.meeting_model import EntryStatus
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


def test_detail_table_is_the_items_of_the_ranking(record: YearRecord) -> None:
    table = detail_table(record)
    leaves = record.table.leaves
    assert [c.header for c in table.columns] == [
        "STT", "Đơn vị", "1a (20)", "1b (10)", "2a (5)", "2b (5)", "3a (5)", "3b (5)", "4 (10)",
        "5 (5)", "6a (5)", "6b (5)", "7 (5)", "8 (5)", "9 (5)", "10 (5)", "11 (5)", "T1 (5)",
        "T2 (3)", "Thưởng", "Trừ", "Tổng"]
    assert table.column("unit") == [s.unit.name for s in record.standings]
    for row, standing in zip(table.rows, record.standings, strict=True):
        result = standing.ranked.result
        items = {i.criterion_id: i for i in result.items}
        assert row[2:-3] == tuple(items[leaf.id].final_points
                                  if items[leaf.id].final_layer is not None else None
                                  for leaf in leaves)
        assert row[-3:] == (result.bonus, result.penalty, result.final_total)
        content = sum(v for leaf, v in zip(leaves, row[2:-3], strict=True)
                      if isinstance(v, float) and not record.table.is_bonus(leaf.id))
        assert round(content + result.bonus - result.penalty, 2) == result.final_total
    assert table.rows[0][:4] == (1, "Cục Thi hành án dân sự tỉnh", 20.0, 10.0)
    sixth = table.shown_rows()[5]  # no bonus item: blank; the bonus is the excess over plan
    assert sixth[1] == "Bộ Chỉ huy Quân sự tỉnh" and sixth[-5:] == ["", "", "0,6", "0", "100,6"]


def test_detail_table_of_a_year_without_units(record: YearRecord) -> None:
    table = detail_table(replace(record, standings=()))
    assert table.rows == () and len(table.columns) == 2 + len(record.table.leaves) + 3


def test_ballot_table_is_every_round(record: YearRecord) -> None:
    table = ballot_table(record)
    assert [c.header for c in table.columns] == [
        "Vòng", "Phát ra", "Thu vào", "Hợp lệ", "Không hợp lệ", "Đơn vị", "Số phiếu", "Tỷ lệ",
        "Kết quả"]
    expected = []
    for report in record.reports:
        count, result = report.agreed, report.result
        assert count is not None and result is not None
        expected += [(count.issued, count.received, count.valid, count.invalid,
                      record.name(c.unit_id), c.votes, c.percent / 100) for c in result.results]
    assert [row[1:8] for row in table.rows] == expected
    assert table.shown_rows()[0] == [
        "Suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019 (vòng 1)", "8", "8", "8", "0",
        "Cục Thi hành án dân sự tỉnh", "8", "100 %", "Trúng cử"]
    assert table.shown_rows()[3][:6] == [
        "Suy tôn “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” năm 2019 (vòng 1)", "8", "8", "7",
        "1", "Sở Nội vụ"]
    assert table.shown_rows()[-1] == ["Bầu Phó khối năm 2020 (vòng 1)", "8", "8", "8", "0",
                                      "Công an tỉnh", "7", "87,5 %", "Trúng cử"]


def test_ballot_table_of_a_round_not_agreed(record: YearRecord) -> None:
    first = record.reports[0]
    pending = replace(first, status=EntryStatus.ONE, entries=first.entries[:1], result=None)
    table = ballot_table(replace(record, reports=(pending,)))
    assert table.rows == tuple(
        ("Suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019 (vòng 1)", None, None, None,
         None, record.name(unit_id), None, None, "Chưa có kết quả")
        for unit_id in first.round.candidates)


def test_ballot_table_without_a_meeting(bloc: Database) -> None:
    assert ballot_table(load_record(bloc, 2020)).rows == ()

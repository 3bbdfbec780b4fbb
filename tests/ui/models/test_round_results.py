"""ui/models/round_results.py: a round's result table, the basis line and the pending text."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from data import ballots, meetings, rules, units
from data.db import Database
from data.meeting_model import Purpose, RoundReport
from data.model import PassMark, RuleSet
from tests.ui.helpers import column_texts
from ui.models.base import SORT_ROLE
from ui.models.round_results import (
    COL_PASSED,
    COL_PERCENT,
    COL_UNIT,
    COL_VERDICT,
    COL_VOTES,
    RoundResultsModel,
    basis_text,
    pending_text,
    percent_text,
    result_rows,
)


def reports(db: Database) -> list[RoundReport]:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return ballots.round_reports(db, meeting.id)


def names(db: Database) -> dict[int, str]:
    return {u.id: u.name for u in units.all_units(db)}


def test_model_passes_the_model_tester(bloc: Database, qtmodeltester: ModelTester) -> None:
    for report in reports(bloc):
        qtmodeltester.check(RoundResultsModel(result_rows(report, names(bloc))))
    qtmodeltester.check(RoundResultsModel())


def test_the_demo_provincial_flag(bloc: Database) -> None:
    model = RoundResultsModel(result_rows(reports(bloc)[0], names(bloc)))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Đơn vị", "Số phiếu", "Tỷ lệ", "Đạt ngưỡng", "Kết quả"]
    assert column_texts(model, COL_UNIT) == ["Cục Thi hành án dân sự tỉnh", "Công an tỉnh"]
    assert column_texts(model, COL_VOTES) == ["8", "7"]
    assert column_texts(model, COL_PERCENT) == ["100 %", "87,5 %"]
    assert column_texts(model, COL_PASSED) == ["Đạt", "Đạt"]
    assert column_texts(model, COL_VERDICT) == ["Được đề nghị", "Được đề nghị"]
    assert model.index(1, COL_PASSED).data(Qt.ItemDataRole.ForegroundRole) == QColor("#1e5631")
    assert model.index(0, COL_UNIT).data(Qt.ItemDataRole.BackgroundRole) == QColor("#e9f7ef")
    assert model.index(0, COL_VERDICT).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, COL_PERCENT).data(SORT_ROLE) == 87.5


def test_the_demo_elections_and_certificates(bloc: Database) -> None:
    by_round = [column_texts(RoundResultsModel(result_rows(r, names(bloc))), c)
                for r in reports(bloc) for c in (COL_UNIT, COL_PERCENT, COL_VERDICT)]
    assert by_round[6:9] == [["Sở Nội vụ", "Viện Kiểm sát nhân dân tỉnh",
                              "Bộ Chỉ huy Quân sự tỉnh"], ["87,5 %", "75 %", "62,5 %"],
                             ["Được đề nghị"] * 3]
    assert by_round[9:12] == [["Sở Nội vụ"], ["100 %"], ["Trúng cử"]]
    assert by_round[12:] == [["Công an tỉnh"], ["87,5 %"], ["Trúng cử"]]


def test_a_tie_and_a_failure(bloc: Database) -> None:
    first = reports(bloc)[0].round
    ballots.delete_round(bloc, first.id)
    ids = [units.find_unit(bloc, n).id for n in (  # type: ignore[union-attr]
        "Cục Thi hành án dân sự tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh", "Sở Tư pháp")]
    r = ballots.add_round(bloc, first.meeting_id, Purpose.AWARD, ids,
                          award_form_id=first.award_form_id, choices=2, seats=2)
    for entry in (1, 2):
        assert ballots.save_count(bloc, r.id, entry, issued=8, received=8, valid=8, invalid=0,
                                  votes={ids[0]: 6, ids[1]: 5, ids[2]: 5, ids[3]: 0}) == []
    model = RoundResultsModel(result_rows(ballots.round_report(bloc, r.id), names(bloc)))
    assert column_texts(model, COL_VERDICT) == [
        "Được đề nghị", "Bằng phiếu ở ranh giới: bỏ phiếu vòng sau",
        "Bằng phiếu ở ranh giới: bỏ phiếu vòng sau", ""]
    assert column_texts(model, COL_PASSED) == ["Đạt", "Đạt", "Đạt", "Không đạt"]
    assert model.index(3, COL_PASSED).data(Qt.ItemDataRole.ForegroundRole) == QColor("#8a1c1c")
    assert model.index(1, COL_UNIT).data(Qt.ItemDataRole.BackgroundRole) == QColor("#fff4d6")


def test_basis_text_says_the_base_the_mark_and_their_sources(bloc: Database) -> None:
    year = rules.load_rules(bloc, 2019)
    assert basis_text(year, 8) == ("Tỷ lệ tính trên tổng số 8 đơn vị thành viên; đạt khi trên "
                                   "50 % (Quy chế hoạt động của Khối thi đua)")
    present = replace(year, percent_base="present", pass_mark=PassMark(2 / 3),
                      sources=(("pass_mark", "Quy chế Khối 2019"),
                               ("percent_base", "Hướng dẫn 01/HD-HĐTĐKT")))
    assert basis_text(present, 7) == ("Tỷ lệ tính trên số 7 đơn vị có mặt (Hướng dẫn "
                                      "01/HD-HĐTĐKT); đạt khi từ 66,67 % trở lên (Quy chế "
                                      "Khối 2019)")
    assert basis_text(RuleSet(2019, percent_base="valid")) == (
        "Tỷ lệ tính trên số phiếu hợp lệ; đạt khi trên 50 %")


@pytest.mark.parametrize(("value", "text"), [(87.5, "87,5 %"), (100.0, "100 %"),
                                             (66.67, "66,67 %"), (0.0, "0 %")])
def test_percent_text(value: float, text: str) -> None:
    assert percent_text(value) == text


def test_pending_texts(bloc: Database) -> None:
    report = reports(bloc)[0]
    ballot = report.round
    assert result_rows(replace(report, result=None), names(bloc)) == []
    ballots.clear_count(bloc, ballot.id, 1)
    one = ballots.round_report(bloc, ballot.id)
    assert pending_text(one) == "Mới nhập lần 2: cần nhập lần 1 để đối chiếu."
    ballots.clear_count(bloc, ballot.id, 2)
    assert pending_text(ballots.round_report(bloc, ballot.id)).startswith(
        "Chưa nhập kết quả kiểm phiếu.")
    for entry, police in ((1, 7), (2, 6)):
        assert ballots.save_count(bloc, ballot.id, entry, issued=8, received=8, valid=8,
                                  invalid=0, votes={ballot.candidates[0]: 8,
                                                    ballot.candidates[1]: police}) == []
    assert pending_text(ballots.round_report(bloc, ballot.id)) == (
        "Hai lần nhập lệch nhau, chưa có kết quả:\n• Công an tỉnh: lần 1 nhập 7, lần 2 nhập 6.")
    ballots.save_count(bloc, ballot.id, 2, issued=8, received=8, valid=8, invalid=0,
                       votes={ballot.candidates[0]: 8, ballot.candidates[1]: 7})
    bloc.conn.execute("UPDATE attendance SET present = 0 WHERE unit_id = :u",
                      {"u": ballot.candidates[1]})  # someone marked absent after the count
    assert pending_text(ballots.round_report(bloc, ballot.id)) == (
        "Hai lần nhập khớp nhưng số liệu không hợp lệ:\n• Số phiếu phát ra (8) nhiều hơn số "
        "đơn vị có mặt (7).")

"""ui/models/ballot_rounds.py: the rounds list and the candidates list, without a view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from data import ballots, meetings, units
from data.db import Database
from data.meeting_model import Purpose
from tests.ui.helpers import column_texts
from ui.models.ballot_rounds import (
    COL_CANDIDATES,
    COL_OUTCOME,
    COL_PURPOSE,
    COL_ROUND,
    COL_STATUS,
    BallotRoundsModel,
    CandidateItem,
    RoundCandidatesModel,
    load_rows,
    round_setup,
)
from ui.models.base import ROW_ROLE


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def meeting_id(db: Database) -> int:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return meeting.id


def test_models_pass_the_model_tester(bloc: Database, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(BallotRoundsModel(load_rows(bloc, meeting_id(bloc), 2019)))
    qtmodeltester.check(BallotRoundsModel())
    candidates = RoundCandidatesModel([CandidateItem(1, "Sở Nội vụ", "hạng 4 · 105 điểm"),
                                       CandidateItem(2, "Công an tỉnh")])
    qtmodeltester.check(candidates)
    qtmodeltester.check(RoundCandidatesModel())


def test_the_demo_rounds(bloc: Database) -> None:
    model = BallotRoundsModel(load_rows(bloc, meeting_id(bloc), 2019))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Nội dung bỏ phiếu", "Vòng", "Ứng viên", "Nhập kết quả", "Kết quả"]
    assert column_texts(model, COL_PURPOSE) == [
        "Cờ thi đua của Ủy ban nhân dân tỉnh", "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bầu Trưởng khối năm 2020",
        "Bầu Phó khối năm 2020"]
    assert column_texts(model, COL_ROUND) == ["1"] * 5
    assert column_texts(model, COL_CANDIDATES) == ["2", "1", "3", "1", "1"]
    assert column_texts(model, COL_STATUS) == ["Hai lần nhập khớp"] * 5
    assert column_texts(model, COL_OUTCOME) == [
        "Đã chọn: Cục Thi hành án dân sự tỉnh, Công an tỉnh",
        "Đã chọn: Tòa án nhân dân tỉnh",
        "Đã chọn: Sở Nội vụ, Viện Kiểm sát nhân dân tỉnh, Bộ Chỉ huy Quân sự tỉnh",
        "Đã chọn: Sở Nội vụ", "Đã chọn: Công an tỉnh"]
    status = model.index(0, COL_STATUS)
    assert status.data(Qt.ItemDataRole.BackgroundRole) == QColor("#e9f7ef")
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "Hai lần nhập khớp nhau"
    assert model.index(0, COL_CANDIDATES).data(Qt.ItemDataRole.ToolTipRole) == (
        "Danh sách bầu:\n1. Cục Thi hành án dân sự tỉnh\n2. Công an tỉnh")
    assert model.index(0, COL_PURPOSE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Cờ thi đua của Ủy ban nhân dân tỉnh — vòng 1: mỗi phiếu chọn 2, cần chọn 2")
    assert model.index(0, COL_ROUND).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    head = model.index(3, 0).data(ROW_ROLE)
    assert head.report.round.purpose is Purpose.HEAD and model.row_of(head.report.round.id) == 3
    assert model.row_of(999) == -1


def test_statuses_and_outcomes_as_the_entry_goes(bloc: Database) -> None:
    mid = meeting_id(bloc)
    police, court = unit_id(bloc, "Công an tỉnh"), unit_id(bloc, "Tòa án nhân dân tỉnh")
    deputy = next(r for r in ballots.rounds(bloc, mid) if r.purpose is Purpose.DEPUTY)
    ballots.delete_round(bloc, deputy.id)
    tied = ballots.add_round(bloc, mid, Purpose.DEPUTY, [police, court], choices=2)

    def row() -> tuple[str, str, QColor]:
        model = BallotRoundsModel(load_rows(bloc, mid, 2019))
        index = model.index(model.row_of(tied.id), COL_STATUS)
        return (str(index.data()), str(model.index(index.row(), COL_OUTCOME).data()),
                index.data(Qt.ItemDataRole.ForegroundRole))

    assert row() == ("Chưa nhập", "Chưa có kết quả", QColor("#6b7280"))
    counts = {"issued": 8, "received": 8, "valid": 8, "invalid": 0}
    assert ballots.save_count(bloc, tied.id, 2, **counts, votes={police: 5, court: 5}) == []
    assert row()[:2] == ("Đã nhập lần 2", "Chưa có kết quả")
    assert ballots.save_count(bloc, tied.id, 1, **counts, votes={police: 5, court: 4}) == []
    assert row() == ("Hai lần nhập lệch", "Chưa có kết quả", QColor("#8a1c1c"))
    assert ballots.save_count(bloc, tied.id, 1, **counts, votes={police: 5, court: 5}) == []
    assert row()[:2] == ("Hai lần nhập khớp", "Cần bỏ phiếu vòng 2")
    second = ballots.add_next_round(bloc, tied.id)
    assert row()[1] == "Cần bỏ phiếu vòng 2 (đã tạo)"
    for entry in (1, 2):
        assert ballots.save_count(bloc, second.id, entry, **counts,
                                  votes={police: 4, court: 4}) == []
    model = BallotRoundsModel(load_rows(bloc, mid, 2019))
    last = model.index(model.row_of(second.id), COL_OUTCOME)
    assert last.data() == "Trưởng khối và các Phó khối quyết định"
    assert model.index(last.row(), COL_ROUND).data() == "2"


def test_a_partial_result_names_the_remaining_seats(bloc: Database) -> None:
    mid = meeting_id(bloc)
    ids = [unit_id(bloc, n) for n in ("Cục Thi hành án dân sự tỉnh", "Công an tỉnh",
                                      "Tòa án nhân dân tỉnh")]
    flag = next(r for r in ballots.rounds(bloc, mid) if r.award_form_id is not None)
    ballots.delete_round(bloc, flag.id)
    r = ballots.add_round(bloc, mid, Purpose.AWARD, ids, award_form_id=flag.award_form_id,
                          choices=2, seats=2)
    for entry in (1, 2):
        assert ballots.save_count(bloc, r.id, entry, issued=8, received=8, valid=8, invalid=0,
                                  votes={ids[0]: 6, ids[1]: 5, ids[2]: 5}) == []
    model = BallotRoundsModel(load_rows(bloc, mid, 2019))
    assert model.index(model.row_of(r.id), COL_OUTCOME).data() == (
        "Cần bỏ phiếu vòng 2 cho 1 suất còn lại; đã chọn: Cục Thi hành án dân sự tỉnh")


def test_candidates_list_add_remove_move(qtmodeltester: ModelTester) -> None:
    model = RoundCandidatesModel([CandidateItem(1, "Sở Nội vụ", "hạng 4 · 105 điểm")])
    assert model.data(model.index(0)) == "1. Sở Nội vụ — hạng 4 · 105 điểm"
    assert model.add(CandidateItem(2, "Công an tỉnh")) == 1
    assert model.add(CandidateItem(3, "Thanh tra tỉnh")) == 2
    assert model.move(2, -2) == 0
    assert model.ids() == (3, 1, 2)
    assert model.data(model.index(0)) == "1. Thanh tra tỉnh"
    assert model.move(0, -1) == 0 and model.move(2, 5) == 2
    assert model.remove(0).unit_id == 3
    assert [model.data(model.index(r)) for r in range(2)] == [
        "1. Sở Nội vụ — hạng 4 · 105 điểm", "2. Công an tỉnh"]
    assert model.data(model.index(1), Qt.ItemDataRole.ToolTipRole) == "Công an tỉnh"
    assert model.data(model.index(5)) is None
    assert model.rowCount(model.index(0)) == 0 and model.rowCount(QModelIndex()) == 2
    qtmodeltester.check(model)


def test_round_setup_of_the_demo(bloc: Database) -> None:
    setup = round_setup(bloc, 2019, meeting_id(bloc))
    cthads = unit_id(bloc, "Cục Thi hành án dân sự tỉnh")
    assert setup.detail(cthads) == "hạng 1 · 109,6 điểm"
    assert setup.item(cthads) == CandidateItem(cthads, "Cục Thi hành án dân sự tỉnh",
                                               "hạng 1 · 109,6 điểm")
    assert setup.done(Purpose.HEAD, None) == [1]
    assert setup.max_rounds == 2 and len(setup.members) == 8

"""ui/models/ballot_entries.py: the two count entries side by side, drafts and marks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from data import ballots, meetings, units
from data.db import Database
from data.meeting_model import BallotRound, CountProblem
from tests.ui.helpers import column_texts
from ui.models.ballot_entries import COL_FIRST, COL_MATCH, COL_SECOND, BallotEntriesModel


def first_round(db: Database) -> BallotRound:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return ballots.rounds(db, meeting.id)[0]  # Cờ thi đua của UBND tỉnh: Cục THADS, Công an


def loaded(db: Database, ballot: BallotRound | None = None) -> BallotEntriesModel:
    ballot = ballot or first_round(db)
    model = BallotEntriesModel()
    names = {u.id: u.name for u in units.all_units(db)}
    model.set_round(ballot, names, ballots.count_entries(db, ballot.id))
    return model


def labels(model: BallotEntriesModel) -> list[str]:
    return [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]


def test_model_passes_the_model_tester(bloc: Database, qtmodeltester: ModelTester) -> None:
    model = loaded(bloc)
    qtmodeltester.check(model)
    model.setData(model.index(2, COL_SECOND), "9")
    model.set_problems(2, [CountProblem("valid", "Số phiếu hợp lệ (9) nhiều hơn …")])
    qtmodeltester.check(model)
    empty = BallotEntriesModel()
    qtmodeltester.check(empty)
    empty.set_round(None, {})
    assert empty.rowCount() == 0 and not empty.setData(empty.index(0, 0), "1")


def test_both_stored_entries_side_by_side(bloc: Database) -> None:
    model = loaded(bloc)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Lần nhập 1", "Lần nhập 2", "Khớp?"]
    assert labels(model) == ["Số phiếu phát ra", "Số phiếu thu vào", "Số phiếu hợp lệ",
                             "Số phiếu không hợp lệ", "Cục Thi hành án dân sự tỉnh",
                             "Công an tỉnh"]
    assert column_texts(model, COL_FIRST) == ["8", "8", "8", "0", "8", "7"]
    assert column_texts(model, COL_SECOND) == ["8", "8", "8", "0", "8", "7"]
    assert column_texts(model, COL_MATCH) == ["Khớp"] * 6
    assert model.headerData(5, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == (
        "Số phiếu bầu cho Công an tỉnh")
    assert model.flags(model.index(0, COL_FIRST)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_MATCH)) & Qt.ItemFlag.ItemIsEditable
    assert not model.is_dirty(1) and model.mismatched_rows() == []
    entry = model.entry(1)
    assert entry is not None and entry.count.valid == 8


def test_typing_makes_drafts_that_stay_until_saved(bloc: Database) -> None:
    model = loaded(bloc)
    police = model.index(5, COL_SECOND)
    assert model.setData(police, " 6 ")
    assert police.data() == "6" and model.is_dirty(2) and not model.is_dirty(1)
    assert police.data(Qt.ItemDataRole.ToolTipRole) == "Chưa lưu"
    assert police.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(5, COL_MATCH).data() == "Lệch"
    assert model.index(5, COL_MATCH).data(Qt.ItemDataRole.ToolTipRole) == "Lần 1: 7; lần 2: 6"
    assert model.index(5, COL_FIRST).data(Qt.ItemDataRole.BackgroundRole) == QColor("#fff1c2")
    assert model.mismatched_rows() == [5]
    assert model.values(2) == ({"issued": "8", "received": "8", "valid": "8", "invalid": "0"},
                               {first_round(bloc).candidates[0]: "8",
                                first_round(bloc).candidates[1]: "6"})
    # "08" is the same number: no mismatch; an empty cell does not compare
    model.setData(police, "07")
    assert model.index(5, COL_MATCH).data() == "Khớp" and model.mismatched_rows() == []
    model.setData(police, "")
    assert model.index(5, COL_MATCH).data() is None
    # the typing of a round survives a reload, and comes back after another round is shown
    model.setData(police, "6")
    ballot = first_round(bloc)
    names = {u.id: u.name for u in units.all_units(bloc)}
    model.set_round(ballot, names, ballots.count_entries(bloc, ballot.id))
    assert model.index(5, COL_SECOND).data() == "6"
    other = ballots.rounds(bloc, ballot.meeting_id)[1]
    model.set_round(other, names, ballots.count_entries(bloc, other.id))
    assert model.rowCount() == 5 and model.index(4, COL_SECOND).data() == "7"
    model.set_round(ballot, names, ballots.count_entries(bloc, ballot.id))
    assert model.index(5, COL_SECOND).data() == "6"
    model.discard(2)
    assert model.index(5, COL_SECOND).data() == "7" and not model.is_dirty(2)


def test_problems_mark_the_cells_they_concern(bloc: Database) -> None:
    model = loaded(bloc)
    cthads, police = first_round(bloc).candidates
    model.set_problems(1, [
        CountProblem("valid", "Số phiếu hợp lệ (9) nhiều hơn số phiếu thu vào (8)."),
        CountProblem("votes", "Công an tỉnh: 9 phiếu, nhiều hơn số phiếu hợp lệ (8).", police),
        CountProblem("votes_total", "Tổng số phiếu bầu (17) nhiều hơn …")])
    assert model.problem(2, 1) == "Số phiếu hợp lệ (9) nhiều hơn số phiếu thu vào (8)."
    assert model.index(2, COL_FIRST).data(Qt.ItemDataRole.BackgroundRole) == QColor("#f8d7da")
    assert model.problem(5, 1) == ("Công an tỉnh: 9 phiếu, nhiều hơn số phiếu hợp lệ (8).\n"
                                   "Tổng số phiếu bầu (17) nhiều hơn …")
    assert model.problem(4, 1) == "Tổng số phiếu bầu (17) nhiều hơn …"
    assert model.problem(0, 1) == "" and model.problem(2, 2) == ""
    assert model.index(5, COL_FIRST).data(Qt.ItemDataRole.ToolTipRole).startswith("Công an")
    model.setData(model.index(2, COL_FIRST), "8")  # corrected: its mark goes
    assert model.problem(2, 1) == "" and model.problem(5, 1)
    assert cthads != police


def test_a_round_without_entries(bloc: Database) -> None:
    ballot = first_round(bloc)
    for entry in (1, 2):
        ballots.clear_count(bloc, ballot.id, entry)
    model = loaded(bloc, ballot)
    assert column_texts(model, COL_FIRST) == [""] * 6
    assert model.index(0, COL_MATCH).data() is None
    assert model.entry(1) is None and not model.is_dirty(1)

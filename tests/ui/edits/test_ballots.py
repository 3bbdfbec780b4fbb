"""ui/edits/ballots.py: each edit changes the data layer once, undoes exactly, redoes the same."""

from __future__ import annotations

import pytest

from data import ballots, lifecycle, meetings, nominations, units, years
from data.db import Database
from data.errors import InputError
from data.lifecycle import OfficerBasis
from data.meeting_model import BallotRound, Purpose
from ui.edits import ballots as edits
from ui.edits.ballots import RoundDraft
from ui.session import BALLOTS, NOMINATIONS, OFFICERS, Session

COUNTS = {"issued": 8, "received": 8, "valid": 8, "invalid": 0}


def content(db: Database) -> list[str]:
    """The bloc's content without the audit log, independent of rowid order."""
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def meeting_id(db: Database) -> int:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return meeting.id


def demo_round(db: Database, purpose: Purpose) -> BallotRound:
    return next(r for r in ballots.rounds(db, meeting_id(db)) if r.purpose is purpose)


def heard(session: Session) -> list[str]:
    changes: list[str] = []
    session.changed.connect(changes.append)
    return changes


def test_add_round_then_undo_redo_keeps_the_id(session: Session) -> None:
    db = session.db
    ballots.delete_round(db, demo_round(db, Purpose.DEPUTY).id)
    before = content(db)
    changes = heard(session)
    police = unit_id(db, "Công an tỉnh")
    made = edits.add_round(session, meeting_id(db), RoundDraft(Purpose.DEPUTY, None, (police,),
                                                               note=" Phó khối  "))
    assert (made.purpose, made.candidates, made.note, made.round_no) == (
        Purpose.DEPUTY, (police,), "Phó khối", 1)
    assert changes == [BALLOTS]
    assert session.undo_stack.undoText() == "Thêm vòng bỏ phiếu"
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert ballots.get_round(db, made.id) == made


def test_a_refused_round_records_nothing(session: Session) -> None:
    db = session.db
    with pytest.raises(InputError, match="ít nhất một đơn vị"):
        edits.add_round(session, meeting_id(db), RoundDraft(Purpose.HEAD, None, ()))
    assert session.undo_stack.count() == 0


def test_update_round_then_undo(session: Session) -> None:
    db = session.db
    head = demo_round(db, Purpose.HEAD)
    for entry in (1, 2):
        ballots.clear_count(db, head.id, entry)
    before = content(db)
    court = unit_id(db, "Tòa án nhân dân tỉnh")
    same = RoundDraft(Purpose.HEAD, None, head.candidates, head.choices, head.seats, "")
    assert not edits.update_round(session, head.id, same)
    assert edits.update_round(session, head.id, RoundDraft(
        Purpose.HEAD, None, (court, *head.candidates), 1, 1, "Hai đơn vị được đề cử"))
    assert ballots.get_round(db, head.id).candidates == (court, *head.candidates)
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert ballots.get_round(db, head.id).note == "Hai đơn vị được đề cử"


def test_delete_round_then_undo_links_the_nominations_again(session: Session) -> None:
    db = session.db
    flag = ballots.rounds(db, meeting_id(db))[0]
    linked = [n.id for n in nominations.nominations(db, 2019) if n.round_id == flag.id]
    assert len(linked) == 2
    before = content(db)
    changes = heard(session)
    edits.delete_round(session, flag.id)
    assert changes == [BALLOTS, NOMINATIONS]
    assert all(nominations.get_nomination(db, n).round_id is None for n in linked)
    with pytest.raises(InputError):
        ballots.get_round(db, flag.id)
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert flag.id not in [r.id for r in ballots.rounds(db, meeting_id(db))]


def test_save_count_one_step_per_entry(session: Session) -> None:
    db = session.db
    head = demo_round(db, Purpose.HEAD)
    home = unit_id(db, "Sở Nội vụ")
    ballots.clear_count(db, head.id, 2)
    before = content(db)
    problems = edits.save_count(session, head.id, 2, {**COUNTS, "valid": "9"}, {home: "8"})
    assert [p.message for p in problems] == [
        "Số phiếu hợp lệ (9) nhiều hơn số phiếu thu vào (8).",
        "Số phiếu hợp lệ (9) cộng số phiếu không hợp lệ (0) bằng 9, khác số phiếu thu vào (8)."]
    assert content(db) == before and session.undo_stack.count() == 0
    assert edits.save_count(session, head.id, 2, COUNTS, {home: "8"},
                            "Trương Thị Hạnh") == []
    saved = ballots.count_entries(db, head.id)
    assert saved[1].entered_by == "Trương Thị Hạnh"
    assert session.undo_stack.undoText() == "Nhập kết quả kiểm phiếu lần 2"
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert ballots.count_entries(db, head.id) == saved  # the same rows, time included
    assert edits.save_count(session, head.id, 2, COUNTS, {home: 7}) == []  # retyped
    session.undo_stack.undo()
    assert ballots.count_entries(db, head.id) == saved


def test_clear_count_then_undo(session: Session) -> None:
    db = session.db
    head = demo_round(db, Purpose.HEAD)
    before = content(db)
    edits.clear_count(session, head.id, 1)
    assert [e.entry for e in ballots.count_entries(db, head.id)] == [2]
    session.undo_stack.undo()
    assert content(db) == before


def test_next_round_then_undo(session: Session) -> None:
    db = session.db
    deputy = demo_round(db, Purpose.DEPUTY)
    police, court = unit_id(db, "Công an tỉnh"), unit_id(db, "Tòa án nhân dân tỉnh")
    ballots.delete_round(db, deputy.id)
    tied = ballots.add_round(db, meeting_id(db), Purpose.DEPUTY, [police, court], choices=2)
    for entry in (1, 2):
        assert ballots.save_count(db, tied.id, entry, **COUNTS,
                                  votes={police: 5, court: 5}) == []
    before = content(db)
    made = edits.add_next_round(session, tied.id)
    assert (made.round_no, made.candidates, made.seats, made.choices) == (
        2, (police, court), 1, 1)
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert ballots.get_round(db, made.id) == made


def test_decide_officers_then_undo(session: Session) -> None:
    db = session.db
    justice, inspector = unit_id(db, "Sở Tư pháp"), unit_id(db, "Thanh tra tỉnh")
    before = content(db)
    changes = heard(session)
    assert not edits.decide_officers(session, 2019, None, [], OfficerBasis.ROTATION)
    assert edits.decide_officers(session, 2019, justice, [inspector], OfficerBasis.ROTATION,
                                 "Luân phiên theo Quy chế")
    assert changes == [BALLOTS, OFFICERS]
    proposal = lifecycle.next_officers(db, 2019)
    assert (proposal.head, proposal.deputies, proposal.head_basis) == (
        justice, (inspector,), OfficerBasis.ROTATION)
    assert not edits.decide_officers(session, 2019, justice, [inspector],
                                     OfficerBasis.ROTATION, " Luân phiên  theo Quy chế")
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert lifecycle.decisions(db, 2019).note == "Luân phiên theo Quy chế"


def test_apply_officers_then_undo(session: Session) -> None:
    db = session.db
    home, police = unit_id(db, "Sở Nội vụ"), unit_id(db, "Công an tỉnh")
    years.set_officers(db, 2020, police)
    applied = edits.apply_officers(session, 2019)
    assert (applied.head, applied.deputies) == (home, (police,))
    session.undo_stack.undo()
    assert years.officers(db, 2020).head == police and years.officers(db, 2020).deputies == ()
    session.undo_stack.redo()
    assert years.officers(db, 2020) == applied
    with pytest.raises(InputError, match="Năm 2021 chưa có"):
        edits.apply_officers(session, 2020)
    assert session.undo_stack.count() == 1

"""data/lifecycle.py: next year's officers from the election rounds or a recorded decision."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from data import ballots, lifecycle, units, years
from data.db import Database
from data.errors import InputError
from data.lifecycle import NextOfficers, OfficerBasis
from data.meeting_model import Purpose
from data.model import Unit
from tests.data.test_ballots import typed, voting

BALLOT, ROTATION, OFFICERS, CURRENT = (OfficerBasis.BALLOT, OfficerBasis.ROTATION,
                                       OfficerBasis.OFFICERS, OfficerBasis.CURRENT)


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def test_the_demo_elected_its_2020_officers(bloc: Database) -> None:
    home, police = unit_id(bloc, "Sở Nội vụ"), unit_id(bloc, "Công an tỉnh")
    assert lifecycle.next_officers(bloc, 2019) == NextOfficers(2020, home, (police,), BALLOT,
                                                               BALLOT)
    assert lifecycle.proposed_officers(bloc, 2019) == (home, (police,))
    assert years.officers(bloc, 2020).head == home  # the demo's 2020 matches the election
    # 2020 has no meeting yet: its officers stay
    assert lifecycle.next_officers(bloc, 2020) == NextOfficers(2021, home, (police,), CURRENT,
                                                               CURRENT)


def test_no_meeting_keeps_the_current_officers(empty_bloc: Database,
                                               make_unit: Callable[..., Unit]) -> None:
    a, b, c = (make_unit().id for _ in range(3))
    years.set_officers(empty_bloc, 2025, a, (b, c))
    assert lifecycle.proposed_officers(empty_bloc, 2025) == (a, (b, c))


def test_election_rounds_and_fallbacks(empty_bloc: Database,
                                       make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _ = voting(empty_bloc, make_unit)
    years.set_officers(empty_bloc, 2025, ids[0], (ids[1],))
    head = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, [ids[1], ids[2]])
    # only one entry typed: not agreed, the current officers stay
    typed(empty_bloc, head.id, (5, 5, 5, 0), {ids[1]: 4, ids[2]: 1}, entries=(1,))
    assert lifecycle.proposed_officers(empty_bloc, 2025) == (ids[0], (ids[1],))
    typed(empty_bloc, head.id, (5, 5, 5, 0), {ids[1]: 4, ids[2]: 1}, entries=(2,))
    # the deputy elected head leaves the deputies (no deputy round yet)
    assert lifecycle.next_officers(empty_bloc, 2025) == NextOfficers(2026, ids[1], (), BALLOT,
                                                                     CURRENT)
    deputy = ballots.add_round(empty_bloc, meeting.id, Purpose.DEPUTY, ids[2:5], choices=2,
                               seats=2)
    typed(empty_bloc, deputy.id, (5, 5, 5, 0), {ids[2]: 3, ids[3]: 5, ids[4]: 2})
    # 3/5 and 5/5 pass, 2/5 does not; by votes
    assert lifecycle.next_officers(empty_bloc, 2025) == NextOfficers(
        2026, ids[1], (ids[3], ids[2]), BALLOT, BALLOT)


def test_rotation_without_a_ballot(empty_bloc: Database,
                                   make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _ = voting(empty_bloc, make_unit)
    years.set_officers(empty_bloc, 2025, ids[0], (ids[1],))
    decided = lifecycle.decide_officers(empty_bloc, 2025, head=ids[3], note="Luân phiên")
    assert decided == NextOfficers(2026, ids[3], (ids[1],), ROTATION, CURRENT)
    decided = lifecycle.decide_officers(empty_bloc, 2025, deputies=[ids[4], ids[0]])
    assert decided == NextOfficers(2026, ids[3], (ids[4], ids[0]), ROTATION, ROTATION)
    # a recorded decision outranks an election for the same role
    round_ = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, [ids[2]])
    typed(empty_bloc, round_.id, (5, 5, 5, 0), {ids[2]: 5})
    assert lifecycle.proposed_officers(empty_bloc, 2025) == (ids[3], (ids[4], ids[0]))
    lifecycle.decide_officers(empty_bloc, 2025, deputies=[])
    assert lifecycle.next_officers(empty_bloc, 2025).deputy_basis is CURRENT


def test_officers_decide_after_a_deadlock(empty_bloc: Database,
                                          make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _ = voting(empty_bloc, make_unit, members=6)
    years.set_officers(empty_bloc, 2025, ids[0])
    for round_no in (1, 2):
        r = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, [ids[1], ids[2]])
        typed(empty_bloc, r.id, (6, 6, 6, 0), {ids[1]: 3, ids[2]: 3})  # 50 % each: no one
        assert r.round_no == round_no
    assert lifecycle.next_officers(empty_bloc, 2025).head_basis is CURRENT
    decided = lifecycle.decide_officers(empty_bloc, 2025, head=ids[2], basis=OFFICERS)
    assert (decided.head, decided.head_basis) == (ids[2], OFFICERS)
    assert OFFICERS.label == "Trưởng khối và các Phó khối quyết định"


def test_decision_refusals(empty_bloc: Database, make_unit: Callable[..., Unit]) -> None:
    _, ids, _ = voting(empty_bloc, make_unit)
    outsider = make_unit(year=None).id
    with pytest.raises(InputError, match="phải là luân phiên"):
        lifecycle.decide_officers(empty_bloc, 2025, head=ids[0], basis=OfficerBasis.BALLOT)
    with pytest.raises(InputError, match="không thể giữ hai chức vụ"):
        lifecycle.decide_officers(empty_bloc, 2025, head=ids[0], deputies=[ids[0]])
    with pytest.raises(InputError, match="tối đa 2 Phó khối"):
        lifecycle.decide_officers(empty_bloc, 2025, deputies=ids[:3])
    with pytest.raises(InputError, match="không là thành viên khối năm 2025"):
        lifecycle.decide_officers(empty_bloc, 2025, head=outsider)
    lifecycle.decide_officers(empty_bloc, 2025, head=ids[0])
    with pytest.raises(InputError, match="không thể giữ hai chức vụ"):  # against the kept head
        lifecycle.decide_officers(empty_bloc, 2025, deputies=[ids[0]])
    assert lifecycle.next_officers(empty_bloc, 2025).head == ids[0]


def test_a_decision_needs_the_year_end_meeting(empty_bloc: Database,
                                               make_unit: Callable[..., Unit]) -> None:
    unit = make_unit()
    with pytest.raises(InputError, match="Năm 2025 chưa có hội nghị tổng kết"):
        lifecycle.decide_officers(empty_bloc, 2025, head=unit.id)


def test_apply_to_an_existing_next_year(empty_bloc: Database,
                                        make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _ = voting(empty_bloc, make_unit)
    years.set_officers(empty_bloc, 2025, ids[0], (ids[1],))
    with pytest.raises(InputError, match="Năm 2026 chưa có trong tệp khối"):
        lifecycle.apply_proposed_officers(empty_bloc, 2025)
    lifecycle.start_year_from(empty_bloc, 2025, 2026, *lifecycle.proposed_officers(
        empty_bloc, 2025))
    assert years.officers(empty_bloc, 2026).head == ids[0]
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, [ids[4]])
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[4]: 5})
    applied = lifecycle.apply_proposed_officers(empty_bloc, 2025)
    assert (applied.year, applied.head, applied.deputies) == (2026, ids[4], (ids[1],))
    assert years.officers(empty_bloc, 2026) == applied


def test_decisions_replaced_taken_and_restored(empty_bloc: Database,
                                               make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _ = voting(empty_bloc, make_unit)
    years.set_officers(empty_bloc, 2025, ids[0], (ids[1],))
    assert lifecycle.decisions(empty_bloc, 2025) == lifecycle.Decisions()
    nothing = lifecycle.take_decisions(empty_bloc, 2025)
    decided = lifecycle.replace_decisions(empty_bloc, 2025, ids[2], [ids[3], ids[4]],
                                          OFFICERS, " Biên bản  họp Trưởng, Phó khối ")
    assert decided == NextOfficers(2026, ids[2], (ids[3], ids[4]), OFFICERS, OFFICERS)
    assert lifecycle.decisions(empty_bloc, 2025) == lifecycle.Decisions(
        ids[2], (ids[3], ids[4]), OFFICERS, "Biên bản họp Trưởng, Phó khối")
    rows = lifecycle.take_decisions(empty_bloc, 2025)
    # only the deputies now: the head's decision goes, the ballot (none) or this year applies
    only = lifecycle.replace_decisions(empty_bloc, 2025, None, [ids[4]])
    assert only == NextOfficers(2026, ids[0], (ids[4],), CURRENT, ROTATION)
    lifecycle.restore_decisions(empty_bloc, 2025, rows)
    assert lifecycle.next_officers(empty_bloc, 2025) == decided
    lifecycle.restore_decisions(empty_bloc, 2025, nothing)
    assert lifecycle.next_officers(empty_bloc, 2025) == NextOfficers(
        2026, ids[0], (ids[1],), CURRENT, CURRENT)
    with pytest.raises(InputError, match="không thể giữ hai chức vụ"):
        lifecycle.replace_decisions(empty_bloc, 2025, ids[2], [ids[2]])
    assert lifecycle.decisions(empty_bloc, 2025) == lifecycle.Decisions()  # nothing half-done
    assert meeting.year == 2025


def test_no_decisions_without_a_meeting(empty_bloc: Database,
                                        make_unit: Callable[..., Unit]) -> None:
    unit = make_unit()
    assert lifecycle.decisions(empty_bloc, 2025) == lifecycle.Decisions()
    with pytest.raises(InputError, match="Năm 2025 chưa có hội nghị tổng kết"):
        lifecycle.replace_decisions(empty_bloc, 2025, unit.id, [])
    with pytest.raises(InputError, match="Năm 2025 chưa có hội nghị tổng kết"):
        lifecycle.take_decisions(empty_bloc, 2025)

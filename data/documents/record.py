"""Everything the documents of a year are made from, read once from the bloc file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from data import awards, ballots, meetings, nominations, pledges, units, years
from data.bloc import load_profile
from data.criteria_table import CriteriaTable
from data.db import Database
from data.lifecycle import NextOfficers, next_officers
from data.meeting_model import Attendance, Meeting, MeetingKind, Nomination, Quorum, RoundReport
from data.model import (
    AwardForm,
    BlocProfile,
    Membership,
    Officers,
    Pledge,
    Registration,
    RuleSet,
    Unit,
    YearStatus,
)
from data.rules import load_rules
from data.scoreboard import ScoreBoard
from data.scores import load_board
from data.standings import Standing, standings


@dataclass(frozen=True)
class YearRecord:
    """A year of the bloc as plain values: units, scores ranked, meeting, ballots, nominations."""

    year: int
    bloc: BlocProfile
    status: YearStatus
    rules: RuleSet
    units: Mapping[int, Unit]  # the year's member units
    order: tuple[int, ...]  # their ids in Vietnamese order
    memberships: Mapping[int, Membership]
    officers: Officers
    forms: Mapping[int, AwardForm]
    table: CriteriaTable  # the year's criteria table, the one the standings were scored on
    standings: tuple[Standing, ...]
    pledge: Pledge
    registrations: Mapping[int, Registration]
    meeting: Meeting | None = None
    attendance: Mapping[int, Attendance] | None = None
    quorum: Quorum | None = None
    reports: tuple[RoundReport, ...] = ()
    nominations: tuple[Nomination, ...] = ()
    next_officers: NextOfficers | None = None

    def name(self, unit_id: int | None) -> str:
        """A unit's legal name ("" for None)."""
        if unit_id is None:
            return ""
        unit = self.units.get(unit_id)
        return unit.name if unit is not None else f"Đơn vị mã số {unit_id}"

    def standing(self, unit_id: int) -> Standing | None:
        """The unit's line of the ranking."""
        return next((s for s in self.standings if s.unit.id == unit_id), None)

    def report_of(self, round_id: int | None) -> RoundReport | None:
        """A round of the year's meeting by id."""
        return next((r for r in self.reports if r.round.id == round_id), None)


def load_record(db: Database, year: int, board: ScoreBoard | None = None) -> YearRecord:
    """Read the year (its table and ranking from `board` when the caller already holds it)."""
    status = years.require_year(db, year).status
    if board is None:
        board = load_board(db, year)
    pairs = units.members(db, year)
    meeting = meetings.find_meeting(db, year, MeetingKind.YEAR_END)
    record = YearRecord(
        year=year, bloc=load_profile(db), status=status, rules=load_rules(db, year),
        units={u.id: u for u, _ in pairs}, order=tuple(u.id for u, _ in pairs),
        memberships={m.unit_id: m for _, m in pairs}, officers=years.officers(db, year),
        forms={f.id: f for f in awards.award_forms(db)}, table=board.table,
        standings=tuple(standings(db, year, board)), pledge=pledges.get_pledge(db, year),
        registrations=pledges.registrations(db, year),
        nominations=tuple(nominations.nominations(db, year)),
    )
    if meeting is None:
        return record
    return replace(
        record, meeting=meeting,
        attendance={a.unit_id: a for a in meetings.attendance(db, meeting.id)},
        quorum=meetings.meeting_quorum(db, meeting.id),
        reports=tuple(ballots.round_reports(db, meeting.id)),
        next_officers=next_officers(db, year))

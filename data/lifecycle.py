"""Starting a bloc, a new year from the previous one, and the officers its meeting chose."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from data import audit, awards, criteria, snapshots, units, years
from data.ballots import round_reports
from data.bloc import create_bloc
from data.db import Database, transaction, with_extension
from data.errors import InputError
from data.meeting_model import MeetingKind, Purpose
from data.meetings import find_meeting
from data.model import BlocProfile, Officers, YearStatus
from data.rules import load_rules, save_rules
from data.snapshots import Snapshot
from data.vntext import clean


class OfficerBasis(StrEnum):
    """How next year's head or deputies were chosen."""

    BALLOT = "ballot"
    ROTATION = "rotation"
    OFFICERS = "officers"
    CURRENT = "current"

    @property
    def label(self) -> str:
        return {"ballot": "Bầu bằng phiếu kín", "rotation": "Luân phiên, thống nhất chỉ định",
                "officers": "Trưởng khối và các Phó khối quyết định",
                "current": "Giữ như năm trước, chưa có kết quả bầu"}[self.value]


@dataclass(frozen=True)
class NextOfficers:
    """The head and deputies proposed for `year`, and how each was chosen."""

    year: int
    head: int | None
    deputies: tuple[int, ...]
    head_basis: OfficerBasis
    deputy_basis: OfficerBasis


def start_bloc(path: str | os.PathLike[str] | None, profile: BlocProfile, year: int,
               unit_names: Sequence[str], head: str | None = None,
               deputies: Sequence[str] = ()) -> Database:
    """A new bloc file with its first year, member units and officers, all or nothing."""
    db = create_bloc(path, profile)
    try:
        with transaction(db):
            awards.seed_award_forms(db)
            years.add_year(db, year, YearStatus.REGISTRATION)
            awards.seed_quotas(db, year)
            ids = {}
            for name in unit_names:
                unit = units.add_unit(db, name, year=year)
                ids[unit.name] = unit.id
            if head is not None or deputies:
                missing = [n for n in (head, *deputies) if n is not None and n not in ids]
                if missing:
                    raise InputError(f"“{missing[0]}” không có trong danh sách đơn vị.")
                years.set_officers(db, year, ids[head] if head else None,
                                   tuple(ids[d] for d in deputies))
    except BaseException:
        db.close()
        if path is not None:
            target = with_extension(path)
            for suffix in ("", "-wal", "-shm"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)
        raise
    return db


def start_year_from(db: Database, previous: int, year: int, head: int | None,
                    deputies: Sequence[int] = (), *, copy_table: bool = True) -> None:
    """Open `year` with the members of `previous` (eligibility flags cleared), its rules and
    quotas, its criteria table when asked, and the given officers (as elected at the meeting)."""
    years.require_year(db, previous)
    with transaction(db):
        years.add_year(db, year, YearStatus.REGISTRATION)
        save_rules(db, replace(load_rules(db, previous), year=year))
        for quota in awards.quotas(db, previous):
            awards.set_quota(db, year, quota.award_form_id, quota.count, quota.source)
        for unit, member in units.members(db, previous):
            if unit.left_year is not None and unit.left_year <= year:
                continue
            units.add_member(db, year, unit.id, head_name=member.head_name,
                             head_title=member.head_title, women_70=member.women_70)
        years.set_officers(db, year, head, tuple(deputies))
        if copy_table and criteria.criteria(db, previous):
            criteria.copy_table(db, previous, year)
        audit.record(db, "start", "year", year, previous=previous)


def decide_officers(db: Database, year: int, *, head: int | None = None,
                    deputies: Sequence[int] | None = None,
                    basis: OfficerBasis = OfficerBasis.ROTATION, note: str = "") -> NextOfficers:
    """Record next year's head and/or deputies chosen without a ballot or by the officers."""
    # Stored at `year`'s year-end meeting; a role not given keeps its earlier decision, an empty
    # `deputies` removes the deputies' decision (the ballot or this year's deputies apply again).
    basis = OfficerBasis(basis)
    if basis not in (OfficerBasis.ROTATION, OfficerBasis.OFFICERS):
        raise InputError("Quyết định chọn Trưởng khối, Phó khối phải là luân phiên (chỉ định) "
                         "hoặc do Trưởng khối và các Phó khối quyết định.")
    meeting = find_meeting(db, year, MeetingKind.YEAR_END)
    if meeting is None:
        raise InputError(f"Năm {year} chưa có hội nghị tổng kết để ghi quyết định này.")
    decided = _decided(db, meeting.id)
    new_head = head if head is not None else decided[0]
    new_deputies = tuple(deputies) if deputies is not None else decided[1]
    if len(new_deputies) > years.MAX_DEPUTIES:
        raise InputError(f"Khối chỉ có tối đa {years.MAX_DEPUTIES} Phó khối.")
    chosen = [u for u in (new_head, *new_deputies) if u is not None]
    if len(set(chosen)) != len(chosen):
        raise InputError("Một đơn vị không thể giữ hai chức vụ trong khối cùng năm.")
    member_ids = {unit.id for unit, _ in units.members(db, year)}
    for unit_id in chosen:
        if unit_id not in member_ids:
            raise InputError(f"Đơn vị mã số {unit_id} không là thành viên khối năm {year}.")
    rows = ([("head", 0, head)] if head is not None else []) + [
        ("deputy", p, u) for p, u in enumerate(deputies or (), start=1)]
    with transaction(db):
        for role, given in (("head", head is not None), ("deputy", deputies is not None)):
            if given:
                db.conn.execute("DELETE FROM officer_decisions WHERE meeting_id = :m"
                                " AND role = :r", {"m": meeting.id, "r": role})
        db.conn.executemany(
            "INSERT INTO officer_decisions (meeting_id, unit_id, role, position, basis, note)"
            " VALUES (:m, :u, :r, :p, :b, :n)",
            [{"m": meeting.id, "u": u, "r": r, "p": p, "b": basis.value, "n": clean(note)}
             for r, p, u in rows])
        audit.record(db, "decide", "officers", year + 1, head=head, basis=basis,
                     deputies=None if deputies is None else list(deputies))
    return next_officers(db, year)


@dataclass(frozen=True)
class Decisions:
    """What the year-end meeting recorded for next year without a ballot (or after the last)."""

    head: int | None = None
    deputies: tuple[int, ...] = ()
    basis: OfficerBasis = OfficerBasis.ROTATION
    note: str = ""


def _meeting_id(db: Database, year: int) -> int:
    meeting = find_meeting(db, year, MeetingKind.YEAR_END)
    if meeting is None:
        raise InputError(f"Năm {year} chưa có hội nghị tổng kết để ghi quyết định này.")
    return meeting.id


def decisions(db: Database, year: int) -> Decisions:
    """The decisions recorded at `year`'s year-end meeting (none when it has no meeting)."""
    meeting = find_meeting(db, year, MeetingKind.YEAR_END)
    if meeting is None:
        return Decisions()
    head, deputies, bases = _decided(db, meeting.id)
    note = db.conn.execute("SELECT note FROM officer_decisions WHERE meeting_id = :m AND"
                           " note != '' LIMIT 1", {"m": meeting.id}).fetchone()
    basis = bases.get("head", bases.get("deputy", OfficerBasis.ROTATION))
    return Decisions(head, deputies, basis, note[0] if note else "")


def replace_decisions(db: Database, year: int, head: int | None, deputies: Sequence[int],
                      basis: OfficerBasis = OfficerBasis.ROTATION, note: str = "") -> NextOfficers:
    """Record exactly these decisions for both roles (None and no deputies: ballots decide)."""
    meeting_id = _meeting_id(db, year)
    with transaction(db):
        db.conn.execute("DELETE FROM officer_decisions WHERE meeting_id = :m", {"m": meeting_id})
        return decide_officers(db, year, head=head, deputies=tuple(deputies), basis=basis,
                               note=note)


def take_decisions(db: Database, year: int) -> Snapshot:
    """The decision rows of `year`'s year-end meeting, to put back with `restore_decisions`."""
    return snapshots.take(db, "officer_decisions", "meeting_id = :m",
                          {"m": _meeting_id(db, year)}, "role DESC, position")


def restore_decisions(db: Database, year: int, rows: Snapshot) -> None:
    """Make the meeting's decisions exactly the rows `take_decisions` saw."""
    meeting_id = _meeting_id(db, year)
    with transaction(db):
        db.conn.execute("DELETE FROM officer_decisions WHERE meeting_id = :m", {"m": meeting_id})
        snapshots.restore(db, rows)
        audit.record(db, "restore", "officers", year + 1)


def _decided(db: Database, meeting_id: int
             ) -> tuple[int | None, tuple[int, ...], dict[str, OfficerBasis]]:
    rows = db.conn.execute("SELECT * FROM officer_decisions WHERE meeting_id = :m"
                           " ORDER BY role DESC, position", {"m": meeting_id}).fetchall()
    head = next((r["unit_id"] for r in rows if r["role"] == "head"), None)
    bases = {r["role"]: OfficerBasis(r["basis"]) for r in rows}
    return head, tuple(r["unit_id"] for r in rows if r["role"] == "deputy"), bases


def _elected(db: Database, meeting_id: int, purpose: Purpose) -> list[int]:
    found: list[int] = []
    for report in round_reports(db, meeting_id):
        if report.round.purpose is purpose and report.result is not None:
            found += [u for u in report.result.elected if u not in found]
    return found


def next_officers(db: Database, previous: int) -> NextOfficers:
    """Officers for the year after `previous`: decided, else elected, else those of `previous`."""
    current = years.officers(db, previous)
    meeting = find_meeting(db, previous, MeetingKind.YEAR_END)
    head, deputies, bases = (None, (), {}) if meeting is None else _decided(db, meeting.id)
    head_basis = bases.get("head", OfficerBasis.BALLOT)
    deputy_basis = bases.get("deputy", OfficerBasis.BALLOT)
    if head is None and meeting is not None:
        head = next(iter(_elected(db, meeting.id, Purpose.HEAD)), None)
    if head is None:
        head, head_basis = current.head, OfficerBasis.CURRENT
    if not deputies and meeting is not None:
        deputies = tuple(_elected(db, meeting.id, Purpose.DEPUTY))
    if not [d for d in deputies if d != head]:
        deputies, deputy_basis = current.deputies, OfficerBasis.CURRENT
    deputies = tuple(d for d in deputies if d != head)[:years.MAX_DEPUTIES]
    return NextOfficers(previous + 1, head, deputies, head_basis, deputy_basis)


def proposed_officers(db: Database, previous: int) -> tuple[int | None, tuple[int, ...]]:
    """Head and deputies offered for the year after `previous` (see next_officers)."""
    proposal = next_officers(db, previous)
    return proposal.head, proposal.deputies


def apply_proposed_officers(db: Database, previous: int) -> Officers:
    """Set the proposed officers on the year after `previous` (which must already exist)."""
    proposal = next_officers(db, previous)
    years.require_year(db, proposal.year)
    return years.set_officers(db, proposal.year, proposal.head, proposal.deputies)

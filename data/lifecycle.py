"""Starting a bloc, and starting a new year from the previous one (members, officers, rules)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from sqlite_utils import Database

from data import audit, awards, criteria, units, years
from data.bloc import create_bloc
from data.db import transaction, with_extension
from data.errors import InputError
from data.model import BlocProfile, YearStatus
from data.rules import load_rules, save_rules


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


def proposed_officers(db: Database, previous: int) -> tuple[int | None, tuple[int, ...]]:
    """Officers offered for the year after `previous`: those elected at its year-end meeting,
    else the same as `previous`."""
    current = years.officers(db, previous)
    return current.head, current.deputies

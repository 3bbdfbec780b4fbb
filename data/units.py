"""Member units and their yearly membership (head, women-share flag, eligibility blocks)."""

from __future__ import annotations

import sqlite3
from dataclasses import fields, replace
from typing import Any

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import Membership, Unit
from data.vntext import clean, identity_key, sort_key
from data.years import require_year

_UNIT_TEXT = ("name", "short_name", "code")
_MEMBER_FLAGS = ("women_70", "discipline", "investigation", "complaint")


def _unit(row: sqlite3.Row) -> Unit:
    return Unit(
        id=row["id"],
        name=row["name"],
        short_name=row["short_name"],
        code=row["code"],
        joined_year=row["joined_year"],
        left_year=row["left_year"],
    )


def _membership(row: sqlite3.Row) -> Membership:
    return Membership(
        year=row["year"],
        unit_id=row["unit_id"],
        head_name=row["head_name"],
        head_title=row["head_title"],
        **{flag: bool(row[flag]) for flag in _MEMBER_FLAGS},
        eligibility_note=row["eligibility_note"],
    )


def _check_name(db: Database, name: str, unit_id: int | None) -> str:
    if not name:
        raise InputError("Tên đơn vị không được để trống.")
    if len(name) > 300:
        raise InputError("Tên đơn vị quá dài (tối đa 300 ký tự).")
    row = db.conn.execute(
        "SELECT id, name FROM units WHERE name_key = :key", {"key": identity_key(name)}
    ).fetchone()
    if row is not None and row["id"] != unit_id:
        raise InputError(f"Đơn vị “{row['name']}” đã có trong khối (trùng với “{name}”).")
    return name


def get_unit(db: Database, unit_id: int) -> Unit:
    """One unit by id."""
    row = db.conn.execute("SELECT * FROM units WHERE id = :id", {"id": unit_id}).fetchone()
    if row is None:
        raise InputError(f"Không có đơn vị mã số {unit_id} trong khối.")
    return _unit(row)


def all_units(db: Database) -> list[Unit]:
    """Every unit the bloc ever had, in Vietnamese order."""
    rows = db.conn.execute("SELECT * FROM units").fetchall()
    return sorted((_unit(r) for r in rows), key=lambda u: sort_key(u.name))


def find_unit(db: Database, name: str) -> Unit | None:
    """The unit with this name (spelling variants such as Ủy/Uỷ count as the same)."""
    row = db.conn.execute(
        "SELECT * FROM units WHERE name_key = :key", {"key": identity_key(clean(name))}
    ).fetchone()
    return None if row is None else _unit(row)


def add_unit(db: Database, name: str, *, short_name: str = "", code: str = "",
             year: int | None = None, **membership: Any) -> Unit:
    """Register a unit; with `year`, it also becomes a member that year."""
    name = clean(name)
    with transaction(db):
        _check_name(db, name, None)
        cur = db.conn.execute(
            "INSERT INTO units (name, name_key, short_name, code, joined_year, created_at)"
            " VALUES (:name, :key, :short, :code, :year, :at)",
            {"name": name, "key": identity_key(name), "short": clean(short_name),
             "code": clean(code), "year": year, "at": audit.now_iso()},
        )
        unit_id = int(cur.lastrowid or 0)
        audit.record(db, "add", "unit", unit_id, name=name)
        if year is not None:
            add_member(db, year, unit_id, **membership)
    return get_unit(db, unit_id)


def update_unit(db: Database, unit_id: int, **changes: str) -> Unit:
    """Change a unit's name, short name or code (the name stays unique)."""
    unknown = set(changes) - set(_UNIT_TEXT)
    if unknown:
        raise InputError(f"Không sửa được trường {', '.join(sorted(unknown))} của đơn vị.")
    old = get_unit(db, unit_id)
    unit = replace(old, name=clean(changes.get("name", old.name)),
                   short_name=clean(changes.get("short_name", old.short_name)),
                   code=clean(changes.get("code", old.code)))
    with transaction(db):
        _check_name(db, unit.name, unit_id)
        db.conn.execute(
            "UPDATE units SET name = :name, name_key = :key, short_name = :short, code = :code"
            " WHERE id = :id",
            {"name": unit.name, "key": identity_key(unit.name), "short": unit.short_name,
             "code": unit.code, "id": unit_id},
        )
        audit.record(db, "update", "unit", unit_id, **changes)
    return unit


def add_member(db: Database, year: int, unit_id: int, **values: Any) -> Membership:
    """Make a unit a member in `year`."""
    require_year(db, year)
    unit = get_unit(db, unit_id)
    if unit.left_year is not None and year >= unit.left_year:
        raise InputError(f"“{unit.name}” đã rời khối từ năm {unit.left_year}.")
    member = _normalised(Membership(year=year, unit_id=unit_id, **values))
    with transaction(db):
        try:
            db.conn.execute(
                "INSERT INTO memberships (year, unit_id) VALUES (:year, :unit)",
                {"year": year, "unit": unit_id},
            )
        except sqlite3.IntegrityError:
            raise InputError(f"“{unit.name}” đã là thành viên năm {year}.") from None
        _write_membership(db, member)
        audit.record(db, "add", "membership", f"{year}/{unit_id}", unit=unit.name)
    return member


def _normalised(member: Membership) -> Membership:
    return replace(member, head_name=clean(member.head_name),
                   head_title=clean(member.head_title),
                   eligibility_note=clean(member.eligibility_note))


def _write_membership(db: Database, member: Membership) -> None:
    values = {f.name: getattr(member, f.name) for f in fields(member)}
    values.update({flag: int(values[flag]) for flag in _MEMBER_FLAGS})
    db.conn.execute(
        "UPDATE memberships SET head_name = :head_name, head_title = :head_title,"
        " women_70 = :women_70, discipline = :discipline, investigation = :investigation,"
        " complaint = :complaint, eligibility_note = :eligibility_note"
        " WHERE year = :year AND unit_id = :unit_id",
        values,
    )


def save_membership(db: Database, member: Membership) -> Membership:
    """Replace a member's facts for the year."""
    member = _normalised(member)
    get_membership(db, member.year, member.unit_id)
    with transaction(db):
        _write_membership(db, member)
        audit.record(db, "update", "membership", f"{member.year}/{member.unit_id}")
    return member


def get_membership(db: Database, year: int, unit_id: int) -> Membership:
    """A unit's membership in a year."""
    row = db.conn.execute(
        "SELECT * FROM memberships WHERE year = :year AND unit_id = :unit",
        {"year": year, "unit": unit_id},
    ).fetchone()
    if row is None:
        raise InputError(f"Đơn vị mã số {unit_id} không là thành viên khối năm {year}.")
    return _membership(row)


def members(db: Database, year: int) -> list[tuple[Unit, Membership]]:
    """The year's member units with their facts, in Vietnamese order."""
    require_year(db, year)
    rows = db.conn.execute(
        "SELECT u.*, m.year, m.unit_id, m.head_name, m.head_title, m.women_70, m.discipline,"
        " m.investigation, m.complaint, m.eligibility_note"
        " FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.year = :year",
        {"year": year},
    ).fetchall()
    pairs = [(_unit(r), _membership(r)) for r in rows]
    return sorted(pairs, key=lambda pair: sort_key(pair[0].name))


def update_member(db: Database, member: Membership, *, name: str, short_name: str = "",
                  code: str = "") -> tuple[Unit, Membership]:
    """Change a unit's names and its facts for `member.year` together, all or nothing."""
    with transaction(db):
        unit = update_unit(db, member.unit_id, name=name, short_name=short_name, code=code)
        saved = save_membership(db, member)
    return unit, saved


def latest_membership(db: Database, unit_id: int) -> Membership | None:
    """The unit's membership of its most recent year, or None if it never was a member."""
    row = db.conn.execute(
        "SELECT * FROM memberships WHERE unit_id = :u ORDER BY year DESC LIMIT 1", {"u": unit_id}
    ).fetchone()
    return None if row is None else _membership(row)

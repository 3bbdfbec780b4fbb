"""A unit leaving the bloc, rejoining it, or removed again right after it was added: with the
checks that nothing of its years is lost, and the undo of each move."""

from __future__ import annotations

import sqlite3
from typing import Any

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import Membership, Unit
from data.snapshots import Snapshot, restore, take
from data.units import add_member, get_membership, get_unit

_IN_RANGE = "unit_id = :u AND year BETWEEN :y AND :z"
_DATA_YEARS = " UNION ".join(  # every kind of data a unit can have in a year, but its membership
    [f"SELECT year FROM {table} WHERE {_IN_RANGE}"
     for table in ("scores", "registrations", "officers", "penalties", "nominations")]
    + ["SELECT m.year FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
       " WHERE a.unit_id = :u AND m.year BETWEEN :y AND :z",
       "SELECT m.year FROM ballot_candidates c JOIN ballot_rounds r ON r.id = c.round_id"
       " JOIN meetings m ON m.id = r.meeting_id WHERE c.unit_id = :u AND m.year BETWEEN :y AND :z",
       "SELECT m.year FROM officer_decisions d JOIN meetings m ON m.id = d.meeting_id"
       " WHERE d.unit_id = :u AND m.year BETWEEN :y AND :z"])


def _data_years(db: Database, unit_id: int, first: int, last: int = 9999) -> str:
    """The years from `first` to `last` in which the unit has data, as "2019, 2020"."""
    found = db.conn.execute(_DATA_YEARS, {"u": unit_id, "y": first, "z": last}).fetchall()
    return ", ".join(str(y) for y in sorted(r[0] for r in found))


def retire(db: Database, unit_id: int, from_year: int) -> Unit:
    """The unit leaves the bloc from `from_year`; its earlier years are kept untouched."""
    unit = get_unit(db, unit_id)
    later = _data_years(db, unit_id, from_year)
    if later:
        raise InputError(
            f"“{unit.name}” đã có dữ liệu năm {later} (điểm, đăng ký, chức vụ trong khối, hội "
            f"nghị hoặc khen thưởng); hãy xóa dữ liệu đó trước khi cho đơn vị rời khối từ năm "
            f"{from_year}."
        )
    with transaction(db):
        db.conn.execute(
            "DELETE FROM memberships WHERE unit_id = :u AND year >= :y",
            {"u": unit_id, "y": from_year},
        )
        db.conn.execute(
            "UPDATE units SET left_year = :y WHERE id = :u", {"u": unit_id, "y": from_year}
        )
        audit.record(db, "retire", "unit", unit_id, from_year=from_year)
    return get_unit(db, unit_id)


def reinstate(db: Database, unit_id: int) -> Unit:
    """Undo a retirement: the unit may be a member again (memberships are added separately)."""
    with transaction(db):
        db.conn.execute("UPDATE units SET left_year = NULL WHERE id = :u", {"u": unit_id})
        audit.record(db, "reinstate", "unit", unit_id)
    return get_unit(db, unit_id)


def membership_rows(db: Database, unit_id: int, from_year: int) -> Snapshot:
    """The unit's membership rows from `from_year` on: what `retire` deletes, for its undo."""
    return take(db, "memberships", "unit_id = :u AND year >= :y", {"u": unit_id, "y": from_year},
                order="year")


def undo_retire(db: Database, unit_id: int, left_year: int | None, rows: Snapshot) -> Unit:
    """Undo `retire`: the old left year (None: still a member) and the memberships come back."""
    with transaction(db):
        db.conn.execute("UPDATE units SET left_year = :y WHERE id = :u",
                        {"u": unit_id, "y": left_year})
        restore(db, rows)
        audit.record(db, "undo_retire", "unit", unit_id, left_year=left_year)
    return get_unit(db, unit_id)


def remove_unit(db: Database, unit_id: int) -> Snapshot:
    """Delete a unit that has no data besides memberships (to undo its addition); returns the
    deleted rows, which `data.snapshots.restore` puts back with their ids."""
    unit = get_unit(db, unit_id)
    used = _data_years(db, unit_id, 0)
    if used:
        raise InputError(f"Không xóa được “{unit.name}”: đơn vị đã có dữ liệu năm {used} "
                         "(điểm, đăng ký, chức vụ trong khối, hội nghị hoặc khen thưởng).")
    rows = take(db, "units", "id = :u", {"u": unit_id}) + membership_rows(db, unit_id, 0)
    try:
        with transaction(db):
            db.conn.execute("DELETE FROM memberships WHERE unit_id = :u", {"u": unit_id})
            db.conn.execute("DELETE FROM units WHERE id = :u", {"u": unit_id})
            audit.record(db, "remove", "unit", unit_id, name=unit.name)
    except sqlite3.IntegrityError:  # a table that refers to the unit and is not checked above
        raise InputError(f"Không xóa được “{unit.name}”: đơn vị đã được dùng ở nơi khác "
                         "trong tệp khối.") from None
    return rows


def rejoin(db: Database, year: int, unit_id: int, **values: Any) -> Membership:
    """A unit of earlier years becomes a member again in `year` (a retirement is lifted)."""
    with transaction(db):
        unit = get_unit(db, unit_id)
        if unit.left_year is not None and year >= unit.left_year:
            db.conn.execute("UPDATE units SET left_year = NULL WHERE id = :u", {"u": unit_id})
        return add_member(db, year, unit_id, **values)


def undo_rejoin(db: Database, year: int, unit_id: int, left_year: int | None) -> Unit:
    """Undo `rejoin`: the membership of `year` goes (refused if it has data), the left year
    comes back."""
    unit = get_unit(db, unit_id)
    get_membership(db, year, unit_id)
    used = _data_years(db, unit_id, year, year)
    if used:
        raise InputError(f"“{unit.name}” đã có dữ liệu năm {year}; không bỏ được tư cách "
                         f"thành viên năm {year}.")
    with transaction(db):
        db.conn.execute("DELETE FROM memberships WHERE unit_id = :u AND year = :y",
                        {"u": unit_id, "y": year})
        db.conn.execute("UPDATE units SET left_year = :l WHERE id = :u",
                        {"u": unit_id, "l": left_year})
        audit.record(db, "undo_rejoin", "unit", unit_id, year=year)
    return get_unit(db, unit_id)

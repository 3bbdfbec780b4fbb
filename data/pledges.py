"""The year's pledge (giao ước thi đua) with its key contents, and each unit's registration."""

from __future__ import annotations

import sqlite3

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import Pledge, Registration
from data.vntext import clean, clean_multiline, parse_date
from data.years import require_year


def _iso_date(text: str) -> str:
    text = clean(text)
    return parse_date(text).isoformat() if text else ""


def get_pledge(db: Database, year: int) -> Pledge:
    """The year's pledge (empty when not drafted yet)."""
    require_year(db, year)
    row = db.conn.execute("SELECT * FROM pledges WHERE year = :y", {"y": year}).fetchone()
    contents = tuple(
        r["text"] for r in db.conn.execute(
            "SELECT text FROM pledge_contents WHERE year = :y ORDER BY position, id", {"y": year}
        )
    )
    if row is None:
        return Pledge(year=year)
    return Pledge(year, row["signed_on"], row["place"], row["title"], contents)


def save_pledge(db: Database, pledge: Pledge) -> Pledge:
    """Replace the year's pledge and its key contents (in the given order)."""
    require_year(db, pledge.year)
    contents = [clean_multiline(c) for c in pledge.contents]
    if any(not c for c in contents):
        raise InputError("Nội dung giao ước không được để trống.")
    with transaction(db):
        db.conn.execute(
            "INSERT INTO pledges (year, signed_on, place, title) VALUES (:y, :d, :p, :t)"
            " ON CONFLICT (year) DO UPDATE SET signed_on = :d, place = :p, title = :t",
            {"y": pledge.year, "d": _iso_date(pledge.signed_on), "p": clean(pledge.place),
             "t": clean(pledge.title)},
        )
        db.conn.execute("DELETE FROM pledge_contents WHERE year = :y", {"y": pledge.year})
        for position, text in enumerate(contents, start=1):
            db.conn.execute(
                "INSERT INTO pledge_contents (year, position, text) VALUES (:y, :p, :t)",
                {"y": pledge.year, "p": position, "t": text},
            )
        audit.record(db, "save", "pledge", pledge.year, contents=len(contents))
    return get_pledge(db, pledge.year)


def _registration(row: sqlite3.Row) -> Registration:
    return Registration(
        year=row["year"], unit_id=row["unit_id"], award_form_id=row["award_form_id"],
        title_aimed=row["title_aimed"], targets=row["targets"], registered_on=row["registered_on"],
    )


def registrations(db: Database, year: int) -> dict[int, Registration]:
    """Every registration of the year, by unit id."""
    require_year(db, year)
    rows = db.conn.execute("SELECT * FROM registrations WHERE year = :y", {"y": year})
    return {r["unit_id"]: _registration(r) for r in rows}


def save_registration(db: Database, registration: Registration) -> Registration:
    """Create or replace a unit's registration for the year."""
    require_year(db, registration.year)
    values = {
        "y": registration.year, "u": registration.unit_id, "f": registration.award_form_id,
        "t": clean(registration.title_aimed), "g": clean_multiline(registration.targets),
        "d": _iso_date(registration.registered_on),
    }
    with transaction(db):
        try:
            db.conn.execute(
                "INSERT INTO registrations"
                " (year, unit_id, award_form_id, title_aimed, targets, registered_on)"
                " VALUES (:y, :u, :f, :t, :g, :d) ON CONFLICT (year, unit_id) DO UPDATE SET"
                " award_form_id = :f, title_aimed = :t, targets = :g, registered_on = :d",
                values,
            )
        except sqlite3.IntegrityError:
            raise InputError(
                f"Đơn vị mã số {registration.unit_id} không là thành viên khối năm "
                f"{registration.year}, hoặc hình thức khen thưởng không có trong danh mục."
            ) from None
        audit.record(db, "save", "registration", f"{registration.year}/{registration.unit_id}")
    return registrations(db, registration.year)[registration.unit_id]


def delete_registration(db: Database, year: int, unit_id: int) -> None:
    """Withdraw a unit's registration."""
    with transaction(db):
        db.conn.execute("DELETE FROM registrations WHERE year = :y AND unit_id = :u",
                        {"y": year, "u": unit_id})
        audit.record(db, "delete", "registration", f"{year}/{unit_id}")

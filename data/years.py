"""The bloc's years, their status, and each year's officers (head and up to two deputies)."""

from __future__ import annotations

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import Officers, RuleSet, Year, YearStatus
from data.rules import save_rules

MAX_DEPUTIES = 2


def require_year(db: Database, year: int) -> Year:
    """The year, or a clear refusal when the file has no such year."""
    if not isinstance(year, int) or isinstance(year, bool):
        raise InputError(f"“{year}” không phải là một năm.")
    row = db.conn.execute("SELECT * FROM years WHERE year = :y", {"y": year}).fetchone()
    if row is None:
        known = ", ".join(str(y.year) for y in all_years(db)) or "chưa có năm nào"
        raise InputError(f"Năm {year} chưa có trong tệp khối (các năm đã có: {known}).")
    return Year(row["year"], YearStatus(row["status"]), row["note"])


def all_years(db: Database) -> list[Year]:
    """Every year of the bloc, oldest first."""
    rows = db.conn.execute("SELECT * FROM years ORDER BY year").fetchall()
    return [Year(r["year"], YearStatus(r["status"]), r["note"]) for r in rows]


def add_year(db: Database, year: int, status: YearStatus = YearStatus.REGISTRATION) -> Year:
    """Open a new, empty year (rules get their defaults)."""
    if not isinstance(year, int) or not 1945 <= year <= 2200:
        raise InputError(f"Năm “{year}” không hợp lệ.")
    with transaction(db):
        if db.conn.execute("SELECT 1 FROM years WHERE year = :y", {"y": year}).fetchone():
            raise InputError(f"Năm {year} đã có trong tệp khối.")
        db.conn.execute(
            "INSERT INTO years (year, status) VALUES (:y, :s)", {"y": year, "s": status.value}
        )
        save_rules(db, RuleSet(year=year))
        audit.record(db, "add", "year", year, status=status.value)
    return Year(year, status)


def set_status(db: Database, year: int, status: YearStatus) -> Year:
    """Move the year to another stage of its cycle."""
    require_year(db, year)
    with transaction(db):
        db.conn.execute(
            "UPDATE years SET status = :s WHERE year = :y", {"y": year, "s": status.value}
        )
        audit.record(db, "status", "year", year, status=status.value)
    return require_year(db, year)


def officers(db: Database, year: int) -> Officers:
    """The year's head and deputies."""
    require_year(db, year)
    rows = db.conn.execute(
        "SELECT unit_id, role FROM officers WHERE year = :y ORDER BY role DESC, position",
        {"y": year},
    ).fetchall()
    head = next((r["unit_id"] for r in rows if r["role"] == "head"), None)
    deputies = tuple(r["unit_id"] for r in rows if r["role"] == "deputy")
    return Officers(year=year, head=head, deputies=deputies)


def set_officers(db: Database, year: int, head: int | None, deputies: tuple[int, ...] = ()
                 ) -> Officers:
    """Replace the year's head and deputies; all must be members that year, none twice."""
    require_year(db, year)
    if len(deputies) > MAX_DEPUTIES:
        raise InputError(f"Khối chỉ có tối đa {MAX_DEPUTIES} Phó khối.")
    chosen = ([head] if head is not None else []) + list(deputies)
    if len(set(chosen)) != len(chosen):
        raise InputError("Một đơn vị không thể giữ hai chức vụ trong khối cùng năm.")
    member_ids = {
        r[0] for r in db.conn.execute("SELECT unit_id FROM memberships WHERE year = :y",
                                      {"y": year})
    }
    outsiders = [u for u in chosen if u not in member_ids]
    if outsiders:
        raise InputError(f"Đơn vị mã số {outsiders[0]} không là thành viên khối năm {year}.")
    with transaction(db):
        db.conn.execute("DELETE FROM officers WHERE year = :y", {"y": year})
        if head is not None:
            db.conn.execute(
                "INSERT INTO officers (year, unit_id, role, position) VALUES (:y, :u, 'head', 0)",
                {"y": year, "u": head},
            )
        for position, unit_id in enumerate(deputies, start=1):
            db.conn.execute(
                "INSERT INTO officers (year, unit_id, role, position)"
                " VALUES (:y, :u, 'deputy', :p)",
                {"y": year, "u": unit_id, "p": position},
            )
        audit.record(db, "set", "officers", year, head=head, deputies=list(deputies))
    return officers(db, year)

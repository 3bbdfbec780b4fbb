"""The year's penalty catalogue (danh mục điểm trừ): what a unit loses points for, and how many."""

from __future__ import annotations

from collections.abc import Iterable

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import PenaltyType
from data.numbers import as_number
from data.snapshots import Snapshot
from data.vntext import clean
from data.years import require_year


def penalty_types(db: Database, year: int) -> list[PenaltyType]:
    """The year's penalty catalogue in order."""
    rows = db.conn.execute("SELECT * FROM penalty_types WHERE year = :y ORDER BY position, id",
                           {"y": year})
    return [PenaltyType(r["id"], r["year"], r["code"], r["title"], r["points"], r["source"])
            for r in rows]


def _penalty_values(title: str, points: float | str) -> tuple[str, float]:
    value = as_number(points, "Điểm trừ")
    if not clean(title):
        raise InputError("Tên lỗi bị trừ điểm không được để trống.")
    if value < 0:
        raise InputError("Điểm trừ ghi số dương (ví dụ 5 nghĩa là trừ 5 điểm).")
    return clean(title), value


def add_penalty_type(db: Database, year: int, title: str, points: float | str, *,
                     code: str = "", source: str = "") -> PenaltyType:
    """Add an entry to the penalty catalogue (points are deducted, written positive)."""
    require_year(db, year)
    title, value = _penalty_values(title, points)
    with transaction(db):
        cur = db.conn.execute(
            "INSERT INTO penalty_types (year, code, title, points, source, position) VALUES"
            " (:y, :c, :t, :p, :s, (SELECT coalesce(max(position), 0) + 1 FROM penalty_types"
            " WHERE year = :y))",
            {"y": year, "c": clean(code), "t": title, "p": value, "s": clean(source)})
        audit.record(db, "add", "penalty_type", cur.lastrowid, title=title, points=value)
    return PenaltyType(int(cur.lastrowid or 0), year, clean(code), title, value, clean(source))


def get_penalty_type(db: Database, type_id: int) -> PenaltyType:
    """One catalogue entry by id."""
    r = db.conn.execute("SELECT * FROM penalty_types WHERE id = :id", {"id": type_id}).fetchone()
    if r is None:
        raise InputError(f"Không có lỗi mã số {type_id} trong danh mục điểm trừ.")
    return PenaltyType(r["id"], r["year"], r["code"], r["title"], r["points"], r["source"])


def update_penalty_type(db: Database, entry: PenaltyType) -> PenaltyType:
    """Save an edited catalogue entry (penalties already recorded keep their own points)."""
    get_penalty_type(db, entry.id)
    title, value = _penalty_values(entry.title, entry.points)
    with transaction(db):
        db.conn.execute(
            "UPDATE penalty_types SET code = :c, title = :t, points = :p, source = :s"
            " WHERE id = :id", {"c": clean(entry.code), "t": title, "p": value,
                                "s": clean(entry.source), "id": entry.id})
        audit.record(db, "update", "penalty_type", entry.id, title=title, points=value)
    return get_penalty_type(db, entry.id)


def penalty_type_users(db: Database, type_id: int) -> tuple[int, ...]:
    """The recorded penalties that came from this catalogue entry."""
    rows = db.conn.execute("SELECT id FROM penalties WHERE type_id = :t ORDER BY id",
                           {"t": type_id})
    return tuple(int(r["id"]) for r in rows)


def delete_penalty_type(db: Database, type_id: int) -> None:
    """Remove a catalogue entry; penalties recorded from it stay, without the link."""
    entry = get_penalty_type(db, type_id)
    with transaction(db):
        db.conn.execute("DELETE FROM penalty_types WHERE id = :id", {"id": type_id})
        audit.record(db, "delete", "penalty_type", type_id, title=entry.title)


def restore_penalty_type(db: Database, taken: Snapshot, users: Iterable[int]) -> None:
    """Undo a delete: the entry back with its id, and its recorded penalties linked again."""
    with transaction(db):
        for _table, rows in taken.tables:
            for row in rows:
                db.conn.execute(
                    "INSERT INTO penalty_types (id, year, code, title, points, source, position)"
                    " VALUES (:id, :year, :code, :title, :points, :source, :position)", row)
                db.conn.executemany("UPDATE penalties SET type_id = :t WHERE id = :id",
                                    [{"t": row["id"], "id": u} for u in users])

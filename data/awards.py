"""The award-form catalogue (bloc-wide, editable) and each year's quota per award form."""

from __future__ import annotations

import sqlite3

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import AwardForm, Quota
from data.vntext import clean, identity_key
from data.years import require_year

DEFAULT_AWARD_FORMS: tuple[tuple[str, str, str, bool], ...] = (
    ("CO_CP", "Cờ thi đua của Chính phủ", "Chính phủ", True),
    ("CO_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Tỉnh", True),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "Chính phủ", False),
    ("BK_TINH", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Tỉnh", False),
    ("BK_BTV", "Bằng khen của Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", False),
)
DEFAULT_QUOTAS = {"CO_TINH": 2, "BK_TINH": 1}
QUOTA_SOURCE = "Dự thảo quy định Khối thi đua tỉnh Hưng Yên (2021)"


def _form(row: sqlite3.Row) -> AwardForm:
    return AwardForm(
        id=row["id"], code=row["code"], name=row["name"], level=row["level"],
        leader_only=bool(row["leader_only"]), position=row["position"], active=bool(row["active"]),
    )


def award_forms(db: Database, *, active_only: bool = False) -> list[AwardForm]:
    """The catalogue in its display order."""
    sql = "SELECT * FROM award_forms" + (" WHERE active = 1" if active_only else "")
    return [_form(r) for r in db.conn.execute(sql + " ORDER BY position, id")]


def get_award_form(db: Database, form_id: int) -> AwardForm:
    """One award form by id."""
    row = db.conn.execute("SELECT * FROM award_forms WHERE id = :id", {"id": form_id}).fetchone()
    if row is None:
        raise InputError(f"Không có hình thức khen thưởng mã số {form_id}.")
    return _form(row)


def form_by_code(db: Database, code: str) -> AwardForm:
    """One award form by its short code (e.g. CO_TINH)."""
    row = db.conn.execute("SELECT * FROM award_forms WHERE code = :c", {"c": code}).fetchone()
    if row is None:
        raise InputError(f"Không có hình thức khen thưởng “{code}”.")
    return _form(row)


def add_award_form(db: Database, code: str, name: str, level: str = "",
                   leader_only: bool = False) -> AwardForm:
    """Add a form to the catalogue (codes and names are unique)."""
    code, name = clean(code).upper(), clean(name)
    if not code or not name:
        raise InputError("Hình thức khen thưởng cần có mã và tên.")
    with transaction(db):
        for (existing,) in db.conn.execute("SELECT name FROM award_forms"):
            if identity_key(existing) == identity_key(name):  # Ủy/Uỷ, case: the same form
                raise InputError(f"Hình thức khen thưởng “{existing}” đã có.")
        position = db.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM award_forms"
                                   ).fetchone()[0]
        try:
            cur = db.conn.execute(
                "INSERT INTO award_forms (code, name, level, leader_only, position)"
                " VALUES (:c, :n, :l, :o, :p)",
                {"c": code, "n": name, "l": clean(level), "o": int(leader_only), "p": position},
            )
        except sqlite3.IntegrityError:
            raise InputError(f"Mã hình thức khen thưởng “{code}” đã có.") from None
        audit.record(db, "add", "award_form", cur.lastrowid, code=code, name=name)
    return get_award_form(db, int(cur.lastrowid or 0))


def seed_award_forms(db: Database) -> None:
    """Fill an empty catalogue with the usual forms (Luật Thi đua, khen thưởng 2022)."""
    if db.conn.execute("SELECT count(*) FROM award_forms").fetchone()[0]:
        return
    for code, name, level, leader_only in DEFAULT_AWARD_FORMS:
        add_award_form(db, code, name, level, leader_only)


def quotas(db: Database, year: int) -> list[Quota]:
    """The year's quota per award form (forms without one are not limited)."""
    rows = db.conn.execute(
        "SELECT q.* FROM quotas q JOIN award_forms f ON f.id = q.award_form_id"
        " WHERE q.year = :y ORDER BY f.position", {"y": year},
    ).fetchall()
    return [Quota(r["year"], r["award_form_id"], r["count"], r["source"]) for r in rows]


def set_quota(db: Database, year: int, award_form_id: int, count: int, source: str = ""
              ) -> Quota:
    """Set how many of a form the bloc may propose in `year`."""
    if not isinstance(count, int) or count < 0:
        raise InputError("Chỉ tiêu phải là số nguyên không âm.")
    require_year(db, year)
    form = get_award_form(db, award_form_id)
    with transaction(db):
        db.conn.execute(
            "INSERT INTO quotas (year, award_form_id, count, source) VALUES (:y, :f, :c, :s)"
            " ON CONFLICT (year, award_form_id) DO UPDATE SET count = :c, source = :s",
            {"y": year, "f": award_form_id, "c": count, "s": clean(source)},
        )
        audit.record(db, "set", "quota", f"{year}/{form.code}", count=count)
    return Quota(year, award_form_id, count, clean(source))


def seed_quotas(db: Database, year: int) -> None:
    """The default quotas for a new year."""
    for code, count in DEFAULT_QUOTAS.items():
        set_quota(db, year, form_by_code(db, code).id, count, QUOTA_SOURCE)

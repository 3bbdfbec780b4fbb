"""Scores in three layers and penalties: validated, stored, and loaded into a ScoreBoard."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from data import audit
from data.criteria import criteria, get_criterion
from data.criteria_table import CriteriaTable
from data.db import Database, transaction
from data.errors import InputError
from data.model import Layer, Penalty, Score
from data.numbers import as_number, as_optional_number
from data.penalty_catalogue import penalty_types
from data.rules import load_rules
from data.scoreboard import ScoreBoard
from data.scoring import score_points, validate_score
from data.units import get_unit, members
from data.vntext import clean, clean_multiline
from data.years import require_year

_UPSERT = (
    "INSERT INTO scores (year, unit_id, criterion_id, layer, points, grade, plan, actual, note,"
    " entered_by, entered_at) VALUES (:year, :unit_id, :criterion_id, :layer, :points, :grade,"
    " :plan, :actual, :note, :entered_by, :entered_at) ON CONFLICT (unit_id, criterion_id, layer)"
    " DO UPDATE SET points = :points, grade = :grade, plan = :plan, actual = :actual,"
    " note = :note, entered_by = :entered_by, entered_at = :entered_at"
)


def _score(row: sqlite3.Row) -> Score:
    return Score(
        unit_id=row["unit_id"], criterion_id=row["criterion_id"], layer=Layer(row["layer"]),
        points=row["points"], grade=row["grade"], plan=row["plan"], actual=row["actual"],
        note=row["note"], entered_by=row["entered_by"], entered_at=row["entered_at"],
    )


def scores(db: Database, year: int, unit_id: int | None = None) -> list[Score]:
    """The year's scores, all layers (optionally of one unit)."""
    sql = "SELECT * FROM scores WHERE year = :y" + (" AND unit_id = :u" if unit_id else "")
    return [_score(r) for r in db.conn.execute(sql, {"y": year, "u": unit_id})]


def get_score(db: Database, unit_id: int, criterion_id: int, layer: Layer) -> Score | None:
    """One cell: a unit's score on an item in a layer, or None."""
    row = db.conn.execute(
        "SELECT * FROM scores WHERE unit_id = :u AND criterion_id = :c AND layer = :l",
        {"u": unit_id, "c": criterion_id, "l": Layer(layer).value},
    ).fetchone()
    return None if row is None else _score(row)


def prepare_score(db: Database, year: int, unit_id: int, criterion_id: int, layer: Layer, *,
                  points: object = None, grade: str | None = None, plan: object = None,
                  actual: object = None, note: str = "") -> Score:
    """Parse and check a typed score without saving it; its points are computed."""
    criterion = get_criterion(db, criterion_id)
    if criterion.year != year:
        raise InputError(f"Tiêu chí “{criterion.code}” không thuộc bảng chấm điểm năm {year}.")
    if grade:  # "a" means "A"; a bloc's own grade names ("Tốt", "Khá") keep their spelling
        typed = clean(grade)
        grade = next((g for g, _ in criterion.grades if g.casefold() == typed.casefold()),
                     typed.upper())
    score = Score(
        unit_id=unit_id, criterion_id=criterion_id, layer=Layer(layer),
        points=as_optional_number(points, "Điểm"), grade=grade or None,
        plan=as_optional_number(plan, "Kế hoạch"), actual=as_optional_number(actual, "Thực hiện"),
        note=clean_multiline(note), entered_by=audit.actor(), entered_at=audit.now_iso(),
    )
    if score.points is None and score.grade is None and (score.plan is None or
                                                         score.actual is None):
        raise InputError("Chưa nhập điểm, mức đánh giá hoặc số kế hoạch/thực hiện.")
    validate_score(criterion, score)
    return replace(score, points=score_points(criterion, score))


def _params(year: int, score: Score) -> dict[str, Any]:
    return {
        "year": year, "unit_id": score.unit_id, "criterion_id": score.criterion_id,
        "layer": score.layer.value, "points": score.points, "grade": score.grade,
        "plan": score.plan, "actual": score.actual, "note": score.note,
        "entered_by": score.entered_by, "entered_at": score.entered_at,
    }


def set_score(db: Database, year: int, unit_id: int, criterion_id: int, layer: Layer,
              **typed: Any) -> Score:
    """Validate and save one cell (points, grade, or plan and actual, with a note)."""
    score = prepare_score(db, year, unit_id, criterion_id, layer, **typed)
    save_scores(db, year, [score])
    return score


def save_scores(db: Database, year: int, batch: Iterable[Score]) -> int:
    """Save prepared scores in one transaction (all or nothing); returns how many."""
    rows = [_params(year, s) for s in batch]
    with transaction(db):
        try:
            db.conn.executemany(_UPSERT, rows)
        except sqlite3.IntegrityError:
            raise InputError(f"Có đơn vị không là thành viên khối năm {year}.") from None
        if len(rows) == 1:
            r = rows[0]
            audit.record(db, "set", "score", f"{r['unit_id']}/{r['criterion_id']}/{r['layer']}",
                         points=r["points"], grade=r["grade"])
        elif rows:
            audit.record(db, "set_many", "score", year, count=len(rows))
    return len(rows)


def clear_score(db: Database, unit_id: int, criterion_id: int, layer: Layer) -> None:
    """Remove one cell."""
    with transaction(db):
        db.conn.execute(
            "DELETE FROM scores WHERE unit_id = :u AND criterion_id = :c AND layer = :l",
            {"u": unit_id, "c": criterion_id, "l": Layer(layer).value},
        )
        audit.record(db, "clear", "score", f"{unit_id}/{criterion_id}/{Layer(layer).value}")


def replace_cells(db: Database, year: int, save: Iterable[Score],
                  clear: Iterable[tuple[int, int, Layer]]) -> None:
    """Save some prepared cells and clear others in one transaction (one step of the grid)."""
    keys = [{"u": u, "c": c, "l": Layer(layer).value} for u, c, layer in clear]
    with transaction(db):
        save_scores(db, year, save)
        if keys:
            db.conn.executemany(
                "DELETE FROM scores WHERE unit_id = :u AND criterion_id = :c AND layer = :l", keys)
            audit.record(db, "clear_many", "score", year, count=len(keys))


def set_note(db: Database, unit_id: int, criterion_id: int, layer: Layer, note: str) -> Score:
    """Change the evidence note of a scored cell (a cell without a score takes no note)."""
    with transaction(db):
        cur = db.conn.execute(
            "UPDATE scores SET note = :n WHERE unit_id = :u AND criterion_id = :c AND layer = :l",
            {"n": clean_multiline(note), "u": unit_id, "c": criterion_id,
             "l": Layer(layer).value},
        )
        if cur.rowcount == 0:
            raise InputError("Ô này chưa có điểm; hãy nhập điểm trước khi ghi minh chứng.")
        audit.record(db, "note", "score", f"{unit_id}/{criterion_id}/{Layer(layer).value}")
    score = get_score(db, unit_id, criterion_id, layer)
    assert score is not None
    return score


def _penalty(row: sqlite3.Row) -> Penalty:
    return Penalty(
        id=row["id"], year=row["year"], unit_id=row["unit_id"], type_id=row["type_id"],
        title=row["title"], points=row["points"], count=row["count"], note=row["note"],
        occurred_on=row["occurred_on"],
    )


def penalties(db: Database, year: int, unit_id: int | None = None) -> list[Penalty]:
    """The year's penalties (optionally of one unit)."""
    sql = "SELECT * FROM penalties WHERE year = :y" + (" AND unit_id = :u" if unit_id else "")
    return [_penalty(r) for r in db.conn.execute(sql + " ORDER BY id", {"y": year, "u": unit_id})]


def add_penalty(db: Database, year: int, unit_id: int, *, type_id: int | None = None,
                title: str = "", points: object = None, count: object = 1, note: str = "",
                occurred_on: str = "") -> Penalty:
    """Record a penalty, from the catalogue (type_id) or written in full."""
    require_year(db, year)
    get_unit(db, unit_id)
    if type_id is not None:
        entry = next((p for p in penalty_types(db, year) if p.id == type_id), None)
        if entry is None:
            raise InputError(f"Không có lỗi mã số {type_id} trong danh mục điểm trừ năm {year}.")
        title = title or entry.title
        points = entry.points if points is None else points
    value = as_number(points if points is not None else "", "Điểm trừ")
    times = as_number(count, "Số lần")
    if value < 0:
        raise InputError("Điểm trừ ghi số dương (ví dụ 5 nghĩa là trừ 5 điểm).")
    if times < 1 or times != int(times):
        raise InputError("Số lần vi phạm phải là số nguyên từ 1 trở lên.")
    if not clean(title):
        raise InputError("Hãy ghi nội dung lỗi bị trừ điểm.")
    with transaction(db):
        try:
            cur = db.conn.execute(
                "INSERT INTO penalties (year, unit_id, type_id, title, points, count, note,"
                " occurred_on, entered_by, entered_at) VALUES (:y, :u, :t, :title, :p, :c, :n,"
                " :o, :by, :at)",
                {"y": year, "u": unit_id, "t": type_id, "title": clean(title), "p": value,
                 "c": int(times), "n": clean_multiline(note), "o": clean(occurred_on),
                 "by": audit.actor(), "at": audit.now_iso()},
            )
        except sqlite3.IntegrityError:
            raise InputError(
                f"Đơn vị mã số {unit_id} không là thành viên khối năm {year}.") from None
        audit.record(db, "add", "penalty", cur.lastrowid, unit=unit_id, points=value)
    return next(p for p in penalties(db, year, unit_id) if p.id == cur.lastrowid)


def delete_penalty(db: Database, penalty_id: int) -> None:
    """Remove a recorded penalty."""
    with transaction(db):
        db.conn.execute("DELETE FROM penalties WHERE id = :id", {"id": penalty_id})
        audit.record(db, "delete", "penalty", penalty_id)


def load_board(db: Database, year: int) -> ScoreBoard:
    """Everything the engine needs for the year, loaded once."""
    require_year(db, year)
    pairs = members(db, year)
    return ScoreBoard(
        CriteriaTable(criteria(db, year)),
        load_rules(db, year),
        [unit.id for unit, _ in pairs],
        scores(db, year),
        penalties(db, year),
        women=[unit.id for unit, member in pairs if member.women_70],
    )

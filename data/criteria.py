"""The year's criteria table: sections, criteria and items, copied, moved and deleted."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import DEFAULT_GRADES, Criterion, Layer, NodeKind
from data.numbers import as_number
from data.penalty_catalogue import add_penalty_type, penalty_types
from data.snapshots import Snapshot
from data.vntext import clean, clean_multiline, format_number
from data.years import require_year


def _criterion(row: sqlite3.Row) -> Criterion:
    return Criterion(
        id=row["id"], year=row["year"], parent_id=row["parent_id"], position=row["position"],
        code=row["code"], title=row["title"], kind=NodeKind(row["kind"]),
        max_points=row["max_points"], layer=Layer(row["layer"]), reduce=bool(row["reduce"]),
        grades=tuple((str(g), float(s)) for g, s in json.loads(row["grades"] or "[]")),
        excess_rate=row["excess_rate"], excess_cap=row["excess_cap"], guidance=row["guidance"],
    )


def criteria(db: Database, year: int) -> list[Criterion]:
    """The year's whole table in display order: each parent before its children."""
    rows = db.conn.execute("SELECT * FROM criteria WHERE year = :y ORDER BY position, id",
                           {"y": year}).fetchall()
    by_parent: dict[int | None, list[Criterion]] = {}
    for node in map(_criterion, rows):
        by_parent.setdefault(node.parent_id, []).append(node)
    ordered: list[Criterion] = []
    stack = list(reversed(by_parent.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(by_parent.get(node.id, [])))
    return ordered


def get_criterion(db: Database, criterion_id: int) -> Criterion:
    """One node by id."""
    row = db.conn.execute("SELECT * FROM criteria WHERE id = :id", {"id": criterion_id}
                          ).fetchone()
    if row is None:
        raise InputError(f"Không có tiêu chí mã số {criterion_id}.")
    return _criterion(row)


def _children(db: Database, criterion_id: int) -> list[Criterion]:
    rows = db.conn.execute("SELECT * FROM criteria WHERE parent_id = :p ORDER BY position, id",
                           {"p": criterion_id})
    return [_criterion(r) for r in rows]


def _label(node: Criterion) -> str:
    return node.code or node.title[:40]


def _validated(db: Database, node: Criterion) -> Criterion:
    """Normalise a node and refuse what the table cannot hold."""
    node = replace(node, code=clean(node.code), title=clean(node.title),
                   guidance=clean_multiline(node.guidance), kind=NodeKind(node.kind),
                   layer=Layer(node.layer),
                   max_points=as_number(node.max_points, "Điểm tối đa"),
                   excess_rate=as_number(node.excess_rate, "Tỷ lệ thưởng vượt kế hoạch"),
                   excess_cap=as_number(node.excess_cap, "Mức thưởng vượt tối đa"))
    if not node.title:
        raise InputError("Tên tiêu chí không được để trống.")
    if node.max_points < 0:
        raise InputError(f"Điểm tối đa của “{_label(node)}” không được âm.")
    if node.kind is NodeKind.QUALITATIVE and not node.grades:
        node = replace(node, grades=DEFAULT_GRADES)
    for grade, share in node.grades:
        if not clean(grade) or not 0 <= share <= 1:
            raise InputError(f"Mức “{grade}” của “{_label(node)}” phải có tỷ lệ từ 0 đến 100 %.")
    if node.excess_rate < 0 or not 0 <= node.excess_cap <= 1:
        raise InputError(f"Mức thưởng vượt kế hoạch của “{_label(node)}” không hợp lệ.")
    if node.parent_id is not None:
        parent = get_criterion(db, node.parent_id)
        if parent.year != node.year:
            raise InputError("Tiêu chí cha thuộc một năm khác.")
        if parent.kind is not NodeKind.GROUP:
            raise InputError(
                f"“{_label(parent)}” là nội dung chấm điểm, không chứa được mục con; "
                "hãy đổi nó thành nhóm trước."
            )
        if node.max_points > parent.max_points + 1e-9:
            raise InputError(
                f"Điểm tối đa của “{_label(node)}” ({format_number(node.max_points)}) vượt điểm "
                f"tối đa của “{_label(parent)}” ({format_number(parent.max_points)})."
            )
    return node


def _params(node: Criterion) -> dict[str, Any]:
    return {
        "year": node.year, "parent_id": node.parent_id, "position": node.position,
        "code": node.code, "title": node.title, "kind": node.kind.value,
        "max_points": node.max_points, "layer": node.layer.value, "reduce": int(node.reduce),
        "grades": json.dumps([[g, s] for g, s in node.grades], ensure_ascii=False),
        "excess_rate": node.excess_rate, "excess_cap": node.excess_cap,
        "guidance": node.guidance,
    }


def add_criterion(db: Database, year: int, parent_id: int | None, title: str, *,
                  kind: NodeKind = NodeKind.GROUP, max_points: float | str = 0,
                  code: str = "", position: int | None = None, **extra: Any) -> Criterion:
    """Add a node at the end of its parent (or at `position`)."""
    require_year(db, year)
    node = _validated(db, Criterion(
        id=0, year=year, parent_id=parent_id, position=position or 0, code=code, title=title,
        kind=kind, max_points=max_points, **extra))  # type: ignore[arg-type]
    with transaction(db):
        if position is None:
            node = replace(node, position=int(db.conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM criteria WHERE year = :y"
                " AND parent_id IS :p", {"y": year, "p": parent_id}).fetchone()[0]))
        else:
            db.conn.execute(
                "UPDATE criteria SET position = position + 1 WHERE year = :y AND parent_id IS :p"
                " AND position >= :pos", {"y": year, "p": parent_id, "pos": position})
        cur = db.conn.execute(
            "INSERT INTO criteria (year, parent_id, position, code, title, kind, max_points,"
            " layer, reduce, grades, excess_rate, excess_cap, guidance) VALUES (:year,"
            " :parent_id, :position, :code, :title, :kind, :max_points, :layer, :reduce,"
            " :grades, :excess_rate, :excess_cap, :guidance)", _params(node))
        audit.record(db, "add", "criterion", cur.lastrowid, code=node.code, title=node.title)
    return get_criterion(db, int(cur.lastrowid or 0))


def update_criterion(db: Database, node: Criterion) -> Criterion:
    """Save an edited node; a group keeps room for its children's maxima."""
    old = get_criterion(db, node.id)
    node = _validated(db, replace(node, year=old.year, parent_id=old.parent_id))
    children = _children(db, node.id)
    if children and node.kind is not NodeKind.GROUP:
        raise InputError(f"“{_label(node)}” có mục con nên phải là nhóm.")
    too_big = [c for c in children if c.max_points > node.max_points + 1e-9]
    if too_big:
        raise InputError(
            f"Điểm tối đa của “{_label(too_big[0])}” ({format_number(too_big[0].max_points)}) "
            f"sẽ vượt điểm tối đa mới của “{_label(node)}” ({format_number(node.max_points)})."
        )
    if node.kind is NodeKind.GROUP and old.kind is not NodeKind.GROUP:
        scored = db.conn.execute("SELECT count(*) FROM scores WHERE criterion_id = :id",
                                 {"id": node.id}).fetchone()[0]
        if scored:
            raise InputError(
                f"“{_label(node)}” đã có {scored} điểm chấm; không đổi thành nhóm được.")
    with transaction(db):
        db.conn.execute(
            "UPDATE criteria SET position = :position, code = :code, title = :title,"
            " kind = :kind, max_points = :max_points, layer = :layer, reduce = :reduce,"
            " grades = :grades, excess_rate = :excess_rate, excess_cap = :excess_cap,"
            " guidance = :guidance WHERE id = :id", {**_params(node), "id": node.id})
        audit.record(db, "update", "criterion", node.id, code=node.code, title=node.title)
    return get_criterion(db, node.id)


def move_criterion(db: Database, criterion_id: int, delta: int) -> Criterion:
    """Move a node up (delta -1) or down (+1) among its siblings."""
    node = get_criterion(db, criterion_id)
    siblings = [r["id"] for r in db.conn.execute(
        "SELECT id FROM criteria WHERE year = :y AND parent_id IS :p ORDER BY position, id",
        {"y": node.year, "p": node.parent_id})]
    index = siblings.index(criterion_id)
    target = max(0, min(len(siblings) - 1, index + delta))
    siblings.insert(target, siblings.pop(index))
    with transaction(db):
        for position, sibling in enumerate(siblings, start=1):
            db.conn.execute("UPDATE criteria SET position = :p WHERE id = :id",
                            {"p": position, "id": sibling})
        audit.record(db, "move", "criterion", criterion_id, delta=delta)
    return get_criterion(db, criterion_id)


def delete_criterion(db: Database, criterion_id: int) -> None:
    """Remove a node with its children and their scores."""
    node = get_criterion(db, criterion_id)
    with transaction(db):
        db.conn.execute("DELETE FROM criteria WHERE id = :id", {"id": criterion_id})
        audit.record(db, "delete", "criterion", criterion_id, code=node.code, title=node.title)


def copy_table(db: Database, from_year: int, to_year: int) -> list[Criterion]:
    """Copy a year's criteria table and penalty catalogue into a year that has none."""
    require_year(db, from_year)
    require_year(db, to_year)
    if criteria(db, to_year):
        raise InputError(f"Năm {to_year} đã có bảng tiêu chí; hãy xóa bảng đó trước khi sao chép.")
    new_ids: dict[int, int] = {}
    with transaction(db):
        for node in criteria(db, from_year):  # parents come before their children
            parent = None if node.parent_id is None else new_ids[node.parent_id]
            params = _params(replace(node, year=to_year, parent_id=parent))
            cur = db.conn.execute(
                "INSERT INTO criteria (year, parent_id, position, code, title, kind, max_points,"
                " layer, reduce, grades, excess_rate, excess_cap, guidance) VALUES (:year,"
                " :parent_id, :position, :code, :title, :kind, :max_points, :layer, :reduce,"
                " :grades, :excess_rate, :excess_cap, :guidance)", params)
            new_ids[node.id] = int(cur.lastrowid or 0)
        for penalty in penalty_types(db, from_year):
            add_penalty_type(db, to_year, penalty.title, penalty.points, code=penalty.code,
                             source=penalty.source)
        audit.record(db, "copy", "criteria", to_year, from_year=from_year)
    return criteria(db, to_year)


_SUBTREE = ("WITH RECURSIVE sub (id, depth) AS (SELECT id, 0 FROM criteria WHERE {root} UNION"
            " ALL SELECT c.id, sub.depth + 1 FROM criteria c JOIN sub ON c.parent_id = sub.id)")


def _taken(db: Database, root: str, params: dict[str, Any]) -> Snapshot:
    with_sub = _SUBTREE.format(root=root)
    nodes = db.conn.execute(f"{with_sub} SELECT criteria.* FROM criteria JOIN sub USING (id)"
                            " ORDER BY sub.depth, criteria.id", params).fetchall()
    marks = db.conn.execute(f"{with_sub} SELECT * FROM scores WHERE criterion_id IN"
                            " (SELECT id FROM sub) ORDER BY rowid", params).fetchall()
    return Snapshot((("criteria", tuple(dict(r) for r in nodes)),
                     ("scores", tuple(dict(r) for r in marks))))


def take_subtree(db: Database, criterion_id: int) -> Snapshot:
    """A node, its descendants (parents first) and their scores: what a delete removes."""
    get_criterion(db, criterion_id)
    return _taken(db, "id = :id", {"id": criterion_id})


def take_table(db: Database, year: int, penalty_type_ids: Collection[int] | None = None
               ) -> Snapshot:
    """The year's whole table with its scores, and its penalty catalogue (or the given entries)."""
    marks = ",".join(str(int(i)) for i in penalty_type_ids or ())
    where = "year = :y" if penalty_type_ids is None else f"year = :y AND id IN ({marks})"
    entries = db.conn.execute(f"SELECT * FROM penalty_types WHERE {where} ORDER BY id",
                              {"y": year}).fetchall()
    return _taken(db, "year = :y AND parent_id IS NULL", {"y": year}) + Snapshot(
        (("penalty_types", tuple(dict(r) for r in entries)),))


def delete_table(db: Database, year: int, penalty_type_ids: Collection[int] | None = None
                 ) -> None:
    """Remove the year's whole table with its scores, and its catalogue (or the given entries)."""
    require_year(db, year)
    marks = ",".join(str(int(i)) for i in penalty_type_ids or ())
    where = "year = :y" if penalty_type_ids is None else f"year = :y AND id IN ({marks})"
    with transaction(db):
        db.conn.execute("DELETE FROM criteria WHERE year = :y", {"y": year})
        db.conn.execute(f"DELETE FROM penalty_types WHERE {where}", {"y": year})
        audit.record(db, "delete", "criteria", year)


def sibling_positions(db: Database, criterion_id: int) -> dict[int, int]:
    """The positions of a node and its siblings (to put an order back on undo)."""
    node = get_criterion(db, criterion_id)
    rows = db.conn.execute("SELECT id, position FROM criteria WHERE year = :y AND parent_id IS :p",
                           {"y": node.year, "p": node.parent_id})
    return {int(r["id"]): int(r["position"]) for r in rows}


def set_positions(db: Database, positions: Mapping[int, int]) -> None:
    """Give nodes back the positions `sibling_positions` took."""
    with transaction(db):
        db.conn.executemany("UPDATE criteria SET position = :p WHERE id = :id",
                            [{"id": i, "p": p} for i, p in positions.items()])
        audit.record(db, "move", "criterion", ",".join(map(str, positions)))

"""Importing the member units from a list in the app's template: a unit not in the bloc is added
and made a member of the year; a unit already in it (same name, case and tone placement aside)
joins the year or has its facts updated; an empty cell never erases; nothing is removed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.imports import Problem
from data.imports.list_sheet import Column, ListSheet, Record, flag, read_list
from data.imports.plan import Change, FilePlan, ImportPlan
from data.membership_moves import rejoin, remove_unit, undo_rejoin
from data.model import Membership, Unit
from data.units import (
    add_unit,
    find_unit,
    get_membership,
    get_unit,
    latest_membership,
    save_membership,
    update_unit,
)
from data.vntext import identity_key
from data.years import require_year

TOUCHES = ("units", "members")
COLUMNS = (
    Column("index", "STT", ("so tt", "tt", "so thu tu"), content=False),
    Column("name", "Tên đơn vị", ("don vi", "ten tap the", "ten co quan", "ten don vi thanh vien",
                                  "don vi thanh vien", "ten"), required=True),
    Column("short_name", "Tên viết tắt", ("viet tat", "ten goi tat", "ten ngan")),
    Column("code", "Mã", ("ma don vi", "ky hieu")),
    Column("head_name", "Họ tên thủ trưởng", ("ho va ten thu truong", "thu truong", "ho ten",
                                              "ho va ten", "ho ten nguoi dung dau")),
    Column("head_title", "Chức vụ thủ trưởng", ("chuc vu", "chuc danh", "chuc vu nguoi dung dau")),
    Column("women_70", "Tập thể ≥ 70 % nữ", ("70 nu", "nu 70", "tap the tu 70 nu tro len",
                                            "tu 70 nu tro len", "tap the nu", "nu")),
)
LABELS = {c.field: c.header for c in COLUMNS}
UNIT_FIELDS = ("short_name", "code")
TEXT_FIELDS = ("head_name", "head_title")
MAX_NAME = 300


@dataclass(frozen=True)
class UnitRow:
    """What applying writes for one row: a new unit (no id), or an existing unit's changes."""

    row: int
    name: str
    unit_id: int | None
    joins: bool  # an existing unit becomes a member of the year
    unit_values: dict[str, str] = field(default_factory=dict)
    member_values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class UnitsUndo:
    """What `revert` needs: the units created, the units that joined the year (with their
    earlier left year), and the rows as they were before they were changed."""

    year: int
    created: tuple[int, ...] = ()
    joined: tuple[tuple[int, int | None], ...] = ()
    units_before: tuple[dict[str, Any], ...] = ()
    members_before: tuple[dict[str, Any], ...] = ()

    def __add__(self, other: UnitsUndo) -> UnitsUndo:
        return UnitsUndo(self.year, self.created + other.created, self.joined + other.joined,
                         self.units_before + other.units_before,
                         self.members_before + other.members_before)


def _shown(name: str, value: Any) -> str:
    if name == "women_70":
        return "Có" if value else "Không"
    return str(value)


def _values(sheet: ListSheet, record: Record, problems: list[Problem]) -> dict[str, Any]:
    """The row's non-empty facts (text fields, and the flag when given)."""
    values: dict[str, Any] = {f: record.text(f) for f in UNIT_FIELDS + TEXT_FIELDS
                              if record.text(f)}
    if "women_70" not in record.refused:
        try:
            women = flag(record.value("women_70"), LABELS["women_70"])
        except InputError as exc:
            problems.append(sheet.problem(exc.message, record.row))
        else:
            if women is not None:
                values["women_70"] = women
    return values


def _new_unit(name: str, year: int, record: Record, values: dict[str, Any]
              ) -> tuple[UnitRow, list[Change]]:
    unit_values = {f: values.get(f, "") for f in UNIT_FIELDS}
    member = {f: values.get(f, "") for f in TEXT_FIELDS} | {
        "women_70": values.get("women_70", False)}
    changes = [Change(name, "Đơn vị", "", f"Thêm mới, thành viên năm {year}")]
    changes += [Change(name, LABELS[f], "", _shown(f, v)) for f, v in values.items()]
    return UnitRow(record.row, name, None, False, unit_values, member), changes


def _known_unit(db: Database, year: int, unit: Unit, record: Record, values: dict[str, Any]
                ) -> tuple[UnitRow, list[Change]]:
    unit_values = {f: values[f] for f in UNIT_FIELDS if f in values
                   and values[f] != getattr(unit, f)}
    changes = [Change(unit.name, LABELS[f], getattr(unit, f), v) for f, v in unit_values.items()]
    member = db.conn.execute("SELECT 1 FROM memberships WHERE year = :y AND unit_id = :u",
                             {"y": year, "u": unit.id}).fetchone()
    if member is None:
        base = latest_membership(db, unit.id) or Membership(year, unit.id)
        member_values = {f: values.get(f, getattr(base, f)) for f in (*TEXT_FIELDS, "women_70")}
        left = (f" (đã rời khối từ năm {unit.left_year})"
                if unit.left_year is not None and year >= unit.left_year else "")
        changes.append(Change(unit.name, f"Thành viên năm {year}", "",
                              ("Trở lại khối" if left else "Thêm vào năm") + left))
        changes += [Change(unit.name, LABELS[f], "", _shown(f, v))
                    for f, v in member_values.items() if v]
        return UnitRow(record.row, unit.name, unit.id, True, unit_values, member_values), changes
    old = get_membership(db, year, unit.id)
    member_values = {f: values[f] for f in (*TEXT_FIELDS, "women_70") if f in values
                     and values[f] != getattr(old, f)}
    changes += [Change(unit.name, LABELS[f], _shown(f, getattr(old, f)), _shown(f, v))
                for f, v in member_values.items()]
    return UnitRow(record.row, unit.name, unit.id, False, unit_values, member_values), changes


def _plan_file(db: Database, year: int, path: Path, earlier: dict[str, str]) -> FilePlan:
    subject = f"Danh sách đơn vị năm {year}"
    sheet, problems = read_list(path, COLUMNS, "name", "đơn vị")
    if sheet is None:
        return FilePlan(path.name, subject, tuple(problems))
    rows: list[UnitRow] = []
    changes: list[Change] = []
    seen: dict[str, int] = {}
    for record in sheet.records:
        values = _values(sheet, record, problems)
        name = record.text("name")
        if "name" in record.refused:
            continue
        if not name:
            problems.append(sheet.problem("Dòng có dữ liệu nhưng thiếu tên đơn vị (cột “Tên đơn "
                                          "vị”).", record.row))
            continue
        key = identity_key(name)
        if len(name) > MAX_NAME:
            problems.append(sheet.problem(f"Tên đơn vị dài quá {MAX_NAME} ký tự.", record.row))
        elif key in seen:
            problems.append(sheet.problem(f"“{name}” trùng với dòng {seen[key]}: mỗi đơn vị chỉ "
                                          "ghi một dòng.", record.row))
        elif key in earlier:
            problems.append(sheet.problem(f"“{name}” đã có trong tệp “{earlier[key]}” của cùng "
                                          "lần nhập.", record.row))
        seen.setdefault(key, record.row)
        unit = find_unit(db, name)
        row, found = (_new_unit(name, year, record, values) if unit is None
                      else _known_unit(db, year, unit, record, values))
        rows.append(row)
        changes += found
    for key in seen:
        earlier.setdefault(key, path.name)
    subject += f" ({len(rows)} đơn vị)"
    if problems:
        return FilePlan(path.name, subject, tuple(problems))
    return FilePlan(path.name, subject, (), tuple(changes), tuple(rows))


def plan(db: Database, year: int, paths: Sequence[Path]) -> ImportPlan:
    """What importing the lists would do, file by file; writes nothing."""
    require_year(db, year)
    earlier: dict[str, str] = {}
    return ImportPlan("units", year, tuple(_plan_file(db, year, Path(p), earlier)
                                           for p in paths))


def _row(db: Database, table: str, where: str, params: dict[str, Any]) -> dict[str, Any]:
    return dict(db.conn.execute(f"SELECT * FROM {table} WHERE {where}", params).fetchone())


def _apply_file(db: Database, year: int, rows: Sequence[UnitRow]) -> UnitsUndo:
    undo = UnitsUndo(year)
    for row in rows:
        if row.unit_id is None:
            unit = add_unit(db, row.name, year=year, **row.unit_values, **row.member_values)
            undo += UnitsUndo(year, created=(unit.id,))
            continue
        if row.unit_values:
            before = _row(db, "units", "id = :u", {"u": row.unit_id})
            update_unit(db, row.unit_id, **row.unit_values)
            undo += UnitsUndo(year, units_before=(before,))
        if row.joins:
            left = get_unit(db, row.unit_id).left_year
            rejoin(db, year, row.unit_id, **row.member_values)
            undo += UnitsUndo(year, joined=((row.unit_id, left),))
        elif row.member_values:
            before = _row(db, "memberships", "year = :y AND unit_id = :u",
                          {"y": year, "u": row.unit_id})
            save_membership(db, replace(get_membership(db, year, row.unit_id),
                                        **row.member_values))
            undo += UnitsUndo(year, members_before=(before,))
    return undo


def apply(db: Database, year: int, plan: ImportPlan) -> UnitsUndo:
    """Apply the files without problems, one transaction each; returns what `revert` needs.
    A file that fails (the bloc changed since the plan) undoes the files applied before it."""
    undo = UnitsUndo(year)
    try:
        for file in plan.applicable:
            with transaction(db):
                done = _apply_file(db, year, file.payload)
                audit.record(db, "import", "units", year, file=file.file,
                             rows=len(file.payload))
            undo += done
    except BaseException:
        revert(db, year, undo)
        raise
    return undo


def _put_back(db: Database, table: str, keys: tuple[str, ...], row: dict[str, Any]) -> None:
    sets = ", ".join(f"{c} = :{c}" for c in row if c not in keys)
    where = " AND ".join(f"{k} = :{k}" for k in keys)
    db.conn.execute(f"UPDATE {table} SET {sets} WHERE {where}", row)


def revert(db: Database, year: int, token: UnitsUndo) -> None:
    """Put the bloc back as it was before `apply` (refused if a new member has data since)."""
    with transaction(db):
        for unit_id in reversed(token.created):
            remove_unit(db, unit_id)
        for unit_id, left_year in reversed(token.joined):
            undo_rejoin(db, token.year, unit_id, left_year)
        for row in reversed(token.members_before):
            _put_back(db, "memberships", ("year", "unit_id"), row)
        for row in reversed(token.units_before):
            _put_back(db, "units", ("id",), row)
        audit.record(db, "revert_import", "units", year)

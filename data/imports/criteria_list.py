"""Importing a year's criteria table from the app's template: into a year with no table, or in
place of a table nobody has scored yet; refused when the year's table already has scores. The
table is checked as the Tiêu chí page checks it: errors refuse the file, warnings are shown
among the changes and do not block."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from data import audit
from data.criteria import add_criterion, criteria, delete_table, take_table
from data.criteria_table import CriteriaTable, check_table
from data.db import Database, transaction
from data.errors import InputError
from data.imports import Problem
from data.imports.criteria_rows import COLUMNS, grades_text, read_nodes
from data.imports.list_sheet import read_list
from data.imports.plan import Change, FilePlan, ImportPlan
from data.model import Criterion
from data.rules import load_rules
from data.snapshots import Snapshot, restore
from data.vntext import format_number, format_percent
from data.years import require_year

TOUCHES = ("criteria",)
WARNING = "Cảnh báo"
_FIELDS: tuple[tuple[str, Callable[[Criterion, dict[int, str]], str]], ...] = (
    ("Thuộc mã", lambda n, codes: codes.get(n.parent_id or 0, "")),
    ("Nội dung", lambda n, _: n.title),
    ("Loại", lambda n, _: n.kind.label),
    ("Điểm tối đa", lambda n, _: format_number(n.max_points)),
    ("Lớp điểm có thẩm quyền", lambda n, _: n.layer.label),
    ("Các mức", lambda n, _: grades_text(n.grades)),
    ("Giảm là tốt", lambda n, _: "Có" if n.reduce else "Không"),
    ("Hướng dẫn chấm", lambda n, _: n.guidance),
    ("Thưởng vượt kế hoạch", lambda n, _: "" if not n.excess_rate else
     f"{format_percent(n.excess_rate)} điểm tối đa cho mỗi 1 % vượt, tối đa "
     f"{format_percent(n.excess_cap)}"),
)


@dataclass(frozen=True)
class CriteriaUndo:
    """What `revert` needs: the year's table before the import, and the nodes it created."""

    year: int
    before: Snapshot
    created: tuple[int, ...]


def _label(node: Criterion) -> str:
    title = node.title if len(node.title) <= 60 else node.title[:59] + "…"
    return f"{node.code}. {title}" if node.code else title


def _codes(nodes: Sequence[Criterion]) -> dict[int, str]:
    return {n.id: n.code for n in nodes}


def _shape(nodes: Sequence[Criterion]) -> list[tuple[str, ...]]:
    codes = _codes(nodes)
    return [(n.code, *(get(n, codes) for _, get in _FIELDS)) for n in nodes]


def _summary(node: Criterion) -> str:
    parts = [node.kind.label, f"{format_number(node.max_points)} điểm"]
    if node.is_leaf:
        parts.append(node.layer.label)
    if node.grades:
        parts.append(grades_text(node.grades))
    if node.reduce:
        parts.append("giảm là tốt")
    return ", ".join(parts)


def _changes(old: Sequence[Criterion], new: Sequence[Criterion]) -> list[Change]:
    """Node by node (matched by code): added, changed field by field, removed."""
    old_codes, new_codes = _codes(old), _codes(new)
    keys = [n.code.casefold() for n in old]
    by_code = {n.code.casefold(): n for n in old if keys.count(n.code.casefold()) == 1}
    found: list[Change] = []
    matched: set[int] = set()
    for node in new:
        was = by_code.get(node.code.casefold())
        if was is None:
            found.append(Change(_label(node), "Thêm", "", _summary(node)))
            continue
        matched.add(was.id)
        found += [Change(_label(node), name, get(was, old_codes), get(node, new_codes))
                  for name, get in _FIELDS if get(was, old_codes) != get(node, new_codes)]
    found += [Change(_label(n), "Xóa", _summary(n), "") for n in old if n.id not in matched]
    if not found:
        found.append(Change("Bảng tiêu chí", "Thứ tự", ", ".join(n.code for n in old),
                            ", ".join(n.code for n in new)))
    return found


def _scored(db: Database, year: int) -> int:
    return int(db.conn.execute("SELECT count(*) FROM scores s JOIN criteria c ON c.id ="
                               " s.criterion_id WHERE c.year = :y", {"y": year}).fetchone()[0])


def _plan_file(db: Database, year: int, path: Path, first: str) -> FilePlan:
    subject = f"Bảng tiêu chí năm {year}"
    if first:
        return FilePlan(path.name, subject, (Problem(path.name, "Mỗi năm chỉ có một bảng tiêu "
                                                     f"chí: đã chọn tệp “{first}”; hãy nhập "
                                                     "từng tệp một."),))
    sheet, problems = read_list(path, COLUMNS, "title", "mục")
    if sheet is None:
        return FilePlan(path.name, subject, tuple(problems))
    nodes, rows = read_nodes(sheet, year, problems)
    warnings: list[Change] = []
    if nodes:
        table = CriteriaTable(nodes)
        subject += f" ({len(nodes)} mục, tổng {format_number(table.max_total)} điểm)"
        for found in check_table(table, load_rules(db, year).table_total):
            node = table.nodes.get(found.criterion_id or 0)
            if found.severity == "error":
                problems.append(sheet.problem(found.message, rows.get(found.criterion_id or 0, 0),
                                              node.code if node else ""))
            else:
                warnings.append(Change(_label(node) if node else "Bảng tiêu chí", WARNING, "",
                                       found.message))
    if problems:
        return FilePlan(path.name, subject, tuple(problems))
    old = criteria(db, year)
    if _shape(old) == _shape(nodes):
        return FilePlan(path.name, subject)
    scored = _scored(db, year)
    if scored:
        return FilePlan(path.name, subject, (sheet.problem(
            f"Năm {year} đã có bảng tiêu chí ({len(old)} mục) và đã có {scored} điểm chấm theo "
            "bảng đó: không thay được. Hãy chọn năm khác, hoặc xóa bảng cũ ở trang Tiêu chí "
            "(các điểm đã chấm sẽ mất) rồi nhập lại."),))
    return FilePlan(path.name, subject, (), tuple(warnings + _changes(old, nodes)), tuple(nodes))


def plan(db: Database, year: int, paths: Sequence[Path]) -> ImportPlan:
    """What importing the table would do; writes nothing. Only one file is taken per year."""
    require_year(db, year)
    files: list[FilePlan] = []
    for path in map(Path, paths):
        files.append(_plan_file(db, year, path, files[0].file if files else ""))
    return ImportPlan("criteria", year, tuple(files))


def apply(db: Database, year: int, plan: ImportPlan) -> CriteriaUndo:
    """Replace the year's table by the file's, in one transaction; returns what `revert`
    needs. Refused if the year's table was scored since the plan was made."""
    files = plan.applicable
    before = take_table(db, year, ())
    if not files:
        return CriteriaUndo(year, before, ())
    file = files[0]
    created: dict[int, int] = {}
    with transaction(db):
        if _scored(db, year):
            raise InputError(f"Bảng tiêu chí năm {year} vừa có điểm chấm: không thay được.")
        if before.count("criteria"):
            delete_table(db, year, ())
        for node in file.payload:
            added = add_criterion(
                db, year, created.get(node.parent_id or 0), node.title, kind=node.kind,
                max_points=node.max_points, code=node.code, layer=node.layer,
                reduce=node.reduce, grades=node.grades, guidance=node.guidance)
            created[node.id] = added.id
        audit.record(db, "import", "criteria", year, file=file.file, nodes=len(created))
    return CriteriaUndo(year, before, tuple(created.values()))


def revert(db: Database, year: int, token: CriteriaUndo) -> None:
    """Put the year's table back as it was before `apply` (refused once it has scores)."""
    with transaction(db):
        if token.created:
            marks = ",".join(str(int(i)) for i in token.created)
            scored = db.conn.execute(f"SELECT count(*) FROM scores WHERE criterion_id IN ({marks})"
                                     ).fetchone()[0]
            if scored:
                raise InputError(f"Bảng tiêu chí vừa nhập đã có {scored} điểm chấm: không hoàn "
                                 "tác việc nhập được.")
            db.conn.execute(f"DELETE FROM criteria WHERE id IN ({marks})")
        restore(db, token.before)
        audit.record(db, "revert_import", "criteria", token.year)


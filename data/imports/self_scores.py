"""Importing the self-scoring workbooks the units sent back: each file must be of this bloc, this
year, a member unit and the criteria table as it is now; every value is checked as a typed score
is; a file with any problem changes nothing; the others write the self layer only, one
transaction per file, and can be reverted exactly."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from data import audit
from data.criteria import criteria
from data.criteria_table import CriteriaTable
from data.db import Database, transaction
from data.imports import Problem
from data.imports.plan import Change, FilePlan, ImportPlan
from data.imports.self_score_form import bloc_identity, table_fingerprint
from data.imports.self_score_read import FilledForm, FormError, FormIds, read_self_score
from data.imports.self_score_rows import check_row
from data.imports.workbook import WorkbookError
from data.model import Layer, Score, Unit
from data.scores import replace_cells, scores
from data.units import members
from data.years import require_year

TOUCHES = ("scores",)
KIND = "self-score"
SUBJECT = "Phiếu tự chấm"


@dataclass(frozen=True)
class SelfScoreWrites:
    """What applying one file writes: the unit's self-scores to save, the items to clear."""

    unit_id: int
    save: tuple[Score, ...] = ()
    clear: tuple[int, ...] = ()


@dataclass(frozen=True)
class SelfScoresUndo:
    """What `revert` needs: each self-score row touched, as it was before (None: none)."""

    year: int
    rows: tuple[tuple[int, int, dict[str, Any] | None], ...] = ()

    def __add__(self, other: SelfScoresUndo) -> SelfScoresUndo:
        return SelfScoresUndo(self.year, self.rows + other.rows)


@dataclass(frozen=True)
class _Year:
    """What every file of the import is checked against."""

    year: int
    bloc: str
    created: str
    table: CriteriaTable
    fingerprint: str
    units: dict[int, Unit]


def _when(stamp: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{moment:%H:%M:%S} ngày {moment:%d/%m/%Y}"


def _identity(ctx: _Year, ids: FormIds) -> str | None:
    """Why the workbook is not for this bloc, year, unit and table, or None."""
    again = "hãy nhập vào đúng tệp khối đã xuất phiếu."
    if ids.bloc_created != ctx.created and ids.bloc == ctx.bloc:
        return (f"Phiếu này xuất từ một tệp khối khác cùng tên “{ids.bloc}” (lập lúc "
                f"{_when(ids.bloc_created)}; tệp đang mở lập lúc {_when(ctx.created)}): {again}")
    if ids.bloc_created != ctx.created:
        return (f"Phiếu này của khối “{ids.bloc}”, không phải khối đang mở “{ctx.bloc}”: "
                f"{again}")
    if ids.bloc != ctx.bloc:
        return (f"Phiếu xuất khi khối còn tên “{ids.bloc}”, nay khối là “{ctx.bloc}”: hãy xuất "
                "lại phiếu tự chấm cho đơn vị.")
    if ids.year != ctx.year:
        return f"Đây là phiếu tự chấm năm {ids.year}, không nhập được vào năm {ctx.year}."
    if ids.unit_id not in ctx.units:
        return (f"“{ids.unit_name}” không là thành viên khối năm {ctx.year}: phiếu này không "
                "nhập được.")
    if ids.fingerprint != ctx.fingerprint:
        return (f"Bảng tiêu chí năm {ctx.year} đã thay đổi sau khi xuất phiếu này (nội dung, "
                "điểm tối đa hoặc các mức đã sửa, thêm hay xóa): hãy xuất lại phiếu tự chấm cho "
                "đơn vị và chép các điểm sang phiếu mới.")
    return None


def _judge(db: Database, ctx: _Year, form: FilledForm) -> FilePlan:
    """The problems and changes of a workbook already known to be this unit's, this year's."""
    unit = ctx.units[form.ids.unit_id]
    subject = f"{SUBJECT} của {unit.name}"
    leaves = {n.id for n in ctx.table.leaves}
    if {r.criterion_id for r in form.rows} != leaves or len(form.rows) != len(leaves):
        return FilePlan(form.file, subject, (Problem(
            form.file, "Phần định danh ẩn của phiếu bị sửa (danh sách nội dung không khớp bảng "
            "tiêu chí): hãy điền lại vào phiếu gốc.", form.sheet),))
    old = {s.criterion_id: s for s in scores(db, ctx.year, unit.id) if s.layer is Layer.SELF}
    problems: list[Problem] = []
    changes: list[Change] = []
    save: list[Score] = []
    clear: list[int] = []
    for row in form.rows:
        node = ctx.table.nodes[row.criterion_id]

        def problem(message: str, row_number: int = row.row, code: str = node.code) -> Problem:
            return Problem(form.file, message, form.sheet, row_number, code)

        result, found = check_row(db, ctx.year, unit.id, node, row, old.get(node.id), problem)
        problems += found
        changes += result.changes
        if result.save is not None:
            save.append(result.save)
        if result.clear:
            clear.append(node.id)
    if problems:
        return FilePlan(form.file, subject, tuple(problems))
    return FilePlan(form.file, subject, (), tuple(changes),
                    SelfScoreWrites(unit.id, tuple(save), tuple(clear)))


def _plan_file(db: Database, ctx: _Year, path: Path) -> tuple[int | None, FilePlan]:
    """The unit the file is for (None when unknown) and its plan."""
    try:
        form = read_self_score(path)
    except FormError as exc:
        return None, FilePlan(path.name, SUBJECT, (Problem(path.name, exc.message, exc.sheet,
                                                           exc.row),))
    except WorkbookError as exc:
        return None, FilePlan(path.name, SUBJECT, (Problem(path.name, exc.message),))
    reason = _identity(ctx, form.ids)
    if reason is not None:
        subject = f"{SUBJECT} năm {form.ids.year} của {form.ids.unit_name}"
        return None, FilePlan(path.name, subject, (Problem(path.name, reason),))
    return form.ids.unit_id, _judge(db, ctx, form)


def plan(db: Database, year: int, paths: Sequence[Path]) -> ImportPlan:
    """What importing the workbooks would do, file by file; writes nothing."""
    require_year(db, year)
    name, _council, created = bloc_identity(db)
    nodes = criteria(db, year)
    ctx = _Year(year, name, created, CriteriaTable(nodes), table_fingerprint(nodes),
                {unit.id: unit for unit, _ in members(db, year)})
    found = [_plan_file(db, ctx, Path(p)) for p in paths]
    files = [file for _, file in found]
    for index, (unit_id, file) in enumerate(found):
        twins = [f.file for i, (u, f) in enumerate(found) if u == unit_id and i != index]
        if unit_id is not None and twins:
            others = ", ".join(f"“{t}”" for t in twins)
            twice = Problem(file.file, f"Lần nhập này có hơn một phiếu tự chấm của "
                            f"{ctx.units[unit_id].name} (cả tệp {others}): mỗi đơn vị chỉ nhập "
                            "một phiếu; hãy bỏ bớt tệp rồi nhập lại.")
            files[index] = replace(file, problems=(*file.problems, twice), changes=(),
                                   payload=None)
    return ImportPlan(KIND, year, tuple(files))


def _self_rows(db: Database, unit_id: int) -> dict[int, dict[str, Any]]:
    rows = db.conn.execute("SELECT * FROM scores WHERE unit_id = :u AND layer = :l",
                           {"u": unit_id, "l": Layer.SELF.value})
    return {int(r["criterion_id"]): dict(r) for r in rows}


def apply(db: Database, year: int, plan: ImportPlan) -> SelfScoresUndo:
    """Apply the files without problems, one transaction each (self layer only); returns what
    `revert` needs. A file that fails undoes the files applied before it."""
    undo = SelfScoresUndo(year)
    try:
        for file in plan.applicable:
            writes: SelfScoreWrites = file.payload
            keys = [s.criterion_id for s in writes.save] + list(writes.clear)
            with transaction(db):
                before = _self_rows(db, writes.unit_id)
                replace_cells(db, year, writes.save,
                              [(writes.unit_id, c, Layer.SELF) for c in writes.clear])
                audit.record(db, "import", "self_scores", year, file=file.file,
                             unit=writes.unit_id, saved=len(writes.save),
                             cleared=len(writes.clear))
            undo += SelfScoresUndo(year, tuple((writes.unit_id, c, before.get(c)) for c in keys))
    except BaseException:
        revert(db, year, undo)
        raise
    return undo


def revert(db: Database, year: int, token: SelfScoresUndo) -> None:
    """Put every self-score row `apply` touched back exactly as it was."""
    with transaction(db):
        for unit_id, criterion_id, row in reversed(token.rows):
            if row is None:
                db.conn.execute("DELETE FROM scores WHERE unit_id = :u AND criterion_id = :c"
                                " AND layer = :l",
                                {"u": unit_id, "c": criterion_id, "l": Layer.SELF.value})
                continue
            columns = list(row)
            db.conn.execute(
                f"INSERT INTO scores ({', '.join(columns)}) VALUES"
                f" ({', '.join(':' + c for c in columns)}) ON CONFLICT (unit_id, criterion_id,"
                " layer) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in columns), row)
        audit.record(db, "revert_import", "self_scores", year, rows=len(token.rows))

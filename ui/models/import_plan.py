"""An import's report before it is applied: its problems (file, sheet, row, item, reason) and
its changes (whose, what, old → new)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from data.imports import Problem
from data.imports.plan import Change, ImportPlan
from ui.models.base import RowsModel


class ProblemsModel(RowsModel[Problem]):
    """Every problem of every file."""

    HEADERS = ("Tệp", "Trang", "Dòng", "Nội dung", "Lý do")
    NUMERIC = frozenset({2})

    def display(self, row: Problem, column: int) -> Any:
        return (row.file, row.sheet, row.row or "", row.item, row.message)[column]


@dataclass(frozen=True)
class ChangeRow:
    """A change with the file and subject (unit, list) it belongs to."""

    file: str
    subject: str
    change: Change


def change_rows(plan: ImportPlan) -> list[ChangeRow]:
    """The changes of the files that will be applied (files with problems change nothing)."""
    return [ChangeRow(f.file, f.subject, c) for f in plan.files if f.ok for c in f.changes]


class ChangesModel(RowsModel[ChangeRow]):
    """What applying would change, old → new."""

    HEADERS = ("Tệp", "Của", "Nội dung", "Mục", "Cũ", "Mới")

    def display(self, row: ChangeRow, column: int) -> Any:
        change = row.change
        return (row.file, row.subject, change.item, change.field, change.old or "(trống)",
                change.new or "(trống)")[column]


def summary(plan: ImportPlan) -> str:
    """"3 tệp: 2 áp dụng được (45 thay đổi), 1 có lỗi (không áp dụng)"."""
    files = len(plan.files)
    ready = plan.applicable
    failed = sum(not f.ok for f in plan.files)
    same = sum(f.ok and not f.changes for f in plan.files)
    parts = [f"{len(ready)} áp dụng được ({sum(len(f.changes) for f in ready)} thay đổi)"]
    if same:
        parts.append(f"{same} không có gì thay đổi")
    if failed:
        parts.append(f"{failed} có lỗi (không áp dụng tệp nào có lỗi)")
    return f"{files} tệp: " + ", ".join(parts) + "."

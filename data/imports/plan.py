"""What an import would do, shown before it is done: per file, its problems (then nothing of it
is applied) or its changes (old → new), and what applying needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from data.imports import Problem


@dataclass(frozen=True)
class Change:
    """One value an import would change: where, which field, old and new as a user reads them."""

    item: str  # "1a. Kết quả thi hành án" or a unit's name
    field: str  # "Tự chấm", "Minh chứng", "Tên đơn vị"…
    old: str  # "" when there is none yet
    new: str


@dataclass(frozen=True)
class FilePlan:
    """One workbook: whose it is, what is wrong in it, what it would change."""

    file: str  # the file's name as the user sees it
    subject: str  # "Công an tỉnh", "Danh sách đơn vị năm 2025"…
    problems: tuple[Problem, ...] = ()
    changes: tuple[Change, ...] = ()
    payload: Any = field(default=None, compare=False, repr=False)  # what applying writes

    @property
    def ok(self) -> bool:
        """Whether the file can be applied (it has no problem)."""
        return not self.problems


@dataclass(frozen=True)
class ImportPlan:
    """Every file of one import, in the order given."""

    kind: str  # "self-score", "units", "criteria"
    year: int
    files: tuple[FilePlan, ...]

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every file."""
        return [p for f in self.files for p in f.problems]

    @property
    def applicable(self) -> list[FilePlan]:
        """The files without a problem that change something."""
        return [f for f in self.files if f.ok and f.changes]

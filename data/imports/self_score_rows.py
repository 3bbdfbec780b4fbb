"""One item's row of a filled self-scoring workbook, judged: its cells refused (formulas, TCVN3 or
VNI text), its values checked as typed scores are (`prepare_score`), and compared with the
unit's current self-score field by field.

Rules: an item whose score cells are empty has no self-score (an existing one is cleared),
except a quantitative item scored by points rather than plan and actual, which the workbook
cannot show (it is kept, its evidence follows the workbook); evidence without a score is
refused."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from data import audit
from data.db import Database
from data.errors import InputError
from data.imports import Problem
from data.imports.list_sheet import legacy_message
from data.imports.plan import Change
from data.imports.self_score_model import HEADERS, POINTS
from data.imports.self_score_read import FilledRow
from data.imports.workbook import Value
from data.model import Criterion, Layer, NodeKind, Score
from data.scores import prepare_score
from data.vntext import clean_multiline, format_number

_NUMBER = re.compile(r"[-+\d.,\s]+")
FIELDS = ("Tự chấm", "Kế hoạch", "Thực hiện", "Minh chứng")
POINTS_HEADER = HEADERS[POINTS - 1]


@dataclass(frozen=True)
class RowResult:
    """What a row would do: save a score, clear the current one, or nothing; its changes."""

    save: Score | None = None
    clear: bool = False
    changes: tuple[Change, ...] = ()


def item_label(node: Criterion) -> str:
    """"1a. Các chỉ tiêu chuyên môn chủ yếu" as a change names an item."""
    return f"{node.code}. {node.title}" if node.code else node.title


def shown(node: Criterion, score: Score | None) -> dict[str, str]:
    """A score as the changes show it, by field ("" fields left out)."""
    if score is None:
        return {}
    found: dict[str, str] = {}
    if node.kind is NodeKind.QUALITATIVE and score.grade is not None:
        found["Tự chấm"] = score.grade
    elif score.points is not None:
        found["Tự chấm"] = format_number(score.points)
    for name, value in (("Kế hoạch", score.plan), ("Thực hiện", score.actual)):
        if value is not None:
            found[name] = format_number(value, 6)
    if score.note:
        found["Minh chứng"] = score.note
    return found


def _refused(cells: list[tuple[str, Value]]) -> list[str]:
    """Why cells cannot be read: a formula, text typed in TCVN3 or VNI."""
    reasons = []
    for header, value in cells:
        if value.formula:
            reasons.append(f"Cột “{header}”: ô có công thức “{value.text}”. Phần mềm không tính "
                           "công thức: hãy ghi giá trị (chép rồi dán giá trị).")
        elif isinstance(value.value, str):
            legacy = legacy_message(value.value)
            if legacy is not None:
                reasons.append(f"Cột “{header}”: {legacy}")
    return reasons


def _blank(value: Value) -> bool:
    return value.value is None or (isinstance(value.value, str) and not value.value.strip())


def _is_grade(node: Criterion, value: Value) -> bool:
    """A qualitative item's cell holds a grade, unless it holds points (as the scoring grid
    takes them): a number, or text written as a number that names no grade."""
    if node.kind is not NodeKind.QUALITATIVE or not isinstance(value.value, str):
        return False
    text = value.text.casefold()
    return any(g.casefold() == text for g, _ in node.grades) or not _NUMBER.fullmatch(text)


def _typed(node: Criterion, row: FilledRow) -> dict[str, object]:
    """The values as `prepare_score` takes them (empty cells left out)."""
    if node.kind is NodeKind.QUANTITATIVE:
        pairs = {"plan": row.plan, "actual": row.actual}
    else:
        pairs = {"grade" if _is_grade(node, row.points) else "points": row.points}
    return {key: value.value for key, value in pairs.items() if not _blank(value)}


def check_row(db: Database, year: int, unit_id: int, node: Criterion, row: FilledRow,
              old: Score | None, problem: Callable[[str], Problem]
              ) -> tuple[RowResult, list[Problem]]:
    """The row's result and its problems (with a problem, the result is empty)."""
    quantity = node.kind is NodeKind.QUANTITATIVE
    cells = ([("Kế hoạch", row.plan), ("Thực hiện", row.actual)] if quantity
             else [(POINTS_HEADER, row.points)]) + [("Minh chứng", row.evidence)]
    reasons = _refused(cells)
    if reasons:
        return RowResult(), [problem(r) for r in reasons]
    typed = _typed(node, row)
    note = row.evidence.text
    if quantity and len(typed) == 1:
        missing = "Thực hiện" if "plan" in typed else "Kế hoạch"
        return RowResult(), [problem(f"Nội dung định lượng cần ghi cả Kế hoạch và Thực hiện "
                                     f"(còn thiếu {missing}).")]
    if not typed:
        if old is not None and quantity and old.plan is None and old.actual is None:
            return _evidence_only(node, old, note), []  # points the workbook cannot show
        if note:
            return RowResult(), [problem("Có minh chứng nhưng chưa tự chấm: hãy ghi điểm (mức) "
                                         "hoặc xóa minh chứng.")]
        if old is None:
            return RowResult(), []
        return RowResult(clear=True, changes=_changes(node, old, None)), []
    grade = typed.get("grade")
    try:
        score = prepare_score(db, year, unit_id, node.id, Layer.SELF, points=typed.get("points"),
                              grade=None if grade is None else str(grade),
                              plan=typed.get("plan"), actual=typed.get("actual"), note=note)
    except InputError as exc:
        return RowResult(), [problem(exc.message)]
    changes = _changes(node, old, score)
    return RowResult(save=score if changes else None, changes=changes), []


def _evidence_only(node: Criterion, old: Score, note: str) -> RowResult:
    """A kept score whose evidence may have changed."""
    new = replace(old, note=clean_multiline(note), entered_by=audit.actor(),
                  entered_at=audit.now_iso())
    changes = _changes(node, old, new)
    return RowResult(save=new if changes else None, changes=changes)


def _changes(node: Criterion, old: Score | None, new: Score | None) -> tuple[Change, ...]:
    before, after = shown(node, old), shown(node, new)
    return tuple(Change(item_label(node), name, before.get(name, ""), after.get(name, ""))
                 for name in FIELDS if before.get(name, "") != after.get(name, ""))

"""What a secretariat types or pastes in a score cell, and how a cell shows and copies its score.

A cell takes a grade letter for qualitative items ("a" means A), points ("9,5" or "9.5"), or
"thực hiện/kế hoạch" for quantitative items ("108/100"). Checking the value against the item
(maximum, negative, unknown grade) is `data.scores.prepare_score`'s job; this module only reads.
"""

from __future__ import annotations

import csv
import io
import re

from data.errors import InputError
from data.model import Criterion, NodeKind, Score
from data.scoring import score_points
from data.vntext import format_number, nfc

_SHOWN_QUANTITY = re.compile(r"^[-+\d.,\s]*\((.+)\)$")  # "20 (108/100)" as a cell shows it
_SHOWN_GRADE = re.compile(r"^(.+?)\s*·.*$")  # "A · 10" as a cell shows it


def _unshown(text: str) -> str:
    """What the user meant when they pasted a cell as it is shown (from a copy of the display)."""
    quantity = _SHOWN_QUANTITY.match(text)
    if quantity:
        return quantity[1].strip()
    grade = _SHOWN_GRADE.match(text)
    return grade[1].strip() if grade else text


def parse_cell(text: str, criterion: Criterion) -> dict[str, str] | None:
    """The fields `prepare_score` takes for a typed cell, or None when the cell is to be emptied."""
    value = _unshown(nfc(text).strip())
    if not value:
        return None
    if "/" in value:
        if criterion.kind is not NodeKind.QUANTITATIVE:
            raise InputError(
                f"“{value}”: chỉ nội dung định lượng mới nhập dạng thực hiện/kế hoạch "
                "(ví dụ 108/100).")
        actual, _, plan = value.partition("/")
        if not actual.strip() or not plan.strip() or "/" in plan:
            raise InputError(f"“{value}”: hãy nhập dạng thực hiện/kế hoạch, ví dụ 108/100.")
        return {"actual": actual.strip(), "plan": plan.strip()}
    if criterion.kind is NodeKind.QUALITATIVE:
        if any(grade.casefold() == value.casefold() for grade, _ in criterion.grades):
            return {"grade": value}
        if not re.fullmatch(r"[-+\d.,\s]+", value):  # not a number: an unknown grade, refused
            return {"grade": value}
    return {"points": value}


def cell_text(criterion: Criterion, score: Score | None) -> str:
    """How a cell shows its score: "9,5", "A · 10", "20 (108/100)"."""
    if score is None:
        return ""
    points = format_number(score_points(criterion, score))
    if score.grade is not None:
        return f"{score.grade} · {points}"
    if score.plan is not None and score.actual is not None:
        return f"{points} ({format_number(score.actual)}/{format_number(score.plan)})"
    return points


def edit_text(criterion: Criterion, score: Score | None) -> str:
    """What the user would type to get the score again: "A", "108/100", "9,5"."""
    if score is None:
        return ""
    if score.grade is not None:
        return score.grade
    if score.plan is not None and score.actual is not None:
        return f"{format_number(score.actual)}/{format_number(score.plan)}"
    return format_number(score_points(criterion, score))


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells from a tab-separated block, as Excel and LibreOffice put on the clipboard."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [row or [""] for row in csv.reader(io.StringIO(text), delimiter="\t")]


def block_text(rows: list[list[str]]) -> str:
    """Tab-separated text of a block of cells, quoted where a cell holds a tab or a line break."""
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    return out.getvalue()

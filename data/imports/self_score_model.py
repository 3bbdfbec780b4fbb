"""The plain content of a unit's self-scoring workbook (phiếu tự chấm), shared by the data layer
that fills it and the printing layer that writes it; no database here."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from data.model import Criterion, NodeKind

FORMAT_VERSION = 1  # of the workbook's hidden identifiers; the reader refuses other versions


@dataclass(frozen=True)
class FormRow:
    """A node of the table as the workbook shows it, with the unit's self-score to prefill."""

    criterion_id: int
    code: str
    title: str
    kind: NodeKind
    max_points: float
    guidance: str
    depth: int  # 0 for a section
    is_input: bool  # an item the unit scores (every node but a group)
    grades: tuple[tuple[str, float], ...] = ()  # qualitative: (grade, share of the maximum)
    reduce: bool = False  # quantitative: less is better (plan ÷ actual)
    points: float | None = None
    grade: str | None = None
    plan: float | None = None
    actual: float | None = None
    note: str = ""  # evidence (minh chứng)


@dataclass(frozen=True)
class SelfScoreForm:
    """One unit's self-scoring workbook for one year, and how the app recognises it back."""

    bloc: str
    bloc_created: str  # the bloc's created_at: with its name, it identifies the bloc
    council: str
    year: int
    unit_id: int
    unit_name: str
    fingerprint: str
    rows: tuple[FormRow, ...]
    version: int = FORMAT_VERSION


def table_fingerprint(nodes: Iterable[Criterion]) -> str:
    """A short hash of what the scores depend on: ids, parents, codes, kinds, maxima, grades,
    "reduce" (titles, guidance and order may change without making the workbook wrong)."""
    facts = sorted((n.id, n.parent_id or 0, n.code, n.kind.value, round(n.max_points, 6),
                    [[g, round(s, 6)] for g, s in n.grades], n.reduce) for n in nodes)
    text = json.dumps(facts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# The workbook's layout, shared by the writer (printing/xlsx_selfscore.py) and the reader.
SHEET = "Tự chấm"
HIDDEN = "_khoi_thi_dua"  # very hidden: Excel's and LibreOffice's menus cannot show it
MARKER = "phieu_tu_cham"
HEADERS = ("Mã", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm", "Điểm tự chấm / Mức", "Kế hoạch",
           "Thực hiện", "Minh chứng")
CODE, TITLE, MAX, GUIDE, POINTS, PLAN, ACTUAL, EVIDENCE, ID = range(1, 10)
# the hidden sheet: these keys in column A, their values in B, in this order; then one row per
# input row of the visible sheet: its row number, the criterion id, the code
KEYS = ("loai", "phien_ban", "khoi", "khoi_tao_luc", "nam", "don_vi_id", "don_vi",
        "bang_tieu_chi", "dong_tieu_de", "noi_dung")

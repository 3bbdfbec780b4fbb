"""Spreadsheets at a bloc's size: importing 30 units' self-scoring workbooks of 150 items (plan
and apply: every file checked, every value validated), and writing the council workbook for those
30 units; medians of N runs, each beside openpyxl's bare read (load read-only, iterate) and bare
write (the same values, no style) of the same cells in the same run.
Targets: import under 2 s; council workbook under 0,5 s.
Run: uv run python bench/spreadsheets.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from data import units, years  # noqa: E402
from data.bloc import create_bloc  # noqa: E402
from data.criteria import add_criterion  # noqa: E402
from data.db import Database, transaction  # noqa: E402
from data.documents.council import CouncilWorkbook, council_content  # noqa: E402
from data.documents.record import load_record  # noqa: E402
from data.imports import self_scores  # noqa: E402
from data.imports.self_score_form import form_content  # noqa: E402
from data.model import BlocProfile, Layer, NodeKind, YearStatus  # noqa: E402
from data.scores import prepare_score, save_scores  # noqa: E402
from printing.xlsx_council import council_workbook  # noqa: E402
from printing.xlsx_selfscore import ACTUAL, EVIDENCE, PLAN, POINTS, SHEET, self_score_workbook  # noqa: E402,E501

YEAR, UNITS, ITEMS = 2025, 30, 150
KINDS = (NodeKind.NUMERIC, NodeKind.QUALITATIVE, NodeKind.QUANTITATIVE)


def build() -> Database:
    db = create_bloc(None, BlocProfile(name="Cụm thi đua thử nghiệm nhập phiếu", council="",
                                       place="Bắc Ninh"))
    with transaction(db):
        years.add_year(db, YEAR, YearStatus.SCORING)
        ids = [units.add_unit(db, f"Đơn vị thành viên số {u + 1:02d}", year=YEAR).id
               for u in range(UNITS)]
        items = []
        for s in range(3):
            section = add_criterion(db, YEAR, None, f"Phần {s + 1}", code="I II III".split()[s],
                                    max_points=100 / 3)
            for i in range(ITEMS // 3):
                items.append(add_criterion(
                    db, YEAR, section.id, f"Nội dung {s + 1}.{i + 1} về công tác chuyên môn",
                    code=f"{s + 1}.{i + 1}", kind=KINDS[i % 3], max_points=round(100 / ITEMS, 2),
                    guidance="Căn cứ báo cáo tổng kết năm của đơn vị."))
        batch = []
        for u in ids:
            for n, item in enumerate(items):
                typed = ({"points": 0.5} if item.kind is NodeKind.NUMERIC else
                         {"grade": "B"} if item.kind is NodeKind.QUALITATIVE else
                         {"plan": 100, "actual": 90 + (u + n) % 20})
                for layer in Layer:  # all three layers: the council workbook shows them
                    batch.append(prepare_score(db, YEAR, u, item.id, layer, **typed))
        save_scores(db, YEAR, batch)
    return db


def filled(data: bytes, path: Path) -> Path:
    """Every item typed anew, with evidence, as a unit does in Excel."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[SHEET]
    for row in range(1, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        if not isinstance(code, str) or not code[:1].isdigit():
            continue
        n = int(code.split(".")[1])
        if sheet.cell(row, PLAN).protection.locked:  # numeric or qualitative
            value = sheet.cell(row, POINTS).value
            sheet.cell(row, POINTS).value = "A" if value in ("A", "B", "C", "D") else 0.6
        else:
            sheet.cell(row, PLAN).value = 120
            sheet.cell(row, ACTUAL).value = 100 + n % 30
        sheet.cell(row, EVIDENCE).value = f"Báo cáo số {n}/BC ngày 10/12/{YEAR}"
    book.save(path)
    return path


def bare_read(paths: list[Path]) -> None:
    """openpyxl alone: every file loaded read-only and every row iterated."""
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            for _row in sheet.iter_rows(values_only=True):
                pass
        book.close()


def bare_write(content: CouncilWorkbook) -> bytes:
    """openpyxl alone: the council workbook's values, no style, no format."""
    book = openpyxl.Workbook(write_only=False)
    book.remove(book.active)
    for part in content.sheets:
        sheet = book.create_sheet(part.name[:31])
        sheet.append([c.header for c in part.table.columns])
        for row in part.table.rows:
            sheet.append([v[0] if isinstance(v, tuple) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def median(work: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    db = build()
    folder = Path(tempfile.mkdtemp())
    paths = [filled(self_score_workbook(form_content(db, YEAR, unit.id)),
                    folder / f"Tự chấm {YEAR} - {unit.name}.xlsx")
             for unit, _ in units.members(db, YEAR)]
    changes = 0

    def import_all() -> None:
        nonlocal changes
        plan = self_scores.plan(db, YEAR, paths)
        assert not plan.problems and len(plan.applicable) == UNITS, plan.problems[:3]
        changes = sum(len(f.changes) for f in plan.applicable)
        token = self_scores.apply(db, YEAR, plan)
        self_scores.revert(db, YEAR, token)  # the next run imports the same changes again

    imported, read = median(import_all, runs), median(lambda: bare_read(paths), runs)
    content = council_content(load_record(db, YEAR))
    written = median(lambda: council_workbook(content), runs)
    plain = median(lambda: bare_write(content), runs)
    whole = median(lambda: council_workbook(council_content(load_record(db, YEAR))), runs)
    size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
    print(f"{UNITS} đơn vị × {ITEMS} nội dung, trung vị của {runs} lần")
    print(f"  nhập {UNITS} phiếu tự chấm ({size:.0f} KB mỗi tệp, {changes} thay đổi): "
          f"{imported:.3f} s  (mục tiêu < 2 s)")
    print(f"    openpyxl đọc trơn cùng các tệp: {read:.3f} s  → {imported / read:.1f} ×")
    print(f"  bảng tính gửi Hội đồng: ghi {written:.3f} s, cả đọc năm và ghi {whole:.3f} s  "
          "(mục tiêu < 0,5 s)")
    print(f"    openpyxl ghi trơn cùng các giá trị: {plain:.3f} s  → {written / plain:.1f} ×")


if __name__ == "__main__":
    main()

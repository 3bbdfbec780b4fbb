"""Workbooks for the import tests: the app's templates filled in, or any sheet written cell by
cell, and the bloc's content to compare before and after."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from data.db import Database

# printing/xlsx_read.py reads a workbook's first bytes with `path.open("rb").read(8)` and leaves
# the file to the garbage collector (a ResourceWarning). Ignored only when raised in that
# module; remove once it reads them in a `with` block.
UNIT_HEADER = ("STT", "Tên đơn vị (*)", "Tên viết tắt", "Mã", "Họ tên thủ trưởng",
               "Chức vụ thủ trưởng", "Tập thể ≥ 70 % nữ (Có/Không)")
CRITERIA_HEADER = ("Mã (*)", "Thuộc mã", "Nội dung (*)", "Loại (*)", "Điểm tối đa (*)",
                   "Lớp điểm có thẩm quyền", "Các mức", "Giảm là tốt (Có/Không)",
                   "Hướng dẫn chấm")


def fill_template(template: bytes, rows: Sequence[Sequence[Any]], path: Path) -> Path:
    """The template with `rows` typed under its two example rows, saved to `path`."""
    book = openpyxl.load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 16) if sheet.cell(r, 1).value in ("STT", "Mã (*)"))
    for offset, values in enumerate(rows, start=header + 3):
        for column, value in enumerate(values, start=1):
            sheet.cell(offset, column).value = value
    book.save(path)
    return path


def write_book(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "Trang 1",
               text: dict[tuple[int, int], str] | None = None) -> Path:
    """A workbook of one sheet holding `rows` from A1 (a value "=…" is a formula); `text`
    cells (row, column from 1) hold text exactly as given, even when it begins with "="."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    for (r, c), value in (text or {}).items():
        cell = ws.cell(r, c)
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True
    book.save(path)
    return path


def dump(db: Database) -> list[str]:
    """The bloc's whole content but its audit log, comparable before and after."""
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)

"""Reading back a self-scoring workbook a unit filled in: its hidden identifiers (whose, which
year, which criteria table) and the raw input cells of every item, after checking the sheet is
laid out as it was exported. Nothing is judged here: values come back as read."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from data.imports.self_score_model import (
    ACTUAL,
    CODE,
    EVIDENCE,
    FORMAT_VERSION,
    HEADERS,
    HIDDEN,
    ID,
    KEYS,
    MARKER,
    PLAN,
    POINTS,
    SHEET,
)
from data.imports.workbook import Value, WorkbookError, open_workbook, rows

_EMPTY = Value(None)
_AGAIN = "Hãy điền lại vào phiếu gốc Thường trực Khối gửi."


class FormError(WorkbookError):
    """A workbook that is not the app's self-scoring workbook, or whose layout was edited."""

    def __init__(self, message: str, sheet: str = "", row: int = 0) -> None:
        super().__init__(message)
        self.sheet, self.row = sheet, row


@dataclass(frozen=True)
class FormIds:
    """Whose workbook it is, as written in its hidden sheet when it was exported."""

    bloc: str
    bloc_created: str
    year: int
    unit_id: int
    unit_name: str
    fingerprint: str
    version: int


@dataclass(frozen=True)
class FilledRow:
    """An item's row as read: the raw input cells, formulas marked, text NFC."""

    row: int
    criterion_id: int
    code: str
    points: Value  # points, or a grade for a qualitative item
    plan: Value
    actual: Value
    evidence: Value


@dataclass(frozen=True)
class FilledForm:
    """A self-scoring workbook read back."""

    file: str
    sheet: str
    ids: FormIds
    rows: tuple[FilledRow, ...]


def _cell(cells: Sequence[Value], column: int) -> Value:
    return cells[column - 1] if len(cells) >= column else _EMPTY


def _int(value: Value) -> int | None:
    raw = value.value
    if isinstance(raw, bool) or value.formula:
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return None


def _identifiers(book: Workbook, name: str) -> tuple[FormIds, int, list[tuple[int, int, str]]]:
    """The identifiers, the header row and the (row, criterion id, code) of each input row."""
    broken = FormError(f"Tệp “{name}” không phải phiếu tự chấm của phần mềm: phần định danh ẩn "
                       f"của phiếu bị sửa. {_AGAIN}")
    found = list(rows(book, HIDDEN, file_name=name))
    head = found[: len(KEYS)]
    if [n for n, _ in head] != list(range(1, len(KEYS) + 1)) or any(
            _cell(cells, 1).text != key for (_, cells), key in zip(head, KEYS, strict=True)):
        raise broken
    values = {key: _cell(cells, 2) for (_, cells), key in zip(head, KEYS, strict=True)}
    if values["loai"].text != MARKER:
        raise broken
    version = _int(values["phien_ban"])
    if version != FORMAT_VERSION:
        raise FormError(f"Phiếu “{name}” được xuất từ một phiên bản khác của phần mềm (định dạng "
                        f"{values['phien_ban'].text}): hãy xin Thường trực Khối phiếu mới.")
    numbers = [_int(values[k]) for k in ("nam", "don_vi_id", "dong_tieu_de", "noi_dung")]
    listed: list[tuple[int, int, str]] = []
    for _, cells in found[len(KEYS):]:
        row, criterion = _int(_cell(cells, 1)), _int(_cell(cells, 2))
        if row is None or criterion is None:
            raise broken
        listed.append((row, criterion, _cell(cells, 3).text))
    year, unit_id, header_row, count = numbers
    if year is None or unit_id is None or header_row is None or count != len(listed):
        raise broken
    ids = FormIds(values["khoi"].text, values["khoi_tao_luc"].text, year, unit_id,
                  values["don_vi"].text, values["bang_tieu_chi"].text, version)
    return ids, header_row, listed


def _layout(found: dict[int, tuple[Value, ...]], header_row: int,
            listed: list[tuple[int, int, str]], name: str) -> None:
    """Refuse a sheet whose header or rows are not where they were exported."""
    edited = f"Cấu trúc phiếu “{name}” đã bị sửa"
    header = found.get(header_row, ())
    if [_cell(header, c).text for c in range(1, len(HEADERS) + 1)] != list(HEADERS):
        raise FormError(f"{edited}: dòng tiêu đề (dòng {header_row}) không còn như khi xuất (cột "
                        f"bị chèn, xóa hoặc chuyển chỗ). {_AGAIN}", SHEET, header_row)
    expected = {row: (criterion, code) for row, criterion, code in listed}
    for row, (criterion, code) in expected.items():
        cells = found.get(row, ())
        if _int(_cell(cells, ID)) != criterion or _cell(cells, CODE).text != code:
            raise FormError(f"{edited}: dòng {row} phải là nội dung “{code}” (dòng bị thêm, xóa "
                            f"hoặc chuyển chỗ). {_AGAIN}", SHEET, row)
    for row, cells in found.items():
        if row > header_row and row not in expected and _cell(cells, ID).text:
            raise FormError(f"{edited}: dòng {row} không có trong phiếu đã xuất (dòng bị thêm "
                            f"hoặc chép). {_AGAIN}", SHEET, row)


def read_self_score(path: str | os.PathLike[str]) -> FilledForm:
    """The identifiers and input cells of a self-scoring workbook; WorkbookError (FormError for
    a workbook that is not one, or whose layout was edited) otherwise."""
    p = Path(path)
    name = p.name
    book = open_workbook(p)
    try:
        if HIDDEN not in book.sheetnames:
            raise FormError(f"Tệp “{name}” không phải phiếu tự chấm của phần mềm: thiếu phần "
                            "định danh ẩn của phiếu. Hãy điền vào đúng phiếu Thường trực Khối "
                            "gửi, không chép sang tệp khác.")
        ids, header_row, listed = _identifiers(book, name)
        if SHEET not in book.sheetnames:
            raise FormError(f"Phiếu “{name}” không còn trang “{SHEET}” (trang bị đổi tên hoặc "
                            f"xóa). {_AGAIN}")
        found = dict(rows(book, SHEET, file_name=name))
        _layout(found, header_row, listed, name)
    finally:
        book.close()
    filled = tuple(
        FilledRow(row, criterion, code, _cell(cells, POINTS), _cell(cells, PLAN),
                  _cell(cells, ACTUAL), _cell(cells, EVIDENCE))
        for row, criterion, code in listed for cells in (found[row],))
    return FilledForm(name, SHEET, ids, filled)

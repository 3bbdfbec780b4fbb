"""Reading a list typed in one of the app's templates (units, criteria): the header row found by
its column names in the first rows (tone marks, case and order free, other columns ignored),
example and empty rows skipped, formulas and TCVN3/VNI text reported cell by cell."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from data.errors import InputError
from data.imports import Problem
from data.imports.workbook import Value, WorkbookError, open_workbook, rows
from data.legacy_text import decode_legacy, legacy_encoding
from data.vntext import clean, search_key

HEADER_ROWS = 15  # the header row is looked for in this many first rows of each sheet
_PARENS = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_EXAMPLE = re.compile(r"vi du\b")
_YES = {"co", "x", "yes", "y", "1", "true", "dung", "c"}
_NO = {"khong", "no", "n", "0", "false", "sai", "k"}
_EMPTY = Value(None)


def header_key(text: str) -> str:
    """A header as compared: no tone marks, case, notes in brackets or punctuation."""
    return _NOT_WORD.sub(" ", _PARENS.sub(" ", search_key(text))).strip()


@dataclass(frozen=True)
class Column:
    """A column of a template: its field, its header, the other names it goes by."""

    field: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    content: bool = True  # False (STT): a row holding only this column counts as empty

    def matches(self, key: str) -> bool:
        """Whether a header (as `header_key` gives it) names this column."""
        return key == header_key(self.header) or key in self.aliases


@dataclass(frozen=True)
class Record:
    """A data row: its number, its cells by field, the fields whose cell was refused."""

    row: int
    cells: dict[str, Value]
    refused: frozenset[str] = frozenset()

    def value(self, field: str) -> Value:
        """The cell of a field (empty when the sheet has no such column)."""
        return self.cells.get(field, _EMPTY)

    def text(self, field: str) -> str:
        """The cell of a field as one clean line ("" when empty or refused)."""
        return "" if field in self.refused else clean(self.value(field).text)


@dataclass(frozen=True)
class ListSheet:
    """The sheet a list was read from: where its header is and its data rows."""

    file: str
    sheet: str
    header_row: int
    records: tuple[Record, ...]

    def problem(self, message: str, row: int = 0, item: str = "") -> Problem:
        """A problem of this sheet."""
        return Problem(self.file, message, self.sheet, row, item)


def is_example(text: str) -> bool:
    """Whether a main text marks a template's example row ("Ví dụ: Sở Tư pháp")."""
    return _EXAMPLE.match(search_key(text)) is not None


def flag(value: Value, label: str) -> bool | None:
    """A Có/Không cell (also x, yes, 1, TRUE); None when empty; InputError otherwise."""
    if isinstance(value.value, bool):
        return value.value
    key = search_key(value.text)
    if not key:
        return None
    if key in _YES or key in _NO:
        return key in _YES
    raise InputError(f"Cột “{label}”: “{value.text}” phải là Có hoặc Không.")


def legacy_message(text: str) -> str | None:
    """Why a text typed in TCVN3 or VNI is refused, or None when it is Unicode."""
    encoding = legacy_encoding(text)
    if encoding is None:
        return None
    return (f"“{text}” có vẻ gõ bằng bảng mã {encoding} (đọc ra là “"
            f"{clean(decode_legacy(text, encoding))}”): hãy chuyển sang Unicode (Unikey › Công "
            "cụ chuyển mã) rồi nhập lại.")


def _mapping(cells: Sequence[Value], columns: Sequence[Column]) -> dict[int, Column]:
    """Which column each header cell names: own headers first, then other names."""
    keys = {i: header_key(c.text) for i, c in enumerate(cells) if isinstance(c.value, str)}
    found: dict[int, Column] = {}
    for exact in (True, False):
        for index, key in keys.items():
            column = next((c for c in columns if c not in found.values() and key and (
                key == header_key(c.header) if exact else c.matches(key))), None)
            if column is not None and index not in found:
                found[index] = column
    return found


def _record(number: int, cells: Sequence[Value], mapping: dict[int, Column],
            sheet: ListSheet, main: str, problems: list[Problem]) -> Record | None:
    values = {c.field: cells[i] if i < len(cells) else _EMPTY for i, c in mapping.items()}
    if not any(values[c.field].text for c in mapping.values() if c.content):
        return None
    if not values[main].formula and is_example(values[main].text):
        return None
    refused: set[str] = set()
    for column in mapping.values():
        value = values[column.field]
        reason: str | None = None
        if value.formula:
            reason = (f"Cột “{column.header}”: ô có công thức “{value.text}”. Phần mềm không "
                      "tính công thức: hãy ghi giá trị (chép rồi dán giá trị).")
        elif isinstance(value.value, str):
            legacy = legacy_message(value.value)
            reason = None if legacy is None else f"Cột “{column.header}”: {legacy}"
        else:
            continue
        if reason is not None:
            refused.add(column.field)
            problems.append(sheet.problem(reason, number))
    return Record(number, values, frozenset(refused))


def _missing(columns: Sequence[Column], found: dict[int, Column]) -> list[Column]:
    return [c for c in columns if c.required and c not in found.values()]


def _labels(columns: Sequence[Column]) -> str:
    return ", ".join(f"“{c.header}”" for c in columns)


def _read(book_rows: Iterator[tuple[str, Iterator[tuple[int, tuple[Value, ...]]]]], name: str,
          columns: Sequence[Column], main: str, what: str
          ) -> tuple[ListSheet | None, list[Problem]]:
    problems: list[Problem] = []
    best: tuple[int, str, int, dict[int, Column]] | None = None
    legacy = ""
    empty = True
    for sheet_name, sheet_rows in book_rows:
        for number, cells in sheet_rows:
            empty = False
            if number > HEADER_ROWS:
                break
            mapping = _mapping(cells, columns)
            if not _missing(columns, mapping):
                sheet = ListSheet(name, sheet_name, number, ())
                found = [r for n, c in sheet_rows
                         if (r := _record(n, c, mapping, sheet, main, problems)) is not None]
                if not found:
                    problems.append(sheet.problem(f"Chưa có {what} nào dưới dòng tiêu đề (chỉ "
                                                  "có tiêu đề và các dòng “Ví dụ”).", number))
                return ListSheet(name, sheet_name, number, tuple(found)), problems
            if best is None or len(mapping) > len(best[3]):
                best = (len(mapping), sheet_name, number, mapping)
            for cell in cells:
                if not legacy and isinstance(cell.value, str):
                    legacy = legacy_message(cell.value) or ""
    if empty:
        return None, [Problem(name, "Tệp không có dữ liệu: mọi trang tính đều trống.")]
    if best is not None and best[0] >= 2:
        return None, [Problem(name, f"Dòng tiêu đề thiếu cột {_labels(_missing(columns, best[3]))}"
                              f" (cần có các cột {_labels([c for c in columns if c.required])}).",
                              best[1], best[2])]
    hint = f" Chữ trong tệp: {legacy}" if legacy else ""
    return None, [Problem(name, f"Không tìm thấy dòng tiêu đề có các cột "
                          f"{_labels([c for c in columns if c.required])} trong {HEADER_ROWS} "
                          f"dòng đầu của trang nào: hãy điền theo mẫu của phần mềm.{hint}")]


def read_list(path: Path, columns: Sequence[Column], main: str, what: str
              ) -> tuple[ListSheet | None, list[Problem]]:
    """The first sheet whose header names every required column, with its data rows (None when
    there is none) and every problem found reading it; `main` is the field whose text marks
    example rows, `what` names a row in messages ("đơn vị")."""
    name = path.name
    try:
        book = open_workbook(path)
    except WorkbookError as exc:
        return None, [Problem(name, exc.message)]
    try:
        sheets = ((s, rows(book, s, file_name=name)) for s in book.sheetnames)
        return _read(sheets, name, columns, main, what)
    except WorkbookError as exc:
        return None, [Problem(name, exc.message)]
    finally:
        book.close()

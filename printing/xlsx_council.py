"""The workbook sent to the council (bảng tính gửi Hội đồng Thi đua - Khen thưởng): one sheet per
table of the content, each under the bloc's header and its title, real numbers with number
formats, user text never a formula, ready to print on A4 landscape pages."""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from data.documents.content import ColumnKind
from data.documents.council import CouncilSheet, CouncilWorkbook
from printing.xlsx_cells import (
    FONT,
    expanded,
    header_block,
    print_setup,
    put,
    table,
    workbook_bytes,
)

CREATOR = "Khối thi đua"
UNIT_WIDTH = 9.0  # a column of relative width 1, in Excel's character widths
MIN_WIDTH = 6.0  # xlsx_cells.table never makes a column narrower
PAGE_WIDTH = 200.0  # column widths across a landscape A4 page printed at about 70 %
LINE_HEIGHT = 15.75  # points per line of 12-point text
CHAR_WIDTH = 0.85  # a Times New Roman 12 letter, in Excel's character widths (bold: a bit more)


def _numbers(part: CouncilSheet) -> list[list[object]]:
    """Each sheet column's values, a votes pair split as the sheet splits it."""
    found: list[list[object]] = [[] for _ in expanded(part.table.columns)]
    for row in part.table.rows:
        index = 0
        for column, value in zip(part.table.columns, row, strict=True):
            if column.kind is ColumnKind.VOTES:
                pair = value if isinstance(value, tuple) else (None, None)
                found[index].append(pair[0])
                found[index + 1].append(pair[1])
                index += 2
            else:
                found[index].append(value)
                index += 1
    return found


def _shown_length(value: object, kind: ColumnKind) -> int:
    """Characters a number takes in its format ("109.60", "87.50%", "1,234")."""
    if not isinstance(value, int | float):
        return 0
    if kind is ColumnKind.PERCENT:
        return len(f"{value * 100:,.2f}%")
    if kind is ColumnKind.INTEGER:
        return len(f"{value:,.0f}")
    return len(f"{value:,.2f}")


def _widths(part: CouncilSheet) -> list[float]:
    """The columns' widths: the content's proportions (as xlsx_cells.table sets them), number
    columns widened to their longest figure so that none shows as "###"."""
    widths = []
    for (_header, kind, width), values in zip(expanded(part.table.columns), _numbers(part),
                                              strict=True):
        longest = max((_shown_length(v, kind) for v in values), default=0)
        widths.append(max(MIN_WIDTH, width * UNIT_WIDTH, float(longest + 2)))
    return widths


def _lines(text: str, width: float, char: float) -> int:
    """Lines a wrapped text takes in a column of that width."""
    room = max(1.0, width)
    return sum(max(1, math.ceil(len(part) * char / room)) for part in text.split("\n"))


def _fit(sheet: Worksheet, start: int, last: int, widths: list[float]) -> None:
    """Set the widths, and give each row of the table the height of its longest wrapped text
    (LibreOffice does not grow rows by itself)."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in range(start, last + 1):
        char = CHAR_WIDTH * (1.12 if row == start else 1.0)  # the header row is bold
        lines = max((_lines(value, widths[col], char) for col in range(len(widths))
                     if isinstance(value := sheet.cell(row, col + 1).value, str)), default=1)
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def _first_page(widths: list[float]) -> int:
    """How many columns the first printed page holds (the header block is merged over them)."""
    total, count = 0.0, 0
    for width in widths:
        total += width
        if total > PAGE_WIDTH and count >= 2:
            break
        count += 1
    return count


def _notes(sheet: Worksheet, row: int, notes: tuple[str, ...], widths: list[float]) -> None:
    """Notes under the table, each merged across the first page's columns and wrapped."""
    span = _first_page(widths)
    across = sum(widths[:span])
    for offset, note in enumerate(notes):
        cell = put(sheet, row + offset, 1, note)
        cell.font = Font(name=FONT, size=12, italic=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if span > 1:
            sheet.merge_cells(start_row=row + offset, start_column=1, end_row=row + offset,
                              end_column=span)
        lines = _lines(note, across, CHAR_WIDTH)  # merged cells never grow by themselves
        sheet.row_dimensions[row + offset].height = LINE_HEIGHT * lines + 2


def _frozen_columns(part: CouncilSheet) -> int:
    """Columns kept in view while scrolling: through the unit's name when it comes first or
    second (STT, Đơn vị), else the first column."""
    keys = [c.key for c in part.table.columns]
    unit = keys.index("unit") if "unit" in keys else -1
    return unit + 1 if 0 <= unit <= 1 else 1


def _sheet(sheet: Worksheet, content: CouncilWorkbook, part: CouncilSheet) -> None:
    widths = _widths(part)
    bloc, *lines = content.header
    header = [(bloc.upper(), True), (part.title.upper(), True),
              *((line, False) for line in lines)]
    start = header_block(sheet, header, _first_page(widths))
    last = table(sheet, start, part.table, unit_width=UNIT_WIDTH)
    _fit(sheet, start, last, widths)
    if part.notes:
        _notes(sheet, last + 2, part.notes, widths)
    print_setup(sheet, start, len(widths))
    frozen = _frozen_columns(part)
    sheet.freeze_panes = sheet.cell(row=start + 1, column=frozen + 1)
    pages = max(1, math.ceil(sum(widths) / PAGE_WIDTH))
    if pages > 1:  # too wide for one page: split across pages, the units' names on each
        sheet.page_setup.fitToWidth = pages
        sheet.print_title_cols = f"A:{get_column_letter(frozen)}"


def council_workbook(content: CouncilWorkbook) -> bytes:
    """The .xlsx file of the council workbook: one sheet per content sheet, in order."""
    book = Workbook()
    book.remove(book.active)
    book.properties.title = content.title
    book.properties.subject = content.header[0]
    book.properties.creator = CREATOR
    book.properties.lastModifiedBy = CREATOR
    book.properties.language = "vi-VN"
    for part in content.sheets:
        _sheet(book.create_sheet(part.name), content, part)
    return workbook_bytes(book)

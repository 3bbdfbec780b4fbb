"""Writing workbooks the council can print and cannot be fooled by: user text always stored as
text (a unit named "=HYPERLINK(…)" stays text), numbers as numbers with a format, a header block,
content tables with their header repeated on every printed page, A4 fit to width."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from data.documents.content import Cell as Value
from data.documents.content import Column, ColumnKind
from data.documents.content import Table as TableContent

FONT = "Times New Roman"
NUMBER_FORMATS = {ColumnKind.NUMBER: "#,##0.00", ColumnKind.INTEGER: "#,##0",
                  ColumnKind.PERCENT: "0.00%"}
_FORMULA_START = ("=", "+", "-", "@")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def put(sheet: Worksheet, row: int, column: int, value: Value, kind: ColumnKind | None = None,
        *, bold: bool = False, size: float = 12) -> Cell:
    """Write one value: text as text (never a formula), numbers with their format."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would read "=…" as a formula
        if text.startswith(_FORMULA_START):
            cell.quotePrefix = True  # Excel shows it as typed and never evaluates it
    elif value is not None and not isinstance(value, tuple):
        cell.value = value
        cell.number_format = NUMBER_FORMATS.get(kind or ColumnKind.NUMBER, "General")
    cell.font = _font(size, bold)
    return cell


@lru_cache(maxsize=32)
def _font(size: float, bold: bool) -> Font:
    return Font(name=FONT, size=size, bold=bold)  # one object per look: openpyxl shares it


def header_block(sheet: Worksheet, lines: Sequence[tuple[str, bool]], width: int) -> int:
    """Title lines merged across `width` columns and centred; returns the next free row."""
    for row, (text, bold) in enumerate(lines, start=1):
        put(sheet, row, 1, text, bold=bold, size=13 if bold else 12)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center",
                                                             vertical="center", wrap_text=True)
        if width > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return len(lines) + 2


def expanded(columns: Sequence[Column]) -> list[tuple[str, ColumnKind, float]]:
    """The sheet's columns: a votes column ("7 (87,5 %)" on paper) is two real numbers here."""
    found: list[tuple[str, ColumnKind, float]] = []
    for column in columns:
        if column.kind is ColumnKind.VOTES:
            found += [("Số phiếu", ColumnKind.INTEGER, 0.7), ("Tỷ lệ", ColumnKind.PERCENT, 0.7)]
        else:
            found.append((column.header, column.kind, column.width))
    return found


def table(sheet: Worksheet, start: int, content: TableContent, *, unit_width: float = 9
          ) -> int:
    """A bordered table from content rows (raw values), header at `start`; returns its last row.
    Column widths follow the content's proportions."""
    columns = expanded(content.columns)
    for index, (header, _kind, width) in enumerate(columns, start=1):
        cell = put(sheet, start, index, header, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(6.0, width * unit_width)
    for offset, row in enumerate(content.rows, start=1):
        values: list[tuple[Value, ColumnKind]] = []
        for column, value in zip(content.columns, row, strict=True):
            if column.kind is ColumnKind.VOTES:
                votes, share = value if isinstance(value, tuple) else (None, None)
                values += [(votes, ColumnKind.INTEGER), (share, ColumnKind.PERCENT)]
            else:
                values.append((value, column.kind))
        for index, (value, kind) in enumerate(values, start=1):
            cell = put(sheet, start + offset, index, value, kind)
            cell.alignment = WRAP_TOP
            cell.border = BOX
    return start + len(content.rows)


def print_setup(sheet: Worksheet, header_row: int, columns: int, *, landscape: bool = True
                ) -> None:
    """A4, fit to the page's width, the table's header repeated on every printed page, the
    panes frozen below it."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3 if columns > 2 else 1)
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.7
    sheet.print_options.horizontalCentered = True


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

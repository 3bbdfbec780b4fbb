"""Writing cells the council and the units cannot be fooled by: text stays text (quote-prefixed
when it looks like a formula), numbers keep their format, the header block and A4 setup."""

from __future__ import annotations

import io
import unicodedata

import openpyxl
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from data.documents.content import ColumnKind
from printing.xlsx_cells import header_block, print_setup, put, workbook_bytes


def reopened(workbook: Workbook) -> Worksheet:
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(workbook))).active
    assert sheet is not None
    return sheet


def test_text_that_looks_like_a_formula_stays_text() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row, text in enumerate(('=HYPERLINK("http://x","y")', "+84 912", "-5 điểm", "@a",
                                "Sở Tư pháp"), start=1):
        put(sheet, row, 1, text)
    back = reopened(workbook)
    for row in range(1, 5):
        cell = back.cell(row, 1)
        assert cell.data_type == "s" and cell.quotePrefix, row
    assert back["A1"].value == '=HYPERLINK("http://x","y")'
    assert not back["A5"].quotePrefix and back["A5"].value == "Sở Tư pháp"


def test_text_is_stored_nfc_and_numbers_keep_their_format() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    put(sheet, 1, 1, unicodedata.normalize("NFD", "Tòa án nhân dân tỉnh"))
    put(sheet, 1, 2, 95.5)
    put(sheet, 1, 3, 7, ColumnKind.INTEGER)
    put(sheet, 1, 4, None)
    put(sheet, 1, 5, "x", bold=True, size=13)
    back = reopened(workbook)
    assert back["A1"].value == "Tòa án nhân dân tỉnh"
    assert (back["B1"].value, back["B1"].number_format) == (95.5, "#,##0.00")
    assert (back["C1"].value, back["C1"].number_format) == (7, "#,##0")
    assert back["D1"].value is None
    assert back["E1"].font.b and back["E1"].font.sz == 13
    assert back["A1"].font.name == "Times New Roman"


def test_the_header_block_and_the_print_setup() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    next_row = header_block(sheet, [("KHỐI THI ĐUA", True), ("Năm 2019", False)], 5)
    assert next_row == 4
    print_setup(sheet, next_row, 5, landscape=False)
    back = reopened(workbook)
    assert sorted(str(r) for r in back.merged_cells.ranges) == ["A1:E1", "A2:E2"]
    assert back["A1"].font.b and back["A1"].alignment.horizontal == "center"
    assert not back["A2"].font.b
    setup = back.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9, "portrait", 1, 0)
    assert back.print_title_rows == "$4:$4" and back.freeze_panes == "C5"

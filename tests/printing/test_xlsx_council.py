"""printing/xlsx_council.py: the council workbook read back with openpyxl — every sheet under
its header, the content's rows as real numbers with formats, user text never a formula, the
print setup (A4 landscape, fit to width, header row on every page, frozen panes)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from data import units, years
from data.bloc import create_bloc
from data.criteria import add_criterion
from data.db import Database, transaction
from data.demo import build_demo
from data.documents.content import ColumnKind
from data.documents.council import CouncilSheet, CouncilWorkbook, council_content
from data.documents.record import load_record
from data.model import BlocProfile, Layer, NodeKind, Score, YearStatus
from data.scores import save_scores
from printing.xlsx_cells import expanded
from printing.xlsx_council import council_workbook
from tests.data.documents.test_council import score_one_unit

HEADER_ROW = 6  # four header lines, a blank row, then the table
FORMATS = {ColumnKind.NUMBER: "#,##0.00", ColumnKind.INTEGER: "#,##0",
           ColumnKind.PERCENT: "0.00%"}
WIDE_YEAR = 2025


def wide_bloc(n_units: int = 30, n_items: int = 150) -> Database:
    """A year of `n_units` units scored in all three layers on `n_items` items (3 sections),
    no meeting yet: the widest detail sheet a bloc makes."""
    db = create_bloc(None, BlocProfile(name="Khối thi đua thử nghiệm bảng tính",
                                       council="Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
                                       place="Bắc Ninh"))
    years.add_year(db, WIDE_YEAR, YearStatus.MEETING)
    with transaction(db):
        ids = [units.add_unit(db, f"Đơn vị thành viên số {u + 1:02d} của Khối thi đua",
                              year=WIDE_YEAR).id for u in range(n_units)]
    items = []
    per_section = n_items // 3
    for s in range(3):
        section = add_criterion(db, WIDE_YEAR, None, f"Phần {s + 1}", max_points=100 / 3,
                                code=["I", "II", "III"][s])
        items += [add_criterion(db, WIDE_YEAR, section.id, f"Nội dung {s + 1}.{i + 1}",
                                code=f"{s + 1}.{i + 1}", kind=NodeKind.NUMERIC,
                                max_points=round(100 / n_items, 2)).id
                  for i in range(per_section)]
    save_scores(db, WIDE_YEAR, [
        Score(u, c, layer, points=round(100 / n_items * ((u * c // 7 + c + k) % 10) / 10, 2),
              entered_at="2025-12-01T08:00:00")
        for u in ids for c in items
        for k, layer in enumerate((Layer.SELF, Layer.VERIFIED, Layer.COUNCIL))])
    return db


def opened(content: CouncilWorkbook) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(council_workbook(content)))


def values(sheet: Worksheet, row: int, columns: int) -> list[object]:
    return [sheet.cell(row, c).value for c in range(1, columns + 1)]


def expected_rows(part: CouncilSheet) -> list[list[object]]:
    """The content's rows as the sheet holds them: a votes pair in two cells, "" as empty."""
    rows = []
    for row in part.table.rows:
        cells: list[object] = []
        for column, value in zip(part.table.columns, row, strict=True):
            if column.kind is ColumnKind.VOTES:
                cells += list(value) if isinstance(value, tuple) else [None, None]
            else:
                cells.append(None if value == "" else value)
        rows.append(cells)
    return rows


@pytest.fixture(scope="module")
def demo_content() -> CouncilWorkbook:
    db = build_demo(None)
    try:
        return council_content(load_record(db, 2019))
    finally:
        db.close()


@pytest.fixture(scope="module")
def demo_book(demo_content: CouncilWorkbook) -> openpyxl.Workbook:
    return opened(demo_content)


def test_every_sheet_under_its_header(demo_content: CouncilWorkbook,
                                      demo_book: openpyxl.Workbook) -> None:
    assert demo_book.sheetnames == ["Tổng hợp điểm", "Chi tiết điểm", "Danh sách đề nghị",
                                    "Kết quả bỏ phiếu"]
    assert demo_book.properties.title == "Bảng tính gửi Hội đồng Thi đua - Khen thưởng năm 2019"
    assert demo_book.properties.creator == "Khối thi đua"
    for part in demo_content.sheets:
        sheet = demo_book[part.name]
        width = len(expanded(part.table.columns))
        assert [sheet.cell(r, 1).value for r in range(1, HEADER_ROW)] == [
            "KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH", part.title.upper(),
            "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh", "Năm 2019", None]
        assert [sheet.cell(r, 1).font.b for r in range(1, 5)] == [True, True, False, False]
        merged = {str(m) for m in sheet.merged_cells.ranges}
        last = get_column_letter(width)
        assert {f"A{r}:{last}{r}" for r in range(1, 5)} <= merged
        assert sheet.cell(1, 1).alignment.horizontal == "center"


def test_the_tables_hold_the_content(demo_content: CouncilWorkbook,
                                     demo_book: openpyxl.Workbook) -> None:
    for part in demo_content.sheets:
        sheet = demo_book[part.name]
        columns = expanded(part.table.columns)
        assert values(sheet, HEADER_ROW, len(columns)) == [h for h, _k, _w in columns]
        rows = expected_rows(part)
        assert rows, part.name
        for offset, expected in enumerate(rows, start=1):
            row = HEADER_ROW + offset
            assert values(sheet, row, len(columns)) == pytest.approx(expected), part.name
            for index, (_h, kind, _w) in enumerate(columns, start=1):
                cell = sheet.cell(row, index)
                assert cell.font.name == "Times New Roman"
                assert cell.border.left.style == "thin"
                if cell.value is None:
                    continue
                if kind is ColumnKind.TEXT:
                    assert cell.data_type == "s"
                else:
                    assert cell.data_type == "n" and cell.number_format == FORMATS[kind]
    scores = demo_book["Tổng hợp điểm"]
    assert values(scores, HEADER_ROW + 1, 10) == [
        1, "Cục Thi hành án dân sự tỉnh", 100, 80, 20, 9.6, 0, 109.6, 1, "Xuất sắc"]
    nominations = demo_book["Danh sách đề nghị"]
    assert values(nominations, HEADER_ROW, 7)[5:] == ["Số phiếu", "Tỷ lệ"]
    assert values(nominations, HEADER_ROW + 2, 7)[5:] == [7, 0.875]


def test_print_setup(demo_book: openpyxl.Workbook) -> None:
    for sheet in demo_book.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert sheet.print_title_cols is None
    assert [s.freeze_panes for s in demo_book.worksheets] == ["C7", "C7", "C7", "B7"]


def test_column_widths_and_row_heights(demo_content: CouncilWorkbook,
                                       demo_book: openpyxl.Workbook) -> None:
    for part in demo_content.sheets:
        sheet = demo_book[part.name]
        columns = expanded(part.table.columns)
        for index, (_h, kind, _w) in enumerate(columns, start=1):
            width = sheet.column_dimensions[get_column_letter(index)].width
            assert width >= 6
            if kind is ColumnKind.PERCENT:
                assert width >= len("100.00%") + 2  # never "###"
        for row in range(HEADER_ROW, HEADER_ROW + len(part.table.rows) + 1):
            assert sheet.row_dimensions[row].height >= 15
    assert demo_book["Tổng hợp điểm"].column_dimensions["B"].width >= 20
    achievements = demo_book["Danh sách đề nghị"]
    assert achievements.row_dimensions[HEADER_ROW + 1].height >= 3 * 15  # a long summary


def test_notes_under_the_table(demo_content: CouncilWorkbook,
                               demo_book: openpyxl.Workbook) -> None:
    for part in demo_content.sheets:
        sheet = demo_book[part.name]
        below = HEADER_ROW + len(part.table.rows) + 2
        found = [sheet.cell(below + i, 1).value for i in range(len(part.notes) + 1)]
        assert found == [*part.notes, None]
        if part.notes:
            assert sheet.cell(below, 1).font.i and sheet.cell(below, 1).data_type == "s"


def test_user_text_is_never_a_formula(bloc: Database) -> None:
    link, plus = '=HYPERLINK("http://x","bấm")', "+1"
    pairs = units.members(bloc, 2019)
    units.update_unit(bloc, pairs[0][0].id, name=link)
    units.update_unit(bloc, pairs[1][0].id, name=plus)
    book = opened(council_content(load_record(bloc, 2019)))
    found = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if cell.value in (link, plus):
                    assert cell.data_type == "s" and cell.quotePrefix
                    found += 1
    assert found >= 4  # in the score summary and the detail at least, each name


def test_a_year_without_meeting_keeps_its_sheets(bloc: Database) -> None:
    score_one_unit(bloc, 2020)
    book = opened(council_content(load_record(bloc, 2020)))
    assert len(book.sheetnames) == 4
    ballot = book["Kết quả bỏ phiếu"]
    assert values(ballot, HEADER_ROW, 2) == ["Vòng", "Phát ra"]
    assert ballot.cell(HEADER_ROW + 1, 1).value is None
    assert ballot.cell(HEADER_ROW + 2, 1).value == "Năm 2020 chưa có hội nghị tổng kết."
    assert book["Danh sách đề nghị"].cell(HEADER_ROW + 2, 1).value == (
        "Năm 2020 chưa có đơn vị nào trong danh sách đề nghị khen thưởng.")
    assert ballot.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_a_wide_table_is_split_across_pages() -> None:
    db = wide_bloc()
    try:
        content = council_content(load_record(db, WIDE_YEAR))
    finally:
        db.close()
    book = opened(content)
    detail = book["Chi tiết điểm"]
    assert detail.max_column == 2 + 150 + 3
    assert detail.page_setup.fitToWidth > 1
    assert detail.print_title_cols == "$A:$B"  # the units' names on every page
    title = next(m for m in detail.merged_cells.ranges if m.min_row == 1)
    assert 2 < title.max_col < 40  # the title over the first page's columns
    assert book["Tổng hợp điểm"].page_setup.fitToWidth == 1
    assert len([r for r in detail.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 30)
                if r[1].value]) == 30

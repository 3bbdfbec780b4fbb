"""The self-scoring workbook as a unit opens it: the header, the table with its prefilled
self-scores, only the input cells editable and checked, text never a formula, the hidden
identifiers, A4 printing."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from printing.xlsx_selfscore import HEADERS, HIDDEN, KEYS, SHEET, self_score_workbook
from tests.printing.bad_selfscore import SAMPLE as FORM

HEADER_ROW = 8
ROWS = FORM.rows
ROW = {r.code: HEADER_ROW + 1 + i for i, r in enumerate(ROWS)}


@pytest.fixture(scope="module")
def book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(self_score_workbook(FORM)))


@pytest.fixture(scope="module")
def sheet(book: openpyxl.Workbook) -> Worksheet:
    return book[SHEET]


def check_of(sheet: Worksheet, coordinate: str) -> DataValidation | None:
    found = [v for v in sheet.data_validations.dataValidation if coordinate in v.sqref]
    assert len(found) <= 1
    return found[0] if found else None


def test_the_sheets_and_the_header(book: openpyxl.Workbook, sheet: Worksheet) -> None:
    assert book.sheetnames == [SHEET, HIDDEN]
    assert book[HIDDEN].sheet_state == "veryHidden" and sheet.sheet_state == "visible"
    texts = [sheet.cell(r, 1).value for r in range(1, HEADER_ROW)]
    assert texts[:4] == ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH BẮC NINH",
                         "KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH",
                         "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2019", "Đơn vị: =cmd|' /C calc'!A0"]
    assert str(texts[4]).startswith("Cách điền: chỉ ghi vào các ô trắng.")
    assert "không có điểm tự chấm (điểm đã có bị xóa)" in str(texts[5])
    assert sheet.cell(2, 1).font.b and not sheet.cell(5, 1).font.b
    assert [sheet.cell(HEADER_ROW, c).value for c in range(1, 10)] == [*HEADERS, None]


def test_rows_show_the_table_and_the_prefilled_self_scores(sheet: Worksheet) -> None:
    def values(code: str) -> list[object]:
        return [sheet.cell(ROW[code], c).value for c in range(1, 10)]

    assert values("I")[:3] == ["I", "THỰC HIỆN NHIỆM VỤ", 50]
    assert values("I")[4:] == [None] * 5  # a group takes nothing and has no id
    assert values("1a")[4:] == ["Tự tính", 100, 108, None, 2]
    assert values("1b")[4:] == ["B", None, None, "=SUM(A1) theo biên bản", 3]
    assert values("3")[4] == 2 and values("4")[4] == 3  # points of a qualitative item: a number
    assert values("T1")[4] is None
    guidance = {code: str(values(code)[3]) for code in ROW}
    assert guidance["1a"] == ("Ghi kế hoạch và thực hiện; điểm = thực hiện / kế hoạch × điểm "
                              "tối đa.\nTheo báo cáo năm")
    assert guidance["2b"].startswith("Chỉ tiêu giảm: ghi kế hoạch và thực hiện; điểm = kế "
                                     "hoạch / thực hiện")
    assert guidance["1b"] == "Chọn mức: A = 100 %, B = 80 %, C = 60 %, D = 0 % điểm tối đa."
    assert sheet.cell(ROW["I"], 2).font.b and not sheet.cell(ROW["1a"], 2).font.b
    assert sheet.cell(ROW["1a"], 2).alignment.indent == 1


def test_text_is_never_a_formula(book: openpyxl.Workbook, sheet: Worksheet) -> None:
    for cell in (sheet.cell(ROW["1b"], 2), sheet.cell(ROW["1b"], 8), book[HIDDEN]["B7"]):
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert book[HIDDEN]["B7"].value == "=cmd|' /C calc'!A0"


def test_only_the_input_cells_are_editable(book: openpyxl.Workbook, sheet: Worksheet) -> None:
    assert sheet.protection.sheet and sheet.protection.password
    assert book.security is not None and book.security.lockStructure
    assert book[HIDDEN].protection.sheet

    def open_columns(code: str) -> list[int]:
        return [c for c in range(1, 9) if not sheet.cell(ROW[code], c).protection.locked]

    assert open_columns("I") == []
    assert open_columns("1a") == [6, 7, 8] and open_columns("2b") == [6, 7, 8]
    for code in ("1b", "3", "4", "T1"):
        assert open_columns(code) == [5, 8], code
    assert sheet.cell(ROW["1b"], 8).number_format == "@"  # evidence stays text ("1/2019")
    assert sheet.column_dimensions["I"].hidden  # the criterion ids


def test_input_cells_are_checked_in_vietnamese(sheet: Worksheet) -> None:
    points = check_of(sheet, f"E{ROW['3']}")
    assert points is not None
    assert (points.type, points.operator, points.formula1, points.formula2) == (
        "decimal", "between", "0", "2.5")
    assert points.error == "Ghi một số từ 0 đến 2,5 (điểm tối đa của nội dung), ví dụ 2,5."
    assert points.showErrorMessage and points.allow_blank
    bonus = check_of(sheet, f"E{ROW['T1']}")
    assert bonus is not None and bonus.formula2 == "5.0"
    grades = check_of(sheet, f"E{ROW['1b']}")
    assert grades is not None and (grades.type, grades.formula1) == ("list", '"A,B,C,D"')
    assert grades.error == "Chọn một mức trong danh sách: A, B, C, D."
    for code in ("1a", "2b"):
        for column in "FG":
            plan = check_of(sheet, f"{column}{ROW[code]}")
            assert plan is not None and (plan.type, plan.operator, plan.formula1) == (
                "decimal", "greaterThanOrEqual", "0")
            assert plan.error == "Ghi một số từ 0 trở lên, ví dụ 100 hoặc 95,5."
    assert check_of(sheet, f"E{ROW['1a']}") is None  # computed by the app
    assert check_of(sheet, f"E{ROW['4']}") is None  # a grade with a comma cannot be listed


def test_the_hidden_identifiers(book: openpyxl.Workbook) -> None:
    hidden = book[HIDDEN]
    pairs = [(hidden.cell(r, 1).value, hidden.cell(r, 2).value) for r in range(1, len(KEYS) + 1)]
    assert pairs == [("loai", "phieu_tu_cham"), ("phien_ban", 1),
                     ("khoi", "Khối thi đua các cơ quan nội chính tỉnh"),
                     ("khoi_tao_luc", "2019-01-02T08:00:00"), ("nam", 2019), ("don_vi_id", 42),
                     ("don_vi", "=cmd|' /C calc'!A0"), ("bang_tieu_chi", "0123456789abcdef"),
                     ("dong_tieu_de", HEADER_ROW), ("noi_dung", 6)]
    listed = [tuple(hidden.cell(r, c).value for c in (1, 2, 3))
              for r in range(len(KEYS) + 1, hidden.max_row + 1)]
    assert listed == [(ROW[r.code], r.criterion_id, r.code) for r in ROWS if r.is_input]


def test_it_prints_on_a4_fitted_to_the_width(sheet: Worksheet) -> None:
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9, "landscape", 1, 0)  # 9: A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.print_area == f"'{SHEET}'!$A$1:$H${HEADER_ROW + len(ROWS)}"
    assert sheet.freeze_panes == f"C{HEADER_ROW + 1}"

"""The blank templates as a secretariat opens them in Excel: how to fill them in, the header,
grey example rows the import skips, drop-down lists and number checks, widths, print setup."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from data.imports import criteria_rows, units_list
from data.imports.list_sheet import Column, header_key, is_example
from printing.xlsx_templates import criteria_template, units_template

UNIT_HEADERS = ["STT", "Tên đơn vị (*)", "Tên viết tắt", "Mã", "Họ tên thủ trưởng",
                "Chức vụ thủ trưởng", "Tập thể ≥ 70 % nữ (Có/Không)"]
CRITERIA_HEADERS = ["Mã (*)", "Thuộc mã", "Nội dung (*)", "Loại (*)", "Điểm tối đa (*)",
                    "Lớp điểm có thẩm quyền", "Các mức", "Giảm là tốt (Có/Không)",
                    "Hướng dẫn chấm"]


def opened(make: Callable[[], bytes]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(make()))


def header_row(sheet: Worksheet, first: str) -> int:
    return next(r for r in range(1, 16) if sheet.cell(r, 1).value == first)


def row_values(sheet: Worksheet, row: int) -> list[object]:
    return [c.value for c in sheet[row]][: sheet.max_column]


def validations(sheet: Worksheet) -> dict[str, tuple[str, str | None, str | None]]:
    """Column letter -> (type, operator, formula) of each check."""
    return {str(v.sqref).split(":")[0].rstrip("0123456789"): (v.type, v.operator, v.formula1)
            for v in sheet.data_validations.dataValidation}


def test_units_template_layout() -> None:
    sheet = opened(units_template).worksheets[0]
    assert sheet.title == "Danh sách đơn vị"
    header = header_row(sheet, "STT")
    assert header == 6  # a title and three lines of how to fill it in above it
    assert sheet["A1"].value == "DANH SÁCH ĐƠN VỊ THÀNH VIÊN KHỐI THI ĐUA"
    notes = " ".join(str(sheet.cell(r, 1).value) for r in range(2, header - 1))
    for words in ("Cột có dấu (*) bắt buộc", "Có hoặc Không", "“Ví dụ”", "TCVN3",
                  "không dùng công thức"):
        assert words in notes
    assert row_values(sheet, header) == UNIT_HEADERS
    examples = [row_values(sheet, header + i) for i in (1, 2)]
    assert [e[1] for e in examples] == ["Ví dụ: Sở Tư pháp", "Ví dụ: Bộ Chỉ huy Quân sự tỉnh"]
    for row in (header + 1, header + 2):
        font = sheet.cell(row, 2).font
        assert font.italic and font.color.rgb.endswith("808080")
    assert validations(sheet) == {"G": ("list", None, '"Có,Không"')}
    assert sheet.column_dimensions["B"].width == 46
    assert sheet.cell(header + 3, 4).number_format == "@"  # a code "01" stays "01"
    assert sheet.print_title_rows == "$6:$6"
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1  # A4


def test_criteria_template_layout() -> None:
    book = opened(criteria_template)
    sheet = book.worksheets[0]
    assert book.sheetnames == ["Bảng tiêu chí", "Hướng dẫn"]
    header = header_row(sheet, "Mã (*)")
    assert header == 7
    notes = " ".join(str(sheet.cell(r, 1).value) for r in range(2, header - 1))
    for words in ("Thuộc mã", "A=100%; B=80%; C=60%; D=0", "Giảm là tốt", "Khối chấm",
                  "chưa chấm điểm"):
        assert words in notes
    assert row_values(sheet, header) == CRITERIA_HEADERS
    assert row_values(sheet, header + 2)[:8] == [
        "1", "I", "Ví dụ: Nhiệm vụ đột xuất được cấp trên giao", "Định tính", 10, "Khối chấm",
        "A=100%; B=80%; C=60%; D=0", "Không"]
    assert sheet.cell(header + 1, 3).font.italic
    assert validations(sheet) == {
        "D": ("list", None, '"Nhóm,Định tính,Định lượng,Chấm trực tiếp,Điểm thưởng"'),
        "E": ("decimal", "greaterThanOrEqual", "0"),
        "F": ("list", None, '"Tự chấm,Khối chấm,Hội đồng chấm"'),
        "H": ("list", None, '"Có,Không"'),
    }
    assert sheet.page_setup.orientation == "landscape"
    help_sheet = book["Hướng dẫn"]
    kinds = [help_sheet.cell(r, 1).value for r in range(4, 9)]
    assert kinds == ["Nhóm", "Định tính", "Định lượng", "Chấm trực tiếp", "Điểm thưởng"]


@pytest.mark.parametrize(("make", "first", "columns"), [
    (units_template, "STT", units_list.COLUMNS),
    (criteria_template, "Mã (*)", criteria_rows.COLUMNS),
])
def test_every_header_is_one_the_import_knows(make: Callable[[], bytes], first: str,
                                              columns: tuple[Column, ...]) -> None:
    sheet = opened(make).worksheets[0]
    header = header_row(sheet, first)
    keys = [header_key(str(v)) for v in row_values(sheet, header)]
    assert keys == [header_key(c.header) for c in columns]
    main = 2 if first == "STT" else 3
    assert all(is_example(str(sheet.cell(header + i, main).value)) for i in (1, 2))


@pytest.mark.parametrize("make", [units_template, criteria_template])
def test_the_templates_hold_no_formula(make: Callable[[], bytes]) -> None:
    book = opened(make)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)

"""Blank workbooks a new secretariat fills in to bring in what it inherits: the member units and
the criteria table. Each has the way to fill it in written above the table, two grey example
rows (their main text begins with "Ví dụ", so the import skips them), drop-down lists and
checks where a cell takes only some values, and the print setup of the app's other workbooks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from data.documents.content import Cell
from printing.xlsx_cells import BOX, FONT, header_block, print_setup, put, workbook_bytes

BLANK_ROWS = 40  # bordered empty rows under the examples (more may be typed below)
CHECKED_ROWS = 500  # rows the drop-down lists and number checks cover
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
EXAMPLE_FONT = Font(name=FONT, size=12, italic=True, color="808080")
YES_NO = ("Có", "Không")
KINDS = ("Nhóm", "Định tính", "Định lượng", "Chấm trực tiếp", "Điểm thưởng")
LAYERS = ("Tự chấm", "Khối chấm", "Hội đồng chấm")


@dataclass(frozen=True)
class Field:
    """A column of a template: its header, width, and what its cells may hold."""

    header: str
    width: float
    choices: tuple[str, ...] = ()  # a drop-down list
    number: bool = False  # a number >= 0
    text: bool = False  # stored as text even when it looks like a number ("1.1")


UNIT_FIELDS = (
    Field("STT", 6),
    Field("Tên đơn vị (*)", 46),
    Field("Tên viết tắt", 16),
    Field("Mã", 10, text=True),
    Field("Họ tên thủ trưởng", 24),
    Field("Chức vụ thủ trưởng", 20),
    Field("Tập thể ≥ 70 % nữ (Có/Không)", 14, choices=YES_NO),
)
UNIT_NOTES = (
    "Cách điền: mỗi dòng một đơn vị, ghi đúng tên đầy đủ của đơn vị (tên in trên mọi văn bản "
    "của Khối). Cột có dấu (*) bắt buộc, các cột khác để trống được.",
    "Đơn vị đã có trong khối được nhận ra theo tên (không phân biệt chữ hoa, chữ thường, vị trí "
    "dấu thanh): không thêm trùng, chỉ thêm vào năm và cập nhật thủ trưởng, chức vụ. Cột “Tập "
    "thể ≥ 70 % nữ”: Có hoặc Không.",
    "Hai dòng “Ví dụ” (chữ nghiêng, màu xám) được bỏ qua khi nhập: ghi đè lên hoặc xóa đi. Gõ "
    "chữ Unicode (không dùng bảng mã TCVN3, VNI), không dùng công thức.",
)
UNIT_EXAMPLES: tuple[tuple[Cell, ...], ...] = (
    ("Ví dụ", "Ví dụ: Sở Tư pháp", "Sở Tư pháp", "STP", "Nguyễn Thị Thu Hà", "Giám đốc",
     "Có"),
    ("Ví dụ", "Ví dụ: Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCHQS", "Vũ Đình Thắng",
     "Chỉ huy trưởng", "Không"),
)

CRITERIA_FIELDS = (
    Field("Mã (*)", 8, text=True),
    Field("Thuộc mã", 9, text=True),
    Field("Nội dung (*)", 50),
    Field("Loại (*)", 15, choices=KINDS),
    Field("Điểm tối đa (*)", 10, number=True),
    Field("Lớp điểm có thẩm quyền", 16, choices=LAYERS),
    Field("Các mức", 24),
    Field("Giảm là tốt (Có/Không)", 10, choices=YES_NO),
    Field("Hướng dẫn chấm", 40),
)
CRITERIA_NOTES = (
    "Mỗi dòng một mục: phần (I, II…), tiêu chí (1, 2…) hoặc nội dung chấm (1a, 1b…). Mã không "
    "được trùng; “Thuộc mã” ghi mã của mục cha (để trống với một phần), mục cha ghi ở dòng nào "
    "cũng được.",
    "Loại: Nhóm (có mục con), Định tính (chấm theo mức), Định lượng (thực hiện so với kế "
    "hoạch), Chấm trực tiếp, Điểm thưởng. Điểm tối đa của mục con không vượt của mục cha, tổng "
    "các mục con không vượt điểm của nhóm.",
    "Các mức (nội dung định tính): “A=100%; B=80%; C=60%; D=0” (để trống: dùng các mức này). "
    "Giảm là tốt: Có khi chỉ tiêu càng thấp càng tốt. Lớp điểm có thẩm quyền: Tự chấm, Khối "
    "chấm (để trống: Khối chấm), Hội đồng chấm.",
    "Hai dòng “Ví dụ” (chữ nghiêng, màu xám) được bỏ qua khi nhập. Gõ chữ Unicode, không dùng "
    "công thức. Chỉ nhập vào năm chưa có bảng tiêu chí, hoặc có bảng nhưng chưa chấm điểm.",
)
CRITERIA_EXAMPLES: tuple[tuple[Cell, ...], ...] = (
    ("I", "", "Ví dụ: THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN", "Nhóm", 50, "Khối chấm", "",
     "", ""),
    ("1", "I", "Ví dụ: Nhiệm vụ đột xuất được cấp trên giao", "Định tính", 10, "Khối chấm",
     "A=100%; B=80%; C=60%; D=0", "Không",
     "A: hoàn thành xuất sắc; B: hoàn thành tốt; C: hoàn thành; D: không hoàn thành"),
)
KIND_HELP = (
    ("Nhóm", "Phần hoặc tiêu chí có các mục con; điểm là tổng điểm các mục con.", "—"),
    ("Định tính", "Chấm theo mức A, B, C, D…; mỗi mức là một tỷ lệ của điểm tối đa.",
     "Các mức"),
    ("Định lượng", "Điểm = thực hiện / kế hoạch × điểm tối đa (chỉ tiêu giảm: kế hoạch / "
     "thực hiện).", "Giảm là tốt"),
    ("Chấm trực tiếp", "Ghi thẳng số điểm, từ 0 đến điểm tối đa.", "—"),
    ("Điểm thưởng", "Cộng ngoài tổng điểm của bảng, trong mức thưởng tối đa của quy chế.", "—"),
)


def _notes(sheet: Worksheet, title: str, notes: Sequence[str], width: int) -> int:
    """The title and the notes above the table; returns the header row."""
    header_row = header_block(sheet, [(title, True)] + [(n, False) for n in notes], width)
    for row in range(2, len(notes) + 2):
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="left",
                                                             vertical="center", wrap_text=True)
        sheet.row_dimensions[row].height = 33
    return header_row


def _validation(sheet: Worksheet, field: Field, column: str, first: int) -> None:
    area = f"{column}{first}:{column}{first + CHECKED_ROWS - 1}"
    if field.choices:
        check = DataValidation(type="list", formula1='"' + ",".join(field.choices) + '"',
                               allow_blank=True)
        check.error = f"Chọn một trong: {', '.join(field.choices)}."
    elif field.number:
        check = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                               allow_blank=True)
        check.error = "Ghi một số từ 0 trở lên, ví dụ 10 hoặc 2,5."
    else:
        return
    check.errorTitle = field.header
    check.showErrorMessage = True
    sheet.add_data_validation(check)
    check.add(area)


def _table(sheet: Worksheet, header_row: int, fields: Sequence[Field],
           examples: Sequence[Sequence[Cell]]) -> None:
    for index, field in enumerate(fields, start=1):
        cell = put(sheet, header_row, index, field.header, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border, cell.fill = BOX, HEADER_FILL
        column = get_column_letter(index)
        sheet.column_dimensions[column].width = field.width
        _validation(sheet, field, column, header_row + 1)
    for offset, values in enumerate(examples, start=1):
        for index, value in enumerate(values, start=1):
            cell = put(sheet, header_row + offset, index, value)
            cell.font = EXAMPLE_FONT
    first_blank = header_row + len(examples) + 1
    for row in range(header_row + 1, first_blank + BLANK_ROWS):
        for index, field in enumerate(fields, start=1):
            cell = sheet.cell(row=row, column=index)
            cell.border = BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if row >= first_blank:
                cell.font = Font(name=FONT, size=12)
                if field.text:
                    cell.number_format = "@"
    print_setup(sheet, header_row, len(fields))


def units_template() -> bytes:
    """The blank list of member units, as the bytes of an .xlsx file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách đơn vị"
    header_row = _notes(sheet, "DANH SÁCH ĐƠN VỊ THÀNH VIÊN KHỐI THI ĐUA", UNIT_NOTES,
                        len(UNIT_FIELDS))
    _table(sheet, header_row, UNIT_FIELDS, UNIT_EXAMPLES)
    return workbook_bytes(book)


def _kind_help(book: Workbook) -> None:
    sheet = book.create_sheet("Hướng dẫn")
    header_row = header_block(sheet, [("CÁC LOẠI MỤC TRONG BẢNG TIÊU CHÍ", True)], 3)
    for index, (header, width) in enumerate((("Loại", 16), ("Cách tính điểm", 60),
                                             ("Cột ghi thêm", 14)), start=1):
        cell = put(sheet, header_row, index, header, bold=True)
        cell.border, cell.fill = BOX, HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = width
    for offset, values in enumerate(KIND_HELP, start=1):
        for index, value in enumerate(values, start=1):
            cell = put(sheet, header_row + offset, index, value)
            cell.border = BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    print_setup(sheet, header_row, 3, landscape=False)


def criteria_template() -> bytes:
    """The blank criteria table, as the bytes of an .xlsx file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Bảng tiêu chí"
    header_row = _notes(sheet, "BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA", CRITERIA_NOTES,
                        len(CRITERIA_FIELDS))
    _table(sheet, header_row, CRITERIA_FIELDS, CRITERIA_EXAMPLES)
    _kind_help(book)
    return workbook_bytes(book)

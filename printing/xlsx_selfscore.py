"""A unit's self-scoring workbook (phiếu tự chấm): the year's criteria table with the unit's
current self-scores, only the input cells editable and checked as they are typed, and hidden
identifiers (a very hidden sheet, a hidden column of criterion ids) so the app knows the file
when the unit sends it back."""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from data.documents.content import Cell
from data.imports.self_score_model import (  # noqa: F401 (the layout, re-exported)
    ACTUAL,
    CODE,
    EVIDENCE,
    GUIDE,
    HEADERS,
    HIDDEN,
    ID,
    KEYS,
    MARKER,
    MAX,
    PLAN,
    POINTS,
    SHEET,
    TITLE,
    FormRow,
    SelfScoreForm,
)
from data.model import NodeKind
from data.vntext import format_number, format_percent
from printing.xlsx_cells import BOX, FONT, header_block, print_setup, put, workbook_bytes

PASSWORD = "tuchamkhoi"  # sheet protection against slips, not a secret (docs/cli.md says it)
WIDTHS = (7.0, 46.0, 9.0, 34.0, 13.0, 11.0, 11.0, 34.0)
NOTES = (
    "Cách điền: chỉ ghi vào các ô trắng. Nội dung định tính: chọn mức trong danh sách. Chấm "
    "trực tiếp và điểm thưởng: ghi số điểm, từ 0 đến điểm tối đa. Định lượng: ghi Kế hoạch và "
    "Thực hiện, phần mềm tự tính điểm. Cột Minh chứng: số, ngày văn bản, tài liệu chứng minh.",
    "Để trống ô điểm của nội dung nào thì nội dung đó không có điểm tự chấm (điểm đã có bị "
    "xóa). Không thêm, xóa, chuyển dòng hay đổi tên trang; gõ chữ Unicode (không dùng bảng mã "
    "TCVN3, VNI), không dùng công thức. Lưu dạng .xlsx rồi gửi lại Thường trực Khối.",
)
GROUP_FILL = PatternFill("solid", fgColor="E7E6E6")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
OFF_FILL = PatternFill("solid", fgColor="F2F2F2")  # a cell that takes nothing on this row
OPEN = Protection(locked=False)
CENTRED = (CODE, MAX, PLAN, ACTUAL)
LINE_HEIGHT = 15.75  # points per line of 12 pt Times New Roman


def kind_hint(row: FormRow) -> str:
    """How the item is scored, in a line above its guidance."""
    if row.kind is NodeKind.QUALITATIVE:
        shares = ", ".join(f"{g} = {format_percent(s)}" for g, s in row.grades)
        return f"Chọn mức: {shares} điểm tối đa."
    if row.kind is NodeKind.QUANTITATIVE:
        if row.reduce:
            return ("Chỉ tiêu giảm: ghi kế hoạch và thực hiện; điểm = kế hoạch / thực hiện × "
                    "điểm tối đa.")
        return "Ghi kế hoạch và thực hiện; điểm = thực hiện / kế hoạch × điểm tối đa."
    if row.kind is NodeKind.BONUS:
        return "Điểm thưởng: ghi số điểm được thưởng, từ 0 đến điểm tối đa."
    if row.kind is NodeKind.NUMERIC:
        return "Ghi số điểm, từ 0 đến điểm tối đa."
    return ""


def _lines(text: str, width: float, bold: bool = False) -> int:
    """Lines a wrapped text takes in a column (Times New Roman: ~1.25 characters per unit of
    width; capitals and bold are wider)."""
    per_line = width * 1.25 / (1.35 if text.isupper() else 1) / (1.1 if bold else 1)
    per_line = max(1, int(per_line))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _validation(checks: dict[tuple[object, ...], DataValidation], key: tuple[object, ...],
                cell: str) -> None:
    check = checks.get(key)
    if check is None:
        if key[0] == "grades":
            names = [str(g) for g in key[1:]]
            check = DataValidation(type="list", formula1='"' + ",".join(names) + '"',
                                   allow_blank=True)
            check.error = f"Chọn một mức trong danh sách: {', '.join(names)}."
            check.errorTitle = "Mức tự chấm"
        elif key[0] == "points":
            top = float(key[1]) if isinstance(key[1], int | float) else 0.0
            check = DataValidation(type="decimal", operator="between", formula1="0",
                                   formula2=repr(round(top, 6)), allow_blank=True)
            check.error = (f"Ghi một số từ 0 đến {format_number(top)} (điểm tối đa của nội "
                           "dung), ví dụ 2,5.")
            check.errorTitle = "Điểm tự chấm"
        else:
            check = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                   allow_blank=True)
            check.error = "Ghi một số từ 0 trở lên, ví dụ 100 hoặc 95,5."
            check.errorTitle = "Kế hoạch, thực hiện"
        check.showErrorMessage = True
        checks[key] = check
    check.add(cell)


def _listable(grades: Sequence[tuple[str, float]]) -> bool:
    names = [g for g, _ in grades]
    return bool(names) and all("," not in g and '"' not in g for g in names) and len(
        ",".join(names)) < 250


def _input_cells(sheet: Worksheet, row: int, item: FormRow,
                 checks: dict[tuple[object, ...], DataValidation]) -> None:
    """The editable cells of an item's row, prefilled, each with its check."""
    points = sheet.cell(row=row, column=POINTS)
    if item.kind is NodeKind.QUANTITATIVE:
        put(sheet, row, POINTS, "Tự tính", size=11).font = Font(name=FONT, size=11, italic=True,
                                                                 color="7F7F7F")
        for column, value in ((PLAN, item.plan), (ACTUAL, item.actual)):
            cell = put(sheet, row, column, value)
            cell.number_format, cell.protection = "General", OPEN
            _validation(checks, ("quantity",), cell.coordinate)
    else:
        for column in (PLAN, ACTUAL):
            sheet.cell(row=row, column=column).fill = OFF_FILL
        if item.kind is NodeKind.QUALITATIVE:
            shown = item.grade if item.grade is not None else item.points
            points = put(sheet, row, POINTS, shown)
            if item.grade is not None or item.points is None:
                points.number_format = "@"
            if _listable(item.grades):
                _validation(checks, ("grades", *(g for g, _ in item.grades)), points.coordinate)
        else:
            points = put(sheet, row, POINTS, item.points)
            points.number_format = "General"
            _validation(checks, ("points", item.max_points), points.coordinate)
        points.protection = OPEN
    points.alignment = Alignment(horizontal="center", vertical="top")
    evidence = put(sheet, row, EVIDENCE, item.note)
    evidence.number_format, evidence.protection = "@", OPEN
    put(sheet, row, ID, item.criterion_id).number_format = "0"


def _row(sheet: Worksheet, row: int, item: FormRow,
         checks: dict[tuple[object, ...], DataValidation]) -> None:
    bold = not item.is_input
    guidance = "\n".join(t for t in (kind_hint(item), item.guidance) if t)
    put(sheet, row, CODE, item.code, bold=bold)
    put(sheet, row, TITLE, item.title, bold=bold).alignment = Alignment(
        wrap_text=True, vertical="top", indent=min(item.depth, 4))
    put(sheet, row, MAX, item.max_points, bold=bold).number_format = "General"
    put(sheet, row, GUIDE, guidance, size=11)
    if item.is_input:
        _input_cells(sheet, row, item, checks)
    lines = max(_lines(item.title, WIDTHS[TITLE - 1] - 2 * item.depth, bold),
                _lines(guidance, WIDTHS[GUIDE - 1] * 12 / 11), _lines(item.note, WIDTHS[-1]))
    sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2
    for column in range(CODE, EVIDENCE + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border = BOX
        if column not in (TITLE, POINTS):
            cell.alignment = Alignment(wrap_text=True, vertical="top",
                                       horizontal="center" if column in CENTRED else None)
        if bold:
            cell.fill = GROUP_FILL


def _identifiers(book: Workbook, form: SelfScoreForm, header_row: int,
                 inputs: Sequence[tuple[int, FormRow]]) -> None:
    hidden = book.create_sheet(HIDDEN)
    values: tuple[Cell, ...] = (MARKER, form.version, form.bloc, form.bloc_created, form.year,
                                form.unit_id, form.unit_name, form.fingerprint, header_row,
                                len(inputs))
    for row, (key, value) in enumerate(zip(KEYS, values, strict=True), start=1):
        put(hidden, row, 1, key)
        put(hidden, row, 2, value).number_format = "General"
    for row, (number, item) in enumerate(inputs, start=len(KEYS) + 1):
        line: tuple[Cell, ...] = (number, item.criterion_id, item.code)
        for column, value in enumerate(line, start=1):
            put(hidden, row, column, value).number_format = "General"
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    hidden.protection.password = PASSWORD


def _header(sheet: Worksheet, form: SelfScoreForm) -> int:
    lines = [(form.council.upper(), False), (form.bloc.upper(), True),
             (f"PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM {form.year}", True),
             (f"Đơn vị: {form.unit_name}", True)] + [(n, False) for n in NOTES]
    lines = [(text, bold) for text, bold in lines if text]
    header_row = header_block(sheet, lines, len(HEADERS))
    for row, note in enumerate(NOTES, start=header_row - 1 - len(NOTES)):
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="left", vertical="top",
                                                             wrap_text=True)
        sheet.row_dimensions[row].height = LINE_HEIGHT * (_lines(note, sum(WIDTHS)) + 0.5)
    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = put(sheet, header_row, column, header, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border, cell.fill = BOX, HEADER_FILL
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[header_row].height = LINE_HEIGHT * 2 + 4
    return header_row


def self_score_workbook(form: SelfScoreForm) -> bytes:
    """The unit's self-scoring workbook, as the bytes of an .xlsx file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    header_row = _header(sheet, form)
    checks: dict[tuple[object, ...], DataValidation] = {}
    inputs: list[tuple[int, FormRow]] = []
    for row, item in enumerate(form.rows, start=header_row + 1):
        _row(sheet, row, item, checks)
        if item.is_input:
            inputs.append((row, item))
    for check in checks.values():
        sheet.add_data_validation(check)
    sheet.column_dimensions[get_column_letter(ID)].hidden = True
    print_setup(sheet, header_row, len(HEADERS))
    sheet.print_area = f"A1:{get_column_letter(EVIDENCE)}{header_row + len(form.rows)}"
    sheet.protection.sheet = True
    sheet.protection.password = PASSWORD
    sheet.protection.formatRows = sheet.protection.formatColumns = False  # allowed
    _identifiers(book, form, header_row, inputs)
    book.security = WorkbookProtection(workbookPassword=PASSWORD, lockStructure=True)
    return workbook_bytes(book)

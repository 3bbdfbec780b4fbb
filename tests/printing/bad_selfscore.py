"""Self-scoring workbooks for the tests: exported from a bloc, filled in as a unit would (openpyxl
opening and saving the file normally), and a corpus of workbooks the import must refuse, each
with the message expected and whether it points at an item's row."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook

from data import units
from data.criteria import criteria, update_criterion
from data.db import Database
from data.demo import build_demo
from data.imports.self_score_form import form_content
from data.imports.self_score_model import FormRow, SelfScoreForm
from data.imports.workbook import OLE_MAGIC
from data.membership_moves import remove_unit
from data.model import DEFAULT_GRADES, NodeKind
from printing.xlsx_selfscore import (
    ACTUAL,
    EVIDENCE,
    HIDDEN,
    PLAN,
    POINTS,
    SHEET,
    self_score_workbook,
)

YEAR = 2019
UNIT = "Công an tỉnh"  # self-scored on every item of the demo's 2019
TCVN3 = "Së Néi vô"  # "Sở Nội vụ" typed with a TCVN3 (.VnTime) font
VNI = "Sôû Tö phaùp"  # "Sở Tư pháp" typed with a VNI font

# a form with every kind of row, text that looks like formulas, and no bloc behind it
SAMPLE_ROWS = (
    FormRow(1, "I", "THỰC HIỆN NHIỆM VỤ", NodeKind.GROUP, 50, "", 0, False),
    FormRow(2, "1a", "Chỉ tiêu chuyên môn", NodeKind.QUANTITATIVE, 20, "Theo báo cáo năm", 1,
            True, plan=100, actual=108, points=20),
    FormRow(3, "1b", "=1+1 nhiệm vụ đột xuất", NodeKind.QUALITATIVE, 10, "", 1, True,
            DEFAULT_GRADES, grade="B", points=8, note="=SUM(A1) theo biên bản"),
    FormRow(4, "2b", "Hồ sơ quá hạn", NodeKind.QUANTITATIVE, 5, "", 1, True, reduce=True),
    FormRow(5, "3", "Chấm trực tiếp", NodeKind.NUMERIC, 2.5, "", 1, True, points=2),
    FormRow(6, "4", "Mức có dấu phẩy", NodeKind.QUALITATIVE, 5, "", 1, True,
            (("Tốt, đủ", 1.0), ("Chưa", 0.0)), points=3),
    FormRow(7, "T1", "Sáng kiến", NodeKind.BONUS, 5, "", 0, True),
)
SAMPLE = SelfScoreForm("Khối thi đua các cơ quan nội chính tỉnh", "2019-01-02T08:00:00",
                       "Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh", 2019, 42,
                       "=cmd|' /C calc'!A0", "0123456789abcdef", SAMPLE_ROWS)
COLUMNS = {"points": POINTS, "plan": PLAN, "actual": ACTUAL, "evidence": EVIDENCE}


def unit_id(db: Database, name: str = UNIT) -> int:
    """A unit's id by name."""
    unit = units.find_unit(db, name)
    assert unit is not None
    return unit.id


def exported(db: Database, name: str = UNIT, year: int = YEAR) -> bytes:
    """The unit's workbook as the app exports it."""
    return self_score_workbook(form_content(db, year, unit_id(db, name)))


def rows_by_code(book: Workbook) -> dict[str, int]:
    """Row number of each item code on the visible sheet (below the header)."""
    sheet = book[SHEET]
    header = next(r for r in range(1, 30) if sheet.cell(r, 1).value == "Mã")
    return {str(sheet.cell(r, 1).value): r for r in range(header + 1, sheet.max_row + 1)
            if sheet.cell(r, 1).value is not None}


def edit(data: bytes, path: Path, change: Callable[[Workbook], None]) -> Path:
    """The workbook opened, changed and saved as Excel users do (not read-only)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    change(book)
    book.save(path)
    return path


def fill(data: bytes, path: Path, values: Mapping[str, Mapping[str, object]]) -> Path:
    """Type values into items' cells: {"1b": {"points": "B", "evidence": "…"}}."""
    def typed(book: Workbook) -> None:
        where = rows_by_code(book)
        for code, cells in values.items():
            for column, value in cells.items():
                book[SHEET].cell(where[code], COLUMNS[column]).value = value
    return edit(data, path, typed)


Make = Callable[[Database, Path], Path]


def filled(values: Mapping[str, Mapping[str, object]]) -> Make:
    return lambda db, path: fill(exported(db), path, values)


def edited(change: Callable[[Workbook], None]) -> Make:
    return lambda db, path: edit(exported(db), path, change)


def raw(data: bytes) -> Make:
    def make(db: Database, path: Path) -> Path:
        path.write_bytes(data)
        return path
    return make


def _other_unit(db: Database, path: Path) -> Path:
    """A unit that left the bloc (removed) after its workbook was sent."""
    unit = units.add_unit(db, "Sở Y tế", year=YEAR)
    data = exported(db, "Sở Y tế")
    remove_unit(db, unit.id)
    path.write_bytes(data)
    return path


def _other_bloc(db: Database, path: Path) -> Path:
    other = build_demo(None)
    try:
        other.conn.execute("UPDATE bloc SET name = 'Khối thi đua các Ban Đảng tỉnh',"
                           " created_at = '2018-01-02T08:00:00'")
        path.write_bytes(exported(other))
    finally:
        other.close()
    return path


def _same_name_bloc(db: Database, path: Path) -> Path:
    other = build_demo(None)
    try:
        other.conn.execute("UPDATE bloc SET created_at = '2018-01-02T08:00:00'")
        path.write_bytes(exported(other))
    finally:
        other.close()
    return path


def _table_changed(db: Database, path: Path) -> Path:
    path.write_bytes(exported(db))
    node = next(n for n in criteria(db, YEAR) if n.code == "T2")
    update_criterion(db, replace(node, max_points=4.0))
    return path


def _year_2020(db: Database, path: Path) -> Path:
    path.write_bytes(exported(db, year=2020))
    return path


def _blank_book() -> bytes:
    """An empty workbook (one blank sheet)."""
    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


def _truncated(db: Database, path: Path) -> Path:
    data = exported(db)
    path.write_bytes(data[: len(data) // 2])
    return path


def _endless(db: Database, path: Path) -> Path:
    def lengthen(book: Workbook) -> None:
        sheet = book[SHEET]
        for row in range(200, 50_200):
            sheet.cell(row, EVIDENCE).value = "x"
    return edit(exported(db), path, lengthen)


def _bomb(db: Database, path: Path) -> Path:
    """A zip whose sheet XML unpacks to more than 64 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"<row><c><v>1</v></c></row>" * 40_000
            for _ in range(65 * 1024 * 1024 // len(chunk) + 1):
                member.write(chunk)
    return path


def _swap_rows(book: Workbook) -> None:
    sheet, where = book[SHEET], rows_by_code(book)
    a, b = where["1b"], where["3a"]
    for column in range(1, 10):
        first, second = sheet.cell(a, column), sheet.cell(b, column)
        first.value, second.value = second.value, first.value


def _set_hidden(key_row: int, value: object) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        book[HIDDEN].cell(key_row, 2).value = value
    return change


@dataclass(frozen=True)
class Bad:
    """A workbook the import must refuse: its file name, how to make it, the message expected
    (part of it) and the item code the problem names ("" for the whole file)."""

    name: str
    make: Make
    message: str
    item: str = ""


CORPUS: tuple[Bad, ...] = (
    Bad("don-vi-khac.xlsx", _other_unit, "“Sở Y tế” không là thành viên khối năm 2019"),
    Bad("nam-khac.xlsx", _year_2020,
        "Đây là phiếu tự chấm năm 2020, không nhập được vào năm 2019."),
    Bad("khoi-khac.xlsx", _other_bloc, "Phiếu này của khối “Khối thi đua các Ban Đảng tỉnh”, "
        "không phải khối đang mở “Khối thi đua các cơ quan nội chính tỉnh”"),
    Bad("khoi-cung-ten.xlsx", _same_name_bloc, "xuất từ một tệp khối khác cùng tên"),
    Bad("bang-doi.xlsx", _table_changed,
        "Bảng tiêu chí năm 2019 đã thay đổi sau khi xuất phiếu này"),
    Bad("xoa-dong.xlsx", edited(lambda b: b[SHEET].delete_rows(rows_by_code(b)["1b"])),
        "Cấu trúc phiếu “xoa-dong.xlsx” đã bị sửa: dòng 12 phải là nội dung “1b”"),
    Bad("doi-dong.xlsx", edited(_swap_rows), "dòng 12 phải là nội dung “1b”"),
    Bad("chen-cot.xlsx", edited(lambda b: b[SHEET].insert_cols(3)),
        "dòng tiêu đề (dòng 8) không còn như khi xuất"),
    Bad("mat-trang-an.xlsx", edited(lambda b: b.remove(b[HIDDEN])),
        "không phải phiếu tự chấm của phần mềm: thiếu phần định danh ẩn"),
    Bad("doi-ten-trang.xlsx", edited(lambda b: setattr(b[SHEET], "title", "Sheet1")),
        "không còn trang “Tự chấm”"),
    Bad("phien-ban.xlsx", edited(_set_hidden(2, 9)), "một phiên bản khác của phần mềm"),
    Bad("dinh-danh-sua.xlsx", edited(_set_hidden(6, "năm")), "phần định danh ẩn của phiếu bị sửa"),
    Bad("vuot-toi-da.xlsx", filled({"T1": {"points": 7}}),
        "Điểm 7 vượt điểm tối đa 5 của nội dung “T1”.", "T1"),
    Bad("am.xlsx", filled({"T2": {"points": -1}}), "Điểm không được âm.", "T2"),
    Bad("chu-trong-so.xlsx", filled({"T1": {"points": "mười"}}),
        "Điểm: “mười” không phải là số.", "T1"),
    Bad("ke-hoach-chu.xlsx", filled({"1a": {"plan": "một trăm"}}),
        "Kế hoạch: “một trăm” không phải là số.", "1a"),
    Bad("cong-thuc.xlsx", filled({"T1": {"points": "=2+3"}}),
        "Cột “Điểm tự chấm / Mức”: ô có công thức “=2+3”.", "T1"),
    Bad("muc-sai.xlsx", filled({"1b": {"points": "E"}}),
        "Mức “E” không có trong thang của nội dung “1b”; các mức được dùng: A, B, C, D.", "1b"),
    Bad("tcvn3.xlsx", filled({"4": {"evidence": TCVN3}}),
        "Cột “Minh chứng”: “Së Néi vô” có vẻ gõ bằng bảng mã TCVN3 (đọc ra là “Sở Nội vụ”)",
        "4"),
    Bad("vni.xlsx", filled({"5": {"evidence": VNI}}),
        "có vẻ gõ bằng bảng mã VNI (đọc ra là “Sở Tư pháp”)", "5"),
    Bad("ke-hoach-0.xlsx", filled({"2a": {"plan": 0, "actual": 5}}),
        "Kế hoạch của nội dung “2a” phải lớn hơn 0.", "2a"),
    Bad("thieu-thuc-hien.xlsx", filled({"2a": {"actual": None}}),
        "Nội dung định lượng cần ghi cả Kế hoạch và Thực hiện (còn thiếu Thực hiện).", "2a"),
    Bad("minh-chung-khong-diem.xlsx", filled({"6a": {"points": None, "evidence": "Giấy mời"}}),
        "Có minh chứng nhưng chưa tự chấm", "6a"),
    Bad("rong.xlsx", raw(b""), "không phải tệp Excel (.xlsx)"),
    Bad("so-trang.xlsx", raw(_blank_book()), "không phải phiếu tự chấm của phần mềm"),
    Bad("cut.xlsx", _truncated, "bị hỏng hoặc chưa tải về hết"),
    Bad("van-ban.xlsx", raw("Phiếu tự chấm\n".encode()), "không phải tệp Excel (.xlsx)"),
    Bad("cu.xls", raw(OLE_MAGIC + bytes(504)), "là tệp Excel 97-2003 (.xls)"),
    Bad("mat-khau.xlsx", raw(OLE_MAGIC + bytes(504)), "được đặt mật khẩu"),
    Bad("dai.xlsx", _endless, "có hơn 5000 dòng"),
    Bad("bom.xlsx", _bomb, "giải nén ra quá lớn"),
)


"""Opening a workbook someone sent: what is refused before it costs memory (an .xls, a
password-protected file, a damaged or truncated one, a zip bomb, endless rows), and cells as
plain values with formulas marked, never evaluated, text NFC."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest

from data.imports.workbook import OLE_MAGIC, Value, WorkbookError, open_workbook, rows


def book(path: Path, cells: dict[str, object], *, text: dict[str, str] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Trang 1"
    for coordinate, value in cells.items():
        sheet[coordinate] = value
    for coordinate, value in (text or {}).items():
        sheet[coordinate] = value
        sheet[coordinate].data_type = "s"
        sheet[coordinate].quotePrefix = True
    workbook.save(path)
    return path


def read(path: Path, sheet: str = "Trang 1", **limits: int) -> list[tuple[int, tuple[Value, ...]]]:
    workbook = open_workbook(path)
    try:
        return list(rows(workbook, sheet, file_name=path.name, **limits))
    finally:
        workbook.close()


def bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"<row/>" * 100_000
            for _ in range(size // len(chunk) + 1):
                member.write(chunk)
    return path


def package(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as out:
        for name, content in members.items():
            out.writestr(name, content)
    return path


REFUSED = [
    ("cu.xls", lambda p: p.write_bytes(OLE_MAGIC + bytes(504)), "là tệp Excel 97-2003 (.xls)"),
    ("mat-khau.xlsx", lambda p: p.write_bytes(OLE_MAGIC + bytes(504)),
     "được đặt mật khẩu (mã hóa)"),
    ("van-ban.xlsx", lambda p: p.write_text("STT;Tên đơn vị\n", encoding="utf-8"),
     "không phải tệp Excel (.xlsx)"),
    ("rong.xlsx", lambda p: p.write_bytes(b""), "không phải tệp Excel (.xlsx)"),
    ("word.xlsx", lambda p: package(p, {"word/document.xml": "<w:document/>"}),
     "thiếu phần sổ làm việc"),
    ("bom.xlsx", lambda p: bomb(p, 65 * 1024 * 1024), "giải nén ra quá lớn"),
    ("nen-qua-muc.xlsx", lambda p: bomb(p, 8 * 1024 * 1024), "giải nén ra quá lớn"),  # ratio
    ("noi-dung-hong.xlsx", lambda p: package(p, {"xl/workbook.xml": "<không phải xml"}),
     "Excel mở được nhưng nội dung không đọc được"),
]


@pytest.mark.parametrize(("name", "make", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_file_that_is_not_a_sound_workbook_is_refused(tmp_path: Path, name: str,
                                                        make: object, message: str) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    with pytest.raises(WorkbookError, match=re.escape(message)):
        open_workbook(path)


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    whole = book(tmp_path / "day-du.xlsx", {"A1": "Tên đơn vị", "A2": "Sở Tư pháp"})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[:-200])
    with pytest.raises(WorkbookError, match="Tệp “cut.xlsx” bị hỏng hoặc chưa tải về hết"):
        open_workbook(cut)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match="Không tìm thấy tệp “khong-co.xlsx”"):
        open_workbook(tmp_path / "khong-co.xlsx")


def test_cells_come_back_as_values_formulas_marked_text_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Sở Tư pháp")
    path = book(tmp_path / "a.xlsx", {"A1": nfd, "B1": 9.5, "C1": 10, "D1": True,
                                      "A3": "=SUM(B1:C1)", "B3": "  có khoảng trắng  "},
                text={"C3": "=Sở Y tế"})
    found = read(path)
    assert [n for n, _ in found] == [1, 3]  # the empty row 2 is skipped, numbers kept
    first, third = found[0][1], found[1][1]
    assert first == (Value("Sở Tư pháp"), Value(9.5), Value(10), Value(True))
    assert third[0] == Value("=SUM(B1:C1)", formula=True)  # never evaluated
    assert third[1].text == "có khoảng trắng"
    assert third[2] == Value("=Sở Y tế")  # typed as text: stays text
    assert Value(20.0).text == "20" and Value(None).text == ""


def test_a_sheet_of_endless_rows_is_refused_at_the_limit(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Trang 1")
    for n in range(50_000):
        sheet.append([n, "x"])
    path = tmp_path / "dai.xlsx"
    workbook.save(path)
    with pytest.raises(WorkbookError, match="Trang “Trang 1” của tệp “dai.xlsx” có hơn 5000 "
                                            "dòng: không phải bảng của phần mềm."):
        read(path)
    assert len(read(path, max_rows=60_000)) == 50_000


def test_a_missing_sheet_is_named(tmp_path: Path) -> None:
    path = book(tmp_path / "a.xlsx", {"A1": 1})
    with pytest.raises(WorkbookError, match="không có trang tính “Tự chấm”"):
        read(path, "Tự chấm")


def test_reading_never_changes_the_file(tmp_path: Path) -> None:
    path = book(tmp_path / "a.xlsx", {"A1": "=1+1", "B1": "x"})
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    read(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest

"""A corpus of list workbooks that must be refused: each gets its message at its place, nothing
crashes, and the bloc is exactly as before."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from data import units
from data.db import Database
from data.imports import criteria_list, units_list
from data.imports.workbook import OLE_MAGIC
from printing.xlsx_templates import criteria_template, units_template
from tests.data.imports.books import (
    CRITERIA_HEADER,
    UNIT_HEADER,
    dump,
    fill_template,
    write_book,
)

Make = Callable[[Path], Path]
TCVN3 = "Së Néi vô"  # "Sở Nội vụ" typed with a TCVN3 (.VnTime) font
VNI = "Sôû Tö phaùp"  # "Sở Tư pháp" typed with a VNI font


def units_book(*rows: tuple[object, ...], text: dict[tuple[int, int], str] | None = None
               ) -> Make:
    return lambda path: write_book(path, [UNIT_HEADER, *rows], text=text)


def criteria_book(*rows: tuple[object, ...]) -> Make:
    return lambda path: fill_template(criteria_template(), rows, path)


def raw(data: bytes) -> Make:
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return make


def truncated(path: Path) -> Path:
    data = units_template()
    path.write_bytes(data[: len(data) // 2])
    return path


def no_workbook_part(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    return path


SECTION = ("I", "", "Phần I", "Nhóm", 100)
# (importer, file name, how to make it, expected message (part of it), expected row)
CORPUS: list[tuple[ModuleType, str, Make, str, int]] = [
    (units_list, "thieu-cot.xlsx", lambda p: write_book(p, [
        ("STT", "Tên viết tắt", "Họ tên thủ trưởng"), (1, "STP", "Ngô Thị Thu Hà")]),
     "Dòng tiêu đề thiếu cột “Tên đơn vị”", 1),
    (units_list, "trung-ten.xlsx", units_book((1, "Sở Tư pháp"), (2, "SỞ TƯ PHÁP")),
     "“SỞ TƯ PHÁP” trùng với dòng 2", 3),
    (units_list, "tcvn3.xlsx", units_book((1, TCVN3)),
     "có vẻ gõ bằng bảng mã TCVN3 (đọc ra là “Sở Nội vụ”): hãy chuyển sang Unicode (Unikey › "
     "Công cụ chuyển mã) rồi nhập lại.", 2),
    (units_list, "vni.xlsx", units_book((1, "Công an tỉnh"), (2, VNI)),
     "có vẻ gõ bằng bảng mã VNI (đọc ra là “Sở Tư pháp”)", 3),
    (units_list, "cong-thuc.xlsx", units_book((1, "=SUM(A1)")),
     "Cột “Tên đơn vị”: ô có công thức “=SUM(A1)”. Phần mềm không tính công thức", 2),
    (units_list, "co-khong.xlsx", units_book((1, "Sở Y tế", "", "", "", "", "chắc có")),
     "“chắc có” phải là Có hoặc Không", 2),
    (units_list, "chi-tieu-de.xlsx", units_book(),
     "Chưa có đơn vị nào dưới dòng tiêu đề", 1),
    (units_list, "trong.xlsx", lambda p: write_book(p, []),
     "Tệp không có dữ liệu: mọi trang tính đều trống.", 0),
    (units_list, "khong-tieu-de.xlsx", lambda p: write_book(p, [("Sở Y tế", 1), ("Sở X", 2)]),
     "Không tìm thấy dòng tiêu đề có các cột “Tên đơn vị” trong 15 dòng đầu", 0),
    (units_list, "cu.xls", raw(OLE_MAGIC + b"\0" * 600),
     "“cu.xls” là tệp Excel 97-2003 (.xls). Hãy mở tệp bằng Excel", 0),
    (units_list, "van-ban.xlsx", raw("Danh sách đơn vị\nSở Y tế\n".encode()),
     "“van-ban.xlsx” không phải tệp Excel (.xlsx).", 0),
    (units_list, "do-dang.xlsx", truncated, "bị hỏng hoặc chưa tải về hết", 0),
    (units_list, "khong-so.xlsx", no_workbook_part, "thiếu phần sổ làm việc", 0),
    (criteria_list, "chu-o-diem.xlsx", criteria_book(SECTION, ("1", "I", "Việc 1",
                                                               "Chấm trực tiếp", "mười")),
     "Điểm tối đa: “mười” không phải là số.", 11),
    (criteria_list, "diem-am.xlsx", criteria_book(SECTION, ("1", "I", "Việc 1",
                                                            "Chấm trực tiếp", -5)),
     "Điểm tối đa (-5) không được âm.", 11),
    (criteria_list, "loai-la.xlsx", criteria_book(SECTION, ("1", "I", "Việc 1", "Tự luận", 10)),
     "Loại “Tự luận” không hợp lệ", 11),
    (criteria_list, "cha-la.xlsx", criteria_book(("1", "IX", "Việc 1", "Chấm trực tiếp", 10),
                                                 SECTION),
     "Thuộc mã “IX”: không có mục nào mang mã này trong bảng.", 10),
    (criteria_list, "vuot-cha.xlsx", criteria_book(
        ("I", "", "Phần I", "Nhóm", 20), ("1", "I", "Việc 1", "Chấm trực tiếp", 30)),
     "Điểm tối đa của “1” (30) vượt điểm tối đa của “I” (20).", 11),
    (criteria_list, "tong-vuot.xlsx", criteria_book(
        SECTION, ("1", "I", "Việc 1", "Chấm trực tiếp", 60),
        ("2", "I", "Việc 2", "Chấm trực tiếp", 50)),
     "Tổng điểm tối đa các nội dung của “I” (110) vượt điểm tối đa của nhóm (100).", 10),
    (criteria_list, "trung-ma.xlsx", criteria_book(
        SECTION, ("1", "I", "Việc 1", "Chấm trực tiếp", 50),
        ("1", "I", "Việc 2", "Chấm trực tiếp", 50)),
     "Mã “1” đã dùng ở dòng 11", 12),
    (criteria_list, "vong-lap.xlsx", criteria_book(
        SECTION, ("1", "2", "Việc 1", "Nhóm", 50), ("2", "1", "Việc 2", "Nhóm", 50)),
     "Vòng lặp “Thuộc mã”", 11),
    (criteria_list, "giam-dinh-tinh.xlsx", criteria_book(
        SECTION, ("1", "I", "Việc 1", "Định tính", 100, "", "", "Có")),
     "“Giảm là tốt” chỉ dùng cho nội dung định lượng.", 11),
    (criteria_list, "muc-sai.xlsx", criteria_book(
        SECTION, ("1", "I", "Việc 1", "Định tính", 100, "", "A=100%; B=tám mươi")),
     "Các mức (mức B): “tám mươi” không phải là số.", 11),
    (criteria_list, "tcvn3-noi-dung.xlsx", criteria_book(
        SECTION, ("1", "I", "Tæ chøc ®¶ng", "Chấm trực tiếp", 100)),
     "Cột “Nội dung”: “Tæ chøc ®¶ng” có vẻ gõ bằng bảng mã TCVN3", 11),
    (criteria_list, "thieu-loai.xlsx", criteria_book(SECTION, ("1", "I", "Việc 1", "", 100)),
     "Thiếu loại (cột “Loại”)", 11),
    (criteria_list, "thieu-cot-loai.xlsx", lambda p: write_book(p, [
        [h for h in CRITERIA_HEADER if not h.startswith("Loại")], ["I", "", "Phần I", 100]]),
     "Dòng tiêu đề thiếu cột “Loại”", 1),
]


@pytest.mark.parametrize(("importer", "name", "make", "message", "row"), CORPUS,
                         ids=[c[1] for c in CORPUS])
def test_a_bad_list_is_refused_at_its_place_and_changes_nothing(
        empty_bloc: Database, tmp_path: Path, importer: ModuleType, name: str, make: Make,
        message: str, row: int) -> None:
    units.add_unit(empty_bloc, "Sở Tư pháp", year=2025, head_name="Ngô Thị Thu Hà")
    path = make(tmp_path / name)
    before = dump(empty_bloc)
    plan = importer.plan(empty_bloc, 2025, [path])
    (file,) = plan.files
    assert not file.ok and file.changes == () and plan.applicable == []
    found = [p for p in file.problems if message in p.message]
    assert found, [p.message for p in file.problems]
    assert found[0].file == name and found[0].row == row
    assert bool(found[0].sheet) == bool(row)  # a row is always on a named sheet
    importer.apply(empty_bloc, 2025, plan)
    assert dump(empty_bloc) == before


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 12


def test_text_that_begins_with_an_equals_sign_is_text(empty_bloc: Database,
                                                      tmp_path: Path) -> None:
    """Only a real formula is refused: a name typed as text "=…" is imported as typed."""
    path = units_book((1, None), text={(2, 2): "=Sở Y tế"})(tmp_path / "dau-bang.xlsx")
    plan = units_list.plan(empty_bloc, 2025, [path])
    assert plan.problems == [] and [c.item for c in plan.applicable[0].changes] == ["=Sở Y tế"]
    units_list.apply(empty_bloc, 2025, plan)
    assert [u.name for u, _ in units.members(empty_bloc, 2025)] == ["=Sở Y tế"]

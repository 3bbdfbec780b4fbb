"""Importing the member units from the template: new units, units already in the bloc, flags,
duplicates, several files, revert, and the same file twice."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest

from data import units, years
from data.db import Database
from data.errors import InputError
from data.imports import units_list
from data.imports.plan import Change
from data.membership_moves import retire
from printing.xlsx_templates import units_template
from tests.data.imports.books import dump, fill_template, write_book

EIGHT = [
    (1, "Cục Thi hành án dân sự tỉnh", "Cục THADS", "CTHADS", "Nguyễn Văn Khải", "Cục trưởng",
     "Không"),
    (2, "Tòa án nhân dân tỉnh", "TAND tỉnh", "TAND", "Trần Minh Đức", "Chánh án", ""),
    (3, "Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh", "VKSND", "Lê Quang Huy", "Viện trưởng",
     "no"),
    (4, "Thanh tra tỉnh", "", "", "Phạm Thị Hồng Nhung", "Chánh Thanh tra", "x"),
    (5, "Công an tỉnh", "", "CAT", "Đỗ Mạnh Cường", "Giám đốc", 0),
    (6, "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCHQS", "", "", "KHÔNG"),
    (7, "Sở Tư pháp", "", "STP", "Ngô Thị Thu Hà", "Giám đốc", "Có"),
    (8, "Sở Nội vụ", "", "SNV", "Hoàng Văn Ước", "Giám đốc", True),
]


def test_the_filled_template_adds_eight_units_and_skips_the_examples(
        empty_bloc: Database, tmp_path: Path) -> None:
    path = fill_template(units_template(), EIGHT, tmp_path / "Danh sách.xlsx")
    plan = units_list.plan(empty_bloc, 2025, [path])
    (file,) = plan.files
    assert file.problems == ()
    assert file.subject == "Danh sách đơn vị năm 2025 (8 đơn vị)"
    assert Change("Sở Tư pháp", "Đơn vị", "", "Thêm mới, thành viên năm 2025") in file.changes
    assert Change("Sở Tư pháp", "Tập thể ≥ 70 % nữ", "", "Có") in file.changes
    assert units.all_units(empty_bloc) == []  # planning writes nothing
    units_list.apply(empty_bloc, 2025, plan)
    found = {u.name: (u.short_name, u.code, m.head_name, m.head_title, m.women_70)
             for u, m in units.members(empty_bloc, 2025)}
    assert len(found) == 8  # the two "Ví dụ" rows are not units
    assert found["Sở Tư pháp"] == ("", "STP", "Ngô Thị Thu Hà", "Giám đốc", True)
    assert found["Thanh tra tỉnh"] == ("", "", "Phạm Thị Hồng Nhung", "Chánh Thanh tra", True)
    assert found["Sở Nội vụ"][4] is True and found["Công an tỉnh"][4] is False
    assert found["Bộ Chỉ huy Quân sự tỉnh"] == ("Bộ CHQS tỉnh", "BCHQS", "", "", False)
    again = units_list.plan(empty_bloc, 2025, [path])
    assert again.problems == [] and again.files[0].changes == () and again.applicable == []


def test_headers_without_tone_marks_upper_case_in_another_order(empty_bloc: Database,
                                                                tmp_path: Path) -> None:
    rows = [
        ["Danh sách các đơn vị của khối"],
        [],
        ["GHI CHU", "CHUC VU THU TRUONG", "TEN DON VI (*)", "ho ten thu truong", "Nữ ≥ 70 %",
         "stt"],
        ["cũ", "Giám đốc", "Sở Tư pháp", "Ngô Thị Thu Hà", "yes", 1],
        [None, None, None, None, None, 2],  # a numbered row with nothing else: empty
        ["", "Chánh án", "  Tòa   án nhân dân tỉnh ", "Trần Minh Đức", 1, 3],
    ]
    plan = units_list.plan(empty_bloc, 2025, [write_book(tmp_path / "a.xlsx", rows)])
    assert plan.problems == []
    units_list.apply(empty_bloc, 2025, plan)
    found = {u.name: (m.head_name, m.head_title, m.women_70)
             for u, m in units.members(empty_bloc, 2025)}
    assert found == {"Sở Tư pháp": ("Ngô Thị Thu Hà", "Giám đốc", True),
                     "Tòa án nhân dân tỉnh": ("Trần Minh Đức", "Chánh án", True)}


def test_a_unit_already_in_the_bloc_is_matched_and_updated(bloc: Database,
                                                           tmp_path: Path) -> None:
    rows = [["STT", "Tên đơn vị", "Họ tên thủ trưởng", "Chức vụ thủ trưởng", "Mã"],
            [1, "TOÀ ÁN NHÂN DÂN TỈNH", "Nguyễn Hữu Nghĩa", "", ""],  # Toà: tone elsewhere
            [2, "Sở Nội vụ", "Hoàng Văn Ước", "Giám đốc", "SNV"]]  # all as in the bloc
    before = len(units.all_units(bloc))
    plan = units_list.plan(bloc, 2020, [write_book(tmp_path / "a.xlsx", rows)])
    assert plan.files[0].changes == (
        Change("Tòa án nhân dân tỉnh", "Họ tên thủ trưởng", "Trần Minh Đức", "Nguyễn Hữu Nghĩa"),)
    token = units_list.apply(bloc, 2020, plan)
    unit = units.find_unit(bloc, "Tòa án nhân dân tỉnh")
    assert unit is not None and unit.name == "Tòa án nhân dân tỉnh"  # the bloc's spelling
    member = units.get_membership(bloc, 2020, unit.id)
    assert (member.head_name, member.head_title) == ("Nguyễn Hữu Nghĩa", "Chánh án")
    assert len(units.all_units(bloc)) == before
    units_list.revert(bloc, 2020, token)
    assert units.get_membership(bloc, 2020, unit.id).head_name == "Trần Minh Đức"


def test_a_known_unit_joins_the_year_with_last_years_head(empty_bloc: Database,
                                                          tmp_path: Path) -> None:
    years.add_year(empty_bloc, 2026)
    units.add_unit(empty_bloc, "Sở Y tế", year=2025, head_name="Lê Văn A", head_title="Giám đốc",
                   women_70=True)
    path = write_book(tmp_path / "a.xlsx", [["Tên đơn vị", "Chức vụ thủ trưởng"],
                                            ["Sở Y tế", "Phó Giám đốc phụ trách"]])
    plan = units_list.plan(empty_bloc, 2026, [path])
    assert plan.files[0].changes == (
        Change("Sở Y tế", "Thành viên năm 2026", "", "Thêm vào năm"),
        Change("Sở Y tế", "Họ tên thủ trưởng", "", "Lê Văn A"),
        Change("Sở Y tế", "Chức vụ thủ trưởng", "", "Phó Giám đốc phụ trách"),
        Change("Sở Y tế", "Tập thể ≥ 70 % nữ", "", "Có"))
    units_list.apply(empty_bloc, 2026, plan)
    ((unit, member),) = units.members(empty_bloc, 2026)
    assert (member.head_name, member.head_title, member.women_70) == (
        "Lê Văn A", "Phó Giám đốc phụ trách", True)


def test_revert_puts_the_bloc_back_exactly(empty_bloc: Database, tmp_path: Path) -> None:
    years.add_year(empty_bloc, 2026)
    kept = units.add_unit(empty_bloc, "Sở Y tế", year=2026, short_name="SYT", head_name="A")
    gone = units.add_unit(empty_bloc, "Sở Xây dựng", year=2025, code="SXD")
    retire(empty_bloc, gone.id, 2026)
    path = write_book(tmp_path / "a.xlsx", [
        ["Tên đơn vị", "Tên viết tắt", "Họ tên thủ trưởng", "Tập thể ≥ 70 % nữ"],
        ["Sở Y tế", "Sở YT", "B", "Có"],
        ["Sở Xây dựng", "", "C", ""],
        ["Sở Tài chính", "STC", "D", ""]])
    before = dump(empty_bloc)
    plan = units_list.plan(empty_bloc, 2026, [path])
    assert Change("Sở Xây dựng", "Thành viên năm 2026", "",
                  "Trở lại khối (đã rời khối từ năm 2026)") in plan.files[0].changes
    token = units_list.apply(empty_bloc, 2026, plan)
    names = {u.name for u, _ in units.members(empty_bloc, 2026)}
    assert names == {"Sở Y tế", "Sở Xây dựng", "Sở Tài chính"}
    assert units.get_unit(empty_bloc, kept.id).short_name == "Sở YT"
    assert units.get_unit(empty_bloc, gone.id).left_year is None
    units_list.revert(empty_bloc, 2026, token)
    assert dump(empty_bloc) == before
    units_list.revert(empty_bloc, 2026, units_list.apply(empty_bloc, 2026, plan))  # redo, undo
    assert dump(empty_bloc) == before


def test_revert_is_refused_once_a_new_member_has_data(empty_bloc: Database,
                                                      tmp_path: Path) -> None:
    path = write_book(tmp_path / "a.xlsx", [["Tên đơn vị"], ["Sở Y tế"], ["Sở Tài chính"]])
    token = units_list.apply(empty_bloc, 2025, units_list.plan(empty_bloc, 2025, [path]))
    unit = units.find_unit(empty_bloc, "Sở Y tế")
    assert unit is not None
    years.set_officers(empty_bloc, 2025, unit.id)
    after = dump(empty_bloc)
    with pytest.raises(InputError, match="đã có dữ liệu năm 2025"):
        units_list.revert(empty_bloc, 2025, token)
    assert dump(empty_bloc) == after


def test_problems_of_a_row_name_their_place(empty_bloc: Database, tmp_path: Path) -> None:
    path = write_book(tmp_path / "a.xlsx", [
        ["STT", "Tên đơn vị", "Họ tên thủ trưởng", "Tập thể ≥ 70 % nữ"],
        [1, "Sở Y tế", "", "có lẽ"],
        [2, "", "Nguyễn Văn B", ""],
        [3, "Sở y tế", "", ""],
        [4, "Sở Tài chính", "", "Không"]], sheet="DS")
    (file,) = units_list.plan(empty_bloc, 2025, [path]).files
    assert [(p.sheet, p.row, p.message) for p in file.problems] == [
        ("DS", 2, "Cột “Tập thể ≥ 70 % nữ”: “có lẽ” phải là Có hoặc Không."),
        ("DS", 3, "Dòng có dữ liệu nhưng thiếu tên đơn vị (cột “Tên đơn vị”)."),
        ("DS", 4, "“Sở y tế” trùng với dòng 2: mỗi đơn vị chỉ ghi một dòng."),
    ]
    assert str(file.problems[0]) == ("a.xlsx, trang DS, dòng 2: Cột “Tập thể ≥ 70 % nữ”: "
                                     "“có lẽ” phải là Có hoặc Không.")
    assert file.changes == ()


def test_a_unit_in_two_files_is_refused_in_the_second(empty_bloc: Database,
                                                      tmp_path: Path) -> None:
    first = write_book(tmp_path / "1.xlsx", [["Tên đơn vị"], ["Sở Y tế"]])
    second = write_book(tmp_path / "2.xlsx", [["Tên đơn vị"], ["SỞ Y TẾ"], ["Sở Tài chính"]])
    plan = units_list.plan(empty_bloc, 2025, [first, second])
    assert plan.files[0].ok
    assert [p.message for p in plan.files[1].problems] == [
        "“SỞ Y TẾ” đã có trong tệp “1.xlsx” của cùng lần nhập."]
    assert [f.file for f in plan.applicable] == ["1.xlsx"]
    units_list.apply(empty_bloc, 2025, plan)
    assert [u.name for u, _ in units.members(empty_bloc, 2025)] == ["Sở Y tế"]


def test_nfd_names_are_stored_nfc(empty_bloc: Database, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Sở Lao động - Thương binh và Xã hội")
    path = write_book(tmp_path / "a.xlsx", [["Tên đơn vị", "Chức vụ thủ trưởng"],
                                            [nfd, unicodedata.normalize("NFD", "Giám đốc")]])
    plan = units_list.plan(empty_bloc, 2025, [path])
    assert plan.problems == []
    units_list.apply(empty_bloc, 2025, plan)
    ((unit, member),) = units.members(empty_bloc, 2025)
    assert unit.name == "Sở Lao động - Thương binh và Xã hội" == unicodedata.normalize(
        "NFC", unit.name)
    assert member.head_title == "Giám đốc"


def test_a_plan_gone_stale_applies_nothing(empty_bloc: Database, tmp_path: Path) -> None:
    first = write_book(tmp_path / "1.xlsx", [["Tên đơn vị"], ["Sở Y tế"]])
    second = write_book(tmp_path / "2.xlsx", [["Tên đơn vị"], ["Sở Tài chính"]])
    plan = units_list.plan(empty_bloc, 2025, [first, second])
    units.add_unit(empty_bloc, "Sở Tài chính")  # typed in the window meanwhile
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="đã có trong khối"):
        units_list.apply(empty_bloc, 2025, plan)
    assert dump(empty_bloc) == before  # the first file was undone too


def test_an_unknown_year_is_refused(empty_bloc: Database, tmp_path: Path) -> None:
    path = write_book(tmp_path / "a.xlsx", [["Tên đơn vị"], ["Sở Y tế"]])
    with pytest.raises(InputError, match="Năm 2030 chưa có"):
        units_list.plan(empty_bloc, 2030, [path])


def test_the_window_announces_what_the_import_touches() -> None:
    assert units_list.TOUCHES == ("units", "members")


def test_an_example_row_typed_over_is_imported(empty_bloc: Database, tmp_path: Path) -> None:
    path = fill_template(units_template(), [], tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["B7"] = "Sở Y tế"  # the first example's name, its STT still "Ví dụ"
    book.save(path)
    plan = units_list.plan(empty_bloc, 2025, [path])
    assert plan.problems == []
    units_list.apply(empty_bloc, 2025, plan)
    ((unit, member),) = units.members(empty_bloc, 2025)
    assert (unit.name, unit.short_name, member.head_name) == ("Sở Y tế", "Sở Tư pháp",
                                                              "Nguyễn Thị Thu Hà")

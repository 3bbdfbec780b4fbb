"""`main.py template units|criteria` and `main.py import units|criteria`: the blank templates
written, lists checked and shown, applied unless --dry-run, exit codes 0 / 1 / 2."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from data import units
from data.bloc import open_bloc
from data.criteria import criteria
from data.demo import write_demo
from main import main
from tests.data.imports.books import dump, fill_template, write_book


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo(tmp_path / "Khối mẫu")


def content(path: Path) -> list[str]:
    db = open_bloc(path)
    try:
        return dump(db)
    finally:
        db.close()


@pytest.mark.parametrize(("kind", "first"), [("units", "STT"), ("criteria", "Mã (*)")])
def test_template_writes_a_blank_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          kind: str, first: str) -> None:
    assert main(["template", kind, "-o", str(tmp_path / "Mẫu")]) == 0
    target = tmp_path / "Mẫu.xlsx"  # the extension is added
    assert "Đã ghi mẫu" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert first in [sheet.cell(r, 1).value for r in range(1, 16)]


def test_template_refuses_an_unknown_kind(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["template", "scores", "-o", str(tmp_path / "x.xlsx")])
    assert stop.value.code == 2
    assert "lựa chọn không hợp lệ" in capsys.readouterr().err


def test_import_units_dry_run_then_apply_then_again(demo: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "units", "-o", str(tmp_path / "mau.xlsx")]) == 0
    book = fill_template((tmp_path / "mau.xlsx").read_bytes(), [
        (1, "Toà án nhân dân tỉnh", "", "", "Nguyễn Hữu Nghĩa"),
        (2, "Sở Y tế", "SYT", "", "Lê Thị Lan", "Giám đốc", "Có")], tmp_path / "ds.xlsx")
    capsys.readouterr()
    before = content(demo)
    argv = ["import", "units", str(demo), "--year", "2020", str(book)]
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Tệp “ds.xlsx” — Danh sách đơn vị năm 2020 (2 đơn vị)"
    assert ("  Tòa án nhân dân tỉnh · Họ tên thủ trưởng: Trần Minh Đức → Nguyễn Hữu Nghĩa"
            in out)
    assert "  Sở Y tế · Đơn vị: (trống) → Thêm mới, thành viên năm 2020" in out
    assert out[-1] == "Chạy thử (--dry-run): 6 thay đổi, chưa ghi gì vào tệp khối."
    assert content(demo) == before
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Đã nhập 1 tệp, 6 thay đổi vào “Khối mẫu.ktd”.")
    db = open_bloc(demo)
    try:
        assert len(units.members(db, 2020)) == 9
    finally:
        db.close()
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "  Không có gì thay đổi.", "Không có gì để nhập: tệp khối đã đúng như bảng tính."]


def test_import_criteria_with_problems_exits_1_and_names_their_place(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_book(tmp_path / "bang.xlsx", [
        ["Mã", "Thuộc mã", "Nội dung", "Loại", "Điểm tối đa"],
        ["I", "", "Phần I", "Nhóm", 100],
        ["1", "I", "Việc 1", "Chấm trực tiếp", "một trăm"]], sheet="Bảng")
    before = content(demo)
    assert main(["import", "criteria", str(demo), "--year", "2020", str(book)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1] == ("  Lỗi: bang.xlsx, trang Bảng, dòng 3, nội dung 1: Điểm tối đa: “một "
                      "trăm” không phải là số.")
    assert out[-1] == "Không nhập gì: 1 tệp có lỗi. Hãy sửa rồi nhập lại."
    assert content(demo) == before


def test_import_criteria_into_an_unscored_year(demo: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    book = write_book(tmp_path / "bang.xlsx", [
        ["Mã", "Thuộc mã", "Nội dung", "Loại", "Điểm tối đa", "Lớp điểm"],
        ["I", "", "Phần I", "Nhóm", 100, ""],
        ["1", "I", "Việc 1", "Định tính", 100, "Hội đồng chấm"]])
    assert main(["import", "criteria", str(demo), "--year", "2020", str(book)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Đã nhập 1 tệp")
    db = open_bloc(demo)
    try:
        assert [(n.code, n.title) for n in criteria(db, 2020)] == [("I", "Phần I"),
                                                                    ("1", "Việc 1")]
    finally:
        db.close()


def test_an_xls_is_a_problem_of_that_file(demo: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "cu.xls"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    assert main(["import", "units", str(demo), "--year", "2020", str(old)]) == 1
    assert "“cu.xls” là tệp Excel 97-2003 (.xls)" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["import", "units", "{demo}", "--year", "2031", "{book}"], "Năm 2031 chưa có"),
    (["import", "units", "{demo}", "--year", "2020", "{tmp}/khong-co.xlsx"],
     "Không tìm thấy tệp “{tmp}/khong-co.xlsx”"),
    (["import", "criteria", "{tmp}/khong-co.ktd", "--year", "2020", "{book}"],
     "Không tìm thấy tệp “khong-co.ktd”"),
])
def test_bad_input_exits_2(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           argv: list[str], message: str) -> None:
    book = write_book(tmp_path / "a.xlsx", [["Tên đơn vị"], ["Sở Y tế"]])
    values = {"demo": str(demo), "book": str(book), "tmp": str(tmp_path)}
    assert main([a.format(**values) for a in argv]) == 2
    assert message.format(**values) in capsys.readouterr().err


def test_import_needs_a_workbook(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["import", "units", str(demo), "--year", "2020"])
    assert stop.value.code == 2
    assert "thiếu tham số bắt buộc: BẢNG_TÍNH" in capsys.readouterr().err

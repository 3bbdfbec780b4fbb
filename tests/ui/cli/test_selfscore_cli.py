"""`main.py export self-score` and `main.py import self-score`: a workbook per unit written,
filled workbooks checked and shown, applied unless --dry-run, exit codes 0 / 1 / 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.bloc import open_bloc
from data.demo import write_demo
from data.imports.self_score_read import read_self_score
from main import main
from tests.data.imports.books import dump
from tests.printing.bad_selfscore import fill

UNITS = ("Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh", "Sở Nội vụ",
         "Sở Tư pháp", "Thanh tra tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo(tmp_path / "Khối mẫu")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "Phiếu gửi đi"
    folder.mkdir()
    return folder


def content(path: Path) -> list[str]:
    db = open_bloc(path)
    try:
        return dump(db)
    finally:
        db.close()


def exported(demo: Path, out: Path, unit: str) -> Path:
    assert main(["export", "self-score", str(demo), "--year", "2019", "--out-dir", str(out),
                 "--unit", unit]) == 0
    return out / f"Tự chấm 2019 - {unit}.xlsx"


def test_export_writes_a_workbook_per_member_unit(demo: Path, out: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = content(demo)
    assert main(["export", "self-score", str(demo), "--year", "2019", "--out-dir",
                 str(out)]) == 0
    written = capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [f"Tự chấm 2019 - {u}.xlsx" for u in UNITS]
    assert "Đã ghi “Tự chấm 2019 - Công an tỉnh.xlsx”: 17 nội dung, 17 đã có điểm tự chấm." \
        in written
    assert f"Đã ghi 8 phiếu tự chấm năm 2019 vào “{out}”." in written
    for unit in UNITS:
        ids = read_self_score(out / f"Tự chấm 2019 - {unit}.xlsx").ids
        assert (ids.unit_name, ids.year) == (unit, 2019)
    assert content(demo) == before  # exporting writes nothing to the bloc


def test_export_one_unit_by_name(demo: Path, out: Path) -> None:
    exported(demo, out, "công an TỈNH")  # names compare as the bloc compares them
    assert [p.name for p in out.iterdir()] == ["Tự chấm 2019 - Công an tỉnh.xlsx"]


@pytest.mark.parametrize(("extra", "message"), [
    (["--unit", "Sở Y tế"], "Lỗi: “Sở Y tế” không là thành viên khối năm 2019."),
    (["--year", "2031"], "2031"),
])
def test_export_refuses_an_unknown_unit_or_year(demo: Path, out: Path, extra: list[str],
                                                message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", "self-score", str(demo), "--year", "2019", "--out-dir", str(out), *extra]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_export_refuses_a_missing_folder(demo: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "self-score", str(demo), "--year", "2019", "--out-dir",
                 str(tmp_path / "không có")]) == 2
    assert "Không có thư mục" in capsys.readouterr().err


def test_import_dry_run_then_apply_then_nothing_left(demo: Path, out: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = exported(demo, out, "Sở Tư pháp")
    fill(path.read_bytes(), path, {"1b": {"points": "C"}, "T1": {"points": 5,
                                                                 "evidence": "QĐ 12"}})
    capsys.readouterr()
    before = content(demo)
    args = ["import", "self-score", str(demo), "--year", "2019", str(path)]
    assert main([*args, "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert shown.splitlines() == [
        f"Tệp “{path.name}” — Phiếu tự chấm của Sở Tư pháp",
        "  1b. Nhiệm vụ đột xuất được cấp trên giao · Tự chấm: A → C",
        "  T1. Mô hình, cách làm sáng tạo được tỉnh công nhận · Tự chấm: (trống) → 5",
        "  T1. Mô hình, cách làm sáng tạo được tỉnh công nhận · Minh chứng: (trống) → QĐ 12",
        "Chạy thử (--dry-run): 1 phiếu, 3 thay đổi; chưa ghi gì vào tệp khối.",
    ]
    assert content(demo) == before
    assert main(args) == 0
    assert "Đã nhập 1 phiếu, 3 thay đổi vào “Khối mẫu.ktd”." in capsys.readouterr().out
    assert content(demo) != before
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "  Không có gì thay đổi.", "Không có gì thay đổi: tệp khối đã đúng như các phiếu."]


def test_a_file_with_problems_is_named_the_others_applied(
        demo: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = exported(demo, out, "Sở Tư pháp")
    fill(good.read_bytes(), good, {"1b": {"points": "C"}})
    bad = exported(demo, out, "Công an tỉnh")
    fill(bad.read_bytes(), bad, {"T1": {"points": 9}})
    capsys.readouterr()
    before = content(demo)
    args = ["import", "self-score", str(demo), "--year", "2019", str(bad), str(good)]
    assert main([*args, "--dry-run"]) == 1
    assert content(demo) == before  # a dry run writes nothing, even the good file
    assert main(args) == 1
    shown = capsys.readouterr().out
    assert (f"  Lỗi: {bad.name}, trang Tự chấm, dòng 32, nội dung T1: Điểm 9 vượt điểm tối đa "
            "5 của nội dung “T1”.") in shown
    assert "Đã nhập 1 phiếu, 1 thay đổi" in shown
    assert f"Chưa nhập 1 phiếu có lỗi: {bad.name}. Sửa rồi nhập lại các phiếu đó." in shown
    assert content(demo) != before


def test_import_a_missing_workbook_exits_2(demo: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "self-score", str(demo), "--year", "2019", "khong-co.xlsx"]) == 2
    assert "Lỗi: Không tìm thấy tệp “khong-co.xlsx”." in capsys.readouterr().err


def test_import_a_bad_year_argument_exits_2(demo: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["import", "self-score", str(demo), "--year", "hai nghìn", "a.xlsx"])
    assert stop.value.code == 2
    assert "không phải là một năm" in capsys.readouterr().err


def test_import_into_an_unknown_year_exits_2(demo: Path, out: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = exported(demo, out, "Sở Tư pháp")
    assert main(["import", "self-score", str(demo), "--year", "2031", str(path)]) == 2
    assert "2031" in capsys.readouterr().err


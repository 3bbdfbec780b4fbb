"""`main.py print`: each document to PDF, the whole set, drafts, reprints and every refusal
with exit code 2 (1 when part of a set lacks its data) and the reason on stderr."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from data.demo import write_demo
from main import main
from tests.printing.pdftools import flat, text


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo(tmp_path / "Khối mẫu.ktd")


def numbers(path: Path) -> list[tuple[str, str]]:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("SELECT kind, number_text FROM documents ORDER BY id").fetchall()
    finally:
        raw.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_print_the_minutes_then_reprint(demo: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out_pdf = tmp_path / "bien ban.pdf"
    code, out, err = run(capsys, "print", "minutes", str(demo), "--year", "2019", "-o",
                         str(out_pdf))
    assert (code, err) == (0, "")
    assert (f"Đã ghi “{out_pdf}”: Biên bản hội nghị tổng kết năm 2019, 4 trang, Số: "
            "01/BB-KTĐNC (số mới cấp, ngày 3/12/2019).") in out
    assert "Phông chữ: Liberation Serif (kèm theo phần mềm)" in out \
        or "Phông chữ: Times New Roman" in out
    assert "Số: 01/BB-KTĐNC" in text(out_pdf.read_bytes())[0]
    code, out, _ = run(capsys, "print", "minutes", str(demo), "--year", "2019", "-o",
                       str(out_pdf))
    assert code == 0 and "Số: 01/BB-KTĐNC (in lại, giữ số đã cấp, ngày 3/12/2019)" in out
    assert numbers(demo) == [("minutes", "Số: 01/BB-KTĐNC")]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_draft_takes_no_number(demo: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    out_pdf = tmp_path / "nhap.pdf"
    code, out, _ = run(capsys, "print", "submission", str(demo), "--year", "2019", "-o",
                       str(out_pdf), "--draft", "--profile", "party")
    assert code == 0 and "bản nháp, chưa cấp số" in out
    first = flat(text(out_pdf.read_bytes(), "-raw")[0])
    assert "BẢN NHÁP" in first and "ĐẢNG CỘNG SẢN VIỆT NAM" in first
    assert numbers(demo) == []


def test_print_the_whole_set(demo: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "văn bản"
    folder.mkdir()
    code, out, err = run(capsys, "print", "all", str(demo), "--year", "2019", "--out-dir",
                         str(folder))
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "Bản giao ước thi đua năm 2019.pdf", "Phiếu bầu năm 2019.pdf",
        "Biên bản kiểm phiếu năm 2019 - Số 01-BB-KTĐNC.pdf",
        "Biên bản hội nghị tổng kết năm 2019 - Số 02-BB-KTĐNC.pdf",
        "Tờ trình đề nghị khen thưởng năm 2019 - Số 03-TTr-KTĐNC.pdf",
        "Bảng tổng hợp điểm năm 2019.pdf"])
    assert out.count("Đã ghi") == 6
    assert numbers(demo) == [("vote-count", "Số: 01/BB-KTĐNC"), ("minutes", "Số: 02/BB-KTĐNC"),
                             ("submission", "Số: 03/TTr-KTĐNC")]


def test_a_set_without_its_meeting_prints_what_it_can(demo: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "print", "all", str(demo), "--year", "2020", "--out-dir",
                         str(tmp_path), "--draft")
    assert code == 1
    assert [p.name for p in tmp_path.glob("*.pdf")] == [
        "Bản giao ước thi đua năm 2020 - bản nháp.pdf"]
    assert ("Chưa in: Chưa lập được biên bản hội nghị tổng kết năm 2020: năm 2020 chưa có hội "
            "nghị tổng kết (trang Hội nghị).") in err
    assert err.count("Chưa in:") == 5 and "Traceback" not in err


@pytest.mark.parametrize(("argv", "reason"), [
    (("print", "bienban", "{file}", "--year", "2019", "-o", "x.pdf"),
     "lựa chọn không hợp lệ: 'bienban' (chọn một trong: 'pledge', 'ballots', 'vote-count', "
     "'minutes', 'submission', 'scores', 'all')"),
    (("print", "minutes", "{file}", "--year", "2019"), "in một văn bản cần -o TỆP_PDF"),
    (("print", "all", "{file}", "--year", "2019", "-o", "x.pdf"), "in cả bộ (all) cần --out-dir"),
    (("print", "minutes", "{file}", "--year", "2018", "-o", "{dir}/x.pdf"),
     "Năm 2018 chưa có trong tệp khối"),
    (("print", "minutes", "{file}", "--year", "2020", "-o", "{dir}/x.pdf"),
     "Chưa lập được biên bản hội nghị tổng kết năm 2020: năm 2020 chưa có hội nghị tổng kết"),
    (("print", "minutes", "{file}", "--year", "2019", "-o", "{dir}/không có/x.pdf"),
     "Không có thư mục"),
    (("print", "minutes", "{file}", "--year", "2019", "-o", "{dir}/x.pdf", "--date", "5/12/2019"),
     "mang ngày 3/12/2019 (ngày họp); không chọn ngày khác được"),
    (("print", "scores", "{file}", "--year", "2019", "-o", "{dir}/x.pdf", "--date", "32/12/2019"),
     "không phải là ngày hợp lệ"),
    (("print", "minutes", "{file}", "--year", "2019", "-o", "{dir}/x.pdf", "--profile", "nd99"),
     "lựa chọn không hợp lệ: 'nd99'"),
    (("print", "minutes", "{dir}/không có.ktd", "--year", "2019", "-o", "{dir}/x.pdf"),
     "Không tìm thấy tệp “không có.ktd”"),
    (("prnt", "minutes", "{file}"), "lựa chọn không hợp lệ: 'prnt'"),
])
def test_refusals_exit_2_with_the_reason(demo: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         argv: tuple[str, ...], reason: str) -> None:
    assert exit_code([a.format(file=demo, dir=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err
    assert numbers(demo) == []
    assert not (tmp_path / "x.pdf").exists()



def exit_code(argv: list[str]) -> int:
    """The exit code, whether the command returns it or argparse exits with it."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


def test_a_missing_out_dir_is_refused(demo: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["print", "all", str(demo), "--year", "2019", "--out-dir",
                      str(tmp_path / "không có")]) == 2
    assert "Không có thư mục" in capsys.readouterr().err and numbers(demo) == []

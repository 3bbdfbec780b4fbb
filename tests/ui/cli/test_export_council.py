"""`main.py export council`: the workbook written in one piece, its sheets equal to what
`ranking --json` and `ballot --json` print and to the submission's nomination list, user text
never a formula, a year without scores refused (exit 2), a year without a meeting exported with
notes, and the bloc file left as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from data import units
from data.bloc import open_bloc
from data.demo import write_demo
from data.documents.catalog import make
from data.documents.content import ColumnKind
from main import main
from tests.data.documents.test_council import score_one_unit

HEADER_ROW = 6


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo(tmp_path / "Khối mẫu.ktd")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(capsys: pytest.CaptureFixture[str], demo: Path, out: Path, year: int = 2019
           ) -> openpyxl.Workbook:
    code, said, err = run(capsys, "export", "council", str(demo), "--year", str(year), "-o",
                          str(out))
    assert (code, err) == (0, "")
    assert said == (f"Đã ghi “{out}”: bảng tính gửi Hội đồng năm {year}, 4 trang tính.\n")
    return openpyxl.load_workbook(out)


def data_rows(sheet: Worksheet) -> list[list[Any]]:
    """The table's rows under its header, up to the first empty row."""
    rows = []
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
        if row[0].value is None:
            break
        rows.append(list(row))
    return rows


def headers(sheet: Worksheet) -> list[str]:
    return [str(c.value) for c in sheet[HEADER_ROW] if c.value is not None]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_score_summary_is_the_ranking(demo: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = sha(demo)
    book = export(capsys, demo, tmp_path / "Hội đồng 2019.xlsx")
    assert sha(demo) == before  # reading never writes
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    code, said, _ = run(capsys, "ranking", str(demo), "--year", "2019", "--json")
    ranking = json.loads(said)
    sheet = book["Tổng hợp điểm"]
    columns = headers(sheet)
    keys = {"self_total": "Tự chấm", "verified_total": "Khối chấm",
            "council_total": "Hội đồng chấm", "bonus": "Thưởng", "penalty": "Trừ",
            "final_total": "Tổng", "rank": "Xếp hạng"}
    rows = data_rows(sheet)
    assert code == 0 and len(rows) == len(ranking) == 8
    for row, unit in zip(rows, ranking, strict=True):
        cells = dict(zip(columns, row, strict=False))
        assert cells["Đơn vị"].value == unit["unit"] and cells["Xếp loại"].value == unit["class"]
        for key, header in keys.items():
            cell = cells[header]
            assert cell.data_type == "n" and cell.value == unit[key], (unit["unit"], key)
        assert cells["Tổng"].number_format == "#,##0.00"
        assert cells["Xếp hạng"].number_format == "#,##0"


def test_the_ballot_sheet_is_the_ballot(demo: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    book = export(capsys, demo, tmp_path / "hd.xlsx")
    _, said, _ = run(capsys, "ballot", str(demo), "--year", "2019", "--json")
    meeting = next(m for m in json.loads(said)["meetings"] if m["kind"] == "year_end")
    expected = [[r["issued"], r["received"], r["valid"], r["invalid"]]
                for r in meeting["rounds"] for _ in r["candidates"]]
    candidates = [c for r in meeting["rounds"] for c in r["candidates"]]
    sheet = book["Kết quả bỏ phiếu"]
    assert headers(sheet) == ["Vòng", "Phát ra", "Thu vào", "Hợp lệ", "Không hợp lệ", "Đơn vị",
                              "Số phiếu", "Tỷ lệ", "Kết quả"]
    rows = data_rows(sheet)
    assert len(rows) == len(candidates) == 8
    for row, counts, candidate in zip(rows, expected, candidates, strict=True):
        assert [c.value for c in row[1:5]] == counts
        assert all(c.data_type == "n" and c.number_format == "#,##0" for c in row[1:5])
        assert row[5].value == candidate["unit"]
        assert row[6].value == candidate["votes"] and row[6].data_type == "n"
        assert row[7].value * 100 == pytest.approx(candidate["percent"])
        assert row[7].number_format == "0.00%"
        assert row[8].value == ("Trúng cử" if candidate["elected"] else
                                "Đạt" if candidate["passed"] else "Không đạt")
    assert rows[0][0].value == "Suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019 (vòng 1)"


def test_the_nominations_are_the_submissions(demo: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    book = export(capsys, demo, tmp_path / "hd.xlsx")
    db = open_bloc(demo)
    try:
        table = make(db, 2019, "submission", draft=True).document.table("nominations")
    finally:
        db.close()
    sheet = book["Danh sách đề nghị"]
    assert headers(sheet) == ["STT", "Tên tập thể", "Hình thức đề nghị", "Tổng điểm",
                              "Xếp hạng", "Số phiếu", "Tỷ lệ", "Tóm tắt thành tích", "Ghi chú"]
    rows = data_rows(sheet)
    assert len(rows) == len(table.rows) == 6
    for row, expected in zip(rows, table.rows, strict=True):
        values: list[Any] = []
        for column, value in zip(table.columns, expected, strict=True):
            if column.kind is ColumnKind.VOTES:
                values += list(value) if isinstance(value, tuple) else [None, None]
            else:
                values.append(value or None if isinstance(value, str) else value)
        assert [c.value for c in row] == values
    assert rows[1][6].number_format == "0.00%" and rows[1][6].value == 0.875


def test_every_sheet_is_ready_to_print(demo: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    book = export(capsys, demo, tmp_path / "hd.xlsx")
    assert book.sheetnames == ["Tổng hợp điểm", "Chi tiết điểm", "Danh sách đề nghị",
                               "Kết quả bỏ phiếu"]
    assert book.properties.creator == "Khối thi đua"
    for sheet in book.worksheets:
        assert sheet["A1"].value == "KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH TỈNH"
        assert sheet["A4"].value == "Năm 2019"
        assert sheet.freeze_panes in ("C7", "B7")
        assert sheet.print_title_rows == "$6:$6"
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet["A1"].font.name == "Times New Roman"
    detail = book["Chi tiết điểm"]
    assert headers(detail)[2:4] == ["1a (20)", "1b (10)"]
    assert headers(detail)[-3:] == ["Thưởng", "Trừ", "Tổng"]


def test_a_name_that_looks_like_a_formula(demo: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    link, plus = '=HYPERLINK("http://x","bấm")', "+1"
    db = open_bloc(demo)
    try:
        pairs = units.members(db, 2019)
        units.update_unit(db, pairs[0][0].id, name=link)
        units.update_unit(db, pairs[1][0].id, name=plus)
    finally:
        db.close()
    out = tmp_path / "hd.xlsx"
    export(capsys, demo, out)
    book = openpyxl.load_workbook(out)  # formulas would be read as formulas, not values
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if cell.value in (link, plus):
                    assert cell.data_type == "s" and cell.quotePrefix
                    seen.add((sheet.title, cell.value))
    assert {(s, n) for s in ("Tổng hợp điểm", "Chi tiết điểm") for n in (link, plus)} <= seen


def test_a_year_without_scores_is_refused(demo: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "2020.xlsx"
    code, said, err = run(capsys, "export", "council", str(demo), "--nam", "2020", "-o",
                          str(out))
    assert (code, said) == (2, "")
    assert err == ("Lỗi: Chưa lập được bảng tính gửi Hội đồng Thi đua - Khen thưởng năm 2020: "
                   "năm 2020 chưa có điểm chấm của đơn vị nào (trang Chấm điểm).\n")
    assert not out.exists()


def test_a_year_without_a_meeting_exports_with_notes(demo: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    db = open_bloc(demo)
    try:
        score_one_unit(db, 2020)
    finally:
        db.close()
    out = tmp_path / "Năm 2020"
    code, said, _ = run(capsys, "export", "council", str(demo), "--year", "2020", "--output",
                        str(out))
    written = tmp_path / "Năm 2020.xlsx"  # .xlsx added to a name without one
    assert code == 0 and said == (f"Đã ghi “{written}”: bảng tính gửi Hội đồng năm 2020, 4 "
                                  "trang tính.\n")
    book = openpyxl.load_workbook(written)
    ballot = book["Kết quả bỏ phiếu"]
    assert headers(ballot)[0] == "Vòng" and data_rows(ballot) == []
    assert ballot.cell(HEADER_ROW + 2, 1).value == "Năm 2020 chưa có hội nghị tổng kết."
    nominations = book["Danh sách đề nghị"]
    assert data_rows(nominations) == []
    assert nominations.cell(HEADER_ROW + 2, 1).value == (
        "Năm 2020 chưa có đơn vị nào trong danh sách đề nghị khen thưởng.")
    assert len(data_rows(book["Tổng hợp điểm"])) == 8


@pytest.mark.parametrize(("argv", "reason"), [
    (["--year", "2031"], "2031"),
    (["--year", "hai nghìn"], "“hai nghìn” không phải là một năm"),
    ([], "thiếu tham số bắt buộc"),
])
def test_bad_usage(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   argv: list[str], reason: str) -> None:
    out = tmp_path / "x.xlsx"
    args = ["export", "council", str(demo), *argv]
    if argv:
        args += ["-o", str(out)]
    try:
        code, _, err = run(capsys, *args)
    except SystemExit as exc:  # argparse refuses before the command runs
        code, err = int(str(exc.code)), capsys.readouterr().err
    assert code == 2 and reason in err and err.count("Lỗi") == 1
    assert not out.exists()


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "council", str(tmp_path / "không có.ktd"), "--year",
                       "2019", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and err == "Lỗi: Không tìm thấy tệp “không có.ktd”.\n"

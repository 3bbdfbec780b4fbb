"""Reading a self-scoring workbook back: the identifiers and every item's raw cells as typed
(formulas marked, text NFC), and refusal of workbooks that are not one or whose layout changed."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from data.imports.self_score_read import FilledRow, FormError, FormIds, read_self_score
from data.imports.workbook import Value, WorkbookError
from printing.xlsx_selfscore import HIDDEN, SHEET, self_score_workbook
from tests.printing.bad_selfscore import SAMPLE, edit, fill

DATA = self_score_workbook(SAMPLE)
IDS = FormIds("Khối thi đua các cơ quan nội chính tỉnh", "2019-01-02T08:00:00", 2019, 42,
              "=cmd|' /C calc'!A0", "0123456789abcdef", 1)


def test_an_untouched_workbook_reads_back_as_exported(tmp_path: Path) -> None:
    path = tmp_path / "phiếu.xlsx"
    path.write_bytes(DATA)
    form = read_self_score(path)
    assert (form.file, form.sheet, form.ids) == ("phiếu.xlsx", SHEET, IDS)
    empty = Value(None)
    assert form.rows == (
        FilledRow(10, 2, "1a", Value("Tự tính"), Value(100), Value(108), empty),
        # text beginning with "=" written as text stays text
        FilledRow(11, 3, "1b", Value("B"), empty, empty, Value("=SUM(A1) theo biên bản")),
        FilledRow(12, 4, "2b", Value("Tự tính"), empty, empty, empty),
        FilledRow(13, 5, "3", Value(2), empty, empty, empty),
        FilledRow(14, 6, "4", Value(3), empty, empty, empty),
        FilledRow(15, 7, "T1", empty, empty, empty, empty),
    )


def test_typed_values_come_back_raw(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định khen thưởng")
    path = fill(DATA, tmp_path / "a.xlsx", {
        "1a": {"plan": "một trăm", "actual": 99.5}, "3": {"points": "=1+1"},
        "T1": {"points": 4.5, "evidence": nfd}, "1b": {"points": None, "evidence": None}})
    rows = {r.code: r for r in read_self_score(path).rows}
    assert (rows["1a"].plan, rows["1a"].actual) == (Value("một trăm"), Value(99.5))
    assert rows["3"].points == Value("=1+1", formula=True)
    assert rows["T1"].evidence == Value("Quyết định khen thưởng")  # NFC
    assert (rows["1b"].points, rows["1b"].evidence) == (Value(None), Value(None))


def _copy_id_to_group(book: Workbook) -> None:
    book[SHEET]["I9"] = 99  # the group row I gets an id


REFUSED = [
    ("blank", lambda b: b.remove(b[HIDDEN]), "thiếu phần định danh ẩn", ""),
    ("renamed", lambda b: setattr(b[SHEET], "title", "Trang 1"), "không còn trang “Tự chấm”",
     ""),
    ("header", lambda b: b[SHEET].delete_cols(4), "dòng tiêu đề (dòng 8)", SHEET),
    ("deleted", lambda b: b[SHEET].delete_rows(12), "dòng 12 phải là nội dung “2b”", SHEET),
    ("inserted", lambda b: b[SHEET].insert_rows(10), "dòng 10 phải là nội dung “1a”", SHEET),
    ("copied", _copy_id_to_group, "dòng 9 không có trong phiếu đã xuất", SHEET),
    ("marker", lambda b: b[HIDDEN].cell(1, 2, "khac"), "phần định danh ẩn của phiếu bị sửa", ""),
    ("count", lambda b: b[HIDDEN].cell(10, 2, 5), "phần định danh ẩn của phiếu bị sửa", ""),
    ("version", lambda b: b[HIDDEN].cell(2, 2, 2), "một phiên bản khác của phần mềm", ""),
]


@pytest.mark.parametrize(("name", "change", "message", "sheet"), REFUSED,
                         ids=[r[0] for r in REFUSED])
def test_an_edited_layout_is_refused(tmp_path: Path, name: str, change: object, message: str,
                                     sheet: str) -> None:
    path = edit(DATA, tmp_path / f"{name}.xlsx", change)  # type: ignore[arg-type]
    with pytest.raises(FormError, match=re.escape(message)) as refused:
        read_self_score(path)
    assert refused.value.sheet == sheet
    assert (refused.value.row > 0) == bool(sheet)


def test_an_empty_workbook_is_not_a_self_scoring_workbook(tmp_path: Path) -> None:
    path = tmp_path / "trống.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(FormError, match="Tệp “trống.xlsx” không phải phiếu tự chấm của phần "
                                        "mềm: thiếu phần định danh ẩn của phiếu."):
        read_self_score(path)


def test_a_damaged_file_is_a_workbook_error(tmp_path: Path) -> None:
    path = tmp_path / "hỏng.xlsx"
    path.write_bytes(DATA[:3000])
    with pytest.raises(WorkbookError, match="bị hỏng hoặc chưa tải về hết"):
        read_self_score(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_still_reads(tmp_path: Path) -> None:
    """Units without Excel fill the workbook in LibreOffice Calc: its save keeps the hidden
    sheet (as "hidden") and the hidden column."""
    source = fill(DATA, tmp_path / "phiếu.xlsx", {"T1": {"points": 4, "evidence": "Sáng kiến"}})
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    str(source)], check=True, capture_output=True, timeout=120)
    form = read_self_score(out / "phiếu.xlsx")
    assert form.ids == IDS
    rows = {r.code: r for r in form.rows}
    assert (rows["T1"].points, rows["T1"].evidence) == (Value(4), Value("Sáng kiến"))
    assert rows["1b"].points == Value("B") and rows["1a"].plan == Value(100)

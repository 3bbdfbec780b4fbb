"""`main.py docx`: each document to a Word file with the text of its content, the whole set,
drafts, numbers issued only when the file is written, and every refusal with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.bloc import open_bloc
from data.documents.catalog import make
from data.documents.profiles import load_profile
from tests.printing.docxtools import docx_text, open_docx, printed_paragraphs, table_rows
from tests.ui.cli.test_documents import demo, exit_code, numbers, run

__all__ = ["demo"]  # the fixture, shared with the print command's tests


def test_the_minutes_as_word_then_again(demo: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bien ban.docx"
    code, said, err = run(capsys, "docx", "minutes", str(demo), "--year", "2019", "-o", str(out))
    assert (code, err) == (0, "")
    assert (f"Đã ghi “{out}”: Biên bản hội nghị tổng kết năm 2019, Số: 01/BB-KTĐNC (số mới "
            "cấp, ngày 3/12/2019).") in said
    assert "Phông chữ: Times New Roman" in said
    db = open_bloc(demo)
    try:  # the same document again: a reprint keeps its number
        document = make(db, 2019, "minutes").document
    finally:
        db.close()
    word = open_docx(out.read_bytes())
    assert [p.text for p in word.paragraphs if p.text] == printed_paragraphs(
        document, load_profile("state"))
    text = docx_text(out.read_bytes())
    assert "Số: 01/BB-KTĐNC" in text
    for table in document.tables():
        assert all(cell in text for row in table.shown_rows() for cell in row)
    code, said, _ = run(capsys, "docx", "minutes", str(demo), "--year", "2019", "-o", str(out))
    assert code == 0 and "Số: 01/BB-KTĐNC (xuất lại, giữ số đã cấp, ngày 3/12/2019)" in said
    assert numbers(demo) == [("minutes", "Số: 01/BB-KTĐNC")]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_the_submission_as_a_party_draft(demo: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nhap.docx"
    code, said, _ = run(capsys, "docx", "submission", str(demo), "--year", "2019", "-o",
                        str(out), "--draft", "--profile", "party")
    assert code == 0 and "bản nháp, chưa cấp số" in said and " trang," not in said
    word = open_docx(out.read_bytes())
    assert word.sections[0].first_page_header.paragraphs[0].text == "BẢN NHÁP"
    assert table_rows(word.tables[0])[0][1] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert len(word.sections) == 2  # the nomination list attached, on its own pages
    nominations = table_rows(word.tables[-1])
    assert nominations[0][:3] == ["STT", "Tên tập thể", "Hình thức đề nghị"]
    assert numbers(demo) == []


def test_the_whole_set_as_word(demo: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "văn bản"
    folder.mkdir()
    code, said, err = run(capsys, "docx", "all", str(demo), "--year", "2019", "--out-dir",
                          str(folder))
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "Bản giao ước thi đua năm 2019.docx",
        "Biên bản kiểm phiếu năm 2019 - Số 01-BB-KTĐNC.docx",
        "Biên bản hội nghị tổng kết năm 2019 - Số 02-BB-KTĐNC.docx",
        "Tờ trình đề nghị khen thưởng năm 2019 - Số 03-TTr-KTĐNC.docx",
        "Bảng tổng hợp điểm năm 2019.docx"])
    assert said.count("Đã ghi") == 5
    assert numbers(demo) == [("vote-count", "Số: 01/BB-KTĐNC"), ("minutes", "Số: 02/BB-KTĐNC"),
                             ("submission", "Số: 03/TTr-KTĐNC")]
    for path in folder.iterdir():
        assert len(docx_text(path.read_bytes())) > 10


def test_a_set_without_its_meeting_exports_what_it_can(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "docx", "all", str(demo), "--year", "2020", "--out-dir",
                       str(tmp_path), "--draft")
    assert code == 1
    assert [p.name for p in tmp_path.glob("*.docx")] == [
        "Bản giao ước thi đua năm 2020 - bản nháp.docx"]
    assert ("Chưa xuất: Chưa lập được biên bản hội nghị tổng kết năm 2020: năm 2020 chưa có "
            "hội nghị tổng kết (trang Hội nghị).") in err
    assert err.count("Chưa xuất:") == 4 and "Traceback" not in err


@pytest.mark.parametrize(("argv", "reason"), [
    (("docx", "ballots", "{file}", "--year", "2019", "-o", "{dir}/x.docx"),
     "“ballots” (phiếu bầu) chỉ in ra PDF (main.py print ballots); xuất Word được: pledge, "
     "vote-count, minutes, submission, scores, all"),
    (("docx", "bienban", "{file}", "--year", "2019", "-o", "{dir}/x.docx"),
     "lựa chọn không hợp lệ: 'bienban' (chọn một trong: 'pledge', 'vote-count', 'minutes', "
     "'submission', 'scores', 'all')"),
    (("docx", "minutes", "{file}", "--year", "2019"), "xuất một văn bản cần -o TỆP_DOCX"),
    (("docx", "all", "{file}", "--year", "2019", "-o", "{dir}/x.docx"),
     "xuất cả bộ (all) cần --out-dir"),
    (("docx", "minutes", "{file}", "--year", "2018", "-o", "{dir}/x.docx"),
     "Năm 2018 chưa có trong tệp khối"),
    (("docx", "minutes", "{file}", "--year", "2020", "-o", "{dir}/x.docx"),
     "Chưa lập được biên bản hội nghị tổng kết năm 2020"),
    (("docx", "minutes", "{file}", "--year", "2019", "-o", "{dir}/không có/x.docx"),
     "Không có thư mục"),
    (("docx", "minutes", "{file}", "--year", "2019", "-o", "{dir}/x.docx", "--date",
      "5/12/2019"), "mang ngày 3/12/2019 (ngày họp); không chọn ngày khác được"),
    (("docx", "minutes", "{file}", "--year", "2019", "-o", "{dir}/x.docx", "--profile", "nd99"),
     "lựa chọn không hợp lệ: 'nd99'"),
    (("docx", "all", "{file}", "--year", "2019", "--out-dir", "{dir}/không có"),
     "Không có thư mục"),
])
def test_refusals_exit_2_with_the_reason(demo: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         argv: tuple[str, ...], reason: str) -> None:
    assert exit_code([a.format(file=demo, dir=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err
    assert numbers(demo) == []
    assert list(tmp_path.glob("*.docx")) == []

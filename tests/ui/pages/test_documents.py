"""ui/pages/documents.py: the Tài liệu page driven like a user: each document previewed, saved
as PDF and Word (the same text as the command line gives), printed, numbered and undone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from data.bloc import open_bloc
from data.demo import write_demo
from data.documents import register
from data.documents.catalog import KINDS, make
from data.documents.profiles import load_profile
from main import main
from printing.pdf import render
from tests.printing.docxtools import docx_text
from tests.printing.pdftools import text
from tests.ui.helpers import shown
from ui import document_jobs, document_output
from ui.pages.documents import DocumentsPage
from ui.session import Session


@pytest.fixture
def file_session(tmp_path: Path) -> Iterator[Session]:
    """The demo bloc from a file, as the window opens it, showing 2019."""
    path = write_demo(tmp_path / "khoi.ktd")
    session = Session(open_bloc(path), path, 2019)
    yield session
    session.close()


@pytest.fixture
def page(qtbot: QtBot, file_session: Session) -> DocumentsPage:
    documents = shown(qtbot, DocumentsPage(file_session))
    qtbot.waitUntil(lambda: documents.preview.page_count() > 0)
    return documents


def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> Path:
    """Run the command line on a fresh demo file; the file it wrote."""
    source, out = write_demo(tmp_path / "cli.ktd", overwrite=True), tmp_path / f"cli{argv[1]}"
    assert main([argv[0], argv[2], str(source), "--year", "2019", "-o",
                 str(out), *argv[3:]]) == 0
    capsys.readouterr()
    return out


def choose(qtbot: QtBot, page: DocumentsPage, kind: str) -> int:
    with qtbot.waitSignal(page.previewShown, timeout=10_000) as shown_kind:
        page.show_kind(kind)
    assert shown_kind.args[0] == kind
    return int(shown_kind.args[1])


def answer(monkeypatch: pytest.MonkeyPatch, numbering: str, path: Path) -> None:
    monkeypatch.setattr(document_jobs, "ask_numbering", lambda *_a: numbering)
    monkeypatch.setattr(document_jobs, "ask_issue", lambda *_a: (True, None))
    monkeypatch.setattr(document_output, "ask_save_path", lambda *_a: path)


def test_every_document_is_previewed_with_its_pages(qtbot: QtBot, page: DocumentsPage) -> None:
    session = page.session
    assert page.heading.text() == "Văn bản năm 2019"
    assert page.font_label.text().startswith("Phông chữ văn bản: ")
    for kind in KINDS:
        expected = render(make(session.db, 2019, kind, draft=True).document,
                          load_profile("state")).pages
        assert choose(qtbot, page, kind) == expected, kind
        assert page.preview.page_count() == expected
    assert register.register(session.db) == []  # looking numbers nothing


def test_save_pdf_numbered_equals_the_command_line(qtbot: QtBot, page: DocumentsPage,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "bien-ban.pdf"
    answer(monkeypatch, document_jobs.ISSUE, saved)
    choose(qtbot, page, "minutes")
    with qtbot.waitSignal(page.previewShown, timeout=10_000):  # numbered: shown again
        page.pdf_action.trigger()
    qtbot.waitUntil(saved.exists, timeout=10_000)
    assert text(saved.read_bytes()) == text(cli(tmp_path, capsys, "print", "", "minutes")
                                            .read_bytes())
    assert "Số: 01/BB-KTĐNC" in text(saved.read_bytes())[0]
    assert page.message.text() == f"Đã lưu “bien-ban.pdf” vào thư mục “{tmp_path}”."
    assert page.folder_action.isEnabled()
    assert page.model.data(page.model.index(3, 1)) == "01/BB-KTĐNC"
    page.session.undo_stack.undo()  # the number is taken back
    assert register.register(page.session.db) == []


@pytest.mark.parametrize("kind", ["minutes", "vote-count", "submission"])
def test_save_word_equals_the_command_line(qtbot: QtBot, page: DocumentsPage, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str],
                                           kind: str) -> None:
    saved = tmp_path / "van-ban.docx"
    answer(monkeypatch, document_jobs.DRAFT, saved)
    choose(qtbot, page, kind)
    page.word_action.trigger()
    qtbot.waitUntil(saved.exists, timeout=10_000)
    expected = cli(tmp_path, capsys, "docx", ".docx", kind, "--draft")
    assert docx_text(saved.read_bytes()) == docx_text(expected.read_bytes())
    assert register.register(page.session.db) == []


def test_print_a_draft_to_a_pdf_printer(qtbot: QtBot, page: DocumentsPage, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "in.pdf"

    def print_to_file(_parent: Any, data: bytes, title: str) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        assert title == "Biên bản kiểm phiếu năm 2019"
        return document_output.print_pdf(printer, data)

    monkeypatch.setattr(document_output, "ask_print", print_to_file)
    pages = choose(qtbot, page, "vote-count")
    page.draft_action.trigger()
    qtbot.waitUntil(printed.exists, timeout=10_000)
    assert len(text(printed.read_bytes())) == pages
    assert page.message.text() == f"Đã gửi {pages} trang “Biên bản kiểm phiếu năm 2019” tới máy in."
    assert register.register(page.session.db) == []


def test_number_then_print(qtbot: QtBot, page: DocumentsPage, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[bytes] = []
    monkeypatch.setattr(document_jobs, "ask_issue", lambda *_a: (True, None))
    monkeypatch.setattr(document_output, "ask_print", lambda _p, data, _t: sent.append(data) or 2)
    choose(qtbot, page, "submission")
    assert page.print_action.text() == "Cấp số và in…"
    page.print_action.trigger()
    qtbot.waitUntil(lambda: bool(sent), timeout=10_000)
    assert "Số: 01/TTr-KTĐNC" in text(sent[0])[0]
    qtbot.waitUntil(lambda: page.print_action.text() == "In lại (giữ số)…")
    assert page.session.undo_stack.undoText() == "Cấp số tờ trình đề nghị khen thưởng năm 2019"


def test_a_document_without_its_data_says_why(qtbot: QtBot, page: DocumentsPage) -> None:
    page.session.set_year(2020)
    qtbot.waitUntil(lambda: page.heading.text() == "Văn bản năm 2020")
    page.show_kind("minutes")
    assert page.preview.stack.currentWidget() is page.preview.message
    assert page.preview.message.text() == ("Chưa lập được biên bản hội nghị tổng kết năm 2020: "
                                           "năm 2020 chưa có hội nghị tổng kết (trang Hội nghị).")
    assert not page.print_action.isEnabled() and not page.pdf_action.isEnabled()
    assert page.all_action.isEnabled()  # the pledge of 2020 is ready
    choose(qtbot, page, "pledge")


def test_save_the_whole_set(qtbot: QtBot, page: DocumentsPage, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bộ văn bản"
    folder.mkdir()
    monkeypatch.setattr(document_output, "ask_folder", lambda *_a: folder)
    monkeypatch.setattr(document_jobs, "ask_numbering", lambda *_a: document_jobs.ISSUE)
    page.all_action.trigger()
    qtbot.waitUntil(lambda: len(list(folder.glob("*.pdf"))) == 6, timeout=20_000)
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã lưu 6 văn bản"))
    assert [d.number_text for d in register.register(page.session.db, 2019)] == [
        "Số: 01/BB-KTĐNC", "Số: 02/BB-KTĐNC", "Số: 03/TTr-KTĐNC"]
    page.session.undo_stack.undo()  # one step takes back the whole set's numbers
    assert register.register(page.session.db) == []


def test_other_pages_ask_for_a_document(qtbot: QtBot, file_session: Session) -> None:
    from ui.pages.awards import AwardsPage
    from ui.pages.ballot import BallotPage
    from ui.pages.meeting import MeetingPage

    for page_type, button, kind in ((MeetingPage, "minutes_button", "minutes"),
                                    (BallotPage, "papers_button", "ballots"),
                                    (AwardsPage, "list_button", "submission")):
        other = shown(qtbot, page_type(file_session))
        with qtbot.waitSignal(file_session.documentRequested) as asked:
            getattr(other, button).click()
        assert asked.args == [kind]

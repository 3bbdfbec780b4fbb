"""ui/document_output.py: printing a PDF's pages on a printer (a PDF printer here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from data.db import Database
from data.documents.catalog import make
from data.documents.profiles import load_profile
from printing.pdf import render
from tests.printing.pdftools import pages
from ui.document_output import print_pdf


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


@pytest.mark.parametrize("kind", ["minutes", "submission", "ballots"])
def test_the_paper_has_the_pdf_pages(qtbot: QtBot, bloc: Database, tmp_path: Path,
                                     kind: str) -> None:
    rendered = render(make(bloc, 2019, kind, draft=True).document, load_profile("state"))
    printed = tmp_path / "printed.pdf"
    assert print_pdf(pdf_printer(printed), rendered.pdf) == rendered.pages
    on_paper, source = pages(printed.read_bytes()), pages(rendered.pdf)
    assert len(on_paper) == rendered.pages
    for sheet, page in zip(on_paper, source, strict=True):  # A4, each in its own orientation
        assert (round(sheet.width), round(sheet.height)) == (round(page.width),
                                                             round(page.height))


def test_a_page_range(qtbot: QtBot, bloc: Database, tmp_path: Path) -> None:
    rendered = render(make(bloc, 2019, "minutes", draft=True).document, load_profile("state"))
    printer = pdf_printer(tmp_path / "two.pdf")
    printer.setFromTo(2, 3)
    assert print_pdf(printer, rendered.pdf) == 2
    assert len(pages((tmp_path / "two.pdf").read_bytes())) == 2

"""ui/widgets/pdf_preview.py: pages shown from bytes, navigation, zoom, a message instead."""

from __future__ import annotations

import pytest
from PySide6.QtPdfWidgets import QPdfView
from pytestqt.qtbot import QtBot

from data.db import Database
from data.documents.catalog import make
from data.documents.profiles import load_profile
from printing.pdf import render
from tests.ui.helpers import shown
from ui.widgets.pdf_preview import PdfPreview


@pytest.fixture
def minutes_pdf(bloc: Database) -> bytes:
    return render(make(bloc, 2019, "minutes", draft=True).document, load_profile("state")).pdf


def test_pages_navigation_and_zoom(qtbot: QtBot, minutes_pdf: bytes) -> None:
    preview = shown(qtbot, PdfPreview())
    with qtbot.waitSignal(preview.shown) as seen:
        assert preview.show_pdf(minutes_pdf) == 4
    assert seen.args == [4] and preview.page_count() == 4
    assert preview.page_label.text() == "Trang 1/4"
    actions = preview.actions_by_name
    assert not actions["previousPage"].isEnabled() and actions["nextPage"].isEnabled()
    actions["nextPage"].trigger()
    qtbot.waitUntil(lambda: preview.page() == 1)
    assert preview.page_label.text() == "Trang 2/4" and actions["previousPage"].isEnabled()
    preview.go_to(99)
    qtbot.waitUntil(lambda: preview.page() == 3)
    assert not actions["nextPage"].isEnabled()
    before = preview.view.zoomFactor()
    actions["zoomIn"].trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(before * 1.2)
    actions["fitWidth"].trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    actions["onePage"].trigger()
    assert preview.view.pageMode() == QPdfView.PageMode.SinglePage


def test_a_message_in_place_of_pages(qtbot: QtBot, minutes_pdf: bytes) -> None:
    preview = shown(qtbot, PdfPreview())
    preview.show_pdf(minutes_pdf)
    preview.show_message("Chưa lập được biên bản hội nghị tổng kết năm 2020: …")
    assert preview.stack.currentWidget() is preview.message
    assert preview.page_count() == 0 and preview.page_label.text() == ""
    assert not preview.actions_by_name["nextPage"].isEnabled()
    assert preview.message.text().startswith("Chưa lập được")

"""The inline message line."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.message_bar import MessageBar


def test_error_stays_notice_fades(qtbot: QtBot) -> None:
    holder = QWidget()
    bar = MessageBar(holder)
    qtbot.addWidget(holder)
    holder.show()
    assert not bar.isVisible()
    bar.show_message("Điểm 12 vượt điểm tối đa 10.")
    assert bar.isVisible() and bar.kind == "error" and "vượt" in bar.text()
    bar.show_message("Đã lưu.", "ok", timeout_ms=50)
    assert bar.kind == "ok"
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
    assert bar.text() == ""

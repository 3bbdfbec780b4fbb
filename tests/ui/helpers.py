"""Helpers for driving widgets in tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type text like a user, Vietnamese included: Qt's key simulation is ASCII-only, so every
    other character goes as a key event carrying the character (see TECH-NOTES.md)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    """The display text of every row of a column."""
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def type_in_cell(qtbot: QtBot, view: QAbstractItemView, text: str) -> None:
    """Type into the current cell of a grid as a user does (the first key opens the editor),
    press Enter, and wait until the edit is closed."""
    qtbot.keyClicks(view, text[0])
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState or
                    view.focusWidget() is not editor)


def hosted_page(qtbot: QtBot, make: Callable[[QWidget], QWidget]) -> tuple[QWidget, QWidget]:
    """A page inside a bare, active window: shortcuts and focus need an active window, and a
    top-level with a layout makes the offscreen platform warn (no size-hint propagation).
    Keep the host referenced while the page is used."""
    host = QWidget()
    qtbot.addWidget(host)
    page = make(host)
    host.resize(1200, 760)
    page.resize(1200, 760)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    return host, page

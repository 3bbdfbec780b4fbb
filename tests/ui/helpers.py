"""Helpers for driving widgets in tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


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


def shown(qtbot: QtBot, widget: W) -> W:
    """A top-level widget shown at 1200 x 760 in an active window (shortcuts need one)."""
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def drive_dialogs(monkeypatch: pytest.MonkeyPatch, module: Any, dialog_type: type[QDialog],
                  *steps: Callable[[Any], None]) -> list[str]:
    """Stand in for `module.run_dialog`: show the dialog, act like the user step by step, and
    report what it showed (its title, then each refusal it kept open with)."""
    seen: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, dialog_type)
        dialog.show()
        seen.append(dialog.windowTitle())
        for step in steps:
            step(dialog)
            message = getattr(dialog, "message", None)
            if dialog.isVisible() and message is not None and message.isVisible():
                seen.append(message.text())
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(module, "run_dialog", run)
    return seen

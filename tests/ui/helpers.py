"""Helpers for driving widgets in tests."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
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

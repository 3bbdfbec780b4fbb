"""Shared pieces of the pages' tables: a confirmation seam, refusals shown in place, row tables
and their keyboard actions with a button each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLayout,
    QTableView,
    QToolButton,
)

from data.errors import BlocError
from ui.models.base import RowsModel
from ui.widgets.message_bar import MessageBar


def short_text(text: str, limit: int = 110) -> str:
    """Text on one line, cut with “…” beyond `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def run_edit(bar: MessageBar, action: Callable[[], object]) -> bool:
    """Run an edit; a refusal is shown in the bar. True when it went through."""
    try:
        return action() is not False
    except BlocError as exc:
        bar.show_message(exc.message)
        return False


def read_only_rows(view: QTableView) -> QTableView:
    """What every list of the window shares: whole rows, one selected at a time, no editing in
    place (edits go through dialogs or editors beside the list), no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    return view


def table_view(name: str, model: RowsModel[object]) -> QTableView:
    """A read-only table of whole rows, wrapping long texts, the last column stretched."""
    view = read_only_rows(QTableView(objectName=name))
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def table_action(view: QTableView, text: str, shortcut: str, slot: Callable[[], object],
            name: str, buttons: QLayout) -> QAction:
    """An action of a table (its shortcut works while the table has focus) and its button."""
    action = QAction(text, view, objectName=name)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    keys = shortcut.replace("Return", "Enter").replace("Up", "↑").replace("Down", "↓")
    action.setToolTip(f"{text.rstrip('…')} ({keys})")
    action.triggered.connect(lambda _checked=False: slot())
    view.addAction(action)
    button = QToolButton(objectName=f"{name}Button")
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setMinimumWidth(118)
    buttons.addWidget(button)
    return action

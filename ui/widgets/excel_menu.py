"""A page's "Excel" button: a menu of what the page exchanges with workbooks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMenu, QToolButton, QWidget


def excel_button(parent: QWidget, name: str, text: str,
                 entries: Sequence[tuple[str, str, Callable[[], object]]]) -> QToolButton:
    """A button opening a menu of (text, objectName, slot) entries."""
    button = QToolButton(parent, objectName=name)
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for label, object_name, slot in entries:
        action = menu.addAction(label)
        action.setObjectName(object_name)
        action.triggered.connect(slot)
    button.setMenu(menu)
    return button

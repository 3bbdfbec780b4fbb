"""ui/widgets/date_field.py: dates typed or picked, and stored dates shown the Vietnamese way."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.ui.helpers import type_text
from ui.widgets.date_field import DateField, shown_date


def test_date_field_typed_or_picked(qtbot: QtBot) -> None:
    field = DateField("someDate")
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.committed):
        type_text(qtbot, field.edit, "20/2/2019")
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.text() == "20/2/2019"
    field.menu.aboutToShow.emit()
    assert field.calendar.selectedDate() == QDate(2019, 2, 20)
    with qtbot.waitSignal(field.committed):
        field.calendar.clicked.emit(QDate(2019, 2, 21))
    assert field.text() == "21/2/2019"
    field.setText("không phải ngày")
    field.default_day = QDate(2020, 1, 1)
    field.menu.aboutToShow.emit()
    assert field.calendar.selectedDate() == QDate(2020, 1, 1)


def test_shown_date() -> None:
    assert shown_date("2019-12-03") == "3/12/2019"
    assert shown_date("") == ""

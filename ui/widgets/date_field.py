"""Dates as the secretariat writes them: a field typed "20/2/2019" or picked on a calendar,
the stored ISO date shown the same way, and the look of a field holding refused text."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from data.errors import BlocError
from data.vntext import parse_date, short_date

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
INVALID = "QLineEdit { border: 1px solid #c0392b; background: #fdecea; }"  # refused, kept


def shown_date(iso: str) -> str:
    """A stored ISO date as the secretariat writes it: "2019-12-03" -> "3/12/2019"."""
    return short_date(datetime.date.fromisoformat(iso)) if iso else ""


class DateField(QWidget):
    """A date typed the Vietnamese way ("20/2/2019") or picked on a calendar."""

    committed = Signal()  # editing finished, or a day was picked

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.edit = QLineEdit(objectName=f"{name}Edit")
        self.edit.setPlaceholderText("ngày/tháng/năm")
        self.edit.setToolTip("Gõ ngày, ví dụ 20/2/2019, hoặc chọn trên lịch")
        self.setFocusProxy(self.edit)
        self.calendar = QCalendarWidget(objectName=f"{name}Calendar")
        self.calendar.setLocale(VIETNAMESE)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_typed_day)
        self.menu = menu
        self.button = QToolButton(objectName=f"{name}Button")
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip("Chọn ngày trên lịch")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(menu)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.edit.editingFinished.connect(self.committed)
        self.default_day = QDate.currentDate()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt-style, like QLineEdit)
        self.edit.setText(text)

    def _show_typed_day(self) -> None:
        try:
            day = parse_date(self.edit.text())
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        except BlocError:
            self.calendar.setSelectedDate(self.default_day)

    def _picked(self, day: QDate) -> None:
        self.edit.setText(short_date(day.toPython()))
        self.menu.close()
        self.committed.emit()

"""The year's member units and what each registered for (đăng ký thi đua), one row per unit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from data import awards, pledges, units
from data.db import Database
from data.model import Registration, Unit
from ui.models.base import RowsModel
from ui.widgets.date_field import shown_date

COL_NUMBER, COL_UNIT, COL_FORM, COL_TITLE, COL_TARGETS, COL_DATE = range(6)
NOT_REGISTERED = "Chưa đăng ký"
NO_FORM = "(chưa chọn)"
_GREY = QColor("#8a8a8a")


@dataclass(frozen=True)
class RegistrationRow:
    """A member unit, its place in the list, and its registration if it has one."""

    number: int
    unit: Unit
    registration: Registration | None
    form_name: str = ""

    @property
    def registered(self) -> bool:
        return self.registration is not None


def load_rows(db: Database, year: int) -> list[RegistrationRow]:
    """Every member unit of the year in Vietnamese order, with its registration."""
    forms = {form.id: form.name for form in awards.award_forms(db)}
    registered = pledges.registrations(db, year)
    rows = []
    for number, (unit, _member) in enumerate(units.members(db, year), start=1):
        registration = registered.get(unit.id)
        form_id = registration.award_form_id if registration else None
        rows.append(RegistrationRow(number, unit, registration,
                                    forms.get(form_id, "") if form_id is not None else ""))
    return rows


def first_line(text: str) -> str:
    """The first line of a multi-line text, with "…" when more follows."""
    lines = text.splitlines()
    if not lines:
        return ""
    return lines[0] + (" …" if len(lines) > 1 else "")



class RegistrationsModel(RowsModel[RegistrationRow]):
    """STT, unit, award form, title aimed, targets (first line) and date of each member unit."""

    HEADERS = ("STT", "Đơn vị", "Hình thức khen thưởng đăng ký", "Danh hiệu phấn đấu",
               "Chỉ tiêu đăng ký", "Ngày đăng ký")

    def summary(self) -> str:
        """The count line shown over the table: “5/8 đơn vị đã đăng ký”."""
        done = sum(1 for row in self._rows if row.registered)
        return f"{done}/{len(self._rows)} đơn vị đã đăng ký"

    def row_of_unit(self, unit_id: int) -> int:
        """The row showing a unit, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.unit.id == unit_id), -1)

    def display(self, row: RegistrationRow, column: int) -> Any:
        if column == COL_NUMBER:
            return str(row.number)
        if column == COL_UNIT:
            return row.unit.name
        registration = row.registration
        if registration is None:
            return NOT_REGISTERED if column == COL_FORM else ""
        if column == COL_FORM:
            return row.form_name or NO_FORM
        if column == COL_TITLE:
            return registration.title_aimed
        if column == COL_TARGETS:
            return first_line(registration.targets)
        return shown_date(registration.registered_on)

    def sort_value(self, row: RegistrationRow, column: int) -> Any:
        if column == COL_NUMBER:
            return row.number
        if column == COL_DATE:
            return row.registration.registered_on if row.registration else ""
        return self.display(row, column)

    def extra(self, row: RegistrationRow, column: int, role: int) -> Any:
        registration = row.registration
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_DATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column != COL_UNIT and (
                registration is None or (column == COL_FORM and not row.form_name)):
            return QBrush(_GREY)
        if role == Qt.ItemDataRole.FontRole and registration is None and column == COL_FORM:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if registration is None:
                return f"{row.unit.name} chưa đăng ký thi đua. Nhấn Enter để ghi đăng ký."
            if column == COL_TARGETS and registration.targets:
                return registration.targets
            return self.display(row, column) or None
        return None

"""Attendance (điểm danh) as an editable table: every member unit of the meeting's year, present
or absent, its representative and the reason it was absent; and its view (Space ticks a row).

Absence reasons: a present unit has none (its cell cannot be edited; the store drops one), an
absent unit without a reason is allowed (it is often learnt later) but tinted and counted, so
the minutes are not printed without it unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from data import meetings, units
from data.db import Database
from data.errors import BlocError
from data.meeting_model import Attendance, Meeting
from data.model import Membership, Unit
from ui.models.base import Index, RowsModel

COL_NUMBER, COL_UNIT, COL_PRESENT, COL_REP, COL_TITLE, COL_REASON = range(6)
PRESENT, ABSENT, UNMARKED = "Có mặt", "Vắng mặt", "Chưa điểm danh"
NO_REASON = "(chưa ghi lý do vắng)"
_GREY = QBrush(QColor("#8a8a8a"))
_WARN_BACK = QBrush(QColor("#fff3e0"))
_ABSENT_TEXT = QBrush(QColor("#9a3412"))
_PRESENT_TEXT = QBrush(QColor("#1e5631"))
_FIELDS = {COL_REP: "rep_name", COL_TITLE: "rep_title", COL_REASON: "absence_reason"}


@dataclass(frozen=True)
class AttendanceRow:
    """A member unit of the year and its attendance record (None: not marked yet)."""

    number: int
    unit: Unit
    member: Membership
    record: Attendance | None

    @property
    def present(self) -> bool:
        return self.record is not None and self.record.present

    @property
    def absent(self) -> bool:
        return self.record is not None and not self.record.present

    @property
    def missing_reason(self) -> bool:
        return self.absent and self.record is not None and not self.record.absence_reason

    def base(self, column: int = COL_REP) -> Attendance:
        """The record an edit of `column` starts from: the stored one; for a unit not marked
        yet, present with its head as representative (a reason makes it absent, nobody named)."""
        if self.record is not None:
            return self.record
        if column == COL_REASON:
            return Attendance(self.unit.id, False)
        return Attendance(self.unit.id, True, self.member.head_name, self.member.head_title)


def load_rows(db: Database, meeting: Meeting) -> list[AttendanceRow]:
    """The members of the meeting's year in Vietnamese order with their records."""
    records = {a.unit_id: a for a in meetings.attendance(db, meeting.id)}
    return [AttendanceRow(number, unit, member, records.get(unit.id))
            for number, (unit, member) in enumerate(units.members(db, meeting.year), start=1)]


class AttendanceModel(RowsModel[AttendanceRow]):
    """Có mặt is a check box; Người dự, Chức vụ and (for absent units) Lý do vắng are edited in
    place. Changes go to `on_save(row, record)` (set by the page); a refusal (`BlocError`) is
    announced through `refused` and the cell keeps its value."""

    HEADERS = ("STT", "Đơn vị", "Có mặt", "Người dự", "Chức vụ", "Lý do vắng")
    refused = Signal(str)

    def __init__(self, rows: Sequence[AttendanceRow] = ()) -> None:
        super().__init__(rows)
        self.on_save: Callable[[AttendanceRow, Attendance], object] | None = None

    def update_rows(self, rows: Sequence[AttendanceRow]) -> None:
        """Show new records: in place when the same units are listed (an open editor and the
        current cell survive), else with a reset."""
        if [r.unit.id for r in rows] != [r.unit.id for r in self._rows]:
            self.set_rows(rows)
            return
        changed = [i for i, row in enumerate(rows) if row != self._rows[i]]
        self._rows = list(rows)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.HEADERS) - 1))

    def unmarked(self) -> int:
        """Member units not marked present or absent yet."""
        return sum(1 for r in self._rows if r.record is None)

    def missing_reasons(self) -> int:
        """Absent units whose reason is not written yet."""
        return sum(1 for r in self._rows if r.missing_reason)

    def hint(self) -> str:
        """How the table is used (or why it is empty)."""
        if not self._rows:
            return "Năm chưa có đơn vị thành viên: thêm đơn vị ở trang “Đơn vị”."
        return ("Phím Cách: có mặt / vắng mặt · Enter hoặc gõ chữ: sửa người dự, chức vụ, lý do "
                "vắng · Lý do vắng chỉ ghi cho đơn vị vắng mặt.")

    def display(self, row: AttendanceRow, column: int) -> Any:
        """The text of a cell."""
        record = row.record
        if column == COL_PRESENT:
            return PRESENT if row.present else ABSENT if row.absent else UNMARKED
        if column == COL_REASON:
            return record.absence_reason or NO_REASON if row.absent and record else ""
        values = (row.number, row.unit.name, None, record.rep_name if record else "",
                  record.rep_title if record else "")
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.EditRole and index.isValid()
                and 0 <= index.row() < len(self._rows) and index.column() in _FIELDS):
            row, column = self._rows[index.row()], index.column()
            return getattr(row.base(column), _FIELDS[column])
        return super().data(index, role)

    def extra(self, row: AttendanceRow, column: int, role: int) -> Any:
        """The check box, colours of the state, grey texts of absent units, tooltips."""
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_PRESENT:
            return Qt.CheckState.Checked if row.present else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_REASON and row.missing_reason:
            return _WARN_BACK
        if role == Qt.ItemDataRole.FontRole and column == COL_REASON and row.missing_reason:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    @staticmethod
    def _colour(row: AttendanceRow, column: int) -> QBrush | None:
        if column == COL_PRESENT:
            return _PRESENT_TEXT if row.present else _ABSENT_TEXT if row.absent else _GREY
        if column == COL_REASON and row.missing_reason:
            return _ABSENT_TEXT
        if column in (COL_REP, COL_TITLE) and not row.present:
            return _GREY
        return None

    @staticmethod
    def _tooltip(row: AttendanceRow, column: int) -> str | None:
        if column == COL_PRESENT:
            return "Dấu tích: đơn vị có mặt (phím Cách để đổi)"
        if column == COL_REASON and row.present:
            return "Đơn vị có mặt: không có lý do vắng"
        if column == COL_REASON and row.missing_reason:
            return "Đơn vị vắng mặt: ghi lý do vắng để in vào biên bản (Enter để nhập)"
        if column == COL_UNIT:
            return row.unit.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return flags
        column, row = index.column(), self._rows[index.row()]
        if column == COL_PRESENT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif column in (COL_REP, COL_TITLE) or (column == COL_REASON and not row.present):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802 (Qt's name)
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], index.column()
        if column == COL_PRESENT and role == Qt.ItemDataRole.CheckStateRole:
            record = self.marked(row, Qt.CheckState(value) == Qt.CheckState.Checked)
        elif column in _FIELDS and role == Qt.ItemDataRole.EditRole and (
                Qt.ItemFlag.ItemIsEditable in self.flags(index)):
            record = replace(row.base(column), **{_FIELDS[column]: str(value or "")})
        else:
            return False
        return self._save(row, record)

    @staticmethod
    def marked(row: AttendanceRow, present: bool) -> Attendance:
        """The row's record marked present (with its head when nobody is named) or absent."""
        record = replace(row.record or Attendance(row.unit.id), present=present)
        if present and not record.rep_name:  # the unit's head, unless someone is named
            record = replace(record, rep_name=row.member.head_name,
                             rep_title=row.member.head_title)
        return record

    def _save(self, row: AttendanceRow, record: Attendance) -> bool:
        if self.on_save is None:
            return False
        try:
            self.on_save(row, record)
        except BlocError as exc:
            self.refused.emit(exc.message)
            return False
        return True

    def toggle(self, row: int) -> bool:
        """Tick or untick a row (what Space does)."""
        if not 0 <= row < len(self._rows):
            return False
        return self._save(self._rows[row], self.marked(self._rows[row],
                                                       not self._rows[row].present))


class AttendanceView(QTableView):
    """The attendance table: Space ticks the current row, Enter edits its representative."""

    def __init__(self, model: AttendanceModel) -> None:
        super().__init__(objectName="attendanceTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((COL_UNIT, 250), (COL_REP, 190), (COL_TITLE, 170)):
            header.resizeSection(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        current = self.currentIndex()
        model = self.model()
        key = event.key()
        if (key == Qt.Key.Key_Space and current.isValid() and not event.modifiers()
                and isinstance(model, AttendanceModel)):
            model.toggle(current.row())
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid() and (
                self.state() != QAbstractItemView.State.EditingState):
            editable = Qt.ItemFlag.ItemIsEditable in current.flags()
            target = current if editable else current.siblingAtColumn(COL_REP)
            if Qt.ItemFlag.ItemIsEditable in target.flags():
                self.setCurrentIndex(target)
                self.edit(target)
                return
        super().keyPressEvent(event)

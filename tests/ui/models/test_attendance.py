"""ui/models/attendance.py: the member units with their attendance, checked and edited in place."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from data import meetings
from data.errors import InputError
from data.meeting_model import Attendance, Meeting
from tests.ui.helpers import column_texts
from ui.models.attendance import (
    ABSENT,
    COL_NUMBER,
    COL_PRESENT,
    COL_REASON,
    COL_REP,
    COL_TITLE,
    COL_UNIT,
    NO_REASON,
    PRESENT,
    UNMARKED,
    AttendanceModel,
    AttendanceRow,
    AttendanceView,
    load_rows,
)
from ui.session import Session

CHECK = Qt.ItemDataRole.CheckStateRole


def demo_meeting(session: Session) -> Meeting:
    meeting = meetings.find_meeting(session.db, 2019)
    assert meeting is not None
    return meeting


def model_with(rows: list[AttendanceRow]) -> tuple[AttendanceModel, list[Attendance]]:
    saved: list[Attendance] = []
    model = AttendanceModel(rows)
    model.on_save = lambda row, record: saved.append(record)
    return model, saved


def test_passes_the_model_tester(qtmodeltester: Any, session: Session) -> None:
    rows = load_rows(session.db, demo_meeting(session))
    model = AttendanceModel(rows)
    qtmodeltester.check(model)
    model.set_rows([replace(rows[0], record=None), replace(rows[1], record=replace(
        rows[1].record, present=False))] + rows[2:])  # type: ignore[arg-type]
    qtmodeltester.check(model)


def test_demo_attendance_without_a_view(session: Session) -> None:
    model = AttendanceModel(load_rows(session.db, demo_meeting(session)))
    assert (model.rowCount(), model.columnCount()) == (8, 6)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "STT", "Đơn vị", "Có mặt", "Người dự", "Chức vụ", "Lý do vắng"]
    assert column_texts(model, COL_NUMBER) == [str(n) for n in range(1, 9)]
    assert column_texts(model, COL_UNIT)[:3] == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh",
                                                 "Cục Thi hành án dân sự tỉnh"]
    assert column_texts(model, COL_PRESENT) == [PRESENT] * 8
    assert column_texts(model, COL_REP)[:3] == ["Lương Văn Tùng", "Trịnh Quốc Bảo",
                                                "Nguyễn Văn Khải"]
    assert column_texts(model, COL_TITLE)[:2] == ["Phó Chỉ huy trưởng", "Phó Giám đốc"]
    assert column_texts(model, COL_REASON) == [""] * 8
    first = model.index(0, COL_PRESENT)
    assert model.data(first, CHECK) == Qt.CheckState.Checked
    assert model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(first) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, COL_REP)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_REASON)) & Qt.ItemFlag.ItemIsEditable  # present
    assert not model.flags(model.index(0, COL_UNIT)) & Qt.ItemFlag.ItemIsEditable
    assert (model.unmarked(), model.missing_reasons()) == (0, 0)


def test_absent_and_unmarked_rows(session: Session) -> None:
    rows = load_rows(session.db, demo_meeting(session))
    absent = replace(rows[1], record=Attendance(rows[1].unit.id, False, "Trịnh Quốc Bảo"))
    model = AttendanceModel([replace(rows[0], record=None), absent, *rows[2:]])
    assert column_texts(model, COL_PRESENT)[:3] == [UNMARKED, ABSENT, PRESENT]
    reason = model.index(1, COL_REASON)
    assert model.data(reason) == NO_REASON
    assert model.data(reason, Qt.ItemDataRole.EditRole) == ""
    assert isinstance(model.data(reason, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert model.flags(reason) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(0, COL_PRESENT), CHECK) == Qt.CheckState.Unchecked
    assert model.data(model.index(0, COL_REP)) == ""
    assert model.data(model.index(0, COL_REP), Qt.ItemDataRole.EditRole) == "Vũ Đình Thắng"
    assert (model.unmarked(), model.missing_reasons()) == (1, 1)


def test_set_data_hands_records_to_the_page(session: Session) -> None:
    rows = load_rows(session.db, demo_meeting(session))
    unmarked = replace(rows[0], record=None)
    model, saved = model_with([unmarked, *rows[1:]])
    assert model.setData(model.index(1, COL_PRESENT), Qt.CheckState.Unchecked.value, CHECK)
    assert saved[-1] == replace(rows[1].record, present=False)  # type: ignore[arg-type]
    assert model.setData(model.index(0, COL_PRESENT), Qt.CheckState.Checked, CHECK)
    assert saved[-1] == Attendance(unmarked.unit.id, True, "Vũ Đình Thắng", "Chỉ huy trưởng")
    assert model.setData(model.index(2, COL_REP), "Người khác")
    assert saved[-1].rep_name == "Người khác" and saved[-1].present
    assert model.setData(model.index(0, COL_REASON), "Đi công tác")  # unmarked: absent
    assert saved[-1] == Attendance(unmarked.unit.id, False, absence_reason="Đi công tác")
    assert model.setData(model.index(0, COL_TITLE), "Phó Chỉ huy trưởng")  # unmarked: present
    assert saved[-1] == Attendance(unmarked.unit.id, True, "Vũ Đình Thắng", "Phó Chỉ huy trưởng")
    assert not model.setData(model.index(2, COL_REASON), "Ốm")  # present: no reason
    assert not model.setData(model.index(2, COL_UNIT), "Tên khác")
    assert model.toggle(3)
    assert saved[-1].present is False
    assert len(saved) == 6


def test_refusal_is_announced_and_returns_false(qtbot: QtBot, session: Session) -> None:
    model = AttendanceModel(load_rows(session.db, demo_meeting(session)))

    def refuse(row: AttendanceRow, record: Attendance) -> None:
        raise InputError("Không lưu được.")

    model.on_save = refuse
    with qtbot.waitSignal(model.refused) as signal:
        assert not model.setData(model.index(0, COL_REP), "Ai đó")
    assert signal.args == ["Không lưu được."]


def test_update_rows_in_place_keeps_the_current_cell(qtbot: QtBot, session: Session) -> None:
    rows = load_rows(session.db, demo_meeting(session))
    model = AttendanceModel(rows)
    view = AttendanceView(model)
    qtbot.addWidget(view)
    view.setCurrentIndex(model.index(4, COL_REP))
    changed = replace(rows[4], record=replace(rows[4].record, present=False))  # type: ignore
    with qtbot.waitSignal(model.dataChanged):
        model.update_rows([*rows[:4], changed, *rows[5:]])
    assert view.currentIndex().row() == 4
    assert model.data(model.index(4, COL_PRESENT)) == ABSENT
    with qtbot.waitSignal(model.modelReset):
        model.update_rows(rows[:7])


def test_view_space_toggles_and_enter_edits(qtbot: QtBot, session: Session) -> None:
    model, saved = model_with(load_rows(session.db, demo_meeting(session)))
    view = AttendanceView(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(model.index(2, COL_UNIT))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert saved[-1].present is False
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == QAbstractItemView.State.EditingState
    assert view.currentIndex().column() == COL_REP

"""ui/pages/meeting.py: the Hội nghị page driven with keys and clicks; every edit checked in the
data layer and undone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from data import meetings, units
from data.demo_meeting import MEETING as DEMO
from data.meeting_model import AgendaItem, CommitteeMember, Guest, Meeting, MeetingKind
from tests.ui.helpers import column_texts, hosted_page, type_text
from ui.dialogs import agenda_item, meeting_person
from ui.dialogs.agenda_item import AgendaItemDialog
from ui.dialogs.meeting_person import PersonDialog
from ui.models.attendance import COL_PRESENT, COL_REASON, COL_REP, COL_TITLE, COL_UNIT
from ui.models.meeting_people import COL_NAME
from ui.pages import meeting as page_module
from ui.pages.meeting import MeetingPage
from ui.session import Session

CTRL = Qt.KeyboardModifier.ControlModifier
QUORUM_SOURCE = "Hướng dẫn 01/HD-HĐTĐKT (2021) của Hội đồng TĐKT thành phố Hà Nội"


def build(qtbot: QtBot, session: Session) -> tuple[QWidget, MeetingPage]:
    host, page = hosted_page(qtbot, lambda parent: MeetingPage(session, parent))
    assert isinstance(page, MeetingPage)
    return host, page


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[MeetingPage]:
    host, page = build(qtbot, session)
    yield page
    del host


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(page_module, "confirm", lambda parent, title, text, action:
                        asked.append(text) or True)
    return asked


def stored(session: Session) -> Meeting:
    meeting = meetings.find_meeting(session.db, 2019)
    assert meeting is not None
    return meeting


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def closed(qtbot: QtBot, dialog: QDialog) -> bool:
    """Whether the dialog was accepted; its window (shown by the stand-in) goes and the page's
    window is active again, as after a real modal run."""
    dialog.hide()
    window = dialog.parentWidget().window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return dialog.result() == QDialog.DialogCode.Accepted


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select the field's text, type over it and leave the field with Tab."""
    focus(qtbot, edit)
    edit.selectAll()
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def select_unit(qtbot: QtBot, page: MeetingPage, name: str, column: int = COL_UNIT) -> None:
    view = page.attendance_view
    row = column_texts(page.attendance, COL_UNIT).index(name)
    view.setCurrentIndex(page.attendance.index(row, column))
    focus(qtbot, view)


def cell_editor(qtbot: QtBot, view: QTableView) -> QLineEdit:
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor)
    return editor


def type_in_cell(qtbot: QtBot, page: MeetingPage, name: str, column: int, text: str) -> None:
    """Enter on a cell, type over its text, Enter again."""
    select_unit(qtbot, page, name, column)
    qtbot.keyClick(page.attendance_view, Qt.Key.Key_Return)
    editor = cell_editor(qtbot, page.attendance_view)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: page.attendance_view.state() != QAbstractItemView.State.EditingState)


def people_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                 people: list[tuple[str, ...]]) -> list[str]:
    """Stand in for the person dialog: type each queued person and press the OK button."""
    titles: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, PersonDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        titles.append(dialog.windowTitle())
        name, title, *role = people.pop(0)
        for edit, text in ((dialog.name, name), (dialog.title, title)):
            edit.selectAll()
            type_text(qtbot, edit, text)
        if role:
            dialog.role.setCurrentText(role[0])
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return closed(qtbot, dialog)

    monkeypatch.setattr(meeting_person, "run_dialog", run)
    return titles


def items_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                items: list[AgendaItem]) -> None:
    """Stand in for the agenda dialog: type each queued item and press the OK button."""

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, AgendaItemDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        item = items.pop(0)
        dialog.title.selectAll()
        type_text(qtbot, dialog.title, item.title)
        for box, text in ((dialog.opinions, item.opinions), (dialog.conclusion, item.conclusion)):
            box.selectAll()
            type_text(qtbot, box, text)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return closed(qtbot, dialog)

    monkeypatch.setattr(agenda_item, "run_dialog", run)


def test_demo_2019_shows_its_meeting_and_a_met_quorum(page: MeetingPage) -> None:
    assert page.heading.text() == "Hội nghị năm 2019"
    assert page.chooser.currentText() == "Hội nghị tổng kết năm 2019 — 3/12/2019"
    assert page.chooser.itemText(1) == "Hội nghị sơ kết năm 2019 (chưa tạo)"
    form = page.form
    assert (form.text("held_on"), form.text("start_time"), form.text("end_time")) == (
        "3/12/2019", "14:00", "16:30")
    assert form.text("place") == "Cục Thi hành án dân sự tỉnh Bắc Ninh"
    assert (form.text("chair_name"), form.text("secretary_name")) == ("Nguyễn Văn Khải",
                                                                      "Lê Thị Thu Trang")
    assert column_texts(page.lists["guests"].model, COL_NAME) == [g.name for g in DEMO.guests]
    assert column_texts(page.lists["committee"].model, COL_NAME) == [
        c.name for c in DEMO.committee]
    assert page.lists["agenda"].model.rowCount() == 4
    assert page.quorum.summary == ("Có mặt 8/8 đơn vị — đủ điều kiện tiến hành hội nghị (cần ít "
                                   f"nhất 6, tỷ lệ 2/3 theo {QUORUM_SOURCE})")
    assert page.quorum.met is True and page.quorum.notes == ""
    assert [page.tabs.tabText(i) for i in range(3)] == [
        "Thông tin chung", "Điểm danh (8/8)", "Nội dung, ý kiến (4)"]
    assert column_texts(page.attendance, COL_PRESENT) == ["Có mặt"] * 8
    assert column_texts(page.attendance, COL_REP)[1] == "Trịnh Quốc Bảo"  # Công an tỉnh


def test_unticking_three_units_breaks_the_quorum_live(qtbot: QtBot, page: MeetingPage) -> None:
    session, meeting = page.session, stored(page.session)
    page.tabs.setCurrentIndex(1)
    for name in ("Công an tỉnh", "Sở Nội vụ"):
        select_unit(qtbot, page, name)
        qtbot.keyClick(page.attendance_view, Qt.Key.Key_Space)
    view = page.attendance_view
    rect = view.visualRect(page.attendance.index(5, COL_PRESENT))  # Thanh tra tỉnh: a click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 12, rect.center().y()))
    quorum = meetings.meeting_quorum(session.db, meeting.id)
    assert (quorum.members, quorum.present, quorum.needed, quorum.met) == (8, 5, 6, False)
    assert page.quorum.summary == ("Có mặt 5/8 đơn vị — chưa đủ điều kiện (cần ít nhất 6, tỷ lệ "
                                   f"2/3 theo {QUORUM_SOURCE})")
    assert page.quorum.met is False and "#8a1c1c" in page.quorum.styleSheet()
    assert page.quorum.notes == "3 đơn vị vắng chưa ghi lý do"
    assert page.tabs.tabText(1) == "Điểm danh (5/8)"
    assert column_texts(page.attendance, COL_PRESENT).count("Vắng mặt") == 3
    assert view.currentIndex().row() == 3  # the in-place reload kept the current cell
    stack = session.undo_stack
    assert stack.count() == 3 and stack.undoText() == "Điểm danh: Thanh tra tỉnh vắng mặt"
    stack.undo()
    assert page.quorum.summary.startswith("Có mặt 6/8 đơn vị — đủ điều kiện")
    assert meetings.meeting_quorum(session.db, meeting.id).met
    stack.undo()
    stack.undo()
    assert page.quorum.summary.startswith("Có mặt 8/8") and page.quorum.met
    stack.redo()
    assert column_texts(page.attendance, COL_PRESENT)[1] == "Vắng mặt"
    assert meetings.meeting_quorum(session.db, meeting.id).present == 7


def test_absence_reason_typed_in_place(qtbot: QtBot, page: MeetingPage) -> None:
    session, meeting = page.session, stored(page.session)
    before = meetings.attendance(session.db, meeting.id)
    page.tabs.setCurrentIndex(1)
    select_unit(qtbot, page, "Công an tỉnh", COL_REASON)
    qtbot.keyClick(page.attendance_view, Qt.Key.Key_Return)  # present: Enter edits Người dự
    editor = cell_editor(qtbot, page.attendance_view)
    assert editor.text() == "Trịnh Quốc Bảo"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(page.attendance_view.hasFocus)
    qtbot.keyClick(page.attendance_view, Qt.Key.Key_Space)
    type_in_cell(qtbot, page, "Công an tỉnh", COL_REASON, "Đi công tác")
    cat = units.find_unit(session.db, "Công an tỉnh")
    assert cat is not None
    record = next(a for a in meetings.attendance(session.db, meeting.id) if a.unit_id == cat.id)
    assert (record.present, record.rep_name, record.absence_reason) == (
        False, "Trịnh Quốc Bảo", "Đi công tác")
    assert page.quorum.notes == "" and page.quorum.summary.startswith("Có mặt 7/8")
    type_in_cell(qtbot, page, "Sở Nội vụ", COL_TITLE, "Phó Giám đốc")
    assert session.undo_stack.undoText() == "Sửa điểm danh của Sở Nội vụ"
    for _ in range(3):
        session.undo_stack.undo()
    assert meetings.attendance(session.db, meeting.id) == before


def test_bad_date_refused_in_place_then_fixed_and_undone(qtbot: QtBot,
                                                         page: MeetingPage) -> None:
    session, form = page.session, page.form
    date = form.edits["held_on"]
    retype(qtbot, date, "31/11/2019")
    assert form.message.text() == ("“31/11/2019” không phải là ngày hợp lệ (ví dụ đúng: "
                                   "14/6/2025).")
    assert form.is_refused("held_on") and date.text() == "31/11/2019"
    assert stored(session).held_on == "2019-12-03" and session.undo_stack.count() == 0
    retype(qtbot, form.edits["place"], "Hội trường Cục Thi hành án dân sự tỉnh")  # others save
    assert date.text() == "31/11/2019"  # the refused text survived the reload
    retype(qtbot, date, "4/12/2019")
    assert stored(session).held_on == "2019-12-04" and not form.is_refused("held_on")
    assert form.message.isHidden() and page.chooser.currentText().endswith("4/12/2019")
    retype(qtbot, form.edits["end_time"], "16h30")  # the same time typed differently
    assert form.text("end_time") == "16:30" and session.undo_stack.count() == 2
    retype(qtbot, form.edits["end_time"], "13:00")
    assert "phải sau giờ bắt đầu (14:00)" in form.message.text()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert stored(session) == replace(DEMO, id=stored(session).id)
    assert date.text() == "3/12/2019" and form.text("end_time") == "13:00"  # still refused


@pytest.mark.parametrize(("which", "added", "changed"), [
    ("guests", ("Trần Văn Cường", "Giám đốc Sở Nội vụ"), ("Trần Văn Cường", "Phó Giám đốc")),
    ("committee", ("Lý Thị Hoa", "Chuyên viên Thanh tra tỉnh", "Thành viên"),
     ("Lý Thị Hoa", "Chuyên viên Thanh tra tỉnh", "Phó Trưởng ban")),
])
def test_people_add_edit_reorder_delete_with_undo(
        qtbot: QtBot, page: MeetingPage, monkeypatch: pytest.MonkeyPatch, confirmed: list[str],
        which: str, added: tuple[str, ...], changed: tuple[str, ...]) -> None:
    session, panel = page.session, page.lists[which]
    before = stored(session)
    kind: Callable[..., Guest | CommitteeMember] = Guest if which == "guests" else CommitteeMember
    titles = people_typed(qtbot, monkeypatch, [added, changed])
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CTRL)
    assert getattr(stored(session), which)[-1] == kind(*added)
    assert panel.current_row() == len(getattr(before, which))  # the new row is selected
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert getattr(stored(session), which)[-1] == kind(*changed)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, CTRL)
    assert getattr(stored(session), which)[-2] == kind(*changed)
    assert panel.current_row() == len(getattr(before, which)) - 1
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert confirmed == [f"Xóa {'đại biểu' if which == 'guests' else 'thành viên ban kiểm phiếu'}"
                         f" “{changed[0]}”?\n\nCó thể hoàn tác bằng Ctrl+Z."]
    assert getattr(stored(session), which) == getattr(before, which)
    assert titles[0].startswith("Thêm") and titles[1].startswith("Sửa")
    for _ in range(4):
        session.undo_stack.undo()
    assert stored(session) == before
    session.undo_stack.redo()
    assert column_texts(panel.model, COL_NAME)[-1] == added[0]


def test_agenda_add_edit_reorder_delete_with_undo(qtbot: QtBot, page: MeetingPage,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  confirmed: list[str]) -> None:
    session, panel = page.session, page.lists["agenda"]
    before = stored(session)
    new = AgendaItem("Ý kiến của đại biểu Ban Thi đua - Khen thưởng", "Đề nghị gửi hồ sơ sớm.",
                     "")
    fixed = replace(new, conclusion="Hội nghị tiếp thu ý kiến.")
    items_typed(qtbot, monkeypatch, [new, fixed])
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(panel.findChild(QWidget, "agendaAddButton"), Qt.MouseButton.LeftButton)
    assert stored(session).agenda[-1] == new
    assert panel.hint.text().startswith("5 nội dung; 1 nội dung chưa có kết luận")
    assert page.tabs.tabText(2) == "Nội dung, ý kiến (5)"
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    assert stored(session).agenda[-1] == fixed
    panel.select(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, CTRL)
    assert [a.title for a in stored(session).agenda[:2]] == [DEMO.agenda[1].title,
                                                             DEMO.agenda[0].title]
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert stored(session).agenda[1] == DEMO.agenda[2] and len(confirmed) == 1
    for _ in range(4):
        session.undo_stack.undo()
    assert stored(session) == before


def test_follows_the_year_and_reloads_on_member_changes(page: MeetingPage) -> None:
    session = page.session
    session.set_year(2020)
    assert page.heading.text() == "Hội nghị năm 2020"
    assert page.empty.title.text() == "Năm 2020 chưa có hội nghị tổng kết."
    assert not page.empty.buttons[MeetingKind.MID_YEAR].isHidden()
    assert not page.delete_button.isEnabled()
    session.set_year(2019)
    cat = units.find_unit(session.db, "Công an tỉnh")
    assert cat is not None
    units.update_unit(session.db, cat.id, name="Công an tỉnh Bắc Ninh")
    session.notify("units")
    assert "Công an tỉnh Bắc Ninh" in column_texts(page.attendance, COL_UNIT)

"""ui/pages/meeting.py: creating and deleting meetings; the 2019 meeting re-entered by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import meetings
from data.bloc import create_bloc
from data.db import Database
from data.demo_meeting import MEETING as DEMO
from data.meeting_model import Meeting, MeetingKind
from data.model import BlocProfile
from tests.ui.pages.test_meeting import (
    build,
    focus,
    items_typed,
    people_typed,
    retype,
    stored,
    type_in_cell,
)
from ui.models.attendance import COL_REP, COL_TITLE
from ui.pages import meeting as page_module
from ui.pages.meeting import MeetingPage
from ui.session import Session

CTRL = Qt.KeyboardModifier.ControlModifier
QUORUM_SOURCE = "Hướng dẫn 01/HD-HĐTĐKT (2021) của Hội đồng TĐKT thành phố Hà Nội"


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[MeetingPage]:
    host, page = build(qtbot, session)
    yield page
    del host


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(page_module, "confirm", lambda *args: asked.append(args[2]) or True)
    return asked


def test_delete_meeting_says_what_goes_and_undo_brings_it_back(page: MeetingPage,
                                                               qtbot: QtBot,
                                                               confirmed: list[str]) -> None:
    session = page.session
    before = stored(session)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "điểm danh của 8 đơn vị, 5 vòng bỏ phiếu với 10 lần nhập kết quả" in confirmed[0]
    assert meetings.meetings(session.db, 2019) == []
    assert page.stack.currentWidget() is page.empty and page.quorum.isHidden()
    assert page.empty.title.text() == "Năm 2019 chưa có hội nghị tổng kết."
    assert page.message.text() == "Đã xóa hội nghị tổng kết năm 2019 (hoàn tác: Ctrl+Z)."
    session.undo_stack.undo()
    assert stored(session) == before and page.stack.currentWidget() is page.tabs
    assert page.quorum.summary.startswith("Có mặt 8/8")


def test_delete_can_be_cancelled(page: MeetingPage, qtbot: QtBot,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_module, "confirm", lambda *args: False)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert len(meetings.meetings(page.session.db, 2019)) == 1
    assert page.session.undo_stack.count() == 0


def test_mid_year_meeting_created_from_the_chooser(qtbot: QtBot, page: MeetingPage) -> None:
    session = page.session
    page.chooser.setCurrentIndex(1)
    page.chooser.activated.emit(1)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.title.text() == "Năm 2019 chưa có hội nghị sơ kết."
    button = page.empty.buttons[MeetingKind.MID_YEAR]
    assert not button.isHidden() and page.empty.buttons[MeetingKind.YEAR_END].isHidden()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    created = meetings.find_meeting(session.db, 2019, MeetingKind.MID_YEAR)
    assert created is not None and created.chair_name == "Nguyễn Văn Khải"
    assert page.form.text("chair_title") == DEMO.chair_title
    assert page.form.date.edit.hasFocus()
    assert page.quorum.summary.startswith("Có mặt 0/8 đơn vị — chưa đủ điều kiện")
    assert page.quorum.notes == "8 đơn vị chưa điểm danh (được tính là vắng)"
    qtbot.mouseClick(page.all_present, Qt.MouseButton.LeftButton)
    assert meetings.meeting_quorum(session.db, created.id).present == 8
    assert page.attendance_message.text() == "Đã đánh dấu 8 đơn vị có mặt (hoàn tác: Ctrl+Z)."
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert meetings.find_meeting(session.db, 2019, MeetingKind.MID_YEAR) is None
    assert page.stack.currentWidget() is page.empty


def test_year_end_offered_while_only_the_mid_year_meeting_exists(qtbot: QtBot,
                                                                 session: Session) -> None:
    meetings.delete_meeting(session.db, stored(session).id)
    meetings.save_meeting(session.db, Meeting(0, 2019, MeetingKind.MID_YEAR, held_on="10/7/2019"))
    host, page = build(qtbot, session)
    assert page.chooser.currentText() == "Hội nghị sơ kết năm 2019 — 10/7/2019"
    assert page.chooser.itemText(0) == "Hội nghị tổng kết năm 2019 (chưa tạo)"
    assert page.create_other.isVisible()
    assert page.create_other.text() == "Tạo hội nghị tổng kết năm 2019"
    qtbot.mouseClick(page.create_other, Qt.MouseButton.LeftButton)
    assert page.chooser.currentText() == "Hội nghị tổng kết năm 2019"
    assert stored(session).chair_name == "Nguyễn Văn Khải" and not page.create_other.isVisible()
    del host


def test_a_bloc_without_members_or_years(qtbot: QtBot, empty_bloc: Database) -> None:
    host, page = build(qtbot, Session(empty_bloc, None, 2025))
    qtbot.mouseClick(page.empty.buttons[MeetingKind.YEAR_END], Qt.MouseButton.LeftButton)
    assert page.quorum.summary.startswith("Có mặt 0/0 đơn vị")
    assert page.attendance_hint.text().startswith("Năm chưa có đơn vị thành viên")
    assert page.form.text("chair_name") == ""  # the year has no head unit
    del host
    no_year = create_bloc(None, BlocProfile(name="Khối mới", council="Hội đồng", place="Huế"))
    host, page = build(qtbot, Session(no_year, None))
    assert page.empty.title.text().startswith("Khối chưa có năm thi đua nào")
    assert not page.chooser.isEnabled() and not page.delete_button.isEnabled()
    del host
    no_year.close()


def test_run_the_2019_meeting_through_the_page(qtbot: QtBot, session: Session,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's 2019 year-end meeting removed, then entered again as the secretary would."""
    demo = stored(session)
    demo_attendance = meetings.attendance(session.db, demo.id)
    meetings.delete_meeting(session.db, demo.id)
    host, page = build(qtbot, session)
    assert page.stack.currentWidget() is page.empty
    qtbot.mouseClick(page.empty.buttons[MeetingKind.YEAR_END], Qt.MouseButton.LeftButton)
    form = page.form
    assert form.date.edit.hasFocus()
    assert (form.text("chair_name"), form.text("chair_title")) == (DEMO.chair_name,
                                                                   DEMO.chair_title)
    for field, text in (("held_on", "3/12/2019"), ("start_time", "14h"),
                        ("end_time", "16h30"), ("place", DEMO.place),
                        ("secretary_name", DEMO.secretary_name),
                        ("secretary_title", DEMO.secretary_title)):
        retype(qtbot, form.edits[field], text)
    people_typed(qtbot, monkeypatch, [(g.name, g.title) for g in DEMO.guests]
                 + [(c.name, c.title, c.role) for c in DEMO.committee])
    for which, count in (("guests", 2), ("committee", 3)):
        table = page.lists[which].table
        focus(qtbot, table)
        for _ in range(count):
            qtbot.keyClick(table, Qt.Key.Key_N, CTRL)
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.all_present, Qt.MouseButton.LeftButton)
    for name, (rep, title) in {"Công an tỉnh": ("Trịnh Quốc Bảo", "Phó Giám đốc"),
                               "Bộ Chỉ huy Quân sự tỉnh": ("Lương Văn Tùng",
                                                           "Phó Chỉ huy trưởng")}.items():
        type_in_cell(qtbot, page, name, COL_REP, rep)
        type_in_cell(qtbot, page, name, COL_TITLE, title)
    page.tabs.setCurrentIndex(2)
    items_typed(qtbot, monkeypatch, list(DEMO.agenda))
    table = page.lists["agenda"].table
    focus(qtbot, table)
    for _ in DEMO.agenda:
        qtbot.keyClick(table, Qt.Key.Key_N, CTRL)
    entered = stored(session)
    assert entered == replace(DEMO, id=entered.id)
    assert meetings.attendance(session.db, entered.id) == demo_attendance
    assert page.quorum.summary == ("Có mặt 8/8 đơn vị — đủ điều kiện tiến hành hội nghị (cần ít "
                                   f"nhất 6, tỷ lệ 2/3 theo {QUORUM_SOURCE})")
    assert page.quorum.notes == "" and page.chooser.currentText().endswith("3/12/2019")
    assert [page.tabs.tabText(i) for i in (1, 2)] == ["Điểm danh (8/8)", "Nội dung, ý kiến (4)"]
    del host

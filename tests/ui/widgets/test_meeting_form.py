"""ui/widgets/meeting_form.py: the meeting's header fields and the empty state."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from data.demo_meeting import MEETING as DEMO
from data.meeting_model import MeetingKind
from tests.ui.helpers import type_text
from ui.widgets.date_field import INVALID
from ui.widgets.meeting_form import EmptyState, MeetingForm


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    """The widget inside an active window (focus changes need one)."""
    host = QWidget()
    qtbot.addWidget(host)
    widget.setParent(host)
    host.resize(1000, 400)
    widget.resize(1000, 400)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    return host


def test_load_shows_the_header_the_vietnamese_way(qtbot: QtBot) -> None:
    form = MeetingForm()
    qtbot.addWidget(form)
    form.load(DEMO)
    assert form.text("held_on") == "3/12/2019"
    assert (form.text("start_time"), form.text("end_time")) == ("14:00", "16:30")
    assert form.text("chair_title") == DEMO.chair_title
    assert form.findChild(QLineEdit, "secretaryName").text() == "Lê Thị Thu Trang"


def test_leaving_a_changed_field_asks_to_save_it(qtbot: QtBot) -> None:
    form = MeetingForm()
    host = shown(qtbot, form)
    form.load(DEMO)
    place = form.edits["place"]
    place.setFocus()
    qtbot.waitUntil(place.hasFocus)
    place.selectAll()
    with qtbot.waitSignal(form.commitRequested) as signal:
        type_text(qtbot, place, "Hội trường Sở Nội vụ")
        qtbot.keyClick(place, Qt.Key.Key_Tab)
    assert signal.args == ["place", "Hội trường Sở Nội vụ"]
    assert form.edits["chair_name"].hasFocus()  # the tab order goes on along the form
    del host


def test_refused_text_stays_until_accepted(qtbot: QtBot) -> None:
    form = MeetingForm()
    qtbot.addWidget(form)
    form.load(DEMO)
    form.edits["start_time"].setText("25h")
    form.refuse("start_time", "Giờ bắt đầu “25h” không hợp lệ.")
    assert form.is_refused("start_time") and form.edits["start_time"].styleSheet() == INVALID
    assert form.message.text() == "Giờ bắt đầu “25h” không hợp lệ."
    form.load(replace(DEMO, place="Nơi khác"))  # a reload keeps the refused text
    assert form.text("start_time") == "25h" and form.text("place") == "Nơi khác"
    form.accepted("start_time")
    assert not form.is_refused("start_time") and form.message.isHidden()
    form.load(DEMO)
    assert form.text("start_time") == "14:00"
    form.refuse("end_time", "Sai.")
    form.reset()
    assert not form.is_refused("end_time") and form.edits["end_time"].styleSheet() == ""


def test_empty_state_offers_what_is_missing(qtbot: QtBot) -> None:
    empty = EmptyState()
    qtbot.addWidget(empty)
    year_end, mid_year = (empty.buttons[k] for k in (MeetingKind.YEAR_END, MeetingKind.MID_YEAR))
    empty.show_missing(2020, MeetingKind.YEAR_END, set())
    assert empty.title.text() == "Năm 2020 chưa có hội nghị tổng kết."
    assert year_end.text() == "Tạo hội nghị tổng kết năm 2020"
    assert mid_year.text() == "Tạo hội nghị sơ kết năm 2020"
    assert not year_end.isHidden() and not mid_year.isHidden() and year_end.isDefault()
    empty.show_missing(2019, MeetingKind.MID_YEAR, {MeetingKind.YEAR_END})
    assert year_end.isHidden() and not mid_year.isHidden()
    with qtbot.waitSignal(empty.createRequested) as signal:
        qtbot.mouseClick(mid_year, Qt.MouseButton.LeftButton)
    assert signal.args == [MeetingKind.MID_YEAR]
    empty.show_missing(0, MeetingKind.YEAR_END, set())
    assert "chưa có năm thi đua" in empty.title.text() and year_end.isHidden()

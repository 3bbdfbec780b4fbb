"""ui/widgets/count_entry.py: the two entries typed like a user, each saved on its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from data import ballots, meetings, units
from data.db import Database
from data.meeting_model import BallotRound, Purpose
from tests.ui.helpers import column_texts, type_text
from ui.models.ballot_entries import COL_FIRST, COL_MATCH, COL_SECOND
from ui.session import Session
from ui.widgets.count_entry import CountEntryWidget

COMMITTEE = ["Đào Thị Minh Huệ", "Bùi Văn Long", "Trương Thị Hạnh"]


def content(db: Database) -> list[str]:
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def head_round(db: Database) -> BallotRound:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return next(r for r in ballots.rounds(db, meeting.id) if r.purpose is Purpose.HEAD)


@pytest.fixture
def asked() -> list[str]:
    return []


@pytest.fixture
def widget(qtbot: QtBot, session: Session, asked: list[str]) -> Iterator[CountEntryWidget]:
    """The head election's entries, both cleared, ready to type."""
    db = session.db
    ballot = head_round(db)
    for entry in (1, 2):
        ballots.clear_count(db, ballot.id, entry)

    def ask(_parent: object, title: str, text: str, _yes: str) -> bool:
        asked.append(f"{title}: {text}")
        return True

    w = CountEntryWidget(session, ask)
    qtbot.addWidget(w)
    w.set_round(ballot, {u.id: u.name for u in units.all_units(db)}, [], COMMITTEE)
    w.resize(700, 420)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.table.setFocus()
    w.table.setCurrentIndex(w.model.index(0, COL_FIRST))
    yield w


def type_in(qtbot: QtBot, widget: CountEntryWidget, text: str,
            key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the current cell like a user: the first key opens the editor."""
    table = widget.table
    qtbot.keyClicks(table, text[0])
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, text[1:])
    qtbot.keyClick(editor, key)
    if key == Qt.Key.Key_Return:
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def type_column(qtbot: QtBot, widget: CountEntryWidget, column: int,
                values: list[str]) -> None:
    widget.table.setCurrentIndex(widget.model.index(0, column))
    for value in values:
        type_in(qtbot, widget, value)


def current(widget: CountEntryWidget) -> tuple[int, int]:
    index = widget.table.currentIndex()
    return index.row(), index.column()


def test_enter_moves_down_and_ctrl_s_saves(qtbot: QtBot, widget: CountEntryWidget,
                                           session: Session) -> None:
    db, ballot = session.db, head_round(session.db)
    before = content(db)
    assert column_texts(widget.model, COL_FIRST) == [""] * 5
    assert widget.states[1].text() == "chưa nhập" and not widget.save_buttons[1].isEnabled()
    type_in(qtbot, widget, "8")
    assert current(widget) == (1, COL_FIRST)
    for value in ("8", "8", "0", "8"):
        type_in(qtbot, widget, value)
    assert current(widget) == (4, COL_FIRST)  # the last row stays current
    assert widget.save_buttons[1].isEnabled() and widget.states[1].text() == (
        "<i>có số chưa lưu</i>")
    widget.people[1].setCurrentIndex(0)
    qtbot.keyClick(widget.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [entry] = ballots.count_entries(db, ballot.id)
    assert (entry.entry, entry.count.valid, entry.count.votes, entry.entered_by) == (
        1, 8, ((ballot.candidates[0], 8),), "Đào Thị Minh Huệ")
    assert widget.message.text().startswith("Đã lưu lần nhập 1. Người thứ hai nhập lần 2")
    assert not widget.model.is_dirty(1) and widget.states[1].text().startswith("đã lưu lúc ")
    assert widget.save_buttons[1].isEnabled() is False
    session.undo_stack.undo()
    assert content(db) == before


def test_tab_goes_to_the_other_entry(qtbot: QtBot, widget: CountEntryWidget) -> None:
    type_in(qtbot, widget, "8", Qt.Key.Key_Tab)
    assert current(widget) == (0, COL_SECOND)
    assert widget.table.state() == QAbstractItemView.State.EditingState  # typing goes on
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == ""
    type_text(qtbot, editor, "8")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: widget.table.state() != QAbstractItemView.State.EditingState)
    assert current(widget) == (1, COL_SECOND)
    assert widget.model.index(0, COL_MATCH).data() == "Khớp"
    qtbot.keyClick(widget.table, Qt.Key.Key_Tab)
    assert current(widget) == (1, COL_FIRST)


def test_a_count_that_breaks_a_check_is_kept_and_marked(qtbot: QtBot, widget: CountEntryWidget,
                                                        session: Session) -> None:
    db, ballot = session.db, head_round(session.db)
    type_column(qtbot, widget, COL_FIRST, ["8", "8", "9", "0", "9"])
    qtbot.mouseClick(widget.save_buttons[1], Qt.MouseButton.LeftButton)
    assert ballots.count_entries(db, ballot.id) == [] and session.undo_stack.count() == 0
    assert widget.message.kind == "error" and widget.message.text() == (
        "Lần nhập 1 chưa được lưu; hãy sửa các ô tô đỏ:\n"
        "• Số phiếu hợp lệ (9) nhiều hơn số phiếu thu vào (8).\n"
        "• Số phiếu hợp lệ (9) cộng số phiếu không hợp lệ (0) bằng 9, khác số phiếu thu vào "
        "(8).")
    assert column_texts(widget.model, COL_FIRST) == ["8", "8", "9", "0", "9"]  # kept
    valid = widget.model.index(2, COL_FIRST)
    assert valid.data(Qt.ItemDataRole.BackgroundRole) == QColor("#f8d7da")
    assert valid.data(Qt.ItemDataRole.ToolTipRole).startswith("Số phiếu hợp lệ (9) nhiều hơn")
    assert current(widget) == (2, COL_FIRST)  # the first wrong cell, ready to retype
    type_in(qtbot, widget, "8")
    qtbot.mouseClick(widget.save_buttons[1], Qt.MouseButton.LeftButton)
    assert [p for p in (widget.model.problem(r, 1) for r in range(5)) if p] == [
        "Sở Nội vụ: 9 phiếu, nhiều hơn số phiếu hợp lệ (8).\nTổng số phiếu bầu (9) nhiều hơn số "
        "phiếu hợp lệ nhân số đơn vị được chọn trên mỗi phiếu (8 × 1 = 8)."]
    widget.table.setCurrentIndex(widget.model.index(4, COL_FIRST))
    type_in(qtbot, widget, "abc")
    qtbot.mouseClick(widget.save_buttons[1], Qt.MouseButton.LeftButton)
    assert widget.message.text().endswith("• Số phiếu bầu: “abc” không phải là số.")
    widget.table.setCurrentIndex(widget.model.index(4, COL_FIRST))
    type_in(qtbot, widget, "8")
    qtbot.mouseClick(widget.save_buttons[1], Qt.MouseButton.LeftButton)
    assert [e.count.valid for e in ballots.count_entries(db, ballot.id)] == [8]
    assert session.undo_stack.count() == 1


def test_entries_that_differ_are_highlighted(qtbot: QtBot, widget: CountEntryWidget,
                                             session: Session) -> None:
    type_column(qtbot, widget, COL_FIRST, ["8", "8", "8", "0", "8"])
    qtbot.mouseClick(widget.save_buttons[1], Qt.MouseButton.LeftButton)
    type_column(qtbot, widget, COL_SECOND, ["8", "8", "7", "1", "7"])
    assert widget.model.mismatched_rows() == [2, 3, 4]
    assert column_texts(widget.model, COL_MATCH) == ["Khớp", "Khớp", "Lệch", "Lệch", "Lệch"]
    qtbot.mouseClick(widget.save_buttons[2], Qt.MouseButton.LeftButton)
    assert len(ballots.count_entries(session.db, head_round(session.db).id)) == 2
    assert widget.message.text() == ("Đã lưu lần nhập 2, nhưng hai lần nhập lệch ở 3 dòng tô "
                                     "vàng: đối chiếu lại phiếu và sửa lần nhập sai.")
    assert widget.model.index(2, COL_SECOND).data(Qt.ItemDataRole.BackgroundRole) == QColor(
        "#fff1c2")
    type_column(qtbot, widget, COL_SECOND, ["8", "8", "8", "0", "8"])
    qtbot.mouseClick(widget.save_buttons[2], Qt.MouseButton.LeftButton)
    assert widget.message.text().startswith("Đã lưu lần nhập 2: hai lần nhập khớp nhau")
    assert widget.model.mismatched_rows() == []


def test_clear_an_entry_after_confirmation_then_undo(qtbot: QtBot, widget: CountEntryWidget,
                                                     session: Session,
                                                     asked: list[str]) -> None:
    db, ballot = session.db, head_round(session.db)
    type_column(qtbot, widget, COL_FIRST, ["8", "8", "8", "0", "8"])
    qtbot.mouseClick(widget.save_buttons[1], Qt.MouseButton.LeftButton)
    saved = ballots.count_entries(db, ballot.id)
    qtbot.mouseClick(widget.clear_buttons[1], Qt.MouseButton.LeftButton)
    assert asked == ["Xóa lần nhập 1: Xóa các số của lần nhập 1 để nhập lại?\n\nCó thể hoàn "
                     "tác (Ctrl+Z)."]
    assert ballots.count_entries(db, ballot.id) == []
    assert column_texts(widget.model, COL_FIRST) == [""] * 5
    assert widget.message.text() == "Đã xóa lần nhập 1 (hoàn tác: Ctrl+Z)."
    session.undo_stack.undo()
    assert ballots.count_entries(db, ballot.id) == saved
    # typing not yet saved is dropped without an undo step
    type_column(qtbot, widget, COL_SECOND, ["5"])
    count = session.undo_stack.count()
    qtbot.mouseClick(widget.clear_buttons[2], Qt.MouseButton.LeftButton)
    assert widget.model.index(0, COL_SECOND).data() == "" and session.undo_stack.count() == count


def test_delete_empties_a_cell_and_a_refused_clear_keeps_it(qtbot: QtBot,
                                                            widget: CountEntryWidget) -> None:
    type_in(qtbot, widget, "8")
    widget.table.setCurrentIndex(widget.model.index(0, COL_FIRST))
    qtbot.keyClick(widget.table, Qt.Key.Key_Delete)
    assert widget.model.index(0, COL_FIRST).data() == ""
    widget.set_round(None, {})
    assert not widget.isEnabled() and widget.model.rowCount() == 0
    assert not widget.save(1) and not widget.clear(1)

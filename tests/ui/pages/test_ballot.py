"""ui/pages/ballot.py: the Bỏ phiếu page driven like the counting committee and the secretary."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from data import awards, ballots, meetings, units
from data.db import Database
from data.meeting_model import Attendance, Purpose
from tests.ui.helpers import column_texts, shown, type_text
from ui.dialogs import ballot_round
from ui.dialogs.ballot_round import BallotRoundDialog
from ui.models.ballot_entries import COL_FIRST, COL_SECOND
from ui.models.ballot_rounds import COL_OUTCOME, COL_PURPOSE, COL_STATUS
from ui.models.round_results import COL_PASSED, COL_PERCENT, COL_UNIT, COL_VERDICT, COL_VOTES
from ui.pages import ballot as ballot_page
from ui.pages.ballot import BallotPage
from ui.session import MEETING, Session

Summary = list[tuple[object, ...]]


def content(db: Database) -> list[str]:
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def meeting_id(db: Database) -> int:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return meeting.id


def summary(db: Database) -> Summary:
    """Every round of the 2019 meeting by what it means, ids left out."""
    names = {u.id: u.name for u in units.all_units(db)}
    forms = {f.id: f.code for f in awards.award_forms(db)}
    found: Summary = []
    for r in ballots.round_reports(db, meeting_id(db)):
        b, result, count = r.round, r.result, r.agreed
        assert result is not None and count is not None
        found.append((b.purpose, forms.get(b.award_form_id or 0), b.round_no, b.choices, b.seats,
                      [names[u] for u in b.candidates], r.status,
                      (count.issued, count.received, count.valid, count.invalid), result.base,
                      [(names[c.unit_id], c.votes, c.percent, c.passed, c.elected)
                       for c in result.results], result.outcome))
    return found


def without_rounds(db: Database) -> None:
    for r in ballots.rounds(db, meeting_id(db)):
        ballots.delete_round(db, r.id)


def open_page(qtbot: QtBot, session: Session) -> BallotPage:
    return shown(qtbot, BallotPage(session))


def select(qtbot: QtBot, page: BallotPage, title: str, round_no: int = 1) -> None:
    rows = [r for r in range(page.model.rowCount())
            if page.model.index(r, COL_PURPOSE).data() == title
            and page.model.index(r, 1).data() == str(round_no)]
    assert rows, title
    rect = page.table.visualRect(page.model.index(rows[0], COL_PURPOSE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    row = page.selected_row()
    assert row is not None and row.title == title


def results(page: BallotPage) -> list[tuple[str, ...]]:
    model = page.results.model
    return list(zip(*(column_texts(model, c) for c in (COL_UNIT, COL_VOTES, COL_PERCENT,
                                                       COL_PASSED, COL_VERDICT)), strict=True))


def type_entry(qtbot: QtBot, page: BallotPage, column: int, values: list[object]) -> None:
    """Click the entry's first cell, then type each value and Enter, as from the paper."""
    table = page.count.table
    rect = table.visualRect(page.count.model.index(0, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    for value in values:
        text = str(value)
        qtbot.keyClicks(table, text[0])
        editor = table.focusWidget()
        assert isinstance(editor, QLineEdit)
        type_text(qtbot, editor, text[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def save_entry(qtbot: QtBot, page: BallotPage, entry: int) -> None:
    qtbot.mouseClick(page.count.save_buttons[entry], Qt.MouseButton.LeftButton)


def user(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
         *steps: Callable[[BallotRoundDialog], None]) -> list[str]:
    """Stand in for the modal run: show the dialog, act like the user, report what it showed."""
    seen: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, BallotRoundDialog)
        dialog.show()
        seen.append(dialog.windowTitle())
        for step in steps:
            step(dialog)
            if dialog.isVisible() and dialog.message.isVisible():
                seen.append(dialog.message.text())
        dialog.close()
        parent = dialog.parentWidget()
        if parent is not None:  # as a window manager would: the page's window is active again
            parent.window().activateWindow()
            qtbot.waitUntil(parent.window().isActiveWindow)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(ballot_round, "run_dialog", run)
    return seen


def choose(dialog: BallotRoundDialog, text: str) -> None:
    index = dialog.purpose.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    dialog.purpose.setCurrentIndex(index)


def add(qtbot: QtBot, dialog: BallotRoundDialog, name: str) -> None:
    dialog.add_combo.setCurrentIndex(dialog.add_combo.findText(name))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def listed(dialog: BallotRoundDialog) -> list[str]:
    return [str(dialog.candidates.data(dialog.candidates.index(r))).split(" — ")[0][3:]
            for r in range(dialog.candidates.rowCount())]


def test_the_demo_2019_rounds_and_results(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session)
    assert page.heading.text() == "Bỏ phiếu — hội nghị tổng kết năm 2019"
    assert page.facts.text() == (
        "Có mặt 8/8 đơn vị (cần tối thiểu 6) · Tỷ lệ tính trên tổng số 8 đơn vị thành viên; đạt "
        "khi trên 50 % (Quy chế hoạt động của Khối thi đua) · Tối đa 2 vòng bỏ phiếu cho mỗi nội "
        "dung.")
    assert not page.warning.isVisibleTo(page)
    assert column_texts(page.model, COL_STATUS) == ["Hai lần nhập khớp"] * 5
    assert page.round_title.text() == ("Vòng 1 — Cờ thi đua của Ủy ban nhân dân tỉnh: 2 ứng viên, "
                                       "mỗi phiếu chọn 2, cần chọn 2")
    assert results(page) == [
        ("Cục Thi hành án dân sự tỉnh", "8", "100 %", "Đạt", "Được đề nghị"),
        ("Công an tỉnh", "7", "87,5 %", "Đạt", "Được đề nghị")]
    assert page.results.basis.text() == ("Tỷ lệ tính trên tổng số 8 đơn vị thành viên; đạt khi "
                                         "trên 50 % (Quy chế hoạt động của Khối thi đua)")
    assert page.results.outcome.text() == ("Đã chọn: Cục Thi hành án dân sự tỉnh, Công an "
                                           "tỉnh.")
    assert page.results.view.isVisibleTo(page) and not page.results.pending.isVisibleTo(page)
    select(qtbot, page, "Bầu Trưởng khối năm 2020")
    assert results(page) == [("Sở Nội vụ", "8", "100 %", "Đạt", "Trúng cử")]
    assert column_texts(page.count.model, COL_FIRST) == ["8", "8", "8", "0", "8"]
    assert not page.next_action.isEnabled() and page.edit_action.isEnabled()
    assert page.officers.summary.text().startswith("Trưởng khối: <b>Sở Nội vụ</b>")


def test_a_year_without_its_meeting_points_to_the_meeting_page(qtbot: QtBot,
                                                                session: Session) -> None:
    page = open_page(qtbot, session)
    session.set_year(2020)
    assert page.heading.text() == "Bỏ phiếu — năm 2020"
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text().startswith("Năm 2020 chưa có hội nghị tổng kết.\n\nHãy ghi hội "
                                        "nghị ở trang “Hội nghị”")
    assert not page.new_action.isEnabled() and not page.buttons[0].isEnabled()
    session.set_year(2019)
    assert page.stack.currentIndex() == 0 and page.new_action.isEnabled()


def test_missing_attendance_is_said_and_counts_are_refused(qtbot: QtBot,
                                                           session: Session) -> None:
    db = session.db
    page = open_page(qtbot, session)
    meetings.save_attendance(db, meeting_id(db), [Attendance(u.id, False, absence_reason="")
                                                  for u, _m in units.members(db, 2019)])
    session.notify(MEETING)
    assert page.warning.isVisibleTo(page)
    assert page.warning.text().startswith("Chưa điểm danh: hãy ghi các đơn vị có mặt ở trang "
                                          "“Hội nghị”")
    assert column_texts(page.model, COL_STATUS) == ["Khớp nhưng số liệu sai"] * 5
    assert page.results.pending.text().startswith(
        "Hai lần nhập khớp nhưng số liệu không hợp lệ:\n• Số phiếu phát ra (8) nhiều hơn số đơn "
        "vị có mặt (0): hãy điểm danh trước khi nhập kết quả.")
    meetings.save_attendance(db, meeting_id(db), [Attendance(u.id, i < 5) for i, (u, _m) in
                                                  enumerate(units.members(db, 2019))])
    session.notify(MEETING)
    assert page.warning.text() == "Mới có 5/8 đơn vị có mặt, chưa đủ 6 đơn vị để hội nghị hợp lệ."


def test_a_count_that_breaks_a_check_shows_the_problem_and_stores_nothing(
        qtbot: QtBot, session: Session) -> None:
    db = session.db
    head = next(r for r in ballots.rounds(db, meeting_id(db)) if r.purpose is Purpose.HEAD)
    for entry in (1, 2):
        ballots.clear_count(db, head.id, entry)
    before = content(db)
    page = open_page(qtbot, session)
    select(qtbot, page, "Bầu Trưởng khối năm 2020")
    assert page.results.pending.text().startswith("Chưa nhập kết quả kiểm phiếu.")
    type_entry(qtbot, page, COL_FIRST, [8, 7, 8, 0, 8])
    save_entry(qtbot, page, 1)
    assert content(db) == before and session.undo_stack.count() == 0
    assert page.count.message.text() == (
        "Lần nhập 1 chưa được lưu; hãy sửa các ô tô đỏ:\n"
        "• Số phiếu hợp lệ (8) nhiều hơn số phiếu thu vào (7).\n"
        "• Số phiếu hợp lệ (8) cộng số phiếu không hợp lệ (0) bằng 8, khác số phiếu thu vào "
        "(7).")
    assert column_texts(page.count.model, COL_FIRST) == ["8", "7", "8", "0", "8"]
    assert column_texts(page.model, COL_STATUS)[3] == "Chưa nhập"


def test_entries_that_differ_then_match(qtbot: QtBot, session: Session) -> None:
    db = session.db
    flag = ballots.rounds(db, meeting_id(db))[0]
    ballots.clear_count(db, flag.id, 2)
    page = open_page(qtbot, session)
    assert column_texts(page.model, COL_STATUS)[0] == "Đã nhập lần 1"
    assert page.results.pending.text() == "Mới nhập lần 1: cần nhập lần 2 để đối chiếu."
    type_entry(qtbot, page, COL_SECOND, [8, 8, 8, 0, 8, 6])
    assert page.count.model.mismatched_rows() == [5]  # seen while typing, before saving
    save_entry(qtbot, page, 2)
    assert column_texts(page.model, COL_STATUS)[0] == "Hai lần nhập lệch"
    assert column_texts(page.model, COL_OUTCOME)[0] == "Chưa có kết quả"
    assert not page.results.view.isVisibleTo(page) and page.results.model.rowCount() == 0
    assert page.results.pending.text() == ("Hai lần nhập lệch nhau, chưa có kết quả:\n• Công an "
                                           "tỉnh: lần 1 nhập 7, lần 2 nhập 6.")
    police = page.count.model.index(5, COL_SECOND)
    assert police.data(Qt.ItemDataRole.BackgroundRole) is not None
    type_entry(qtbot, page, COL_SECOND, [8, 8, 8, 0, 8, 7])
    qtbot.keyClick(page.count.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert column_texts(page.model, COL_STATUS)[0] == "Hai lần nhập khớp"
    assert page.results.view.isVisibleTo(page)
    assert [r[2] for r in results(page)] == ["100 %", "87,5 %"]
    session.undo_stack.undo()
    assert column_texts(page.model, COL_STATUS)[0] == "Hai lần nhập lệch"
    assert not page.results.view.isVisibleTo(page)
    session.undo_stack.redo()
    assert [r[2] for r in results(page)] == ["100 %", "87,5 %"]


def test_a_tie_at_the_cut_off_asks_for_a_second_round(qtbot: QtBot, session: Session,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    ballots.delete_round(db, ballots.rounds(db, meeting_id(db))[0].id)

    def three(dialog: BallotRoundDialog) -> None:
        choose(dialog, "Cờ thi đua của Ủy ban nhân dân tỉnh")
        add(qtbot, dialog, "Tòa án nhân dân tỉnh")
        assert listed(dialog) == ["Cục Thi hành án dân sự tỉnh", "Công an tỉnh",
                                  "Tòa án nhân dân tỉnh"]
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    user(qtbot, monkeypatch, three)
    page = open_page(qtbot, session)
    qtbot.mouseClick(page.buttons[0], Qt.MouseButton.LeftButton)
    assert page.round_title.text().startswith("Vòng 1 — Cờ thi đua của Ủy ban nhân dân tỉnh: 3 "
                                              "ứng viên")
    for column, entry in ((COL_FIRST, 1), (COL_SECOND, 2)):
        type_entry(qtbot, page, column, [8, 8, 8, 0, 6, 5, 5])
        save_entry(qtbot, page, entry)
    row = page.selected_row()
    assert row is not None
    assert row.outcome == ("Cần bỏ phiếu vòng 2 cho 1 suất còn lại; đã chọn: Cục Thi hành án "
                           "dân sự tỉnh")
    assert [(r[0], r[4]) for r in results(page)] == [
        ("Cục Thi hành án dân sự tỉnh", "Được đề nghị"),
        ("Công an tỉnh", "Bằng phiếu ở ranh giới: bỏ phiếu vòng sau"),
        ("Tòa án nhân dân tỉnh", "Bằng phiếu ở ranh giới: bỏ phiếu vòng sau")]
    assert page.next_action.isEnabled()
    first = row.report.round.id
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    second = page.selected_row()
    assert second is not None and second.report.round.round_no == 2
    names = {u.id: u.name for u in units.all_units(db)}
    assert [names[u] for u in second.report.round.candidates] == ["Công an tỉnh",
                                                                  "Tòa án nhân dân tỉnh"]
    assert (second.report.round.seats, second.report.round.choices) == (1, 1)
    assert page.message.text().startswith("Đã tạo vòng 2 “Cờ thi đua của Ủy ban nhân dân tỉnh” "
                                          "với Công an tỉnh, Tòa án nhân dân tỉnh; cần chọn 1")
    assert page.count.table.hasFocus() and page.count.model.rowCount() == 6
    outcome = page.model.index(page.model.row_of(first), COL_OUTCOME).data()
    assert outcome.startswith("Cần bỏ phiếu vòng 2 (đã tạo)")
    assert not page.next_action.isEnabled()
    session.undo_stack.undo()
    form = second.report.round.award_form_id
    assert [r.round_no for r in ballots.rounds(db, meeting_id(db))
            if r.award_form_id == form] == [1]
    assert page.model.row_of(second.report.round.id) == -1 and page.next_action.isEnabled()


def test_delete_a_round_after_confirmation_then_undo(qtbot: QtBot, session: Session,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    asked: list[str] = []
    monkeypatch.setattr(ballot_page, "confirm", lambda *a: asked.append(a[2]) or True)
    before = content(db)
    page = open_page(qtbot, session)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked == ["Xóa vòng 1 “Cờ thi đua của Ủy ban nhân dân tỉnh” cùng kết quả kiểm phiếu đã "
                     "nhập?\n\n2 đề nghị khen thưởng lập từ vòng này vẫn được giữ, nhưng không "
                     "còn gắn với kết quả bỏ phiếu.\n\nCó thể hoàn tác (Ctrl+Z)."]
    assert page.model.rowCount() == 4 and len(ballots.rounds(db, meeting_id(db))) == 4
    assert page.message.text() == ("Đã xóa vòng 1 “Cờ thi đua của Ủy ban nhân dân tỉnh” (hoàn "
                                   "tác: Ctrl+Z).")
    session.undo_stack.undo()
    assert content(db) == before and page.model.rowCount() == 5
    monkeypatch.setattr(ballot_page, "confirm", lambda *a: False)
    qtbot.mouseClick(page.buttons[2], Qt.MouseButton.LeftButton)
    assert content(db) == before


def test_a_counted_round_is_not_edited_and_an_empty_one_is(qtbot: QtBot, session: Session,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    seen = user(qtbot, monkeypatch, lambda d: d.reject())
    page = open_page(qtbot, session)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == [] and page.message.text().startswith("Vòng này đã có kết quả kiểm phiếu")
    deputy = ballots.rounds(db, meeting_id(db))[-1]
    for entry in (1, 2):
        ballots.clear_count(db, deputy.id, entry)

    def seats(dialog: BallotRoundDialog) -> None:
        add(qtbot, dialog, "Viện Kiểm sát nhân dân tỉnh")
        dialog.seats.setValue(2)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = user(qtbot, monkeypatch, seats)
    page.reload()
    select(qtbot, page, "Bầu Phó khối năm 2020")
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert seen == ["Sửa vòng 1 bỏ phiếu"]
    changed = ballots.get_round(db, deputy.id)
    assert (changed.seats, changed.choices, len(changed.candidates)) == (2, 2, 2)
    assert page.round_title.text().endswith("2 ứng viên, mỗi phiếu chọn 2, cần chọn 2")
    assert page.message.text() == "Đã lưu vòng bỏ phiếu (hoàn tác: Ctrl+Z)."

"""ui/pages/pledge.py: the pledge and the registrations, driven with keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, QPoint, Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from data import awards, pledges, units
from data.bloc import create_bloc
from data.db import Database
from data.model import BlocProfile, Registration
from tests.ui.helpers import column_texts, hosted_page, type_text
from ui.models.pledge_contents import COL_TEXT
from ui.models.registrations import COL_FORM
from ui.pages.pledge import PledgePage
from ui.session import Session
from ui.widgets import pledge_panel, registrations_panel

CTRL = Qt.KeyboardModifier.ControlModifier


def build(qtbot: QtBot, session: Session) -> tuple[QWidget, PledgePage]:
    host, page = hosted_page(qtbot, lambda parent: PledgePage(session, parent))
    assert isinstance(page, PledgePage)
    return host, page


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[PledgePage]:
    host, page = build(qtbot, session)
    yield page  # the host stays referenced until the test ends
    del host


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    for panel in (pledge_panel, registrations_panel):
        monkeypatch.setattr(panel, "confirm", lambda parent, title, text, action:
                            asked.append(text) or True)
    return asked


def contents(session: Session) -> tuple[str, ...]:
    return pledges.get_pledge(session.db, session.year).contents


def editor(page: PledgePage) -> QPlainTextEdit:
    found = page.pledge.contents_table.findChild(QPlainTextEdit, "contentEditor")
    assert found is not None and found.isVisible()
    return found


def cell(model: QAbstractItemModel, row: int, column: int) -> Any:
    return model.data(model.index(row, column))


def unit_id(session: Session, name: str) -> int:
    unit = units.find_unit(session.db, name)
    assert unit is not None
    return unit.id


def test_demo_2019_shows_its_pledge_and_every_registration(page: PledgePage) -> None:
    assert page.pledge.title() == "Giao ước thi đua năm 2019"
    assert page.pledge.title_edit.text() == "Giao ước thi đua năm 2019"
    assert page.pledge.date_field.text() == "20/2/2019"
    assert page.pledge.place_edit.text() == "Cục Thi hành án dân sự tỉnh Bắc Ninh"
    assert column_texts(page.pledge.contents, 0) == [str(n) for n in range(1, 10)]
    assert column_texts(page.pledge.contents, COL_TEXT) == list(contents(page.session))
    assert page.registrations.title() == "Đăng ký thi đua của các đơn vị năm 2019"
    assert page.registrations.summary.text() == "8/8 đơn vị đã đăng ký"
    assert "Chưa đăng ký" not in column_texts(page.registrations.model, COL_FORM)


def test_2020_shows_five_of_eight_and_follows_the_year(page: PledgePage) -> None:
    page.session.set_year(2020)
    assert page.pledge.title() == "Giao ước thi đua năm 2020"
    assert page.pledge.date_field.text() == "18/2/2020"
    assert page.registrations.summary.text() == "5/8 đơn vị đã đăng ký"
    assert column_texts(page.registrations.model, COL_FORM).count("Chưa đăng ký") == 3
    assert cell(page.pledge.contents, 0, COL_TEXT).endswith("năm 2020.")


def test_date_typed_is_stored_iso_and_undone(page: PledgePage, qtbot: QtBot) -> None:
    session, edit = page.session, page.pledge.date_field.edit
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, "21/02/2019")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pledges.get_pledge(session.db, 2019).signed_on == "2019-02-21"
    assert edit.text() == "21/2/2019"
    edit.selectAll()
    type_text(qtbot, edit, "20/2/2019")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pledges.get_pledge(session.db, 2019).signed_on == "2019-02-20"
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert pledges.get_pledge(session.db, 2019).signed_on == "2019-02-21"
    assert edit.text() == "21/2/2019"
    session.undo_stack.redo()
    assert edit.text() == "20/2/2019"


def test_bad_date_refused_in_place_and_kept(page: PledgePage, qtbot: QtBot) -> None:
    session, edit = page.session, page.pledge.date_field.edit
    before = pledges.get_pledge(session.db, 2019)
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, "31/2/2019")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.pledge.message.text() == (
        "“31/2/2019” không phải là ngày hợp lệ (ví dụ đúng: 14/6/2025).")
    assert page.pledge.message.kind == "error"
    assert pledges.get_pledge(session.db, 2019) == before
    assert session.undo_stack.count() == 0
    page.pledge.title_edit.setFocus()  # leaving the date fires the refusal again, the text stays
    page.pledge.title_edit.selectAll()
    type_text(qtbot, page.pledge.title_edit, "Giao ước thi đua năm 2019 của Khối")
    qtbot.keyClick(page.pledge.title_edit, Qt.Key.Key_Return)
    assert pledges.get_pledge(session.db, 2019).title == "Giao ước thi đua năm 2019 của Khối"
    assert edit.text() == "31/2/2019"  # a reload does not throw the typed text away
    edit.selectAll()
    type_text(qtbot, edit, "22/2/2019")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pledges.get_pledge(session.db, 2019).signed_on == "2019-02-22"
    assert page.pledge.message.isHidden() and edit.styleSheet() == ""


def test_date_picked_on_the_calendar(page: PledgePage) -> None:
    page.pledge.date_field.calendar.clicked.emit(QDate(2019, 2, 25))
    assert pledges.get_pledge(page.session.db, 2019).signed_on == "2019-02-25"
    assert page.pledge.date_field.text() == "25/2/2019"


def test_add_content_with_ctrl_n(page: PledgePage, qtbot: QtBot) -> None:
    session, table = page.session, page.pledge.contents_table
    original = contents(session)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N, CTRL)
    assert page.pledge.contents.rowCount() == 10 and page.pledge.contents.draft
    box = editor(page)
    type_text(qtbot, box, "Tổ chức tốt phong trào")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, box, "“Dân vận khéo”.")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert contents(session) == (*original, "Tổ chức tốt phong trào\n“Dân vận khéo”.")
    assert column_texts(page.pledge.contents, 0)[-1] == "10" and not page.pledge.contents.draft
    assert table.currentIndex().row() == 9
    session.undo_stack.undo()
    assert contents(session) == original and page.pledge.contents.rowCount() == 9
    session.undo_stack.redo()
    assert len(contents(session)) == 10 and page.pledge.contents.rowCount() == 10


def test_a_new_row_left_empty_is_dropped(page: PledgePage, qtbot: QtBot) -> None:
    page.pledge.contents_table.setFocus()
    qtbot.keyClick(page.pledge.contents_table, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(editor(page), Qt.Key.Key_Escape)
    assert page.pledge.contents.rowCount() == 9 and not page.pledge.contents.draft
    assert page.session.undo_stack.count() == 0


def test_edit_content_with_enter(page: PledgePage, qtbot: QtBot) -> None:
    session, table = page.session, page.pledge.contents_table
    original = contents(session)
    table.setFocus()
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    box = editor(page)
    assert box.toPlainText() == original[2]
    box.selectAll()
    type_text(qtbot, box, "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh.")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert contents(session)[2] == "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh."
    assert cell(page.pledge.contents, 2, COL_TEXT) == contents(session)[2]
    session.undo_stack.undo()
    assert contents(session) == original
    session.undo_stack.redo()
    assert contents(session)[2].startswith("Học tập")


def test_empty_content_refused_in_place(page: PledgePage, qtbot: QtBot) -> None:
    session, table = page.session, page.pledge.contents_table
    original = contents(session)
    table.setFocus()
    table.selectRow(4)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    box = editor(page)
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert page.pledge.message.text() == "Nội dung giao ước không được để trống."
    assert contents(session) == original
    assert cell(page.pledge.contents, 4, COL_TEXT) == original[4]


def test_delete_content_asks_first(page: PledgePage, qtbot: QtBot, confirmed: list[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    session, table = page.session, page.pledge.contents_table
    original = contents(session)
    table.setFocus()
    table.selectRow(0)
    monkeypatch.setattr(pledge_panel, "confirm", lambda *args: False)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert contents(session) == original
    monkeypatch.setattr(pledge_panel, "confirm", lambda *args: confirmed.append(args[2]) or True)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert confirmed[0].startswith("Xóa nội dung số 1?")
    assert contents(session) == original[1:]
    assert column_texts(page.pledge.contents, 0) == [str(n) for n in range(1, 9)]
    assert table.currentIndex().row() == 0
    session.undo_stack.undo()
    assert contents(session) == original
    session.undo_stack.redo()
    assert contents(session) == original[1:]


def test_move_contents_with_keys_and_buttons(page: PledgePage, qtbot: QtBot) -> None:
    session, table = page.session, page.pledge.contents_table
    original = contents(session)
    table.setFocus()
    table.selectRow(0)
    assert not page.pledge.content_actions[3].isEnabled()  # the first cannot go up
    qtbot.keyClick(table, Qt.Key.Key_Down, CTRL)
    assert contents(session)[:2] == (original[1], original[0])
    assert table.currentIndex().row() == 1
    button = page.findChild(QWidget, "moveContentDownButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert contents(session)[:3] == (original[1], original[2], original[0])
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up, CTRL)
    assert contents(session)[:3] == (original[1], original[0], original[2])
    for _ in range(3):
        session.undo_stack.undo()
    assert contents(session) == original
    assert column_texts(page.pledge.contents, COL_TEXT) == list(original)


def answer_with(monkeypatch: pytest.MonkeyPatch, *answers: Any) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    queue = list(answers)

    def ask(*args: Any) -> Any:
        calls.append(args)
        return queue.pop(0)

    monkeypatch.setattr(registrations_panel, "ask_registration", ask)
    return calls


def test_registration_edited_with_enter_and_undone(page: PledgePage, qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    session = page.session
    session.set_year(2020)
    army = unit_id(session, "Bộ Chỉ huy Quân sự tỉnh")
    form = awards.form_by_code(session.db, "BK_TINH").id
    new = Registration(2020, army, form, "Đơn vị Quyết thắng", "Huấn luyện đạt giỏi.", "9/1/2020")
    calls = answer_with(monkeypatch, new)
    table = page.registrations.table
    table.setFocus()
    table.selectRow(page.registrations.model.row_of_unit(army))
    assert page.registrations.edit_action.text() == "Ghi đăng ký…"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    unit_name, draft, _forms, registered, error = calls[0][1:]
    assert (unit_name, draft, registered, error) == (
        "Bộ Chỉ huy Quân sự tỉnh", Registration(2020, army), False, "")
    assert pledges.registrations(session.db, 2020)[army] == Registration(
        2020, army, form, "Đơn vị Quyết thắng", "Huấn luyện đạt giỏi.", "2020-01-09")
    assert page.registrations.summary.text() == "6/8 đơn vị đã đăng ký"
    assert page.registrations.message.text() == (
        "Đã lưu đăng ký thi đua của Bộ Chỉ huy Quân sự tỉnh.")
    assert table.currentIndex().row() == page.registrations.model.row_of_unit(army)
    assert page.registrations.edit_action.text() == "Sửa đăng ký…"
    session.undo_stack.undo()
    assert army not in pledges.registrations(session.db, 2020)
    assert page.registrations.summary.text() == "5/8 đơn vị đã đăng ký"
    session.undo_stack.redo()
    assert page.registrations.summary.text() == "6/8 đơn vị đã đăng ký"


def test_registration_refused_reopens_the_dialog(page: PledgePage, qtbot: QtBot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    session = page.session
    police = unit_id(session, "Công an tỉnh")
    before = pledges.registrations(session.db, 2019)[police]
    typed = Registration(2019, police, None, "Tập thể Lao động tiên tiến", "Mới.", "30/2/2019")
    calls = answer_with(monkeypatch, typed, None)
    page.registrations.edit_registration(page.registrations.model.row_of_unit(police))
    assert len(calls) == 2
    assert calls[1][2] == typed  # reopened with what was typed
    assert calls[1][5] == "“30/2/2019” không phải là ngày hợp lệ (ví dụ đúng: 14/6/2025)."
    assert pledges.registrations(session.db, 2019)[police] == before
    assert session.undo_stack.count() == 0


def test_registration_withdrawn_with_delete_and_undone(page: PledgePage, qtbot: QtBot,
                                                       confirmed: list[str]) -> None:
    session, table = page.session, page.registrations.table
    justice = unit_id(session, "Sở Tư pháp")
    before = pledges.registrations(session.db, 2019)[justice]
    table.setFocus()
    table.selectRow(page.registrations.model.row_of_unit(justice))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert confirmed == ["Xóa đăng ký thi đua năm 2019 của Sở Tư pháp?\n\n"
                         "Có thể hoàn tác bằng Ctrl+Z."]
    assert justice not in pledges.registrations(session.db, 2019)
    row = page.registrations.model.row_of_unit(justice)
    assert cell(page.registrations.model, row, COL_FORM) == "Chưa đăng ký"
    assert page.registrations.summary.text() == "7/8 đơn vị đã đăng ký"
    assert not page.registrations.withdraw_action.isEnabled()
    session.undo_stack.undo()
    assert pledges.registrations(session.db, 2019)[justice] == before
    assert page.registrations.summary.text() == "8/8 đơn vị đã đăng ký"


def test_withdraw_chosen_in_the_dialog(page: PledgePage, monkeypatch: pytest.MonkeyPatch,
                                       confirmed: list[str]) -> None:
    session = page.session
    court = unit_id(session, "Tòa án nhân dân tỉnh")
    answer_with(monkeypatch, "withdraw")
    page.registrations.edit_registration(page.registrations.model.row_of_unit(court))
    assert len(confirmed) == 1
    assert court not in pledges.registrations(session.db, 2019)


def test_a_bloc_without_members_or_contents(qtbot: QtBot, empty_bloc: Database) -> None:
    host, page = build(qtbot, Session(empty_bloc, None, 2025))
    assert page.pledge.title() == "Giao ước thi đua năm 2025"
    assert page.pledge.title_edit.placeholderText() == "Giao ước thi đua năm 2025"
    assert page.pledge.contents.rowCount() == 0
    assert "Chưa có nội dung giao ước" in page.pledge.hint.text()
    assert page.registrations.summary.text() == (
        "Năm 2025 chưa có đơn vị thành viên: thêm đơn vị ở trang “Đơn vị”.")
    assert not page.registrations.edit_action.isEnabled()
    page.pledge.contents_table.setFocus()
    qtbot.keyClick(page.pledge.contents_table, Qt.Key.Key_N, CTRL)
    type_text(qtbot, editor(page), "Nội dung thứ nhất.")
    qtbot.keyClick(editor(page), Qt.Key.Key_Return)
    assert pledges.get_pledge(empty_bloc, 2025).contents == ("Nội dung thứ nhất.",)


def test_follows_member_changes_made_elsewhere(page: PledgePage) -> None:
    session = page.session
    session.set_year(2020)
    newcomer = units.add_unit(session.db, "Sở Tài chính", year=2020)
    session.notify("members")
    assert page.registrations.summary.text() == "5/9 đơn vị đã đăng ký"
    row = page.registrations.model.row_of_unit(newcomer.id)
    assert cell(page.registrations.model, row, COL_FORM) == "Chưa đăng ký"


def test_a_bloc_without_any_year(qtbot: QtBot) -> None:
    db = create_bloc(None, BlocProfile(name="Khối mới", council="Hội đồng", place="Bắc Ninh"))
    host, page = build(qtbot, Session(db, None))
    assert not page.pledge.isEnabled() and not page.registrations.isEnabled()
    assert page.pledge.title() == "Giao ước thi đua"
    assert page.registrations.summary.text() == "Khối chưa có năm thi đua nào."
    db.close()


def double_click(qtbot: QtBot, widget: QWidget, where: QPoint) -> None:
    """A press then a double click: item views act on a double click of the pressed item."""
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=where)


def test_double_click_edits_a_content_or_a_registration(page: PledgePage, qtbot: QtBot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    table = page.pledge.contents_table
    where = table.visualRect(page.pledge.contents.index(1, COL_TEXT)).center()
    double_click(qtbot, table.viewport(), where)
    assert editor(page).toPlainText() == contents(page.session)[1]
    qtbot.keyClick(editor(page), Qt.Key.Key_Escape)
    calls = answer_with(monkeypatch, None)
    regs = page.registrations.table
    where = regs.visualRect(page.registrations.model.index(3, COL_FORM)).center()
    double_click(qtbot, regs.viewport(), where)
    assert calls[0][1] == "Sở Nội vụ"
    assert page.session.undo_stack.count() == 0

"""ui/dialogs/bloc_info.py: the bloc's information edited in place, refusals kept open,
the whole change one undo step."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from data.bloc import load_profile
from data.model import BlocProfile
from tests.ui.helpers import drive_dialogs, shown, type_text
from ui.dialogs import bloc_info
from ui.dialogs.bloc_info import BlocInfoDialog, ask_bloc_info
from ui.edits.bloc import edit_bloc
from ui.session import Session

CHANGED = BlocProfile(name="Cụm thi đua các Ban Đảng tỉnh", council="Hội đồng Thi đua - Khen "
                      "thưởng tỉnh Bắc Giang", place="Bắc Giang", profile="party",
                      superior="Tỉnh ủy Bắc Giang", code="CTĐBĐ")


def editing(qtbot: QtBot, session: Session) -> BlocInfoDialog:
    """The dialog over the open bloc, saving through the undoable edit, shown and active."""
    return shown(qtbot, BlocInfoDialog(session.profile, lambda bloc: edit_bloc(session, bloc)))


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, as a user does."""
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, edit, text)


def fill(qtbot: QtBot, dialog: BlocInfoDialog, bloc: BlocProfile) -> None:
    form = dialog.form
    for edit, text in ((form.name, bloc.name), (form.council, bloc.council),
                       (form.superior, bloc.superior), (form.place, bloc.place),
                       (form.code, bloc.code)):
        retype(qtbot, edit, text)
    form.profile.setCurrentIndex(form.profile.findData(bloc.profile))


def test_shows_the_bloc_as_saved(qtbot: QtBot, session: Session) -> None:
    dialog = editing(qtbot, session)
    assert dialog.windowTitle() == "Thông tin khối thi đua"
    assert dialog.form.values() == load_profile(session.db)
    assert dialog.form.code.text() == "KTĐNC" and dialog.form.profile.currentData() == "state"
    assert dialog.ok_button.text() == "Lưu" and not dialog.message.isVisible()
    assert dialog.focusWidget() is dialog.form.name


def test_every_field_saved_then_undone_and_redone(qtbot: QtBot, session: Session) -> None:
    original = load_profile(session.db)
    dialog = editing(qtbot, session)
    fill(qtbot, dialog, CHANGED)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_profile(session.db) == CHANGED and session.profile == CHANGED
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert load_profile(session.db) == original and session.profile == original
    session.undo_stack.redo()
    assert load_profile(session.db) == CHANGED


def test_empty_name_is_refused_in_place(qtbot: QtBot, session: Session) -> None:
    original = load_profile(session.db)
    dialog = editing(qtbot, session)
    retype(qtbot, dialog.form.place, "Hà Nội")
    dialog.form.name.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.message.isVisible() and dialog.message.kind == "error"
    assert dialog.message.text() == "Tên khối thi đua không được để trống."
    assert dialog.form.place.text() == "Hà Nội"  # what was typed stays
    assert dialog.focusWidget() is dialog.form.name
    assert load_profile(session.db) == original and session.undo_stack.count() == 0
    type_text(qtbot, dialog.form.name, "Khối Nội chính")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = load_profile(session.db)
    assert (saved.name, saved.place, saved.code) == ("Khối Nội chính", "Hà Nội", original.code)


def test_nfd_typing_is_stored_nfc(qtbot: QtBot, session: Session) -> None:
    dialog = editing(qtbot, session)
    typed = unicodedata.normalize("NFD", "Khối thi đua Nội chính tỉnh Bắc Ninh")
    retype(qtbot, dialog.form.name, typed)
    retype(qtbot, dialog.form.superior, unicodedata.normalize("NFD", "Tỉnh ủy Bắc Ninh"))
    assert dialog.form.name.text() == typed  # a QLineEdit keeps NFD as typed
    qtbot.keyClick(dialog.form.superior, Qt.Key.Key_Return)
    saved = load_profile(session.db)
    assert saved.name == "Khối thi đua Nội chính tỉnh Bắc Ninh"
    assert saved.superior == "Tỉnh ủy Bắc Ninh"
    assert unicodedata.is_normalized("NFC", saved.name + saved.superior)


def test_enter_accepts(qtbot: QtBot, session: Session) -> None:
    dialog = editing(qtbot, session)
    retype(qtbot, dialog.form.code, "KNC")
    qtbot.keyClick(dialog.form.code, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert load_profile(session.db).code == "KNC"


def test_enter_on_the_profile_list_accepts(qtbot: QtBot, session: Session) -> None:
    dialog = editing(qtbot, session)
    dialog.form.profile.setFocus()
    qtbot.keyClick(dialog.form.profile, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.form.profile, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_profile(session.db).profile == "party"


def test_escape_cancels_and_saves_nothing(qtbot: QtBot, session: Session) -> None:
    original = load_profile(session.db)
    dialog = editing(qtbot, session)
    retype(qtbot, dialog.form.name, "Khối khác")
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert load_profile(session.db) == original and session.undo_stack.count() == 0


def test_tab_order_follows_the_fields(qtbot: QtBot, session: Session) -> None:
    dialog = editing(qtbot, session)
    form = dialog.form
    order = [form.name, form.council, form.superior, form.place, form.code, form.profile,
             dialog.ok_button]
    for before, after in zip(order, order[1:], strict=False):
        assert QApplication.focusWidget() is before
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after, after.objectName()


def test_ask_reports_whether_something_was_saved(qtbot: QtBot, session: Session,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def change(dialog: BlocInfoDialog) -> None:
        retype(qtbot, dialog.form.code, "KNC")
        dialog.accept()

    seen = drive_dialogs(monkeypatch, bloc_info, BlocInfoDialog, change)
    assert ask_bloc_info(None, session)
    assert seen == ["Thông tin khối thi đua"] and load_profile(session.db).code == "KNC"
    drive_dialogs(monkeypatch, bloc_info, BlocInfoDialog, lambda dialog: dialog.accept())
    assert not ask_bloc_info(None, session)  # nothing changed: no undo step
    drive_dialogs(monkeypatch, bloc_info, BlocInfoDialog, lambda dialog: dialog.reject())
    assert not ask_bloc_info(None, session)
    assert session.undo_stack.count() == 1

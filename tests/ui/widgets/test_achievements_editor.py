"""ui/widgets/achievements_editor.py: the summary and note, saved on leaving or Ctrl+Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import nominations
from data.meeting_model import Nomination
from tests.ui.helpers import type_text
from ui.edits import nominations as edits
from ui.edits.nominations import NominationDraft
from ui.session import Session
from ui.widgets.achievements_editor import NO_CHOICE, AchievementsEditor


@pytest.fixture
def editor(qtbot: QtBot, session: Session) -> AchievementsEditor:
    widget = AchievementsEditor(session)
    qtbot.addWidget(widget)
    return widget


def demo(session: Session, index: int) -> Nomination:
    return nominations.nominations(session.db, 2019)[index]


def test_nothing_chosen(editor: AchievementsEditor) -> None:
    assert editor.caption.text() == NO_CHOICE
    assert not editor.edit.isEnabled() and not editor.note.isEnabled()
    assert not editor.save_button.isEnabled() and editor.length.text() == ""
    assert not editor.commit()


def test_ctrl_enter_saves_one_undo_step(qtbot: QtBot, editor: AchievementsEditor,
                                        session: Session) -> None:
    item = demo(session, 2)
    editor.set_nomination(item, "Tòa án nhân dân tỉnh · Bằng khen", "Hạng 3, 105 điểm")
    assert editor.caption.text() == "Tóm tắt thành tích — <b>Tòa án nhân dân tỉnh · Bằng khen</b>"
    assert editor.facts.text() == "Hạng 3, 105 điểm"
    assert editor.edit.toPlainText() == item.achievements
    assert editor.length.text() == f"{len(item.achievements.split())} từ, " \
                                   f"{len(item.achievements)} ký tự"
    editor.edit.selectAll()
    type_text(qtbot, editor.edit, "Giải quyết 98 % số vụ án thụ lý.  ")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = nominations.get_nomination(session.db, item.id)
    assert stored.achievements == "Giải quyết 98 % số vụ án thụ lý."
    assert editor.edit.toPlainText() == stored.achievements  # as stored, no line break added
    assert not editor.dirty and session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Sửa tóm tắt thành tích của “Tòa án nhân dân tỉnh”"
    session.undo_stack.undo()
    assert editor.edit.toPlainText() == item.achievements  # the editor follows the undo
    session.undo_stack.redo()
    assert editor.edit.toPlainText() == "Giải quyết 98 % số vụ án thụ lý."


def test_summary_and_note_together_are_one_step(qtbot: QtBot, editor: AchievementsEditor,
                                                session: Session) -> None:
    first, second = demo(session, 0), demo(session, 1)
    editor.set_nomination(first, "a")
    editor.focus_editor()  # the cursor goes to the end of the summary
    type_text(qtbot, editor.edit, " Tặng Bằng khen năm 2018.")
    type_text(qtbot, editor.note, "Đã có Cờ năm 2018")
    editor.set_nomination(second, "b")  # moving on saves what was typed
    stored = nominations.get_nomination(session.db, first.id)
    assert stored.achievements == first.achievements + " Tặng Bằng khen năm 2018."
    assert stored.note == "Đã có Cờ năm 2018"
    assert session.undo_stack.count() == 1
    assert editor.edit.toPlainText() == second.achievements and editor.note.text() == ""


def test_enter_in_the_note_saves(qtbot: QtBot, editor: AchievementsEditor,
                                 session: Session) -> None:
    item = demo(session, 3)
    editor.set_nomination(item, "c")
    type_text(qtbot, editor.note, "Hồ sơ gửi ngày 10/12/2019")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return)
    assert nominations.get_nomination(session.db, item.id).note == "Hồ sơ gửi ngày 10/12/2019"
    assert session.undo_stack.undoText() == "Sửa ghi chú của “Sở Nội vụ”"


def test_focus_out_saves(qtbot: QtBot, editor: AchievementsEditor, session: Session) -> None:
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    item = demo(session, 4)
    editor.set_nomination(item, "d")
    editor.edit.setFocus()
    qtbot.waitUntil(editor.edit.hasFocus)
    editor.edit.clear()
    type_text(qtbot, editor.edit, "Kiểm sát 100 % tin báo tội phạm.")
    editor.save_button.setFocus()
    qtbot.waitUntil(lambda: not editor.dirty)
    assert nominations.get_nomination(session.db, item.id).achievements == (
        "Kiểm sát 100 % tin báo tội phạm.")


def test_unsaved_typing_is_not_overwritten(qtbot: QtBot, editor: AchievementsEditor,
                                           session: Session) -> None:
    first, second = demo(session, 0), demo(session, 1)
    editor.set_nomination(first, "a")
    editor.focus_editor()
    type_text(qtbot, editor.edit, " Đang gõ")
    nominations.update_nomination(session.db, second.id, note="x")  # another nominee changes
    session.notify("nominations")
    editor.set_nomination(nominations.get_nomination(session.db, first.id), "a")  # a reload
    assert editor.edit.toPlainText() == first.achievements + " Đang gõ" and editor.dirty


def test_a_refusal_keeps_the_text(qtbot: QtBot, editor: AchievementsEditor,
                                  session: Session) -> None:
    item = demo(session, 5)
    editor.set_nomination(item, "e")
    nominations.delete_nomination(session.db, item.id)  # behind the editor's back
    editor.focus_editor()
    type_text(qtbot, editor.edit, " thêm")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message.isVisibleTo(editor) and editor.message.kind == "error"
    assert editor.message.text() == f"Không có đề nghị khen thưởng mã số {item.id}."
    assert editor.edit.toPlainText() == item.achievements + " thêm" and editor.dirty


def test_taken_off_the_list_by_an_undo(qtbot: QtBot, editor: AchievementsEditor,
                                       session: Session) -> None:
    added = edits.add_nomination(session, 2019, NominationDraft(demo(session, 0).unit_id, 5,
                                                                "Thành tích"))
    editor.set_nomination(added, "f")
    session.undo_stack.undo()
    assert editor.nomination_id is None and editor.caption.text() == NO_CHOICE

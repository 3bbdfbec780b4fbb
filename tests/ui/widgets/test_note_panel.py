"""ui/widgets/note_panel.py: the current cell's evidence note, saved on leaving or Ctrl+Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import scores, units
from data.model import Layer
from tests.ui.helpers import type_text
from ui.edits.scores import CellKey, ScoreEditor
from ui.session import Session
from ui.widgets.note_panel import NotePanel


def key(session: Session, name: str, code: str, layer: Layer = Layer.VERIFIED) -> CellKey:
    unit = units.find_unit(session.db, name)
    assert unit is not None
    return (unit.id, next(n.id for n in session.board().table.leaves if n.code == code), layer)


@pytest.fixture
def panel(qtbot: QtBot, session: Session) -> NotePanel:
    panel = NotePanel(session, ScoreEditor(session))
    qtbot.addWidget(panel)
    return panel


def test_ctrl_enter_saves_one_undo_step(qtbot: QtBot, panel: NotePanel,
                                        session: Session) -> None:
    cell = key(session, "Sở Tư pháp", "1b")
    panel.set_cell(cell, "Sở Tư pháp · 1b · Khối chấm")
    assert panel.caption.text() == "Ghi chú / minh chứng — <b>Sở Tư pháp · 1b · Khối chấm</b>"
    assert panel.edit.isEnabled() and panel.edit.toPlainText() == ""
    type_text(qtbot, panel.edit, "Biên bản thẩm định số 3")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = scores.get_score(session.db, *cell)
    assert stored is not None and stored.note == "Biên bản thẩm định số 3"
    assert panel.edit.toPlainText() == "Biên bản thẩm định số 3"  # no line break added
    assert session.undo_stack.undoText() == "Sửa ghi chú / minh chứng"
    session.undo_stack.undo()
    assert panel.edit.toPlainText() == ""  # the panel follows the undo
    session.undo_stack.redo()
    assert panel.edit.toPlainText() == "Biên bản thẩm định số 3"


def test_moving_to_another_cell_saves_the_typed_note(qtbot: QtBot, panel: NotePanel,
                                                     session: Session) -> None:
    first, second = key(session, "Sở Tư pháp", "1b"), key(session, "Sở Nội vụ", "4")
    panel.set_cell(first, "a")
    type_text(qtbot, panel.edit, "Công văn 15/STP")
    panel.set_cell(second, "b")
    stored = scores.get_score(session.db, *first)
    assert stored is not None and stored.note == "Công văn 15/STP"
    assert panel.edit.toPlainText() == ""
    assert session.undo_stack.count() == 1


def test_focus_out_saves(qtbot: QtBot, panel: NotePanel, session: Session) -> None:
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    cell = key(session, "Thanh tra tỉnh", "1b")
    panel.set_cell(cell, "c")
    panel.edit.setFocus()
    qtbot.waitUntil(panel.edit.hasFocus)
    type_text(qtbot, panel.edit, "Tờ trình số 8")
    panel.save_button.setFocus()
    qtbot.waitUntil(lambda: not panel.edit.document().isModified())
    stored = scores.get_score(session.db, *cell)
    assert stored is not None and stored.note == "Tờ trình số 8"


def test_an_empty_cell_takes_no_note(panel: NotePanel, session: Session) -> None:
    panel.set_cell(key(session, "Sở Tư pháp", "8"), "Sở Tư pháp · 8 · Khối chấm")
    assert not panel.edit.isEnabled() and not panel.save_button.isEnabled()
    assert panel.edit.placeholderText() == (
        "Ô này chưa có điểm — nhập điểm trước rồi ghi minh chứng.")
    panel.set_cell(None)
    assert panel.caption.text() == "Chọn một ô điểm để ghi minh chứng."

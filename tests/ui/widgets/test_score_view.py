"""ui/widgets/score_view.py: typing, Enter/Tab moves, copy, paste and clear of blocks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from data import scores, units
from data.model import Layer, Score
from tests.ui.helpers import type_text
from ui.edits.scores import ScoreEditor
from ui.models.score_cells import KEY_ROLE
from ui.models.score_grid import ScoreGridModel
from ui.session import Session
from ui.widgets.score_view import ScoreView


@pytest.fixture
def view(qtbot: QtBot, session: Session) -> ScoreView:
    view = ScoreView()
    view.setModel(ScoreGridModel(session, ScoreEditor(session)))
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def model_of(view: ScoreView) -> ScoreGridModel:
    model = view.model()
    assert isinstance(model, ScoreGridModel)
    return model


def go(view: ScoreView, unit_name: str, code: str) -> tuple[int, int]:
    model = model_of(view)
    unit = units.find_unit(model.session.db, unit_name)
    assert unit is not None
    column = next(c for c in range(model.columnCount())
                  if (i := model.item_at(c)) is not None and i.code == code)
    put(view, model.row_of(unit.id), column)
    return model.row_of(unit.id), column


def put(view: ScoreView, row: int, column: int) -> None:
    """Make a cell current and the only one selected (whatever modifiers earlier tests left)."""
    view.selectionModel().setCurrentIndex(view.model().index(row, column),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)


def type_in(qtbot: QtBot, view: ScoreView, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the current cell like a user: the first key opens the editor."""
    qtbot.keyClicks(view, text[0])
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, text[1:])
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: view.state() != ScoreView.State.EditingState)


def stored(view: ScoreView, row: int, column: int) -> Score | None:
    key = model_of(view).index(row, column).data(KEY_ROLE)
    return scores.get_score(model_of(view).session.db, *key)


def test_typing_commits_on_enter_and_moves_down(qtbot: QtBot, view: ScoreView) -> None:
    row, column = go(view, "Sở Tư pháp", "1b")
    type_in(qtbot, view, "a")
    score = stored(view, row, column)
    assert score is not None and score.grade == "A"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row + 1, column)


def test_tab_commits_and_moves_right(qtbot: QtBot, view: ScoreView) -> None:
    row, column = go(view, "Sở Tư pháp", "2a")
    type_in(qtbot, view, "90/90", Qt.Key.Key_Tab)
    score = stored(view, row, column)
    assert score is not None and (score.actual, score.plan, score.points) == (90, 90, 5)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, column + 1)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex().column() == column


def test_enter_moves_down_when_not_editing(qtbot: QtBot, view: ScoreView) -> None:
    row, column = go(view, "Công an tỉnh", "4")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row + 1, column)
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.ShiftModifier)
    assert view.currentIndex().row() == row
    last = model_of(view).rowCount() - 1
    put(view, last, column)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.currentIndex().row() == last


def test_a_refused_value_reopens_the_cell_with_what_was_typed(qtbot: QtBot,
                                                             view: ScoreView) -> None:
    row, column = go(view, "Sở Tư pháp", "1b")
    before = stored(view, row, column)
    with qtbot.waitSignal(model_of(view).refused) as signal:
        qtbot.keyClicks(view, "1")
        editor = view.focusWidget()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClicks(editor, "2")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "vượt điểm tối đa" in signal.args[0]
    qtbot.waitUntil(lambda: view.state() == ScoreView.State.EditingState)
    again = view.focusWidget()
    assert isinstance(again, QLineEdit) and again.text() == "12"
    assert stored(view, row, column) == before
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, column)
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != ScoreView.State.EditingState)
    assert stored(view, row, column) == before


def select(view: ScoreView, top: int, left: int, bottom: int, right: int) -> None:
    model = view.model()
    put(view, top, left)
    view.selectionModel().select(QItemSelection(model.index(top, left), model.index(bottom,
                                                                                     right)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_copy_a_block(qtbot: QtBot, view: ScoreView) -> None:
    row, column = go(view, "Cục Thi hành án dân sự tỉnh", "1a")
    select(view, row, column, row + 1, column + 1)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "108/100\tA\n105/100\tA\n"


def test_paste_a_block_in_one_undo_step(qtbot: QtBot, view: ScoreView) -> None:
    session = model_of(view).session
    row, column = go(view, "Sở Nội vụ", "3a")
    cells = [(r, c) for r in (row, row + 1) for c in (column, column + 1)]
    before = [stored(view, r, c) for r, c in cells]
    steps = session.undo_stack.count()
    QGuiApplication.clipboard().setText("C\tD\r\nb\t4\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = [stored(view, r, c) for r, c in cells]
    assert [(s.grade, s.points) for s in after if s is not None] == [
        ("C", 3.0), ("D", 0.0), ("B", 4.0), (None, 4.0)]
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Dán 4 ô điểm"
    session.undo_stack.undo()
    assert [stored(view, r, c) for r, c in cells] == before


def test_a_paste_with_a_bad_cell_applies_nothing(qtbot: QtBot, view: ScoreView) -> None:
    model = model_of(view)
    row, column = go(view, "Sở Nội vụ", "3a")
    before = scores.scores(model.session.db, 2019)
    with qtbot.waitSignal(model.refused) as signal:
        assert not view.paste("C\tD\nb\t7\n")
    assert signal.args[0] == ("Sở Tư pháp · 3b: Điểm 7 vượt điểm tối đa 5 của nội dung “3b”.")
    assert scores.scores(model.session.db, 2019) == before
    last = model.columnCount() - 1
    put(view, row, last)
    with qtbot.waitSignal(model.refused) as signal:
        assert not view.paste("A\tB\n")
    assert signal.args[1].splitlines() == [
        "Sở Nội vụ · Xếp loại: ô này không nhập điểm được.",
        "Vùng dán vượt ra ngoài bảng (1 ô không có chỗ)."]
    assert scores.scores(model.session.db, 2019) == before


def test_one_value_fills_the_selection_and_delete_clears_it(qtbot: QtBot,
                                                            view: ScoreView) -> None:
    session = model_of(view).session
    row, column = go(view, "Thanh tra tỉnh", "4")
    select(view, row, column, row + 1, column)
    before = [stored(view, r, column) for r in (row, row + 1)]
    assert view.paste("c")
    assert [s.grade for s in (stored(view, r, column) for r in (row, row + 1)) if s] == ["C", "C"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [stored(view, r, column) for r in (row, row + 1)] == [None, None]
    assert session.undo_stack.undoText() == "Xóa 2 ô điểm"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [stored(view, r, column) for r in (row, row + 1)] == before
    assert stored(view, row, column) is not None
    assert model_of(view).index(row, column).data(KEY_ROLE)[2] is Layer.VERIFIED

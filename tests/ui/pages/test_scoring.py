"""ui/pages/scoring.py: the scoring page driven as the secretariat drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from data import scores, units
from data.db import Database
from data.model import Layer, Score
from tests.ui.helpers import type_in_cell, type_text
from ui.models.ranking import COL_TOTAL, COL_UNIT
from ui.models.score_cells import DIFFERENT, FALLBACK, KEY_ROLE, NOTE_ROLE
from ui.models.unit_scores import COL_VERIFIED
from ui.pages.scoring import BY_UNIT, ScoringPage
from ui.session import SCORES, UNITS, Session
from ui.widgets import penalty_panel

V = Layer.VERIFIED


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> ScoringPage:
    page = ScoringPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def unit_id(page: ScoringPage, name: str) -> int:
    unit = units.find_unit(page.session.db, name)
    assert unit is not None
    return unit.id


def go(page: ScoringPage, name: str, code: str) -> tuple[int, int]:
    model = page.grid_model
    column = next(c for c in range(model.columnCount())
                  if (item := model.item_at(c)) is not None and item.code == code)
    row = model.row_of(unit_id(page, name))
    page.grid.selectionModel().setCurrentIndex(model.index(row, column),
                                               QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return row, column


def stored(page: ScoringPage, row: int, column: int) -> Score | None:
    key = page.grid_model.index(row, column).data(KEY_ROLE)
    return scores.get_score(page.session.db, *key)


def ranking_total(page: ScoringPage, short: str) -> str:
    model = page.ranking.model
    row = next(r for r in range(model.rowCount()) if model.index(r, COL_UNIT).data() == short)
    return str(model.index(row, COL_TOTAL).data())


def test_a_typed_grade_updates_the_score_and_the_ranking_at_once(qtbot: QtBot,
                                                                 page: ScoringPage) -> None:
    assert page.title.text() == "Chấm điểm năm 2019"
    assert page.layer_group.checkedId() == 1  # Khối chấm
    row, column = go(page, "Tòa án nhân dân tỉnh", "1b")
    assert ranking_total(page, "TAND tỉnh") == "105"
    with qtbot.assertNotEmitted(page.grid_model.modelReset):
        type_in_cell(qtbot, page.grid, "B")
    score = stored(page, row, column)
    assert score is not None and (score.grade, score.points) == ("B", 8.0)
    assert ranking_total(page, "TAND tỉnh") == "103"
    assert page.grid_model.index(row, page.grid_model.col_total).data() == "103"
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (row + 1,
                                                                                   column)
    page.session.undo_stack.undo()
    assert stored(page, row, column).grade == "A"  # type: ignore[union-attr]
    assert ranking_total(page, "TAND tỉnh") == "105"
    page.session.undo_stack.redo()
    assert ranking_total(page, "TAND tỉnh") == "103"


def test_over_the_maximum_is_refused_in_place(qtbot: QtBot, page: ScoringPage) -> None:
    row, column = go(page, "Tòa án nhân dân tỉnh", "1b")
    before = scores.scores(page.session.db, 2019)
    type_in_cell(qtbot, page.grid, "12")
    assert page.message.isVisible() and page.message.kind == "error"
    assert "vượt điểm tối đa" in page.message.text()
    assert scores.scores(page.session.db, 2019) == before
    editor = page.grid.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "12"  # what was typed stays
    editor.setText("9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(page, row, column).points == 9)  # type: ignore[union-attr]
    assert not page.message.isVisible()  # the refusal is gone once the cell is right


def test_actual_over_plan_for_a_quantitative_item(qtbot: QtBot, page: ScoringPage) -> None:
    row, column = go(page, "Sở Tư pháp", "1a")
    type_in_cell(qtbot, page.grid, "108/100")
    score = stored(page, row, column)
    assert score is not None
    assert (score.actual, score.plan, score.points) == (108.0, 100.0, 20.0)
    assert page.grid_model.index(row, column).data() == "20 (108/100)"


def test_enter_moves_down(qtbot: QtBot, page: ScoringPage) -> None:
    row, column = go(page, "Công an tỉnh", "5")
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (row + 1,
                                                                                   column)


def test_a_pasted_block_is_one_undo_step(qtbot: QtBot, page: ScoringPage) -> None:
    row, column = go(page, "Thanh tra tỉnh", "1b")
    cells = [(r, c) for r in (row, row + 1) for c in (column, column + 1)]
    before = [stored(page, r, c) for r, c in cells]
    steps = page.session.undo_stack.count()
    QGuiApplication.clipboard().setText("C\t100/100\r\nD\t90/90\r\n")
    with qtbot.assertNotEmitted(page.grid_model.modelReset):
        qtbot.keyClick(page.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = [stored(page, r, c) for r, c in cells]
    assert [(s.grade, s.points) for s in pasted if s is not None] == [
        ("C", 6.0), (None, 5.0), ("D", 0.0), (None, 5.0)]
    assert page.session.undo_stack.count() == steps + 1
    page.session.undo_stack.undo()
    assert [stored(page, r, c) for r, c in cells] == before


def test_a_paste_with_one_bad_cell_applies_nothing(qtbot: QtBot, page: ScoringPage) -> None:
    go(page, "Thanh tra tỉnh", "1b")
    before = scores.scores(page.session.db, 2019)
    QGuiApplication.clipboard().setText("C\t100/100\nE\t90/90\n")
    qtbot.keyClick(page.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert scores.scores(page.session.db, 2019) == before
    assert page.message.kind == "error"
    assert page.message.text() == (
        "Tòa án nhân dân tỉnh · 1b: Mức “E” không có trong thang của nội dung “1b”; "
        "các mức được dùng: A, B, C, D.")


def test_fallback_items_of_the_military_command_are_marked(page: ScoringPage) -> None:
    model = page.grid_model
    for code in ("2b", "3a", "3b"):
        row, column = go(page, "Bộ Chỉ huy Quân sự tỉnh", code)
        index = model.index(row, column)
        assert index.data(Qt.ItemDataRole.BackgroundRole) == FALLBACK
        assert index.data(Qt.ItemDataRole.ToolTipRole) == (
            "Chưa có điểm khối chấm — đang lấy điểm tự chấm")
    ranking = page.ranking.model
    row = next(r for r in range(ranking.rowCount())
               if ranking.index(r, COL_UNIT).data() == "Bộ CHQS tỉnh")
    assert ranking.index(row, 6).data() == "3"


def test_a_note_for_the_current_cell(qtbot: QtBot, page: ScoringPage) -> None:
    row, column = go(page, "Sở Tư pháp", "1b")
    assert page.notes.caption.text() == (
        "Ghi chú / minh chứng — <b>Sở Tư pháp · 1b · Khối chấm</b>")
    type_text(qtbot, page.notes.edit, "Biên bản thẩm định số 3")
    qtbot.keyClick(page.notes.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(page, row, column).note == "Biên bản thẩm định số 3"  # type: ignore[union-attr]
    assert page.grid_model.index(row, column).data(NOTE_ROLE) is True
    page.session.undo_stack.undo()
    assert stored(page, row, column).note == ""  # type: ignore[union-attr]
    assert page.grid_model.index(row, column).data(NOTE_ROLE) is False


def test_penalties_of_the_selected_unit(qtbot: QtBot, page: ScoringPage,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    go(page, "Tòa án nhân dân tỉnh", "4")
    assert page.penalties.unit_id == unit_id(page, "Tòa án nhân dân tỉnh")
    page.tabs.setCurrentWidget(page.penalties)
    page.penalties.type_combo.setCurrentIndex(5)  # K1: written reprimand, 10 points
    qtbot.mouseClick(page.penalties.add_button, Qt.MouseButton.LeftButton)
    court = unit_id(page, "Tòa án nhân dân tỉnh")
    added = scores.penalties(page.session.db, 2019, court)
    assert [(p.title, p.points) for p in added] == [("Cán bộ, công chức bị kỷ luật khiển trách",
                                                     10.0)]
    assert ranking_total(page, "TAND tỉnh") == "95"
    row = page.grid_model.row_of(court)
    assert page.grid_model.index(row, page.grid_model.col_total).data() == "95"
    monkeypatch.setattr(penalty_panel, "confirm_delete", lambda parent, penalty: True)
    page.penalties.table.setCurrentIndex(page.penalties.model.index(0, 0))
    qtbot.mouseClick(page.penalties.delete_button, Qt.MouseButton.LeftButton)
    assert scores.penalties(page.session.db, 2019, court) == []
    assert ranking_total(page, "TAND tỉnh") == "105"
    page.session.undo_stack.undo()
    assert scores.penalties(page.session.db, 2019, court) == added
    assert ranking_total(page, "TAND tỉnh") == "95"


def test_the_unit_mode_shows_differences(qtbot: QtBot, page: ScoringPage) -> None:
    qtbot.mouseClick(page.mode_group.button(BY_UNIT), Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.unit_view
    assert page.unit_combo.isVisible() and not page.layer_box.isVisible()
    justice = page.unit_combo.findData(unit_id(page, "Sở Tư pháp"))
    page.unit_combo.setCurrentIndex(justice)
    page.unit_combo.activated.emit(justice)
    model = page.unit_model
    assert model.unit is not None and model.unit.name == "Sở Tư pháp"
    assert page.penalties.unit_id == model.unit.id
    item_row = next(r for r in range(model.rowCount())
                    if (n := model.node_at(r)) is not None and n.code == "1b")
    index = model.index(item_row, COL_VERIFIED)
    assert (index.data(), index.data(Qt.ItemDataRole.BackgroundRole)) == ("B · 8", DIFFERENT)
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("−2 so với tự chấm")
    page.unit_view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert page.notes.caption.text() == (
        "Ghi chú / minh chứng — <b>Sở Tư pháp · 1b · Khối chấm</b>")
    total = ranking_total(page, "Sở Tư pháp")
    type_in_cell(qtbot, page.unit_view, "a")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert float(ranking_total(page, "Sở Tư pháp").replace(",", ".")) == float(
        total.replace(",", ".")) + 2


def test_layers_and_units_are_chosen_by_button_header_and_ranking(qtbot: QtBot,
                                                                 page: ScoringPage) -> None:
    row, column = go(page, "Bộ Chỉ huy Quân sự tỉnh", "2b")
    qtbot.mouseClick(page.layer_group.button(0), Qt.MouseButton.LeftButton)
    assert page.grid_model.layer is Layer.SELF
    assert page.grid_model.index(row, column).data() == "5 (5/6)"
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (row, column)
    assert page.notes.caption.text().endswith("· 2b · Tự chấm</b>")
    page.activateWindow()
    qtbot.waitActive(page)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert page.grid_model.layer is Layer.COUNCIL
    justice = unit_id(page, "Sở Tư pháp")
    page.ranking.unitChosen.emit(justice)
    assert page.grid.currentIndex().row() == page.grid_model.row_of(justice)
    assert page.penalties.unit_id == justice
    page.grid.verticalHeader().sectionDoubleClicked.emit(page.grid_model.row_of(
        unit_id(page, "Sở Nội vụ")))
    assert page.stack.currentWidget() is page.unit_view
    assert page.unit_model.unit is not None and page.unit_model.unit.name == "Sở Nội vụ"
    assert page.unit_combo.currentText() == "Sở Nội vụ"


def imported(session: Session, unit: int, item: int) -> None:
    """Another page's score edit: saved, and the cached board kept current (the contract)."""
    score = scores.set_score(session.db, 2019, unit, item, V, grade="C")
    board = session.cached_board()
    assert board is not None
    board.set_score(score)


def test_changes_made_elsewhere_and_another_year_reload(qtbot: QtBot, page: ScoringPage) -> None:
    row, column = go(page, "Sở Tư pháp", "1b")
    item = page.grid_model.item_at(column)
    assert item is not None
    court = unit_id(page, "Sở Tư pháp")
    with qtbot.waitSignal(page.grid_model.modelReset):
        page.session.perform("Nhập từ Excel", lambda: imported(page.session, court, item.id),
                             lambda: None, SCORES)
    assert page.grid_model.index(row, column).data() == "C · 6"
    page.session.set_year(2020)
    assert page.title.text() == "Chấm điểm năm 2020"
    assert page.grid_model.index(row, column).data() == ""
    assert ranking_total(page, "Sở Tư pháp") == "0"


def test_a_bloc_without_a_table_says_what_to_do(qtbot: QtBot, empty_bloc: Database) -> None:
    page = ScoringPage(Session(empty_bloc, None, 2025))
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text() == ("Năm 2025 chưa có đơn vị thành viên. Hãy thêm đơn vị ở trang "
                                 "“Đơn vị”.")
    units.add_unit(empty_bloc, "Sở Tư pháp", year=2025)
    page.session.notify(UNITS)
    assert page.empty.text() == ("Năm 2025 chưa có bảng tiêu chí. Hãy lập bảng ở trang "
                                 "“Bảng tiêu chí”.")
    assert page.ranking.model.rowCount() == 1


def test_switching_modes_keeps_the_selected_unit(qtbot: QtBot, page: ScoringPage) -> None:
    row, _ = go(page, "Công an tỉnh", "4")
    page.activateWindow()
    qtbot.waitActive(page)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentWidget() is page.unit_view
    assert page.unit_model.unit is not None and page.unit_model.unit.name == "Công an tỉnh"
    assert page.notes.caption.text() == (  # typing starts on the first item, layer that counts
        "Ghi chú / minh chứng — <b>Công an tỉnh · 1a · Khối chấm</b>")
    page.show_unit(unit_id(page, "Thanh tra tỉnh"))
    assert page.unit_model.unit.name == "Thanh tra tỉnh"
    assert page.penalties.caption.text() == "Điểm trừ năm 2019 của <b>Thanh tra tỉnh</b>"
    page.unit_view.setFocus()
    qtbot.keyClick(page.unit_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentWidget() is page.grid
    assert page.grid.currentIndex().row() == page.grid_model.row_of(
        unit_id(page, "Thanh tra tỉnh"))
    assert row != page.grid.currentIndex().row()

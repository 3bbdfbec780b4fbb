"""ui/models/score_grid.py: units × items of one layer, then totals, rank and class."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from data import scores, units
from data.db import Database
from data.model import Layer, Unit
from data.vntext import format_number
from ui.edits.scores import ScoreEditor
from ui.models.score_cells import FALLBACK, KEY_ROLE, LIGHT, NOTE_ROLE
from ui.models.score_grid import ScoreGridModel
from ui.session import UNITS, Session

DISPLAY, EDIT, TIP, BACK, FORE = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                  Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                                  Qt.ItemDataRole.ForegroundRole)
V = Layer.VERIFIED


@pytest.fixture
def model(session: Session) -> ScoreGridModel:
    return ScoreGridModel(session, ScoreEditor(session))


def cell(model: ScoreGridModel, unit_name: str, code: str) -> tuple[int, int]:
    unit = units.find_unit(model.session.db, unit_name)
    assert unit is not None
    column = next(c for c in range(model.columnCount())
                  if (item := model.item_at(c)) is not None and item.code == code)
    return model.row_of(unit.id), column


def text(model: ScoreGridModel, unit_name: str, code: str, role: int = DISPLAY) -> object:
    return model.index(*cell(model, unit_name, code)).data(role)


@pytest.mark.parametrize("layer", list(Layer))
def test_model_checks(qtmodeltester: ModelTester, session: Session, layer: Layer) -> None:
    qtmodeltester.check(ScoreGridModel(session, ScoreEditor(session), layer))


def test_rows_columns_and_headers(model: ScoreGridModel) -> None:
    names = [model.unit_at(r).name for r in range(model.rowCount())]
    assert names == [u.name for u, _ in units.members(model.session.db, 2019)]
    assert names[:3] == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["1a", "1b", "2a", "2b", "3a", "3b", "4", "5", "6a", "6b", "7", "8", "9",
                       "10", "11", "T1", "T2", "Cộng khối chấm", "Tổng điểm", "Hạng", "Xếp loại"]
    tip = model.headerData(1, Qt.Orientation.Horizontal, TIP)
    assert tip.startswith("1b. Nhiệm vụ đột xuất được cấp trên giao\nTối đa 10 điểm · Định tính")
    assert model.headerData(0, Qt.Orientation.Vertical) == "Bộ CHQS tỉnh"
    assert model.headerData(0, Qt.Orientation.Vertical, TIP) == "Bộ Chỉ huy Quân sự tỉnh"


def test_cells_show_points_grades_and_quantities(model: ScoreGridModel) -> None:
    assert text(model, "Tòa án nhân dân tỉnh", "1b") == "A · 10"
    assert text(model, "Tòa án nhân dân tỉnh", "1b", EDIT) == "A"
    assert text(model, "Sở Tư pháp", "1b") == "B · 8"
    assert text(model, "Cục Thi hành án dân sự tỉnh", "1a") == "20 (108/100)"
    assert text(model, "Cục Thi hành án dân sự tỉnh", "1a", EDIT) == "108/100"
    assert text(model, "Sở Tư pháp", "1a") == "19,6 (98/100)"
    assert text(model, "Cục Thi hành án dân sự tỉnh", "T1") == "5"
    assert text(model, "Cục Thi hành án dân sự tỉnh", "8") == ""  # a council item
    row, column = cell(model, "Sở Tư pháp", "1b")
    unit = model.unit_at(row)
    assert model.index(row, column).data(KEY_ROLE) == (unit.id, model.item_at(column).id, V)


def test_fallback_items_are_marked_in_the_layer_that_counts(model: ScoreGridModel) -> None:
    for code in ("2b", "3a", "3b"):
        assert text(model, "Bộ Chỉ huy Quân sự tỉnh", code) == ""
        assert text(model, "Bộ Chỉ huy Quân sự tỉnh", code, BACK) == FALLBACK
        assert text(model, "Bộ Chỉ huy Quân sự tỉnh", code, TIP) == (
            "Chưa có điểm khối chấm — đang lấy điểm tự chấm")
    assert text(model, "Bộ Chỉ huy Quân sự tỉnh", "1b", BACK) is None
    assert text(model, "Sở Nội vụ", "T1", BACK) == FALLBACK  # bonus claimed, not verified
    assert text(model, "Tòa án nhân dân tỉnh", "T2", BACK) is None  # no bonus claimed at all
    model.set_layer(Layer.SELF)
    assert text(model, "Bộ Chỉ huy Quân sự tỉnh", "2b") == "5 (5/6)"
    assert text(model, "Bộ Chỉ huy Quân sự tỉnh", "2b", BACK) is None


def test_a_layer_that_does_not_count_is_lighter(model: ScoreGridModel) -> None:
    assert text(model, "Sở Tư pháp", "1b", FORE) is None
    assert text(model, "Sở Tư pháp", "8", FORE) == LIGHT  # council item in the verified layer
    assert "lấy điểm hội đồng chấm" in str(text(model, "Sở Tư pháp", "8", TIP))
    model.set_layer(Layer.COUNCIL)
    assert text(model, "Sở Tư pháp", "8", FORE) is None
    assert text(model, "Sở Tư pháp", "10") == "B · 4"
    assert text(model, "Sở Tư pháp", "1b", FORE) == LIGHT


def test_totals_rank_and_class(model: ScoreGridModel) -> None:
    board = model.session.board()
    for ranked in board.ranking():
        row = model.row_of(ranked.unit_id)
        values = [model.index(row, c).data() for c in range(model.col_layer_total,
                                                              model.col_class + 1)]
        result = ranked.result
        assert values == [format_number(result.verified_total),
                          format_number(result.final_total), str(ranked.rank), ranked.band]
    model.set_layer(Layer.SELF)
    assert model.headerData(model.col_layer_total, Qt.Orientation.Horizontal) == "Cộng tự chấm"
    first = board.ranking()[0]
    assert model.index(model.row_of(first.unit_id), model.col_layer_total).data() == (
        format_number(first.result.self_total))


def test_an_edit_repaints_its_cell_and_the_unit_totals_without_reset(
    qtbot: QtBot, model: ScoreGridModel
) -> None:
    row, column = cell(model, "Tòa án nhân dân tỉnh", "1b")
    unit, item = model.unit_at(row), model.item_at(column)
    assert item is not None
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.row(),
                                                           b.column())))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        assert model.setData(model.index(row, column), "b")
    stored = scores.get_score(model.session.db, unit.id, item.id, V)
    assert stored is not None and stored.grade == "B"
    assert model.index(row, column).data() == "B · 8"
    assert (row, column, row, column) in changed
    assert (row, model.col_layer_total, row, model.col_class) in changed
    assert (0, model.col_rank, model.rowCount() - 1, model.col_rank) in changed
    assert model.index(row, model.col_total).data() == format_number(
        model.session.board().result(unit.id).final_total)
    model.session.undo_stack.undo()
    assert model.index(row, column).data() == "A · 10"


def test_refused_input_keeps_the_cell(qtbot: QtBot, model: ScoreGridModel) -> None:
    row, column = cell(model, "Tòa án nhân dân tỉnh", "1b")
    before = scores.scores(model.session.db, 2019)
    with qtbot.waitSignal(model.refused) as signal:
        assert not model.setData(model.index(row, column), "12")
    assert signal.args[0] == ("Tòa án nhân dân tỉnh · 1b: Điểm 12 vượt điểm tối đa 10 của nội "
                              "dung “1b”.")
    assert scores.scores(model.session.db, 2019) == before
    assert model.index(row, column).data() == "A · 10"
    assert not model.flags(model.index(row, model.col_total)) & Qt.ItemFlag.ItemIsEditable
    assert not model.apply_cells([(row, model.col_total, "5")], "Dán")


def test_notes_are_flagged(model: ScoreGridModel) -> None:
    row, column = cell(model, "Sở Tư pháp", "1b")
    key = model.index(row, column).data(KEY_ROLE)
    assert model.index(row, column).data(NOTE_ROLE) is False
    model.editor.set_note(2019, key, "Công văn số 12")
    assert model.index(row, column).data(NOTE_ROLE) is True
    assert "Ghi chú / minh chứng: Công văn số 12" in model.index(row, column).data(TIP)


def test_a_bloc_without_table_or_units(qtmodeltester: ModelTester, empty_bloc: Database,
                                       make_unit: Callable[..., Unit]) -> None:
    session = Session(empty_bloc, None, 2025)
    model = ScoreGridModel(session, ScoreEditor(session))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (0, 0)
    make_unit(name="Sở Tư pháp")
    session.notify(UNITS)  # the units page announces it; the board is loaded again
    model.reload()
    assert (model.rowCount(), model.columnCount()) == (1, 0)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() is None

"""ui/models/ranking.py: the live ranking, following edits without a reset."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from data import units
from data.vntext import format_number
from ui.models.ranking import COL_FALLBACK, COL_RANK, COL_TOTAL, COL_UNIT, RankingModel
from ui.models.score_cells import FALLBACK
from ui.session import Session


def ranking_model(session: Session) -> RankingModel:
    model = RankingModel()
    model.set_ranking(session.board().ranking(),
                      [u for u, _ in units.members(session.db, 2019)])
    return model


def test_model_checks_and_rows(qtmodeltester: ModelTester, session: Session) -> None:
    model = ranking_model(session)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Hạng", "Đơn vị", "Tổng", "Thưởng", "Trừ", "Xếp loại", "Lấy tự chấm"]
    rows = [[model.index(r, c).data() for c in range(7)] for r in range(model.rowCount())]
    board = session.board()
    expected = []
    for ranked in board.ranking():
        result = ranked.result
        unit = units.get_unit(session.db, ranked.unit_id)
        expected.append([str(ranked.rank), unit.short_name, format_number(result.final_total),
                         format_number(result.bonus) if result.bonus else "",
                         f"−{format_number(result.penalty)}" if result.penalty else "",
                         ranked.band, str(result.fallback_items) if result.fallback_items else ""])
    assert rows == expected
    military = next(r for r in range(model.rowCount())
                    if model.index(r, COL_UNIT).data() == "Bộ CHQS tỉnh")
    assert model.index(military, COL_FALLBACK).data() == "3"
    assert model.index(military, COL_FALLBACK).data(Qt.ItemDataRole.BackgroundRole) == FALLBACK
    assert model.index(military, COL_UNIT).data(Qt.ItemDataRole.ToolTipRole) == (
        "Bộ Chỉ huy Quân sự tỉnh")
    justice = next(r for r in range(model.rowCount())
                   if model.index(r, COL_UNIT).data() == "Sở Tư pháp")
    assert model.index(justice, 4).data() == "−2"


def test_update_moves_rows_and_keeps_the_selection(qtbot: QtBot, session: Session) -> None:
    model = ranking_model(session)
    ranking = session.board().ranking()
    last = QPersistentModelIndex(model.index(len(ranking) - 1, COL_UNIT))
    last_unit = ranking[-1].unit_id
    # The last unit jumps to the top; everyone else moves down one place.
    best = ranking[0].result
    moved = [replace(ranking[-1], rank=1, result=replace(ranking[-1].result,
                                                          final_total=best.final_total + 1))]
    moved += [replace(r, rank=i + 2) for i, r in enumerate(ranking[:-1])]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.layoutChanged):
        model.update(moved)
    assert last.row() == 0 and model.row_at(0).unit_id == last_unit
    assert model.index(0, COL_RANK).data() == "1"
    assert model.index(0, COL_TOTAL).data() == format_number(best.final_total + 1)
    # Same order: values repaint in place.
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.dataChanged):
        model.update([replace(r, shared=True) for r in moved])
    assert model.index(1, COL_RANK).data() == "2*"
    assert model.index(1, COL_RANK).data(Qt.ItemDataRole.ToolTipRole).startswith("Đồng hạng 2")
    # Other units: a reset.
    with qtbot.waitSignal(model.modelReset):
        model.update(moved[:3])
    assert model.rowCount() == 3

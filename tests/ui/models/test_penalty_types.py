"""ui/models/penalty_types.py: the penalty catalogue table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from data import penalty_catalogue
from data.db import Database
from ui.models.base import SORT_ROLE
from ui.models.penalty_types import COL_POINTS, COL_SOURCE, COL_TITLE, PenaltyTypesModel


def test_penalty_catalogue(bloc: Database, qtmodeltester: ModelTester) -> None:
    model = PenaltyTypesModel(penalty_catalogue.penalty_types(bloc, 2019))
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert [model.data(model.index(1, c)) for c in range(4)] == [
        "B1", "Báo cáo chậm từ 5 đến dưới 10 ngày", "5",
        "Quy định chấm điểm thi đua của Khối năm 2019"]
    assert model.headerData(COL_POINTS, Qt.Orientation.Horizontal) == "Điểm trừ"
    assert model.data(model.index(1, COL_POINTS), SORT_ROLE) == 5.0
    assert model.data(model.index(1, COL_TITLE), Qt.ItemDataRole.ToolTipRole) == (
        "Báo cáo chậm từ 5 đến dưới 10 ngày")
    model.set_rows([])
    assert model.rowCount() == 0
    assert model.data(model.index(0, COL_SOURCE)) is None

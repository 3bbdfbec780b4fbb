"""ui/models/penalties.py: a unit's penalties of the year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from data import scores, units
from data.model import Penalty
from ui.models.base import SORT_ROLE
from ui.models.penalties import COL_TOTAL, PenaltiesModel
from ui.session import Session


def test_model_checks_and_rows(qtmodeltester: ModelTester, session: Session) -> None:
    inspector = units.find_unit(session.db, "Thanh tra tỉnh")
    assert inspector is not None
    rows = scores.penalties(session.db, 2019, inspector.id)
    rows.append(Penalty(99, 2019, inspector.id, None, "Vắng họp giao ban", 2.5, 2,
                        "Quý III\nvà quý IV"))
    model = PenaltiesModel(rows)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Nội dung", "Điểm", "Số lần", "Tổng trừ", "Ghi chú"]
    assert [[model.index(r, c).data() for c in range(5)] for r in range(2)] == [
        ["Báo cáo chậm từ 5 đến dưới 10 ngày", "5", "1", "−5",
         "Báo cáo sơ kết 6 tháng gửi chậm 7 ngày."],
        ["Vắng họp giao ban", "2,5", "2", "−5", "Quý III và quý IV"],
    ]
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Vắng họp giao ban\n(ghi đầy đủ, không theo danh mục)")
    assert model.index(1, COL_TOTAL).data(SORT_ROLE) == 5.0
    assert model.total() == 10.0
    qtmodeltester.check(PenaltiesModel())

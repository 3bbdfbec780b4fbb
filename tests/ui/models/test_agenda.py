"""ui/models/agenda.py: the meeting's content with opinions and conclusions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from data.demo_meeting import MEETING as DEMO
from data.meeting_model import AgendaItem
from tests.ui.helpers import column_texts
from ui.models.agenda import (
    COL_CONCLUSION,
    COL_NUMBER,
    COL_OPINIONS,
    COL_TITLE,
    NONE_YET,
    AgendaModel,
)


def test_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(AgendaModel(DEMO.agenda))
    qtmodeltester.check(AgendaModel())


def test_data_without_a_view() -> None:
    model = AgendaModel(DEMO.agenda)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "STT", "Nội dung", "Ý kiến thảo luận", "Kết luận"]
    assert column_texts(model, COL_NUMBER) == ["1", "2", "3", "4"]
    assert column_texts(model, COL_TITLE) == [a.title for a in DEMO.agenda]
    assert column_texts(model, COL_OPINIONS)[2:] == [NONE_YET, NONE_YET]
    third = model.index(2, COL_OPINIONS)
    assert model.data(third, Qt.ItemDataRole.EditRole) == ""
    assert model.data(third, Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(third, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, COL_CONCLUSION)) == "Hội nghị thông qua báo cáo tổng kết."
    assert model.data(model.index(0, COL_TITLE), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    assert model.summary() == "4 nội dung; mọi nội dung đều đã có kết luận"


def test_summary_counts_missing_conclusions() -> None:
    model = AgendaModel([AgendaItem("Một"), AgendaItem("Hai", conclusion="Thông qua")])
    assert model.summary() == "2 nội dung; 1 nội dung chưa có kết luận"
    assert AgendaModel().summary().startswith("Chưa có nội dung hội nghị")

"""ui/widgets/ranking_panel.py: the ranking follows edits at once; a click picks a unit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import units
from data.penalty_catalogue import penalty_types
from data.vntext import format_number
from ui.edits.scores import CellText, ScoreEditor
from ui.models.ranking import COL_RANK, COL_TOTAL, COL_UNIT
from ui.session import Session
from ui.widgets.ranking_panel import RankingPanel


def row_of(panel: RankingPanel, short: str) -> int:
    model = panel.model
    return next(r for r in range(model.rowCount()) if model.index(r, COL_UNIT).data() == short)


def test_follows_score_and_penalty_edits(qtbot: QtBot, session: Session) -> None:
    editor = ScoreEditor(session)
    panel = RankingPanel(session, editor)
    qtbot.addWidget(panel)
    assert panel.title.text() == "Xếp hạng năm 2019 (cập nhật ngay khi chấm)"
    court = units.find_unit(session.db, "Tòa án nhân dân tỉnh")
    assert court is not None
    row = row_of(panel, "TAND tỉnh")
    assert panel.model.index(row, COL_TOTAL).data() == "105"
    item = next(n.id for n in session.board().table.leaves if n.code == "1b")
    with qtbot.assertNotEmitted(panel.model.modelReset):
        editor.apply_texts(2019, [CellText((court.id, item, session.board().table.nodes[
            item].layer), "D", "x")], "Chấm")
    row = row_of(panel, "TAND tỉnh")
    assert panel.model.index(row, COL_TOTAL).data() == "95"
    assert panel.model.index(row, COL_RANK).data() == str(
        next(r.rank for r in session.board().ranking() if r.unit_id == court.id))
    absent = next(p for p in penalty_types(session.db, 2019) if p.code == "V1")
    editor.add_penalty(2019, court.id, "Thêm", type_id=absent.id, count=2)
    assert panel.model.index(row_of(panel, "TAND tỉnh"), COL_TOTAL).data() == format_number(91)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert panel.model.index(row_of(panel, "TAND tỉnh"), COL_TOTAL).data() == "105"


def test_a_click_chooses_a_unit(qtbot: QtBot, session: Session) -> None:
    panel = RankingPanel(session, ScoreEditor(session))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    row = row_of(panel, "Sở Tư pháp")
    justice = units.find_unit(session.db, "Sở Tư pháp")
    assert justice is not None
    rect = panel.table.visualRect(panel.model.index(row, COL_UNIT))
    with qtbot.waitSignal(panel.unitChosen) as signal:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [justice.id]
    panel.select_unit(justice.id)
    assert panel.table.currentIndex().row() == row

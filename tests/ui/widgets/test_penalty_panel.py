"""ui/widgets/penalty_panel.py: a unit's penalties, added from the catalogue or in full."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import scores, units
from data.model import Penalty
from tests.ui.helpers import type_text
from ui.edits.scores import ScoreEditor
from ui.session import Session
from ui.widgets import penalty_panel
from ui.widgets.penalty_panel import OTHER, PenaltyPanel


@pytest.fixture
def panel(qtbot: QtBot, session: Session) -> PenaltyPanel:
    panel = PenaltyPanel(session, ScoreEditor(session))
    qtbot.addWidget(panel)
    justice = units.find_unit(session.db, "Sở Tư pháp")
    assert justice is not None
    panel.set_unit(justice.id, justice.name)
    return panel


def test_shows_the_units_penalties(panel: PenaltyPanel) -> None:
    assert panel.caption.text() == "Điểm trừ năm 2019 của <b>Sở Tư pháp</b>"
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data() == (
        "Lãnh đạo đơn vị vắng mặt hoạt động của Khối không có lý do (mỗi lần)")
    assert panel.total_label.text() == "Tổng trừ: −2 điểm"
    assert panel.type_combo.count() == 8
    assert panel.type_combo.itemText(1) == "B1 · Báo cáo chậm từ 5 đến dưới 10 ngày (−5)"
    assert panel.type_combo.itemData(7) == OTHER
    panel.set_unit(None)
    assert (panel.model.rowCount(), panel.add_button.isEnabled()) == (0, False)


def test_add_from_the_catalogue_and_undo(qtbot: QtBot, panel: PenaltyPanel,
                                         session: Session) -> None:
    unit = panel.unit_id
    assert unit is not None
    panel.type_combo.setCurrentIndex(2)  # B2: 10 points
    panel.count_spin.setValue(2)
    type_text(qtbot, panel.note_edit, "Báo cáo quý chậm 12 ngày")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    added = scores.penalties(session.db, 2019, unit)[-1]
    assert (added.title, added.points, added.count, added.note) == (
        "Báo cáo chậm từ 10 đến dưới 15 ngày", 10.0, 2, "Báo cáo quý chậm 12 ngày")
    assert panel.model.rowCount() == 2
    assert panel.message.text() == "Đã trừ 20 điểm: Báo cáo chậm từ 10 đến dưới 15 ngày."
    assert (panel.note_edit.text(), panel.count_spin.value()) == ("", 1)
    assert session.undo_stack.undoText() == (
        "Thêm điểm trừ “Báo cáo chậm từ 10 đến dưới 15 ngày”")
    session.undo_stack.undo()
    assert len(scores.penalties(session.db, 2019, unit)) == 1
    assert panel.model.rowCount() == 1
    session.undo_stack.redo()
    assert scores.penalties(session.db, 2019, unit)[-1] == added


def test_written_in_full_and_refused_in_place(qtbot: QtBot, panel: PenaltyPanel,
                                              session: Session) -> None:
    assert not panel.written.isVisibleTo(panel)  # only a penalty written in full needs it
    panel.type_combo.setCurrentIndex(panel.type_combo.findData(OTHER))
    assert panel.written.isVisibleTo(panel)
    assert panel.title_edit.isEnabled() and panel.points_edit.isEnabled()
    type_text(qtbot, panel.title_edit, "Không dự tập huấn nghiệp vụ")
    qtbot.keyClicks(panel.points_edit, "-3")
    before = scores.penalties(session.db, 2019)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.message.kind == "error"
    assert "Điểm trừ ghi số dương" in panel.message.text()
    assert scores.penalties(session.db, 2019) == before
    assert panel.title_edit.text() == "Không dự tập huấn nghiệp vụ"  # nothing typed is lost
    panel.points_edit.setText("1,5")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    added = scores.penalties(session.db, 2019, panel.unit_id)[-1]
    assert (added.type_id, added.title, added.points) == (None, "Không dự tập huấn nghiệp vụ",
                                                          1.5)
    assert panel.title_edit.text() == ""


def test_delete_asks_first_and_can_be_undone(qtbot: QtBot, panel: PenaltyPanel,
                                             session: Session,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    unit = panel.unit_id
    assert unit is not None
    asked: list[Penalty] = []
    monkeypatch.setattr(penalty_panel, "confirm_delete",
                        lambda parent, penalty: bool(asked.append(penalty)))  # type: ignore[func-returns-value]
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and len(scores.penalties(session.db, 2019, unit)) == 1
    monkeypatch.setattr(penalty_panel, "confirm_delete", lambda parent, penalty: True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert scores.penalties(session.db, 2019, unit) == []
    assert panel.total_label.text() == "Chưa có điểm trừ."
    session.undo_stack.undo()
    assert scores.penalties(session.db, 2019, unit) == asked
    assert panel.model.rowCount() == 1

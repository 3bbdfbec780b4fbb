"""ui/models/meeting_people.py: guests and counting committee tables, and the list widget."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data.demo_meeting import MEETING as DEMO
from data.meeting_model import CommitteeMember
from tests.ui.helpers import column_texts
from ui.models.meeting_people import (
    COL_NAME,
    COL_NUMBER,
    COL_ROLE,
    COL_TITLE,
    CommitteeModel,
    EntryList,
    GuestsModel,
)


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(GuestsModel(DEMO.guests))
    qtmodeltester.check(CommitteeModel(DEMO.committee))
    qtmodeltester.check(CommitteeModel())


def test_guests_without_a_view() -> None:
    model = GuestsModel(DEMO.guests)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "STT", "Họ và tên", "Chức vụ, đơn vị"]
    assert column_texts(model, COL_NUMBER) == ["1", "2"]
    assert column_texts(model, COL_NAME) == ["Đặng Văn Bình", "Phan Thị Ngọc Anh"]
    assert model.data(model.index(0, COL_TITLE)) == "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"
    assert model.data(model.index(0, COL_TITLE), Qt.ItemDataRole.ToolTipRole) == (
        "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh")
    assert model.data(model.index(0, COL_NUMBER), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignCenter)
    assert not model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsEditable
    assert model.summary() == "2 đại biểu, in vào biên bản theo thứ tự này"
    assert GuestsModel().summary().startswith("Chưa có đại biểu")


def test_committee_without_a_view() -> None:
    model = CommitteeModel(DEMO.committee)
    assert model.headerData(COL_ROLE, Qt.Orientation.Horizontal) == "Nhiệm vụ"
    assert column_texts(model, COL_ROLE) == ["Trưởng ban", "Thành viên", "Thành viên"]
    assert model.summary() == "3 thành viên; Trưởng ban: Đào Thị Minh Huệ"
    assert CommitteeModel(DEMO.committee[1:]).summary() == "2 thành viên; chưa có Trưởng ban"
    assert CommitteeModel([CommitteeMember("A", role="trưởng ban")]).summary().endswith(": A")
    assert CommitteeModel().summary().startswith("Chưa có ban kiểm phiếu")


def test_entry_list_actions_follow_the_current_row(qtbot: QtBot) -> None:
    panel = EntryList("Ban kiểm phiếu", "committee", CommitteeModel(), (COL_TITLE,))
    qtbot.addWidget(panel)
    called: list[str] = []
    panel.bind(lambda: called.append("add"), lambda: called.append("edit"),
               lambda: called.append("remove"), lambda step: called.append(f"move {step}"))
    assert panel.objectName() == "committeeBox" and panel.table.objectName() == "committeeTable"
    assert panel.current_row() == -1 and not panel.edit_action.isEnabled()
    panel.show_entries(DEMO.committee)
    assert panel.hint.text() == "3 thành viên; Trưởng ban: Đào Thị Minh Huệ."
    panel.select(0)
    assert panel.edit_action.isEnabled() and panel.down_action.isEnabled()
    assert not panel.up_action.isEnabled()
    panel.select(9)  # clamped to the last row
    assert panel.current_row() == 2 and not panel.down_action.isEnabled()
    panel.show_entries(DEMO.committee[:2], "Thêm")  # the selection is kept where possible
    assert panel.current_row() == 1 and panel.hint.text().endswith(". Thêm.")
    for action in (panel.add_action, panel.edit_action, panel.remove_action, panel.up_action):
        action.trigger()
    assert called == ["add", "edit", "remove", "move -1"]

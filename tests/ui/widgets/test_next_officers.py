"""ui/widgets/next_officers.py: next year's officers, a decision without a ballot, applying them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from data import lifecycle, units, years
from data.db import Database
from data.lifecycle import OfficerBasis
from tests.ui.helpers import type_text
from ui.session import Session
from ui.widgets.next_officers import NextOfficersPanel


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def opened(qtbot: QtBot, session: Session) -> NextOfficersPanel:
    panel = NextOfficersPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1100, 220)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_demo_elected_its_officers(qtbot: QtBot, session: Session) -> None:
    panel = opened(qtbot, session)
    assert panel.title() == "Trưởng khối, Phó khối năm 2020"
    assert panel.summary.text() == ("Trưởng khối: <b>Sở Nội vụ</b> — bầu bằng phiếu kín<br>"
                                    "Phó khối: <b>Công an tỉnh</b> — bầu bằng phiếu kín")
    assert panel.apply_button.text() == "Áp dụng cho năm 2020"
    assert not panel.apply_button.isEnabled()
    assert panel.apply_note.text() == "Năm 2020 đã ghi đúng Trưởng khối, Phó khối này."
    assert panel.toggle.isEnabled() and not panel.editor.isVisible()
    assert panel.head.currentText() == "(theo kết quả bầu)"


def test_record_a_rotation_then_apply_then_undo(qtbot: QtBot, session: Session) -> None:
    db = session.db
    justice, inspector = unit_id(db, "Sở Tư pháp"), unit_id(db, "Thanh tra tỉnh")
    panel = opened(qtbot, session)
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.editor.isVisible()
    pick(panel.head, "Sở Tư pháp")
    pick(panel.deputies[0], "Thanh tra tỉnh")
    type_text(qtbot, panel.note, "Luân phiên theo Quy chế hoạt động của Khối")
    qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    proposal = lifecycle.next_officers(db, 2019)
    assert (proposal.head, proposal.deputies, proposal.head_basis, proposal.deputy_basis) == (
        justice, (inspector,), OfficerBasis.ROTATION, OfficerBasis.ROTATION)
    assert lifecycle.decisions(db, 2019).note == "Luân phiên theo Quy chế hoạt động của Khối"
    assert panel.summary.text() == (
        "Trưởng khối: <b>Sở Tư pháp</b> — luân phiên, thống nhất chỉ định<br>"
        "Phó khối: <b>Thanh tra tỉnh</b> — luân phiên, thống nhất chỉ định")
    assert panel.message.text() == "Đã ghi Trưởng khối, Phó khối năm 2020 (hoàn tác: Ctrl+Z)."
    assert panel.apply_button.isEnabled()
    assert panel.apply_note.text() == ("Năm 2020 đang ghi: Trưởng khối Sở Nội vụ; Phó khối "
                                       "Công an tỉnh.")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert years.officers(db, 2020).head == justice
    assert years.officers(db, 2020).deputies == (inspector,)
    assert not panel.apply_button.isEnabled()
    session.undo_stack.undo()
    assert years.officers(db, 2020).head == unit_id(db, "Sở Nội vụ")
    session.undo_stack.undo()
    assert lifecycle.decisions(db, 2019) == lifecycle.Decisions()
    assert panel.summary.text().startswith("Trưởng khối: <b>Sở Nội vụ</b> — bầu bằng phiếu kín")
    assert panel.head.currentText() == "(theo kết quả bầu)"


def test_the_officers_decide_only_the_deputy(qtbot: QtBot, session: Session) -> None:
    db = session.db
    panel = opened(qtbot, session)
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    pick(panel.deputies[0], "Viện Kiểm sát nhân dân tỉnh")
    pick(panel.basis, "Trưởng khối và các Phó khối quyết định")
    assert panel.decide()
    proposal = lifecycle.next_officers(db, 2019)
    assert (proposal.head_basis, proposal.deputy_basis) == (OfficerBasis.BALLOT,
                                                             OfficerBasis.OFFICERS)
    assert panel.summary.text().endswith("Phó khối: <b>Viện Kiểm sát nhân dân tỉnh</b> — "
                                         "Trưởng khối và các Phó khối quyết định")
    assert not panel.decide()  # nothing changed: no second undo step
    assert session.undo_stack.count() == 1


def test_a_refused_decision_is_shown_and_kept(qtbot: QtBot, session: Session) -> None:
    panel = opened(qtbot, session)
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    pick(panel.head, "Thanh tra tỉnh")
    pick(panel.deputies[0], "Thanh tra tỉnh")
    qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    assert panel.message.kind == "error"
    assert panel.message.text() == "Một đơn vị không thể giữ hai chức vụ trong khối cùng năm."
    assert panel.head.currentText() == "Thanh tra tỉnh"  # what was chosen stays
    assert lifecycle.decisions(session.db, 2019) == lifecycle.Decisions()
    assert session.undo_stack.count() == 0


def test_a_year_without_its_meeting(qtbot: QtBot, session: Session) -> None:
    session.set_year(2020)
    panel = opened(qtbot, session)
    assert panel.title() == "Trưởng khối, Phó khối năm 2021"
    assert panel.summary.text() == (
        "Trưởng khối: <b>Sở Nội vụ</b> — giữ như năm 2020 (chưa có kết quả bầu)<br>"
        "Phó khối: <b>Công an tỉnh</b> — giữ như năm 2020 (chưa có kết quả bầu)")
    assert not panel.toggle.isEnabled()
    assert not panel.apply_button.isEnabled()
    assert panel.apply_note.text() == ("Năm 2021 chưa có trong tệp: khi tạo năm mới (menu Năm), "
                                       "Trưởng khối, Phó khối trên được điền sẵn.")
    session.set_year(2019)
    assert panel.title() == "Trưởng khối, Phó khối năm 2020" and panel.toggle.isEnabled()

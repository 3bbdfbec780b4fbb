"""ui/widgets/officers.py: the year's head and deputies, saved at once and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from data import units, years
from data.db import Database
from data.model import Officers
from ui.session import Session
from ui.widgets.officers import NOBODY, OfficersPanel


def uid(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def shown(panel: OfficersPanel) -> list[str]:
    return [combo.currentText() for combo in panel.combos()]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def make(qtbot: QtBot, session: Session) -> OfficersPanel:
    panel = OfficersPanel(session)
    qtbot.addWidget(panel)
    return panel


def test_shows_the_years_officers(qtbot: QtBot, session: Session) -> None:
    panel = make(qtbot, session)
    assert panel.title() == "Trưởng khối, Phó khối năm 2019"
    assert shown(panel) == ["Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh", NOBODY]
    assert [panel.head.itemText(i) for i in range(3)] == [
        NOBODY, "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]
    assert panel.head.count() == 9
    session.set_year(2020)
    assert panel.title() == "Trưởng khối, Phó khối năm 2020"
    assert shown(panel) == ["Sở Nội vụ", "Công an tỉnh", NOBODY]


def test_change_head_then_undo_redo(qtbot: QtBot, session: Session) -> None:
    db = session.db
    panel = make(qtbot, session)
    old = years.officers(db, 2019)
    choose(panel.head, "Sở Nội vụ")
    new = Officers(2019, uid(db, "Sở Nội vụ"), old.deputies)
    assert years.officers(db, 2019) == new
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert years.officers(db, 2019) == old
    assert shown(panel)[0] == "Cục Thi hành án dân sự tỉnh"
    session.undo_stack.redo()
    assert years.officers(db, 2019) == new
    assert shown(panel)[0] == "Sở Nội vụ"


def test_second_deputy_and_no_head_with_the_keyboard(qtbot: QtBot, session: Session) -> None:
    db = session.db
    panel = make(qtbot, session)
    choose(panel.deputies[1], "Thanh tra tỉnh")
    assert years.officers(db, 2019).deputies == (uid(db, "Tòa án nhân dân tỉnh"),
                                                 uid(db, "Thanh tra tỉnh"))
    qtbot.keyClick(panel.head, Qt.Key.Key_Home)
    assert panel.head.currentText() == NOBODY
    assert years.officers(db, 2019).head is None
    assert session.undo_stack.count() == 2


def test_a_lone_second_deputy_moves_up(qtbot: QtBot, session: Session) -> None:
    db = session.db
    panel = make(qtbot, session)
    choose(panel.deputies[1], "Công an tỉnh")
    choose(panel.deputies[0], NOBODY)
    assert years.officers(db, 2019).deputies == (uid(db, "Công an tỉnh"),)
    assert shown(panel) == ["Cục Thi hành án dân sự tỉnh", "Công an tỉnh", NOBODY]


def test_one_unit_in_two_posts_is_refused_in_place(qtbot: QtBot, session: Session) -> None:
    db = session.db
    panel = make(qtbot, session)
    old = years.officers(db, 2019)
    choose(panel.deputies[1], "Cục Thi hành án dân sự tỉnh")
    assert panel.message.isVisibleTo(panel) and panel.message.kind == "error"
    assert panel.message.text() == "Một đơn vị không thể giữ hai chức vụ trong khối cùng năm."
    assert shown(panel) == ["Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh", NOBODY]
    assert years.officers(db, 2019) == old and session.undo_stack.count() == 0
    choose(panel.deputies[1], "Sở Tư pháp")  # a valid choice clears the message
    assert not panel.message.isVisibleTo(panel)
    assert years.officers(db, 2019).deputies[-1] == uid(db, "Sở Tư pháp")


def test_follows_member_changes(qtbot: QtBot, session: Session) -> None:
    from ui.edits import units as edits
    from ui.edits.units import UnitDraft

    panel = make(qtbot, session)
    edits.add_unit(session, 2019, UnitDraft("Sở Tài chính"))
    assert panel.head.findText("Sở Tài chính") >= 0
    session.undo_stack.undo()
    assert panel.head.findText("Sở Tài chính") == -1


def test_no_year_no_choice(qtbot: QtBot, empty_bloc: Database) -> None:
    session = Session(empty_bloc, None, 2025)
    panel = make(qtbot, session)
    assert shown(panel) == [NOBODY] * 3
    assert not any(combo.isEnabled() for combo in panel.combos())

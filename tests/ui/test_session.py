"""The session: edits through perform() are saved, undoable, announced; refusals reported."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from data import units, years
from data.db import Database
from data.errors import InputError
from data.model import YearStatus
from ui.session import MEMBERS, SCORES, UNITS, Session


def test_perform_applies_records_and_announces(session: Session, qtbot: QtBot) -> None:
    unit = units.find_unit(session.db, "Sở Nội vụ")
    assert unit is not None
    with qtbot.waitSignal(session.changed) as signal:
        session.perform("Đổi tên viết tắt",
                        lambda: units.update_unit(session.db, unit.id, short_name="SNV"),
                        lambda: units.update_unit(session.db, unit.id, short_name="Sở Nội vụ"),
                        UNITS)
    assert signal.args == [UNITS]
    assert units.get_unit(session.db, unit.id).short_name == "SNV"
    assert session.undo_stack.undoText() == "Đổi tên viết tắt"
    session.undo_stack.undo()
    assert units.get_unit(session.db, unit.id).short_name == "Sở Nội vụ"
    session.undo_stack.redo()
    assert units.get_unit(session.db, unit.id).short_name == "SNV"


def test_refused_edit_is_not_recorded(session: Session) -> None:
    with pytest.raises(InputError, match="không được để trống"):
        session.perform("Thêm", lambda: units.add_unit(session.db, "  "), lambda: None, UNITS)
    assert session.undo_stack.count() == 0


def test_failed_undo_is_reported_not_raised(session: Session, qtbot: QtBot) -> None:
    def refuse() -> None:
        raise InputError("đã bị thay đổi ở nơi khác")

    session.perform("Thử", lambda: None, refuse, MEMBERS)
    with qtbot.waitSignal(session.failed) as signal:
        session.undo_stack.undo()
    assert signal.args == ["Không thực hiện được: đã bị thay đổi ở nơi khác"]


def test_board_is_cached_and_dropped_on_structural_changes(session: Session) -> None:
    board = session.board()
    assert session.board() is board and session.cached_board() is board
    session.notify(SCORES)
    assert session.cached_board() is board
    session.notify(MEMBERS)
    assert session.cached_board() is None
    assert session.board() is not board


def test_year_switch(session: Session, qtbot: QtBot) -> None:
    session.board()
    with qtbot.waitSignal(session.yearChanged) as signal:
        session.set_year(2020)
    assert signal.args == [2020] and session.year == 2020
    assert session.cached_board() is None
    with pytest.raises(InputError, match="Năm 2031 chưa có"):
        session.set_year(2031)
    assert session.year == 2020


def test_defaults_to_last_year_and_profile(bloc: Database) -> None:
    s = Session(bloc, None, 1999)
    assert s.year == 2020
    assert s.profile.name == "Khối thi đua các cơ quan nội chính tỉnh"


def test_empty_bloc_has_year_zero(empty_bloc: Database) -> None:
    years.set_status(empty_bloc, 2025, YearStatus.PLEDGE)
    assert Session(empty_bloc, None).year == 2025

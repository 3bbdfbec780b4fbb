"""“Năm mới từ năm trước”."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from data import criteria, rules, units, years
from data.errors import InputError
from data.model import YearStatus
from ui.dialogs import new_year
from ui.dialogs.new_year import NOBODY, NewYearDialog, ask_new_year
from ui.session import Session


def test_dialog_defaults_to_next_year_and_current_officers(session: Session,
                                                           qtbot: QtBot) -> None:
    dialog = NewYearDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.previous == 2020 and dialog.year.value() == 2021
    assert dialog.head.currentText() == "Sở Nội vụ"
    assert dialog.deputies[0].currentText() == "Công an tỉnh"
    assert dialog.deputies[1].currentText() == NOBODY
    head, deputies = dialog.officers()
    assert units.get_unit(session.db, head or 0).name == "Sở Nội vụ"
    assert len(deputies) == 1


def test_new_year_copies_members_rules_table(session: Session, qtbot: QtBot,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NewYearDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert ask_new_year(None, session)  # type: ignore[arg-type]
    assert session.year == 2021
    assert years.require_year(session.db, 2021).status is YearStatus.REGISTRATION
    assert [u.name for u, _ in units.members(session.db, 2021)] == [
        u.name for u, _ in units.members(session.db, 2020)]
    officers = years.officers(session.db, 2021)
    assert units.get_unit(session.db, officers.head or 0).name == "Sở Nội vụ"
    assert [c.code for c in criteria.criteria(session.db, 2021)] == [
        c.code for c in criteria.criteria(session.db, 2020)]
    assert rules.load_rules(session.db, 2021).bonus_cap == rules.load_rules(
        session.db, 2020).bonus_cap


def test_refusal_is_shown(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(NewYearDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(new_year.QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))

    def refuse(*args: object, **kwargs: object) -> None:
        raise InputError("Ổ đĩa đã đầy, không ghi được tệp.")

    monkeypatch.setattr(new_year, "start_year_from", refuse)
    assert not ask_new_year(None, session)  # type: ignore[arg-type]
    assert shown == ["Ổ đĩa đã đầy, không ghi được tệp."]
    assert session.year == 2019 and [y.year for y in years.all_years(session.db)] == [2019, 2020]

"""ui/dialogs/issue_document.py: the number and date a document is about to take."""

from __future__ import annotations

import datetime

from pytestqt.qtbot import QtBot

from data.documents import register
from tests.ui.helpers import shown
from ui.dialogs.issue_document import IssueDialog
from ui.session import Session


def test_the_number_follows_the_date(qtbot: QtBot, session: Session) -> None:
    dialog = shown(qtbot, IssueDialog(session.db, 2019, "submission"))
    assert dialog.number.text() == "Số: 01/TTr-KTĐNC" and dialog.date.isEnabled()
    assert dialog.date.text() == "3/12/2019"
    dialog.date.setText("6/1/2020")  # a new year: the count starts again (and nothing is taken)
    dialog.date.committed.emit()
    assert dialog.number.text() == "Số: 01/TTr-KTĐNC"
    dialog.date.setText("32/1/2020")
    dialog.accept()
    assert dialog.isVisible() and "không phải là ngày hợp lệ" in dialog.message.text()
    dialog.date.setText("5/12/2019")
    dialog.accept()
    assert dialog.chosen == datetime.date(2019, 12, 5) and not dialog.isVisible()
    assert register.register(session.db) == []  # the dialog itself issues nothing


def test_the_minutes_keep_the_meeting_day(qtbot: QtBot, session: Session) -> None:
    dialog = shown(qtbot, IssueDialog(session.db, 2019, "minutes"))
    assert not dialog.date.isEnabled() and dialog.date.text() == "3/12/2019"
    dialog.accept()
    assert dialog.chosen is None

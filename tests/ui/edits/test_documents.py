"""ui/edits/documents.py: issuing a number is one undo step; undo takes it back."""

from __future__ import annotations

import datetime

from data.documents import register
from data.documents.catalog import issue_number
from ui.edits.documents import issue
from ui.session import Session


def test_issue_undo_redo(session: Session) -> None:
    changes: list[str] = []
    session.changed.connect(changes.append)
    issued = issue(session, 2019, "submission", datetime.date(2019, 12, 5))
    assert issued.number_text == "Số: 01/TTr-KTĐNC" and changes == ["documents"]
    assert issue(session, 2019, "submission") == issued  # already issued: nothing new
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert register.register(session.db) == []
    session.undo_stack.redo()
    again = register.issued(session.db, 2019, "submission")
    assert again is not None and again.number_text == "Số: 01/TTr-KTĐNC"


def test_undo_refused_once_a_later_number_exists(session: Session) -> None:
    failures: list[str] = []
    session.failed.connect(failures.append)
    issue(session, 2019, "minutes")
    issue_number(session.db, 2019, "vote-count")  # issued elsewhere, after it
    session.undo_stack.undo()
    assert failures and "đã có văn bản cấp số sau nó" in failures[0]
    assert register.issued(session.db, 2019, "minutes") is not None

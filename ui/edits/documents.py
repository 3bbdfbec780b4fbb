"""Issuing a document's number as an undoable edit: undo takes the number back while it is
still the last of its series."""

from __future__ import annotations

import datetime

from data.documents import register
from data.documents.catalog import issue_number, kind_of
from data.documents.register import IssuedDocument
from ui.session import DOCUMENTS, Session


def issue(session: Session, year: int, kind: str, issued_on: datetime.date | None = None
          ) -> IssuedDocument:
    """Give the year's document its number (its data checked first); one undo step."""
    db, label = session.db, kind_of(kind).label
    existing = register.issued(db, year, kind)
    if existing is not None:
        return existing
    return session.perform(
        f"Cấp số {label.lower()} năm {year}",
        lambda: issue_number(db, year, kind, issued_on=issued_on),
        lambda: register.withdraw(db, year, kind), DOCUMENTS)

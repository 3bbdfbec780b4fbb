"""ui/edits/bloc.py: the bloc's information changes once, undoes exactly, redoes the same."""

from __future__ import annotations

import unicodedata

import pytest

from data.bloc import load_profile
from data.db import Database
from data.errors import BlocError, InputError
from data.model import BlocProfile
from ui.edits.bloc import edit_bloc
from ui.session import BLOC, Session

CHANGED = BlocProfile(name="Cụm thi đua các Ban Đảng tỉnh", council="Hội đồng Thi đua - Khen "
                      "thưởng tỉnh Bắc Giang", place="Bắc Giang", profile="party",
                      superior="Tỉnh ủy Bắc Giang", code="CTĐBĐ")


def content(db: Database) -> list[str]:
    """The bloc's content without the audit log, independent of rowid order."""
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def heard(session: Session) -> list[str]:
    changes: list[str] = []
    session.changed.connect(changes.append)
    return changes


def test_edit_undo_redo(session: Session) -> None:
    db = session.db
    original, before = load_profile(db), content(db)
    assert session.profile == original
    changes = heard(session)
    assert edit_bloc(session, CHANGED)
    assert changes == [BLOC]
    assert load_profile(db) == CHANGED and session.profile == CHANGED
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Sửa thông tin khối"
    after = content(db)
    session.undo_stack.undo()
    assert load_profile(db) == original and session.profile == original
    assert content(db) == before
    session.undo_stack.redo()
    assert load_profile(db) == CHANGED and session.profile == CHANGED
    assert content(db) == after
    assert changes == [BLOC, BLOC, BLOC]


def test_unchanged_is_not_an_edit(session: Session) -> None:
    original = load_profile(session.db)
    spaced = BlocProfile(name=f"  {unicodedata.normalize('NFD', original.name)} ",
                         council=original.council, place=original.place,
                         profile=original.profile, superior=original.superior,
                         code=original.code)
    assert not edit_bloc(session, spaced)
    assert session.undo_stack.count() == 0


def test_nfd_is_stored_nfc(session: Session) -> None:
    typed = BlocProfile(name=unicodedata.normalize("NFD", "Khối thi đua Nội chính"),
                        council="", place=unicodedata.normalize("NFD", "Hà  Nội"))
    assert edit_bloc(session, typed)
    saved = load_profile(session.db)
    assert saved.name == "Khối thi đua Nội chính" and unicodedata.is_normalized("NFC", saved.name)
    assert saved.place == "Hà Nội" and saved.profile == "state"


def test_empty_name_is_refused_and_nothing_recorded(session: Session) -> None:
    original = load_profile(session.db)
    with pytest.raises(InputError) as refused:
        edit_bloc(session, BlocProfile(name="  ", council="x", place="y"))
    assert refused.value.message == "Tên khối thi đua không được để trống."
    assert load_profile(session.db) == original and session.undo_stack.count() == 0


def test_unknown_page_profile_is_refused(session: Session) -> None:
    original = load_profile(session.db)
    with pytest.raises(BlocError) as refused:
        edit_bloc(session, BlocProfile(name="Khối A", council="", place="", profile="khác"))
    assert refused.value.message.startswith("Không có thể thức văn bản “khác”")
    assert load_profile(session.db) == original and session.undo_stack.count() == 0

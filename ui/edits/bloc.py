"""Undoable edit of the bloc's own information (name, council, superior, place, code, profile)."""

from __future__ import annotations

from dataclasses import fields, replace

from data.bloc import load_profile, save_profile
from data.model import BlocProfile
from data.vntext import clean
from ui.session import BLOC, Session


def edit_bloc(session: Session, bloc: BlocProfile) -> bool:
    """Save the bloc's information as one undo step; False when nothing changed."""
    # An empty name or an unknown page profile raises BlocError from save_profile: not recorded.
    db = session.db
    old = load_profile(db)
    new = replace(bloc, **{f.name: clean(getattr(bloc, f.name)) for f in fields(bloc)})
    if new == old:
        return False
    session.perform("Sửa thông tin khối", lambda: save_profile(db, new),
                    lambda: save_profile(db, old), BLOC)
    return True

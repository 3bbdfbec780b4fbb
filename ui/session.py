"""The open bloc as the window sees it: its database, the year shown, undo, and change signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from data import years
from data.bloc import load_profile
from data.db import Database
from data.errors import BlocError
from data.model import BlocProfile
from data.scoreboard import ScoreBoard
from data.scores import load_board

T = TypeVar("T")

# What may change; pages listen for the parts they show.
BLOC, YEARS, UNITS, MEMBERS, OFFICERS, PLEDGE, REGISTRATIONS = (
    "bloc", "years", "units", "members", "officers", "pledge", "registrations")
CRITERIA, PENALTY_TYPES, RULES, AWARDS, SCORES, PENALTIES = (
    "criteria", "penalty_types", "rules", "awards", "scores", "penalties")
MEETING, BALLOTS, NOMINATIONS, DOCUMENTS = "meeting", "ballots", "nominations", "documents"
_BOARD_STALE = {YEARS, UNITS, MEMBERS, CRITERIA, RULES}


class _Edit(QUndoCommand):
    """An edit already applied once; redo re-applies it, undo reverts it."""

    def __init__(self, session: Session, text: str, do: Callable[[], Any],
                 undo: Callable[[], Any], changes: tuple[str, ...]) -> None:
        super().__init__(text)
        self._session, self._do, self._undo, self._changes = session, do, undo, changes
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # QUndoStack.push calls redo: the edit was already made
            return
        self._applied = self._session.guarded(self._do, self._changes)

    def undo(self) -> None:
        self._applied = not self._session.guarded(self._undo, self._changes)


class Session(QObject):
    """One open bloc file; every change goes through `perform`: saved, undoable, announced."""

    changed = Signal(str)
    yearChanged = Signal(int)
    failed = Signal(str)
    documentRequested = Signal(str)  # a page asks the window to show a document (its kind)

    def __init__(self, db: Database, path: Path | None, year: int | None = None) -> None:
        super().__init__()
        self.db = db
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        known = [y.year for y in years.all_years(db)]
        self._year = year if year in known else (known[-1] if known else 0)
        self._board: ScoreBoard | None = None
        self._profile: BlocProfile | None = None
        self.file_read_only = ""  # why the file cannot be written ("" when it can)

    def read_only_reason(self) -> str:
        """Why the year shown cannot be edited ("" when it can): a read-only file for now."""
        return self.file_read_only

    @property
    def year(self) -> int:
        """The year the pages show and edit (0 when the bloc has no year yet)."""
        return self._year

    def set_year(self, year: int) -> None:
        """Show another year; undo history stays (each edit knows its own year)."""
        if year != self._year:
            years.require_year(self.db, year)
            self._year = year
            self._board = None
            self.yearChanged.emit(year)

    @property
    def profile(self) -> BlocProfile:
        """The bloc's own information, read again after every BLOC change (edit, undo, redo)."""
        if self._profile is None:
            self._profile = load_profile(self.db)
        return self._profile

    def board(self) -> ScoreBoard:
        """The current year's scores and ranking, loaded once and kept up to date by edits."""
        if self._board is None:
            self._board = load_board(self.db, self._year)
        return self._board

    def drop_board(self) -> None:
        """Forget the loaded board; the next board() call reloads it from the file."""
        self._board = None

    def cached_board(self) -> ScoreBoard | None:
        """The board if it is loaded (edits update it in place), else None."""
        return self._board

    def perform(self, text: str, do: Callable[[], T], undo: Callable[[], object],
                *changes: str) -> T:
        """Apply an edit now (BlocError propagates, nothing recorded) and make it undoable."""
        result = do()
        self.undo_stack.push(_Edit(self, text, do, undo, changes))
        self.notify(*changes)
        return result

    def notify(self, *changes: str) -> None:
        """Tell the pages what changed."""
        if _BOARD_STALE.intersection(changes):
            self._board = None
        if BLOC in changes:
            self._profile = None
        for change in changes:
            self.changed.emit(change)

    def guarded(self, action: Callable[[], object], changes: tuple[str, ...]) -> bool:
        """Run an undo/redo step; a refusal is reported through `failed`, never raised into Qt."""
        try:
            action()
        except BlocError as exc:
            self.failed.emit(f"Không thực hiện được: {exc.message}")
            self.notify(*changes)
            return False
        self.notify(*changes)
        return True

    def request_document(self, kind: str) -> None:
        """Ask the window to open the Tài liệu page on a document of the year (minutes…)."""
        self.documentRequested.emit(kind)

    def close(self) -> None:
        """Close the database; the session must not be used afterwards."""
        self.undo_stack.clear()
        self.db.close()

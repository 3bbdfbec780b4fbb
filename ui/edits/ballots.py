"""Undoable edits of the ballot rounds, their two count entries and next year's officers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from data import ballots, lifecycle, years
from data.errors import InputError
from data.lifecycle import OfficerBasis
from data.meeting_model import BallotRound, CountProblem, Purpose
from data.model import Officers
from data.snapshots import Snapshot
from data.vntext import clean
from ui.session import BALLOTS, NOMINATIONS, OFFICERS, Session


@dataclass(frozen=True)
class RoundDraft:
    """What the round dialog holds: purpose, candidates in ballot order, choices, seats, note."""

    purpose: Purpose
    award_form_id: int | None
    candidates: tuple[int, ...]
    choices: int = 1
    seats: int = 1
    note: str = ""


class CountRefused(InputError):
    """A count entry that breaks a check: nothing stored, every problem kept for the page."""

    def __init__(self, problems: Sequence[CountProblem]) -> None:
        super().__init__(" ".join(p.message for p in problems))
        self.problems = list(problems)


def _readd(session: Session, text: str, make: Callable[[], BallotRound],
           *changes: str) -> BallotRound:
    """Make a round now; undo removes it (kept whole), redo puts the same round back."""
    db = session.db
    made: list[BallotRound] = []
    kept: list[ballots.RoundBackup] = []

    def do() -> BallotRound:
        if kept:
            return ballots.restore_round(db, kept.pop())
        made.append(make())
        return made[0]

    def undo() -> None:
        kept.append(ballots.backup_round(db, made[0].id))
        ballots.delete_round(db, made[0].id)

    return session.perform(text, do, undo, *changes)


def add_round(session: Session, meeting_id: int, draft: RoundDraft) -> BallotRound:
    """Open a round for a purpose with its candidates (round numbers follow on)."""
    return _readd(session, "Thêm vòng bỏ phiếu", lambda: ballots.add_round(
        session.db, meeting_id, draft.purpose, draft.candidates,
        award_form_id=draft.award_form_id, choices=draft.choices, seats=draft.seats,
        note=draft.note), BALLOTS)


def add_next_round(session: Session, round_id: int) -> BallotRound:
    """The further round a result asks for (tied or remaining candidates, remaining seats)."""
    return _readd(session, "Thêm vòng bỏ phiếu tiếp theo",
                  lambda: ballots.add_next_round(session.db, round_id), BALLOTS)


def update_round(session: Session, round_id: int, draft: RoundDraft) -> bool:
    """Change a round's candidates, choices, seats and note; False when nothing changed."""
    db = session.db
    old = ballots.get_round(db, round_id)
    if (old.candidates, old.choices, old.seats, old.note) == (
            draft.candidates, draft.choices, draft.seats, clean(draft.note)):
        return False
    session.perform(
        "Sửa vòng bỏ phiếu",
        lambda: ballots.update_round(db, round_id, draft.candidates, choices=draft.choices,
                                     seats=draft.seats, note=draft.note),
        lambda: ballots.update_round(db, round_id, old.candidates, choices=old.choices,
                                     seats=old.seats, note=old.note), BALLOTS)
    return True


def delete_round(session: Session, round_id: int) -> None:
    """Remove a round with its counts; undo puts it back with its id and nominations' links."""
    db = session.db
    kept: list[ballots.RoundBackup] = []

    def do() -> None:
        kept[:] = [ballots.backup_round(db, round_id)]
        ballots.delete_round(db, round_id)

    session.perform("Xóa vòng bỏ phiếu", do, lambda: ballots.restore_round(db, kept[0]),
                    BALLOTS, NOMINATIONS)


def _swap_count(session: Session, text: str, round_id: int, entry: int,
                first: Callable[[], object]) -> None:
    """Run `first` (a save or a clear of one entry); undo/redo swap the entry's stored rows."""
    db = session.db
    before: Snapshot = ballots.take_count(db, round_id, entry)
    after: list[Snapshot] = []

    def do() -> None:
        if after:
            ballots.restore_count(db, round_id, entry, after[0])
            return
        first()
        after.append(ballots.take_count(db, round_id, entry))

    session.perform(text, do, lambda: ballots.restore_count(db, round_id, entry, before),
                    BALLOTS)


def save_count(session: Session, round_id: int, entry: int, values: Mapping[str, object],
               votes: Mapping[int, object], entered_by: str | None = None
               ) -> list[CountProblem]:
    """Store entry 1 or 2 as one undo step; the problems when refused (nothing stored)."""

    def save() -> None:
        problems = ballots.save_count(session.db, round_id, entry, issued=values["issued"],
                                      received=values["received"], valid=values["valid"],
                                      invalid=values["invalid"], votes=votes,
                                      entered_by=entered_by)
        if problems:
            raise CountRefused(problems)

    try:
        _swap_count(session, f"Nhập kết quả kiểm phiếu lần {entry}", round_id, entry, save)
    except CountRefused as refused:
        return refused.problems
    return []


def clear_count(session: Session, round_id: int, entry: int) -> None:
    """Remove entry 1 or 2 (to type it again); undoable."""
    _swap_count(session, f"Xóa kết quả kiểm phiếu lần {entry}", round_id, entry,
                lambda: ballots.clear_count(session.db, round_id, entry))


def decide_officers(session: Session, year: int, head: int | None, deputies: Sequence[int],
                    basis: OfficerBasis, note: str = "") -> bool:
    """Record next year's officers chosen without a ballot; False when nothing changed."""
    db = session.db
    wanted = lifecycle.Decisions(head, tuple(deputies), basis, clean(note))
    old = lifecycle.decisions(db, year)
    if old == wanted or (not wanted.head and not wanted.deputies and not old.head
                         and not old.deputies):
        return False
    rows = lifecycle.take_decisions(db, year)
    session.perform(
        f"Ghi Trưởng khối, Phó khối năm {year + 1}",
        lambda: lifecycle.replace_decisions(db, year, head, deputies, basis, note),
        lambda: lifecycle.restore_decisions(db, year, rows), BALLOTS, OFFICERS)
    return True


def apply_officers(session: Session, year: int) -> Officers:
    """Set the proposed head and deputies on the year after `year` (which must exist)."""
    db = session.db
    old = years.officers(db, year + 1)
    return session.perform(
        f"Áp dụng Trưởng khối, Phó khối cho năm {year + 1}",
        lambda: lifecycle.apply_proposed_officers(db, year),
        lambda: years.set_officers(db, year + 1, old.head, old.deputies), BALLOTS, OFFICERS)

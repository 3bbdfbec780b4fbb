"""Undoable edits of the year's member units and officers: one undo step per user action."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from data import membership_moves, snapshots, units, years
from data.errors import InputError
from data.model import Membership, Officers, Unit
from data.snapshots import Snapshot
from data.vntext import clean
from ui.session import MEMBERS, OFFICERS, UNITS, Session


@dataclass(frozen=True)
class UnitDraft:
    """What the unit dialog holds: the unit's names and its facts for one year."""

    name: str = ""
    short_name: str = ""
    code: str = ""
    head_name: str = ""
    head_title: str = ""
    women_70: bool = False
    discipline: bool = False
    investigation: bool = False
    complaint: bool = False
    eligibility_note: str = ""

    @classmethod
    def of(cls, unit: Unit, member: Membership | None = None) -> UnitDraft:
        """The draft of an existing unit (and its membership, when given)."""
        facts = {} if member is None else cls.facts_of(member)
        return cls(unit.name, unit.short_name, unit.code, **facts)

    @staticmethod
    def facts_of(member: Membership) -> dict[str, Any]:
        """The yearly facts of a membership, by field name."""
        return {f.name: getattr(member, f.name) for f in fields(member)
                if f.name not in ("year", "unit_id")}

    def facts(self) -> dict[str, Any]:
        """The yearly facts of the draft (head, flags, note), by field name."""
        return {name: getattr(self, name) for name in self.facts_of(Membership(0, 0))}

    def membership(self, year: int, unit_id: int) -> Membership:
        """The membership the draft describes."""
        return Membership(year, unit_id, **self.facts())

    def cleaned(self) -> UnitDraft:
        """The draft as it would be stored (NFC, single spaces)."""
        texts: dict[str, Any] = {f.name: clean(v) for f in fields(self)
                                 if isinstance(v := getattr(self, f.name), str)}
        return replace(self, **texts)


def add_unit(session: Session, year: int, draft: UnitDraft) -> Unit:
    """Register a new unit as a member of `year`; undo deletes it, redo puts it back (same id)."""
    db = session.db
    former = units.find_unit(db, draft.name)
    if former is not None and all(u.id != former.id for u, _m in units.members(db, year)):
        raise InputError(f"“{former.name}” là đơn vị cũ của khối, chưa là thành viên năm {year}: "
                         "hãy dùng “Thêm lại đơn vị cũ…”.")
    removed: list[Snapshot] = []
    added: list[Unit] = []

    def do() -> None:
        if removed:
            snapshots.restore(db, removed.pop())
            return
        added.append(units.add_unit(db, draft.name, short_name=draft.short_name,
                                    code=draft.code, year=year, **draft.facts()))

    def undo() -> None:
        removed.append(membership_moves.remove_unit(db, added[0].id))

    session.perform(f"Thêm đơn vị “{clean(draft.name)}”", do, undo, UNITS, MEMBERS)
    return added[0]


def rejoin_unit(session: Session, year: int, unit_id: int, draft: UnitDraft) -> Membership:
    """Make a unit of earlier years a member of `year` again."""
    db = session.db
    unit = units.get_unit(db, unit_id)
    return session.perform(
        f"Thêm lại “{unit.name}” vào khối năm {year}",
        lambda: membership_moves.rejoin(db, year, unit_id, **draft.facts()),
        lambda: membership_moves.undo_rejoin(db, year, unit_id, unit.left_year), UNITS, MEMBERS)


def edit_unit(session: Session, year: int, unit_id: int, draft: UnitDraft) -> bool:
    """Save a unit's names and its facts for `year`; False when nothing changed."""
    db = session.db
    old = UnitDraft.of(units.get_unit(db, unit_id), units.get_membership(db, year, unit_id))
    new = draft.cleaned()
    if new == old:
        return False

    def save(values: UnitDraft) -> None:
        units.update_member(db, values.membership(year, unit_id), name=values.name,
                            short_name=values.short_name, code=values.code)

    session.perform(f"Sửa đơn vị “{new.name}”", lambda: save(new), lambda: save(old),
                    UNITS, MEMBERS)
    return True


def retire_unit(session: Session, year: int, unit_id: int) -> Unit:
    """The unit leaves the bloc from `year` (earlier years kept); undo puts it back."""
    db = session.db
    unit = units.get_unit(db, unit_id)
    rows = membership_moves.membership_rows(db, unit_id, year)
    return session.perform(
        f"Cho “{unit.name}” rời khối từ năm {year}",
        lambda: membership_moves.retire(db, unit_id, year),
        lambda: membership_moves.undo_retire(db, unit_id, unit.left_year, rows), UNITS, MEMBERS)


def set_officers(session: Session, year: int, head: int | None,
                 deputies: tuple[int, ...]) -> bool:
    """Replace the year's head and deputies; False when nothing changed."""
    db = session.db
    old = years.officers(db, year)
    if old == Officers(year, head, deputies):
        return False
    session.perform(
        f"Đổi Trưởng khối, Phó khối năm {year}",
        lambda: years.set_officers(db, year, head, deputies),
        lambda: years.set_officers(db, year, old.head, old.deputies), OFFICERS)
    return True

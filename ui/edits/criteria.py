"""Undoable edits of the criteria table and the penalty catalogue.

Redo of an addition puts the very rows back (same ids), so later edits that refer to them redo.
"""

from __future__ import annotations

from dataclasses import dataclass

from data import criteria, penalty_catalogue
from data.model import Criterion, PenaltyType
from data.snapshots import Snapshot, restore, take
from ui.session import CRITERIA, PENALTIES, PENALTY_TYPES, SCORES, Session


def _name(node: Criterion) -> str:
    return node.code or node.title[:40]


def add_node(session: Session, draft: Criterion) -> Criterion:
    """Add the node described by `draft` (its year, parent, fields) at the end of its parent."""
    db = session.db
    kept: list[Snapshot] = []
    fields = {"layer": draft.layer, "reduce": draft.reduce, "grades": draft.grades,
              "excess_rate": draft.excess_rate, "excess_cap": draft.excess_cap,
              "guidance": draft.guidance}

    def do() -> Criterion:
        if kept:
            restore(db, kept[0])
            return criteria.get_criterion(db, int(kept[0].tables[0][1][0]["id"]))
        node = criteria.add_criterion(db, draft.year, draft.parent_id, draft.title,
                                      kind=draft.kind, max_points=draft.max_points,
                                      code=draft.code, **fields)
        kept.append(take(db, "criteria", "id = :id", {"id": node.id}))
        return node

    def undo() -> None:
        criteria.delete_criterion(db, int(kept[0].tables[0][1][0]["id"]))

    return session.perform(f"Thêm tiêu chí “{_name(draft)}”", do, undo, CRITERIA)


def update_node(session: Session, old: Criterion, new: Criterion) -> Criterion:
    """Save an edited node; undo puts the old fields back."""
    db = session.db
    return session.perform(f"Sửa tiêu chí “{_name(old)}”",
                           lambda: criteria.update_criterion(db, new),
                           lambda: criteria.update_criterion(db, old), CRITERIA)


@dataclass(frozen=True)
class Removal:
    """What deleting a node takes away: the rows below it and the scores given on them."""

    children: int
    scores: int

    def phrase(self) -> str:
        """“ cùng 2 mục con và 32 điểm đã chấm”, or nothing."""
        parts = [f"{self.children} mục con"] if self.children else []
        parts += [f"{self.scores} điểm đã chấm"] if self.scores else []
        return f" cùng {' và '.join(parts)}" if parts else ""


def removal(session: Session, node: Criterion) -> Removal:
    """Count what a delete of `node` would remove (for the confirmation)."""
    taken = criteria.take_subtree(session.db, node.id)
    return Removal(taken.count("criteria") - 1, taken.count("scores"))


def delete_node(session: Session, node: Criterion) -> None:
    """Delete a node with its descendants and their scores; undo brings all back, same ids."""
    db = session.db
    taken = criteria.take_subtree(db, node.id)
    changes = (CRITERIA, SCORES) if taken.count("scores") else (CRITERIA,)
    session.perform(f"Xóa tiêu chí “{_name(node)}”",
                    lambda: criteria.delete_criterion(db, node.id),
                    lambda: restore(db, taken), *changes)


def move_node(session: Session, node: Criterion, delta: int) -> None:
    """Move a node among its siblings; undo restores the exact positions."""
    db = session.db
    before = criteria.sibling_positions(db, node.id)
    where = "lên" if delta < 0 else "xuống"
    session.perform(f"Chuyển “{_name(node)}” {where}",
                    lambda: criteria.move_criterion(db, node.id, delta),
                    lambda: criteria.set_positions(db, before), CRITERIA)


def copy_table(session: Session, from_year: int, to_year: int) -> list[Criterion]:
    """Copy a year's table and catalogue into a year without a table; undo removes the copy."""
    db = session.db
    kept: list[Snapshot] = []
    existing = {p.id for p in penalty_catalogue.penalty_types(db, to_year)}

    def copied_types() -> list[int]:
        return [p.id for p in penalty_catalogue.penalty_types(db, to_year) if p.id not in existing]

    def do() -> list[Criterion]:
        if kept:
            restore(db, kept[0])
            return criteria.criteria(db, to_year)
        nodes = criteria.copy_table(db, from_year, to_year)
        kept.append(criteria.take_table(db, to_year, copied_types()))
        return nodes

    return session.perform(f"Sao chép bảng tiêu chí năm {from_year} sang năm {to_year}", do,
                           lambda: criteria.delete_table(db, to_year, copied_types()),
                           CRITERIA, PENALTY_TYPES)


def add_penalty_type(session: Session, draft: PenaltyType) -> PenaltyType:
    """Add a catalogue entry to the draft's year."""
    db = session.db
    kept: list[Snapshot] = []

    def do() -> PenaltyType:
        if kept:
            restore(db, kept[0])
            return penalty_catalogue.get_penalty_type(db, int(kept[0].tables[0][1][0]["id"]))
        entry = penalty_catalogue.add_penalty_type(db, draft.year, draft.title, draft.points,
                                          code=draft.code, source=draft.source)
        kept.append(take(db, "penalty_types", "id = :id", {"id": entry.id}))
        return entry

    def undo() -> None:
        penalty_catalogue.delete_penalty_type(db, int(kept[0].tables[0][1][0]["id"]))

    return session.perform(f"Thêm lỗi bị trừ điểm “{draft.code or draft.title[:40]}”", do, undo,
                           PENALTY_TYPES)


def update_penalty_type(session: Session, old: PenaltyType, new: PenaltyType) -> PenaltyType:
    """Save an edited catalogue entry."""
    db = session.db
    return session.perform(f"Sửa lỗi bị trừ điểm “{old.code or old.title[:40]}”",
                           lambda: penalty_catalogue.update_penalty_type(db, new),
                           lambda: penalty_catalogue.update_penalty_type(db, old), PENALTY_TYPES)


def delete_penalty_type(session: Session, entry: PenaltyType) -> None:
    """Delete a catalogue entry; recorded penalties lose the link, undo links them again."""
    db = session.db
    taken = take(db, "penalty_types", "id = :id", {"id": entry.id})
    users = penalty_catalogue.penalty_type_users(db, entry.id)
    changes = (PENALTY_TYPES, PENALTIES) if users else (PENALTY_TYPES,)
    session.perform(f"Xóa lỗi bị trừ điểm “{entry.code or entry.title[:40]}”",
                    lambda: penalty_catalogue.delete_penalty_type(db, entry.id),
                    lambda: penalty_catalogue.restore_penalty_type(db, taken, users), *changes)

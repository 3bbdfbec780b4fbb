"""Undoable edits of the nomination list (danh sách đề nghị): one undo step per user action."""

from __future__ import annotations

from dataclasses import dataclass

from data import nominations, snapshots, units
from data.awards import get_award_form
from data.errors import InputError
from data.meeting_model import Nomination
from data.snapshots import Snapshot
from data.vntext import clean_multiline
from ui.session import NOMINATIONS, Session


@dataclass(frozen=True)
class NominationDraft:
    """What the nomination dialog holds: the unit, the award form, the summary and the note."""

    unit_id: int
    award_form_id: int
    achievements: str = ""
    note: str = ""


def _rows(session: Session, ids: list[int]) -> Snapshot:
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    return snapshots.take(session.db, "nominations", f"id IN ({marks})",
                          {f"i{n}": i for n, i in enumerate(ids)})


def _delete(session: Session, ids: list[int]) -> Snapshot:
    """Take the rows (for a redo or an undo), then delete them."""
    rows = _rows(session, ids)
    for nomination_id in ids:
        nominations.delete_nomination(session.db, nomination_id)
    return rows


def add_nomination(session: Session, year: int, draft: NominationDraft) -> Nomination:
    """Put a unit on the list by hand; undo takes it off, redo puts it back with its id."""
    db = session.db
    unit = units.get_unit(db, draft.unit_id)
    form = get_award_form(db, draft.award_form_id)
    added: list[Nomination] = []
    removed: list[Snapshot] = []

    def do() -> None:
        if removed:
            snapshots.restore(db, removed.pop())
            return
        added.append(nominations.add_nomination(db, year, draft.unit_id, draft.award_form_id,
                                                achievements=draft.achievements,
                                                note=draft.note))

    def undo() -> None:
        removed.append(_delete(session, [added[0].id]))

    session.perform(f"Đề nghị “{form.name}” cho “{unit.name}”", do, undo, NOMINATIONS)
    return added[0]


def nominate_from_results(session: Session, year: int) -> tuple[list[Nomination], list[str]]:
    """Nominate the units every awaiting round elected, as one undo step.

    Returns the new nominations and the units left out with their reasons; when nothing can be
    added an InputError says why and nothing is recorded."""
    db = session.db
    preview = nominations.from_results(db, year)
    if not preview.additions:
        if preview.skipped:
            raise InputError("Không lập được đề nghị nào: " + "; ".join(preview.skipped) + ".")
        raise InputError(f"Năm {year} chưa có vòng suy tôn nào có kết quả kiểm phiếu thống nhất "
                         "mà chưa lập danh sách đề nghị. Hãy nhập đủ hai lần kết quả kiểm phiếu "
                         "ở trang “Bỏ phiếu”.")
    made: list[Nomination] = []
    removed: list[Snapshot] = []

    def do() -> None:
        if removed:
            snapshots.restore(db, removed.pop())
            return
        made.extend(nominations.nominate_from_results(db, year))

    def undo() -> None:
        removed.append(_delete(session, [n.id for n in made]))

    session.perform("Lập danh sách đề nghị từ kết quả bỏ phiếu", do, undo, NOMINATIONS)
    return made, list(preview.skipped)


def update_nomination(session: Session, nomination_id: int, *, achievements: str | None = None,
                      note: str | None = None) -> bool:
    """Save the achievement summary or the note; False when nothing changed."""
    db = session.db
    old = nominations.get_nomination(db, nomination_id)
    new_achievements = old.achievements if achievements is None else clean_multiline(achievements)
    new_note = old.note if note is None else clean_multiline(note)
    if (new_achievements, new_note) == (old.achievements, old.note):
        return False
    name = units.get_unit(db, old.unit_id).name
    what = "tóm tắt thành tích" if new_achievements != old.achievements else "ghi chú"
    session.perform(
        f"Sửa {what} của “{name}”",
        lambda: nominations.update_nomination(db, nomination_id, achievements=new_achievements,
                                              note=new_note),
        lambda: nominations.update_nomination(db, nomination_id, achievements=old.achievements,
                                              note=old.note), NOMINATIONS)
    return True


def move_nomination(session: Session, nomination_id: int, before_id: int) -> None:
    """Move a nomination to the place of another (its neighbour in the shown order)."""
    db = session.db
    item = nominations.get_nomination(db, nomination_id)
    listed = nominations.nominations(db, item.year)
    old = {n.id: n.position for n in listed}
    order = [n.id for n in listed]
    delta = order.index(before_id) - order.index(nomination_id)
    if delta == 0:
        return
    name = units.get_unit(db, item.unit_id).name
    session.perform(f"Chuyển “{name}” {'lên' if delta < 0 else 'xuống'}",
                    lambda: nominations.move_nomination(db, nomination_id, delta),
                    lambda: nominations.set_positions(db, old), NOMINATIONS)


def delete_nomination(session: Session, nomination_id: int) -> None:
    """Take a nomination off the list; undo puts it back with its id, summary and place."""
    db = session.db
    item = nominations.get_nomination(db, nomination_id)
    name = units.get_unit(db, item.unit_id).name
    rows = _rows(session, [nomination_id])
    session.perform(f"Xóa đề nghị của “{name}”",
                    lambda: nominations.delete_nomination(db, nomination_id),
                    lambda: snapshots.restore(db, rows), NOMINATIONS)

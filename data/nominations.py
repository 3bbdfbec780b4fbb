"""The nomination list (danh sách đề nghị khen thưởng): made from passed rounds, edited, ordered."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from data import audit, meetings
from data.awards import get_award_form
from data.ballots import get_round, round_report, round_reports
from data.candidates import ELIGIBILITY_SOURCE, block_reasons
from data.db import Database, transaction
from data.errors import InputError
from data.meeting_model import Nomination, Purpose, RoundReport
from data.meetings import get_meeting
from data.units import get_membership, get_unit
from data.vntext import clean_multiline
from data.years import require_year


def _nomination(row: sqlite3.Row) -> Nomination:
    return Nomination(row["id"], row["year"], row["unit_id"], row["award_form_id"],
                      row["round_id"], row["achievements"], row["note"], row["position"])


def nominations(db: Database, year: int) -> list[Nomination]:
    """The year's nominations in list order."""
    rows = db.conn.execute("SELECT * FROM nominations WHERE year = :y ORDER BY position, id",
                           {"y": year})
    return [_nomination(r) for r in rows.fetchall()]


def get_nomination(db: Database, nomination_id: int) -> Nomination:
    """One nomination by id."""
    row = db.conn.execute("SELECT * FROM nominations WHERE id = :id", {"id": nomination_id}
                          ).fetchone()
    if row is None:
        raise InputError(f"Không có đề nghị khen thưởng mã số {nomination_id}.")
    return _nomination(row)


def add_nomination(db: Database, year: int, unit_id: int, award_form_id: int, *,
                   round_id: int | None = None, achievements: str = "", note: str = ""
                   ) -> Nomination:
    """Put a unit on the list for an award form (a blocked unit or a duplicate is refused)."""
    require_year(db, year)
    unit = get_unit(db, unit_id)
    form = get_award_form(db, award_form_id)
    reasons = block_reasons(get_membership(db, year, unit_id))
    if reasons:
        raise InputError(f"“{unit.name}” không được đề nghị khen thưởng năm {year}: "
                         f"{'; '.join(reasons).lower()} ({ELIGIBILITY_SOURCE}).")
    if round_id is not None:
        ballot = get_round(db, round_id)
        if get_meeting(db, ballot.meeting_id).year != year or ballot.award_form_id != form.id:
            raise InputError(f"Vòng bỏ phiếu mã số {round_id} không phải vòng suy tôn "
                             f"“{form.name}” năm {year}.")
    with transaction(db):
        position = db.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM nominations"
                                   " WHERE year = :y", {"y": year}).fetchone()[0]
        try:
            cur = db.conn.execute(
                "INSERT INTO nominations (year, unit_id, award_form_id, round_id, achievements,"
                " note, position) VALUES (:y, :u, :f, :r, :a, :n, :p)",
                {"y": year, "u": unit_id, "f": award_form_id, "r": round_id,
                 "a": clean_multiline(achievements), "n": clean_multiline(note), "p": position})
        except sqlite3.IntegrityError:
            raise InputError(f"“{unit.name}” đã có trong danh sách đề nghị “{form.name}” "
                             f"năm {year}.") from None
        audit.record(db, "add", "nomination", cur.lastrowid, unit=unit.name, form=form.code)
    return get_nomination(db, int(cur.lastrowid or 0))


def nominate_from_round(db: Database, round_id: int) -> list[Nomination]:
    """Nominate the units a round elected (its counts agreed); units already listed are kept."""
    ballot = get_round(db, round_id)
    if ballot.purpose is not Purpose.AWARD or ballot.award_form_id is None:
        raise InputError("Chỉ vòng suy tôn khen thưởng mới tạo được danh sách đề nghị.")
    result = round_report(db, round_id).result
    if result is None:
        raise InputError("Vòng này chưa có kết quả kiểm phiếu thống nhất (nhập đủ hai lần, khớp).")
    year = get_meeting(db, ballot.meeting_id).year
    listed = {(n.unit_id, n.award_form_id) for n in nominations(db, year)}
    with transaction(db):
        for unit_id in result.elected:
            if (unit_id, ballot.award_form_id) not in listed:
                add_nomination(db, year, unit_id, ballot.award_form_id, round_id=round_id)
    return [n for n in nominations(db, year) if n.round_id == round_id]


def update_nomination(db: Database, nomination_id: int, *, achievements: str | None = None,
                      note: str | None = None) -> Nomination:
    """Edit the achievement summary (tóm tắt thành tích) or the note."""
    old = get_nomination(db, nomination_id)
    values = {"a": clean_multiline(old.achievements if achievements is None else achievements),
              "n": clean_multiline(old.note if note is None else note), "id": nomination_id}
    with transaction(db):
        db.conn.execute("UPDATE nominations SET achievements = :a, note = :n WHERE id = :id",
                        values)
        audit.record(db, "update", "nomination", nomination_id)
    return get_nomination(db, nomination_id)


def move_nomination(db: Database, nomination_id: int, delta: int) -> list[Nomination]:
    """Move a nomination up (delta < 0) or down the list; returns the list in its new order."""
    item = get_nomination(db, nomination_id)
    order = [n.id for n in nominations(db, item.year)]
    index = order.index(nomination_id)
    target = max(0, min(len(order) - 1, index + delta))
    order.insert(target, order.pop(index))
    with transaction(db):
        db.conn.executemany("UPDATE nominations SET position = :p WHERE id = :id",
                            [{"p": p, "id": i} for p, i in enumerate(order, start=1)])
        audit.record(db, "move", "nomination", nomination_id, delta=delta)
    return nominations(db, item.year)


def delete_nomination(db: Database, nomination_id: int) -> None:
    """Take a nomination off the list."""
    item = get_nomination(db, nomination_id)
    with transaction(db):
        db.conn.execute("DELETE FROM nominations WHERE id = :id", {"id": nomination_id})
        audit.record(db, "delete", "nomination", nomination_id, unit=item.unit_id)


def set_positions(db: Database, positions: Mapping[int, int]) -> None:
    """Put nominations back at exact list positions (id -> position), e.g. to undo a move."""
    with transaction(db):
        db.conn.executemany("UPDATE nominations SET position = :p WHERE id = :id",
                            [{"p": p, "id": i} for i, p in positions.items()])
        audit.record(db, "order", "nomination",
                     positions={str(i): p for i, p in positions.items()})


def awaiting_rounds(db: Database, year: int) -> list[RoundReport]:
    """The year's award rounds with an agreed result that elected someone, none nominated yet."""
    used = {n.round_id for n in nominations(db, year)}
    return [r for m in meetings.meetings(db, year) for r in round_reports(db, m.id)
            if r.round.purpose is Purpose.AWARD and r.result is not None and r.result.elected
            and r.round.id not in used]


@dataclass(frozen=True)
class FromResults:
    """What the awaiting rounds would add: (round, unit, award form), and units left out, why."""

    rounds: int
    additions: tuple[tuple[int, int, int], ...]
    skipped: tuple[str, ...]


def from_results(db: Database, year: int) -> FromResults:
    """Preview of `nominate_from_results`: who the awaiting rounds put on the list, who not."""
    ready = awaiting_rounds(db, year)
    listed = {(n.unit_id, n.award_form_id) for n in nominations(db, year)}
    additions: list[tuple[int, int, int]] = []
    skipped: list[str] = []
    for report in ready:
        ballot, result = report.round, report.result
        assert result is not None and ballot.award_form_id is not None
        form = get_award_form(db, ballot.award_form_id)
        for unit_id in result.elected:
            if (unit_id, form.id) in listed:
                continue
            reasons = block_reasons(get_membership(db, year, unit_id))
            if reasons:
                skipped.append(f"“{get_unit(db, unit_id).name}” ({form.name}): "
                               f"{'; '.join(reasons).lower()} ({ELIGIBILITY_SOURCE})")
                continue
            listed.add((unit_id, form.id))
            additions.append((ballot.id, unit_id, form.id))
    return FromResults(len(ready), tuple(additions), tuple(skipped))


def nominate_from_results(db: Database, year: int) -> list[Nomination]:
    """Nominate, all or nothing, the units elected in every awaiting round; returns the new ones.

    Units already listed for the form are kept as they are; blocked units are left out (see
    `from_results`)."""
    made: list[Nomination] = []
    with transaction(db):
        for round_id, unit_id, form_id in from_results(db, year).additions:
            made.append(add_nomination(db, year, unit_id, form_id, round_id=round_id))
    return made

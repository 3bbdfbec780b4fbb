"""Ballot rounds, their candidates, the two entries of the counts, and the agreed results."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from data import audit, snapshots
from data.awards import get_award_form
from data.ballot_math import FIELD_LABELS, check_count, report
from data.db import Database, transaction
from data.errors import InputError
from data.meeting_model import (
    BallotCount,
    BallotRound,
    CountEntry,
    CountProblem,
    Outcome,
    Purpose,
    RoundReport,
)
from data.meetings import get_meeting, meeting_quorum
from data.numbers import as_number
from data.rules import load_rules
from data.snapshots import Snapshot
from data.units import members
from data.vntext import clean

_ORDER = ("SELECT r.* FROM ballot_rounds r LEFT JOIN award_forms f ON f.id = r.award_form_id"
          " WHERE {where} ORDER BY CASE r.purpose WHEN 'award' THEN 0 WHEN 'head' THEN 1"
          " ELSE 2 END, f.position, r.award_form_id, r.round_no")


def _round(db: Database, row: sqlite3.Row) -> BallotRound:
    candidates = tuple(r[0] for r in db.conn.execute(
        "SELECT unit_id FROM ballot_candidates WHERE round_id = :r ORDER BY position",
        {"r": row["id"]}))
    return BallotRound(row["id"], row["meeting_id"], Purpose(row["purpose"]),
                       row["award_form_id"], row["round_no"], row["choices"], row["seats"],
                       candidates, row["note"])


def get_round(db: Database, round_id: int) -> BallotRound:
    """One round by id, with its candidates in ballot order."""
    row = db.conn.execute("SELECT * FROM ballot_rounds WHERE id = :id", {"id": round_id}
                          ).fetchone()
    if row is None:
        raise InputError(f"Không có vòng bỏ phiếu mã số {round_id}.")
    return _round(db, row)


def rounds(db: Database, meeting_id: int) -> list[BallotRound]:
    """The meeting's rounds: awards in catalogue order, then head, then deputies; by round."""
    rows = db.conn.execute(_ORDER.format(where="r.meeting_id = :m"), {"m": meeting_id})
    return [_round(db, r) for r in rows.fetchall()]


def _check_candidates(db: Database, year: int, purpose: Purpose, candidates: Sequence[int],
                      choices: int, seats: int) -> None:
    if not candidates:
        raise InputError("Vòng bỏ phiếu cần có ít nhất một đơn vị trong danh sách bầu.")
    if len(set(candidates)) != len(candidates):
        raise InputError("Một đơn vị có tên hai lần trong danh sách bầu.")
    if not 1 <= seats <= len(candidates) or not 1 <= choices <= len(candidates):
        raise InputError(f"Số cần bầu ({seats}) và số đơn vị được chọn trên mỗi phiếu "
                         f"({choices}) phải từ 1 đến số đơn vị trong danh sách "
                         f"({len(candidates)}).")
    member = {unit.id: (unit, m) for unit, m in members(db, year)}
    for unit_id in candidates:
        if unit_id not in member:
            raise InputError(f"Đơn vị mã số {unit_id} không là thành viên khối năm {year}.")
        unit, facts = member[unit_id]
        if purpose is Purpose.AWARD and facts.blocked:
            note = f" ({facts.eligibility_note})" if facts.eligibility_note else ""
            raise InputError(f"“{unit.name}” đang bị kỷ luật, điều tra hoặc khiếu nại{note}: "
                             "không được đề nghị khen thưởng (Nghị định 152/2025/NĐ-CP, Điều 4).")


def add_round(db: Database, meeting_id: int, purpose: Purpose, candidates: Sequence[int], *,
              award_form_id: int | None = None, choices: int = 1, seats: int = 1,
              note: str = "") -> BallotRound:
    """Open the next round for a purpose (round numbers follow on, up to the rule set's limit)."""
    meeting = get_meeting(db, meeting_id)
    purpose = Purpose(purpose)
    if (purpose is Purpose.AWARD) != (award_form_id is not None):
        raise InputError("Vòng suy tôn khen thưởng cần chọn hình thức khen thưởng; vòng bầu "
                         "Trưởng khối, Phó khối thì không.")
    form_name = get_award_form(db, award_form_id).name if award_form_id is not None else ""
    _check_candidates(db, meeting.year, purpose, candidates, choices, seats)
    limit = load_rules(db, meeting.year).max_rounds
    with transaction(db):
        round_no = db.conn.execute(
            "SELECT coalesce(max(round_no), 0) + 1 FROM ballot_rounds WHERE meeting_id = :m"
            " AND purpose = :p AND award_form_id IS :f",
            {"m": meeting_id, "p": purpose.value, "f": award_form_id}).fetchone()[0]
        if round_no > limit:
            raise InputError(f"Đã bỏ phiếu đủ {limit} vòng ({form_name or purpose.label}): "
                             "Trưởng khối và các Phó khối quyết định.")
        cur = db.conn.execute(
            "INSERT INTO ballot_rounds (meeting_id, purpose, award_form_id, round_no, choices,"
            " seats, note) VALUES (:m, :p, :f, :n, :c, :s, :note)",
            {"m": meeting_id, "p": purpose.value, "f": award_form_id, "n": round_no,
             "c": choices, "s": seats, "note": clean(note)})
        round_id = int(cur.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO ballot_candidates (round_id, unit_id, position) VALUES (:r, :u, :p)",
            [{"r": round_id, "u": u, "p": p} for p, u in enumerate(candidates, start=1)])
        audit.record(db, "add", "ballot_round", round_id, purpose=purpose, form=award_form_id,
                     round_no=round_no, candidates=list(candidates))
    return get_round(db, round_id)


def add_next_round(db: Database, round_id: int) -> BallotRound:
    """The further round a result asks for: the tied or remaining candidates, remaining seats."""
    result = round_report(db, round_id).result
    if result is None:
        raise InputError("Vòng này chưa có kết quả kiểm phiếu thống nhất (nhập đủ hai lần, khớp).")
    if result.outcome is not Outcome.FURTHER_ROUND:
        raise InputError(f"Vòng này không cần bỏ phiếu thêm. Kết quả: {result.outcome.label}.")
    ballot = get_round(db, round_id)
    later = [r.round_no for r in rounds(db, ballot.meeting_id) if r.purpose is ballot.purpose
             and r.award_form_id == ballot.award_form_id and r.round_no > ballot.round_no]
    if later:
        raise InputError(f"Vòng {later[0]} của nội dung này đã được tạo.")
    seats = result.remaining_seats
    return add_round(db, ballot.meeting_id, ballot.purpose, result.next_candidates,
                     award_form_id=ballot.award_form_id, choices=min(ballot.choices, seats),
                     seats=seats, note=f"Bỏ phiếu vòng {ballot.round_no + 1}")


def update_round(db: Database, round_id: int, candidates: Sequence[int], *, choices: int,
                 seats: int, note: str = "") -> BallotRound:
    """Change a round's candidates, choices, seats and note while no count has been typed."""
    ballot = get_round(db, round_id)
    if count_entries(db, round_id):
        raise InputError("Vòng này đã có kết quả kiểm phiếu; hãy xóa kết quả trước khi sửa "
                         "danh sách bầu, số cần bầu hoặc số đơn vị được chọn trên mỗi phiếu.")
    _check_candidates(db, get_meeting(db, ballot.meeting_id).year, ballot.purpose, candidates,
                      choices, seats)
    with transaction(db):
        db.conn.execute("UPDATE ballot_rounds SET choices = :c, seats = :s, note = :n"
                        " WHERE id = :r", {"c": choices, "s": seats, "n": clean(note),
                                           "r": round_id})
        db.conn.execute("DELETE FROM ballot_candidates WHERE round_id = :r", {"r": round_id})
        db.conn.executemany(
            "INSERT INTO ballot_candidates (round_id, unit_id, position) VALUES (:r, :u, :p)",
            [{"r": round_id, "u": u, "p": p} for p, u in enumerate(candidates, start=1)])
        audit.record(db, "update", "ballot_round", round_id, candidates=list(candidates),
                     choices=choices, seats=seats)
    return get_round(db, round_id)


def delete_round(db: Database, round_id: int) -> None:
    """Remove a round with its counts (nominations made from it keep no round)."""
    get_round(db, round_id)
    with transaction(db):
        db.conn.execute("DELETE FROM ballot_rounds WHERE id = :id", {"id": round_id})
        audit.record(db, "delete", "ballot_round", round_id)


def _integer(value: object, field: str, unit_id: int | None,
             problems: list[CountProblem]) -> int:
    label = FIELD_LABELS[field]
    try:
        number = as_number(value, label)
    except InputError as exc:
        problems.append(CountProblem(field, exc.message, unit_id))
        return 0
    if number != int(number):
        problems.append(CountProblem(field, f"{label}: “{value}” không phải là số nguyên.",
                                     unit_id))
    return int(number)


def save_count(db: Database, round_id: int, entry: int, *, issued: object, received: object,
               valid: object, invalid: object, votes: Mapping[int, object],
               entered_by: str | None = None) -> list[CountProblem]:
    """Check and store entry 1 or 2 of a round's counts; returns the problems (none: stored).
    `entered_by` names who typed it (a member of the counting committee); default: the login."""
    if entry not in (1, 2):
        raise InputError("Kết quả kiểm phiếu được nhập hai lần: lần 1 hoặc lần 2.")
    ballot = get_round(db, round_id)
    meeting = get_meeting(db, ballot.meeting_id)
    problems: list[CountProblem] = []
    numbers = {f: _integer(v, f, None, problems) for f, v in
               (("issued", issued), ("received", received), ("valid", valid),
                ("invalid", invalid))}
    count = BallotCount(**numbers, votes=tuple(
        (unit_id, _integer(v, "votes", unit_id, problems)) for unit_id, v in votes.items()))
    if problems:  # the sums of numbers that could not be read would only add noise
        return problems
    names = {unit.id: unit.name for unit, _ in members(db, meeting.year)}
    problems += check_count(count, present=meeting_quorum(db, meeting.id).present,
                            candidates=ballot.candidates, choices=ballot.choices, names=names)
    if problems:
        return problems
    by = audit.actor() if entered_by is None else clean(entered_by)
    params = {"r": round_id, "e": entry, **numbers, "by": by, "at": audit.now_iso()}
    with transaction(db):
        db.conn.execute("DELETE FROM ballot_counts WHERE round_id = :r AND entry = :e", params)
        db.conn.execute(
            "INSERT INTO ballot_counts (round_id, entry, issued, received, valid, invalid,"
            " entered_by, entered_at) VALUES (:r, :e, :issued, :received, :valid, :invalid,"
            " :by, :at)", params)
        db.conn.executemany(
            "INSERT INTO ballot_votes (round_id, entry, unit_id, votes) VALUES (:r, :e, :u, :v)",
            [{"r": round_id, "e": entry, "u": u, "v": v} for u, v in count.votes])
        audit.record(db, "save", "ballot_count", f"{round_id}/{entry}", **numbers,
                     votes={str(u): v for u, v in count.votes})
    return []


def clear_count(db: Database, round_id: int, entry: int) -> None:
    """Remove one entry of a round's counts (to type it again)."""
    with transaction(db):
        db.conn.execute("DELETE FROM ballot_counts WHERE round_id = :r AND entry = :e",
                        {"r": round_id, "e": entry})
        audit.record(db, "clear", "ballot_count", f"{round_id}/{entry}")


def take_count(db: Database, round_id: int, entry: int) -> Snapshot:
    """The stored rows of one entry (empty when not typed), to put back with `restore_count`."""
    params = {"r": round_id, "e": entry}
    return (snapshots.take(db, "ballot_counts", "round_id = :r AND entry = :e", params)
            + snapshots.take(db, "ballot_votes", "round_id = :r AND entry = :e", params))


def restore_count(db: Database, round_id: int, entry: int, rows: Snapshot) -> None:
    """Make one entry exactly what `take_count` saw: its rows back, or no entry at all."""
    with transaction(db):
        db.conn.execute("DELETE FROM ballot_counts WHERE round_id = :r AND entry = :e",
                        {"r": round_id, "e": entry})
        snapshots.restore(db, rows)
        audit.record(db, "restore", "ballot_count", f"{round_id}/{entry}")


@dataclass(frozen=True)
class RoundBackup:
    """A round's rows (candidates, counts, votes) and the nominations made from it."""

    round_id: int
    rows: Snapshot
    nominations: tuple[int, ...]


def backup_round(db: Database, round_id: int) -> RoundBackup:
    """Everything `delete_round` removes or unlinks, to put back with `restore_round`."""
    get_round(db, round_id)
    params = {"r": round_id}
    rows = (snapshots.take(db, "ballot_rounds", "id = :r", params)
            + snapshots.take(db, "ballot_candidates", "round_id = :r", params, "position")
            + snapshots.take(db, "ballot_counts", "round_id = :r", params, "entry")
            + snapshots.take(db, "ballot_votes", "round_id = :r", params))
    linked = db.conn.execute("SELECT id FROM nominations WHERE round_id = :r ORDER BY id", params)
    return RoundBackup(round_id, rows, tuple(r[0] for r in linked))


def restore_round(db: Database, backup: RoundBackup) -> BallotRound:
    """Put a deleted round back with its id, counts and links from nominations."""
    with transaction(db):
        snapshots.restore(db, backup.rows)
        db.conn.executemany("UPDATE nominations SET round_id = :r WHERE id = :n",
                            [{"r": backup.round_id, "n": n} for n in backup.nominations])
        audit.record(db, "restore", "ballot_round", backup.round_id)
    return get_round(db, backup.round_id)


def count_entries(db: Database, round_id: int) -> list[CountEntry]:
    """The entries typed for a round (none, one or two)."""
    rows = db.conn.execute("SELECT * FROM ballot_counts WHERE round_id = :r ORDER BY entry",
                           {"r": round_id}).fetchall()
    entries = []
    for row in rows:
        votes = tuple((r["unit_id"], r["votes"]) for r in db.conn.execute(
            "SELECT v.unit_id, v.votes FROM ballot_votes v JOIN ballot_candidates c ON"
            " c.round_id = v.round_id AND c.unit_id = v.unit_id WHERE v.round_id = :r AND"
            " v.entry = :e ORDER BY c.position", {"r": round_id, "e": row["entry"]}))
        count = BallotCount(row["issued"], row["received"], row["valid"], row["invalid"], votes)
        entries.append(CountEntry(row["entry"], count, row["entered_by"], row["entered_at"]))
    return entries


def round_reports(db: Database, meeting_id: int) -> list[RoundReport]:
    """Every round of the meeting with its double-entry status and agreed result."""
    meeting = get_meeting(db, meeting_id)
    rules = load_rules(db, meeting.year)
    attendance = meeting_quorum(db, meeting_id)
    names = {unit.id: unit.name for unit, _ in members(db, meeting.year)}
    return [report(b, count_entries(db, b.id), rules, members=attendance.members,
                   present=attendance.present, names=names) for b in rounds(db, meeting_id)]


def round_report(db: Database, round_id: int) -> RoundReport:
    """One round's double-entry status and agreed result."""
    ballot = get_round(db, round_id)
    return next(r for r in round_reports(db, ballot.meeting_id) if r.round.id == round_id)

"""Meetings: time and place, chair and secretary, guests, agenda, attendance, counting committee."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace

from data import audit
from data.ballot_math import quorum
from data.db import Database, transaction
from data.errors import InputError
from data.meeting_model import (
    AgendaItem,
    Attendance,
    CommitteeMember,
    Guest,
    Meeting,
    MeetingKind,
    Quorum,
)
from data.rules import load_rules
from data.snapshots import Snapshot, restore, take
from data.vntext import clean, clean_multiline, parse_date
from data.years import require_year

_TIME = re.compile(r"(\d{1,2})\s*(?:[:hHgG]|giờ)\s*(\d{2})?")
_HEADER = ("held_on", "start_time", "end_time", "place", "chair_name", "chair_title",
           "secretary_name", "secretary_title")


def _time(text: str, label: str) -> str:
    value = clean(text)
    if not value:
        return ""
    m = _TIME.fullmatch(value)
    if m is None or int(m[1]) > 23 or int(m[2] or 0) > 59:
        raise InputError(f"{label} “{value}” không hợp lệ (ví dụ đúng: 14:00 hoặc 14h30).")
    return f"{int(m[1]):02d}:{int(m[2] or 0):02d}"


def normalised(meeting: Meeting) -> Meeting:
    """The meeting's header as it would be stored (ISO date, "14:00" times, NFC); refuses a bad
    date or time, or an end before the start."""
    held_on = clean(meeting.held_on)
    start = _time(meeting.start_time, "Giờ bắt đầu")
    end = _time(meeting.end_time, "Giờ kết thúc")
    if start and end and end <= start:
        raise InputError(f"Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}).")
    return replace(
        meeting, kind=MeetingKind(meeting.kind),
        held_on=parse_date(held_on).isoformat() if held_on else "", start_time=start,
        end_time=end, place=clean(meeting.place), chair_name=clean(meeting.chair_name),
        chair_title=clean(meeting.chair_title), secretary_name=clean(meeting.secretary_name),
        secretary_title=clean(meeting.secretary_title),
    )


def _load(db: Database, row: sqlite3.Row) -> Meeting:
    mid = {"m": row["id"]}
    guests = tuple(Guest(r["name"], r["title"]) for r in db.conn.execute(
        "SELECT * FROM meeting_guests WHERE meeting_id = :m ORDER BY position, id", mid))
    agenda = tuple(AgendaItem(r["title"], r["opinions"], r["conclusion"]) for r in db.conn.execute(
        "SELECT * FROM agenda_items WHERE meeting_id = :m ORDER BY position, id", mid))
    committee = tuple(CommitteeMember(r["name"], r["title"], r["role"]) for r in db.conn.execute(
        "SELECT * FROM counting_committee WHERE meeting_id = :m ORDER BY position, id", mid))
    return Meeting(row["id"], row["year"], MeetingKind(row["kind"]),
                   **{f: row[f] for f in _HEADER}, guests=guests, agenda=agenda,
                   committee=committee)


def get_meeting(db: Database, meeting_id: int) -> Meeting:
    """One meeting by id, with its guests, agenda and counting committee."""
    row = db.conn.execute("SELECT * FROM meetings WHERE id = :id", {"id": meeting_id}).fetchone()
    if row is None:
        raise InputError(f"Không có hội nghị mã số {meeting_id}.")
    return _load(db, row)


def find_meeting(db: Database, year: int, kind: MeetingKind = MeetingKind.YEAR_END
                 ) -> Meeting | None:
    """The year's meeting of that kind, or None."""
    row = db.conn.execute("SELECT * FROM meetings WHERE year = :y AND kind = :k",
                          {"y": year, "k": MeetingKind(kind).value}).fetchone()
    return None if row is None else _load(db, row)


def meetings(db: Database, year: int) -> list[Meeting]:
    """The year's meetings, mid-year first."""
    rows = db.conn.execute("SELECT * FROM meetings WHERE year = :y ORDER BY kind = 'year_end', id",
                           {"y": year}).fetchall()
    return [_load(db, r) for r in rows]


def save_meeting(db: Database, meeting: Meeting) -> Meeting:
    """Create (id 0) or update a meeting's header, guests, agenda and committee, all or nothing."""
    require_year(db, meeting.year)
    meeting = normalised(meeting)
    values = {f: getattr(meeting, f) for f in _HEADER}
    with transaction(db):
        if meeting.id:
            old = get_meeting(db, meeting.id)
            if (old.year, old.kind) != (meeting.year, meeting.kind):
                raise InputError("Không đổi được năm hoặc loại của hội nghị đã có.")
            db.conn.execute("UPDATE meetings SET " + ", ".join(f"{f} = :{f}" for f in _HEADER)
                            + " WHERE id = :id", {**values, "id": meeting.id})
            meeting_id = meeting.id
        else:
            if find_meeting(db, meeting.year, meeting.kind) is not None:
                raise InputError(f"Năm {meeting.year} đã có {meeting.kind.label.lower()}.")
            cur = db.conn.execute(
                f"INSERT INTO meetings (year, kind, {', '.join(_HEADER)}) VALUES (:year, :kind, "
                + ", ".join(f":{f}" for f in _HEADER) + ")",
                {**values, "year": meeting.year, "kind": meeting.kind.value})
            meeting_id = int(cur.lastrowid or 0)
        _replace_lists(db, meeting_id, meeting)
        audit.record(db, "save", "meeting", meeting_id, year=meeting.year, kind=meeting.kind)
    return get_meeting(db, meeting_id)


def _replace_lists(db: Database, meeting_id: int, meeting: Meeting) -> None:
    guests = [(clean(g.name), clean(g.title)) for g in meeting.guests]
    agenda = [(clean(a.title), clean_multiline(a.opinions), clean_multiline(a.conclusion))
              for a in meeting.agenda]
    committee = [(clean(c.name), clean(c.title), clean(c.role)) for c in meeting.committee]
    if any(not row[0] for row in (*guests, *agenda, *committee)):
        raise InputError("Đại biểu, thành viên ban kiểm phiếu cần có họ tên; nội dung hội nghị "
                         "cần có tiêu đề.")
    for table, columns, rows in (
        ("meeting_guests", ("name", "title"), guests),
        ("agenda_items", ("title", "opinions", "conclusion"), agenda),
        ("counting_committee", ("name", "title", "role"), committee),
    ):
        db.conn.execute(f"DELETE FROM {table} WHERE meeting_id = :m", {"m": meeting_id})
        db.conn.executemany(
            f"INSERT INTO {table} (meeting_id, position, {', '.join(columns)}) VALUES "
            f"(:m, :p, {', '.join(':' + c for c in columns)})",
            [{"m": meeting_id, "p": p, **dict(zip(columns, row, strict=True))}
             for p, row in enumerate(rows, start=1)])


def delete_meeting(db: Database, meeting_id: int) -> None:
    """Remove a meeting with its attendance and ballot rounds (nominations keep no round)."""
    meeting = get_meeting(db, meeting_id)
    with transaction(db):
        db.conn.execute("DELETE FROM meetings WHERE id = :id", {"id": meeting_id})
        audit.record(db, "delete", "meeting", meeting_id, year=meeting.year, kind=meeting.kind)


def attendance(db: Database, meeting_id: int) -> list[Attendance]:
    """Who was present (with representatives) and who was absent (with reasons)."""
    rows = db.conn.execute("SELECT * FROM attendance WHERE meeting_id = :m ORDER BY unit_id",
                           {"m": meeting_id}).fetchall()
    return [Attendance(r["unit_id"], bool(r["present"]), r["rep_name"], r["rep_title"],
                       r["absence_reason"]) for r in rows]


def save_attendance(db: Database, meeting_id: int, rows: Sequence[Attendance]) -> list[Attendance]:
    """Record present/absent for some member units (others keep their record)."""
    meeting = get_meeting(db, meeting_id)
    member_ids = {r[0] for r in db.conn.execute(
        "SELECT unit_id FROM memberships WHERE year = :y", {"y": meeting.year})}
    with transaction(db):
        for row in rows:
            if row.unit_id not in member_ids:
                raise InputError(f"Đơn vị mã số {row.unit_id} không là thành viên khối năm "
                                 f"{meeting.year}.")
            present = bool(row.present)
            db.conn.execute(
                "INSERT INTO attendance (meeting_id, unit_id, present, rep_name, rep_title,"
                " absence_reason) VALUES (:m, :u, :p, :n, :t, :r) ON CONFLICT (meeting_id,"
                " unit_id) DO UPDATE SET present = :p, rep_name = :n, rep_title = :t,"
                " absence_reason = :r",
                {"m": meeting_id, "u": row.unit_id, "p": int(present), "n": clean(row.rep_name),
                 "t": clean(row.rep_title), "r": "" if present else clean(row.absence_reason)})
        audit.record(db, "save", "attendance", meeting_id, units=[r.unit_id for r in rows])
    return attendance(db, meeting_id)


def meeting_quorum(db: Database, meeting_id: int) -> Quorum:
    """Members of the meeting's year, units marked present, and whether the quorum is met."""
    meeting = get_meeting(db, meeting_id)
    members = db.conn.execute("SELECT count(*) FROM memberships WHERE year = :y",
                              {"y": meeting.year}).fetchone()[0]
    present = db.conn.execute(
        "SELECT count(*) FROM attendance a JOIN memberships m ON m.unit_id = a.unit_id"
        " AND m.year = :y WHERE a.meeting_id = :m AND a.present = 1",
        {"y": meeting.year, "m": meeting_id}).fetchone()[0]
    return quorum(int(members), int(present), load_rules(db, meeting.year))


def restore_attendance(db: Database, meeting_id: int, unit_ids: Sequence[int],
                       rows: Sequence[Attendance]) -> list[Attendance]:
    """Put the records of `unit_ids` back as taken before a change: `rows` for the units that had
    one, no record for the others (to undo `save_attendance`)."""
    get_meeting(db, meeting_id)
    with transaction(db):
        db.conn.executemany("DELETE FROM attendance WHERE meeting_id = :m AND unit_id = :u",
                            [{"m": meeting_id, "u": u} for u in unit_ids])
        if rows:
            save_attendance(db, meeting_id, rows)
    return attendance(db, meeting_id)


@dataclass(frozen=True)
class MeetingContents:
    """What goes with a meeting when it is deleted, counted for the confirmation."""

    attendance: int
    rounds: int
    counts: int
    nominations: int
    decisions: int


def meeting_contents(db: Database, meeting_id: int) -> MeetingContents:
    """Attendance records, ballot rounds, count entries, nominations made from its rounds and
    officer decisions of a meeting."""
    m = {"m": meeting_id}
    in_rounds = "round_id IN (SELECT id FROM ballot_rounds WHERE meeting_id = :m)"
    return MeetingContents(*(int(db.conn.execute(sql, m).fetchone()[0]) for sql in (
        "SELECT count(*) FROM attendance WHERE meeting_id = :m",
        "SELECT count(*) FROM ballot_rounds WHERE meeting_id = :m",
        f"SELECT count(*) FROM ballot_counts WHERE {in_rounds}",
        f"SELECT count(*) FROM nominations WHERE {in_rounds}",
        "SELECT count(*) FROM officer_decisions WHERE meeting_id = :m")))


@dataclass(frozen=True)
class RemovedMeeting:
    """A deleted meeting's rows (ids kept) and the nominations that lost their round."""

    rows: Snapshot
    round_links: tuple[tuple[int, int], ...]  # (nomination id, round id)


_OWNED = ("meeting_guests", "agenda_items", "attendance", "counting_committee", "ballot_rounds")
_ROUND_OWNED = ("ballot_candidates", "ballot_counts", "ballot_votes")


def remove_meeting(db: Database, meeting_id: int) -> RemovedMeeting:
    """Delete a meeting with everything that hangs on it; returns what `restore_meeting` needs
    to put it back exactly."""
    get_meeting(db, meeting_id)
    m = {"m": meeting_id}
    in_rounds = "round_id IN (SELECT id FROM ballot_rounds WHERE meeting_id = :m)"
    rows = take(db, "meetings", "id = :m", m)
    for table in _OWNED:
        rows += take(db, table, "meeting_id = :m", m)
    for table in _ROUND_OWNED:
        rows += take(db, table, in_rounds, m)
    rows += take(db, "officer_decisions", "meeting_id = :m", m)
    links = tuple((int(r[0]), int(r[1])) for r in db.conn.execute(
        f"SELECT id, round_id FROM nominations WHERE {in_rounds} ORDER BY id", m))
    delete_meeting(db, meeting_id)
    return RemovedMeeting(rows, links)


def restore_meeting(db: Database, removed: RemovedMeeting) -> None:
    """Put back a meeting removed by `remove_meeting`, with its ids and nominations' rounds."""
    with transaction(db):
        restore(db, removed.rows)
        db.conn.executemany("UPDATE nominations SET round_id = :r WHERE id = :n",
                            [{"n": n, "r": r} for n, r in removed.round_links])
        (meeting,) = removed.rows.tables[0][1]
        audit.record(db, "restore", "meeting", meeting["id"], year=meeting["year"])

"""Undoable edits of the year's meetings: creation and deletion, the header fields one by one,
guests, counting committee and agenda entries, and the attendance of the member units.

Each function is one step on the undo stack: it captures what it needs to restore, calls
`session.perform`, and lets a refusal (`BlocError`) propagate with nothing recorded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from data import meetings, units, years
from data.errors import InputError
from data.meeting_model import AgendaItem, Attendance, CommitteeMember, Guest, Meeting, MeetingKind
from data.vntext import clean, clean_multiline, identity_key
from ui.session import BALLOTS, MEETING, NOMINATIONS, Session

Entry = Guest | CommitteeMember | AgendaItem
HEADER_LABELS = {"held_on": "ngày họp", "start_time": "giờ bắt đầu", "end_time": "giờ kết thúc",
                 "place": "địa điểm", "chair_name": "người chủ trì",
                 "chair_title": "chức vụ người chủ trì", "secretary_name": "thư ký",
                 "secretary_title": "chức vụ thư ký"}
# list name -> (what one entry is called, the field that names it, what that field is called)
LISTS = {"guests": ("đại biểu", "name", "họ tên"),
         "committee": ("thành viên ban kiểm phiếu", "name", "họ tên"),
         "agenda": ("nội dung hội nghị", "title", "tiêu đề")}


def in_year(meeting: Meeting) -> str:
    """"hội nghị tổng kết năm 2019": the meeting named inside a sentence."""
    return f"{meeting.kind.label.lower()} năm {meeting.year}"


def suggested(session: Session, year: int, kind: MeetingKind) -> Meeting:
    """A new meeting as offered: chaired by the head of the year's head unit."""
    db = session.db
    head = years.officers(db, year).head
    if head is None:
        return Meeting(0, year, kind)
    unit, member = units.get_unit(db, head), units.get_membership(db, year, head)
    title = ", ".join(t for t in (clean(f"{member.head_title} {unit.name}")
                                  if member.head_title else "", "Trưởng Khối thi đua") if t)
    return Meeting(0, year, kind, chair_name=member.head_name, chair_title=title)


def create_meeting(session: Session, meeting: Meeting) -> Meeting:
    """Create the year's meeting of a kind; undo deletes it, redo puts it back with its id."""
    db = session.db
    removed: list[meetings.RemovedMeeting] = []
    created: list[Meeting] = []

    def do() -> None:
        if removed:
            meetings.restore_meeting(db, removed.pop())
        else:
            created.append(meetings.save_meeting(db, meeting))

    def undo() -> None:
        removed.append(meetings.remove_meeting(db, created[0].id))

    session.perform(f"Tạo {in_year(meeting)}", do, undo, MEETING)
    return created[0]


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Delete a meeting with its attendance, rounds and counts; undo puts all of it back."""
    db = session.db
    meeting = meetings.get_meeting(db, meeting_id)
    removed: list[meetings.RemovedMeeting] = []

    def do() -> None:
        removed.append(meetings.remove_meeting(db, meeting_id))

    session.perform(f"Xóa {in_year(meeting)}", do,
                    lambda: meetings.restore_meeting(db, removed.pop()),
                    MEETING, BALLOTS, NOMINATIONS)


def removal_text(session: Session, meeting: Meeting) -> str:
    """The confirmation of a meeting's deletion: what goes with it, and that it can be undone."""
    c = meetings.meeting_contents(session.db, meeting.id)
    goes = ["đại biểu", "ban kiểm phiếu", "nội dung hội nghị"]
    if c.attendance:
        goes.append(f"điểm danh của {c.attendance} đơn vị")
    if c.rounds:
        goes.append(f"{c.rounds} vòng bỏ phiếu" + (
            f" với {c.counts} lần nhập kết quả kiểm phiếu" if c.counts else ""))
    if c.decisions:
        goes.append(f"quyết định chọn Trưởng khối, Phó khối năm {meeting.year + 1}")
    text = f"Xóa {in_year(meeting)}?\n\nCùng bị xóa: {', '.join(goes)}."
    if c.nominations:
        text += (f"\n{c.nominations} đề nghị khen thưởng lập từ các vòng bỏ phiếu vẫn được giữ, "
                 "nhưng không còn gắn với vòng bỏ phiếu nào.")
    return text + "\n\nCó thể hoàn tác bằng Ctrl+Z."


def _rewrite(session: Session, meeting_id: int, **changes: object) -> Meeting:
    db = session.db
    return meetings.save_meeting(db, dataclasses.replace(meetings.get_meeting(db, meeting_id),
                                                         **changes))


def set_field(session: Session, meeting_id: int, field: str, text: str) -> bool:
    """Change one header field ("3/12/2019", "14h", a name…); False when nothing changed."""
    if field not in HEADER_LABELS:
        raise ValueError(field)
    meeting = meetings.get_meeting(session.db, meeting_id)
    new = getattr(meetings.normalised(dataclasses.replace(meeting, **{field: text})), field)
    old = getattr(meeting, field)
    if new == old:
        return False
    session.perform(f"Sửa {HEADER_LABELS[field]} của {in_year(meeting)}",
                    lambda: _rewrite(session, meeting_id, **{field: new}),
                    lambda: _rewrite(session, meeting_id, **{field: old}), MEETING)
    return True


def entries(meeting: Meeting, which: str) -> tuple[Entry, ...]:
    """The guests, committee members or agenda items of a meeting."""
    if which not in LISTS:
        raise ValueError(which)
    found: tuple[Entry, ...] = getattr(meeting, which)
    return found


def cleaned(entry: Entry) -> Entry:
    """An entry as it will be stored (single-line fields trimmed, multi-line kept)."""
    if isinstance(entry, AgendaItem):
        return AgendaItem(clean(entry.title), clean_multiline(entry.opinions),
                          clean_multiline(entry.conclusion))
    texts = {f.name: clean(getattr(entry, f.name)) for f in dataclasses.fields(entry)}
    return dataclasses.replace(entry, **texts)


def _checked(listed: Sequence[Entry], which: str, entry: Entry, index: int | None) -> Entry:
    noun, key, key_label = LISTS[which]
    entry = cleaned(entry)
    name = getattr(entry, key)
    if not name:
        raise InputError(f"Chưa nhập {key_label} của {noun}.")
    for i, other in enumerate(listed):
        if i != index and identity_key(getattr(other, key)) == identity_key(name):
            raise InputError(f"“{getattr(other, key)}” đã có trong danh sách {noun} "
                             f"(dòng {i + 1}).")
    return entry


def _change_list(session: Session, meeting_id: int, which: str, text: str,
                 change: Callable[[list[Entry]], object]) -> None:
    old = entries(meetings.get_meeting(session.db, meeting_id), which)
    new = list(old)
    change(new)
    session.perform(text, lambda: _rewrite(session, meeting_id, **{which: tuple(new)}),
                    lambda: _rewrite(session, meeting_id, **{which: old}), MEETING)


def add_entry(session: Session, meeting_id: int, which: str, entry: Entry) -> int:
    """Append a guest, committee member or agenda item; returns its row (0-based)."""
    listed = entries(meetings.get_meeting(session.db, meeting_id), which)
    entry = _checked(listed, which, entry, None)
    noun, key, _label = LISTS[which]
    _change_list(session, meeting_id, which, f"Thêm {noun} “{getattr(entry, key)}”",
                 lambda rows: rows.append(entry))
    return len(listed)


def edit_entry(session: Session, meeting_id: int, which: str, index: int, entry: Entry) -> bool:
    """Replace an entry; False when nothing changed."""
    listed = entries(meetings.get_meeting(session.db, meeting_id), which)
    entry = _checked(listed, which, entry, index)
    if entry == listed[index]:
        return False
    noun, key, _label = LISTS[which]
    _change_list(session, meeting_id, which, f"Sửa {noun} “{getattr(entry, key)}”",
                 lambda rows: rows.__setitem__(index, entry))
    return True


def remove_entry(session: Session, meeting_id: int, which: str, index: int) -> Entry:
    """Delete an entry; the following ones move up. Returns the entry removed."""
    entry = entries(meetings.get_meeting(session.db, meeting_id), which)[index]
    noun, key, _label = LISTS[which]
    _change_list(session, meeting_id, which, f"Xóa {noun} “{getattr(entry, key)}”",
                 lambda rows: rows.pop(index))
    return entry


def move_entry(session: Session, meeting_id: int, which: str, index: int, target: int) -> bool:
    """Move an entry to another row (0-based); False when it cannot move there."""
    listed = entries(meetings.get_meeting(session.db, meeting_id), which)
    if not (0 <= index < len(listed) and 0 <= target < len(listed)) or index == target:
        return False
    noun, key, _label = LISTS[which]
    where = "lên" if target < index else "xuống"
    _change_list(session, meeting_id, which,
                 f"Chuyển {noun} “{getattr(listed[index], key)}” {where}",
                 lambda rows: rows.insert(target, rows.pop(index)))
    return True


def _stored(record: Attendance) -> Attendance:
    present = bool(record.present)
    return Attendance(record.unit_id, present, clean(record.rep_name), clean(record.rep_title),
                      "" if present else clean(record.absence_reason))


def set_attendance(session: Session, meeting_id: int, records: Sequence[Attendance],
                   text: str) -> bool:
    """Record present/absent, representatives and reasons of some units as one undo step;
    False when nothing changes."""
    db = session.db
    before = {a.unit_id: a for a in meetings.attendance(db, meeting_id)}
    records = [r for r in map(_stored, records) if before.get(r.unit_id) != r]
    if not records:
        return False
    unit_ids = [r.unit_id for r in records]
    old = [before[u] for u in unit_ids if u in before]
    session.perform(text, lambda: meetings.save_attendance(db, meeting_id, records),
                    lambda: meetings.restore_attendance(db, meeting_id, unit_ids, old), MEETING)
    return True


def mark(session: Session, meeting_id: int, unit_name: str, record: Attendance) -> bool:
    """Record one unit's attendance (ticked, unticked, representative or reason changed)."""
    old = {a.unit_id: a for a in meetings.attendance(session.db, meeting_id)}.get(record.unit_id)
    ticked = old is None or old.present != bool(record.present)
    text = (f"Điểm danh: {unit_name} {'có mặt' if record.present else 'vắng mặt'}" if ticked
            else f"Sửa điểm danh của {unit_name}")
    return set_attendance(session, meeting_id, [record], text)


def all_present(session: Session, meeting_id: int) -> int:
    """Mark every member unit present (representative: its head unless one is recorded);
    returns how many units changed."""
    db = session.db
    meeting = meetings.get_meeting(db, meeting_id)
    before = {a.unit_id: a for a in meetings.attendance(db, meeting_id)}
    records = []
    for unit, member in units.members(db, meeting.year):
        old = before.get(unit.id)
        if old is None or not old.rep_name:
            records.append(Attendance(unit.id, True, member.head_name, member.head_title))
        elif not old.present:
            records.append(dataclasses.replace(old, present=True, absence_reason=""))
    changed = sum(1 for r in records if before.get(r.unit_id) != r)
    set_attendance(session, meeting_id, records, f"Tất cả đơn vị có mặt ({in_year(meeting)})")
    return changed

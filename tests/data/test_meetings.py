"""data/meetings.py: meeting header, guests, agenda, committee, attendance and quorum."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest

from data import audit, meetings, rules
from data.db import Database
from data.errors import InputError
from data.meeting_model import AgendaItem, Attendance, CommitteeMember, Guest, Meeting, MeetingKind
from data.model import RuleSet, Unit

YEAR_END = MeetingKind.YEAR_END


def held_meeting(db: Database, make_unit: Callable[..., Unit], members: int = 5,
                 absent: Sequence[int] = ()) -> tuple[Meeting, list[int]]:
    """A 2025 year-end meeting of `members` new units, those at the `absent` indexes absent."""
    ids = [make_unit().id for _ in range(members)]
    meeting = meetings.save_meeting(db, Meeting(0, 2025, YEAR_END, held_on="2025-12-10",
                                                start_time="08:00", end_time="11:00"))
    meetings.save_attendance(db, meeting.id, [
        Attendance(u, i not in absent, f"Đại diện {i + 1}", "Phó Giám đốc",
                   "Đi công tác" if i in absent else "") for i, u in enumerate(ids)])
    return meeting, ids


def test_save_and_load_a_meeting(empty_bloc: Database) -> None:
    nfd = unicodedata.normalize("NFD", "Hội trường Sở Nội vụ")
    meeting = meetings.save_meeting(empty_bloc, Meeting(
        0, 2025, YEAR_END, held_on="3/12/2025", start_time="14h", end_time="16 giờ 30",
        place=f"  {nfd}  ", chair_name="Nguyễn Văn An", chair_title="Giám đốc Sở Nội vụ",
        secretary_name="Lê Thị Bình", secretary_title="Chuyên viên",
        guests=(Guest("Trần Văn Cường", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"),),
        agenda=(AgendaItem("Báo cáo tổng kết", "Nhất trí\r\nvới báo cáo  ", "Thông qua"),
                AgendaItem("Bầu Trưởng khối")),
        committee=(CommitteeMember("Phạm Thị Dung", "Chánh Văn phòng", "Trưởng ban"),)))
    assert meeting.id > 0
    assert (meeting.held_on, meeting.start_time, meeting.end_time) == ("2025-12-03", "14:00",
                                                                       "16:30")
    assert meeting.place == "Hội trường Sở Nội vụ"  # NFC, trimmed
    assert meeting.agenda[0].opinions == "Nhất trí\nvới báo cáo"
    assert [a.title for a in meeting.agenda] == ["Báo cáo tổng kết", "Bầu Trưởng khối"]
    assert meetings.get_meeting(empty_bloc, meeting.id) == meeting
    assert meetings.find_meeting(empty_bloc, 2025) == meeting
    assert meetings.find_meeting(empty_bloc, 2025, MeetingKind.MID_YEAR) is None
    assert audit.entries(empty_bloc, "meeting")[0].action == "save"


def test_update_replaces_lists(empty_bloc: Database) -> None:
    first = meetings.save_meeting(empty_bloc, Meeting(
        0, 2025, YEAR_END, guests=(Guest("A"), Guest("B"))))
    second = meetings.save_meeting(empty_bloc, replace(
        first, place="Công an tỉnh", guests=(Guest("C", "Khách mời"),), agenda=()))
    assert second.id == first.id and second.place == "Công an tỉnh"
    assert second.guests == (Guest("C", "Khách mời"),)
    mid = meetings.save_meeting(empty_bloc, Meeting(0, 2025, MeetingKind.MID_YEAR))
    assert [m.kind for m in meetings.meetings(empty_bloc, 2025)] == [MeetingKind.MID_YEAR,
                                                                     YEAR_END]
    with pytest.raises(InputError, match="Không đổi được năm hoặc loại"):
        meetings.save_meeting(empty_bloc, replace(mid, kind=YEAR_END))


@pytest.mark.parametrize(("changes", "message"), [
    ({"start_time": "25:00"}, "Giờ bắt đầu “25:00” không hợp lệ"),
    ({"end_time": "chiều"}, "Giờ kết thúc “chiều” không hợp lệ"),
    ({"start_time": "14:00", "end_time": "13:30"}, r"Giờ kết thúc \(13:30\) phải sau"),
    ({"held_on": "31/2/2025"}, "không phải là ngày hợp lệ"),
    ({"guests": (Guest("  "),)}, "cần có họ tên"),
    ({"year": 2031}, "Năm 2031 chưa có trong tệp khối"),
])
def test_refusals(empty_bloc: Database, changes: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        meetings.save_meeting(empty_bloc, replace(Meeting(0, 2025, YEAR_END), **changes))
    assert meetings.meetings(empty_bloc, 2025) == []


def test_one_meeting_of_each_kind_per_year(empty_bloc: Database) -> None:
    meetings.save_meeting(empty_bloc, Meeting(0, 2025, YEAR_END))
    with pytest.raises(InputError, match="Năm 2025 đã có hội nghị tổng kết"):
        meetings.save_meeting(empty_bloc, Meeting(0, 2025, YEAR_END))


def test_attendance_and_quorum(empty_bloc: Database, make_unit: Callable[..., Unit]) -> None:
    meeting, ids = held_meeting(empty_bloc, make_unit, members=6, absent=(4, 5))
    rows = meetings.attendance(empty_bloc, meeting.id)
    assert [(r.unit_id, r.present, r.absence_reason) for r in rows] == [
        (ids[0], True, ""), (ids[1], True, ""), (ids[2], True, ""), (ids[3], True, ""),
        (ids[4], False, "Đi công tác"), (ids[5], False, "Đi công tác")]
    q = meetings.meeting_quorum(empty_bloc, meeting.id)
    assert (q.members, q.present, q.needed, q.met) == (6, 4, 4, True)  # 4/6 = 2/3: "≥" holds
    meetings.save_attendance(empty_bloc, meeting.id,
                             [Attendance(ids[0], False, absence_reason="Ốm")])
    q = meetings.meeting_quorum(empty_bloc, meeting.id)
    assert (q.present, q.met) == (3, False)
    rules.save_rules(empty_bloc, RuleSet(year=2025, quorum_share=0.5))
    assert meetings.meeting_quorum(empty_bloc, meeting.id).met  # 3/6 = 50 % "≥ 50 %"


def test_present_unit_keeps_no_absence_reason(empty_bloc: Database,
                                              make_unit: Callable[..., Unit]) -> None:
    meeting, ids = held_meeting(empty_bloc, make_unit, members=1)
    meetings.save_attendance(empty_bloc, meeting.id,
                             [Attendance(ids[0], True, "Hà", "Trưởng phòng", "Ốm")])
    assert meetings.attendance(empty_bloc, meeting.id)[0].absence_reason == ""


def test_attendance_refuses_non_members(empty_bloc: Database,
                                        make_unit: Callable[..., Unit]) -> None:
    meeting, _ = held_meeting(empty_bloc, make_unit, members=1)
    outsider = make_unit(year=None)
    with pytest.raises(InputError, match="không là thành viên khối năm 2025"):
        meetings.save_attendance(empty_bloc, meeting.id, [Attendance(outsider.id)])


def test_delete_meeting_takes_its_attendance(empty_bloc: Database,
                                             make_unit: Callable[..., Unit]) -> None:
    meeting, _ = held_meeting(empty_bloc, make_unit, members=2)
    meetings.delete_meeting(empty_bloc, meeting.id)
    assert meetings.meetings(empty_bloc, 2025) == []
    assert empty_bloc.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0
    with pytest.raises(InputError, match=f"Không có hội nghị mã số {meeting.id}"):
        meetings.get_meeting(empty_bloc, meeting.id)


def test_normalised_is_what_would_be_stored(empty_bloc: Database) -> None:
    meeting = meetings.normalised(Meeting(0, 2025, YEAR_END, held_on="3/12/2025",
                                          start_time="8h", end_time="11 giờ 30"))
    assert (meeting.held_on, meeting.start_time, meeting.end_time) == (
        "2025-12-03", "08:00", "11:30")
    with pytest.raises(InputError, match="không phải là ngày hợp lệ"):
        meetings.normalised(Meeting(0, 2025, YEAR_END, held_on="32/12/2025"))


def test_restore_attendance_undoes_a_change(empty_bloc: Database,
                                            make_unit: Callable[..., Unit]) -> None:
    meeting, ids = held_meeting(empty_bloc, make_unit, members=3, absent=(2,))
    newcomer = make_unit().id
    before = meetings.attendance(empty_bloc, meeting.id)
    changed = [Attendance(ids[0], False, absence_reason="Ốm"), Attendance(newcomer, True, "An")]
    meetings.save_attendance(empty_bloc, meeting.id, changed)
    assert len(meetings.attendance(empty_bloc, meeting.id)) == 4
    old = [a for a in before if a.unit_id in (ids[0], newcomer)]
    meetings.restore_attendance(empty_bloc, meeting.id, [ids[0], newcomer], old)
    assert meetings.attendance(empty_bloc, meeting.id) == before


def test_remove_and_restore_a_meeting_with_its_ballots(bloc: Database) -> None:
    meeting = meetings.find_meeting(bloc, 2019)
    assert meeting is not None
    contents = meetings.meeting_contents(bloc, meeting.id)
    assert contents == meetings.MeetingContents(attendance=8, rounds=5, counts=10,
                                                nominations=6, decisions=0)
    before = sorted(line for line in bloc.conn.iterdump() if "audit_log" not in line)
    removed = meetings.remove_meeting(bloc, meeting.id)
    assert meetings.meetings(bloc, 2019) == []
    assert bloc.conn.execute("SELECT count(*) FROM nominations WHERE round_id IS NOT NULL"
                             ).fetchone()[0] == 0
    assert len(removed.round_links) == 6
    meetings.restore_meeting(bloc, removed)
    after = sorted(line for line in bloc.conn.iterdump() if "audit_log" not in line)
    assert after == before
    assert audit.entries(bloc, "meeting")[0].action == "restore"

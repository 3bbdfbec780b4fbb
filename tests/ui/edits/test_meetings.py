"""ui/edits/meetings.py: every meeting edit is one undo step, saved at once, undone exactly."""

from __future__ import annotations

import pytest

from data import meetings, units
from data.db import Database
from data.demo_meeting import MEETING as DEMO
from data.errors import InputError
from data.meeting_model import AgendaItem, Attendance, CommitteeMember, Guest, Meeting, MeetingKind
from ui.edits import meetings as edits
from ui.session import Session

YEAR_END, MID_YEAR = MeetingKind.YEAR_END, MeetingKind.MID_YEAR


def content(db: Database) -> list[str]:
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def demo_meeting(session: Session) -> Meeting:
    meeting = meetings.find_meeting(session.db, 2019)
    assert meeting is not None
    return meeting


def unit_id(session: Session, name: str) -> int:
    unit = units.find_unit(session.db, name)
    assert unit is not None
    return unit.id


def test_suggested_meeting_is_chaired_by_the_head_units_head(session: Session) -> None:
    offered = edits.suggested(session, 2019, MID_YEAR)
    assert (offered.id, offered.year, offered.kind) == (0, 2019, MID_YEAR)
    assert (offered.chair_name, offered.chair_title) == (DEMO.chair_name, DEMO.chair_title)
    assert offered.held_on == offered.place == offered.secretary_name == ""


def test_suggested_without_a_head(empty_bloc: Database) -> None:
    session = Session(empty_bloc, None, 2025)
    assert edits.suggested(session, 2025, YEAR_END) == Meeting(0, 2025, YEAR_END)


def test_create_then_undo_and_redo_keep_the_id(session: Session) -> None:
    before = content(session.db)
    created = edits.create_meeting(session, edits.suggested(session, 2019, MID_YEAR))
    assert session.undo_stack.undoText() == "Tạo hội nghị sơ kết năm 2019"
    assert meetings.find_meeting(session.db, 2019, MID_YEAR) == created
    assert edits.set_field(session, created.id, "place", "Sở Nội vụ tỉnh Bắc Ninh")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert content(session.db) == before
    session.undo_stack.redo()
    session.undo_stack.redo()
    again = meetings.find_meeting(session.db, 2019, MID_YEAR)
    assert again is not None and again.id == created.id
    assert again.place == "Sở Nội vụ tỉnh Bắc Ninh"


def test_a_second_year_end_meeting_is_refused(session: Session) -> None:
    with pytest.raises(InputError, match="Năm 2019 đã có hội nghị tổng kết"):
        edits.create_meeting(session, Meeting(0, 2019, YEAR_END))
    assert session.undo_stack.count() == 0


def test_delete_takes_rounds_and_counts_and_undo_restores_everything(session: Session) -> None:
    meeting = demo_meeting(session)
    text = edits.removal_text(session, meeting)
    assert text.startswith("Xóa hội nghị tổng kết năm 2019?")
    assert "điểm danh của 8 đơn vị" in text
    assert "5 vòng bỏ phiếu với 10 lần nhập kết quả kiểm phiếu" in text
    assert "6 đề nghị khen thưởng lập từ các vòng bỏ phiếu vẫn được giữ" in text
    before = content(session.db)
    seen: list[str] = []
    session.changed.connect(seen.append)
    edits.delete_meeting(session, meeting.id)
    assert meetings.meetings(session.db, 2019) == []
    assert {"meeting", "ballots", "nominations"} <= set(seen)
    session.undo_stack.undo()
    assert content(session.db) == before
    session.undo_stack.redo()
    assert meetings.meetings(session.db, 2019) == []


def test_header_fields_one_undo_step_each(session: Session) -> None:
    meeting, stack = demo_meeting(session), session.undo_stack
    assert edits.set_field(session, meeting.id, "held_on", "4/12/2019")
    assert edits.set_field(session, meeting.id, "start_time", "13h30")
    assert edits.set_field(session, meeting.id, "secretary_name", "  Lê  Thị Thu Trang ") is False
    changed = demo_meeting(session)
    assert (changed.held_on, changed.start_time) == ("2019-12-04", "13:30")
    assert changed.guests == DEMO.guests and changed.committee == DEMO.committee
    assert stack.count() == 2
    assert stack.undoText() == "Sửa giờ bắt đầu của hội nghị tổng kết năm 2019"
    stack.undo()
    stack.undo()
    assert demo_meeting(session) == meeting


@pytest.mark.parametrize(("field", "text", "message"), [
    ("held_on", "31/11/2019", "“31/11/2019” không phải là ngày hợp lệ"),
    ("start_time", "25h", "Giờ bắt đầu “25h” không hợp lệ"),
    ("end_time", "13:00", r"Giờ kết thúc \(13:00\) phải sau giờ bắt đầu \(14:00\)"),
])
def test_bad_header_refused_with_nothing_recorded(session: Session, field: str, text: str,
                                                  message: str) -> None:
    meeting = demo_meeting(session)
    with pytest.raises(InputError, match=message):
        edits.set_field(session, meeting.id, field, text)
    assert demo_meeting(session) == meeting
    assert session.undo_stack.count() == 0


def test_lists_add_edit_remove_move_with_undo(session: Session) -> None:
    meeting, stack = demo_meeting(session), session.undo_stack
    assert edits.add_entry(session, meeting.id, "guests", Guest(" Trần  Văn Cường ", "Khách")) == 2
    assert demo_meeting(session).guests[2] == Guest("Trần Văn Cường", "Khách")
    assert edits.edit_entry(session, meeting.id, "committee", 1,
                            CommitteeMember("Bùi Văn Long", "Chánh Văn phòng Sở Tư pháp",
                                            "Phó Trưởng ban"))
    assert demo_meeting(session).committee[1].role == "Phó Trưởng ban"
    removed = edits.remove_entry(session, meeting.id, "agenda", 0)
    assert removed == DEMO.agenda[0]
    assert demo_meeting(session).agenda == DEMO.agenda[1:]
    assert edits.move_entry(session, meeting.id, "agenda", 2, 0)
    assert [a.title for a in demo_meeting(session).agenda] == [
        DEMO.agenda[3].title, DEMO.agenda[1].title, DEMO.agenda[2].title]
    assert not edits.move_entry(session, meeting.id, "agenda", 0, -1)
    assert stack.undoText() == f"Chuyển nội dung hội nghị “{DEMO.agenda[3].title}” lên"
    for _ in range(4):
        stack.undo()
    assert demo_meeting(session) == meeting
    for _ in range(4):
        stack.redo()
    assert len(demo_meeting(session).agenda) == 3


def test_list_refusals(session: Session) -> None:
    meeting = demo_meeting(session)
    with pytest.raises(InputError, match="Chưa nhập họ tên của đại biểu"):
        edits.add_entry(session, meeting.id, "guests", Guest("  ", "Khách"))
    with pytest.raises(InputError, match="“Đặng Văn Bình” đã có trong danh sách đại biểu"):
        edits.add_entry(session, meeting.id, "guests", Guest("đặng văn bình"))
    with pytest.raises(InputError, match="Chưa nhập tiêu đề của nội dung hội nghị"):
        edits.edit_entry(session, meeting.id, "agenda", 0, AgendaItem("", "Ý kiến"))
    assert not edits.edit_entry(session, meeting.id, "agenda", 0, DEMO.agenda[0])
    assert session.undo_stack.count() == 0


def test_attendance_one_step_per_change_and_undo_removes_new_records(session: Session) -> None:
    meeting = demo_meeting(session)
    before = meetings.attendance(session.db, meeting.id)
    cat = unit_id(session, "Công an tỉnh")
    record = next(a for a in before if a.unit_id == cat)
    assert edits.mark(session, meeting.id, "Công an tỉnh",
                      Attendance(cat, False, record.rep_name, record.rep_title, " Đi công tác "))
    assert session.undo_stack.undoText() == "Điểm danh: Công an tỉnh vắng mặt"
    assert meetings.meeting_quorum(session.db, meeting.id).present == 7
    assert edits.mark(session, meeting.id, "Công an tỉnh",
                      Attendance(cat, False, record.rep_name, record.rep_title, "Ốm"))
    assert session.undo_stack.undoText() == "Sửa điểm danh của Công an tỉnh"
    assert not edits.mark(session, meeting.id, "Công an tỉnh",
                          Attendance(cat, False, record.rep_name, record.rep_title, "Ốm"))
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert meetings.attendance(session.db, meeting.id) == before
    created = edits.create_meeting(session, Meeting(0, 2019, MID_YEAR))
    assert edits.all_present(session, created.id) == 8
    marked = meetings.attendance(session.db, created.id)
    assert [a.rep_name for a in marked if a.unit_id == cat] == ["Đỗ Mạnh Cường"]  # the head
    assert edits.all_present(session, created.id) == 0
    session.undo_stack.undo()
    assert meetings.attendance(session.db, created.id) == []

"""A 60-unit cluster with long unit names, scored, met, balloted and nominated: its documents'
tables run over several pages (shared by the data and the printing tests)."""

from __future__ import annotations

from data import awards, ballots, criteria, meetings, nominations, pledges, scores, units, years
from data.bloc import create_bloc
from data.db import Database, transaction
from data.meeting_model import Attendance, CommitteeMember, Meeting, MeetingKind, Purpose
from data.model import BlocProfile, Layer, NodeKind, Pledge, Registration, YearStatus

YEAR = 2025
UNITS = 60
ABSENT = {7: "Đi công tác nước ngoài", 31: "Bận họp Hội đồng nhân dân tỉnh"}
PROFILE = BlocProfile(name="Cụm thi đua các đơn vị sự nghiệp công lập tỉnh",
                      council="Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh", place="Bắc Ninh",
                      superior="Ủy ban nhân dân tỉnh Bắc Ninh", code="CTĐSN")


def unit_name(i: int) -> str:
    """Every third name is long enough to wrap inside its table cell."""
    if i % 3 == 0:
        return (f"Trung tâm Phát triển quỹ đất và Dịch vụ công số {i} trực thuộc Sở Tài nguyên "
                "và Môi trường tỉnh Bắc Ninh")
    return f"Đơn vị sự nghiệp số {i} tỉnh Bắc Ninh"


def build_big_bloc() -> Database:
    """The cluster's year 2025, every document ready to print."""
    db = create_bloc(None, PROFILE)
    with transaction(db):
        awards.seed_award_forms(db)
        years.add_year(db, YEAR, YearStatus.MEETING)
        ids = [units.add_unit(db, unit_name(i), year=YEAR, head_name=f"Nguyễn Văn Thủ {i}",
                              head_title="Giám đốc").id for i in range(1, UNITS + 1)]
        years.set_officers(db, YEAR, ids[0], (ids[1],))
        pledges.save_pledge(db, Pledge(YEAR, "2025-02-14", "Hội trường Ủy ban nhân dân tỉnh",
                                       f"Giao ước thi đua năm {YEAR}",
                                       tuple(f"Nội dung giao ước thứ {n}." for n in range(1, 6))))
        form = awards.form_by_code(db, "BK_TINH").id
        for unit_id in ids:
            pledges.save_registration(db, Registration(
                YEAR, unit_id, form, "Tập thể Lao động xuất sắc",
                "Hoàn thành 100 % kế hoạch năm.\nKhông có cán bộ vi phạm kỷ luật.", "2025-01-10"))
        _scores(db, ids)
        _meeting(db, ids, form)
    return db


def _scores(db: Database, ids: list[int]) -> None:
    section = criteria.add_criterion(db, YEAR, None, "Thực hiện nhiệm vụ chuyên môn", code="I",
                                     max_points=100)
    items = [criteria.add_criterion(db, YEAR, section.id, f"Nội dung {n}", code=f"1{'abcd'[n]}",
                                    kind=NodeKind.NUMERIC, max_points=25, layer=Layer.VERIFIED)
             for n in range(4)]
    batch = [scores.prepare_score(db, YEAR, unit_id, item.id, layer,
                                  points=25 - (i * 7 + n * 3 + (layer is Layer.SELF)) % 9 / 2)
             for i, unit_id in enumerate(ids) for n, item in enumerate(items)
             for layer in (Layer.SELF, Layer.VERIFIED)]
    scores.save_scores(db, YEAR, batch)


def _meeting(db: Database, ids: list[int], form: int) -> None:
    meeting = meetings.save_meeting(db, Meeting(
        0, YEAR, MeetingKind.YEAR_END, held_on="2025-12-10", start_time="08:00",
        end_time="11:30", place="Hội trường Ủy ban nhân dân tỉnh", chair_name="Nguyễn Văn Thủ 1",
        chair_title="Giám đốc, Trưởng Cụm thi đua", secretary_name="Lê Thị Ghi",
        secretary_title="Chuyên viên",
        committee=(CommitteeMember("Trần Văn Kiểm", "Chuyên viên", "Trưởng ban"),
                   CommitteeMember("Phạm Thị Đếm", "Chuyên viên", "Thành viên"))))
    meetings.save_attendance(db, meeting.id, [
        Attendance(u, i + 1 not in ABSENT, f"Người dự {i + 1}", "Phó Giám đốc",
                   ABSENT.get(i + 1, "")) for i, u in enumerate(ids)])
    present = UNITS - len(ABSENT)
    ballot = ballots.add_round(db, meeting.id, Purpose.AWARD, ids[:5], award_form_id=form,
                               choices=3, seats=3)
    votes = dict(zip(ids[:5], (present, present - 2, present - 5, 4, 3), strict=True))
    for entry in (1, 2):
        problems = ballots.save_count(db, ballot.id, entry, issued=present, received=present,
                                      valid=present, invalid=0, votes=votes)
        assert problems == [], problems
    nominations.nominate_from_round(db, ballot.id)

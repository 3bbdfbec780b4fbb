"""data/demo_meeting.py: the demo's 2019 year-end meeting, its ballots and nominations."""

from __future__ import annotations

from data import awards, ballots, meetings, nominations, units
from data.db import Database
from data.demo_data import UNITS
from data.meeting_model import EntryStatus, MeetingKind, Outcome, Purpose

# Officials named in the seed articles: the demo must never use their names.
SEED_OFFICIALS = ("Nguyễn Quốc Chung", "Nguyễn Đăng Túc", "Nguyễn Văn Phong", "Lại Xuân Lâm",
                  "Hồ Xuân Việt", "Phạm Đức Toàn")


def names(db: Database) -> dict[int, str]:
    return {u.id: u.name for u in units.all_units(db)}


def test_the_meeting_of_seed_002(bloc: Database) -> None:
    meeting = meetings.find_meeting(bloc, 2019, MeetingKind.YEAR_END)
    assert meeting is not None
    assert (meeting.held_on, meeting.start_time, meeting.end_time) == ("2019-12-03", "14:00",
                                                                       "16:30")
    assert meeting.place == "Cục Thi hành án dân sự tỉnh Bắc Ninh"
    # chaired by the head unit's Cục trưởng, as the demo names him
    head = next(u for u in UNITS if u[0] == "Cục Thi hành án dân sự tỉnh")
    assert meeting.chair_name == head[3] and meeting.chair_title.startswith("Cục trưởng")
    assert meeting.secretary_name and meeting.secretary_title
    assert [g.title for g in meeting.guests][0] == "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"
    assert len(meeting.committee) == 3 and meeting.committee[0].role == "Trưởng ban"
    assert len(meeting.agenda) == 4 and all(a.conclusion for a in meeting.agenda)
    assert meetings.meetings(bloc, 2020) == []


def test_invented_people_only(bloc: Database) -> None:
    meeting = meetings.find_meeting(bloc, 2019)
    assert meeting is not None
    people = [meeting.chair_name, meeting.secretary_name, *(g.name for g in meeting.guests),
              *(c.name for c in meeting.committee),
              *(a.rep_name for a in meetings.attendance(bloc, meeting.id))]
    assert len(people) == 1 + 1 + 2 + 3 + 8
    assert all(people) and not set(people) & set(SEED_OFFICIALS)


def test_all_eight_present_with_representatives(bloc: Database) -> None:
    meeting = meetings.find_meeting(bloc, 2019)
    assert meeting is not None
    rows = meetings.attendance(bloc, meeting.id)
    assert len(rows) == 8 and all(r.present and r.rep_name and r.rep_title for r in rows)
    by_name = {names(bloc)[r.unit_id]: (r.rep_name, r.rep_title) for r in rows}
    assert by_name["Sở Nội vụ"] == ("Hoàng Văn Ước", "Giám đốc")
    assert by_name["Công an tỉnh"] == ("Trịnh Quốc Bảo", "Phó Giám đốc")
    q = meetings.meeting_quorum(bloc, meeting.id)
    assert (q.members, q.present, q.needed, q.met) == (8, 8, 6, True)  # 2/3 of 8 -> 6


def test_the_rounds_agree_and_elect(bloc: Database) -> None:
    meeting = meetings.find_meeting(bloc, 2019)
    assert meeting is not None
    unit_names = names(bloc)
    codes = {f.id: f.code for f in awards.award_forms(bloc)}
    seen = []
    for report in ballots.round_reports(bloc, meeting.id):
        assert report.status is EntryStatus.AGREED and len(report.entries) == 2
        assert report.entries[0].count == report.entries[1].count
        result, count = report.result, report.agreed
        assert result is not None and count is not None
        assert result.outcome is Outcome.ELECTED and result.base == 8  # base: 8 members
        seen.append((report.round.purpose, codes.get(report.round.award_form_id or 0),
                     (count.issued, count.received, count.valid, count.invalid),
                     [(unit_names[c.unit_id], c.votes, c.percent, c.elected)
                      for c in result.results]))
    # percentages on 8 members, pass mark > 50 % (at least 5 votes)
    assert seen == [
        (Purpose.AWARD, "CO_TINH", (8, 8, 8, 0), [  # 2 names per ballot: 15 ticks <= 16
            ("Cục Thi hành án dân sự tỉnh", 8, 100.0, True), ("Công an tỉnh", 7, 87.5, True)]),
        (Purpose.AWARD, "BK_TTG", (8, 8, 8, 0), [("Tòa án nhân dân tỉnh", 7, 87.5, True)]),
        (Purpose.AWARD, "BK_TINH", (8, 8, 7, 1), [  # 3 names per ballot: 18 ticks <= 21
            ("Sở Nội vụ", 7, 87.5, True), ("Viện Kiểm sát nhân dân tỉnh", 6, 75.0, True),
            ("Bộ Chỉ huy Quân sự tỉnh", 5, 62.5, True)]),
        (Purpose.HEAD, None, (8, 8, 8, 0), [("Sở Nội vụ", 8, 100.0, True)]),
        (Purpose.DEPUTY, None, (8, 8, 8, 0), [("Công an tỉnh", 7, 87.5, True)]),
    ]


def test_nominations_from_the_passed_rounds(bloc: Database) -> None:
    unit_names = names(bloc)
    codes = {f.id: f.code for f in awards.award_forms(bloc)}
    listed = nominations.nominations(bloc, 2019)
    assert [(unit_names[n.unit_id], codes[n.award_form_id]) for n in listed] == [
        ("Cục Thi hành án dân sự tỉnh", "CO_TINH"), ("Công an tỉnh", "CO_TINH"),
        ("Tòa án nhân dân tỉnh", "BK_TTG"), ("Sở Nội vụ", "BK_TINH"),
        ("Viện Kiểm sát nhân dân tỉnh", "BK_TINH"), ("Bộ Chỉ huy Quân sự tỉnh", "BK_TINH")]
    assert all(n.round_id is not None and n.achievements for n in listed)
    assert listed[0].achievements.startswith("Dẫn đầu Khối năm 2019 (109,6 điểm)")
    assert [n.position for n in listed] == [1, 2, 3, 4, 5, 6]


def test_each_count_entry_is_typed_by_a_committee_member(bloc: Database) -> None:
    typists = {r["entry"]: r["entered_by"] for r in bloc.conn.execute(
        "SELECT entry, entered_by FROM ballot_counts")}
    assert typists == {1: "Đào Thị Minh Huệ", 2: "Bùi Văn Long"}

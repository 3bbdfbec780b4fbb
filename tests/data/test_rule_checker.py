"""data/rule_checker.py: every finding, with its severity, rule key and source document."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from data import ballots, meetings, units
from data.ballot_math import report
from data.candidates import ELIGIBILITY_SOURCE
from data.db import Database
from data.meeting_model import (
    BallotCount,
    BallotRound,
    CountEntry,
    Meeting,
    MeetingKind,
    Nomination,
    Purpose,
    Quorum,
    RoundReport,
    Severity,
)
from data.model import AwardForm, Membership, PassMark, Quota, RuleSet, YearStatus
from data.rule_checker import BALLOT_SOURCE, LEADER_SOURCE, YearFacts, check, check_year, mark_text
from data.rules import DEFAULT_SOURCES

RULES = RuleSet(year=2025, sources=tuple(DEFAULT_SOURCES.items()))
FLAG = AwardForm(1, "CO_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh", leader_only=True)
GOV = AwardForm(2, "CO_CP", "Cờ thi đua của Chính phủ", leader_only=True)
CERT = AwardForm(3, "BK_TINH", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
NAMES = {1: "Công an tỉnh", 2: "Sở Tư pháp", 3: "Sở Nội vụ", 4: "Thanh tra tỉnh",
         5: "Tòa án nhân dân tỉnh"}
MEETING = Meeting(1, 2025, MeetingKind.YEAR_END)


def counted(round_id: int, form: AwardForm | None, votes: dict[int, int], seats: int = 1,
            round_no: int = 1, entries: tuple[int, ...] = (1, 2), valid: int = 5,
            rules: RuleSet = RULES) -> RoundReport:
    """A round among the 5 members (all present), typed as `entries`."""
    purpose = Purpose.AWARD if form else Purpose.HEAD
    ballot = BallotRound(round_id, 1, purpose, form.id if form else None, round_no,
                         len(votes), seats, tuple(votes))
    count = BallotCount(5, 5, valid, 5 - valid, tuple(votes.items()))
    return report(ballot, [CountEntry(e, count) for e in entries], rules, members=5, present=5,
                  names=NAMES)


def nomination(unit: int, form: AwardForm, round_id: int | None) -> Nomination:
    return Nomination(unit, 2025, unit, form.id, round_id)


def facts(**changes: Any) -> YearFacts:
    """A clean year: 5 units ranked 1..5; unit 1 elected for the flag, 2 and 3 certificates."""
    base = YearFacts(
        year=2025, rules=RULES, names=NAMES, memberships={u: Membership(2025, u) for u in NAMES},
        forms={f.id: f for f in (FLAG, GOV, CERT)},
        quotas={FLAG.id: Quota(2025, FLAG.id, 1, "Chỉ tiêu cờ"),
                CERT.id: Quota(2025, CERT.id, 2, "Chỉ tiêu bằng khen")},
        ranks={u: u for u in NAMES}, fallback_items={}, missing_items={},
        meetings=[(MEETING, Quorum(5, 5, 4, True))],
        reports=[counted(1, FLAG, {1: 5}), counted(2, CERT, {2: 4, 3: 3, 4: 2}, seats=2)],
        nominations=[nomination(1, FLAG, 1), nomination(2, CERT, 2), nomination(3, CERT, 2)],
    )
    return replace(base, **changes)


def found(year: YearFacts) -> list[tuple[str, str, str]]:
    return [(f.severity.value, f.rule, f.message) for f in check(year)]


def test_a_clean_year_has_no_finding() -> None:
    assert check(facts()) == []


def test_quota_exceeded() -> None:
    year = facts(nominations=[*facts().nominations, nomination(5, CERT, None)])
    finding = check(year)[0]
    assert (finding.severity, finding.rule, finding.source) == (Severity.ERROR, "quota",
                                                                "Chỉ tiêu bằng khen")
    assert finding.message == ("Đề nghị 3 “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”, vượt "
                               "chỉ tiêu 2 của năm 2025.")
    assert ("warning", "pass_mark", "Tòa án nhân dân tỉnh (đề nghị “Bằng khen của Chủ tịch Ủy "
            "ban nhân dân tỉnh”): chưa qua bỏ phiếu tại hội nghị.") in found(year)


def test_nomination_whose_round_did_not_reach_the_pass_mark() -> None:
    year = facts(nominations=[*facts().nominations[:2], nomination(4, CERT, 2)])
    # unit 4: 2 votes of 5 members = 40 %, the mark is > 50 %
    assert found(year) == [("error", "pass_mark", "Thanh tra tỉnh (đề nghị “Bằng khen của Chủ "
                            "tịch Ủy ban nhân dân tỉnh”): đạt 2 phiếu (40 %), không trúng cử "
                            "(ngưỡng trên 50 %).")]
    assert check(year)[0].source == DEFAULT_SOURCES["pass_mark"]
    assert check(year)[0].round_id == 2 and check(year)[0].unit_id == 4


def test_ties_at_the_pass_mark() -> None:
    # base = valid ballots: 2 of 4 valid is exactly 50 %, which is not "> 50 %"
    by_valid = replace(RULES, percent_base="valid")
    year = facts(rules=by_valid, reports=[counted(1, FLAG, {1: 2}, valid=4, rules=by_valid)],
                 nominations=[nomination(1, FLAG, 1)])
    assert found(year) == [("error", "pass_mark", "Công an tỉnh (đề nghị “Cờ thi đua của Ủy ban "
                            "nhân dân tỉnh”): đạt 2 phiếu (50 %), không trúng cử (ngưỡng trên "
                            "50 %).")]
    # 2 of 3 valid is exactly 2/3, which is "≥ 2/3"
    two_thirds = replace(by_valid, pass_mark=PassMark(2 / 3))
    assert mark_text(two_thirds.pass_mark) == "từ 66,67 % trở lên"
    year = replace(year, rules=two_thirds,
                   reports=[counted(1, FLAG, {1: 2}, valid=3, rules=two_thirds)])
    assert check(year) == []


def test_quorum_not_met() -> None:
    year = facts(meetings=[(MEETING, Quorum(5, 3, 4, False))])
    assert found(year) == [("error", "quorum_share", "Hội nghị tổng kết năm 2025: 3/5 đơn vị có "
                            "mặt, chưa đủ 4 đơn vị (66,67 %) theo quy định.")]
    assert check(year)[0].source == DEFAULT_SOURCES["quorum_share"]
    # a mid-year meeting without ballots needs no quorum
    mid = Meeting(2, 2025, MeetingKind.MID_YEAR)
    assert check(facts(meetings=[(MEETING, Quorum(5, 5, 4, True)),
                                 (mid, Quorum(5, 2, 4, False))])) == []
    assert found(facts(meetings=[])) == [
        ("warning", "quorum_share", "Đã có danh sách đề nghị nhưng chưa ghi hội nghị tổng kết "
         "năm 2025 (điểm danh, bỏ phiếu).")]


def test_blocked_unit_proposed() -> None:
    blocked = {**facts().memberships, 2: Membership(2025, 2, discipline=True,
                                                    eligibility_note="Khiển trách 11/2025")}
    findings = check(facts(memberships=blocked))
    assert [(f.rule, f.source, f.unit_id) for f in findings] == [
        ("eligibility", ELIGIBILITY_SOURCE, 2), ("eligibility", ELIGIBILITY_SOURCE, 2)]
    assert findings[0].message == (
        "Sở Tư pháp có tên trong danh sách bầu “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” dù "
        "đang bị kỷ luật hoặc đang bị xem xét kỷ luật (Khiển trách 11/2025).")
    assert findings[1].message.startswith("Sở Tư pháp được đề nghị “Bằng khen")


def test_government_flag_only_for_the_bloc_leader() -> None:
    gov_round = counted(3, GOV, {3: 5})
    year = facts(reports=[*facts().reports, gov_round],
                 nominations=[*facts().nominations, nomination(3, GOV, 3)])
    findings = check(year)
    assert [(f.rule, f.source, f.round_id) for f in findings] == [
        ("leader_only", LEADER_SOURCE, 3), ("leader_only", LEADER_SOURCE, 3)]
    assert findings[1].message == (
        "Sở Nội vụ được đề nghị “Cờ thi đua của Chính phủ” nhưng không phải đơn vị dẫn đầu Khối "
        "(không xếp thứ nhất, không được đề nghị Cờ thi đua của tỉnh).")
    # rank 1, or the holder of the provincial flag nomination, may stand
    leaders = facts(reports=[*facts().reports, counted(3, GOV, {1: 5})],
                    nominations=[*facts().nominations, nomination(1, GOV, 3)])
    assert check(leaders) == []
    ranks = {**facts().ranks, 1: 2, 2: 1}  # unit 1 is second but holds the provincial flag
    assert check(replace(leaders, ranks=ranks)) == []


def test_verified_scores_missing() -> None:
    year = facts(fallback_items={4: 3}, missing_items={5: 2})
    assert found(year) == [
        ("error", "scores", "Tòa án nhân dân tỉnh: 2 nội dung chưa có điểm ở lớp nào (tính 0 "
         "điểm)."),
        ("warning", "verified_scores", "Thanh tra tỉnh: 3 nội dung chưa có điểm khối chấm hoặc "
         "hội đồng chấm, đang lấy điểm tự chấm.")]
    assert {f.source for f in check(year)} == {DEFAULT_SOURCES["table_total"]}


@pytest.mark.parametrize(("status", "expected"), [
    (YearStatus.REGISTRATION, []), (YearStatus.PLEDGE, []),
    (YearStatus.SCORING, ["warning", "warning"]),
    (YearStatus.MEETING, ["error", "warning"]), (YearStatus.CLOSED, ["error", "warning"])])
def test_missing_scores_depend_on_the_stage_of_the_year(status: YearStatus,
                                                        expected: list[str]) -> None:
    """Before scoring nothing is missing; while scoring it is work in progress; at the meeting
    an unscored item is a fault."""
    year = replace(facts(fallback_items={4: 3}, missing_items={5: 2}), status=status)
    assert sorted(f.severity.value for f in check(year)) == expected


def test_counts_not_agreed() -> None:
    one = counted(2, CERT, {2: 4, 3: 3, 4: 2}, seats=2, entries=(1,))
    mismatch = counted(2, CERT, {2: 4, 3: 3, 4: 2}, seats=2)
    second = replace(mismatch.entries[1], count=replace(mismatch.entries[1].count,
                                                       votes=((2, 4), (3, 2), (4, 2))))
    mismatch = report(mismatch.round, [mismatch.entries[0], second], RULES, members=5,
                      present=5, names=NAMES)
    for bad, text in ((one, "mới nhập một lần, cần nhập lần 2."),
                      (mismatch, "hai lần nhập không khớp: Sở Nội vụ: lần 1 nhập 3, lần 2 nhập "
                                 "2.")):
        year = facts(reports=[facts().reports[0], bad])
        findings = check(year)
        assert (findings[0].rule, findings[0].source) == ("double_entry", BALLOT_SOURCE)
        assert findings[0].message == ("Vòng 1 suy tôn “Bằng khen của Chủ tịch Ủy ban nhân dân "
                                       f"tỉnh”: {text}")
        # and the nominations of that round have no agreed result behind them
        assert [f.rule for f in findings[1:]] == ["pass_mark", "pass_mark"]
        assert findings[1].message.endswith("vòng bỏ phiếu chưa có kết quả thống nhất.")


def test_rounds_beyond_the_limit_and_officers_decide() -> None:
    late = counted(4, None, {4: 5}, round_no=3)
    assert found(facts(reports=[*facts().reports, late])) == [
        ("error", "max_rounds", "Vòng 3 bầu Trưởng khối: vượt số vòng tối đa (2); sau vòng "
         "cuối, Trưởng khối và các Phó khối quyết định.")]
    deadlock = counted(2, CERT, {2: 4, 3: 2, 4: 2}, seats=2, round_no=2)
    # round 2 (the last): only unit 2 passes (4/5 = 80 %), 3 and 4 have 40 %: one seat is left
    year = facts(reports=[facts().reports[0], deadlock], nominations=facts().nominations[:2])
    findings = check(year)
    assert [(f.severity.value, f.rule, f.round_id) for f in findings] == [
        ("warning", "max_rounds", 2)]
    assert findings[0].message == ("Vòng 2 suy tôn “Bằng khen của Chủ tịch Ủy ban nhân dân "
                                   "tỉnh”: chưa bầu đủ sau vòng cuối; Trưởng khối và các Phó "
                                   "khối quyết định.")
    # the officers then chose unit 3: a warning that says so, not an error
    decided = replace(year, nominations=[*year.nominations, nomination(3, CERT, 2)])
    assert [(f.severity.value, f.rule) for f in check(decided)] == [
        ("warning", "max_rounds"), ("warning", "max_rounds")]
    assert check(decided)[1].message == (
        "Sở Nội vụ (đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”): do Trưởng khối và "
        "các Phó khối quyết định sau 2 vòng bỏ phiếu.")


def test_round_with_more_seats_than_the_quota() -> None:
    wide = counted(2, CERT, {2: 4, 3: 3, 4: 1}, seats=3)
    assert found(facts(reports=[facts().reports[0], wide])) == [
        ("warning", "quota", "Vòng 1 suy tôn “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”: bầu "
         "3 suất, vượt chỉ tiêu 2.")]


def test_the_demo_2019_has_warnings_only(bloc: Database) -> None:
    findings = check_year(bloc, 2019)
    assert [(f.severity, f.rule, f.message) for f in findings] == [
        (Severity.WARNING, "verified_scores", "Sở Nội vụ: 1 nội dung chưa có điểm khối chấm hoặc "
         "hội đồng chấm, đang lấy điểm tự chấm."),
        (Severity.WARNING, "verified_scores", "Bộ Chỉ huy Quân sự tỉnh: 3 nội dung chưa có điểm "
         "khối chấm hoặc hội đồng chấm, đang lấy điểm tự chấm."),
    ]


def test_the_demo_after_changes(bloc: Database) -> None:
    meeting = meetings.find_meeting(bloc, 2019)
    assert meeting is not None
    cert_round = next(r for r in ballots.rounds(bloc, meeting.id) if r.round_no == 1
                      and len(r.candidates) == 3)
    ballots.clear_count(bloc, cert_round.id, 2)
    justice = units.find_unit(bloc, "Tòa án nhân dân tỉnh")
    assert justice is not None
    units.save_membership(bloc, Membership(2019, justice.id, complaint=True))
    errors = [(f.rule, f.unit_id) for f in check_year(bloc, 2019) if f.severity is Severity.ERROR]
    # rounds in catalogue order (BK_TTG before BK_TINH), then the nominations
    assert errors == [("eligibility", justice.id), ("double_entry", None),
                      ("eligibility", justice.id), ("pass_mark", cert_round.candidates[0]),
                      ("pass_mark", cert_round.candidates[1]),
                      ("pass_mark", cert_round.candidates[2])]


def test_check_on_a_board_the_caller_holds_equals_a_fresh_load(bloc: Database) -> None:
    from data.scores import load_board

    board = load_board(bloc, 2019)
    assert check_year(bloc, 2019, board) == check_year(bloc, 2019)

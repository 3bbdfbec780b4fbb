"""data/ballot_math.py: quorum, count checks, double entry, percentages and round outcomes."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.ballot_math import (
    check_count,
    compare_entries,
    percent,
    percent_base,
    quorum,
    report,
    tally,
)
from data.meeting_model import (
    BallotCount,
    BallotRound,
    CountEntry,
    EntryStatus,
    Outcome,
    Purpose,
)
from data.model import PassMark, RuleSet

MORE_THAN_HALF = RuleSet(year=2019)  # > 50 % of all members, 2 rounds
TWO_THIRDS = RuleSet(year=2019, pass_mark=PassMark(2 / 3, strict=False))
EIGHTY = RuleSet(year=2019, pass_mark=PassMark(0.8, strict=False))
NAMES = {1: "Công an tỉnh", 2: "Sở Tư pháp", 3: "Sở Nội vụ", 4: "Thanh tra tỉnh"}


def ballot(*candidates: int, seats: int = 1, choices: int | None = None, round_no: int = 1
           ) -> BallotRound:
    return BallotRound(1, 1, Purpose.AWARD, 2, round_no, choices or seats, seats, candidates)


def count(issued: int, received: int, valid: int, invalid: int, **votes: int) -> BallotCount:
    return BallotCount(issued, received, valid, invalid,
                       tuple((int(k[1:]), v) for k, v in votes.items()))


# --- quorum ("≥" the share of all members) ---------------------------------------------------

@pytest.mark.parametrize(("members", "present", "needed", "met"), [
    (9, 6, 6, True),  # 6/9 is exactly 2/3: "≥" lets it through
    (9, 5, 6, False),
    (8, 6, 6, True),  # 2/3 of 8 = 5,33 -> 6 needed
    (8, 5, 6, False),
    (8, 8, 6, True),
    (0, 0, 0, False),  # no members, no meeting
])
def test_quorum_two_thirds(members: int, present: int, needed: int, met: bool) -> None:
    q = quorum(members, present, RuleSet(year=2019))
    assert (q.members, q.present, q.needed, q.met) == (members, present, needed, met)


def test_quorum_stored_as_a_rounded_share_still_means_two_thirds() -> None:
    # the file format's example stores 0.6667: 6 of 9 must still be enough
    assert quorum(9, 6, RuleSet(year=2019, quorum_share=0.6667)).met


def test_quorum_half() -> None:
    rules = RuleSet(year=2019, quorum_share=0.5)
    assert quorum(10, 5, rules).met and not quorum(10, 4, rules).met


# --- percentages and their base ---------------------------------------------------------------

def test_percent_base_variants() -> None:
    assert percent_base(RuleSet(year=2019), members=10, present=8, valid=7) == 10
    assert percent_base(RuleSet(year=2019, percent_base="present"), 10, 8, 7) == 8
    assert percent_base(RuleSet(year=2019, percent_base="valid"), 10, 8, 7) == 7


def test_percent_rounds_half_up() -> None:
    assert percent(7, 8) == 87.5
    assert percent(2, 3) == 66.67  # 66,666..
    assert percent(1, 6) == 16.67
    assert percent(1, 800) == 0.13  # 0,125 exactly: half up, not half even
    assert percent(5, 0) == 0.0


# --- the pass mark: exact fractions -----------------------------------------------------------

def test_exactly_half_fails_more_than_half() -> None:
    result = tally(ballot(1), count(8, 8, 8, 0, u1=4), MORE_THAN_HALF, members=8, present=8)
    assert result.results[0].percent == 50.0 and not result.results[0].passed
    result = tally(ballot(1), count(8, 8, 8, 0, u1=5), MORE_THAN_HALF, members=8, present=8)
    assert result.results[0].passed and result.elected == (1,)


def test_exactly_two_thirds_passes_at_least_two_thirds() -> None:
    result = tally(ballot(1), count(9, 9, 9, 0, u1=6), TWO_THIRDS, members=9, present=9)
    assert result.results[0].percent == 66.67 and result.results[0].passed
    result = tally(ballot(1), count(9, 9, 9, 0, u1=5), TWO_THIRDS, members=9, present=9)
    assert not result.results[0].passed and result.outcome is Outcome.FURTHER_ROUND


def test_eighty_percent() -> None:
    # 8 of 10 = 80 % passes "≥ 80 %"; 7 of 10 does not; 12 of 15 = 80 % passes too
    assert tally(ballot(1), count(10, 10, 10, 0, u1=8), EIGHTY, members=10, present=10).elected
    assert not tally(ballot(1), count(10, 10, 10, 0, u1=7), EIGHTY, members=10,
                     present=10).elected
    assert tally(ballot(1), count(15, 15, 15, 0, u1=12), EIGHTY, members=15, present=15).elected


@pytest.mark.parametrize(("base", "expected_base", "passed"), [
    # 10 members, 8 present, 6 valid ballots; the candidate has 5 votes, mark > 50 %
    ("members", 10, False),  # 5/10 = 50 %: not more than half
    ("present", 8, True),  # 5/8 = 62,5 %
    ("valid", 6, True),  # 5/6 = 83,33 %
])
def test_the_base_changes_the_verdict(base: str, expected_base: int, passed: bool) -> None:
    rules = RuleSet(year=2019, percent_base=base)
    result = tally(ballot(1), count(8, 7, 6, 1, u1=5), rules, members=10, present=8)
    assert result.base == expected_base
    assert result.results[0].passed is passed
    assert result.results[0].percent == {"members": 50.0, "present": 62.5, "valid": 83.33}[base]


# --- seats, ties, further rounds, officers decide ---------------------------------------------

def test_more_passing_than_seats_takes_the_top() -> None:
    result = tally(ballot(1, 2, 3, seats=2), count(8, 8, 8, 0, u1=6, u2=8, u3=5),
                   MORE_THAN_HALF, members=8, present=8)
    assert [c.unit_id for c in result.results] == [2, 1, 3]  # by votes
    assert all(c.passed for c in result.results)
    assert result.elected == (2, 1) and result.outcome is Outcome.ELECTED
    assert result.remaining_seats == 0 and result.next_candidates == ()


def test_tie_at_the_cut_off_asks_for_a_second_round() -> None:
    result = tally(ballot(1, 2, 3, seats=2), count(8, 8, 8, 0, u1=8, u2=6, u3=6),
                   MORE_THAN_HALF, members=8, present=8)
    assert result.elected == (1,)
    assert result.tied == (2, 3) and result.next_candidates == (2, 3)
    assert result.remaining_seats == 1 and result.outcome is Outcome.FURTHER_ROUND


def test_fewer_passing_than_seats_asks_for_a_second_round() -> None:
    result = tally(ballot(1, 2, 3, seats=3, choices=3), count(8, 8, 8, 0, u1=7, u2=5, u3=4),
                   MORE_THAN_HALF, members=8, present=8)
    assert result.elected == (1, 2) and result.remaining_seats == 1
    assert result.next_candidates == (3,) and result.outcome is Outcome.FURTHER_ROUND


def test_second_round_elects() -> None:
    result = tally(ballot(3, round_no=2), count(8, 8, 8, 0, u3=6), MORE_THAN_HALF, members=8,
                   present=8)
    assert result.elected == (3,) and result.outcome is Outcome.ELECTED


def test_deadlock_after_the_last_round_goes_to_the_officers() -> None:
    tied = count(8, 8, 8, 0, u2=5, u3=5)
    first = tally(ballot(2, 3), tied, MORE_THAN_HALF, members=8, present=8)
    assert first.outcome is Outcome.FURTHER_ROUND
    last = tally(ballot(2, 3, round_no=2), tied, MORE_THAN_HALF, members=8, present=8)
    assert last.outcome is Outcome.OFFICERS_DECIDE and last.elected == ()
    assert last.next_candidates == (2, 3)
    assert last.outcome.label == "Trưởng khối và các Phó khối quyết định"
    one_round = RuleSet(year=2019, max_rounds=1)
    assert tally(ballot(2, 3), tied, one_round, members=8, present=8).outcome is \
        Outcome.OFFICERS_DECIDE


# --- the count checks -------------------------------------------------------------------------

def fields(c: BallotCount, present: int = 8, candidates: tuple[int, ...] = (1, 2),
           choices: int = 2) -> list[tuple[str, int | None]]:
    return [(p.field, p.unit_id) for p in check_count(c, present=present, candidates=candidates,
                                                     choices=choices, names=NAMES)]


def test_consistent_counts_have_no_problem() -> None:
    assert fields(count(8, 8, 7, 1, u1=7, u2=5)) == []
    assert fields(count(8, 7, 7, 0, u1=0, u2=0)) == []


def test_each_check_says_what_is_wrong() -> None:
    problems = check_count(count(9, 10, 11, 2, u1=12, u2=-1, u4=1), present=8,
                           candidates=(1, 2, 3), choices=1, names=NAMES)
    messages = [p.message for p in problems]
    assert messages == [
        "Số phiếu phát ra (9) nhiều hơn số đơn vị có mặt (8).",
        "Số phiếu thu vào (10) nhiều hơn số phiếu phát ra (9).",
        "Số phiếu hợp lệ (11) nhiều hơn số phiếu thu vào (10).",
        "Số phiếu hợp lệ (11) cộng số phiếu không hợp lệ (2) bằng 13, khác số phiếu thu vào (10).",
        "Thanh tra tỉnh không có trong danh sách bầu của vòng này.",
        "Công an tỉnh: 12 phiếu, nhiều hơn số phiếu hợp lệ (11).",
        "Sở Tư pháp: số phiếu bầu không được âm.",
        "Sở Nội vụ: chưa nhập số phiếu bầu.",
        "Tổng số phiếu bầu (12) nhiều hơn số phiếu hợp lệ nhân số đơn vị được chọn trên mỗi "
        "phiếu (11 × 1 = 11).",
    ]
    assert [p.field for p in problems] == ["issued", "received", "valid", "invalid", "votes",
                                           "votes", "votes", "votes", "votes_total"]
    assert [p.unit_id for p in problems][4:8] == [4, 1, 2, 3]


def test_negative_counts_are_refused() -> None:
    assert ("issued", None) in fields(count(-1, 0, 0, 0, u1=0, u2=0))
    assert ("invalid", None) in fields(count(8, 8, 9, -1, u1=0, u2=0))


def test_sum_of_votes_against_choices() -> None:
    # 8 valid ballots, 2 names each: at most 16 ticks
    assert fields(count(8, 8, 8, 0, u1=8, u2=8)) == []
    assert fields(count(8, 8, 8, 0, u1=8, u2=8), choices=1) == [("votes_total", None)]


# --- double entry -----------------------------------------------------------------------------

def test_matching_entries() -> None:
    one = count(8, 8, 8, 0, u1=7, u2=6)
    assert compare_entries(one, replace(one), (1, 2)) == []


def test_mismatch_lists_where_with_both_values() -> None:
    one, two = count(8, 8, 8, 0, u1=7, u2=6), count(8, 8, 7, 1, u1=7, u2=5)
    found = compare_entries(one, two, (1, 2), NAMES)
    assert [(m.field, m.unit_id, m.first, m.second) for m in found] == [
        ("valid", None, 8, 7), ("invalid", None, 0, 1), ("votes", 2, 6, 5)]
    assert found[0].message == "Số phiếu hợp lệ: lần 1 nhập 8, lần 2 nhập 7."
    assert found[2].message == "Sở Tư pháp: lần 1 nhập 6, lần 2 nhập 5."
    missing = compare_entries(one, count(8, 8, 8, 0, u1=7), (1, 2), NAMES)
    assert missing[0].message == "Sở Tư pháp: lần 1 nhập 6, lần 2 nhập chưa nhập."
    assert (missing[0].first, missing[0].second) == (6, None)


def entry(n: int, c: BallotCount) -> CountEntry:
    return CountEntry(n, c, "thư ký", "2019-12-03T15:00:00")


def test_report_follows_the_double_entry() -> None:
    b, good = ballot(1, 2, seats=2), count(8, 8, 8, 0, u1=7, u2=6)
    kw = {"members": 8, "present": 8}
    assert report(b, [], MORE_THAN_HALF, **kw).status is EntryStatus.NONE
    only = report(b, [entry(1, good)], MORE_THAN_HALF, **kw)
    assert only.status is EntryStatus.ONE and only.result is None and only.agreed is None
    differ = report(b, [entry(2, replace(good, votes=((1, 7), (2, 5)))), entry(1, good)],
                    MORE_THAN_HALF, **kw)
    assert differ.status is EntryStatus.MISMATCH and differ.result is None
    assert [(m.first, m.second) for m in differ.mismatches] == [(6, 5)]
    agreed = report(b, [entry(1, good), entry(2, good)], MORE_THAN_HALF, **kw)
    assert agreed.status is EntryStatus.AGREED and agreed.agreed == good
    assert agreed.result is not None and agreed.result.elected == (1, 2)
    # both entries agree, but fewer units are present now than ballots issued
    stale = report(b, [entry(1, good), entry(2, good)], MORE_THAN_HALF, members=8, present=7)
    assert stale.status is EntryStatus.INVALID and stale.result is None
    assert [p.field for p in stale.problems] == ["issued"]


# --- properties -------------------------------------------------------------------------------

@st.composite
def consistent(draw: st.DrawFn) -> tuple[BallotRound, BallotCount, int, int]:
    """A round and counts that obey every rule of DOMAIN.md §6."""
    members = draw(st.integers(1, 15))
    present = draw(st.integers(0, members))
    issued = draw(st.integers(0, present))
    received = draw(st.integers(0, issued))
    valid = draw(st.integers(0, received))
    n = draw(st.integers(1, 6))
    choices = draw(st.integers(1, n))
    seats = draw(st.integers(1, n))
    budget = valid * choices
    votes = []
    for unit_id in range(1, n + 1):
        v = draw(st.integers(0, min(valid, budget)))
        budget -= v
        votes.append((unit_id, v))
    c = BallotCount(issued, received, valid, received - valid, tuple(votes))
    b = BallotRound(1, 1, Purpose.AWARD, 1, draw(st.integers(1, 3)), choices, seats,
                    tuple(range(1, n + 1)))
    return b, c, members, present


rule_sets = st.builds(
    lambda share, strict, base, rounds: RuleSet(year=2019, pass_mark=PassMark(share, strict),
                                                percent_base=base, max_rounds=rounds),
    st.sampled_from([0.5, 2 / 3, 0.7, 0.8, 1.0]), st.booleans(),
    st.sampled_from(["members", "present", "valid"]), st.integers(1, 3))


@given(consistent())
def test_consistent_counts_never_produce_problems(
        case: tuple[BallotRound, BallotCount, int, int]) -> None:
    b, c, _, present = case
    assert check_count(c, present=present, candidates=b.candidates, choices=b.choices) == []


VIOLATIONS = {
    "issued": lambda c, present: replace(c, issued=present + 1),
    "received": lambda c, present: replace(c, received=c.issued + 1),
    "valid": lambda c, present: replace(c, valid=c.received + 1),
    "invalid": lambda c, present: replace(c, invalid=c.invalid + 1),
    "votes": lambda c, present: replace(c, votes=((1, c.valid + 1), *c.votes[1:])),
}


@given(consistent(), st.sampled_from(sorted(VIOLATIONS)))
def test_any_single_violated_inequality_is_reported(
        case: tuple[BallotRound, BallotCount, int, int], field: str) -> None:
    b, c, _, present = case
    bad = VIOLATIONS[field](c, present)
    problems = check_count(bad, present=present, candidates=b.candidates, choices=b.choices)
    assert field in {p.field for p in problems}


@given(st.integers(1, 10), st.integers(2, 6), st.data())
def test_too_many_ticks_are_reported(valid: int, n: int, data: st.DataObject) -> None:
    choices = data.draw(st.integers(1, n - 1))
    left, votes = valid * choices + 1, []  # one tick more than the ballots allow
    for unit_id in range(1, n + 1):
        votes.append((unit_id, min(valid, left)))
        left -= votes[-1][1]
    c = BallotCount(valid, valid, valid, 0, tuple(votes))
    problems = check_count(c, present=valid, candidates=tuple(range(1, n + 1)), choices=choices)
    assert [p.field for p in problems] == ["votes_total"]


@settings(max_examples=300)
@given(consistent(), rule_sets)
def test_results_agree_with_exact_fractions(case: tuple[BallotRound, BallotCount, int, int],
                                            rules: RuleSet) -> None:
    b, c, members, present = case
    result = tally(b, c, rules, members=members, present=present)
    base = {"members": members, "present": present, "valid": c.valid}[rules.percent_base]
    assert result.base == base
    mark = Fraction(rules.pass_mark.share).limit_denominator(1000)
    for item in result.results:
        assert 0 <= item.percent <= 100
        exact = Fraction(item.votes, base) if base else None
        expected = exact is not None and (exact > mark if rules.pass_mark.strict
                                          else exact >= mark)
        assert item.passed is expected
        if base:
            assert abs(item.percent - float(exact * 100)) <= 0.005 + 1e-9  # type: ignore[operator]
    assert len(result.elected) <= b.seats
    passed = {i.unit_id for i in result.results if i.passed}
    assert set(result.elected) <= passed
    assert result.remaining_seats == b.seats - len(result.elected)
    if result.outcome is Outcome.ELECTED:
        assert len(result.elected) == b.seats
    else:
        assert result.outcome is (Outcome.FURTHER_ROUND if b.round_no < rules.max_rounds
                                  else Outcome.OFFICERS_DECIDE)
        assert result.next_candidates and not set(result.next_candidates) & set(result.elected)
    votes = dict(c.votes)
    for loser in passed - set(result.elected):  # nobody left out beats someone elected
        assert all(votes[loser] <= votes[e] for e in result.elected)

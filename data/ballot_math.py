"""Ballot arithmetic, pure: quorum, count checks, double entry, percentages, round outcomes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from data.meeting_model import (
    BallotCount,
    BallotRound,
    CandidateResult,
    CountEntry,
    CountProblem,
    EntryStatus,
    Mismatch,
    Outcome,
    Quorum,
    RoundReport,
    RoundResult,
)
from data.model import PassMark, RuleSet

FIELD_LABELS = {
    "issued": "Số phiếu phát ra",
    "received": "Số phiếu thu vào",
    "valid": "Số phiếu hợp lệ",
    "invalid": "Số phiếu không hợp lệ",
    "votes": "Số phiếu bầu",
    "votes_total": "Tổng số phiếu bầu",
}
COUNT_FIELDS = ("issued", "received", "valid", "invalid")


def quorum(members: int, present: int, rules: RuleSet) -> Quorum:
    """Whether enough member units are present ("≥" the rule set's quorum share)."""
    mark = PassMark(rules.quorum_share, strict=False)
    share = Fraction(rules.quorum_share).limit_denominator(1000)
    needed = math.ceil(share * members)
    return Quorum(members, present, needed, mark.passed(present, members))


def percent_base(rules: RuleSet, members: int, present: int, valid: int) -> int:
    """The number votes are counted against: members of the year, units present or valid ballots."""
    return {"members": members, "present": present, "valid": valid}.get(rules.percent_base,
                                                                          members)


def percent(votes: int, base: int) -> float:
    """Votes as a percentage of the base, rounded half up to 2 decimals (0 when no base)."""
    if base <= 0:
        return 0.0
    return math.floor(Fraction(100 * votes, base) * 100 + Fraction(1, 2)) / 100


def _name(names: Mapping[int, str], unit_id: int) -> str:
    return names.get(unit_id, f"Đơn vị mã số {unit_id}")


def check_count(count: BallotCount, *, present: int, candidates: Sequence[int], choices: int,
                names: Mapping[int, str] | None = None) -> list[CountProblem]:
    """Every reason the counts cannot be right (DOMAIN.md §6); an empty list when they can."""
    names = names or {}
    problems: list[CountProblem] = []
    for field in COUNT_FIELDS:
        if getattr(count, field) < 0:
            problems.append(CountProblem(field, f"{FIELD_LABELS[field]} không được âm."))
    issued, received, valid, invalid = count.issued, count.received, count.valid, count.invalid
    if issued > present:
        hint = ": hãy điểm danh trước khi nhập kết quả" if present == 0 else ""
        problems.append(CountProblem(
            "issued", f"Số phiếu phát ra ({issued}) nhiều hơn số đơn vị có mặt ({present}){hint}."))
    if received > issued:
        problems.append(CountProblem(
            "received", f"Số phiếu thu vào ({received}) nhiều hơn số phiếu phát ra ({issued})."))
    if valid > received:
        problems.append(CountProblem(
            "valid", f"Số phiếu hợp lệ ({valid}) nhiều hơn số phiếu thu vào ({received})."))
    if valid + invalid != received:
        problems.append(CountProblem(
            "invalid", f"Số phiếu hợp lệ ({valid}) cộng số phiếu không hợp lệ ({invalid}) "
            f"bằng {valid + invalid}, khác số phiếu thu vào ({received})."))
    votes = dict(count.votes)
    for unit_id in votes.keys() - set(candidates):
        problems.append(CountProblem(
            "votes", f"{_name(names, unit_id)} không có trong danh sách bầu của vòng này.",
            unit_id))
    for unit_id in candidates:
        got = votes.get(unit_id)
        if got is None:
            problems.append(CountProblem(
                "votes", f"{_name(names, unit_id)}: chưa nhập số phiếu bầu.", unit_id))
        elif got < 0:
            problems.append(CountProblem(
                "votes", f"{_name(names, unit_id)}: số phiếu bầu không được âm.", unit_id))
        elif got > valid:
            problems.append(CountProblem(
                "votes", f"{_name(names, unit_id)}: {got} phiếu, nhiều hơn số phiếu hợp lệ "
                f"({valid}).", unit_id))
    total = sum(votes.values())
    if total > valid * choices:
        problems.append(CountProblem(
            "votes_total", f"Tổng số phiếu bầu ({total}) nhiều hơn số phiếu hợp lệ nhân số "
            f"đơn vị được chọn trên mỗi phiếu ({valid} × {choices} = {valid * choices})."))
    return problems


def compare_entries(first: BallotCount, second: BallotCount, candidates: Sequence[int],
                    names: Mapping[int, str] | None = None) -> list[Mismatch]:
    """Where entry 1 and entry 2 differ, with both values; empty when they match exactly."""
    names = names or {}
    found = [
        Mismatch(field, getattr(first, field), getattr(second, field),
                 f"{FIELD_LABELS[field]}: lần 1 nhập {getattr(first, field)}, "
                 f"lần 2 nhập {getattr(second, field)}.")
        for field in COUNT_FIELDS if getattr(first, field) != getattr(second, field)
    ]
    one, two = dict(first.votes), dict(second.votes)
    extra = sorted((one.keys() | two.keys()) - set(candidates))
    for unit_id in [*candidates, *extra]:
        a, b = one.get(unit_id), two.get(unit_id)
        if a != b:
            shown = ["chưa nhập" if v is None else str(v) for v in (a, b)]
            found.append(Mismatch(
                "votes", a, b, f"{_name(names, unit_id)}: lần 1 nhập {shown[0]}, "
                f"lần 2 nhập {shown[1]}.", unit_id))
    return found


def tally(ballot: BallotRound, count: BallotCount, rules: RuleSet, *, members: int,
          present: int) -> RoundResult:
    """Percentages, pass/fail, who is elected, and whether a further round is needed."""
    # A tie at the cut-off, or fewer passing than seats, leaves seats for a further round while
    # round_no < max_rounds; after the last round the head and deputies decide.
    base = percent_base(rules, members, present, count.valid)
    votes = dict(count.votes)
    order = {unit_id: i for i, unit_id in enumerate(ballot.candidates)}
    ranked = sorted(ballot.candidates, key=lambda u: (-votes.get(u, 0), order[u]))
    passing = [u for u in ranked if rules.pass_mark.passed(votes.get(u, 0), base)]
    seats = ballot.seats
    tied: list[int] = []
    if len(passing) > seats:
        cutoff = votes.get(passing[seats - 1], 0)
        if votes.get(passing[seats], 0) == cutoff:
            tied = [u for u in passing if votes.get(u, 0) == cutoff]
            elected = [u for u in passing if votes.get(u, 0) > cutoff]
        else:
            elected = passing[:seats]
    else:
        elected = passing
    remaining = seats - len(elected)
    following: tuple[int, ...] = ()
    if remaining == 0:
        outcome = Outcome.ELECTED
    else:
        outcome = (Outcome.FURTHER_ROUND if ballot.round_no < rules.max_rounds
                   else Outcome.OFFICERS_DECIDE)
        following = tuple(tied) if tied else tuple(u for u in ballot.candidates
                                                    if u not in elected)
    results = tuple(
        CandidateResult(u, votes.get(u, 0), percent(votes.get(u, 0), base), u in passing,
                        u in elected)
        for u in ranked
    )
    return RoundResult(base, results, tuple(elected), outcome, remaining, following, tuple(tied))


def report(ballot: BallotRound, entries: Sequence[CountEntry], rules: RuleSet, *, members: int,
           present: int, names: Mapping[int, str] | None = None) -> RoundReport:
    """The round's double-entry status and, once both entries agree and add up, its result."""
    entries = tuple(sorted(entries, key=lambda e: e.entry))
    if not entries:
        return RoundReport(ballot, entries, EntryStatus.NONE)
    if len(entries) == 1:
        return RoundReport(ballot, entries, EntryStatus.ONE)
    mismatches = compare_entries(entries[0].count, entries[1].count, ballot.candidates, names)
    if mismatches:
        return RoundReport(ballot, entries, EntryStatus.MISMATCH, mismatches=tuple(mismatches))
    count = entries[0].count
    problems = check_count(count, present=present, candidates=ballot.candidates,
                           choices=ballot.choices, names=names)
    if problems:
        return RoundReport(ballot, entries, EntryStatus.INVALID, problems=tuple(problems))
    result = tally(ballot, count, rules, members=members, present=present)
    return RoundReport(ballot, entries, EntryStatus.AGREED, result=result)

"""The rule checker: every violation or warning of a year, with the rule and its source document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from data import awards, ballots, meetings, nominations
from data.candidates import ELIGIBILITY_SOURCE, block_reasons
from data.db import Database
from data.meeting_model import (
    EntryStatus,
    Finding,
    Meeting,
    MeetingKind,
    Nomination,
    Outcome,
    Purpose,
    Quorum,
    RoundReport,
    Severity,
    in_sentence,
)
from data.model import AwardForm, Membership, PassMark, Quota, RuleSet, YearStatus
from data.rules import load_rules
from data.scoreboard import ScoreBoard
from data.scores import load_board
from data.units import members
from data.vntext import format_percent
from data.years import require_year

GOVERNMENT_FLAG, PROVINCIAL_FLAG = "CO_CP", "CO_TINH"
LEADER_SOURCE = "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 25"
BALLOT_SOURCE = "Quy chế hoạt động của Khối thi đua (kiểm phiếu, nhập kết quả hai lần)"
ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class YearFacts:
    """Everything the checker looks at for one year, as plain values."""

    year: int
    rules: RuleSet
    names: Mapping[int, str]
    memberships: Mapping[int, Membership]
    forms: Mapping[int, AwardForm]
    quotas: Mapping[int, Quota]
    ranks: Mapping[int, int]
    fallback_items: Mapping[int, int]
    missing_items: Mapping[int, int]
    meetings: Sequence[tuple[Meeting, Quorum]] = ()
    reports: Sequence[RoundReport] = ()
    nominations: Sequence[Nomination] = ()
    status: YearStatus = YearStatus.MEETING


def mark_text(mark: PassMark) -> str:
    """The pass mark in words: "trên 50 %", "từ 66,67 % trở lên"."""
    shown = format_percent(mark.share)
    return f"trên {shown}" if mark.strict else f"từ {shown} trở lên"


def _round_name(facts: YearFacts, report: RoundReport) -> str:
    ballot = report.round
    form = facts.forms.get(ballot.award_form_id or 0)
    what = f"suy tôn “{form.name}”" if form else in_sentence(ballot.purpose.label)
    return f"Vòng {ballot.round_no} {what}"


def _meetings(facts: YearFacts) -> Iterator[Finding]:
    voting = {r.round.meeting_id for r in facts.reports}
    source = facts.rules.source("quorum_share")
    for meeting, q in facts.meetings:
        if (meeting.kind is MeetingKind.YEAR_END or meeting.id in voting) and not q.met:
            yield Finding(ERROR, "quorum_share", f"{meeting.kind.label} năm {facts.year}: "
                          f"{q.present}/{q.members} đơn vị có mặt, chưa đủ {q.needed} đơn vị "
                          f"({format_percent(facts.rules.quorum_share)}) theo quy định.", source)
    if facts.nominations and not any(m.kind is MeetingKind.YEAR_END for m, _ in facts.meetings):
        yield Finding(WARNING, "quorum_share", f"Đã có danh sách đề nghị nhưng chưa ghi hội nghị "
                      f"tổng kết năm {facts.year} (điểm danh, bỏ phiếu).", source)


def _eligibility(facts: YearFacts, unit_id: int, what: str, round_id: int | None
                 ) -> Iterator[Finding]:
    member = facts.memberships.get(unit_id)
    reasons = block_reasons(member) if member else ()
    if reasons:
        note = f" ({member.eligibility_note})" if member and member.eligibility_note else ""
        yield Finding(ERROR, "eligibility", f"{facts.names.get(unit_id, unit_id)} {what} dù "
                      f"{'; '.join(reasons).lower()}{note}.", ELIGIBILITY_SOURCE, unit_id,
                      round_id)


def _leader(facts: YearFacts, unit_id: int, what: str, round_id: int | None
            ) -> Iterator[Finding]:
    flag_holders = {n.unit_id for n in facts.nominations if n.award_form_id in facts.forms
                    and facts.forms[n.award_form_id].code == PROVINCIAL_FLAG}
    if facts.ranks.get(unit_id) != 1 and unit_id not in flag_holders:
        yield Finding(ERROR, "leader_only", f"{facts.names.get(unit_id, unit_id)} {what} nhưng "
                      "không phải đơn vị dẫn đầu Khối (không xếp thứ nhất, không được đề nghị "
                      "Cờ thi đua của tỉnh).", LEADER_SOURCE, unit_id, round_id)


def _rounds(facts: YearFacts) -> Iterator[Finding]:
    rules = facts.rules
    for report in facts.reports:
        ballot, name = report.round, _round_name(facts, report)
        if ballot.round_no > rules.max_rounds:
            yield Finding(ERROR, "max_rounds", f"{name}: vượt số vòng tối đa ({rules.max_rounds})"
                          "; sau vòng cuối, Trưởng khối và các Phó khối quyết định.",
                          rules.source("max_rounds"), round_id=ballot.id)
        if report.status in (EntryStatus.NONE, EntryStatus.ONE, EntryStatus.MISMATCH):
            where = " ".join(m.message for m in report.mismatches)
            yield Finding(ERROR, "double_entry", f"{name}: {in_sentence(report.status.label)}"
                          + (f": {where}" if where else "."), BALLOT_SOURCE, round_id=ballot.id)
        elif report.status is EntryStatus.INVALID:
            where = " ".join(p.message for p in report.problems)
            yield Finding(ERROR, "ballot_count", f"{name}: {where}", BALLOT_SOURCE,
                          round_id=ballot.id)
        elif report.result and report.result.outcome is Outcome.OFFICERS_DECIDE:
            yield Finding(WARNING, "max_rounds", f"{name}: chưa bầu đủ sau vòng cuối; Trưởng "
                          "khối và các Phó khối quyết định.", rules.source("max_rounds"),
                          round_id=ballot.id)
        form = facts.forms.get(ballot.award_form_id or 0)
        if ballot.purpose is not Purpose.AWARD or form is None:
            continue
        quota = facts.quotas.get(form.id)
        if quota is not None and ballot.seats > quota.count:
            yield Finding(WARNING, "quota", f"{name}: bầu {ballot.seats} suất, vượt chỉ tiêu "
                          f"{quota.count}.", quota.source, round_id=ballot.id)
        for unit_id in ballot.candidates:
            what = f"có tên trong danh sách bầu “{form.name}”"
            yield from _eligibility(facts, unit_id, what, ballot.id)
            if form.code == GOVERNMENT_FLAG:
                yield from _leader(facts, unit_id, what, ballot.id)


def _passed(facts: YearFacts, item: Nomination, label: str) -> Iterator[Finding]:
    report = next((r for r in facts.reports if r.round.id == item.round_id), None)
    source = facts.rules.source("pass_mark")
    if report is None:
        yield Finding(WARNING, "pass_mark", f"{label}: chưa qua bỏ phiếu tại hội nghị.", source,
                      item.unit_id)
        return
    result = report.result
    if result is None:
        yield Finding(ERROR, "pass_mark", f"{label}: vòng bỏ phiếu chưa có kết quả thống nhất.",
                      source, item.unit_id, report.round.id)
    elif item.unit_id in result.elected:
        return
    elif result.outcome is Outcome.OFFICERS_DECIDE and item.unit_id in result.next_candidates:
        yield Finding(WARNING, "max_rounds", f"{label}: do Trưởng khối và các Phó khối quyết "
                      f"định sau {report.round.round_no} vòng bỏ phiếu.",
                      facts.rules.source("max_rounds"), item.unit_id, report.round.id)
    else:
        got = next((c for c in result.results if c.unit_id == item.unit_id), None)
        votes = (f"đạt {got.votes} phiếu ({format_percent(got.percent / 100)})"
                 if got else "không có tên trong vòng bỏ phiếu")
        yield Finding(ERROR, "pass_mark", f"{label}: {votes}, không trúng cử (ngưỡng "
                      f"{mark_text(facts.rules.pass_mark)}).", source, item.unit_id,
                      report.round.id)


def _nominations(facts: YearFacts) -> Iterator[Finding]:
    per_form = Counter(n.award_form_id for n in facts.nominations)
    for form_id, count in per_form.items():
        quota = facts.quotas.get(form_id)
        if quota is not None and count > quota.count:
            yield Finding(ERROR, "quota", f"Đề nghị {count} “{facts.forms[form_id].name}”, "
                          f"vượt chỉ tiêu {quota.count} của năm {facts.year}.", quota.source)
    for item in facts.nominations:
        form = facts.forms[item.award_form_id]
        label = f"{facts.names.get(item.unit_id, item.unit_id)} (đề nghị “{form.name}”)"
        what = f"được đề nghị “{form.name}”"
        yield from _eligibility(facts, item.unit_id, what, item.round_id)
        if form.code == GOVERNMENT_FLAG:
            yield from _leader(facts, item.unit_id, what, item.round_id)
        yield from _passed(facts, item, label)


def _scores(facts: YearFacts) -> Iterator[Finding]:
    if facts.status in (YearStatus.REGISTRATION, YearStatus.PLEDGE):
        return  # scoring has not begun: nothing is missing yet
    # while scoring, unscored items are work in progress; at the meeting they are a fault
    missing = WARNING if facts.status is YearStatus.SCORING else ERROR
    source = facts.rules.source("table_total")
    for unit_id in sorted(facts.ranks, key=lambda u: (facts.ranks[u], u)):
        name = facts.names.get(unit_id, unit_id)
        if facts.missing_items.get(unit_id, 0):
            yield Finding(missing, "scores", f"{name}: {facts.missing_items[unit_id]} nội dung "
                          "chưa có điểm ở lớp nào (tính 0 điểm).", source, unit_id)
        if facts.fallback_items.get(unit_id, 0):
            yield Finding(WARNING, "verified_scores", f"{name}: {facts.fallback_items[unit_id]}"
                          " nội dung chưa có điểm khối chấm hoặc hội đồng chấm, đang lấy điểm "
                          "tự chấm.", source, unit_id)


def check(facts: YearFacts) -> list[Finding]:
    """Every finding of the year, errors first."""
    found = [*_meetings(facts), *_rounds(facts), *_nominations(facts), *_scores(facts)]
    return sorted(found, key=lambda f: f.severity is not ERROR)


def load_facts(db: Database, year: int, board: ScoreBoard | None = None) -> YearFacts:
    """Read the year's rules, units, meetings, rounds and nominations, and its ranking (from
    `board` when the caller already holds it, else loaded from the file)."""
    pairs = members(db, year)
    board = board if board is not None else load_board(db, year)
    results = board.results()
    held = meetings.meetings(db, year)
    return YearFacts(
        year=year, rules=load_rules(db, year), names={u.id: u.name for u, _ in pairs},
        memberships={m.unit_id: m for _, m in pairs},
        forms={f.id: f for f in awards.award_forms(db)},
        quotas={q.award_form_id: q for q in awards.quotas(db, year)},
        ranks={r.unit_id: r.rank for r in board.ranking()},
        fallback_items={r.unit_id: r.fallback_items for r in results},
        missing_items={r.unit_id: r.missing_items for r in results},
        meetings=[(m, meetings.meeting_quorum(db, m.id)) for m in held],
        reports=[r for m in held for r in ballots.round_reports(db, m.id)],
        nominations=nominations.nominations(db, year),
        status=require_year(db, year).status,
    )


def check_year(db: Database, year: int, board: ScoreBoard | None = None) -> list[Finding]:
    """Load the year and check it (on `board` when given)."""
    return check(load_facts(db, year, board))

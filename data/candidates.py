"""Candidates proposed from the ranking: who may stand for which award form within its quota."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from data import awards
from data.db import Database
from data.model import AwardForm, Membership, Quota, RuleSet
from data.rules import load_rules
from data.scoreboard import ScoreBoard
from data.standings import Standing, standings
from data.units import members

ELIGIBILITY_SOURCE = "Nghị định 152/2025/NĐ-CP, Điều 4"
BLOCK_REASONS = (
    ("discipline", "Đang bị kỷ luật hoặc đang bị xem xét kỷ luật"),
    ("investigation", "Đang bị điều tra, thanh tra, kiểm tra"),
    ("complaint", "Đang có đơn thư khiếu nại, tố cáo chưa giải quyết xong"),
)
WOMEN_NOTE = "Bằng điểm ở ranh giới chỉ tiêu: ưu tiên tập thể có từ 70 % nữ trở lên."
TIE_NOTE = ("Bằng điểm ở ranh giới chỉ tiêu: các đơn vị bằng nhau cùng vào danh sách, "
            "hội nghị bỏ phiếu chọn trong số chỉ tiêu.")


def block_reasons(member: Membership) -> tuple[str, ...]:
    """Why a unit cannot be proposed this year (empty when it can)."""
    return tuple(text for flag, text in BLOCK_REASONS if getattr(member, flag))


@dataclass(frozen=True)
class ProposedUnit:
    """A unit proposed as a candidate: its rank and total, and whether it ties at the boundary."""

    unit_id: int
    name: str
    rank: int
    total: float
    women_70: bool = False
    tie: bool = False


@dataclass(frozen=True)
class FormPlan:
    """The candidates proposed for one award form within its quota."""

    form: AwardForm
    quota: int
    source: str
    candidates: tuple[ProposedUnit, ...]
    note: str = ""


@dataclass(frozen=True)
class Excluded:
    """A unit that cannot be a candidate, with the reasons shown to the meeting."""

    unit_id: int
    name: str
    reasons: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class CandidatePlan:
    """The year's proposal: candidates per award form, and the units excluded with reasons."""

    year: int
    forms: tuple[FormPlan, ...]
    excluded: tuple[Excluded, ...]


def _prioritised(eligible: list[ProposedUnit], women_first: bool) -> list[ProposedUnit]:
    """Ranking order; within a shared rank, collectives with >= 70 % women first if asked."""
    return sorted(eligible, key=lambda p: (p.rank, women_first and not p.women_70))


def _take(units: list[ProposedUnit], start: int, quota: int, women_first: bool
          ) -> tuple[list[ProposedUnit], int, str]:
    end = min(start + quota, len(units))
    if quota <= 0 or end >= len(units) or end == start:
        return units[start:end], end, ""
    last, after = units[end - 1], units[end]
    if last.rank != after.rank:
        return units[start:end], end, ""
    if women_first and last.women_70 and not after.women_70:
        return units[start:end], end, WOMEN_NOTE

    def same(p: ProposedUnit) -> bool:
        return p.rank == last.rank and (not women_first or p.women_70 == last.women_70)

    while end < len(units) and same(units[end]):
        end += 1
    chosen = [ProposedUnit(p.unit_id, p.name, p.rank, p.total, p.women_70, same(p))
              for p in units[start:end]]
    return chosen, end, TIE_NOTE


def plan_candidates(ranking: Sequence[Standing], memberships: Mapping[int, Membership],
                    forms: Sequence[AwardForm], quotas: Sequence[Quota], rules: RuleSet,
                    ) -> CandidatePlan:
    """Candidates per award form within its quota, and the blocked units excluded with reasons."""
    # Leader-only forms (the flags) take the top-ranked eligible units and may overlap (the
    # Government flag is chosen among the leaders); other forms, in catalogue order, take the next.
    eligible: list[ProposedUnit] = []
    excluded: list[Excluded] = []
    for s in ranking:
        member = memberships.get(s.unit.id, Membership(rules.year, s.unit.id))
        reasons = block_reasons(member)
        if reasons:
            excluded.append(Excluded(s.unit.id, s.unit.name, reasons, member.eligibility_note))
        else:
            eligible.append(ProposedUnit(s.unit.id, s.unit.name, s.rank,
                                         s.ranked.result.final_total, member.women_70))
    women_first = rules.women_priority
    eligible = _prioritised(eligible, women_first)
    counts = {q.award_form_id: q for q in quotas}
    plans: dict[int, FormPlan] = {}
    ordered = sorted((f for f in forms if f.active and f.id in counts),
                     key=lambda f: (not f.leader_only, f.position, f.id))
    leaders_end = cursor = 0
    for form in ordered:
        quota = counts[form.id]
        start = 0 if form.leader_only else max(cursor, leaders_end)
        chosen, end, note = _take(eligible, start, quota.count, women_first)
        if form.leader_only:
            leaders_end = max(leaders_end, end)
        else:
            cursor = end
        plans[form.id] = FormPlan(form, quota.count, quota.source, tuple(chosen), note)
    by_catalogue = sorted(plans.values(), key=lambda p: (p.form.position, p.form.id))
    return CandidatePlan(rules.year, tuple(by_catalogue), tuple(excluded))


def candidate_plan(db: Database, year: int, board: ScoreBoard | None = None) -> CandidatePlan:
    """Load the year's ranking (on `board` when given), memberships, award forms and quotas,
    and propose candidates."""
    facts = {m.unit_id: m for _, m in members(db, year)}
    return plan_candidates(standings(db, year, board), facts,
                           awards.award_forms(db, active_only=True), awards.quotas(db, year),
                           load_rules(db, year))

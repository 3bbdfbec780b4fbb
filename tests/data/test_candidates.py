"""data/candidates.py: candidates from the ranking, quotas, blocked units and the women priority."""

from __future__ import annotations

from types import MappingProxyType

from data import units
from data.candidates import TIE_NOTE, WOMEN_NOTE, block_reasons, candidate_plan, plan_candidates
from data.db import Database
from data.model import AwardForm, Membership, Quota, RuleSet, Unit
from data.ranking import RankedUnit
from data.scoring import UnitResult
from data.standings import Standing

FLAG = AwardForm(1, "CO_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh", leader_only=True,
                 position=2)
GOV_FLAG = AwardForm(2, "CO_CP", "Cờ thi đua của Chính phủ", leader_only=True, position=1)
CERT = AwardForm(3, "BK_TINH", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", position=4)
PM_CERT = AwardForm(4, "BK_TTG", "Bằng khen của Thủ tướng Chính phủ", position=3)
RULES = RuleSet(year=2025)


def standing(unit_id: int, rank: int, total: float) -> Standing:
    result = UnitResult(unit_id, total, total, 0, total, 0, 0, total, 0, 0,
                        MappingProxyType({}), ())
    ranked = RankedUnit(unit_id, result, rank, "", False)
    return Standing(Unit(unit_id, f"Đơn vị {unit_id}"), ranked)


def quota(form: AwardForm, count: int) -> Quota:
    return Quota(2025, form.id, count, f"Chỉ tiêu {form.code}")


def ids(plan_form: object) -> list[int]:
    return [c.unit_id for c in plan_form.candidates]  # type: ignore[attr-defined]


def test_flags_to_the_top_other_forms_to_the_next() -> None:
    ranking = [standing(u, u, 100 - u) for u in range(1, 9)]
    plan = plan_candidates(ranking, {}, [CERT, FLAG, GOV_FLAG, PM_CERT],
                           [quota(GOV_FLAG, 1), quota(FLAG, 2), quota(PM_CERT, 1),
                            quota(CERT, 3)], RULES)
    by_code = {p.form.code: p for p in plan.forms}
    assert [p.form.code for p in plan.forms] == ["CO_CP", "CO_TINH", "BK_TTG", "BK_TINH"]
    # the Government flag is chosen among the leaders: it overlaps the provincial flags
    assert ids(by_code["CO_CP"]) == [1]
    assert ids(by_code["CO_TINH"]) == [1, 2]
    assert ids(by_code["BK_TTG"]) == [3]
    assert ids(by_code["BK_TINH"]) == [4, 5, 6]
    assert by_code["BK_TINH"].quota == 3 and by_code["BK_TINH"].source == "Chỉ tiêu BK_TINH"
    assert plan.excluded == ()


def test_blocked_units_are_excluded_with_reasons() -> None:
    ranking = [standing(u, u, 100 - u) for u in range(1, 6)]
    facts = {1: Membership(2025, 1, discipline=True, complaint=True,
                           eligibility_note="Quyết định kỷ luật số 12"),
             3: Membership(2025, 3, investigation=True)}
    plan = plan_candidates(ranking, facts, [FLAG, CERT], [quota(FLAG, 1), quota(CERT, 2)],
                           RULES)
    assert [ids(p) for p in plan.forms] == [[2], [4, 5]]
    assert [(e.unit_id, e.reasons, e.note) for e in plan.excluded] == [
        (1, ("Đang bị kỷ luật hoặc đang bị xem xét kỷ luật",
             "Đang có đơn thư khiếu nại, tố cáo chưa giải quyết xong"),
         "Quyết định kỷ luật số 12"),
        (3, ("Đang bị điều tra, thanh tra, kiểm tra",), "")]
    assert block_reasons(Membership(2025, 9)) == ()


def test_women_priority_at_the_quota_boundary() -> None:
    # units 2 and 3 share rank 2; unit 3 has >= 70 % women
    ranking = [standing(1, 1, 99), standing(2, 2, 95), standing(3, 2, 95), standing(4, 4, 90)]
    facts = {3: Membership(2025, 3, women_70=True)}
    plan = plan_candidates(ranking, facts, [FLAG, CERT], [quota(FLAG, 2), quota(CERT, 1)],
                           RULES)
    flag, cert = plan.forms
    assert ids(flag) == [1, 3] and flag.note == WOMEN_NOTE
    assert [c.women_70 for c in flag.candidates] == [False, True]
    assert ids(cert) == [2] and cert.note == ""


def test_tie_left_at_the_boundary_lists_every_tied_unit() -> None:
    ranking = [standing(1, 1, 99), standing(2, 2, 95), standing(3, 2, 95), standing(4, 4, 90)]
    facts = {3: Membership(2025, 3, women_70=True)}
    no_priority = RuleSet(year=2025, women_priority=False)
    flag, cert = plan_candidates(ranking, facts, [FLAG, CERT], [quota(FLAG, 2), quota(CERT, 1)],
                                 no_priority).forms
    assert ids(flag) == [1, 2, 3] and flag.note == TIE_NOTE
    assert [c.tie for c in flag.candidates] == [False, True, True]
    assert ids(cert) == [4]
    # two tied units with the same women flag: the priority cannot split them
    both = {2: Membership(2025, 2, women_70=True), 3: Membership(2025, 3, women_70=True)}
    flag, _ = plan_candidates(ranking, both, [FLAG, CERT], [quota(FLAG, 2), quota(CERT, 1)],
                              RULES).forms
    assert ids(flag) == [1, 2, 3] and flag.note == TIE_NOTE


def test_forms_without_quota_inactive_or_zero() -> None:
    ranking = [standing(u, u, 100 - u) for u in range(1, 4)]
    retired = AwardForm(5, "BK_BTV", "Bằng khen của Ban Thường vụ Tỉnh ủy", active=False)
    plan = plan_candidates(ranking, {}, [FLAG, CERT, PM_CERT, retired],
                           [quota(FLAG, 0), quota(CERT, 5), quota(retired, 1)], RULES)
    assert [(p.form.code, ids(p)) for p in plan.forms] == [("CO_TINH", []),
                                                           ("BK_TINH", [1, 2, 3])]


def test_the_demo_plan(bloc: Database) -> None:
    # 2019 ranking: Cục THADS, Công an, Tòa án, Sở Nội vụ, VKSND, Bộ CHQS, Sở Tư pháp, Thanh tra;
    # quotas: CO_CP 1, CO_TINH 2, BK_TTG 1, BK_TINH 3
    plan = candidate_plan(bloc, 2019)
    named = {p.form.code: [c.name for c in p.candidates] for p in plan.forms}
    assert named == {
        "CO_CP": ["Cục Thi hành án dân sự tỉnh"],
        "CO_TINH": ["Cục Thi hành án dân sự tỉnh", "Công an tỉnh"],
        "BK_TTG": ["Tòa án nhân dân tỉnh"],
        "BK_TINH": ["Sở Nội vụ", "Viện Kiểm sát nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
    }
    first = plan.forms[1].candidates[0]
    assert (first.rank, first.total) == (1, 109.6)
    police = units.find_unit(bloc, "Công an tỉnh")
    assert police is not None
    units.save_membership(bloc, Membership(2019, police.id, investigation=True,
                                           eligibility_note="Thanh tra công vụ"))
    plan = candidate_plan(bloc, 2019)
    named = {p.form.code: [c.name for c in p.candidates] for p in plan.forms}
    assert named["CO_TINH"] == ["Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh"]
    assert named["BK_TINH"] == ["Viện Kiểm sát nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
                                "Sở Tư pháp"]
    assert [(e.name, e.reasons, e.note) for e in plan.excluded] == [
        ("Công an tỉnh", ("Đang bị điều tra, thanh tra, kiểm tra",), "Thanh tra công vụ")]

"""Classification by bands and floors, ranking with tie-breaks and shared ranks."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from data.criteria_table import CriteriaTable
from data.errors import InputError
from data.model import DEFAULT_BANDS, Band, Layer, RuleSet, Score
from data.ranking import RankedUnit, classify, rank_units
from data.scoring import UnitResult, unit_result
from tests.data.test_criteria_table import DEMO, demo_table, make_criterion
from tests.data.test_scoreboard import scenarios

TABLE = demo_table()
RULES = RuleSet(year=2024)  # default bands, tie-breaks section:I, penalty, women


def at_share(share: float, unit: int = 1, **points: float) -> UnitResult:
    """A demo unit scoring `share` of every content item, except items given as code=points."""
    scores = [
        Score(
            unit, leaf.id, leaf.layer, points=points.get(f"i{leaf.code}", share * leaf.max_points)
        )
        for leaf in TABLE.content_leaves
    ]
    return unit_result(TABLE, unit, scores, [], RULES)


def make_result(unit_id: int, total: float, **fields: Any) -> UnitResult:
    """A result built by hand: only the totals the ranking looks at."""
    node_points = MappingProxyType(fields.pop("node_points", {}))
    values: dict[str, Any] = {
        "unit_id": unit_id,
        "self_total": 0.0,
        "verified_total": 0.0,
        "council_total": 0.0,
        "base_total": total,
        "bonus": 0.0,
        "penalty": 0.0,
        "final_total": total,
        "fallback_items": 0,
        "missing_items": 0,
        "node_points": node_points,
        "items": (),
    }
    values.update(fields)
    return UnitResult(**values)


def places(ranked: list[RankedUnit]) -> list[tuple[int, int, bool]]:
    return [(r.unit_id, r.rank, r.shared) for r in ranked]


# --- classify ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "band"),
    [
        (1.0, "Xuất sắc"),
        (0.95, "Xuất sắc"),  # 95 ≥ 90, every criterion at 95 % ≥ 85 %
        (0.9, "Xuất sắc"),  # exactly 90 and 90 %
        (0.85, "Tốt"),  # 85: below 90; 85 % ≥ 80 %
        (0.75, "Hoàn thành"),
        (0.6, "Không hoàn thành"),
    ],
)
def test_each_band(share: float, band: str) -> None:
    result = at_share(share)
    assert result.final_total == pytest.approx(100 * share)
    assert classify(TABLE, result, DEFAULT_BANDS) == band


def test_high_total_demoted_by_a_criterion_floor() -> None:
    # Everything full but criterion 4 (max 10) at 7: total 97, yet 7/10 = 70 % < 85 % and < 80 %.
    result = at_share(1.0, i4=7)
    assert result.final_total == 97
    assert classify(TABLE, result, DEFAULT_BANDS) == "Hoàn thành"
    # Criterion 1 = 1a + 1b = 17 + 8.5 = 25.5 of 30 = 85 %: still Xuất sắc (total 94.5)
    assert classify(TABLE, at_share(1.0, i1a=17, i1b=8.5), DEFAULT_BANDS) == "Xuất sắc"


def test_band_edges() -> None:
    unsorted = [Band("C", 50, 0.5), Band("A", 90, 0.9), Band("B", 80)]
    assert classify(TABLE, at_share(0.0), unsorted) == "C"  # no band fits: the lowest
    assert classify(TABLE, at_share(0.8), unsorted) == "B"
    assert classify(TABLE, at_share(0.8), ()) == ""
    # A total below every minimum (penalties) still gets the lowest band.
    assert classify(TABLE, make_result(1, -5), DEFAULT_BANDS) == "Không hoàn thành"
    # Floor share compared with tolerance: 2.4 / 3 is 0.7999999999999999 in floating point.
    table = CriteriaTable([make_criterion(id=1, code="I", max_points=3)])  # a root leaf
    r = unit_result(table, 1, [Score(1, 1, Layer.VERIFIED, points=2.4)], [], RULES)
    assert classify(table, r, [Band("X", 0, 0.8), Band("Y", -100)]) == "X"
    r = unit_result(table, 1, [Score(1, 1, Layer.VERIFIED, points=2.39)], [], RULES)
    assert classify(table, r, [Band("X", 0, 0.8), Band("Y", -100)]) == "Y"


# --- rank_units -------------------------------------------------------------------------------


def test_competition_ranks_shared() -> None:
    rules = replace(RULES, tie_breaks=())
    results = [make_result(4, 80), make_result(2, 90), make_result(3, 80.004), make_result(1, 70)]
    ranked = rank_units(TABLE, results, rules)
    # 80 and 80.004 are equal at 2 decimals: they share 2nd place, the next is 4th
    assert places(ranked) == [(2, 1, False), (3, 2, True), (4, 2, True), (1, 4, False)]
    assert ranked[1].result.final_total == 80.004
    assert rank_units(TABLE, [], rules) == []


def test_section_tie_break() -> None:
    one = {DEMO["I"]: 45.0}
    two = {DEMO["I"]: 48.0}
    results = [make_result(1, 80, node_points=one), make_result(2, 80, node_points=two)]
    assert places(rank_units(TABLE, results, RULES)) == [(2, 1, False), (1, 2, False)]
    absent = replace(RULES, tie_breaks=("section:IV",))  # no such section: no effect
    assert places(rank_units(TABLE, results, absent)) == [(1, 1, True), (2, 1, True)]


@pytest.mark.parametrize(
    ("name", "better", "worse"),
    [
        ("penalty", {"penalty": 2.0}, {"penalty": 5.0}),
        ("bonus", {"bonus": 5.0}, {"bonus": 3.0}),
        ("verified", {"verified_total": 70.0}, {"verified_total": 69.5}),
    ],
)
def test_each_tie_break(name: str, better: dict[str, float], worse: dict[str, float]) -> None:
    rules = replace(RULES, tie_breaks=(name,))
    results = [make_result(1, 80, **worse), make_result(2, 80, **better), make_result(3, 81)]
    assert places(rank_units(TABLE, results, rules)) == [
        (3, 1, False),
        (2, 2, False),
        (1, 3, False),
    ]


def test_women_priority_on_and_off() -> None:
    results = [make_result(1, 80), make_result(2, 80), make_result(3, 80)]
    on = replace(RULES, tie_breaks=("women",))
    assert places(rank_units(TABLE, results, on, women={3})) == [
        (3, 1, False),
        (1, 2, True),
        (2, 2, True),
    ]
    off = replace(on, women_priority=False)
    assert [r.rank for r in rank_units(TABLE, results, off, women={3})] == [1, 1, 1]


def test_tie_breaks_apply_in_order() -> None:
    a = make_result(1, 80, penalty=5.0, node_points={DEMO["I"]: 50.0})
    b = make_result(2, 80, penalty=0.0, node_points={DEMO["I"]: 40.0})
    first_section = replace(RULES, tie_breaks=("section:I", "penalty"))
    first_penalty = replace(RULES, tie_breaks=("penalty", "section:I"))
    assert [r.unit_id for r in rank_units(TABLE, [a, b], first_section)] == [1, 2]
    assert [r.unit_id for r in rank_units(TABLE, [a, b], first_penalty)] == [2, 1]


@pytest.mark.parametrize("name", ["seniority", "section:", "Penalty"])
def test_unknown_tie_break_refused(name: str) -> None:
    with pytest.raises(InputError, match="không hợp lệ"):
        rank_units(TABLE, [make_result(1, 80)], replace(RULES, tie_breaks=("penalty", name)))


def test_ranked_units_carry_their_band() -> None:
    ranked = rank_units(TABLE, [at_share(0.75, unit=1), at_share(0.95, unit=2)], RULES)
    assert [(r.unit_id, r.rank, r.band) for r in ranked] == [
        (2, 1, "Xuất sắc"),
        (1, 2, "Hoàn thành"),
    ]


# --- properties -------------------------------------------------------------------------------


def reference_key(
    table: CriteriaTable, r: UnitResult, rules: RuleSet, women: set[int]
) -> tuple[float, ...]:
    """The full ranking key, written independently of the module (smaller is better)."""
    key: list[float] = [-round(r.final_total, 2)]
    for name in rules.tie_breaks:
        if name.startswith("section:"):
            root = table.by_code(name.split(":", 1)[1])
            key.append(-round(r.node_points[root.id], 2) if root else 0.0)
        elif name == "penalty":
            key.append(round(r.penalty, 2))
        elif name == "women":
            key.append(0.0 if not rules.women_priority or r.unit_id in women else 1.0)
        elif name == "bonus":
            key.append(-round(r.bonus, 2))
        else:
            key.append(-round(r.verified_total, 2))
    return tuple(key)


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_ranks_are_competition_ranks(scenario: Any) -> None:
    table, rules, units, scores, penalties, women = scenario
    results = [unit_result(table, u, scores, penalties, rules) for u in units]
    ranked = rank_units(table, results, rules, women)
    assert sorted(r.unit_id for r in ranked) == units
    keys = {r.unit_id: reference_key(table, r, rules, women) for r in results}
    for r in ranked:
        assert r.rank == 1 + sum(keys[u] < keys[r.unit_id] for u in units)
        assert r.shared == any(keys[u] == keys[r.unit_id] for u in units if u != r.unit_id)
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.data())
def test_raising_points_never_worsens_rank(scenario: Any, data: st.DataObject) -> None:
    table, rules, units, scores, penalties, women = scenario
    assume(table.content_leaves)
    unit = data.draw(st.sampled_from(units))
    leaf = data.draw(st.sampled_from(table.content_leaves))
    low = data.draw(st.integers(0, int(leaf.max_points * 4))) / 4
    high = data.draw(st.integers(int(low * 4), int(leaf.max_points * 4))) / 4
    others = [
        s for s in scores if (s.unit_id, s.criterion_id, s.layer) != (unit, leaf.id, leaf.layer)
    ]

    def rank_with(points: float) -> int:
        edited = [*others, Score(unit, leaf.id, leaf.layer, points=points)]
        results = [unit_result(table, u, edited, penalties, rules) for u in units]
        return next(r.rank for r in rank_units(table, results, rules, women) if r.unit_id == unit)

    assert rank_with(high) <= rank_with(low)

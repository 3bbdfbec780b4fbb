"""The incremental engine agrees with a computation from scratch after every kind of edit."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.criteria_table import CriteriaTable
from data.errors import InputError
from data.model import Criterion, Layer, NodeKind, Penalty, RuleSet, Score
from data.ranking import rank_units
from data.scoreboard import ScoreBoard
from data.scoring import unit_result
from tests.data.test_criteria_table import DEMO, demo_table, random_tables

S, V, C = Layer.SELF, Layer.VERIFIED, Layer.COUNCIL
TABLE = demo_table()
RULES = RuleSet(year=2024, tie_breaks=("section:I", "penalty", "women"))


def sc(code: str, layer: Layer = V, unit: int = 1, **fields: Any) -> Score:
    return Score(unit_id=unit, criterion_id=DEMO[code], layer=layer, **fields)


def pen(unit: int, points: float, count: int = 1) -> Penalty:
    return Penalty(
        id=0, year=2024, unit_id=unit, type_id=None, title="Trừ", points=points, count=count
    )


def board(**kwargs: Any) -> ScoreBoard:
    scores = [
        sc("4", grade="A", unit=1),  # unit 1: 10
        sc("4", grade="B", unit=2),  # unit 2: 8
        sc("5", S, points=5, unit=2),  # unit 2: + self 5 (fallback) = 13
        sc("4", grade="A", unit=9),  # not a unit of the board: ignored
    ]
    return ScoreBoard(TABLE, RULES, [1, 2, 3], scores, [pen(3, 2)], **kwargs)


def order(b: ScoreBoard) -> list[tuple[int, int]]:
    return [(r.unit_id, r.rank) for r in b.ranking()]


def test_loaded_board() -> None:
    b = board()
    assert b.unit_ids == (1, 2, 3)
    assert [b.result(u).final_total for u in (1, 2, 3)] == [10, 13, -2]
    assert b.result(2).fallback_items == 1
    assert order(b) == [(2, 1), (1, 2), (3, 3)]
    assert b.score(2, DEMO["5"], S) == sc("5", S, points=5, unit=2)
    assert b.score(2, DEMO["5"], V) is None
    assert b.penalties(3) == (pen(3, 2),)
    with pytest.raises(InputError):
        b.result(9)


def test_set_and_clear_score() -> None:
    b = board()
    first = b.ranking()
    assert b.ranking() == first  # cached, and a copy each time
    b.set_score(sc("1b", grade="A", unit=1))  # unit 1: 10 + 10 = 20
    assert b.result(1).final_total == 20
    assert order(b) == [(1, 1), (2, 2), (3, 3)]
    b.set_score(sc("1b", grade="C", unit=1))  # replaced: 10 + 6 = 16
    assert b.result(1).final_total == 16
    b.set_score(sc("5", V, points=1, unit=2))  # verified 1 replaces the self fallback: 8 + 1 = 9
    assert (b.result(2).final_total, b.result(2).fallback_items) == (9, 0)
    b.clear_score(2, DEMO["5"], V)  # back to the self score
    assert (b.result(2).final_total, b.result(2).fallback_items) == (13, 1)
    b.clear_score(2, DEMO["5"], V)  # nothing left to clear: no change, no error
    assert b.score(1, DEMO["1b"], V) == sc("1b", grade="C", unit=1)


@pytest.mark.parametrize(
    ("score", "message"),
    [
        (sc("1b", points=11), "vượt điểm tối đa"),
        (sc("I", points=1), "là nhóm"),
        (sc("1b", unit=9, points=1), "Đơn vị"),
        (Score(1, 999, V, points=1), "bảng tiêu chí"),
    ],
)
def test_refused_scores_change_nothing(score: Score, message: str) -> None:
    b = board()
    before = b.ranking()
    with pytest.raises(InputError, match=message):
        b.set_score(score)
    assert b.ranking() == before


def test_penalties_and_women() -> None:
    b = board()
    b.set_penalties(2, [pen(2, 2, count=2)])  # 13 − 4 = 9: below unit 1's 10
    assert order(b) == [(1, 1), (2, 2), (3, 3)]
    b.set_penalties(2, [])
    assert b.result(2).penalty == 0
    with pytest.raises(InputError):
        b.set_penalties(2, [pen(1, 5)])
    b.set_score(sc("5", S, points=5, unit=1))  # unit 1 also 10 + 5 (fallback) = 15
    b.set_penalties(1, [])
    b.set_score(sc("4", grade="A", unit=2))  # unit 2: 10 + 5 = 15; tie on total, section I 0 = 0
    assert order(b) == [(1, 1), (2, 1), (3, 3)]
    b.set_women([2])  # no penalties either: women priority decides
    assert order(b) == [(2, 1), (1, 2), (3, 3)]


def test_women_at_start() -> None:
    b = ScoreBoard(TABLE, RULES, [1, 2], [], [], women=[2])
    assert order(b) == [(2, 1), (1, 2)]


# --- random scenarios, shared by the engine's property tests ----------------------------------


@st.composite
def valid_score(draw: st.DrawFn, leaf: Criterion, unit: int, layer: Layer) -> Score:
    """A score that validate_score accepts for the leaf."""
    top = leaf.max_points
    points = draw(st.integers(0, int(top * 4))) / 4
    if leaf.kind is NodeKind.QUALITATIVE and draw(st.booleans()):
        return Score(unit, leaf.id, layer, grade=draw(st.sampled_from([g for g, _ in leaf.grades])))
    if leaf.kind is NodeKind.QUANTITATIVE and draw(st.booleans()):
        plan = draw(st.integers(0 if leaf.reduce else 1, 100))
        return Score(unit, leaf.id, layer, plan=plan, actual=draw(st.integers(0, 200)))
    return Score(unit, leaf.id, layer, points=points)


@st.composite
def wild_score(draw: st.DrawFn, leaf: Criterion, unit: int, layer: Layer) -> Score:
    """A stored score, valid or not (a table may have changed since it was typed)."""
    if draw(st.booleans()):
        return draw(valid_score(leaf, unit, layer))
    return Score(
        unit,
        leaf.id,
        layer,
        points=draw(st.floats(-5, leaf.max_points + 5)),
        plan=draw(st.none() | st.floats(-5, 50)),
        actual=draw(st.none() | st.floats(-5, 99)),
        grade=draw(st.none() | st.sampled_from(["A", "Z"])),
    )


@st.composite
def score_sets(
    draw: st.DrawFn, table: CriteriaTable, units: list[int], valid: bool = True
) -> list[Score]:
    """Some scores of some layers of some items of the units."""
    make = valid_score if valid else wild_score
    return [
        draw(make(leaf, unit, layer))
        for unit in units
        for leaf in table.leaves
        for layer in Layer
        if draw(st.integers(0, 2)) > 0
    ]


@st.composite
def penalty_sets(draw: st.DrawFn, units: list[int]) -> list[Penalty]:
    """0–2 penalties per unit, points written positive."""
    return [
        pen(unit, draw(st.sampled_from([2.0, 5.0, 0.5])), draw(st.integers(1, 3)))
        for unit in units
        for _ in range(draw(st.integers(0, 2)))
    ]


Scenario = tuple[CriteriaTable, RuleSet, list[int], list[Score], list[Penalty], set[int]]
TIE_BREAKS = ["section:I", "section:II", "penalty", "women", "bonus", "verified"]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    table = draw(random_tables())
    units = list(range(1, draw(st.integers(1, 6)) + 1))
    rules = RuleSet(
        year=2024,
        bonus_cap=draw(st.sampled_from([0.0, 5.0, 10.0])),
        tie_breaks=tuple(draw(st.lists(st.sampled_from(TIE_BREAKS), max_size=4, unique=True))),
        women_priority=draw(st.booleans()),
    )
    scores = draw(score_sets(table, units))
    penalties = draw(penalty_sets(units))
    women = set(draw(st.lists(st.sampled_from(units), max_size=3)))
    return table, rules, units, scores, penalties, women


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.data())
def test_edits_match_a_fresh_computation(scenario: Any, data: st.DataObject) -> None:
    table, rules, units, scores, penalties, women = scenario
    b = ScoreBoard(table, rules, units, scores, penalties, women)
    current = {(s.unit_id, s.criterion_id, s.layer): s for s in scores}
    pens = {u: [p for p in penalties if p.unit_id == u] for u in units}
    for _ in range(data.draw(st.integers(0, 12))):
        action = data.draw(st.sampled_from(["set", "set", "clear", "penalties", "women", "look"]))
        unit = data.draw(st.sampled_from(units))
        if action in ("set", "clear") and table.leaves:
            leaf = data.draw(st.sampled_from(table.leaves))
            layer = data.draw(st.sampled_from(list(Layer)))
            if action == "set":
                score = data.draw(valid_score(leaf, unit, layer))
                b.set_score(score)
                current[(unit, leaf.id, layer)] = score
            else:
                b.clear_score(unit, leaf.id, layer)
                current.pop((unit, leaf.id, layer), None)
        elif action == "penalties":
            pens[unit] = data.draw(penalty_sets([unit]))
            b.set_penalties(unit, pens[unit])
        elif action == "women":
            women = set(data.draw(st.lists(st.sampled_from(units), max_size=3)))
            b.set_women(women)
        else:
            b.ranking()  # fill the cache, so that a stale cache would show
        assert b.score(unit, table.leaves[0].id, Layer.SELF) == current.get(
            (unit, table.leaves[0].id, Layer.SELF)
        )
    fresh = [unit_result(table, u, current.values(), pens[u], rules) for u in units]
    assert b.results() == fresh
    assert b.ranking() == rank_units(table, fresh, rules, women)

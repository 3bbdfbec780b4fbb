"""Item points, excess bonus, validation and one unit's result, computed by hand."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.criteria_table import CriteriaTable
from data.errors import InputError
from data.model import Criterion, Layer, NodeKind, Penalty, RuleSet, Score
from data.scoring import excess_bonus, score_points, unit_result, validate_score
from tests.data.test_criteria_table import DEMO, demo_table, make_criterion, random_tables
from tests.data.test_scoreboard import penalty_sets, score_sets

S, V, C = Layer.SELF, Layer.VERIFIED, Layer.COUNCIL
RULES = RuleSet(year=2024)  # bonus_cap 10
TABLE = demo_table()


def node(code: str) -> Criterion:
    return TABLE.nodes[DEMO[code]]


def sc(code: str, layer: Layer = V, unit: int = 1, **fields: Any) -> Score:
    return Score(unit_id=unit, criterion_id=DEMO[code], layer=layer, **fields)


def pen(points: float, count: int = 1, unit: int = 1) -> Penalty:
    return Penalty(
        id=0, year=2024, unit_id=unit, type_id=None, title="Điểm trừ", points=points, count=count
    )


# --- score_points -----------------------------------------------------------------------------


@pytest.mark.parametrize(("grade", "points"), [("A", 10), ("B", 8), ("C", 6), ("D", 0)])
def test_qualitative_grades(grade: str, points: float) -> None:
    # 1b max 10: A 100 %, B 80 %, C 60 %, D 0 %
    assert score_points(node("1b"), sc("1b", grade=grade)) == points


def test_qualitative_without_known_grade_uses_typed_points() -> None:
    assert score_points(node("1b"), sc("1b", points=7.5)) == 7.5
    assert score_points(node("1b"), sc("1b", grade="Z", points=3)) == 3
    assert score_points(node("1b"), sc("1b")) == 0


@pytest.mark.parametrize(
    ("plan", "actual", "points"),
    [
        (100, 90, 18.0),  # 20 × 90/100
        (100, 107, 20.0),  # over plan: 20 × min(1.07, 1)
        (100, 0, 0.0),  # nothing done
        (3, 1, 6.67),  # 20 × 1/3 = 6.666… -> 6,67
        (0, 5, 20.0),  # plan 0 (refused on input): nothing was asked, so it is met
    ],
)
def test_quantitative_normal(plan: float, actual: float, points: float) -> None:
    assert score_points(node("1a"), sc("1a", plan=plan, actual=actual)) == points


@pytest.mark.parametrize(
    ("plan", "actual", "points"),
    [
        (10, 8, 5.0),  # 2b max 5, fewer overdue files than planned: full
        (10, 10, 5.0),
        (4, 5, 4.0),  # over the plan: 5 × 4/5
        (10, 20, 2.5),  # 5 × 10/20
        (10, 0, 5.0),  # actual 0 ≤ plan
        (0, 0, 5.0),  # plan 0, actual 0: met
        (0, 3, 0.0),  # plan 0, actual 3: 5 × 0/3
    ],
)
def test_quantitative_reduce(plan: float, actual: float, points: float) -> None:
    assert score_points(node("2b"), sc("2b", plan=plan, actual=actual)) == points


def test_points_are_clamped_and_rounded() -> None:
    assert score_points(node("7"), sc("7", points=12)) == 5  # max 5
    assert score_points(node("7"), sc("7", points=-3)) == 0
    assert score_points(node("7"), sc("7", points=1 / 3)) == 0.33
    assert score_points(node("1a"), sc("1a", plan=100)) == 0  # no actual, no points
    assert score_points(node("1a"), sc("1a", plan=100, points=4)) == 4


# --- excess_bonus -----------------------------------------------------------------------------


def test_excess_bonus() -> None:
    a1 = node("1a")  # max 20, rate 1.0, cap 0.10
    assert excess_bonus(a1, sc("1a", plan=100, actual=107)) == 1.4  # 20 × min(0.07, 0.10)
    assert excess_bonus(a1, sc("1a", plan=100, actual=130)) == 2.0  # 20 × min(0.30, 0.10)
    assert excess_bonus(a1, sc("1a", plan=100, actual=100)) == 0  # not over
    assert excess_bonus(a1, sc("1a", plan=100, actual=90)) == 0
    assert excess_bonus(a1, sc("1a", points=20)) == 0  # no plan/actual
    assert excess_bonus(a1, sc("1a", plan=0, actual=5)) == 0
    half = replace(a1, excess_rate=0.5)
    assert excess_bonus(half, sc("1a", plan=100, actual=110)) == 1.0  # 20 × min(0.10 × 0.5, 0.10)
    assert excess_bonus(node("2a"), sc("2a", plan=1, actual=2)) == 0  # rate 0: no bonus
    red = replace(node("2b"), excess_rate=1.0, excess_cap=0.5)  # max 5
    assert excess_bonus(red, sc("2b", plan=10, actual=8)) == 1.0  # 5 × min((10 − 8)/10, 0.5)
    assert excess_bonus(red, sc("2b", plan=10, actual=0)) == 2.5  # 5 × min(1.0, 0.5)
    assert excess_bonus(red, sc("2b", plan=10, actual=12)) == 0
    assert excess_bonus(red, sc("2b", plan=0, actual=0)) == 0


# --- validate_score ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "fields", "message"),
    [
        ("I", {"points": 1}, "“I” là nhóm, không chấm trực tiếp; hãy chấm các nội dung của nhóm."),
        ("1b", {"points": -1}, "Điểm không được âm."),
        ("1b", {"points": 12}, "Điểm 12 vượt điểm tối đa 10 của nội dung “1b”."),
        ("1b", {"points": 10.5}, "Điểm 10,5 vượt điểm tối đa 10 của nội dung “1b”."),
        ("1b", {"points": float("nan")}, "Điểm phải là một số."),
        (
            "1b",
            {"grade": "E"},
            "Mức “E” không có trong thang của nội dung “1b”; các mức được dùng: A, B, C, D.",
        ),
        ("7", {"grade": "A"}, "Nội dung “7” không chấm theo mức (A, B, C, D…)."),
        ("1a", {"plan": -1, "actual": 2}, "Kế hoạch không được âm."),
        ("1a", {"plan": 1, "actual": -2}, "Kết quả thực hiện không được âm."),
        ("1a", {"plan": 0, "actual": 2}, "Kế hoạch của nội dung “1a” phải lớn hơn 0."),
    ],
)
def test_validate_refuses(code: str, fields: dict[str, Any], message: str) -> None:
    if code == "7":
        crit = replace(node("7"), kind=NodeKind.NUMERIC, grades=())
    else:
        crit = node(code)
    with pytest.raises(InputError) as caught:
        validate_score(crit, sc(code, **fields))
    assert caught.value.message == message


def test_validate_accepts() -> None:
    validate_score(node("1b"), sc("1b", grade="C"))
    validate_score(node("1b"), sc("1b", points=10))
    validate_score(node("2b"), sc("2b", plan=0, actual=0))  # reduce: plan 0 means "none"
    validate_score(node("12"), sc("12", layer=S, points=5))
    with pytest.raises(InputError):
        validate_score(node("1b"), sc("1a", points=1))  # a score of another item


# --- unit_result ------------------------------------------------------------------------------


def demo_scores() -> list[Score]:
    return [
        sc("1a", plan=100, actual=107),  # 20, excess 20 × 0.07 = 1.4
        sc("1a", S, plan=100, actual=110),  # self 20 (its excess 2.0 is not used)
        sc("1b", grade="B"),  # 8
        sc("1b", S, grade="A"),  # self 10
        sc("2a", S, plan=10, actual=9),  # self only: 5 × 0.9 = 4.5, fallback
        sc("2b", plan=4, actual=5),  # reduce over plan: 5 × 4/5 = 4
        sc("2b", S, plan=4, actual=4),  # self 5
        sc("3a", grade="A"),  # 5
        sc("3a", S, grade="A"),  # self 5
        # 3b: nothing at all -> missing
        sc("4", grade="A"),  # 10
        sc("5", grade="B"),  # 4
        sc("6a", grade="C"),  # 3
        sc("6b", grade="A"),  # 5
        sc("7", grade="A"),  # 5
        sc("8", C, grade="A"),  # council 5
        sc("9", C, grade="B"),  # council 4
        sc("10", S, grade="A"),  # council missing -> self 5, fallback
        sc("11", V, grade="A"),  # only a verified score on a council item -> missing, 0
        sc("12", points=5),  # bonus +5
        sc("13", S, points=3),  # bonus +3 claimed, not verified: fallback
        sc("4", unit=2, grade="D"),  # another unit: ignored
        Score(unit_id=1, criterion_id=999, layer=V, points=50),  # not in the table: ignored
    ]


def test_demo_unit_result() -> None:
    penalties = [pen(2, count=2), pen(5), pen(20, unit=2)]  # 2 × 2 + 5 = 9; unit 2's ignored
    r = unit_result(TABLE, 1, demo_scores(), penalties, RULES)
    # I: 20 + 8 + 4.5 + 4 + 5 + 0 = 41.5; II: 10 + 4 + 3 + 5 + 5 = 27; III: 5 + 4 + 5 + 0 = 14
    assert r.base_total == 82.5
    assert r.self_total == 49.5  # 20 + 10 + 4.5 + 5 + 5 + 5 (item 10)
    assert r.verified_total == 69  # 20 + 8 + 4 + 5 + 10 + 4 + 3 + 5 + 5 + 5 (item 11)
    assert r.council_total == 9  # 5 + 4
    assert r.bonus == 9.4  # 5 + 3 + 1.4 excess ≤ 10
    assert r.penalty == 9
    assert r.final_total == 82.9  # 82.5 + 9.4 − 9
    assert r.fallback_items == 3  # 2a, 10 and the bonus 13
    assert r.missing_items == 2  # 3b, 11
    np = r.node_points
    assert [np[DEMO[c]] for c in ("I", "1", "2", "3", "II", "6", "III", "TH")] == [
        41.5,
        28,
        8.5,
        5,
        27,
        8,
        14,
        8,
    ]
    assert np[DEMO["2b"]] == 4
    items = {i.criterion_id: i for i in r.items}
    assert len(items) == 17
    a2 = items[DEMO["2a"]]
    assert (a2.final_points, a2.final_layer, a2.fell_back, a2.self_points) == (4.5, S, True, 4.5)
    assert a2.verified_points is None and a2.points(V) is None and a2.points(S) == 4.5
    i11 = items[DEMO["11"]]
    assert (i11.final_points, i11.final_layer, i11.missing) == (0, None, True)
    assert i11.verified_points == 5
    assert items[DEMO["1a"]].excess_bonus == 1.4 and items[DEMO["1a"]].final_layer is V
    assert items[DEMO["8"]].points(C) == 5 and not items[DEMO["8"]].fell_back
    with pytest.raises(TypeError):
        r.node_points[DEMO["I"]] = 50  # type: ignore[index]


def test_unclaimed_bonus_is_not_missing_and_empty_unit() -> None:
    r = unit_result(TABLE, 7, [], [pen(30, unit=7)], RULES)
    assert r.missing_items == 15  # content items only; 12 and 13 are not "missing"
    assert r.fallback_items == 0 and r.bonus == 0
    assert r.final_total == -30  # 0 + 0 − 30: not clamped
    assert not any(i.missing for i in r.items if i.criterion_id in (DEMO["12"], DEMO["13"]))


def test_excess_follows_the_score_used_and_bonus_cap() -> None:
    # Only a self score on 1a: the final is self's 20 and its excess 20 × min(0.10, 0.10) = 2.
    scores = [sc("1a", S, plan=100, actual=110), sc("12", points=5), sc("13", points=3)]
    r = unit_result(TABLE, 1, scores, [], RULES)
    assert r.bonus == 10  # 5 + 3 + 2 = 10 = cap
    assert r.fallback_items == 1
    capped = unit_result(TABLE, 1, scores, [], replace(RULES, bonus_cap=7))
    assert capped.bonus == 7 and capped.final_total == 27  # 20 + min(10, 7)
    # the bonus group's node points are its items uncapped: 5 + 3
    assert capped.node_points[DEMO["TH"]] == 8


def test_authoritative_self_is_not_a_fallback_and_no_float_noise() -> None:
    table = CriteriaTable(
        [make_criterion(id=1, code="I", kind=NodeKind.GROUP, max_points=1)]
        + [
            make_criterion(id=i, parent_id=1, code=f"{i}", max_points=0.5, layer=S, position=i)
            for i in (2, 3)
        ]
    )
    scores = [Score(1, 2, S, points=0.1), Score(1, 3, S, points=0.2)]
    r = unit_result(table, 1, scores, [pen(0.1, count=3)], RULES)
    assert r.fallback_items == 0 and r.base_total == 0.3 and r.node_points[1] == 0.3  # not 0.300…04
    assert r.penalty == 0.3 and r.final_total == 0  # 0.3 − 3 × 0.1


def test_later_score_of_the_same_item_and_layer_wins() -> None:
    r = unit_result(TABLE, 1, [sc("4", grade="A"), sc("4", grade="C")], [], RULES)
    assert r.node_points[DEMO["4"]] == 6


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(data=st.data(), table=random_tables(), cap=st.sampled_from([0.0, 5.0, 10.0]))
def test_result_bounds(data: st.DataObject, table: CriteriaTable, cap: float) -> None:
    rules = RuleSet(year=2024, bonus_cap=cap)
    scores = data.draw(score_sets(table, [1], valid=data.draw(st.booleans())))
    penalties = data.draw(penalty_sets([1]))
    r = unit_result(table, 1, scores, penalties, rules)
    assert r.base_total <= table.max_total + 1e-9
    assert 0 <= r.bonus <= cap
    assert r.final_total <= table.max_total + cap + 1e-9
    assert r.final_total == round(r.base_total + r.bonus - r.penalty, 2)
    for item in r.items:
        top = table.nodes[item.criterion_id].max_points
        assert 0 <= item.final_points <= top
        assert item.missing == (item.final_layer is None and not table.is_bonus(item.criterion_id))
    assert r.missing_items == sum(i.missing for i in r.items)
    assert r.fallback_items == sum(i.fell_back for i in r.items)
    for group in table.in_order:
        if not group.is_leaf:
            below = [n for n in table.leaves if group in table.ancestors(n.id)]
            same = [n for n in below if table.is_bonus(n.id) == table.is_bonus(group.id)]
            expected = round(sum(r.node_points[n.id] for n in same), 2)
            assert r.node_points[group.id] == pytest.approx(expected, abs=1e-9)


def test_the_maximum_as_shown_is_accepted() -> None:
    """A maximum of 100/150 shows as 0,67; typing 0,67 is not “over the maximum”."""
    item = make_criterion(id=1, kind=NodeKind.NUMERIC, max_points=100 / 150)
    score = Score(unit_id=1, criterion_id=1, layer=Layer.SELF, points=0.67)
    validate_score(item, score)
    assert score_points(item, score) == 0.67
    with pytest.raises(InputError, match="vượt điểm tối đa 0,67"):
        validate_score(item, Score(unit_id=1, criterion_id=1, layer=Layer.SELF, points=0.68))

"""The criteria tree and its checks; also the table factories the other engine tests share."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import strategies as st

from data.criteria_table import CriteriaTable, TableProblem, check_table
from data.errors import InputError
from data.model import DEFAULT_GRADES, Criterion, Layer, NodeKind

G, QL, QN, NUM, BON = (
    NodeKind.GROUP,
    NodeKind.QUALITATIVE,
    NodeKind.QUANTITATIVE,
    NodeKind.NUMERIC,
    NodeKind.BONUS,
)
K, H = Layer.VERIFIED, Layer.COUNCIL


def make_criterion(**overrides: Any) -> Criterion:
    """A criterion with plain defaults: a 10-point numeric root item of 2024."""
    values: dict[str, Any] = {
        "id": 1,
        "year": 2024,
        "parent_id": None,
        "position": 1,
        "code": "1",
        "title": "Nội dung",
        "kind": NUM,
        "max_points": 10.0,
    }
    values.update(overrides)
    if values["kind"] is QL and "grades" not in overrides:
        values["grades"] = DEFAULT_GRADES
    return Criterion(**values)


# The demo material's table (samples/demo-bloc.md): (id, parent, code, max, kind, layer, extra).
DEMO_ROWS: tuple[tuple[int, int | None, str, float, NodeKind, Layer, dict[str, Any]], ...] = (
    (1, None, "I", 50, G, K, {}),
    (2, 1, "1", 30, G, K, {}),
    (3, 2, "1a", 20, QN, K, {"excess_rate": 1.0, "excess_cap": 0.10}),
    (4, 2, "1b", 10, QL, K, {}),
    (5, 1, "2", 10, G, K, {}),
    (6, 5, "2a", 5, QN, K, {}),
    (7, 5, "2b", 5, QN, K, {"reduce": True}),
    (8, 1, "3", 10, G, K, {}),
    (9, 8, "3a", 5, QL, K, {}),
    (10, 8, "3b", 5, QL, K, {}),
    (11, None, "II", 30, G, K, {}),
    (12, 11, "4", 10, QL, K, {}),
    (13, 11, "5", 5, QL, K, {}),
    (14, 11, "6", 10, G, K, {}),
    (15, 14, "6a", 5, QL, K, {}),
    (16, 14, "6b", 5, QL, K, {}),
    (17, 11, "7", 5, QL, K, {}),
    (18, None, "III", 20, G, K, {}),
    (19, 18, "8", 5, QL, H, {}),
    (20, 18, "9", 5, QL, H, {}),
    (21, 18, "10", 5, QL, H, {}),
    (22, 18, "11", 5, QL, H, {}),
    (23, None, "TH", 10, G, K, {"title": "Điểm thưởng"}),
    (24, 23, "12", 5, BON, K, {"title": "Mô hình sáng tạo được tỉnh công nhận"}),
    (25, 23, "13", 3, BON, K, {"title": "Cờ thi đua, Bằng khen của cấp trên trong năm"}),
)
DEMO = {row[2]: row[0] for row in DEMO_ROWS}  # code -> id


def demo_criteria() -> list[Criterion]:
    """The 100-point demo table plus its bonus group (+5 creative model, +3 higher award)."""
    rows = [
        {"id": i, "parent_id": p, "position": i, "code": code, "title": f"Tiêu chí {code}",
         "kind": kind, "max_points": float(top), "layer": layer, **extra}
        for i, p, code, top, kind, layer, extra in DEMO_ROWS
    ]  # fmt: skip
    return [make_criterion(**row) for row in rows]


def demo_table() -> CriteriaTable:
    """The demo table as a CriteriaTable."""
    return CriteriaTable(demo_criteria())


def codes(nodes: Any) -> list[str]:
    return [n.code for n in nodes]


@st.composite
def random_tables(draw: st.DrawFn) -> CriteriaTable:
    """1–3 sections of 1–4 leaves (sometimes under a criterion group), random kinds and layers."""
    nodes: list[Criterion] = []
    next_id = 1
    for s in range(draw(st.integers(1, 3))):
        root_id, next_id = next_id, next_id + 1
        parent_id = root_id
        nested = draw(st.booleans())
        if nested:
            parent_id, next_id = next_id, next_id + 1
        leaves: list[Criterion] = []
        for j in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from([QL, QN, NUM, BON]))
            leaves.append(
                make_criterion(
                    id=next_id,
                    parent_id=parent_id,
                    position=j,
                    code=f"{s}.{j}",
                    kind=kind,
                    max_points=float(draw(st.integers(0, 20))),
                    layer=draw(st.sampled_from(list(Layer))),
                    reduce=kind is QN and draw(st.booleans()),
                    excess_rate=draw(st.sampled_from([0.0, 0.5, 1.0])) if kind is QN else 0.0,
                    excess_cap=draw(st.sampled_from([0.0, 0.1, 0.2])) if kind is QN else 0.0,
                )
            )
            next_id += 1
        content = sum(c.max_points for c in leaves if c.kind is not BON)
        top = content if any(c.kind is not BON for c in leaves) else 10.0
        code = ["I", "II", "III"][s]
        nodes.append(make_criterion(id=root_id, position=s, code=code, kind=G, max_points=top))
        if nested:
            nodes.append(
                make_criterion(id=parent_id, parent_id=root_id, code=f"{s}", kind=G, max_points=top)
            )
        nodes.extend(leaves)
    return CriteriaTable(draw(st.permutations(nodes)))


# --- structure -------------------------------------------------------------------------------


def test_demo_structure() -> None:
    table = demo_table()
    assert codes(table.roots) == ["I", "II", "III", "TH"]
    assert codes(table.children(DEMO["I"])) == ["1", "2", "3"]
    assert codes(table.leaves) == "1a 1b 2a 2b 3a 3b 4 5 6a 6b 7 8 9 10 11 12 13".split()
    assert codes(table.bonus_leaves) == ["12", "13"]
    assert len(table.content_leaves) == 15
    assert table.max_total == 100  # 50 + 30 + 20; the bonus group is outside
    assert codes(table.floor_nodes) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]
    assert table.parent(DEMO["1a"]) == table.nodes[DEMO["1"]]
    assert table.parent(DEMO["I"]) is None
    assert codes(table.ancestors(DEMO["6a"])) == ["6", "II"]
    assert [table.depth(DEMO[c]) for c in ("II", "6", "6a")] == [0, 1, 2]
    assert table.section_of(DEMO["6a"]).code == "II"
    assert table.section_of(DEMO["III"]).code == "III"
    assert table.by_code("II") == table.nodes[DEMO["II"]]
    assert table.by_code("IV") is None
    assert table.is_bonus(DEMO["TH"]) and table.is_bonus(DEMO["12"])
    assert not table.is_bonus(DEMO["I"]) and not table.is_bonus(DEMO["1a"])
    assert table.rollup_targets(DEMO["6a"]) == (DEMO["6"], DEMO["II"])


def test_children_follow_position_not_id_or_input_order() -> None:
    table = CriteriaTable(
        [
            make_criterion(id=3, parent_id=1, position=1, code="b"),
            make_criterion(id=1, kind=G, code="I", max_points=20),
            make_criterion(id=2, parent_id=1, position=2, code="a"),
        ]
    )
    assert codes(table.children(1)) == ["b", "a"]
    assert codes(table.leaves) == ["b", "a"]
    assert table.children(3) == ()


def test_bonus_detection_and_floor_nodes() -> None:
    table = CriteriaTable(
        [
            make_criterion(id=1, kind=G, code="I", max_points=10, position=1),
            make_criterion(id=2, parent_id=1, code="1", max_points=10),
            make_criterion(id=3, parent_id=1, code="t", kind=BON, max_points=2, position=2),
            make_criterion(id=4, code="II", kind=NUM, max_points=5, position=2),  # a root leaf
            make_criterion(id=5, code="TH", kind=G, max_points=5, position=3),
            make_criterion(id=6, parent_id=5, code="t1", kind=BON, max_points=5),
            make_criterion(id=7, code="E", kind=G, max_points=0, position=4),  # empty group
            make_criterion(id=8, code="R", kind=BON, max_points=1, position=5),  # a root bonus
        ]
    )
    assert not table.is_bonus(1)  # mixed group
    assert table.is_bonus(3) and table.is_bonus(5) and table.is_bonus(8)
    assert not table.is_bonus(7)  # an empty group is not bonus
    assert codes(table.floor_nodes) == ["1", "II"]
    assert table.max_total == 15  # I 10 + II 5 + empty 0
    assert table.rollup_targets(3) == ()  # a bonus item does not count in its content group
    assert codes(table.content_leaves) == ["1", "II"]


def test_unknown_parent_is_a_root() -> None:
    table = CriteriaTable([make_criterion(id=5, parent_id=99)])
    assert codes(table.roots) == ["1"] and table.depth(5) == 0


def test_duplicate_ids_and_cycles_refused() -> None:
    with pytest.raises(InputError, match="hai lần"):
        CriteriaTable([make_criterion(), make_criterion()])
    with pytest.raises(InputError, match="vòng lặp"):
        CriteriaTable(
            [
                make_criterion(id=1, parent_id=2, kind=G),
                make_criterion(id=2, parent_id=1, kind=G),
            ]
        )


# --- check_table -----------------------------------------------------------------------------


def test_clean_demo_table_has_no_problems() -> None:
    assert check_table(demo_table(), 100) == []


def _with(changes: dict[str, dict[str, Any]]) -> CriteriaTable:
    nodes = [replace(c, **changes.get(c.code, {})) for c in demo_criteria()]
    return CriteriaTable(nodes)


def test_child_over_parent_and_group_sum() -> None:
    # 1a 25 fits under 1 (30), but 1's items 25 + 10 = 35 exceed 30.
    problems = check_table(_with({"1a": {"max_points": 25}}), 100)
    assert [(p.criterion_id, p.severity) for p in problems] == [(2, "error")]
    # 1 cut to 20: I's criteria 20 + 10 + 10 = 40 < 50; 1's items 35 > 20; 1a 25 > 20.
    table = _with({"1": {"max_points": 20}, "1a": {"max_points": 25}})
    assert [(p.criterion_id, p.severity, p.message) for p in check_table(table, 100)] == [
        (
            1,
            "warning",
            "Tổng điểm tối đa các nội dung của “I” (40) thấp hơn điểm tối đa của nhóm (50).",
        ),
        (2, "error", "Tổng điểm tối đa các nội dung của “1” (35) vượt điểm tối đa của nhóm (20)."),
        (3, "error", "Điểm tối đa của “1a” (25) vượt điểm tối đa của “1” (20)."),
    ]


def test_negative_max_empty_group_and_decimal_comma() -> None:
    table = CriteriaTable(
        [
            make_criterion(id=1, kind=G, code="I", max_points=12.5),
            make_criterion(id=2, parent_id=1, code="1", max_points=-1),
            make_criterion(id=3, kind=G, code="II", max_points=1000, position=2),
        ]
    )
    assert [(p.criterion_id, p.severity, p.message) for p in check_table(table, 1012.5)] == [
        (
            1,
            "warning",
            "Tổng điểm tối đa các nội dung của “I” (-1) thấp hơn điểm tối đa của nhóm (12,5).",
        ),
        (2, "error", "Điểm tối đa của “1” (-1) không được âm."),
        (3, "warning", "Nhóm “II” chưa có nội dung chấm."),
    ]


def test_qualitative_and_quantitative_settings() -> None:
    table = _with(
        {
            "1b": {"grades": ()},
            "3a": {"grades": (("A", 1.2), ("B", -0.1), ("C", 0.5), ("C", 0.4))},
            "1a": {"excess_rate": -1.0, "excess_cap": 1.5},
            "2a": {"excess_cap": -0.1},
        }
    )
    found = [(p.criterion_id, p.message) for p in check_table(table, 100)]
    assert found == [
        (3, "Tỉ lệ thưởng vượt kế hoạch của “1a” không được âm."),
        (3, "Mức thưởng vượt kế hoạch tối đa của “1a” (1,5) phải trong khoảng 0 – 1."),
        (4, "Nội dung định tính “1b” chưa có thang mức (A, B, C, D…)."),
        (6, "Mức thưởng vượt kế hoạch tối đa của “2a” (-0,1) phải trong khoảng 0 – 1."),
        (9, "Mức “A” của “3a” có tỉ lệ 1,2, phải trong khoảng 0 – 1."),
        (9, "Mức “B” của “3a” có tỉ lệ -0,1, phải trong khoảng 0 – 1."),
        (9, "Mức “C” của “3a” bị lặp lại."),
    ]
    assert {p.severity for p in check_table(table, 100)} == {"error"}


def test_table_total_differs_from_rules() -> None:
    table = _with({"III": {"max_points": 15}, "11": {"max_points": 0}})
    assert check_table(table, 100) == [
        TableProblem(None, "warning", "Tổng điểm tối đa của bảng là 95, khác 100 theo quy chế.")
    ]
    thousand = check_table(demo_table(), 1000)
    assert thousand[-1].message == "Tổng điểm tối đa của bảng là 100, khác 1.000 theo quy chế."


def test_bonus_group_not_sum_checked_and_leaf_with_children() -> None:
    table = _with({"12": {"max_points": 8}, "13": {"max_points": 7}})  # 15 > 10: allowed
    assert check_table(table, 100) == []
    odd = CriteriaTable(
        [make_criterion(id=1, code="1"), make_criterion(id=2, parent_id=1, code="1a", max_points=5)]
    )
    assert [p.message for p in check_table(odd, 10)] == [
        "“1” là nội dung chấm nhưng có nội dung con; hãy đổi thành nhóm."
    ]

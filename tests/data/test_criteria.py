"""data/criteria.py: the year's criteria tree, copying, moving and deleting it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from data import criteria, penalty_catalogue, scores, years
from data.db import Database
from data.errors import InputError
from data.model import DEFAULT_GRADES, Criterion, Layer, NodeKind, Unit
from data.snapshots import restore

G, QL, QN, NUM, BON = (NodeKind.GROUP, NodeKind.QUALITATIVE, NodeKind.QUANTITATIVE,
                       NodeKind.NUMERIC, NodeKind.BONUS)


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def build(db: Database, year: int = 2025) -> dict[str, Criterion]:
    """I (50) > 1 (30) > 1a qualitative 20, 1b quantitative 10; I > 2 numeric 20; II bonus 5."""
    nodes: dict[str, Criterion] = {}
    nodes["I"] = criteria.add_criterion(db, year, None, "NHIỆM VỤ CHUYÊN MÔN", max_points=50,
                                        code="I")
    nodes["1"] = criteria.add_criterion(db, year, nodes["I"].id, "Chỉ tiêu được giao",
                                        max_points=30, code="1")
    nodes["1a"] = criteria.add_criterion(db, year, nodes["1"].id, "Nhiệm vụ đột xuất", kind=QL,
                                         max_points=20, code="1a", layer=Layer.COUNCIL,
                                         grades=(("Tốt", 1.0), ("Khá", 0.5)))
    nodes["1b"] = criteria.add_criterion(db, year, nodes["1"].id, "Chỉ tiêu chủ yếu", kind=QN,
                                         max_points="10", code="1b", reduce=True,
                                         excess_rate=1.0, excess_cap=0.1,
                                         guidance="Giảm: kế hoạch / thực hiện.")
    nodes["2"] = criteria.add_criterion(db, year, nodes["I"].id, "Cải cách hành chính", kind=NUM,
                                        max_points=20, code="2")
    nodes["II"] = criteria.add_criterion(db, year, None, "ĐIỂM THƯỞNG", kind=BON, max_points=5,
                                         code="II", layer=Layer.SELF)
    return nodes


def shape(nodes: list[Criterion]) -> list[tuple[object, ...]]:
    """What a copy must keep, with parents named by code."""
    code = {n.id: n.code for n in nodes}
    return [(n.code, code.get(n.parent_id) if n.parent_id else None, n.position, n.title, n.kind,
             n.max_points, n.layer, n.reduce, n.grades, n.excess_rate, n.excess_cap, n.guidance)
            for n in nodes]


def test_build_a_tree(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    table = criteria.criteria(empty_bloc, 2025)
    assert [n.code for n in table] == ["I", "1", "1a", "1b", "2", "II"]
    assert table == [criteria.get_criterion(empty_bloc, n.id) for n in table]
    assert nodes["1a"] == Criterion(
        id=nodes["1a"].id, year=2025, parent_id=nodes["1"].id, position=1, code="1a",
        title="Nhiệm vụ đột xuất", kind=QL, max_points=20.0, layer=Layer.COUNCIL,
        grades=(("Tốt", 1.0), ("Khá", 0.5)))
    assert nodes["1b"].max_points == 10.0 and nodes["1b"].reduce
    assert (nodes["1b"].excess_rate, nodes["1b"].excess_cap) == (1.0, 0.1)
    assert nodes["1b"].guidance == "Giảm: kế hoạch / thực hiện."
    assert [nodes[c].position for c in ("I", "1", "2", "II")] == [1, 1, 2, 2]
    assert criteria.criteria(empty_bloc, 2026) == []


def test_a_qualitative_item_gets_the_default_grades(empty_bloc: Database) -> None:
    node = criteria.add_criterion(empty_bloc, 2025, None, "  Văn hóa  công sở ", kind=QL,
                                  max_points=5)
    assert node.grades == DEFAULT_GRADES
    assert node.title == "Văn hóa công sở"


def test_insert_at_a_position(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    first = criteria.add_criterion(empty_bloc, 2025, nodes["I"].id, "Mục chèn đầu", kind=NUM,
                                   max_points=5, code="0", position=1)
    assert first.position == 1
    assert [n.code for n in criteria.criteria(empty_bloc, 2025)] == [
        "I", "0", "1", "1a", "1b", "2", "II"]


@pytest.mark.parametrize("max_points", ["7,5", "7.5", 7.5, " 7,50 "])
def test_max_points_as_text(empty_bloc: Database, max_points: object) -> None:
    node = criteria.add_criterion(empty_bloc, 2025, None, "Nội dung", kind=NUM,
                                  max_points=max_points)  # type: ignore[arg-type]
    assert node.max_points == 7.5


@pytest.mark.parametrize(
    ("parent", "fields", "message"),
    [
        ("1", {"max_points": 31, "code": "1c"},
         "Điểm tối đa của “1c” (31) vượt điểm tối đa của “1” (30)"),
        ("1", {"max_points": "30,5", "code": "1c"},
         "Điểm tối đa của “1c” (30,5) vượt điểm tối đa của “1” (30)"),
        ("1a", {"max_points": 5, "code": "x"},
         "“1a” là nội dung chấm điểm, không chứa được mục con; hãy đổi nó thành nhóm trước"),
        ("II", {"max_points": 1},
         "“II” là nội dung chấm điểm, không chứa được mục con"),
        (None, {"max_points": "abc"}, "Điểm tối đa: “abc” không phải là số"),
        (None, {"max_points": ""}, "Điểm tối đa: Chưa nhập số"),
        (None, {"max_points": -1, "code": "Z"}, "Điểm tối đa của “Z” không được âm"),
        (None, {"max_points": 5, "title": "  "}, "Tên tiêu chí không được để trống"),
        (None, {"max_points": 5, "code": "Q", "kind": QL, "grades": (("A", 1.5),)},
         "Mức “A” của “Q” phải có tỷ lệ từ 0 đến 100 %"),
        (None, {"max_points": 5, "code": "Q", "kind": QN, "excess_cap": 2},
         "Mức thưởng vượt kế hoạch của “Q” không hợp lệ"),
        (None, {"max_points": 5, "kind": "weird"}, "'weird' is not a valid NodeKind"),
    ],
)
def test_add_refusals(empty_bloc: Database, parent: str | None, fields: dict[str, object],
                      message: str) -> None:
    nodes = build(empty_bloc)
    before = dump(empty_bloc)
    args: dict[str, object] = {"title": "Mục mới", "kind": NUM, **fields}
    with pytest.raises((InputError, ValueError), match=re.escape(message)):
        criteria.add_criterion(empty_bloc, 2025, nodes[parent].id if parent else None,
                               **args)  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_add_to_unknown_parent_or_year(empty_bloc: Database) -> None:
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Không có tiêu chí mã số 404"):
        criteria.add_criterion(empty_bloc, 2025, 404, "Mục", kind=NUM, max_points=1)
    with pytest.raises(InputError, match="các năm đã có: 2025"):
        criteria.add_criterion(empty_bloc, 2030, None, "Mục", kind=NUM, max_points=1)
    assert dump(empty_bloc) == before


def test_a_parent_of_another_year_is_refused(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    years.add_year(empty_bloc, 2026)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Tiêu chí cha thuộc một năm khác"):
        criteria.add_criterion(empty_bloc, 2026, nodes["I"].id, "Mục", kind=NUM, max_points=1)
    assert dump(empty_bloc) == before


def test_update_criterion(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    edited = replace(nodes["2"], title="Cải cách hành chính, chuyển đổi số", max_points="15,5",
                     layer=Layer.VERIFIED, code="2", year=1999, parent_id=None)  # type: ignore[arg-type]
    saved = criteria.update_criterion(empty_bloc, edited)
    assert saved == replace(nodes["2"], title="Cải cách hành chính, chuyển đổi số",
                            max_points=15.5, layer=Layer.VERIFIED)  # year and parent are kept
    assert criteria.get_criterion(empty_bloc, nodes["2"].id) == saved
    grown = criteria.update_criterion(empty_bloc, replace(nodes["1"], max_points=40))
    assert grown.max_points == 40


@pytest.mark.parametrize(
    ("code", "changes", "message"),
    [
        ("1", {"max_points": 15},
         "Điểm tối đa của “1a” (20) sẽ vượt điểm tối đa mới của “1” (15)"),
        ("I", {"max_points": 25},
         "Điểm tối đa của “1” (30) sẽ vượt điểm tối đa mới của “I” (25)"),
        ("1", {"kind": NUM}, "“1” có mục con nên phải là nhóm"),
        ("1a", {"max_points": 31}, "Điểm tối đa của “1a” (31) vượt điểm tối đa của “1” (30)"),
        ("1a", {"max_points": "abc"}, "Điểm tối đa: “abc” không phải là số"),
        ("1a", {"kind": G}, "“1a” đã có 1 điểm chấm; không đổi thành nhóm được"),
    ],
)
def test_update_refusals(empty_bloc: Database, make_unit: Callable[..., Unit], code: str,
                         changes: dict[str, object], message: str) -> None:
    nodes = build(empty_bloc)
    scores.set_score(empty_bloc, 2025, make_unit().id, nodes["1a"].id, Layer.COUNCIL,
                     grade="Khá")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        criteria.update_criterion(empty_bloc, replace(nodes[code], **changes))  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_an_unscored_leaf_may_become_a_group(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    group = criteria.update_criterion(empty_bloc, replace(nodes["2"], kind=G))
    assert group.kind is G
    child = criteria.add_criterion(empty_bloc, 2025, group.id, "2a", kind=NUM, max_points=20)
    assert child.parent_id == group.id


def test_move_up_and_down(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    extra = criteria.add_criterion(empty_bloc, 2025, nodes["I"].id, "Mục ba", kind=NUM,
                                   max_points=5, code="3")

    def order() -> list[str]:
        return [n.code for n in criteria.criteria(empty_bloc, 2025)
                if n.parent_id == nodes["I"].id]

    assert order() == ["1", "2", "3"]
    assert criteria.move_criterion(empty_bloc, extra.id, -1).position == 2
    assert order() == ["1", "3", "2"]
    criteria.move_criterion(empty_bloc, extra.id, -1)
    assert order() == ["3", "1", "2"]
    assert criteria.move_criterion(empty_bloc, extra.id, -1).position == 1  # already first
    assert order() == ["3", "1", "2"]
    criteria.move_criterion(empty_bloc, nodes["1"].id, +1)
    assert order() == ["3", "2", "1"]
    criteria.move_criterion(empty_bloc, nodes["1"].id, +1)  # already last
    assert order() == ["3", "2", "1"]
    assert [n.code for n in criteria.criteria(empty_bloc, 2025)] == [
        "I", "3", "2", "1", "1a", "1b", "II"]  # children travel with their parent


def test_delete_cascades_to_children_and_their_scores(empty_bloc: Database,
                                                      make_unit: Callable[..., Unit]) -> None:
    nodes = build(empty_bloc)
    unit = make_unit()
    scores.set_score(empty_bloc, 2025, unit.id, nodes["1a"].id, Layer.COUNCIL, grade="Tốt")
    scores.set_score(empty_bloc, 2025, unit.id, nodes["1b"].id, Layer.SELF, plan=5, actual=4)
    scores.set_score(empty_bloc, 2025, unit.id, nodes["2"].id, Layer.SELF, points=18)
    criteria.delete_criterion(empty_bloc, nodes["1"].id)
    assert [n.code for n in criteria.criteria(empty_bloc, 2025)] == ["I", "2", "II"]
    assert [(s.criterion_id, s.points) for s in scores.scores(empty_bloc, 2025)] == [
        (nodes["2"].id, 18.0)]
    with pytest.raises(InputError, match=f"Không có tiêu chí mã số {nodes['1a'].id}"):
        criteria.get_criterion(empty_bloc, nodes["1a"].id)


def test_copy_table(bloc: Database) -> None:
    assert shape(criteria.criteria(bloc, 2020)) == shape(criteria.criteria(bloc, 2019))
    years.add_year(bloc, 2021)
    copied = criteria.copy_table(bloc, 2019, 2021)
    source = criteria.criteria(bloc, 2019)
    assert len(copied) == len(source) == 25
    assert shape(copied) == shape(source)
    assert {n.year for n in copied} == {2021}
    assert not {n.id for n in copied} & {n.id for n in source}
    ids = {n.id for n in copied}
    assert all(n.parent_id is None or n.parent_id in ids for n in copied)

    def catalogue(year: int) -> list[tuple[str, str, float, str]]:
        return [(p.code, p.title, p.points, p.source)
                for p in penalty_catalogue.penalty_types(bloc, year)]

    assert catalogue(2021) == catalogue(2019)
    assert len(catalogue(2021)) == 7


def test_copy_into_a_year_with_a_table_is_refused(bloc: Database) -> None:
    before = dump(bloc)
    with pytest.raises(InputError, match="Năm 2020 đã có bảng tiêu chí; hãy xóa bảng đó trước"):
        criteria.copy_table(bloc, 2019, 2020)
    with pytest.raises(InputError, match="các năm đã có: 2019, 2020"):
        criteria.copy_table(bloc, 2019, 2022)
    assert dump(bloc) == before


# --- What undo needs: snapshots, positions, whole tables, catalogue edits ---------------------
def test_take_subtree_and_restore_after_delete(bloc: Database) -> None:
    table = criteria.criteria(bloc, 2019)
    one = next(n for n in table if n.code == "1")
    below = {n.id for n in table if n.code in ("1", "1a", "1b")}
    taken = criteria.take_subtree(bloc, one.id)
    assert [r["code"] for r in taken.tables[0][1]] == ["1", "1a", "1b"]  # parents first
    marks = scores.scores(bloc, 2019)
    assert taken.count("scores") == len([s for s in marks if s.criterion_id in below]) == 32
    criteria.delete_criterion(bloc, one.id)
    assert not below & {n.id for n in criteria.criteria(bloc, 2019)}
    restore(bloc, taken)
    assert criteria.criteria(bloc, 2019) == table
    assert sorted(scores.scores(bloc, 2019), key=repr) == sorted(marks, key=repr)


def test_take_subtree_of_unknown_node(bloc: Database) -> None:
    with pytest.raises(InputError, match="Không có tiêu chí mã số 999"):
        criteria.take_subtree(bloc, 999)


def test_take_and_delete_a_whole_table(bloc: Database) -> None:
    taken = criteria.take_table(bloc, 2019)
    assert taken.count("criteria") == 25 and taken.count("penalty_types") == 7
    assert taken.count("scores") == len(scores.scores(bloc, 2019))
    used = [p for p in scores.penalties(bloc, 2019) if p.type_id is not None]
    assert used
    criteria.delete_table(bloc, 2019)
    assert criteria.criteria(bloc, 2019) == [] and penalty_catalogue.penalty_types(bloc, 2019) == []
    assert scores.scores(bloc, 2019) == []
    assert all(p.type_id is None for p in scores.penalties(bloc, 2019))  # kept, unlinked
    assert len(criteria.criteria(bloc, 2020)) == 25  # other years untouched
    restore(bloc, taken)
    assert len(criteria.criteria(bloc, 2019)) == 25 and len(scores.scores(bloc, 2019)) == 250


def test_delete_table_keeps_other_catalogue_entries(bloc: Database) -> None:
    years.add_year(bloc, 2021)
    own = penalty_catalogue.add_penalty_type(bloc, 2021, "Vắng họp", 2)
    criteria.copy_table(bloc, 2019, 2021)
    copied = [p.id for p in penalty_catalogue.penalty_types(bloc, 2021) if p.id != own.id]
    assert len(copied) == 7
    assert criteria.take_table(bloc, 2021, copied).count("penalty_types") == 7
    criteria.delete_table(bloc, 2021, copied)
    assert criteria.criteria(bloc, 2021) == []
    assert penalty_catalogue.penalty_types(bloc, 2021) == [own]
    criteria.delete_table(bloc, 2021, [])
    assert penalty_catalogue.penalty_types(bloc, 2021) == [own]


def test_sibling_positions_put_an_order_back(empty_bloc: Database) -> None:
    nodes = build(empty_bloc)
    before = criteria.sibling_positions(empty_bloc, nodes["2"].id)
    assert before == {nodes["1"].id: 1, nodes["2"].id: 2}
    criteria.move_criterion(empty_bloc, nodes["2"].id, -1)
    assert criteria.sibling_positions(empty_bloc, nodes["2"].id) == {nodes["1"].id: 2,
                                                                     nodes["2"].id: 1}
    criteria.set_positions(empty_bloc, before)
    assert [n.code for n in criteria.criteria(empty_bloc, 2025)] == [
        "I", "1", "1a", "1b", "2", "II"]

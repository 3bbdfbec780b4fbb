"""The content of a unit's self-scoring workbook: bloc, unit, year, the table in order with the
unit's self-scores, and a fingerprint that changes with what scores depend on, and only that."""

from __future__ import annotations

from dataclasses import replace

import pytest

from data.criteria import add_criterion, criteria, move_criterion, update_criterion
from data.db import Database
from data.errors import InputError
from data.imports.self_score_form import FormRow, form_content, table_fingerprint
from data.model import NodeKind
from data.units import add_unit
from tests.printing.bad_selfscore import YEAR, unit_id


def test_the_form_holds_the_bloc_the_unit_and_every_node(bloc: Database) -> None:
    form = form_content(bloc, YEAR, unit_id(bloc, "Sở Tư pháp"))
    created = bloc.conn.execute("SELECT created_at FROM bloc").fetchone()[0]
    assert (form.bloc, form.bloc_created, form.council, form.year, form.unit_name) == (
        "Khối thi đua các cơ quan nội chính tỉnh", created,
        "Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh", 2019, "Sở Tư pháp")
    assert form.version == 1 and len(form.fingerprint) == 16
    nodes = criteria(bloc, YEAR)
    assert [r.criterion_id for r in form.rows] == [n.id for n in nodes]  # table order
    assert [r.code for r in form.rows][:5] == ["I", "1", "1a", "1b", "2"]
    by_code = {r.code: r for r in form.rows}
    assert by_code["I"] == FormRow(
        nodes[0].id, "I", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN", NodeKind.GROUP, 50.0, "",
        0, False)
    assert by_code["1a"].depth == 2 and by_code["1a"].is_input
    assert (by_code["1a"].plan, by_code["1a"].actual, by_code["1a"].points) == (100, 100, 20)
    assert by_code["1a"].guidance.startswith("Vượt kế hoạch")
    assert by_code["2b"].reduce and by_code["2b"].kind is NodeKind.QUANTITATIVE
    assert (by_code["6b"].grade, by_code["6b"].points) == ("B", 4.0)
    assert by_code["6b"].grades == (("A", 1.0), ("B", 0.8), ("C", 0.6), ("D", 0.0))
    assert by_code["T1"].kind is NodeKind.BONUS and by_code["T1"].points is None  # no bonus
    assert sum(r.is_input for r in form.rows) == 17


def test_every_unit_shares_the_year_fingerprint(bloc: Database) -> None:
    one = form_content(bloc, YEAR, unit_id(bloc, "Sở Tư pháp"))
    other = form_content(bloc, YEAR, unit_id(bloc, "Công an tỉnh"))
    assert one.fingerprint == other.fingerprint == table_fingerprint(criteria(bloc, YEAR))


def test_the_fingerprint_follows_what_scores_depend_on(bloc: Database) -> None:
    first = table_fingerprint(criteria(bloc, YEAR))
    node = next(n for n in criteria(bloc, YEAR) if n.code == "1b")
    update_criterion(bloc, replace(node, title="Nhiệm vụ đột xuất", guidance="Xem quy chế"))
    move_criterion(bloc, node.id, -1)
    assert table_fingerprint(criteria(bloc, YEAR)) == first  # words and order: same workbook
    for change in ({"max_points": 8.0}, {"grades": (("A", 1.0), ("B", 0.5))},
                   {"code": "1c"}):
        update_criterion(bloc, replace(node, **change))  # type: ignore[arg-type]
        assert table_fingerprint(criteria(bloc, YEAR)) != first
        update_criterion(bloc, node)
        assert table_fingerprint(criteria(bloc, YEAR)) == first
    add_criterion(bloc, YEAR, node.parent_id, "Mới", kind=NodeKind.NUMERIC, max_points=1)
    assert table_fingerprint(criteria(bloc, YEAR)) != first


def test_a_unit_that_is_not_a_member_gets_no_form(bloc: Database) -> None:
    unit = add_unit(bloc, "Sở Y tế")
    with pytest.raises(InputError, match="“Sở Y tế” không là thành viên khối năm 2019"):
        form_content(bloc, YEAR, unit.id)


def test_a_year_without_a_table_gets_no_form(empty_bloc: Database) -> None:
    unit = add_unit(empty_bloc, "Sở Y tế", year=2025)
    with pytest.raises(InputError, match="Năm 2025 chưa có bảng tiêu chí"):
        form_content(empty_bloc, 2025, unit.id)

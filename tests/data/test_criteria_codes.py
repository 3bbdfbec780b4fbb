"""data/criteria_codes.py: codes suggested for new nodes."""

from __future__ import annotations

import pytest

from data import criteria
from data.criteria_codes import suggest_code
from data.db import Database
from data.model import Criterion, NodeKind


@pytest.mark.parametrize(
    ("codes", "parent", "expected"),
    [([], None, "I"), (["I", "II", "III"], None, "IV"), (["VIII"], None, "IX"),
     (["IX"], None, "X"), (["A"], None, "B"), (["1", "2", "3"], "I", "4"), (["1a"], "1", "1b"),
     (["T1", "T2"], "IV", "T3"), (["10"], "III", "11"), (["?"], None, "")],
)
def test_suggest_code_after_siblings(codes: list[str], parent: str | None,
                                     expected: str) -> None:
    parents = {"I": 100, "1": 101, "IV": 102, "III": 103}
    nodes = [Criterion(id=100 + i, year=2025, parent_id=parents.get(parent) if parent else None,
                       position=i, code=code, title=code, kind=NodeKind.NUMERIC, max_points=1)
             for i, code in enumerate(codes, start=10)]
    assert suggest_code(nodes, parents.get(parent) if parent else None) == expected


def test_suggest_code_for_a_first_child(bloc: Database) -> None:
    table = criteria.criteria(bloc, 2019)
    code = {n.code: n.id for n in table}
    assert suggest_code(table, code["IV"]) == "T3"
    assert suggest_code(table, code["7"]) == "7a"  # a leaf that will become a group
    empty_section = Criterion(id=900, year=2019, parent_id=None, position=9, code="V",
                              title="Phần mới", kind=NodeKind.GROUP, max_points=0)
    assert suggest_code([*table, empty_section], 900) == "12"  # numbered through
    assert suggest_code([empty_section], 900) == "1"

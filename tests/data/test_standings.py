"""data/standings.py: the year's ranking joined with the units."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from data import criteria, rules, scores, units
from data.db import Database
from data.errors import InputError
from data.model import Layer, NodeKind, Unit
from data.standings import standings

# Worked by hand from data/demo_data.py (verified layer, council layer for section III, the
# self-score where a cell is not verified, bonus capped at 10):
#   Cục THADS 100 + T1 5 + T2 3 + 1a excess 1,6 = 109,6
#   Công an 99 (6a B) + bonus capped at 10 = 109
#   Tòa án 99 (5 B) + T1 5 + excess 1 = 105, section I 50: before Sở Nội vụ
#   Sở Nội vụ 99 (3b B) + self T1 5 (not verified) + excess 1 = 105, section I 49
DEMO_2019 = [
    (1, "Cục Thi hành án dân sự tỉnh", 109.6, "Xuất sắc"),
    (2, "Công an tỉnh", 109.0, "Xuất sắc"),
    (3, "Tòa án nhân dân tỉnh", 105.0, "Tốt"),  # item 5 at 80 % < the 85 % floor
    (4, "Sở Nội vụ", 105.0, "Xuất sắc"),
    (5, "Viện Kiểm sát nhân dân tỉnh", 103.69, "Xuất sắc"),
    (6, "Bộ Chỉ huy Quân sự tỉnh", 100.6, "Xuất sắc"),
    (7, "Sở Tư pháp", 93.32, "Tốt"),
    (8, "Thanh tra tỉnh", 91.17, "Tốt"),
]


def test_the_demo_2019_order(bloc: Database) -> None:
    got = [(s.rank, s.unit.name, round(s.ranked.result.final_total, 2), s.band)
           for s in standings(bloc, 2019)]
    assert got == DEMO_2019
    assert not any(s.ranked.shared for s in standings(bloc, 2019))


def test_standings_carry_the_unit_records(bloc: Database) -> None:
    for standing in standings(bloc, 2019):
        assert standing.unit == units.get_unit(bloc, standing.unit.id)
        assert standing.ranked.unit_id == standing.unit.id


def test_unknown_year(bloc: Database) -> None:
    with pytest.raises(InputError, match="các năm đã có: 2019, 2020"):
        standings(bloc, 2018)


@pytest.fixture
def item(empty_bloc: Database) -> int:
    section = criteria.add_criterion(empty_bloc, 2025, None, "Nhiệm vụ", max_points=100,
                                     code="I")
    return criteria.add_criterion(empty_bloc, 2025, section.id, "Kết quả", kind=NodeKind.NUMERIC,
                                  max_points=100, code="1").id


def test_equal_units_share_a_rank(empty_bloc: Database, make_unit: Callable[..., Unit],
                                  item: int) -> None:
    a, b, c, d = (make_unit(name=n) for n in ("Ban Tổ chức", "Ban Tuyên giáo", "Văn phòng",
                                                "Ủy ban Kiểm tra"))
    for unit, points in ((a, 90), (b, 95), (c, 90), (d, 80)):
        scores.set_score(empty_bloc, 2025, unit.id, item, Layer.VERIFIED, points=points)
    got = [(s.unit.name, s.rank, s.ranked.shared, s.band) for s in standings(empty_bloc, 2025)]
    assert got == [
        ("Ban Tuyên giáo", 1, False, "Xuất sắc"),
        ("Ban Tổ chức", 2, True, "Xuất sắc"),
        ("Văn phòng", 2, True, "Xuất sắc"),
        ("Ủy ban Kiểm tra", 4, False, "Tốt"),
    ]


def test_a_tie_break_separates_equal_totals(empty_bloc: Database,
                                            make_unit: Callable[..., Unit], item: int) -> None:
    a, b = make_unit(name="Ban Tổ chức"), make_unit(name="Văn phòng")
    for unit in (a, b):
        scores.set_score(empty_bloc, 2025, unit.id, item, Layer.VERIFIED, points=95)
    scores.add_penalty(empty_bloc, 2025, a.id, title="Báo cáo chậm", points=0)
    assert [(s.unit.name, s.rank) for s in standings(empty_bloc, 2025)] == [
        ("Ban Tổ chức", 1), ("Văn phòng", 1)]  # a penalty of 0 points changes nothing
    women = units.get_membership(empty_bloc, 2025, b.id)
    units.save_membership(empty_bloc, replace(women, women_70=True))
    assert [(s.unit.name, s.rank, s.ranked.shared) for s in standings(empty_bloc, 2025)] == [
        ("Văn phòng", 1, False), ("Ban Tổ chức", 2, False)]
    no_priority = replace(rules.load_rules(empty_bloc, 2025), women_priority=False)
    rules.save_rules(empty_bloc, no_priority)
    assert [(s.unit.name, s.rank, s.ranked.shared) for s in standings(empty_bloc, 2025)] == [
        ("Ban Tổ chức", 1, True), ("Văn phòng", 1, True)]

"""data/years.py: the bloc's years, their status and each year's head and deputies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from data import rules, units, years
from data.db import Database
from data.errors import InputError
from data.model import Officers, RuleSet, Unit, Year, YearStatus


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def ids(db: Database, *names: str) -> list[int]:
    found = [units.find_unit(db, name) for name in names]
    assert all(found), names
    return [u.id for u in found if u is not None]


def test_add_year(empty_bloc: Database) -> None:
    assert years.add_year(empty_bloc, 2026, YearStatus.PLEDGE) == Year(2026, YearStatus.PLEDGE)
    assert years.add_year(empty_bloc, 2024) == Year(2024, YearStatus.REGISTRATION)
    assert years.all_years(empty_bloc) == [Year(2024, YearStatus.REGISTRATION),
                                           Year(2025, YearStatus.REGISTRATION),
                                           Year(2026, YearStatus.PLEDGE)]
    assert years.require_year(empty_bloc, 2026) == Year(2026, YearStatus.PLEDGE)
    assert rules.load_rules(empty_bloc, 2026) == replace(rules.load_rules(empty_bloc, 2025),
                                                         year=2026)
    assert rules.load_rules(empty_bloc, 2026).quorum_share == RuleSet(year=2026).quorum_share


def test_duplicate_year_is_refused(empty_bloc: Database) -> None:
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Năm 2025 đã có trong tệp khối"):
        years.add_year(empty_bloc, 2025, YearStatus.CLOSED)
    assert dump(empty_bloc) == before


@pytest.mark.parametrize("year", [1944, 2201, 0, -2025, "2026", 2026.0, None])
def test_out_of_range_year_is_refused(empty_bloc: Database, year: object) -> None:
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(f"Năm “{year}” không hợp lệ")):
        years.add_year(empty_bloc, year)  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_limits_are_accepted(empty_bloc: Database) -> None:
    years.add_year(empty_bloc, 1945)
    years.add_year(empty_bloc, 2200)
    assert [y.year for y in years.all_years(empty_bloc)] == [1945, 2025, 2200]


def test_status(empty_bloc: Database) -> None:
    assert years.set_status(empty_bloc, 2025, YearStatus.SCORING) == Year(2025, YearStatus.SCORING)
    assert years.require_year(empty_bloc, 2025).status is YearStatus.SCORING
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape("Năm 2030 chưa có trong tệp khối "
                                                   "(các năm đã có: 2025)")):
        years.set_status(empty_bloc, 2030, YearStatus.CLOSED)
    assert dump(empty_bloc) == before


def test_require_year_refuses_a_non_year(empty_bloc: Database) -> None:
    with pytest.raises(InputError, match="“True” không phải là một năm"):
        years.require_year(empty_bloc, True)
    with pytest.raises(InputError, match="“2025” không phải là một năm"):
        years.require_year(empty_bloc, "2025")  # type: ignore[arg-type]


def test_demo_statuses_and_officers(bloc: Database) -> None:
    assert years.all_years(bloc) == [Year(2019, YearStatus.MEETING), Year(2020, YearStatus.PLEDGE)]
    head, deputy = ids(bloc, "Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh")
    assert years.officers(bloc, 2019) == Officers(2019, head, (deputy,))
    head, deputy = ids(bloc, "Sở Nội vụ", "Công an tỉnh")
    assert years.officers(bloc, 2020) == Officers(2020, head, (deputy,))


def test_head_and_two_deputies(make_unit: Callable[..., Unit], empty_bloc: Database) -> None:
    a, b, c = (make_unit().id for _ in range(3))
    assert years.set_officers(empty_bloc, 2025, a, (c, b)) == Officers(2025, a, (c, b))
    assert years.officers(empty_bloc, 2025) == Officers(2025, a, (c, b))
    assert years.set_officers(empty_bloc, 2025, b) == Officers(2025, b, ())  # replaced
    assert years.set_officers(empty_bloc, 2025, None, (a,)) == Officers(2025, None, (a,))
    assert years.officers(empty_bloc, 2025) == Officers(2025, None, (a,))


def test_officer_refusals(make_unit: Callable[..., Unit], empty_bloc: Database) -> None:
    a, b, c, d = (make_unit().id for _ in range(4))
    outsider = units.add_unit(empty_bloc, "Sở Tài chính").id
    years.set_officers(empty_bloc, 2025, a, (b,))
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Khối chỉ có tối đa 2 Phó khối"):
        years.set_officers(empty_bloc, 2025, a, (b, c, d))
    with pytest.raises(InputError, match="Một đơn vị không thể giữ hai chức vụ"):
        years.set_officers(empty_bloc, 2025, a, (a, b))
    with pytest.raises(InputError, match="Một đơn vị không thể giữ hai chức vụ"):
        years.set_officers(empty_bloc, 2025, a, (c, c))
    with pytest.raises(InputError,
                       match=f"Đơn vị mã số {outsider} không là thành viên khối năm 2025"):
        years.set_officers(empty_bloc, 2025, outsider, (b,))
    with pytest.raises(InputError, match="các năm đã có: 2025"):
        years.set_officers(empty_bloc, 2019, a)
    assert dump(empty_bloc) == before
    assert years.officers(empty_bloc, 2025) == Officers(2025, a, (b,))


def test_officers_of_an_unknown_year(bloc: Database) -> None:
    with pytest.raises(InputError, match=re.escape("(các năm đã có: 2019, 2020)")):
        years.officers(bloc, 2021)

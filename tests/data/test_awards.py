"""data/awards.py: the award-form catalogue and each year's quotas."""

from __future__ import annotations

import re

import pytest

from data import awards
from data.db import Database
from data.errors import InputError
from data.model import AwardForm, Quota


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


CATALOGUE = [
    ("CO_CP", "Cờ thi đua của Chính phủ", "Chính phủ", True),
    ("CO_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Tỉnh", True),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "Chính phủ", False),
    ("BK_TINH", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Tỉnh", False),
    ("BK_BTV", "Bằng khen của Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", False),
]


def test_seeded_catalogue(empty_bloc: Database) -> None:
    assert awards.award_forms(empty_bloc) == []
    awards.seed_award_forms(empty_bloc)
    forms = awards.award_forms(empty_bloc)
    assert [(f.code, f.name, f.level, f.leader_only) for f in forms] == CATALOGUE
    assert [f.position for f in forms] == [1, 2, 3, 4, 5]
    assert all(f.active for f in forms)
    awards.seed_award_forms(empty_bloc)  # a second seeding adds nothing
    assert awards.award_forms(empty_bloc) == forms


def test_demo_catalogue_and_quotas(bloc: Database) -> None:
    forms = awards.award_forms(bloc, active_only=True)
    assert [(f.code, f.name, f.level, f.leader_only) for f in forms] == CATALOGUE
    code = {f.id: f.code for f in forms}
    assert {code[q.award_form_id]: q.count for q in awards.quotas(bloc, 2019)} == {
        "CO_CP": 1, "CO_TINH": 2, "BK_TTG": 1, "BK_TINH": 3}
    quotas_2020 = awards.quotas(bloc, 2020)
    assert {code[q.award_form_id]: q.count for q in quotas_2020} == {"CO_TINH": 2, "BK_TINH": 1}
    assert all(q.source == awards.QUOTA_SOURCE for q in quotas_2020)


def test_add_award_form(empty_bloc: Database) -> None:
    awards.seed_award_forms(empty_bloc)
    form = awards.add_award_form(empty_bloc, " gk_so ", " Giấy khen của  Giám đốc Sở ", "Sở")
    assert form == AwardForm(id=form.id, code="GK_SO", name="Giấy khen của Giám đốc Sở",
                             level="Sở", leader_only=False, position=6, active=True)
    assert awards.form_by_code(empty_bloc, "GK_SO") == form
    assert awards.get_award_form(empty_bloc, form.id) == form
    assert awards.award_forms(empty_bloc)[-1] == form


@pytest.mark.parametrize(
    ("code", "name", "message"),
    [
        ("CO_TINH", "Cờ thi đua khác", "Mã hình thức khen thưởng “CO_TINH” đã có"),
        ("co_tinh", "Cờ thi đua khác", "Mã hình thức khen thưởng “CO_TINH” đã có"),
        ("CO_TINH_2", "Cờ thi đua của Ủy ban nhân dân tỉnh",
         "Hình thức khen thưởng “Cờ thi đua của Ủy ban nhân dân tỉnh” đã có"),
        ("CO_TINH_3", "cờ thi đua của Uỷ ban nhân dân tỉnh",
         "Hình thức khen thưởng “Cờ thi đua của Ủy ban nhân dân tỉnh” đã có"),
        ("", "Giấy khen", "Hình thức khen thưởng cần có mã và tên"),
        ("GK", "  ", "Hình thức khen thưởng cần có mã và tên"),
    ],
)
def test_add_award_form_refusals(empty_bloc: Database, code: str, name: str,
                                 message: str) -> None:
    awards.seed_award_forms(empty_bloc)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        awards.add_award_form(empty_bloc, code, name)
    assert dump(empty_bloc) == before


def test_unknown_forms(empty_bloc: Database) -> None:
    with pytest.raises(InputError, match="Không có hình thức khen thưởng “XX”"):
        awards.form_by_code(empty_bloc, "XX")
    with pytest.raises(InputError, match="Không có hình thức khen thưởng mã số 42"):
        awards.get_award_form(empty_bloc, 42)


def test_quotas_set_and_replace(empty_bloc: Database) -> None:
    awards.seed_award_forms(empty_bloc)
    flag, merit = awards.form_by_code(empty_bloc, "CO_TINH"), awards.form_by_code(empty_bloc,
                                                                                   "BK_TINH")
    assert awards.set_quota(empty_bloc, 2025, merit.id, 3, " Thông báo 12/TB-HĐTĐKT ") == Quota(
        2025, merit.id, 3, "Thông báo 12/TB-HĐTĐKT")
    awards.set_quota(empty_bloc, 2025, flag.id, 2)
    awards.set_quota(empty_bloc, 2025, merit.id, 0, "Không có chỉ tiêu")
    assert awards.quotas(empty_bloc, 2025) == [Quota(2025, flag.id, 2, ""),
                                               Quota(2025, merit.id, 0, "Không có chỉ tiêu")]


def test_seed_quotas(empty_bloc: Database) -> None:
    awards.seed_award_forms(empty_bloc)
    awards.seed_quotas(empty_bloc, 2025)
    flag, merit = (awards.form_by_code(empty_bloc, c).id for c in ("CO_TINH", "BK_TINH"))
    assert awards.quotas(empty_bloc, 2025) == [Quota(2025, flag, 2, awards.QUOTA_SOURCE),
                                               Quota(2025, merit, 1, awards.QUOTA_SOURCE)]


@pytest.mark.parametrize("count", [-1, 1.5, "2"])
def test_bad_quota_is_refused(empty_bloc: Database, count: object) -> None:
    awards.seed_award_forms(empty_bloc)
    form = awards.form_by_code(empty_bloc, "CO_TINH")
    awards.set_quota(empty_bloc, 2025, form.id, 2)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Chỉ tiêu phải là số nguyên không âm"):
        awards.set_quota(empty_bloc, 2025, form.id, count)  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_quota_for_unknown_form_or_year_is_refused(empty_bloc: Database) -> None:
    awards.seed_award_forms(empty_bloc)
    form = awards.form_by_code(empty_bloc, "CO_TINH")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Không có hình thức khen thưởng mã số 99"):
        awards.set_quota(empty_bloc, 2025, 99, 1)
    with pytest.raises(InputError, match=re.escape("Năm 2031 chưa có trong tệp khối "
                                                   "(các năm đã có: 2025)")):
        awards.set_quota(empty_bloc, 2031, form.id, 1)
    assert dump(empty_bloc) == before

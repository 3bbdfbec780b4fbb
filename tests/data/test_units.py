"""data/units.py: member units, their names, yearly memberships and retirement."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest

from data import units
from data.db import Database
from data.errors import InputError
from data.model import Membership, Unit


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def by_name(db: Database, name: str) -> Unit:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit


def test_add_unit_without_year(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Sở Tư pháp", short_name="STP", code="stp")
    assert unit == Unit(id=unit.id, name="Sở Tư pháp", short_name="STP", code="stp")
    assert units.get_unit(empty_bloc, unit.id) == unit
    assert units.members(empty_bloc, 2025) == []


def test_add_unit_with_year_makes_it_a_member(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Thanh tra tỉnh", year=2025, head_name="Phạm Thị Hồng Nhung",
                          head_title="Chánh Thanh tra", women_70=True)
    assert unit.joined_year == 2025
    assert units.members(empty_bloc, 2025) == [(unit, Membership(
        year=2025, unit_id=unit.id, head_name="Phạm Thị Hồng Nhung",
        head_title="Chánh Thanh tra", women_70=True))]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ủy ban Kiểm tra", "Uỷ ban kiểm tra"),
        ("Tòa án nhân dân tỉnh", "Toà án nhân dân tỉnh"),
        ("Sở Nội vụ", "SỞ NỘI VỤ"),
        ("Công an tỉnh", "  Công   an tỉnh "),
        ("Ban Tổ chức Tỉnh ủy", unicodedata.normalize("NFD", "Ban tổ chức tỉnh uỷ")),
    ],
)
def test_duplicate_names_are_refused(empty_bloc: Database, first: str, second: str) -> None:
    units.add_unit(empty_bloc, first, year=2025)
    before = dump(empty_bloc)
    with pytest.raises(InputError) as info:
        units.add_unit(empty_bloc, second, year=2025)
    assert f"Đơn vị “{first.strip()}” đã có trong khối" in str(info.value)
    assert dump(empty_bloc) == before


def test_a_different_tone_is_a_different_unit(empty_bloc: Database) -> None:
    first = units.add_unit(empty_bloc, "Sở Tư pháp")
    second = units.add_unit(empty_bloc, "Sở Từ pháp")
    assert first.id != second.id
    assert units.find_unit(empty_bloc, "sở tư pháp") == first
    assert units.find_unit(empty_bloc, "Sở Từ Pháp") == second
    assert units.find_unit(empty_bloc, "Sở Tư pháp tỉnh") is None


def test_names_are_normalised(empty_bloc: Database) -> None:
    typed = unicodedata.normalize("NFD", "  Viện Kiểm sát \u00a0 nhân dân\ttỉnh ")
    unit = units.add_unit(empty_bloc, typed, short_name=unicodedata.normalize("NFD", " VKSND "))
    assert unit.name == "Viện Kiểm sát nhân dân tỉnh"
    assert unit.short_name == "VKSND"
    stored = empty_bloc.conn.execute("SELECT name FROM units WHERE id = :id",
                                     {"id": unit.id}).fetchone()[0]
    assert stored == "Viện Kiểm sát nhân dân tỉnh"
    assert unicodedata.is_normalized("NFC", stored)


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Tên đơn vị không được để trống"), ("   ", "Tên đơn vị không được để trống"),
     ("Đ" * 301, "Tên đơn vị quá dài (tối đa 300 ký tự)")],
)
def test_bad_names_are_refused(empty_bloc: Database, name: str, message: str) -> None:
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        units.add_unit(empty_bloc, name, year=2025)
    assert dump(empty_bloc) == before


def test_a_300_character_name_is_accepted(empty_bloc: Database) -> None:
    assert len(units.add_unit(empty_bloc, "Đ" * 300).name) == 300


def test_a_formula_looking_name_is_plain_text(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "=SUM(A1)", year=2025)
    assert unit.name == "=SUM(A1)"
    assert [u.name for u, _ in units.members(empty_bloc, 2025)] == ["=SUM(A1)"]


def test_members_are_sorted_the_vietnamese_way(make_unit: Callable[..., Unit],
                                               empty_bloc: Database) -> None:
    for name in ["Ủy ban Kiểm tra", "Đảng ủy Khối", "Văn phòng", "Ban Tổ chức", "Ăn uống",
                 "Ưu tú", "Zalo", "Dân vận", "An ninh", "Uông Bí"]:
        make_unit(name=name)
    names = [u.name for u, _ in units.members(empty_bloc, 2025)]
    assert names == ["An ninh", "Ăn uống", "Ban Tổ chức", "Dân vận", "Đảng ủy Khối", "Uông Bí",
                     "Ủy ban Kiểm tra", "Ưu tú", "Văn phòng", "Zalo"]
    assert [u.name for u in units.all_units(empty_bloc)] == names


def test_update_unit(make_unit: Callable[..., Unit], empty_bloc: Database) -> None:
    unit = make_unit(name="Sở Nội vụ")
    changed = units.update_unit(empty_bloc, unit.id, name=" Sở  Nội vụ tỉnh ", short_name="SNV")
    assert changed == Unit(unit.id, "Sở Nội vụ tỉnh", "SNV", "", 2025, None)
    assert units.get_unit(empty_bloc, unit.id) == changed
    assert units.find_unit(empty_bloc, "SỞ NỘI VỤ TỈNH") == changed
    assert units.update_unit(empty_bloc, unit.id, name="sở nội vụ tỉnh").name == "sở nội vụ tỉnh"


def test_update_unit_refusals(make_unit: Callable[..., Unit], empty_bloc: Database) -> None:
    unit = make_unit(name="Sở Nội vụ")
    make_unit(name="Tòa án nhân dân tỉnh")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Đơn vị “Tòa án nhân dân tỉnh” đã có trong khối"):
        units.update_unit(empty_bloc, unit.id, name="Toà án nhân dân tỉnh")
    with pytest.raises(InputError, match="Tên đơn vị không được để trống"):
        units.update_unit(empty_bloc, unit.id, name=" ")
    with pytest.raises(InputError, match="Không sửa được trường joined_year"):
        units.update_unit(empty_bloc, unit.id, joined_year="2020")
    with pytest.raises(InputError, match="Không có đơn vị mã số 999"):
        units.update_unit(empty_bloc, 999, name="Sở mới")
    assert dump(empty_bloc) == before


def test_membership_round_trip(make_unit: Callable[..., Unit], empty_bloc: Database) -> None:
    unit = make_unit(name="Sở Tư pháp", head_name="Ngô Thị Thu Hà", head_title="Giám đốc")
    facts = Membership(year=2025, unit_id=unit.id, head_name=unicodedata.normalize(
        "NFD", " Ngô Thị  Thu Hà "), head_title="Giám đốc Sở", women_70=True, discipline=True,
        investigation=False, complaint=True,
        eligibility_note="Đang giải quyết khiếu nại  của công dân ")
    saved = units.save_membership(empty_bloc, facts)
    expected = Membership(year=2025, unit_id=unit.id, head_name="Ngô Thị Thu Hà",
                          head_title="Giám đốc Sở", women_70=True, discipline=True,
                          investigation=False, complaint=True,
                          eligibility_note="Đang giải quyết khiếu nại của công dân")
    assert saved == expected
    assert units.get_membership(empty_bloc, 2025, unit.id) == expected
    assert units.get_membership(empty_bloc, 2025, unit.id).blocked
    assert units.members(empty_bloc, 2025) == [(units.get_unit(empty_bloc, unit.id), expected)]


def test_save_membership_of_a_non_member_is_refused(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Sở Tài chính")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=f"mã số {unit.id} không là thành viên khối năm 2025"):
        units.save_membership(empty_bloc, Membership(year=2025, unit_id=unit.id, head_name="A"))
    assert dump(empty_bloc) == before


def test_add_member_twice_the_same_year_is_refused(make_unit: Callable[..., Unit],
                                                   empty_bloc: Database) -> None:
    unit = make_unit(name="Công an tỉnh")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="“Công an tỉnh” đã là thành viên năm 2025"):
        units.add_member(empty_bloc, 2025, unit.id, head_name="Người khác")
    assert dump(empty_bloc) == before


def test_unknown_year_is_refused_with_the_known_years(bloc: Database) -> None:
    unit = by_name(bloc, "Công an tỉnh")
    before = dump(bloc)
    expected = "Năm 2031 chưa có trong tệp khối (các năm đã có: 2019, 2020)"
    with pytest.raises(InputError, match=re.escape(expected)):
        units.add_member(bloc, 2031, unit.id)
    with pytest.raises(InputError, match="các năm đã có: 2019, 2020"):
        units.add_unit(bloc, "Sở Tài chính", year=2031)
    with pytest.raises(InputError, match="các năm đã có: 2019, 2020"):
        units.members(bloc, 2031)
    assert dump(bloc) == before  # the unit of the refused add_unit was not kept either


def test_unknown_year_in_a_bloc_without_years() -> None:
    from data.bloc import create_bloc
    from data.model import BlocProfile

    db = create_bloc(None, BlocProfile(name="Khối", council="", place=""))
    try:
        with pytest.raises(InputError, match="chưa có năm nào"):
            units.add_unit(db, "Sở Tư pháp", year=2025)
        assert units.all_units(db) == []
    finally:
        db.close()


def test_update_member_is_all_or_nothing(make_unit: Callable[..., Unit],
                                         empty_bloc: Database) -> None:
    unit = make_unit(name="Sở Nội vụ", head_name="Hoàng Văn Ước")
    make_unit(name="Ủy ban Mặt trận Tổ quốc tỉnh")
    changed = Membership(2025, unit.id, head_name="Trần Thị Lan", head_title="Giám đốc",
                         discipline=True, eligibility_note="Kỷ luật khiển trách")
    saved_unit, saved = units.update_member(empty_bloc, changed, name="Sở Nội vụ tỉnh",
                                            short_name="SNV", code="snv")
    assert saved_unit == Unit(unit.id, "Sở Nội vụ tỉnh", "SNV", "snv", joined_year=2025)
    assert saved == changed == units.get_membership(empty_bloc, 2025, unit.id)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Đơn vị “Ủy ban Mặt trận Tổ quốc tỉnh” đã có"):
        units.update_member(empty_bloc, Membership(2025, unit.id, head_name="Người khác"),
                            name="Uỷ ban Mặt trận Tổ quốc tỉnh")
    assert dump(empty_bloc) == before


def test_latest_membership(bloc: Database, empty_bloc: Database) -> None:
    unit = by_name(bloc, "Sở Tư pháp")
    latest = units.latest_membership(bloc, unit.id)
    assert latest is not None and latest.year == 2020 and latest.head_name == "Ngô Thị Thu Hà"
    loner = units.add_unit(empty_bloc, "Sở Y tế")
    assert units.latest_membership(empty_bloc, loner.id) is None

"""data/units.py: member units, their names, yearly memberships and retirement."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest

from data import criteria, pledges, scores, units, years
from data.db import Database
from data.errors import InputError
from data.model import Layer, Membership, NodeKind, Registration, Unit


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


def test_retire_keeps_earlier_years(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")  # no 2020 registration, post or score
    scores_2019 = scores.scores(bloc, 2019, unit.id)
    penalties_2019 = scores.penalties(bloc, 2019, unit.id)
    member_2019 = units.get_membership(bloc, 2019, unit.id)
    assert scores_2019 and penalties_2019
    retired = units.retire(bloc, unit.id, 2020)
    assert retired.left_year == 2020
    assert units.get_membership(bloc, 2019, unit.id) == member_2019
    assert scores.scores(bloc, 2019, unit.id) == scores_2019
    assert scores.penalties(bloc, 2019, unit.id) == penalties_2019
    assert unit.id in [u.id for u, _ in units.members(bloc, 2019)]
    assert unit.id not in [u.id for u, _ in units.members(bloc, 2020)]
    assert len(units.members(bloc, 2020)) == 7
    assert units.get_unit(bloc, unit.id) == retired  # the unit itself is kept for ever
    before = dump(bloc)
    with pytest.raises(InputError, match="“Thanh tra tỉnh” đã rời khối từ năm 2020"):
        units.add_member(bloc, 2020, unit.id)
    assert dump(bloc) == before


@pytest.mark.parametrize("name", ["Sở Tư pháp", "Sở Nội vụ"])
def test_retire_is_refused_when_later_years_have_data(bloc: Database, name: str) -> None:
    unit = by_name(bloc, name)  # 2020: a registration (and for Sở Nội vụ, the head's post)
    before = dump(bloc)
    with pytest.raises(InputError) as info:
        units.retire(bloc, unit.id, 2020)
    assert f"“{name}” đã có dữ liệu năm 2020" in str(info.value)
    assert "rời khối từ năm 2020" in str(info.value)
    assert dump(bloc) == before


def test_retire_from_a_scored_year_is_refused(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    before = dump(bloc)
    with pytest.raises(InputError, match="đã có dữ liệu năm 2019"):
        units.retire(bloc, unit.id, 2019)
    assert dump(bloc) == before


def _score(db: Database, unit: Unit) -> None:
    item = criteria.add_criterion(db, 2025, None, "Hoàn thành nhiệm vụ", kind=NodeKind.NUMERIC,
                                  max_points=10)
    scores.set_score(db, 2025, unit.id, item.id, Layer.SELF, points=8)


def _registration(db: Database, unit: Unit) -> None:
    pledges.save_registration(db, Registration(2025, unit.id, title_aimed="Lao động xuất sắc"))


def _officer(db: Database, unit: Unit) -> None:
    years.set_officers(db, 2025, unit.id)


def _penalty(db: Database, unit: Unit) -> None:
    scores.add_penalty(db, 2025, unit.id, title="Báo cáo chậm", points=5)


@pytest.mark.parametrize("later_data", [_score, _registration, _officer, _penalty])
def test_each_kind_of_later_data_blocks_retirement(
    empty_bloc: Database, make_unit: Callable[..., Unit],
    later_data: Callable[[Database, Unit], None],
) -> None:
    years.add_year(empty_bloc, 2024)
    unit = make_unit(name="Sở Xây dựng")
    units.add_member(empty_bloc, 2024, unit.id)
    later_data(empty_bloc, unit)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="“Sở Xây dựng” đã có dữ liệu năm 2025"):
        units.retire(empty_bloc, unit.id, 2025)
    assert dump(empty_bloc) == before
    retired = units.retire(empty_bloc, unit.id, 2026)  # nothing from 2026 on: allowed
    assert retired.left_year == 2026
    assert units.get_membership(empty_bloc, 2025, unit.id).unit_id == unit.id


def test_reinstate(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    units.retire(bloc, unit.id, 2020)
    assert units.reinstate(bloc, unit.id).left_year is None
    units.add_member(bloc, 2020, unit.id, head_title="Chánh Thanh tra")
    assert units.get_membership(bloc, 2020, unit.id).head_title == "Chánh Thanh tra"


def without_audit(db: Database) -> list[str]:
    """The content without the audit log, in an order independent of rowids."""
    return sorted(line for line in dump(db) if "audit_log" not in line)


def test_remove_unit_returns_rows_that_restore_it(empty_bloc: Database) -> None:
    from data import snapshots

    before = without_audit(empty_bloc)
    unit = units.add_unit(empty_bloc, "Sở Tài chính", short_name="STC", year=2025,
                          head_name="Lê Thị Mai", women_70=True)
    after_add = without_audit(empty_bloc)
    rows = units.remove_unit(empty_bloc, unit.id)
    assert rows.count("units") == 1 and rows.count("memberships") == 1
    assert without_audit(empty_bloc) == before
    assert units.find_unit(empty_bloc, "Sở Tài chính") is None
    snapshots.restore(empty_bloc, rows)
    assert without_audit(empty_bloc) == after_add
    assert units.get_unit(empty_bloc, unit.id) == unit
    assert units.get_membership(empty_bloc, 2025, unit.id).head_name == "Lê Thị Mai"


def test_remove_unit_with_data_is_refused(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")  # 2019 scores and penalties
    before = dump(bloc)
    with pytest.raises(InputError, match="Không xóa được “Thanh tra tỉnh”: đơn vị đã có dữ "
                                         "liệu năm 2019"):
        units.remove_unit(bloc, unit.id)
    assert dump(bloc) == before


def test_undo_retire_puts_everything_back(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    years.add_year(bloc, 2021)
    units.add_member(bloc, 2021, unit.id, head_name="Phạm Thị Hồng Nhung", complaint=True,
                     eligibility_note="Khiếu nại đang giải quyết")
    before = without_audit(bloc)
    rows = units.membership_rows(bloc, unit.id, 2020)
    assert [r["year"] for _, table in rows.tables for r in table] == [2020, 2021]
    units.retire(bloc, unit.id, 2020)
    assert without_audit(bloc) != before
    restored = units.undo_retire(bloc, unit.id, None, rows)
    assert restored.left_year is None
    assert without_audit(bloc) == before
    assert units.get_membership(bloc, 2021, unit.id).complaint


def test_undo_retire_keeps_an_earlier_left_year(empty_bloc: Database,
                                                make_unit: Callable[..., Unit]) -> None:
    years.add_year(empty_bloc, 2026)
    unit = make_unit(name="Sở Xây dựng")
    units.retire(empty_bloc, unit.id, 2027)
    rows = units.membership_rows(empty_bloc, unit.id, 2025)
    units.retire(empty_bloc, unit.id, 2025)
    assert units.members(empty_bloc, 2025) == []
    assert units.undo_retire(empty_bloc, unit.id, 2027, rows).left_year == 2027
    assert [u.id for u, _ in units.members(empty_bloc, 2025)] == [unit.id]


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


def test_rejoin_a_retired_unit_and_undo(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    units.retire(bloc, unit.id, 2020)
    before = without_audit(bloc)
    member = units.rejoin(bloc, 2020, unit.id, head_name="Phạm Thị Hồng Nhung",
                          head_title="Chánh Thanh tra")
    assert member == Membership(2020, unit.id, "Phạm Thị Hồng Nhung", "Chánh Thanh tra")
    assert units.get_unit(bloc, unit.id).left_year is None
    assert unit.id in [u.id for u, _ in units.members(bloc, 2020)]
    assert units.undo_rejoin(bloc, 2020, unit.id, 2020).left_year == 2020
    assert without_audit(bloc) == before


def test_rejoin_refusals(bloc: Database) -> None:
    unit = by_name(bloc, "Sở Tư pháp")
    before = dump(bloc)
    with pytest.raises(InputError, match="“Sở Tư pháp” đã là thành viên năm 2020"):
        units.rejoin(bloc, 2020, unit.id)
    with pytest.raises(InputError, match="“Sở Tư pháp” đã có dữ liệu năm 2020; không bỏ được"):
        units.undo_rejoin(bloc, 2020, unit.id, None)  # its 2020 registration stays
    assert dump(bloc) == before


def test_rejoin_a_unit_that_never_was_a_member(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Sở Y tế")
    assert units.rejoin(empty_bloc, 2025, unit.id, women_70=True).women_70
    assert units.undo_rejoin(empty_bloc, 2025, unit.id, None).left_year is None
    assert units.members(empty_bloc, 2025) == []
    with pytest.raises(InputError, match="không là thành viên khối năm 2025"):
        units.undo_rejoin(empty_bloc, 2025, unit.id, None)


def test_remove_unit_used_by_an_unchecked_table_is_refused(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Sở Y tế", year=2025)
    empty_bloc.conn.execute("CREATE TABLE later_feature (unit_id INTEGER REFERENCES units (id))")
    empty_bloc.conn.execute("INSERT INTO later_feature VALUES (:u)", {"u": unit.id})
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Không xóa được “Sở Y tế”: đơn vị đã được dùng ở nơi "
                                         "khác trong tệp khối"):
        units.remove_unit(empty_bloc, unit.id)
    assert dump(empty_bloc) == before

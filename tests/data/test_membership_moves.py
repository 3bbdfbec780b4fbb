"""data/membership_moves.py: leaving, rejoining and removing units, with their undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from data import criteria, membership_moves, pledges, scores, units, years
from data.db import Database
from data.errors import InputError
from data.model import Layer, Membership, NodeKind, Registration, Unit
from tests.data.test_units import by_name, dump


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


def without_audit(db: Database) -> list[str]:
    """The content without the audit log, in an order independent of rowids."""
    return sorted(line for line in dump(db) if "audit_log" not in line)


def test_retire_keeps_earlier_years(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")  # no 2020 registration, post or score
    scores_2019 = scores.scores(bloc, 2019, unit.id)
    penalties_2019 = scores.penalties(bloc, 2019, unit.id)
    member_2019 = units.get_membership(bloc, 2019, unit.id)
    assert scores_2019 and penalties_2019
    retired = membership_moves.retire(bloc, unit.id, 2020)
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
        membership_moves.retire(bloc, unit.id, 2020)
    assert f"“{name}” đã có dữ liệu năm 2020" in str(info.value)
    assert "rời khối từ năm 2020" in str(info.value)
    assert dump(bloc) == before


def test_retire_from_a_scored_year_is_refused(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    before = dump(bloc)
    with pytest.raises(InputError, match="đã có dữ liệu năm 2019"):
        membership_moves.retire(bloc, unit.id, 2019)
    assert dump(bloc) == before


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
        membership_moves.retire(empty_bloc, unit.id, 2025)
    assert dump(empty_bloc) == before
    retired = membership_moves.retire(empty_bloc, unit.id, 2026)  # nothing from 2026 on: allowed
    assert retired.left_year == 2026
    assert units.get_membership(empty_bloc, 2025, unit.id).unit_id == unit.id


def test_reinstate(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    membership_moves.retire(bloc, unit.id, 2020)
    assert membership_moves.reinstate(bloc, unit.id).left_year is None
    units.add_member(bloc, 2020, unit.id, head_title="Chánh Thanh tra")
    assert units.get_membership(bloc, 2020, unit.id).head_title == "Chánh Thanh tra"


def test_remove_unit_returns_rows_that_restore_it(empty_bloc: Database) -> None:
    from data import snapshots

    before = without_audit(empty_bloc)
    unit = units.add_unit(empty_bloc, "Sở Tài chính", short_name="STC", year=2025,
                          head_name="Lê Thị Mai", women_70=True)
    after_add = without_audit(empty_bloc)
    rows = membership_moves.remove_unit(empty_bloc, unit.id)
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
        membership_moves.remove_unit(bloc, unit.id)
    assert dump(bloc) == before


def test_undo_retire_puts_everything_back(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    years.add_year(bloc, 2021)
    units.add_member(bloc, 2021, unit.id, head_name="Phạm Thị Hồng Nhung", complaint=True,
                     eligibility_note="Khiếu nại đang giải quyết")
    before = without_audit(bloc)
    rows = membership_moves.membership_rows(bloc, unit.id, 2020)
    assert [r["year"] for _, table in rows.tables for r in table] == [2020, 2021]
    membership_moves.retire(bloc, unit.id, 2020)
    assert without_audit(bloc) != before
    restored = membership_moves.undo_retire(bloc, unit.id, None, rows)
    assert restored.left_year is None
    assert without_audit(bloc) == before
    assert units.get_membership(bloc, 2021, unit.id).complaint


def test_undo_retire_keeps_an_earlier_left_year(empty_bloc: Database,
                                                make_unit: Callable[..., Unit]) -> None:
    years.add_year(empty_bloc, 2026)
    unit = make_unit(name="Sở Xây dựng")
    membership_moves.retire(empty_bloc, unit.id, 2027)
    rows = membership_moves.membership_rows(empty_bloc, unit.id, 2025)
    membership_moves.retire(empty_bloc, unit.id, 2025)
    assert units.members(empty_bloc, 2025) == []
    assert membership_moves.undo_retire(empty_bloc, unit.id, 2027, rows).left_year == 2027
    assert [u.id for u, _ in units.members(empty_bloc, 2025)] == [unit.id]


def test_rejoin_a_retired_unit_and_undo(bloc: Database) -> None:
    unit = by_name(bloc, "Thanh tra tỉnh")
    membership_moves.retire(bloc, unit.id, 2020)
    before = without_audit(bloc)
    member = membership_moves.rejoin(bloc, 2020, unit.id, head_name="Phạm Thị Hồng Nhung",
                          head_title="Chánh Thanh tra")
    assert member == Membership(2020, unit.id, "Phạm Thị Hồng Nhung", "Chánh Thanh tra")
    assert units.get_unit(bloc, unit.id).left_year is None
    assert unit.id in [u.id for u, _ in units.members(bloc, 2020)]
    assert membership_moves.undo_rejoin(bloc, 2020, unit.id, 2020).left_year == 2020
    assert without_audit(bloc) == before


def test_rejoin_refusals(bloc: Database) -> None:
    unit = by_name(bloc, "Sở Tư pháp")
    before = dump(bloc)
    with pytest.raises(InputError, match="“Sở Tư pháp” đã là thành viên năm 2020"):
        membership_moves.rejoin(bloc, 2020, unit.id)
    with pytest.raises(InputError, match="“Sở Tư pháp” đã có dữ liệu năm 2020; không bỏ được"):
        membership_moves.undo_rejoin(bloc, 2020, unit.id, None)  # its 2020 registration stays
    assert dump(bloc) == before


def test_rejoin_a_unit_that_never_was_a_member(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Sở Y tế")
    assert membership_moves.rejoin(empty_bloc, 2025, unit.id, women_70=True).women_70
    assert membership_moves.undo_rejoin(empty_bloc, 2025, unit.id, None).left_year is None
    assert units.members(empty_bloc, 2025) == []
    with pytest.raises(InputError, match="không là thành viên khối năm 2025"):
        membership_moves.undo_rejoin(empty_bloc, 2025, unit.id, None)


def test_remove_unit_used_by_an_unchecked_table_is_refused(empty_bloc: Database) -> None:
    unit = units.add_unit(empty_bloc, "Sở Y tế", year=2025)
    empty_bloc.conn.execute("CREATE TABLE later_feature (unit_id INTEGER REFERENCES units (id))")
    empty_bloc.conn.execute("INSERT INTO later_feature VALUES (:u)", {"u": unit.id})
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Không xóa được “Sở Y tế”: đơn vị đã được dùng ở nơi "
                                         "khác trong tệp khối"):
        membership_moves.remove_unit(empty_bloc, unit.id)
    assert dump(empty_bloc) == before

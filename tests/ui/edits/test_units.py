"""ui/edits/units.py: each edit changes the data layer once, undoes exactly, redoes the same."""

from __future__ import annotations

import unicodedata

import pytest

from data import units, years
from data.db import Database
from data.errors import InputError
from data.model import Membership, Officers, Unit
from ui.edits import units as edits
from ui.edits.units import UnitDraft
from ui.session import MEMBERS, OFFICERS, UNITS, Session


def content(db: Database) -> list[str]:
    """The bloc's content without the audit log, independent of rowid order."""
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def unit_named(db: Database, name: str) -> Unit:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit


def heard(session: Session) -> list[str]:
    changes: list[str] = []
    session.changed.connect(changes.append)
    return changes


def test_draft_round_trip() -> None:
    unit = Unit(3, "Sở Tư pháp", "STP", "stp")
    member = Membership(2019, 3, "Ngô Thị Thu Hà", "Giám đốc", women_70=True, complaint=True,
                        eligibility_note="Đơn ngày 14/6/2019")
    draft = UnitDraft.of(unit, member)
    assert draft == UnitDraft("Sở Tư pháp", "STP", "stp", "Ngô Thị Thu Hà", "Giám đốc", True,
                              complaint=True, eligibility_note="Đơn ngày 14/6/2019")
    assert draft.membership(2019, 3) == member
    assert UnitDraft.of(unit) == UnitDraft("Sở Tư pháp", "STP", "stp")
    typed = UnitDraft(unicodedata.normalize("NFD", "  Sở  Tư pháp "), head_name=" Hà ")
    assert typed.cleaned() == UnitDraft("Sở Tư pháp", head_name="Hà")


def test_add_undo_redo(session: Session) -> None:
    db = session.db
    before = content(db)
    changes = heard(session)
    draft = UnitDraft("Sở Tài chính", "STC", "STC", "Lê Thị Mai", "Giám đốc", True,
                      investigation=True, eligibility_note="Thanh tra ngân sách")
    unit = edits.add_unit(session, 2019, draft)
    assert changes == [UNITS, MEMBERS]
    assert units.get_membership(db, 2019, unit.id) == draft.membership(2019, unit.id)
    assert unit_named(db, "Sở Tài chính") == unit
    after = content(db)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Thêm đơn vị “Sở Tài chính”"
    session.undo_stack.undo()
    assert content(db) == before
    assert units.find_unit(db, "Sở Tài chính") is None
    session.undo_stack.redo()
    assert content(db) == after
    assert units.get_unit(db, unit.id) == unit  # the same id comes back


def test_add_refusals_record_nothing(session: Session) -> None:
    db = session.db
    before = content(db)
    with pytest.raises(InputError, match="Đơn vị “Tòa án nhân dân tỉnh” đã có trong khối"):
        edits.add_unit(session, 2019, UnitDraft("Toà án nhân dân tỉnh"))
    with pytest.raises(InputError, match="Tên đơn vị không được để trống"):
        edits.add_unit(session, 2019, UnitDraft("  "))
    assert content(db) == before and session.undo_stack.count() == 0


def test_adding_a_former_unit_points_to_readding(session: Session) -> None:
    session.set_year(2020)
    thanh_tra = unit_named(session.db, "Thanh tra tỉnh")
    edits.retire_unit(session, 2020, thanh_tra.id)
    with pytest.raises(InputError, match="“Thanh tra tỉnh” là đơn vị cũ của khối, chưa là "
                                         "thành viên năm 2020: hãy dùng “Thêm lại đơn vị cũ…”"):
        edits.add_unit(session, 2020, UnitDraft("thanh tra tỉnh"))
    assert session.undo_stack.count() == 1


def test_edit_undo_redo(session: Session) -> None:
    db = session.db
    unit = unit_named(db, "Sở Tư pháp")
    before = content(db)
    draft = UnitDraft("Sở Tư pháp tỉnh Bắc Ninh", "STP", "STP", "Ngô Thị Thu Hà", "Giám đốc Sở",
                      True, discipline=True, eligibility_note="Kỷ luật khiển trách")
    assert edits.edit_unit(session, 2019, unit.id, draft)
    assert units.get_unit(db, unit.id).name == "Sở Tư pháp tỉnh Bắc Ninh"
    assert units.get_membership(db, 2019, unit.id) == draft.membership(2019, unit.id)
    assert units.get_membership(db, 2020, unit.id).head_title == "Giám đốc"  # other years kept
    after = content(db)
    session.undo_stack.undo()
    assert content(db) == before
    session.undo_stack.redo()
    assert content(db) == after


def test_edit_without_change_records_nothing(session: Session) -> None:
    db = session.db
    unit = unit_named(db, "Công an tỉnh")
    same = UnitDraft.of(unit, units.get_membership(db, 2019, unit.id))
    assert not edits.edit_unit(session, 2019, unit.id, UnitDraft(
        unicodedata.normalize("NFD", same.name) + " ", same.short_name, same.code,
        same.head_name, same.head_title))
    assert session.undo_stack.count() == 0


def test_edit_to_a_duplicate_name_is_refused(session: Session) -> None:
    db = session.db
    unit = unit_named(db, "Sở Nội vụ")
    before = content(db)
    with pytest.raises(InputError, match="Đơn vị “Sở Tư pháp” đã có trong khối"):
        edits.edit_unit(session, 2019, unit.id, UnitDraft("SỞ TƯ PHÁP", head_name="Người khác"))
    assert content(db) == before and session.undo_stack.count() == 0


def test_retire_undo_redo(session: Session) -> None:
    db = session.db
    unit = unit_named(db, "Thanh tra tỉnh")
    before = content(db)
    retired = edits.retire_unit(session, 2020, unit.id)
    assert retired.left_year == 2020
    assert unit.id not in [u.id for u, _ in units.members(db, 2020)]
    assert unit.id in [u.id for u, _ in units.members(db, 2019)]
    after = content(db)
    session.undo_stack.undo()
    assert content(db) == before
    assert units.get_unit(db, unit.id).left_year is None
    session.undo_stack.redo()
    assert content(db) == after


def test_retire_refused_when_the_year_has_data(session: Session) -> None:
    db = session.db
    before = content(db)
    with pytest.raises(InputError, match="“Thanh tra tỉnh” đã có dữ liệu năm 2019"):
        edits.retire_unit(session, 2019, unit_named(db, "Thanh tra tỉnh").id)
    assert content(db) == before and session.undo_stack.count() == 0


def test_rejoin_undo_redo(session: Session) -> None:
    db = session.db
    unit = unit_named(db, "Thanh tra tỉnh")
    edits.retire_unit(session, 2020, unit.id)
    before = content(db)
    member = edits.rejoin_unit(session, 2020, unit.id, UnitDraft(
        head_name="Phạm Thị Hồng Nhung", head_title="Chánh Thanh tra", women_70=True))
    assert member == Membership(2020, unit.id, "Phạm Thị Hồng Nhung", "Chánh Thanh tra", True)
    assert units.get_unit(db, unit.id).left_year is None
    after = content(db)
    session.undo_stack.undo()
    assert content(db) == before and units.get_unit(db, unit.id).left_year == 2020
    session.undo_stack.redo()
    assert content(db) == after


def test_officers_undo_redo(session: Session) -> None:
    db = session.db
    interior, justice, police = (unit_named(db, n).id for n in
                                 ("Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh"))
    old = years.officers(db, 2019)
    changes = heard(session)
    assert edits.set_officers(session, 2019, interior, (justice, police))
    assert changes == [OFFICERS]
    assert years.officers(db, 2019) == Officers(2019, interior, (justice, police))
    assert session.undo_stack.undoText() == "Đổi Trưởng khối, Phó khối năm 2019"
    session.undo_stack.undo()
    assert years.officers(db, 2019) == old
    session.undo_stack.redo()
    assert years.officers(db, 2019) == Officers(2019, interior, (justice, police))
    assert not edits.set_officers(session, 2019, interior, (justice, police))
    assert session.undo_stack.count() == 1


def test_officers_refusal_records_nothing(session: Session) -> None:
    db = session.db
    old = years.officers(db, 2019)
    with pytest.raises(InputError, match="Một đơn vị không thể giữ hai chức vụ"):
        edits.set_officers(session, 2019, old.head, (old.head,))
    assert years.officers(db, 2019) == old and session.undo_stack.count() == 0

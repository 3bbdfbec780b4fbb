"""ui/edits/pledges.py: each pledge or registration edit is one undo step, saved at once."""

from __future__ import annotations

import pytest

from data import awards, pledges, units
from data.db import Database
from data.errors import InputError
from data.model import Registration
from ui.edits import pledges as edits
from ui.session import Session


def contents(session: Session, year: int = 2019) -> tuple[str, ...]:
    return pledges.get_pledge(session.db, year).contents


def unit_id(session: Session, name: str) -> int:
    unit = units.find_unit(session.db, name)
    assert unit is not None
    return unit.id


def test_header_fields_each_one_undo_step(session: Session) -> None:
    stack = session.undo_stack
    assert edits.set_header(session, 2019, "title", "  Giao ước  thi đua năm 2019 (sửa) ")
    assert edits.set_header(session, 2019, "signed_on", "21/2/2019")
    assert edits.set_header(session, 2019, "place", "Tòa án nhân dân tỉnh Bắc Ninh")
    pledge = pledges.get_pledge(session.db, 2019)
    assert (pledge.title, pledge.signed_on, pledge.place) == (
        "Giao ước thi đua năm 2019 (sửa)", "2019-02-21", "Tòa án nhân dân tỉnh Bắc Ninh")
    assert len(pledge.contents) == 9
    assert stack.count() == 3
    assert stack.undoText() == "Sửa địa điểm ký của giao ước năm 2019"
    stack.undo()
    stack.undo()
    pledge = pledges.get_pledge(session.db, 2019)
    assert (pledge.title, pledge.signed_on, pledge.place) == (
        "Giao ước thi đua năm 2019 (sửa)", "2019-02-20", "Cục Thi hành án dân sự tỉnh Bắc Ninh")
    stack.redo()
    assert pledges.get_pledge(session.db, 2019).signed_on == "2019-02-21"


def test_same_value_typed_differently_records_nothing(session: Session) -> None:
    assert not edits.set_header(session, 2019, "signed_on", "20/02/2019")
    assert not edits.set_header(session, 2019, "title", " Giao ước thi đua năm 2019")
    assert session.undo_stack.count() == 0


def test_bad_date_refused_with_nothing_recorded(session: Session) -> None:
    before = pledges.get_pledge(session.db, 2019)
    with pytest.raises(InputError, match="“31/2/2019” không phải là ngày hợp lệ"):
        edits.set_header(session, 2019, "signed_on", "31/2/2019")
    assert pledges.get_pledge(session.db, 2019) == before
    assert session.undo_stack.count() == 0


def test_add_edit_remove_move_contents_with_undo(session: Session) -> None:
    original = contents(session)
    stack = session.undo_stack
    assert edits.add_content(session, 2019, "Tổ chức tốt Ngày hội\r\nĐại đoàn kết toàn dân.") == 9
    assert contents(session) == (*original, "Tổ chức tốt Ngày hội\nĐại đoàn kết toàn dân.")
    assert edits.edit_content(session, 2019, 0, "Hoàn thành xuất sắc nhiệm vụ năm 2019.")
    assert contents(session)[0] == "Hoàn thành xuất sắc nhiệm vụ năm 2019."
    assert edits.move_content(session, 2019, 0, 1)
    assert contents(session)[:2] == (original[1], "Hoàn thành xuất sắc nhiệm vụ năm 2019.")
    edits.remove_content(session, 2019, 2)
    assert contents(session)[2] == original[3]
    assert len(contents(session)) == 9
    assert [stack.text(i) for i in range(stack.count())] == [
        "Thêm nội dung giao ước số 10 (năm 2019)", "Sửa nội dung giao ước số 1 (năm 2019)",
        "Chuyển nội dung giao ước số 1 xuống (năm 2019)", "Xóa nội dung giao ước số 3 (năm 2019)"]
    for _ in range(4):
        stack.undo()
    assert contents(session) == original
    for _ in range(4):
        stack.redo()
    assert contents(session)[2] == original[3]
    assert contents(session)[-1] == "Tổ chức tốt Ngày hội\nĐại đoàn kết toàn dân."


def test_moves_out_of_range_or_unchanged_text_do_nothing(session: Session) -> None:
    assert not edits.move_content(session, 2019, 0, -1)
    assert not edits.move_content(session, 2019, 8, 9)
    assert not edits.edit_content(session, 2019, 2, contents(session)[2] + "  ")
    assert session.undo_stack.count() == 0


def test_empty_content_refused(session: Session) -> None:
    original = contents(session)
    with pytest.raises(InputError, match="Nội dung giao ước không được để trống"):
        edits.edit_content(session, 2019, 3, " \n ")
    with pytest.raises(InputError, match="Nội dung giao ước không được để trống"):
        edits.add_content(session, 2019, "\n")
    assert contents(session) == original
    assert session.undo_stack.count() == 0


def test_first_content_of_an_undrafted_year(empty_bloc: Database) -> None:
    session = Session(empty_bloc, None, 2025)
    assert edits.add_content(session, 2025, "Nội dung thứ nhất.") == 0
    assert contents(session, 2025) == ("Nội dung thứ nhất.",)
    session.undo_stack.undo()
    assert contents(session, 2025) == ()


def test_registration_saved_replaced_and_withdrawn(session: Session) -> None:
    stack = session.undo_stack
    db = session.db
    army = unit_id(session, "Bộ Chỉ huy Quân sự tỉnh")
    assert army not in pledges.registrations(db, 2020)
    flag = awards.form_by_code(db, "CO_TINH").id
    edits.save_registration(session, Registration(
        2020, army, flag, "Đơn vị Quyết thắng", "Chỉ tiêu 1.\nChỉ tiêu 2.", "9/1/2020"),
        "Bộ Chỉ huy Quân sự tỉnh")
    assert pledges.registrations(db, 2020)[army] == Registration(
        2020, army, flag, "Đơn vị Quyết thắng", "Chỉ tiêu 1.\nChỉ tiêu 2.", "2020-01-09")
    assert stack.undoText() == "Ghi đăng ký thi đua năm 2020 của Bộ Chỉ huy Quân sự tỉnh"
    stack.undo()
    assert army not in pledges.registrations(db, 2020)
    stack.redo()
    police = unit_id(session, "Công an tỉnh")
    before = pledges.registrations(db, 2019)[police]
    edits.save_registration(session, Registration(2019, police, None, "Tập thể Lao động tiên tiến"),
                            "Công an tỉnh")
    assert pledges.registrations(db, 2019)[police] == Registration(
        2019, police, None, "Tập thể Lao động tiên tiến")
    stack.undo()
    assert pledges.registrations(db, 2019)[police] == before
    edits.withdraw_registration(session, 2019, police, "Công an tỉnh")
    assert police not in pledges.registrations(db, 2019)
    assert stack.undoText() == "Xóa đăng ký thi đua năm 2019 của Công an tỉnh"
    stack.undo()
    assert pledges.registrations(db, 2019)[police] == before
    stack.redo()
    assert police not in pledges.registrations(db, 2019)


def test_registration_refusals_record_nothing(session: Session) -> None:
    army = unit_id(session, "Bộ Chỉ huy Quân sự tỉnh")
    with pytest.raises(InputError, match="“32/1/2020” không phải là ngày hợp lệ"):
        edits.save_registration(session, Registration(2020, army, registered_on="32/1/2020"),
                                "Bộ Chỉ huy Quân sự tỉnh")
    with pytest.raises(InputError, match="Bộ Chỉ huy Quân sự tỉnh chưa đăng ký thi đua năm 2020"):
        edits.withdraw_registration(session, 2020, army, "Bộ Chỉ huy Quân sự tỉnh")
    assert army not in pledges.registrations(session.db, 2020)
    assert session.undo_stack.count() == 0


def test_edits_announce_their_change(session: Session) -> None:
    seen: list[str] = []
    session.changed.connect(seen.append)
    edits.add_content(session, 2019, "Nội dung mới.")
    edits.withdraw_registration(session, 2019, unit_id(session, "Sở Tư pháp"), "Sở Tư pháp")
    session.undo_stack.undo()
    assert seen == ["pledge", "registrations", "registrations"]

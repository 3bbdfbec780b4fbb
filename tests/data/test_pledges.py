"""data/pledges.py: the year's pledge with its key contents, and the units' registrations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest

from data import awards, pledges, units
from data.db import Database
from data.errors import InputError
from data.model import Pledge, Registration, Unit

CONTENTS = (
    "Hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.",
    "Đẩy mạnh cải cách hành chính.",
    "Thực hành tiết kiệm, chống lãng phí.",
)


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def test_an_undrafted_pledge_is_empty(empty_bloc: Database) -> None:
    assert pledges.get_pledge(empty_bloc, 2025) == Pledge(year=2025)


def test_save_and_load_in_order(empty_bloc: Database) -> None:
    saved = pledges.save_pledge(empty_bloc, Pledge(
        2025, "20/2/2019", " Sở Nội vụ  tỉnh Bắc Ninh ", "Giao ước thi đua năm 2025",
        (unicodedata.normalize("NFD", CONTENTS[0]), f"{CONTENTS[1]}  \r\n", CONTENTS[2])))
    expected = Pledge(2025, "2019-02-20", "Sở Nội vụ tỉnh Bắc Ninh", "Giao ước thi đua năm 2025",
                      CONTENTS)
    assert saved == expected
    assert pledges.get_pledge(empty_bloc, 2025) == expected


def test_reorder_by_saving_again(empty_bloc: Database) -> None:
    pledges.save_pledge(empty_bloc, Pledge(2025, contents=CONTENTS))
    reordered = (CONTENTS[2], CONTENTS[0], "Nội dung mới.\nDòng thứ hai.")
    assert pledges.save_pledge(empty_bloc, Pledge(2025, contents=reordered)).contents == reordered
    assert pledges.get_pledge(empty_bloc, 2025).contents == reordered
    assert empty_bloc.conn.execute(
        "SELECT count(*) FROM pledge_contents WHERE year = 2025").fetchone()[0] == 3


@pytest.mark.parametrize("typed", ["20/2/2019", "20/02/2019", "20-2-2019", "20.2.2019",
                                   "2019-02-20", " 20/2/2019 "])
def test_dates_are_stored_iso(empty_bloc: Database, typed: str) -> None:
    assert pledges.save_pledge(empty_bloc, Pledge(2025, typed)).signed_on == "2019-02-20"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contents": (CONTENTS[0], "  ")}, "Nội dung giao ước không được để trống"),
        ({"contents": ("\n\n",)}, "Nội dung giao ước không được để trống"),
        ({"signed_on": "31/2/2025"}, "“31/2/2025” không phải là ngày hợp lệ"),
        ({"signed_on": "ngày mai"}, "“ngày mai” không phải là ngày hợp lệ"),
        ({"year": 2031}, "Năm 2031 chưa có trong tệp khối (các năm đã có: 2025)"),
    ],
)
def test_pledge_refusals(empty_bloc: Database, changes: dict[str, object], message: str) -> None:
    pledges.save_pledge(empty_bloc, Pledge(2025, "1/2/2025", "Bắc Ninh", "Giao ước", CONTENTS))
    before = dump(empty_bloc)
    pledge = Pledge(**{"year": 2025, "signed_on": "", "contents": CONTENTS,  # type: ignore[arg-type]
                       **changes})
    with pytest.raises(InputError, match=re.escape(message)):
        pledges.save_pledge(empty_bloc, pledge)
    assert dump(empty_bloc) == before


def test_demo_pledges(bloc: Database) -> None:
    first = pledges.get_pledge(bloc, 2019)
    assert (first.signed_on, first.place, first.title) == (
        "2019-02-20", "Cục Thi hành án dân sự tỉnh Bắc Ninh", "Giao ước thi đua năm 2019")
    assert len(first.contents) == 9
    assert pledges.get_pledge(bloc, 2020).contents[0].endswith("năm 2020.")


def _form(db: Database, code: str = "BK_TINH") -> int:
    awards.seed_award_forms(db)
    return awards.form_by_code(db, code).id


def test_registrations_save_replace_delete(make_unit: Callable[..., Unit],
                                           empty_bloc: Database) -> None:
    unit, other = make_unit(), make_unit()
    form = _form(empty_bloc)
    saved = pledges.save_registration(empty_bloc, Registration(
        2025, unit.id, form, " Tập thể Lao động  xuất sắc ",
        "Chỉ tiêu 1.\r\nChỉ tiêu 2.  \n\n", "8/1/2025"))
    expected = Registration(2025, unit.id, form, "Tập thể Lao động xuất sắc",
                            "Chỉ tiêu 1.\nChỉ tiêu 2.", "2025-01-08")
    assert saved == expected
    assert pledges.registrations(empty_bloc, 2025) == {unit.id: expected}
    flag = _form(empty_bloc, "CO_TINH")
    replaced = pledges.save_registration(empty_bloc,
                                         Registration(2025, unit.id, flag, "Cờ thi đua"))
    assert replaced == Registration(2025, unit.id, flag, "Cờ thi đua", "", "")
    pledges.save_registration(empty_bloc, Registration(2025, other.id))
    assert set(pledges.registrations(empty_bloc, 2025)) == {unit.id, other.id}
    assert pledges.registrations(empty_bloc, 2025)[unit.id] == replaced
    pledges.delete_registration(empty_bloc, 2025, unit.id)
    assert set(pledges.registrations(empty_bloc, 2025)) == {other.id}


def test_registration_refusals(make_unit: Callable[..., Unit], empty_bloc: Database) -> None:
    member = make_unit()
    outsider = units.add_unit(empty_bloc, "Sở Tài chính")
    form = _form(empty_bloc)
    pledges.save_registration(empty_bloc, Registration(2025, member.id, form, "Lao động xuất sắc"))
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=f"Đơn vị mã số {outsider.id} không là thành viên khối "
                                         "năm 2025"):
        pledges.save_registration(empty_bloc, Registration(2025, outsider.id, form))
    with pytest.raises(InputError, match="hình thức khen thưởng không có trong danh mục"):
        pledges.save_registration(empty_bloc, Registration(2025, member.id, 999))
    with pytest.raises(InputError, match="“32/1/2025” không phải là ngày hợp lệ"):
        pledges.save_registration(empty_bloc, Registration(2025, member.id, form,
                                                           registered_on="32/1/2025"))
    with pytest.raises(InputError, match="các năm đã có: 2025"):
        pledges.save_registration(empty_bloc, Registration(2031, member.id, form))
    assert dump(empty_bloc) == before


def test_demo_registrations(bloc: Database) -> None:
    names = {u.id: u.name for u in units.all_units(bloc)}
    in_2020 = {names[uid] for uid in pledges.registrations(bloc, 2020)}
    assert in_2020 == {"Sở Nội vụ", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh", "Sở Tư pháp",
                       "Tòa án nhân dân tỉnh"}
    flag = awards.form_by_code(bloc, "CO_TINH").id
    police = pledges.registrations(bloc, 2019)[units.find_unit(bloc, "Công an tỉnh").id]  # type: ignore[union-attr]
    assert police.award_form_id == flag
    assert police.registered_on == "2019-01-08"
    assert police.targets.splitlines()[0] == "Kéo giảm 5 % số vụ phạm pháp hình sự."

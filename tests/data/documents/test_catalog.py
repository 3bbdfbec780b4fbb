"""data/documents/catalog.py: making a document: data checked, profile, date and number."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from data.bloc import load_profile, save_profile
from data.db import Database
from data.documents import register
from data.documents.catalog import KINDS, issue_number, kind_of, make, missing, next_number
from data.documents.common import MissingData
from data.documents.profiles import NUMBER_BLANK
from data.documents.record import load_record
from data.errors import InputError

DEC3, DEC5 = datetime.date(2019, 12, 3), datetime.date(2019, 12, 5)


def test_the_six_kinds() -> None:
    assert list(KINDS) == ["pledge", "ballots", "vote-count", "minutes", "submission", "scores"]
    assert [k.type_code for k in KINDS.values()] == [None, None, "BB", "BB", "TTr", None]
    with pytest.raises(InputError) as info:
        kind_of("bienban")
    assert info.value.message == ("Không có loại văn bản “bienban”; các loại: pledge, ballots, "
                                  "vote-count, minutes, submission, scores.")


def test_issuing_numbers_the_year_in_order(bloc: Database) -> None:
    made = [make(bloc, 2019, key) for key in KINDS]
    numbers = {m.document.kind: m.document.number for m in made}
    assert numbers == {"pledge": "", "ballots": "", "vote-count": "Số: 01/BB-KTĐNC",
                       "minutes": "Số: 02/BB-KTĐNC", "submission": "Số: 03/TTr-KTĐNC",
                       "scores": ""}
    assert all(m.fresh for m in made if m.document.number)
    assert [d.kind for d in register.register(bloc, 2019)] == ["vote-count", "minutes",
                                                               "submission"]
    scores = made[-1].document
    assert ("(Kèm theo Tờ trình số 03/TTr-KTĐNC ngày 3/12/2019 của Khối thi đua các cơ quan nội "
            "chính tỉnh)") in [p.text for p in scores.paragraphs()]


def test_a_reprint_keeps_number_date_and_profile(bloc: Database) -> None:
    first = make(bloc, 2019, "submission", issued_on=DEC5)
    again = make(bloc, 2019, "submission")
    assert again.issued == first.issued and not again.fresh and first.fresh
    assert again.document.issued_on == DEC5 and again.document.number == "Số: 01/TTr-KTĐNC"
    with pytest.raises(InputError, match="đã cấp số 01/TTr-KTĐNC ngày 5/12/2019; in lại giữ"):
        make(bloc, 2019, "submission", issued_on=DEC3)
    with pytest.raises(InputError, match="đã cấp số theo thể thức “state”"):
        make(bloc, 2019, "submission", profile_id="party")
    draft = make(bloc, 2019, "submission", profile_id="party", draft=True)
    assert draft.document.profile_id == "party" and draft.issued is None


def test_a_draft_writes_nothing(bloc: Database) -> None:
    before = bloc.conn.total_changes
    made = make(bloc, 2019, "minutes", draft=True)
    assert bloc.conn.total_changes == before
    assert made.document.draft and made.document.number == f"Số: {NUMBER_BLANK}/BB-KTĐNC"
    assert register.register(bloc) == []


def test_the_bloc_profile_is_the_default(bloc: Database) -> None:
    save_profile(bloc, replace(load_profile(bloc), profile="party"))
    made = make(bloc, 2019, "minutes")
    assert made.document.profile_id == "party" and made.document.number == "Số 01-BB/KTĐNC"


def test_dates(bloc: Database) -> None:
    assert make(bloc, 2019, "minutes", draft=True).document.issued_on == DEC3
    assert make(bloc, 2019, "pledge").document.issued_on == datetime.date(2019, 2, 20)
    assert make(bloc, 2019, "scores", issued_on=DEC5).document.issued_on == DEC5
    with pytest.raises(InputError, match="mang ngày 3/12/2019 \\(ngày họp\\); không chọn"):
        make(bloc, 2019, "minutes", issued_on=DEC5)
    with pytest.raises(InputError, match="ngày ký"):
        make(bloc, 2019, "pledge", issued_on=DEC5)


def test_missing_data_refuses_before_any_number(bloc: Database) -> None:
    with pytest.raises(MissingData) as info:
        make(bloc, 2020, "minutes")
    assert info.value.message == ("Chưa lập được biên bản hội nghị tổng kết năm 2020: năm 2020 "
                                  "chưa có hội nghị tổng kết (trang Hội nghị).")
    assert register.register(bloc) == []


def test_a_numbered_kind_needs_the_bloc_code(bloc: Database) -> None:
    save_profile(bloc, replace(load_profile(bloc), code=""))
    record = load_record(bloc, 2019)
    assert missing(record, KINDS["minutes"]) == [
        "khối chưa có chữ viết tắt dùng trong số văn bản, ví dụ KTĐNC (thông tin khối)"]
    assert missing(record, KINDS["pledge"]) == []
    with pytest.raises(MissingData, match="chữ viết tắt"):
        make(bloc, 2019, "minutes", draft=True)


def test_next_number_says_what_issuing_would_give(bloc: Database) -> None:
    before = bloc.conn.total_changes
    preview = next_number(bloc, 2019, "minutes")
    assert (preview.number_text, preview.issued_on, preview.profile.id) == (
        "Số: 01/BB-KTĐNC", DEC3, "state")
    assert bloc.conn.total_changes == before  # nothing written
    assert next_number(bloc, 2019, "scores").number_text == ""
    issued = issue_number(bloc, 2019, "minutes")
    assert next_number(bloc, 2019, "minutes").number_text == issued.number_text
    assert next_number(bloc, 2019, "submission", issued_on=DEC5).number_text == \
        "Số: 02/TTr-KTĐNC"


def test_issue_number(bloc: Database) -> None:
    first = issue_number(bloc, 2019, "submission", issued_on=DEC5)
    assert first.number_text == "Số: 01/TTr-KTĐNC" and first.issued_on == DEC5
    assert issue_number(bloc, 2019, "submission") == first
    with pytest.raises(InputError, match="không cấp số văn bản"):
        issue_number(bloc, 2019, "pledge")
    with pytest.raises(MissingData):
        issue_number(bloc, 2020, "minutes")


def test_withdraw_only_the_last_number(bloc: Database) -> None:
    minutes = issue_number(bloc, 2019, "minutes")
    issue_number(bloc, 2019, "submission")
    with pytest.raises(InputError, match="Không hủy được “Số: 01/BB-KTĐNC”: đã có văn bản"):
        register.withdraw(bloc, 2019, "minutes")
    register.withdraw(bloc, 2019, "submission")
    assert register.withdraw(bloc, 2019, "minutes") == minutes
    assert register.register(bloc) == []
    with pytest.raises(InputError, match="chưa được cấp số"):
        register.withdraw(bloc, 2019, "minutes")

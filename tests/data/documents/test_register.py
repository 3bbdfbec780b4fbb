"""data/documents/register.py: the register of issued documents and their numbers."""

from __future__ import annotations

import datetime

import pytest

from data import audit, years
from data.db import Database
from data.documents import register
from data.documents.profiles import load_profile
from data.errors import InputError

STATE, PARTY = load_profile("state"), load_profile("party")
DEC3 = datetime.date(2019, 12, 3)


def issue(db: Database, kind: str, type_code: str = "BB", day: datetime.date = DEC3,
          profile: object = STATE, year: int = 2019) -> register.IssuedDocument:
    return register.issue(db, year, kind, type_code=type_code, profile=profile,  # type: ignore[arg-type]
                          code="KTĐNC", issued_on=day, title=f"{kind} {year}")


def test_issuing_takes_the_next_number_of_the_series(bloc: Database) -> None:
    first = issue(bloc, "vote-count")
    second = issue(bloc, "minutes")
    third = issue(bloc, "submission", "TTr")
    assert (first.number, second.number, third.number) == (1, 2, 3)  # one count for all types
    assert third.number_text == "Số: 03/TTr-KTĐNC" and third.series == "năm 2019"
    assert third.issued_on == DEC3 and third.profile == "state"
    assert [d.kind for d in register.register(bloc, 2019)] == ["vote-count", "minutes",
                                                               "submission"]


def test_reprinting_keeps_the_number(bloc: Database) -> None:
    first = issue(bloc, "minutes")
    again = issue(bloc, "minutes", day=datetime.date(2019, 12, 20))
    assert again == first
    assert register.next_number(bloc, "năm 2019") == 2


def test_state_numbers_start_again_on_1_january(bloc: Database) -> None:
    issue(bloc, "minutes")
    issue(bloc, "submission", "TTr")
    january = issue(bloc, "pledge-2020", day=datetime.date(2020, 1, 6), year=2020)
    assert (january.number, january.series) == (1, "năm 2020")


def test_party_numbers_run_through_the_term_per_type(bloc: Database) -> None:
    years.add_year(bloc, 2016)
    early = issue(bloc, "minutes", day=datetime.date(2016, 12, 5), profile=PARTY, year=2016)
    minutes = issue(bloc, "minutes", profile=PARTY)
    submission = issue(bloc, "submission", "TTr", profile=PARTY)
    next_term = issue(bloc, "minutes", day=datetime.date(2020, 12, 9), profile=PARTY, year=2020)
    assert early.number_text == "Số 01-BB/KTĐNC"
    assert minutes.number_text == "Số 02-BB/KTĐNC"  # 2016 and 2019: one term, one count
    assert minutes.series == "nhiệm kỳ 2015-2020 · BB"
    assert submission.number_text == "Số 01-TTr/KTĐNC"  # each type counts on its own
    assert next_term.number_text == "Số 01-BB/KTĐNC"
    assert next_term.series == "nhiệm kỳ 2020-2025 · BB"


def test_issuing_is_recorded_in_the_audit_log(bloc: Database) -> None:
    found = issue(bloc, "minutes")
    entry = audit.entries(bloc, "document")[0]
    assert entry.action == "issue" and entry.entity_key == str(found.id)
    assert entry.detail["number"] == "Số: 01/BB-KTĐNC"


def test_a_bloc_without_a_code_cannot_number(bloc: Database) -> None:
    with pytest.raises(InputError, match="chưa có chữ viết tắt"):
        register.issue(bloc, 2019, "minutes", type_code="BB", profile=STATE, code=" ",
                       issued_on=DEC3, title="")
    assert register.register(bloc) == []


def test_issued_is_none_before_issuing(bloc: Database) -> None:
    assert register.issued(bloc, 2019, "minutes") is None

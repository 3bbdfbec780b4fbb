"""data/documents/record.py: a year read once for its documents."""

from __future__ import annotations

from data.db import Database
from data.documents.record import YearRecord, load_record
from data.standings import standings


def test_the_demo_year_is_read_whole(record: YearRecord, bloc: Database) -> None:
    assert record.year == 2019 and record.bloc.code == "KTĐNC"
    assert len(record.units) == 8 and record.order[0] == next(
        u for u, unit in record.units.items() if unit.name == "Bộ Chỉ huy Quân sự tỉnh")
    assert [s.unit.name for s in record.standings] == [s.unit.name for s in
                                                       standings(bloc, 2019)]
    assert record.meeting is not None and record.meeting.held_on == "2019-12-03"
    assert record.quorum is not None and (record.quorum.present, record.quorum.members) == (8, 8)
    assert len(record.reports) == 5 and all(r.result is not None for r in record.reports)
    assert len(record.nominations) == 6
    assert record.next_officers is not None
    assert record.name(record.next_officers.head) == "Sở Nội vụ"


def test_a_year_without_meeting(bloc: Database) -> None:
    year = load_record(bloc, 2020)
    assert year.meeting is None and year.quorum is None and year.reports == ()
    assert year.attendance is None and year.next_officers is None
    assert len(year.pledge.contents) == 9


def test_lookups(record: YearRecord) -> None:
    head = record.officers.head
    assert record.name(head) == "Cục Thi hành án dân sự tỉnh" and record.name(None) == ""
    assert record.name(9999) == "Đơn vị mã số 9999"
    standing = record.standing(head or 0)
    assert standing is not None and standing.rank == 1
    assert record.report_of(None) is None

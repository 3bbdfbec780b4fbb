"""data/audit.py: who changed what, written by the repositories in the same transaction."""

from __future__ import annotations

import getpass
import re
from collections.abc import Iterator

import pytest

from data import audit, units, years
from data.db import Database, transaction
from data.errors import InputError
from data.model import YearStatus


@pytest.fixture(autouse=True)
def no_actor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with no actor set; whatever it sets is undone afterwards."""
    monkeypatch.setattr(audit, "_actor", None)
    yield


def test_repository_calls_write_entries(empty_bloc: Database) -> None:
    audit.set_actor("Nguyễn Thị Lan")
    unit = units.add_unit(empty_bloc, "Sở Tư pháp", year=2025)
    units.update_unit(empty_bloc, unit.id, short_name="STP")
    years.set_status(empty_bloc, 2025, YearStatus.SCORING)
    newest = audit.entries(empty_bloc, limit=4)
    assert [(e.who, e.action, e.entity, e.entity_key) for e in newest] == [
        ("Nguyễn Thị Lan", "status", "year", "2025"),
        ("Nguyễn Thị Lan", "update", "unit", str(unit.id)),
        ("Nguyễn Thị Lan", "add", "membership", f"2025/{unit.id}"),
        ("Nguyễn Thị Lan", "add", "unit", str(unit.id)),
    ]
    assert newest[0].detail == {"status": "scoring"}
    assert newest[1].detail == {"short_name": "STP"}
    assert newest[3].detail == {"name": "Sở Tư pháp"}
    assert [e.id for e in newest] == sorted((e.id for e in newest), reverse=True)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", e.at) for e in newest)


def test_filter_by_entity_and_limit(bloc: Database) -> None:
    unit_entries = audit.entries(bloc, "unit")
    assert len(unit_entries) == 8
    assert {e.action for e in unit_entries} == {"add"}
    assert [e.detail["name"] for e in unit_entries][-1] == "Cục Thi hành án dân sự tỉnh"
    officers = audit.entries(bloc, "officers")
    assert [e.entity_key for e in officers] == ["2020", "2019"]
    assert len(audit.entries(bloc, limit=3)) == 3
    assert audit.entries(bloc, "no_such_entity") == []
    everything = audit.entries(bloc, limit=100_000)
    assert everything[-1].entity == "bloc"  # the oldest entry: the bloc's profile


def test_a_refused_change_writes_no_entry(empty_bloc: Database) -> None:
    units.add_unit(empty_bloc, "Sở Tư pháp")
    count = len(audit.entries(empty_bloc, limit=10_000))
    with pytest.raises(InputError, match="đã có trong khối"):
        units.add_unit(empty_bloc, "SỞ TƯ PHÁP", year=2025)
    assert len(audit.entries(empty_bloc, limit=10_000)) == count


def test_set_actor_changes_the_author(empty_bloc: Database) -> None:
    assert audit.actor() == getpass.getuser()
    units.add_unit(empty_bloc, "Sở Nội vụ")
    audit.set_actor("Trần Văn Bình")
    assert audit.actor() == "Trần Văn Bình"
    units.add_unit(empty_bloc, "Công an tỉnh")
    later, earlier = audit.entries(empty_bloc, "unit")
    assert (later.who, later.detail) == ("Trần Văn Bình", {"name": "Công an tỉnh"})
    assert (earlier.who, earlier.detail) == (getpass.getuser(), {"name": "Sở Nội vụ"})


def test_record_and_entries_directly(empty_bloc: Database) -> None:
    audit.set_actor("Thư ký")
    with transaction(empty_bloc):  # record is meant to run inside the change's transaction
        audit.record(empty_bloc, "print", "document", "05/BB-KTĐNC", pages=3, title="Biên bản")
        audit.record(empty_bloc, "open", "bloc")
    last, before = audit.entries(empty_bloc, limit=2)
    assert (last.action, last.entity, last.entity_key, last.detail) == ("open", "bloc", "", {})
    assert (before.entity_key, before.detail) == ("05/BB-KTĐNC",
                                                  {"pages": 3, "title": "Biên bản"})

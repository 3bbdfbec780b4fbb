"""Rows taken before a delete are put back with their ids."""

from __future__ import annotations

import pytest

from data import scores
from data.db import Database
from data.snapshots import restore, take


def test_take_and_restore_round_trip(bloc: Database) -> None:
    before = scores.scores(bloc, 2019)
    snap = take(bloc, "scores", "year = :y AND layer = :l", {"y": 2019, "l": "council"})
    assert snap.count("scores") == 32  # 8 units x 4 council items
    bloc.conn.execute("DELETE FROM scores WHERE year = 2019 AND layer = 'council'")
    assert len(scores.scores(bloc, 2019)) == len(before) - 32
    restore(bloc, snap)
    assert sorted(scores.scores(bloc, 2019), key=repr) == sorted(before, key=repr)


def test_snapshots_add_up_in_order(bloc: Database) -> None:
    a = take(bloc, "penalty_types", "year = 2019", {})
    b = take(bloc, "penalties", "year = 2019", {})
    both = a + b
    assert [name for name, _ in both.tables] == ["penalty_types", "penalties"]
    assert both.count("penalties") == 2


def test_restore_is_all_or_nothing(bloc: Database) -> None:
    snap = take(bloc, "penalties", "year = 2019", {})
    count = bloc.conn.execute("SELECT count(*) FROM penalties").fetchone()[0]
    with pytest.raises(Exception, match="UNIQUE"):
        restore(bloc, snap)  # the rows are still there: ids collide
    assert bloc.conn.execute("SELECT count(*) FROM penalties").fetchone()[0] == count


def test_table_names_are_checked(bloc: Database) -> None:
    with pytest.raises(ValueError):
        take(bloc, "scores; DROP TABLE units", "1", {})

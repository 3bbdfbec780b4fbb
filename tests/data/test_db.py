"""data/db.py: connections, pragmas, the vi collation, transactions, damaged files, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from data import units
from data.bloc import open_bloc
from data.db import APPLICATION_ID, Database, backup_to, connect, transaction
from data.errors import FileAccessError

DAMAGED = "bị hỏng"


def pragma(db: Database, name: str) -> Any:
    return db.conn.execute(f"PRAGMA {name}").fetchone()[0]


def side_files(path: Path) -> list[str]:
    """Every file of the directory except `path` itself."""
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def scratch(db: Database) -> None:
    """A table to play with, in a file marked as a bloc file."""
    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.conn.execute("CREATE TABLE t (x INTEGER)")


def rows(db: Database) -> list[int]:
    return [r[0] for r in db.conn.execute("SELECT x FROM t ORDER BY x")]


# --- connections and pragmas -------------------------------------------------------------------
def test_in_memory_connection_has_the_pragmas() -> None:
    db = connect(None)
    try:
        assert pragma(db, "foreign_keys") == 1
        assert pragma(db, "busy_timeout") > 0
        assert pragma(db, "journal_mode") == "memory"
    finally:
        db.close()


def test_every_disk_connection_has_the_pragmas(bloc_file: Path) -> None:
    first, second = open_bloc(bloc_file), connect(bloc_file, create=False)
    try:
        for db in (first, second):
            assert pragma(db, "foreign_keys") == 1
            assert pragma(db, "journal_mode") == "wal"
            assert pragma(db, "busy_timeout") > 0
            assert pragma(db, "application_id") == APPLICATION_ID
    finally:
        first.close()
        second.close()


def test_foreign_keys_are_enforced(bloc: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        bloc.conn.execute(
            "INSERT INTO memberships (year, unit_id) VALUES (2019, 9999)"
        )


NAMES = ["Zeta", "Ưu tiên", "Đảng ủy", "Ăn uống", "An Giang", "Dân vận", "Uông Bí", "Âu Cơ"]
VI_ORDER = ["An Giang", "Ăn uống", "Âu Cơ", "Dân vận", "Đảng ủy", "Uông Bí", "Ưu tiên", "Zeta"]


@pytest.mark.parametrize("on_disk", [False, True])
def test_vi_collation_sorts_the_vietnamese_way(tmp_path: Path, on_disk: bool) -> None:
    db = connect(tmp_path / "c.ktd" if on_disk else None)
    try:
        db.conn.execute("CREATE TABLE n (name TEXT)")
        db.conn.executemany("INSERT INTO n VALUES (?)", [(n,) for n in NAMES])
        got = [r[0] for r in db.conn.execute("SELECT name FROM n ORDER BY name COLLATE vi")]
        binary = [r[0] for r in db.conn.execute("SELECT name FROM n ORDER BY name")]
    finally:
        db.close()
    assert got == VI_ORDER
    assert binary[-3:] != VI_ORDER[-3:]  # the plain order puts Ă, Đ, Ư after Z


def test_vi_collation_tones_break_ties_in_their_order() -> None:
    db = connect(None)
    try:
        db.conn.execute("CREATE TABLE n (name TEXT)")
        db.conn.executemany("INSERT INTO n VALUES (?)", [(n,) for n in "Mạ Má Mã Mả Mà Ma".split()])
        got = [r[0] for r in db.conn.execute("SELECT name FROM n ORDER BY name COLLATE vi")]
    finally:
        db.close()
    assert got == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]


# --- transactions ------------------------------------------------------------------------------
def test_transaction_commits(tmp_path: Path) -> None:
    path = tmp_path / "t.ktd"
    db = connect(path)
    scratch(db)
    with transaction(db):
        db.conn.execute("INSERT INTO t VALUES (1)")
    other = connect(path, create=False)
    try:
        assert rows(other) == [1]
        assert not db.conn.in_transaction
    finally:
        other.close()
        db.close()


def test_transaction_rolls_back_everything_on_an_exception() -> None:
    db = connect(None)
    scratch(db)
    db.conn.execute("INSERT INTO t VALUES (0)")
    with pytest.raises(RuntimeError, match="dừng"), transaction(db):
        db.conn.execute("INSERT INTO t VALUES (1)")
        db.conn.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("dừng")
    assert rows(db) == [0]
    assert not db.conn.in_transaction
    db.close()


def test_nested_transaction_is_a_savepoint() -> None:
    db = connect(None)
    scratch(db)
    with transaction(db):
        db.conn.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), transaction(db):
            db.conn.execute("INSERT INTO t VALUES (2)")
            raise ValueError("lỗi bên trong")
        assert db.conn.in_transaction  # the outer transaction goes on
        db.conn.execute("INSERT INTO t VALUES (3)")
    assert rows(db) == [1, 3]
    db.close()


def test_outer_failure_rolls_back_a_released_inner_savepoint() -> None:
    db = connect(None)
    scratch(db)
    with pytest.raises(KeyError), transaction(db):
        with transaction(db):
            db.conn.execute("INSERT INTO t VALUES (2)")
        raise KeyError("sau")
    assert rows(db) == []
    db.close()


def test_transaction_on_a_locked_file_is_a_vietnamese_error(tmp_path: Path) -> None:
    path = tmp_path / "khoá.ktd"
    holder = connect(path)
    scratch(holder)
    waiter = connect(path, create=False)
    waiter.conn.execute("PRAGMA busy_timeout = 20")
    holder.conn.execute("BEGIN IMMEDIATE")
    holder.conn.execute("INSERT INTO t VALUES (1)")
    try:
        with pytest.raises(FileAccessError, match="đang bị một chương trình khác khóa"):
            with transaction(waiter):
                waiter.conn.execute("INSERT INTO t VALUES (2)")
        assert not waiter.conn.in_transaction
    finally:
        holder.conn.execute("ROLLBACK")
        holder.close()
        waiter.close()


# --- backups -----------------------------------------------------------------------------------
@pytest.mark.parametrize("source_on_disk", [False, True])
def test_backup_to_makes_an_openable_copy(bloc: Database, bloc_file: Path, tmp_path: Path,
                                          source_on_disk: bool) -> None:
    source = open_bloc(bloc_file) if source_on_disk else bloc
    target_dir = tmp_path / "sao lưu"
    target_dir.mkdir()
    try:
        copy = backup_to(source, target_dir / "Bản sao.ktd")
        expected = [(u.name, u.code) for u in units.all_units(source)]
        expected_scores = source.conn.execute(
            "SELECT count(*) FROM scores").fetchone()[0]
    finally:
        if source_on_disk:
            source.close()
    assert copy == target_dir / "Bản sao.ktd"
    assert sorted(p.name for p in target_dir.iterdir()) == ["Bản sao.ktd"]
    reopened = open_bloc(copy)
    try:
        assert [(u.name, u.code) for u in units.all_units(reopened)] == expected
        assert pragma(reopened, "application_id") == APPLICATION_ID
        assert reopened.conn.execute("SELECT count(*) FROM scores").fetchone()[0] == expected_scores
        assert expected_scores > 0
    finally:
        reopened.close()


def test_backup_to_replaces_an_older_copy(bloc: Database, tmp_path: Path) -> None:
    target = tmp_path / "bản sao.ktd"
    target.write_bytes("cũ".encode())
    backup_to(bloc, target)
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bản sao.ktd"]


def test_backup_to_a_missing_folder_is_a_vietnamese_error(bloc: Database, tmp_path: Path) -> None:
    target = tmp_path / "không có" / "bản sao.ktd"
    with pytest.raises(FileAccessError, match="Không mở được “bản sao.ktd”"):
        backup_to(bloc, target)
    assert not target.parent.exists()

"""data/db.py: connections, pragmas, the vi collation, transactions, damaged files, backups."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from data import units
from data.bloc import open_bloc
from data.db import APPLICATION_ID, Database, backup_to, connect, explain, transaction
from data.errors import BlocError, FileAccessError, FileFormatError
from data.standings import standings

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


# --- files that are not (intact) bloc files ----------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        "Họ và tên,Đơn vị\nNguyễn Văn A,Sở Tư pháp\n".encode() * 40,
    ],
    ids=["random-bytes", "text-file"],
)
def test_a_non_sqlite_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "không phải khối.ktd"
    path.write_bytes(content)
    for opener in (lambda: connect(path, create=False), lambda: open_bloc(path)):
        with pytest.raises(FileFormatError) as info:
            opener()
        assert "không phải tệp khối thi đua" in str(info.value)
        assert "không phải khối.ktd" in str(info.value)
    assert path.read_bytes() == content
    assert side_files(path) == []


def test_an_empty_existing_file_can_be_created_into(tmp_path: Path) -> None:
    from data.migrations import CURRENT_VERSION, migrate

    path = tmp_path / "rỗng.ktd"
    path.write_bytes(b"")
    db = connect(path)
    try:
        migrate(db, path)
        assert pragma(db, "user_version") == CURRENT_VERSION
        assert pragma(db, "application_id") == APPLICATION_ID
    finally:
        db.close()


def test_another_applications_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "sổ lương.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE staff (name TEXT)")
    raw.execute("INSERT INTO staff VALUES ('Nguyễn Văn A')")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(FileFormatError, match="là cơ sở dữ liệu SQLite nhưng không phải tệp khối"):
        open_bloc(path)
    assert path.read_bytes() == before
    assert side_files(path) == []


def _read_everything(path: Path) -> None:
    db = open_bloc(path)
    try:
        for year in (2019, 2020):
            standings(db, year)
        units.all_units(db)
    finally:
        db.close()


def test_a_zeroed_page_in_the_middle_is_refused(bloc_file: Path) -> None:
    raw = bytearray(bloc_file.read_bytes())
    middle = (len(raw) // 4096 // 2) * 4096
    raw[middle:middle + 4096] = bytes(4096)
    bloc_file.write_bytes(bytes(raw))
    with pytest.raises((FileFormatError, FileAccessError)) as info:
        _read_everything(bloc_file)
    assert DAMAGED in str(info.value)
    assert "bản sao lưu" in str(info.value)


def test_a_truncated_file_is_refused(bloc_file: Path) -> None:
    raw = bloc_file.read_bytes()
    bloc_file.write_bytes(raw[: len(raw) // 2 + 1000])
    with pytest.raises((FileFormatError, FileAccessError)) as info:
        _read_everything(bloc_file)
    assert DAMAGED in str(info.value)


def test_damaged_text_is_a_vietnamese_error_never_a_sqlite_one(bloc_file: Path) -> None:
    raw = bloc_file.read_bytes()
    name = "Viện Kiểm sát nhân dân tỉnh".encode()
    at = raw.index(name)  # the unit's row: its text becomes invalid UTF-8
    damaged = raw[:at + 5] + b"\xff\xfe" + raw[at + 7:]
    bloc_file.write_bytes(damaged)
    with pytest.raises(FileFormatError) as info:
        _read_everything(bloc_file)
    assert DAMAGED in str(info.value)


def test_bytes_overwritten_anywhere_never_give_a_raw_error(bloc_file: Path) -> None:
    raw = bloc_file.read_bytes()
    pages = len(raw) // 4096
    outcomes: set[str] = set()
    for page in range(1, pages, 3):
        for back in (300, 40):
            data = bytearray(raw)
            at = page * 4096 + 4096 - back
            data[at:at + 16] = b"\xff" * 16
            bloc_file.write_bytes(bytes(data))
            try:
                _read_everything(bloc_file)
                outcomes.add("ok")
            except BlocError as exc:
                assert DAMAGED in exc.message, exc.message
                outcomes.add(type(exc).__name__)
            for extra in bloc_file.parent.iterdir():
                if extra != bloc_file:
                    extra.unlink()
    assert "FileFormatError" in outcomes


def test_a_directory_is_not_a_bloc_file(tmp_path: Path) -> None:
    folder = tmp_path / "Khối.ktd"
    folder.mkdir()
    with pytest.raises(FileAccessError, match="là một thư mục"):
        connect(folder)


def test_a_refused_file_is_not_kept_open(tmp_path: Path) -> None:
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("needs /proc to list open files")
    path = tmp_path / "khác.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE other (x)")
    raw.commit()
    raw.close()
    with pytest.raises(FileFormatError):
        connect(path, create=False)
    still_open = []
    for fd in fd_dir.iterdir():
        try:
            still_open.append(os.readlink(fd))
        except OSError:
            continue
    assert str(path) not in still_open  # Windows could not rename or delete it otherwise


# --- explain -----------------------------------------------------------------------------------
def test_explain_locked_keeps_the_file_name() -> None:
    exc = explain(sqlite3.OperationalError("database is locked"), Path("Khối Nội Chính.KTD"))
    assert isinstance(exc, FileAccessError)
    assert str(exc).startswith("“Khối Nội Chính.KTD” đang bị một chương trình khác khóa")


def test_explain_locked_without_a_path() -> None:
    exc = explain(sqlite3.OperationalError("database is locked"))
    assert isinstance(exc, FileAccessError)
    assert str(exc).startswith("Tệp khối thi đua đang bị một chương trình khác khóa")


@pytest.mark.parametrize(
    "error",
    [sqlite3.OperationalError("attempt to write a readonly database"),
     PermissionError(errno.EACCES, "Permission denied")],
)
def test_explain_read_only(error: BaseException) -> None:
    exc = explain(error, Path("Khối.ktd"))
    assert isinstance(exc, FileAccessError)
    assert "Không ghi được vào “Khối.ktd”" in str(exc)
    assert "chỉ cho phép đọc" in str(exc)


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"),
     sqlite3.OperationalError("database or disk is full")],
)
def test_explain_disk_full(error: BaseException) -> None:
    exc = explain(error, Path("Khối.ktd"))
    assert isinstance(exc, FileAccessError)
    assert str(exc) == "Ổ đĩa đã đầy, không ghi được “Khối.ktd”. Hãy giải phóng dung lượng."


def test_explain_damaged_and_unknown() -> None:
    damaged = explain(sqlite3.DatabaseError("database disk image is malformed"), Path("a.ktd"))
    assert isinstance(damaged, FileFormatError)
    assert "bị hỏng" in str(damaged)
    unopenable = explain(sqlite3.OperationalError("unable to open database file"), Path("a.ktd"))
    assert isinstance(unopenable, FileAccessError)
    assert "Không mở được “a.ktd”" in str(unopenable)


def test_explain_passes_bloc_errors_through() -> None:
    original = FileFormatError("Tệp đã hỏng.")
    assert explain(original) is original


def test_read_only_file_is_refused_on_write(bloc_file: Path) -> None:
    if sys.platform != "win32" and os.geteuid() == 0:
        pytest.skip("root ignores file permissions; explain() is tested with synthetic errors")
    folder = bloc_file.parent
    bloc_file.chmod(0o444)
    folder.chmod(0o555)
    try:
        before = bloc_file.read_bytes()
        with pytest.raises(FileAccessError) as info:
            db = open_bloc(bloc_file)
            try:
                units.add_unit(db, "Đơn vị mới")
            finally:
                db.close()
        assert "chỉ cho phép đọc" in str(info.value) or "Không mở được" in str(info.value)
        assert bloc_file.read_bytes() == before
    finally:
        folder.chmod(0o755)
        bloc_file.chmod(0o644)


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

"""data/db.py: damaged, foreign, locked and read-only files, full disks: refused in Vietnamese."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import sys
from pathlib import Path

import pytest

from data import units
from data.bloc import open_bloc
from data.db import APPLICATION_ID, connect, explain
from data.errors import BlocError, FileAccessError, FileFormatError
from data.standings import standings
from tests.data.test_db import pragma, side_files

DAMAGED = "bị hỏng"


# --- files that are not (intact) bloc files ----------------------------------------------------


def _read_everything(path: Path) -> None:
    db = open_bloc(path)
    try:
        for year in (2019, 2020):
            standings(db, year)
        units.all_units(db)
    finally:
        db.close()


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

"""Opening a bloc file: one SQLite database per bloc, with the pragmas and collation it needs."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Any

from data.errors import FileAccessError, FileFormatError
from data.vntext import collate, search_key

EXTENSION = ".ktd"  # "khối thi đua"
APPLICATION_ID = 0x4B544431  # "KTD1": marks a SQLite file as a bloc file
# Files up to this size are fully checked when opened (~25 ms); larger ones in the background.
QUICK_CHECK_LIMIT = 4 * 1024 * 1024
_savepoints = count(1)


class Database:
    """An open bloc database: its sqlite3 connection, plus sqlite-utils' table toolkit on demand
    (`tables`), imported only when used because it costs ~70 ms of start-up."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._tables: Any = None

    @property
    def tables(self) -> Any:
        """sqlite_utils.Database over the same connection (insert_all, rows_where, ...)."""
        if self._tables is None:
            import sqlite_utils

            self._tables = sqlite_utils.Database(self.conn)
        return self._tables

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def with_extension(path: str | os.PathLike[str]) -> Path:
    """The path with the bloc-file extension added when it has none."""
    p = Path(path)
    # "Khối Tp. Bắc Ninh" has no extension: a suffix with a space is part of the name
    return p if p.suffix and not any(ch.isspace() for ch in p.suffix) else p.with_name(
        p.name + EXTENSION)


def _configure(conn: sqlite3.Connection, *, on_disk: bool) -> None:
    conn.row_factory = sqlite3.Row
    conn.text_factory = _text
    conn.create_collation("vi", collate)
    conn.create_function("vi_key", 1, search_key, deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if on_disk:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError(
            "Tệp khối thi đua bị hỏng: có dữ liệu chữ không đọc được. Hãy mở bản sao lưu gần nhất."
        ) from None


def connect(path: str | os.PathLike[str] | None = None, *, create: bool = True,
            check_version: Callable[[int], None] | None = None) -> Database:
    """Open (or create) a bloc database; None gives an in-memory one. No migration is run here.

    `check_version` sees the file's user_version before anything is written and may refuse it.
    """
    if path is None:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _configure(conn, on_disk=False)
        return Database(conn)
    p = Path(path)
    if not create and not p.exists():
        raise FileAccessError(f"Không tìm thấy tệp “{p.name}”.")
    if p.exists() and p.is_dir():
        raise FileAccessError(f"“{p.name}” là một thư mục, không phải tệp khối thi đua.")
    try:
        conn = sqlite3.connect(p, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise explain(exc, p) from exc
    try:
        _check_sqlite(conn, p)
        if check_version is not None:
            check_version(int(conn.execute("PRAGMA user_version").fetchone()[0]))
        _configure(conn, on_disk=True)
    except BaseException as exc:
        conn.close()  # a refused file must not stay open (Windows would keep it locked)
        if isinstance(exc, sqlite3.DatabaseError | UnicodeDecodeError):
            raise explain(exc, p) from exc
        raise
    return Database(conn)


def _check_sqlite(conn: sqlite3.Connection, path: Path) -> None:
    """Fail early, with a clear message, on a file that is not an intact SQLite database."""
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if has_tables and app_id != APPLICATION_ID:
        raise FileFormatError(
            f"Tệp “{path.name}” là cơ sở dữ liệu SQLite nhưng không phải tệp khối thi đua."
        )
    if has_tables and path.stat().st_size <= QUICK_CHECK_LIMIT:
        _quick_check(conn, path)


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise FileFormatError(
            f"Tệp “{path.name}” bị hỏng ({verdict}). Hãy mở bản sao lưu gần nhất."
        )


def integrity_problem(path: str | os.PathLike[str]) -> str | None:
    """A whole-file check on a connection of its own (for large files, run after opening, off
    the main thread): the Vietnamese reason the file is damaged, or None when it is intact."""
    p = Path(path)
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _quick_check(conn, p)
        finally:
            conn.close()
    except FileFormatError as exc:
        return exc.message
    except sqlite3.DatabaseError as exc:
        return str(explain(exc, p))
    return None


def explain(exc: BaseException, path: Path | None = None) -> Exception:
    """Turn a SQLite or OS error into a Vietnamese message the user can act on."""
    name = f"“{path.name}”" if path else "tệp khối thi đua"
    text = str(exc).lower()
    if isinstance(exc, FileFormatError | FileAccessError):
        return exc
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "disk is full" in text:
        return FileAccessError(f"Ổ đĩa đã đầy, không ghi được {name}. Hãy giải phóng dung lượng.")
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return FileAccessError(
            f"Không ghi được vào {name}: tệp hoặc thư mục chỉ cho phép đọc. "
            "Hãy lưu một bản sao vào thư mục khác."
        )
    if "locked" in text or "busy" in text:
        return FileAccessError(
            f"{name[:1].upper()}{name[1:]} đang bị một chương trình khác khóa. "
            "Hãy đóng chương trình đó và thử lại."
        )
    if ("not a database" in text or "malformed" in text or "corrupt" in text
            or isinstance(exc, UnicodeDecodeError)):
        return FileFormatError(
            f"Tệp {name} bị hỏng hoặc không phải tệp khối thi đua. Hãy mở bản sao lưu gần nhất."
        )
    if "unable to open" in text:
        return FileAccessError(f"Không mở được {name}: kiểm tra đường dẫn và quyền truy cập.")
    return FileAccessError(f"Lỗi khi đọc/ghi {name}: {exc}")


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """All-or-nothing writes; nested calls become savepoints of the outer transaction."""
    conn = db.conn
    if conn.in_transaction:
        name = f"ktd_sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
        raise explain(exc) from exc
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise explain(exc) from exc


def backup_to(db: Database, target: str | os.PathLike[str]) -> Path:
    """Copy the whole bloc safely (SQLite backup API) to a temporary name, then rename it."""
    final = Path(target)
    tmp = final.with_name(final.name + ".tmp")
    try:
        if tmp.exists():
            tmp.unlink()
        dest = sqlite3.connect(tmp)
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(tmp, final)
    except (OSError, sqlite3.DatabaseError) as exc:
        tmp.unlink(missing_ok=True)
        raise explain(exc, final) from exc
    return final

"""Ordered schema steps keyed on PRAGMA user_version; newer files refused, older ones backed up."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from data.db import APPLICATION_ID, Database, backup_to, explain, transaction
from data.errors import FileFormatError


def _run_script(db: Database, name: str) -> None:
    sql = (Path(__file__).with_name(name)).read_text(encoding="utf-8")
    for statement in sql.split(";"):  # the scripts have no ";" inside comments or strings
        if statement.strip():
            db.conn.execute(statement)


def _step_1(db: Database) -> None:
    """The whole domain: bloc, units, years, rules, criteria, scores, meetings, ballots..."""
    _run_script(db, "schema_v1.sql")


def _step_2(db: Database) -> None:
    """The register of issued documents; the bloc's profile names a profile file."""
    _run_script(db, "schema_v2.sql")


STEPS: tuple[Callable[[Database], None], ...] = (_step_1, _step_2)
CURRENT_VERSION = len(STEPS)


def file_version(db: Database) -> int:
    """The format version recorded in the file (0 for a new, empty file)."""
    return int(db.conn.execute("PRAGMA user_version").fetchone()[0])


def backup_name(path: Path, version: int, now: datetime | None = None) -> Path:
    """Where the copy made before migrating a file of `version` goes (beside the file)."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H%M%S")
    return path.with_name(f"{path.stem} - bản sao trước nâng cấp (định dạng {version}) {stamp}"
                          f"{path.suffix}")


def refuse_newer(version: int) -> None:
    """Refuse a file written by a newer version of the application (before anything is written)."""
    if version > CURRENT_VERSION:
        raise FileFormatError(
            f"Tệp khối này được lưu bởi phiên bản phần mềm mới hơn (định dạng {version}, "
            f"phiên bản này đọc được đến định dạng {CURRENT_VERSION}). "
            "Hãy cập nhật phần mềm; tệp được giữ nguyên, không bị thay đổi."
        )


def migrate(db: Database, path: Path | None = None) -> Path | None:
    """Bring the file to CURRENT_VERSION; return the backup made first, if any."""
    version = file_version(db)
    refuse_newer(version)
    if version == CURRENT_VERSION:
        return None
    backup = backup_to(db, backup_name(path, version)) if path is not None and version > 0 else None
    try:
        for number in range(version + 1, CURRENT_VERSION + 1):
            with transaction(db):
                STEPS[number - 1](db)
                db.conn.execute(f"PRAGMA user_version = {number}")
                if number == 1:
                    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) from exc
    return backup

"""The bloc file as a whole: create, open (migrating), and the bloc's own profile."""

from __future__ import annotations

import os
from pathlib import Path

from data import audit
from data.db import Database, connect, transaction, with_extension
from data.documents.profiles import load_profile as load_page_profile
from data.errors import FileAccessError, FileFormatError, InputError
from data.migrations import migrate, refuse_newer
from data.model import BlocProfile
from data.vntext import clean


def open_bloc(path: str | os.PathLike[str]) -> Database:
    """Open an existing bloc file, migrating it (after a backup) when it is older."""
    p = Path(path)
    if not p.exists():
        raise FileAccessError(f"Không tìm thấy tệp “{p.name}”.")

    def openable(version: int) -> None:  # checked before the connection writes anything
        if version == 0:
            raise FileFormatError(f"Tệp “{p.name}” trống, không phải tệp khối thi đua.")
        refuse_newer(version)

    db = connect(p, create=False, check_version=openable)
    try:
        migrate(db, p)
        if db.conn.execute("SELECT count(*) FROM bloc").fetchone()[0] != 1:
            raise InputError(f"Tệp “{p.name}” chưa có thông tin khối thi đua.")
    except BaseException:
        db.close()
        raise
    return db


def create_bloc(path: str | os.PathLike[str] | None, profile: BlocProfile) -> Database:
    """A new bloc file (or in-memory bloc when path is None) holding `profile`."""
    target = None if path is None else with_extension(path)
    if target is not None and target.exists():
        raise FileAccessError(f"Tệp “{target.name}” đã có; hãy chọn tên khác.")
    db = connect(target)
    try:
        migrate(db, target)
        save_profile(db, profile)
    except BaseException:
        db.close()
        if target is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    return db


def save_profile(db: Database, profile: BlocProfile) -> BlocProfile:
    """Create or replace the bloc's profile, normalised."""
    name = clean(profile.name)
    if not name:
        raise InputError("Tên khối thi đua không được để trống.")
    clean_profile = BlocProfile(
        name=name,
        council=clean(profile.council),
        place=clean(profile.place),
        profile=load_page_profile(clean(profile.profile)).id,
        superior=clean(profile.superior),
        code=clean(profile.code),
    )
    with transaction(db):
        db.conn.execute(
            "INSERT INTO bloc (id, name, council, place, profile, superior, code, created_at)"
            " VALUES (1, :name, :council, :place, :profile, :superior, :code, :at)"
            " ON CONFLICT (id) DO UPDATE SET name = :name, council = :council, place = :place,"
            " profile = :profile, superior = :superior, code = :code",
            {
                "name": clean_profile.name,
                "council": clean_profile.council,
                "place": clean_profile.place,
                "profile": clean_profile.profile,
                "superior": clean_profile.superior,
                "code": clean_profile.code,
                "at": audit.now_iso(),
            },
        )
        audit.record(db, "save", "bloc", 1, name=clean_profile.name)
    return clean_profile


def load_profile(db: Database) -> BlocProfile:
    """The bloc's profile."""
    row = db.conn.execute("SELECT * FROM bloc WHERE id = 1").fetchone()
    if row is None:
        raise InputError("Tệp chưa có thông tin khối thi đua.")
    return BlocProfile(
        name=row["name"],
        council=row["council"],
        place=row["place"],
        profile=row["profile"],
        superior=row["superior"],
        code=row["code"],
    )

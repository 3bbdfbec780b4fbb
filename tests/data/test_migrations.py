"""data/migrations.py: versions, refusal of newer files, backup before migrating, rollback."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from data import migrations, units
from data.bloc import create_bloc, load_profile, open_bloc
from data.db import APPLICATION_ID, Database, backup_to, connect
from data.documents import register
from data.errors import BlocError, FileFormatError
from data.model import BlocProfile

PROFILE = BlocProfile(name="Khối thi đua thử", council="Hội đồng TĐKT tỉnh", place="Bắc Ninh")
NOW = datetime(2026, 1, 5, 8, 30, 15)
NEWER = "được lưu bởi phiên bản phần mềm mới hơn"
V = migrations.CURRENT_VERSION  # the real format; the tests below add a made-up step V + 1


def header(path: Path) -> tuple[int, int]:
    """(user_version, application_id) read with plain sqlite3, no application code."""
    raw = sqlite3.connect(path)
    try:
        return (raw.execute("PRAGMA user_version").fetchone()[0],
                raw.execute("PRAGMA application_id").fetchone()[0])
    finally:
        raw.close()


def set_version(path: Path, version: int) -> None:
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.close()


def unit_names(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in raw.execute("SELECT name FROM units"))
    finally:
        raw.close()


def columns(path: Path, table: str) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [r[1] for r in raw.execute(f"PRAGMA table_info({table})")]
    finally:
        raw.close()


def others(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def test_current_version_is_the_number_of_steps() -> None:
    assert migrations.CURRENT_VERSION == len(migrations.STEPS) >= 1


def test_a_new_file_gets_the_current_version_and_the_application_id(tmp_path: Path) -> None:
    path = tmp_path / "Khối mới.ktd"
    create_bloc(path, PROFILE).close()
    assert header(path) == (migrations.CURRENT_VERSION, APPLICATION_ID)
    assert others(path) == []  # a new file needs no backup


def test_a_new_in_memory_bloc_is_migrated_without_backup() -> None:
    db = connect(None)
    try:
        assert migrations.file_version(db) == 0
        assert migrations.migrate(db) is None
        assert migrations.file_version(db) == migrations.CURRENT_VERSION
        assert db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert migrations.migrate(db) is None  # already current: nothing to do
    finally:
        db.close()


def test_opening_a_current_file_makes_no_backup(bloc_file: Path) -> None:
    open_bloc(bloc_file).close()
    assert others(bloc_file) == []


def test_a_newer_file_is_refused_untouched(bloc_file: Path) -> None:
    set_version(bloc_file, migrations.CURRENT_VERSION + 1)
    before = bloc_file.read_bytes()
    with pytest.raises(FileFormatError) as info:
        open_bloc(bloc_file)
    message = str(info.value)
    assert NEWER in message
    assert f"định dạng {migrations.CURRENT_VERSION + 1}" in message
    assert "Hãy cập nhật phần mềm" in message
    assert bloc_file.read_bytes() == before
    assert others(bloc_file) == []


def test_a_newer_handover_copy_is_refused_untouched(bloc: Database, tmp_path: Path) -> None:
    """Copies made by backup_to are not in WAL mode: refusing them must not switch them."""
    copy = backup_to(bloc, tmp_path / "bàn giao.ktd")
    set_version(copy, migrations.CURRENT_VERSION + 3)
    before = copy.read_bytes()
    with pytest.raises(FileFormatError, match=NEWER):
        open_bloc(copy)
    assert copy.read_bytes() == before
    assert others(copy) == []


def test_migrate_refuses_a_newer_in_memory_bloc(bloc: Database) -> None:
    bloc.conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    with pytest.raises(FileFormatError, match=NEWER):
        migrations.migrate(bloc)
    assert migrations.file_version(bloc) == migrations.CURRENT_VERSION + 1


def test_backup_name() -> None:
    name = migrations.backup_name(Path("/d/Khối nội chính.ktd"), 1, NOW)
    assert name == Path("/d/Khối nội chính - bản sao trước nâng cấp (định dạng 1) "
                        "2026-01-05 083015.ktd")


def _phone_step(db: Database) -> None:
    db.conn.execute("ALTER TABLE units ADD COLUMN phone TEXT NOT NULL DEFAULT ''")


def _failing_step(db: Database) -> None:
    db.conn.execute("ALTER TABLE units ADD COLUMN phone TEXT NOT NULL DEFAULT ''")
    db.conn.execute("UPDATE no_such_table SET x = 1")


class _FixedClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _FixedClock:  # type: ignore[override]
        return cls(2026, 1, 5, 8, 30, 15)


@pytest.fixture
def two_steps(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A version V + 1 of the format (units get a phone column); the clock is fixed."""
    monkeypatch.setattr(migrations, "datetime", _FixedClock)
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, _phone_step))
    monkeypatch.setattr(migrations, "CURRENT_VERSION", len(migrations.STEPS))
    return monkeypatch


def test_an_older_file_is_backed_up_then_migrated(bloc_file: Path, two_steps: object) -> None:
    old_names = unit_names(bloc_file)
    assert header(bloc_file)[0] == V
    db = open_bloc(bloc_file)
    try:
        assert migrations.file_version(db) == V + 1
        assert [u.name for u in units.all_units(db)][:1] == ["Bộ Chỉ huy Quân sự tỉnh"]
    finally:
        db.close()
    backup = migrations.backup_name(bloc_file, V, NOW)
    assert others(bloc_file) == [backup.name]
    assert header(backup) == (V, APPLICATION_ID)
    assert unit_names(backup) == old_names and len(old_names) == 8
    assert "phone" not in columns(backup, "units")
    assert header(bloc_file) == (V + 1, APPLICATION_ID)
    assert "phone" in columns(bloc_file, "units")
    assert unit_names(bloc_file) == old_names
    open_bloc(bloc_file).close()  # now current: no second backup
    assert others(bloc_file) == [backup.name]


def test_a_failing_step_leaves_the_file_at_its_old_version(bloc_file: Path,
                                                          two_steps: pytest.MonkeyPatch) -> None:
    two_steps.setattr(migrations, "STEPS", (*migrations.STEPS[:V], _failing_step))
    old_names = unit_names(bloc_file)
    with pytest.raises(BlocError) as info:
        open_bloc(bloc_file)
    assert "Khối mẫu.ktd" in str(info.value)
    assert header(bloc_file) == (V, APPLICATION_ID)
    assert "phone" not in columns(bloc_file, "units")  # the step's first statement rolled back
    assert unit_names(bloc_file) == old_names
    backup = migrations.backup_name(bloc_file, V, NOW)
    assert others(bloc_file) == [backup.name]  # the backup made first is kept
    assert header(backup) == (V, APPLICATION_ID)


def test_a_failing_python_step_rolls_back_too(bloc: Database,
                                             two_steps: pytest.MonkeyPatch) -> None:
    def broken(db: Database) -> None:
        _phone_step(db)
        raise RuntimeError("bước nâng cấp hỏng")

    two_steps.setattr(migrations, "STEPS", (*migrations.STEPS[:V], broken))
    with pytest.raises(RuntimeError, match="bước nâng cấp hỏng"):
        migrations.migrate(bloc)
    assert migrations.file_version(bloc) == V
    assert "phone" not in [r[1] for r in bloc.conn.execute("PRAGMA table_info(units)")]
    assert not bloc.conn.in_transaction


def test_a_version_1_file_gets_the_register_and_keeps_its_profile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "Khối cũ.ktd"
    with monkeypatch.context() as old:  # a file written by the version that had one step
        old.setattr(migrations, "STEPS", migrations.STEPS[:1])
        old.setattr(migrations, "CURRENT_VERSION", 1)
        create_bloc(path, PROFILE).close()
        raw = sqlite3.connect(path)
        raw.execute("UPDATE bloc SET profile = 'party', code = 'KĐ'")
        raw.execute("INSERT INTO years (year) VALUES (2019)")
        raw.execute("INSERT INTO documents (year, kind, type_code, number, number_year, "
                    "issued_on, created_at) VALUES (2019, 'minutes', 'BB', 4, 2019, "
                    "'2019-12-03', '2019-12-03T10:00:00')")
        raw.commit()
        raw.close()
    assert header(path)[0] == 1
    db = open_bloc(path)
    try:
        assert migrations.file_version(db) == migrations.CURRENT_VERSION >= 2
        assert load_profile(db).profile == "party" and load_profile(db).code == "KĐ"
        (old_entry,) = register.register(db)
        assert (old_entry.number, old_entry.series, old_entry.profile) == (4, "năm 2019",
                                                                         "state")
        db.conn.execute("UPDATE bloc SET profile = 'party-2026'")  # any profile file's name
    finally:
        db.close()
    assert "number_text" in columns(path, "documents")
    assert any(name.startswith("Khối cũ - bản sao trước nâng cấp (định dạng 1)")
               for name in others(path))

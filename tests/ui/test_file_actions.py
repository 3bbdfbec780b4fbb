"""Copies, locks and file names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from data import units
from data.bloc import open_bloc
from data.errors import FileAccessError
from ui import file_actions


def test_copy_name_is_vietnamese_and_dated() -> None:
    assert file_actions.copy_name(Path("Khối nội chính.ktd"), date(2026, 1, 5)) == (
        "Khối nội chính - bản sao 05-01-2026.ktd")


def test_copy_file_while_open(bloc_file: Path, tmp_path: Path) -> None:
    db = open_bloc(bloc_file)
    try:
        units.add_unit(db, "Sở Tài chính", year=2020)  # committed, maybe still in the WAL
        target = file_actions.copy_file(bloc_file, tmp_path / "bản sao.ktd")
    finally:
        db.close()
    copy = open_bloc(target)
    try:
        assert units.find_unit(copy, "Sở Tài chính") is not None
    finally:
        copy.close()
    assert not (tmp_path / "bản sao.ktd.tmp").exists()


def test_copy_onto_itself_refused(bloc_file: Path) -> None:
    with pytest.raises(FileAccessError, match="tên hoặc thư mục khác"):
        file_actions.copy_file(bloc_file, bloc_file)


def test_lock_is_exclusive_until_released(bloc_file: Path) -> None:
    first, second = file_actions.FileLock(bloc_file), file_actions.FileLock(bloc_file)
    assert first.acquire() is None
    assert "cửa sổ khác" in (second.acquire() or "")
    first.release()
    assert second.acquire() is None
    second.release()


def test_safe_file_name() -> None:
    assert file_actions.safe_file_name(' Khối "A/B": Tp. Hà Nội. ') == "Khối AB Tp. Hà Nội"
    assert file_actions.safe_file_name("???") == "Khối thi đua"

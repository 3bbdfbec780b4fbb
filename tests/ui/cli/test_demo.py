"""`main.py demo FILE`."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import units
from data.bloc import open_bloc
from main import main


def test_writes_demo_adding_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "khoi")]) == 0
    target = tmp_path / "khoi.ktd"
    assert f"“{target}”" in capsys.readouterr().out
    db = open_bloc(target)
    try:
        assert len(units.members(db, 2019)) == 8
    finally:
        db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khoi.ktd"]


def test_keeps_given_extension(tmp_path: Path) -> None:
    assert main(["demo", str(tmp_path / "khoi.sqlite")]) == 0
    assert (tmp_path / "khoi.sqlite").exists() and not (tmp_path / "khoi.ktd").exists()


def test_refuses_existing_file_unless_overwrite(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "khoi.ktd"
    target.write_bytes(b"du lieu cu")
    assert main(["demo", str(target)]) == 2
    assert "đã có" in capsys.readouterr().err
    assert target.read_bytes() == b"du lieu cu"
    assert main(["demo", str(target), "--ghi-de"]) == 0
    db = open_bloc(target)
    db.close()

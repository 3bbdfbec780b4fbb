"""Shared fixtures. Qt runs offscreen: set before any Qt import."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui import qt_fixes  # noqa: E402

qt_fixes.install()  # before any test emits a signal

import pytest  # noqa: E402

from data import units, years  # noqa: E402
from data.bloc import create_bloc  # noqa: E402
from data.db import Database  # noqa: E402
from data.demo import build_demo  # noqa: E402
from data.model import BlocProfile, Unit, YearStatus  # noqa: E402


@pytest.fixture
def bloc() -> Iterator[Database]:
    """The demo bloc, migrated, in memory."""
    db = build_demo(None)
    yield db
    db.close()


@pytest.fixture
def bloc_file(tmp_path: Path) -> Iterator[Path]:
    """The demo bloc written to a file in tmp_path (closed: open it in the test)."""
    path = tmp_path / "Khối mẫu.ktd"
    build_demo(path).close()
    yield path


@pytest.fixture
def empty_bloc() -> Iterator[Database]:
    """A new in-memory bloc with the year 2025 open and no units."""
    db = create_bloc(None, BlocProfile(name="Khối thi đua thử", council="Hội đồng TĐKT tỉnh",
                                       place="Bắc Ninh"))
    years.add_year(db, 2025, YearStatus.REGISTRATION)
    yield db
    db.close()


@pytest.fixture
def make_unit(empty_bloc: Database) -> Callable[..., Unit]:
    """Factory: a member unit of 2025 in `empty_bloc`, with overridable fields."""
    counter = iter(range(1, 10_000))

    def make(**overrides: Any) -> Unit:
        fields: dict[str, Any] = {"name": f"Đơn vị thử số {next(counter)}", "year": 2025}
        fields.update(overrides)
        return units.add_unit(empty_bloc, **fields)

    return make

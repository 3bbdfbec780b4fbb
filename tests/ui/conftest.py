"""Fixtures for window tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data.db import Database
from ui.session import Session


@pytest.fixture
def session(bloc: Database) -> Iterator[Session]:
    """The in-memory demo bloc as the window sees it, showing 2019 (scored in three layers)."""
    s = Session(bloc, None, 2019)
    yield s
    s.undo_stack.clear()

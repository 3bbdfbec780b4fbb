"""Fixtures of the document tests: the demo year 2019 read as a record, an imprint for it."""

from __future__ import annotations

import datetime

import pytest

from data.db import Database
from data.documents.common import Imprint
from data.documents.profiles import load_profile
from data.documents.record import YearRecord, load_record


@pytest.fixture
def record(bloc: Database) -> YearRecord:
    """The demo bloc's 2019: scored, met, balloted, nominated."""
    return load_record(bloc, 2019)


@pytest.fixture
def imprint() -> Imprint:
    """A state-format copy dated on the demo's meeting day, numbered 05."""
    return Imprint(load_profile("state"), datetime.date(2019, 12, 3), "Số: 05/BB-KTĐNC")

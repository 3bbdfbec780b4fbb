"""Fixtures of the printing tests: the demo year's documents rendered once per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data.demo import build_demo
from data.documents.catalog import KINDS, make
from data.documents.content import Document
from data.documents.profiles import load_profile
from printing.pdf import Rendered, render
from tests.data.documents.big_bloc import YEAR, build_big_bloc


def _render_all(year: int, build: object, profile: str | None = None
                ) -> dict[str, tuple[Document, Rendered]]:
    db = build()  # type: ignore[operator]
    try:
        found = {}
        for key in KINDS:
            document = make(db, year, key, profile_id=profile).document
            found[key] = (document, render(document, load_profile(document.profile_id)))
        return found
    finally:
        db.close()


@pytest.fixture(scope="session")
def demo_pdfs() -> Iterator[dict[str, tuple[Document, Rendered]]]:
    """Every document of the demo's 2019, issued in the state format."""
    yield _render_all(2019, build_demo)


@pytest.fixture(scope="session")
def party_pdfs() -> Iterator[dict[str, tuple[Document, Rendered]]]:
    """Every document of the demo's 2019, issued in the Party format."""
    yield _render_all(2019, build_demo, "party")


@pytest.fixture(scope="session")
def big_pdfs() -> Iterator[dict[str, tuple[Document, Rendered]]]:
    """Every document of a 60-unit cluster: tables over several pages."""
    yield _render_all(YEAR, build_big_bloc)

"""The page registry: every page can be built from its name, and none is imported up front."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.pages import PAGES, page_factory
from ui.session import Session

ROOT = Path(__file__).resolve().parents[3]


def test_every_page_builds(qtbot: QtBot, session: Session) -> None:
    for name, title, target in PAGES:
        page = page_factory(target)(session)
        qtbot.addWidget(page)
        assert title and type(page).__name__ == target.split(":")[1], name


def test_the_window_imports_no_page_until_shown() -> None:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import ui.main_window; "
            "print(sorted(m for m in sys.modules if m.startswith('ui.pages.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"

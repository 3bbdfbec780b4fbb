"""Screenshots of the welcome screen and every page on the demo bloc, for the docs and for
looking at after a change: uv run python docs/screenshots/make.py (writes PNGs beside this file).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import qt_fixes  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.pages import PAGES  # noqa: E402
from ui.paths import AppPaths  # noqa: E402
from ui.qt_vi import VietnameseQt  # noqa: E402
from ui.settings import Settings  # noqa: E402

SIZE = (1366, 768)  # the office laptop's screen


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> list[Path]:
    """Write the screenshots; return their paths."""
    qt_fixes.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.installTranslator(VietnameseQt(app))
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = AppPaths.decide(folder)
        window = MainWindow(paths, Settings(paths))
        window.resize(*SIZE)
        window.show()
        settle(app)
        written.append(HERE / "00-chao-mung.png")
        window.grab().save(str(written[-1]))
        window.open_demo()
        window.tasks.wait()
        while window.session is None:
            app.processEvents()
        window.session.set_year(2019)
        for number, (name, _title, _factory) in enumerate(PAGES, start=1):
            page = window.page(name)
            settle(app)
            preview = getattr(page, "preview", None)
            while preview is not None and not preview.page_count():  # rendered off-thread
                app.processEvents()
            settle(app)
            written.append(HERE / f"{number:02d}-{name}.png")
            window.grab().save(str(written[-1]))
        window.close()
    return written


if __name__ == "__main__":
    for path in main():
        print(path.relative_to(HERE.parents[1]))

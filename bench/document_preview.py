"""Tài liệu page: time from choosing a document in the list to its preview painted on screen,
for the demo's 2019 minutes (the content made from the bloc file, rendered off the main thread,
loaded in the viewer and painted). Median of N choices (default 15); target <= 150 ms.
Run: uv run python bench/document_preview.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from data.demo import build_demo  # noqa: E402
from ui import qt_fixes  # noqa: E402
from ui.pages.documents import DocumentsPage  # noqa: E402
from ui.session import Session  # noqa: E402


def choose(app: QApplication, page: DocumentsPage, kind: str) -> float:
    """Seconds from choosing `kind` to its preview shown and painted."""
    seen: list[str] = []
    page.previewShown.connect(lambda shown, _pages: seen.append(shown))
    start = time.perf_counter()
    page.show_kind(kind)
    while kind not in seen:
        app.processEvents()
    page.preview.view.viewport().repaint()  # painted now, as the screen would show it
    elapsed = time.perf_counter() - start
    page.previewShown.disconnect()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    qt_fixes.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    session = Session(build_demo(None), None, 2019)
    page = DocumentsPage(session)
    page.resize(1170, 700)
    page.show()
    choose(app, page, "pledge")  # fonts registered, viewer warmed up
    minutes, others = [], []
    for _ in range(args.runs):
        others.append(choose(app, page, "submission"))
        minutes.append(choose(app, page, "minutes"))
    print(f"Chọn văn bản → xem trước trên màn hình (trung vị của {args.runs} lần):")
    print(f"  biên bản hội nghị tổng kết (4 trang) {statistics.median(minutes) * 1000:7.1f} ms "
          f"(chậm nhất {max(minutes) * 1000:.1f} ms; mục tiêu ≤ 150 ms)")
    print(f"  tờ trình + danh sách (2 trang)        {statistics.median(others) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()

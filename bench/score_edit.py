"""From a typed score to the updated ranking on screen, through the real Chấm điểm page, on a
year of 30 units x 150 items (3 layers): the cell is committed as the view commits it
(setData), then the event loop runs until the ranking panel and the grid have repainted.
Baseline in the same run: the engine alone (ScoreBoard.set_score + ranking), so the ratio is
the cost of saving, undo and the screen. Target: under 50 ms. Prints medians (ms).
Run: uv run python bench/score_edit.py [--edits 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.startup import build  # noqa: E402
from data.bloc import open_bloc  # noqa: E402
from data.model import Layer, Score  # noqa: E402
from ui import qt_fixes  # noqa: E402
from ui.pages.scoring import ScoringPage  # noqa: E402
from ui.session import Session  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    args = parser.parse_args()
    qt_fixes.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.ktd"
        build(path, n_years=1, n_units=30, n_items=150)
        session = Session(open_bloc(path), path, 2016)
        start = time.perf_counter()
        page = ScoringPage(session)
        page.resize(1280, 800)
        page.show()
        app.processEvents()
        print(f"page built and shown in {(time.perf_counter() - start) * 1000:.0f} ms")
        page.set_layer(Layer.VERIFIED)
        model, board = page.grid_model, session.board()
        items = [model.item_at(c) for c in range(model.columnCount())]
        leaves = [(c, item) for c, item in enumerate(items) if item is not None]
        rows = model.rowCount()
        ui_times, engine_times = [], []
        for n in range(args.edits):
            column, item = leaves[(n * 37) % len(leaves)]
            row = (n * 7) % rows
            value = round(item.max_points * ((n % 4) + 1) / 4, 2)
            text = f"{value:g}".replace(".", ",")
            t0 = time.perf_counter()
            assert model.setData(model.index(row, column), text), page.message.text()
            app.processEvents()  # repaint of the grid cells, totals and the ranking panel
            ui_times.append((time.perf_counter() - t0) * 1000)
            unit_id = board.ranking()[row].unit_id
            t0 = time.perf_counter()
            board.set_score(Score(unit_id, item.id, Layer.SELF, points=value))
            board.ranking()
            engine_times.append((time.perf_counter() - t0) * 1000)
        session.close()
    ui_ms, engine_ms = statistics.median(ui_times), statistics.median(engine_times)
    print(f"{'score edit, 30 units x 150 items':40} {'median ms':>10} {'x engine':>9}")
    print(f"{'engine alone (baseline)':40} {engine_ms:10.2f} {1:9.1f}")
    print(f"{'typed cell -> ranking on screen':40} {ui_ms:10.2f} {ui_ms / engine_ms:9.1f}")
    print(f"worst of {args.edits}: {max(ui_times):.1f} ms; target under 50 ms -> "
          f"{'met' if ui_ms < 50 else 'NOT met'}")


if __name__ == "__main__":
    main()

"""Start-up time: the whole process, from launch to an interactive main window, on a bloc file
of 10 years x 30 units x 150 items (3 score layers each year), against a bare PySide6 window
started the same way in the same run. Median of N runs each (default 5); target < 3 x bare.
Run: uv run python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data import units, years  # noqa: E402
from data.bloc import create_bloc  # noqa: E402
from data.criteria import add_criterion, copy_table  # noqa: E402
from data.db import transaction  # noqa: E402
from data.lifecycle import start_year_from  # noqa: E402
from data.model import BlocProfile, Layer, NodeKind, Score, YearStatus  # noqa: E402
from data.scores import save_scores  # noqa: E402

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def build(path: Path, n_years: int = 10, n_units: int = 30, n_items: int = 150) -> None:
    """The bloc file: every year has the members, the table and all three layers scored."""
    db = create_bloc(path, BlocProfile(name="Khối thi đua thử nghiệm khởi động", council="",
                                       place="Bắc Ninh"))
    first = 2016
    years.add_year(db, first, YearStatus.CLOSED)
    with transaction(db):
        for u in range(n_units):
            units.add_unit(db, f"Đơn vị thành viên số {u + 1:02d}", year=first)
    per_section = n_items // 3
    for s in range(3):
        section = add_criterion(db, first, None, f"Phần {s + 1}", max_points=100 / 3,
                                code=["I", "II", "III"][s])
        for i in range(per_section):
            add_criterion(db, first, section.id, f"Nội dung {s + 1}.{i + 1}",
                          kind=NodeKind.NUMERIC, max_points=100 / n_items)
    for year in range(first, first + n_years):
        if year > first:
            start_year_from(db, year - 1, year, None, copy_table=False)
            copy_table(db, first, year)
        items = [r[0] for r in db.conn.execute(
            "SELECT id FROM criteria WHERE year = ? AND kind = 'numeric'", (year,))]
        members = [r[0] for r in db.conn.execute(
            "SELECT unit_id FROM memberships WHERE year = ?", (year,))]
        save_scores(db, year, [
            Score(u, c, layer, points=round(100 / n_items * ((u + c + k) % 10) / 10, 2),
                  entered_at="2025-12-01T08:00:00")
            for u in members for c in items
            for k, layer in enumerate((Layer.SELF, Layer.VERIFIED, Layer.COUNCIL))])
    db.close()


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one process run, in milliseconds."""
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on users' machines: compiled modules reused
    with tempfile.TemporaryDirectory() as folder:
        bloc = Path(folder) / "khoi-lon.ktd"
        start = time.perf_counter()
        build(bloc)
        print(f"Built 10 years x 30 units x 150 items x 3 layers in "
              f"{time.perf_counter() - start:.1f} s ({bloc.stat().st_size / 1e6:.1f} MB)")
        bare = [sys.executable, "-c", BARE]
        app = [sys.executable, str(ROOT / "main.py"), str(bloc), "--data-dir",
               str(Path(folder) / "appdata"), "--quit-after-start"]
        timed(bare, env), timed(app, env)  # warm the disk cache
        bare_ms = statistics.median(timed(bare, env) for _ in range(args.runs))
        app_ms = statistics.median(timed(app, env) for _ in range(args.runs))
    print(f"{'start-up, whole process':32} {'median ms':>10} {'x bare':>8}")
    print(f"{'bare PySide6 window':32} {bare_ms:10.0f} {1:8.2f}")
    print(f"{'app on the 10-year bloc':32} {app_ms:10.0f} {app_ms / bare_ms:8.2f}")
    print(f"target: under 3 x bare -> {'met' if app_ms < 3 * bare_ms else 'NOT met'}")


if __name__ == "__main__":
    main()

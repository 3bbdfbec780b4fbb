"""Ranking speed on a large synthetic bloc: 1,000 units x 200 items x 3 layers (600,000 scores).

Prints medians (ms) of: loading the year and ranking it from the file; a full in-memory
recompute; a single-score edit (saved in a transaction) followed by a recompute and re-rank.
The baseline, measured in the same run, is a bare Python loop summing every score once: ratios
say how many such loops each operation costs, so figures compare across machines.
Run: uv run python bench/ranking.py [--units 1000] [--items 200] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data import years  # noqa: E402
from data.bloc import create_bloc  # noqa: E402
from data.criteria import add_criterion  # noqa: E402
from data.db import transaction  # noqa: E402
from data.model import BlocProfile, Layer, NodeKind, Score, YearStatus  # noqa: E402
from data.scores import load_board, save_scores, scores  # noqa: E402

YEAR = 2025
SECTIONS = 4


def build(path: Path, n_units: int, n_items: int) -> tuple[list[int], list[int]]:
    """A bloc file with n_units members and a table of n_items numeric items, all layers scored."""
    db = create_bloc(path, BlocProfile(name="Khối thi đua thử nghiệm tốc độ", council="", place=""))
    years.add_year(db, YEAR, YearStatus.SCORING)
    per_section = n_items // SECTIONS
    item_max = 100 / n_items
    items: list[int] = []
    for s in range(SECTIONS):
        section = add_criterion(db, YEAR, None, f"Phần {s + 1}", max_points=100 / SECTIONS,
                                code=f"S{s + 1}")
        for i in range(per_section):
            items.append(add_criterion(db, YEAR, section.id, f"Nội dung {s + 1}.{i + 1}",
                                       kind=NodeKind.NUMERIC, max_points=item_max).id)
    with transaction(db):
        db.conn.executemany(
            "INSERT INTO units (id, name, name_key, created_at) VALUES (?, ?, ?, '')",
            [(u, f"Đơn vị {u:04d}", f"don vi {u:04d}") for u in range(1, n_units + 1)])
        db.conn.executemany("INSERT INTO memberships (year, unit_id) VALUES (?, ?)",
                            [(YEAR, u) for u in range(1, n_units + 1)])
    batch = [
        Score(u, c, layer, points=round(item_max * ((u * 7 + c * 13 + k) % 100) / 100, 2),
              entered_at="2025-12-01T08:00:00")
        for u in range(1, n_units + 1) for c in items
        for k, layer in enumerate((Layer.SELF, Layer.VERIFIED, Layer.COUNCIL))
    ]
    save_scores(db, YEAR, batch)
    db.close()
    return list(range(1, n_units + 1)), items


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of `action` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    from data.bloc import open_bloc

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.ktd"
        start = time.perf_counter()
        unit_ids, items = build(path, args.units, args.items)
        print(f"Built {args.units} units x {args.items} items x 3 layers "
              f"in {time.perf_counter() - start:.1f} s")
        db = open_bloc(path)
        all_scores = scores(db, YEAR)
        points = [s.points or 0.0 for s in all_scores]

        baseline = median_ms(lambda: sum(points), args.repeat)
        load_and_rank = median_ms(lambda: load_board(db, YEAR).ranking(), max(3, args.repeat // 5))
        board = load_board(db, YEAR)

        def full() -> None:
            for unit in unit_ids:
                board.set_penalties(unit, ())  # forces each unit's recompute
            board.ranking()

        full_recompute = median_ms(full, max(3, args.repeat // 5))
        counter = iter(range(10**9))

        def single_edit() -> None:
            n = next(counter)
            unit, item = unit_ids[n % len(unit_ids)], items[(n * 31) % len(items)]
            points = round(0.5 * (n % 2) * 100 / len(items), 2)
            score = Score(unit, item, Layer.VERIFIED, points=points,
                          entered_at="2025-12-02T08:00:00")
            save_scores(db, YEAR, [score])
            board.set_score(score)
            board.ranking()

        edit = median_ms(single_edit, args.repeat)
        db.close()
    print(f"{'operation':44} {'median ms':>10} {'x baseline':>11}")
    for name, value in (
        (f"baseline: sum of {len(points):,} scores", baseline),
        ("load year from file + rank", load_and_rank),
        ("full in-memory recompute + rank", full_recompute),
        ("single edit: save + recompute + rank", edit),
    ):
        print(f"{name:44} {value:10.2f} {value / baseline:11.1f}")
    print(f"target: single edit under 20 ms -> {'met' if edit < 20 else 'NOT met'}")


if __name__ == "__main__":
    main()

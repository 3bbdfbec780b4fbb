"""`main.py ranking FILE --year YEAR [--json]`: totals per layer, bonus, penalties, rank, class."""

from __future__ import annotations

import argparse
import json
from typing import Any

from data.bloc import open_bloc
from data.standings import Standing, standings
from data.vntext import format_number
from ui.cli.args import Parser, year_arg
from ui.cli.table import render_table


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm cần xếp hạng")
    parser.add_argument("--json", action="store_true", help="in dạng JSON (xem docs/cli.md)")
    parser.set_defaults(handler=run)


def as_record(standing: Standing) -> dict[str, Any]:
    """The JSON object of one unit: keys documented in docs/cli.md, never renamed."""
    result = standing.ranked.result
    return {
        "unit": standing.unit.name,
        "self_total": result.self_total,
        "verified_total": result.verified_total,
        "council_total": result.council_total,
        "bonus": result.bonus,
        "penalty": result.penalty,
        "final_total": result.final_total,
        "rank": standing.rank,
        "class": standing.band,
        "fallback_items": result.fallback_items,
    }


HEADERS = ("Hạng", "Đơn vị", "Tự chấm", "Khối chấm", "HĐ chấm", "Thưởng", "Trừ", "Tổng",
           "Xếp loại", "Lấy điểm tự chấm")


def run(args: argparse.Namespace) -> int:
    """Print the ranking of the year."""
    db = open_bloc(args.file)
    try:
        rows = standings(db, args.year)
    finally:
        db.close()
    if args.json:
        print(json.dumps([as_record(s) for s in rows], ensure_ascii=False, indent=2))
        return 0
    table = []
    for s in rows:
        r = s.ranked.result
        table.append((
            f"{s.rank}{'=' if s.ranked.shared else ''}", s.unit.name,
            *(format_number(v) for v in (r.self_total, r.verified_total, r.council_total,
                                          r.bonus, r.penalty, r.final_total)),
            s.band, f"{r.fallback_items} nội dung" if r.fallback_items else "",
        ))
    print(f"Xếp hạng thi đua năm {args.year}")
    print(render_table(HEADERS, table, numeric=range(2, 8)))
    return 0

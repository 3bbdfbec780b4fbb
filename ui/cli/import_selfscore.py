"""`main.py import self-score FILE --year YEAR WORKBOOK… [--dry-run]`: the self-scoring
workbooks the units sent back, checked and shown (problems with their place, then the changes
per file), the files without problems applied unless --dry-run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data.bloc import open_bloc
from data.imports import self_scores
from ui.cli.args import Parser, year_arg
from ui.cli.import_lists import report


def configure(parser: Parser, kind: str) -> None:
    """Arguments of `import self-score`."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm chấm điểm")
    parser.add_argument("workbooks", nargs="+", metavar="PHIẾU",
                        help="phiếu tự chấm (.xlsx) các đơn vị gửi lại (main.py export "
                             "self-score)")
    parser.add_argument("--dry-run", "--chay-thu", dest="dry_run", action="store_true",
                        help="chỉ kiểm tra và in các thay đổi, không ghi gì")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """0 every file applied (or nothing to change, or a dry run without problems); 1 some
    file has problems (the others are applied); 2 bad usage or input."""
    missing = [p for p in args.workbooks if not Path(p).is_file()]
    if missing:
        print(f"Lỗi: Không tìm thấy tệp “{missing[0]}”.", file=sys.stderr)
        return 2
    db = open_bloc(args.file)
    try:
        plan = self_scores.plan(db, args.year, [Path(p) for p in args.workbooks])
        report(plan)
        files = plan.applicable
        count = sum(len(f.changes) for f in files)
        failed = [f.file for f in plan.files if not f.ok]
        if not files:
            print("Không có gì để nhập." if failed else "Không có gì thay đổi: tệp khối đã đúng "
                  "như các phiếu.")
        elif args.dry_run:
            print(f"Chạy thử (--dry-run): {len(files)} phiếu, {count} thay đổi; chưa ghi gì "
                  "vào tệp khối.")
        else:
            self_scores.apply(db, args.year, plan)
            print(f"Đã nhập {len(files)} phiếu, {count} thay đổi vào “{Path(args.file).name}”.")
        if failed:
            print(f"Chưa nhập {len(failed)} phiếu có lỗi: {', '.join(failed)}. Sửa rồi nhập lại "
                  "các phiếu đó.")
            return 1
        return 0
    finally:
        db.close()

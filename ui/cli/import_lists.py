"""`main.py import units|criteria FILE --year YEAR WORKBOOK… [--dry-run]`: a list of member
units or a criteria table typed in the app's template, checked, shown, then applied."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module
from pathlib import Path

from data.bloc import open_bloc
from data.imports.plan import ImportPlan
from ui.cli.args import Parser, year_arg

IMPORTERS = {"units": "data.imports.units_list", "criteria": "data.imports.criteria_list"}
EMPTY = "(trống)"


def configure(parser: Parser, kind: str) -> None:
    """Arguments of `import units` and `import criteria`."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm nhập vào")
    parser.add_argument("workbooks", nargs="+", metavar="BẢNG_TÍNH",
                        help="tệp .xlsx điền theo mẫu (main.py template " + kind + ")")
    parser.add_argument("--dry-run", "--chay-thu", dest="dry_run", action="store_true",
                        help="chỉ kiểm tra và in các thay đổi, không ghi gì")
    parser.set_defaults(handler=run, importer=IMPORTERS[kind])


def report(plan: ImportPlan) -> None:
    """Each file: its problems with their place, else its changes old → new."""
    for file in plan.files:
        print(f"Tệp “{file.file}” — {file.subject}")
        for problem in file.problems:
            print(f"  Lỗi: {problem}")
        for change in file.changes:
            print(f"  {change.item} · {change.field}: {change.old or EMPTY} → "
                  f"{change.new or EMPTY}")
        if file.ok and not file.changes:
            print("  Không có gì thay đổi.")


def run(args: argparse.Namespace) -> int:
    """0 applied (or nothing to change, or --dry-run without problems); 1 a file has problems
    (nothing applied); 2 bad usage or input."""
    missing = [p for p in args.workbooks if not Path(p).is_file()]
    if missing:
        print(f"Lỗi: Không tìm thấy tệp “{missing[0]}”.", file=sys.stderr)
        return 2
    importer = import_module(args.importer)
    db = open_bloc(args.file)
    try:
        plan = importer.plan(db, args.year, [Path(p) for p in args.workbooks])
        report(plan)
        if plan.problems:
            print(f"Không nhập gì: {sum(not f.ok for f in plan.files)} tệp có lỗi. Hãy sửa rồi "
                  "nhập lại.")
            return 1
        files = plan.applicable
        count = sum(len(f.changes) for f in files)
        if not files:
            print("Không có gì để nhập: tệp khối đã đúng như bảng tính.")
        elif args.dry_run:
            print(f"Chạy thử (--dry-run): {count} thay đổi, chưa ghi gì vào tệp khối.")
        else:
            importer.apply(db, args.year, plan)
            print(f"Đã nhập {len(files)} tệp, {count} thay đổi vào “{Path(args.file).name}”.")
        return 0
    finally:
        db.close()

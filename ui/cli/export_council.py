"""`main.py export council FILE --year YEAR -o OUT.xlsx`: the workbook for the council (score
summary, points per item, nomination list, ballot results), read from the bloc file without
writing to it."""

from __future__ import annotations

import argparse
from pathlib import Path

from data.bloc import open_bloc
from data.documents.council import council_content
from data.documents.record import load_record
from printing.output import save_bytes
from printing.xlsx_council import council_workbook
from ui.cli.args import Parser, year_arg


def configure(parser: Parser, kind: str) -> None:
    """Arguments of `export council`."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm của bảng tính")
    parser.add_argument("-o", "--output", dest="output", required=True, metavar="TỆP_XLSX",
                        help="tệp bảng tính cần ghi (thêm đuôi .xlsx nếu chưa có; ghi đè tệp "
                             "đã có)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build the workbook, write it in one piece, say where and how many sheets; a year
    without scores is refused (exit 2, by the command line's error handling)."""
    db = open_bloc(args.file)
    try:
        content = council_content(load_record(db, args.year))
    finally:
        db.close()
    target = Path(args.output)
    if not target.suffix:
        target = target.with_name(target.name + ".xlsx")
    target = save_bytes(target, council_workbook(content))
    print(f"Đã ghi “{target}”: bảng tính gửi Hội đồng năm {content.year}, "
          f"{len(content.sheets)} trang tính.")
    return 0

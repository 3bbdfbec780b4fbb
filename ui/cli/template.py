"""`main.py template units|criteria -o OUT.xlsx`: a blank workbook to fill in and import."""

from __future__ import annotations

import argparse
from pathlib import Path

from printing.output import save_bytes
from printing.xlsx_templates import criteria_template, units_template
from ui.cli.args import Parser

KINDS = {
    "units": (units_template, "danh sách đơn vị", "main.py import units"),
    "criteria": (criteria_template, "bảng tiêu chí", "main.py import criteria"),
}


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("kind", choices=tuple(KINDS), metavar="LOẠI",
                        help="units (danh sách đơn vị) hoặc criteria (bảng tiêu chí)")
    parser.add_argument("-o", "--out", dest="out", required=True, metavar="TỆP_XLSX",
                        help="tệp cần ghi (thêm đuôi .xlsx nếu chưa có; ghi đè tệp đã có)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the template and say how to use it."""
    make, what, command = KINDS[args.kind]
    target = Path(args.out)
    if not target.suffix:
        target = target.with_name(target.name + ".xlsx")
    save_bytes(target, make())
    print(f"Đã ghi mẫu {what} vào “{target}”. Điền theo hướng dẫn ở đầu trang rồi nhập bằng "
          f"{command} TỆP --year NĂM “{target.name}”.")
    return 0

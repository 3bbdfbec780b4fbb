"""`main.py demo FILE`: write the demo bloc to a file."""

from __future__ import annotations

import argparse

from data.demo import write_demo
from ui.cli.args import Parser


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("file", metavar="TỆP", help="tệp cần ghi (thêm đuôi .ktd nếu chưa có)")
    parser.add_argument("--ghi-de", dest="overwrite", action="store_true",
                        help="ghi đè nếu tệp đã có")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the file and say where."""
    target = write_demo(args.file, overwrite=args.overwrite)
    print(f"Đã ghi khối thi đua mẫu vào “{target}”.")
    return 0

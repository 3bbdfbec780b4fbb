"""The command-line interface: the same data and printing functions the window uses, no Qt."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from ui.cli.args import Parser

# name -> (module with configure(parser), help). Modules are imported only to run a command,
# so the window's start-up does not load them.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("ui.cli.demo", "ghi khối thi đua mẫu vào một tệp"),
    "info": ("ui.cli.blocinfo", "thông tin khối: các năm, trạng thái, đơn vị"),
    "ranking": ("ui.cli.ranking", "bảng xếp hạng điểm thi đua của một năm"),
    "ballot": ("ui.cli.ballot", "kết quả các vòng bỏ phiếu của một năm"),
    "check": ("ui.cli.check", "kiểm tra quy định: chỉ tiêu, ngưỡng phiếu, điều kiện đề nghị"),
    "print": ("ui.cli.documents", "in văn bản của năm ra PDF: biên bản, phiếu bầu, tờ trình…"),
    "docx": ("ui.cli.word", "xuất văn bản của năm ra tệp Word (.docx) để sửa: biên bản, tờ "
                            "trình…"),
    "export": ("ui.cli.export", "xuất bảng tính: gửi Hội đồng TĐKT, phiếu tự chấm cho đơn vị"),
    "import": ("ui.cli.imports", "nhập bảng tính: phiếu tự chấm, danh sách đơn vị, bảng tiêu "
                                 "chí"),
    "template": ("ui.cli.template", "mẫu bảng tính trống để nhập danh sách đơn vị, bảng tiêu "
                                    "chí"),
}


_COMMAND_LIKE = re.compile(r"[a-z][a-z-]*\Z")


def is_command(argv: Sequence[str]) -> bool:
    """Whether the arguments ask for a command rather than the window: a known command, or a
    word that looks like one and names no file (a mistyped command gets the list of commands,
    not the window)."""
    if not argv:
        return False
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help"):
        return True
    return bool(_COMMAND_LIKE.match(first)) and not Path(first).exists()


def build_parser() -> Parser:
    """The parser with every subcommand."""
    parser = Parser(prog="main.py", description="Phần mềm thư ký Khối thi đua. Không có câu lệnh: "
                    "mở cửa sổ làm việc (main.py [TỆP]).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="CÂU_LỆNH",
                                parser_class=Parser)
    for name, (module, help_text) in COMMANDS.items():
        import_module(module).configure(sub.add_parser(name, help=help_text,
                                                       description=help_text))
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one command; 0 on success, 2 on bad usage or bad input (reason on stderr); a command
    may use other codes (check: 1 when it finds an error)."""
    for stream in (sys.stdout, sys.stderr):  # Windows consoles default to a legacy code page
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    from data.db import explain
    from data.errors import BlocError

    args = build_parser().parse_args(list(argv))
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # the reader stopped early (… | head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (BlocError, sqlite3.DatabaseError) as exc:
        reason = exc.message if isinstance(exc, BlocError) else str(explain(exc))
        print(f"Lỗi: {reason}", file=sys.stderr)
        return 2

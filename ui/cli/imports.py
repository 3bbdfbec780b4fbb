"""`main.py import KIND …`: workbooks into the bloc file (self-score: units' filled self-scoring
workbooks; units, criteria: lists in the app's templates), checked first, `--dry-run` to see."""

from __future__ import annotations

from ui.cli.args import Parser
from ui.cli.subcommands import add_kinds

KINDS = {
    "self-score": ("ui.cli.import_selfscore", "nhập phiếu tự chấm các đơn vị gửi lại"),
    "units": ("ui.cli.import_lists", "nhập danh sách đơn vị từ Excel (theo mẫu)"),
    "criteria": ("ui.cli.import_lists", "nhập bảng tiêu chí từ Excel (theo mẫu)"),
}


def configure(parser: Parser) -> None:
    """The kinds of import, each with its own arguments."""
    add_kinds(parser, KINDS)

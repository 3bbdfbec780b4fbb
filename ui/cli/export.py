"""`main.py export KIND …`: the year's spreadsheets (council: the workbook for the council;
self-score: a self-scoring workbook per unit)."""

from __future__ import annotations

from ui.cli.args import Parser
from ui.cli.subcommands import add_kinds

# kind -> (module with configure(parser) and run(args), help)
KINDS = {
    "council": ("ui.cli.export_council", "bảng tính gửi Hội đồng TĐKT: tổng hợp điểm, chi tiết, "
                "danh sách đề nghị, kết quả bỏ phiếu"),
    "self-score": ("ui.cli.export_selfscore", "phiếu tự chấm (.xlsx) cho từng đơn vị"),
}


def configure(parser: Parser) -> None:
    """The kinds of export, each with its own arguments."""
    add_kinds(parser, KINDS)

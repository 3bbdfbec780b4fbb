"""A command whose first argument is a kind (export council, import units…): each kind's
module adds its arguments and handler, imported only when the parser is built."""

from __future__ import annotations

from importlib import import_module

from ui.cli.args import Parser


def add_kinds(parser: Parser, kinds: dict[str, tuple[str, str]]) -> None:
    """One sub-parser per kind; `configure(parser, kind)` of its module fills it."""
    sub = parser.add_subparsers(dest="kind", required=True, metavar="LOẠI",
                                parser_class=Parser)
    for kind, (module, help_text) in kinds.items():
        import_module(module).configure(sub.add_parser(kind, help=help_text,
                                                       description=help_text), kind)

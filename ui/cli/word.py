"""`main.py docx KIND FILE --year YEAR -o OUT.docx` and `main.py docx all FILE --year YEAR
--out-dir DIR`: the year's documents as Word files, made, numbered and named as `print` does."""

from __future__ import annotations

from ui.cli import documents
from ui.cli.args import Parser


def configure(parser: Parser) -> None:
    """Arguments of the command: those of `print`, the kinds a Word file can hold."""
    documents.configure(parser, documents.WORD)

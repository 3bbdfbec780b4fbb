"""`main.py print KIND FILE --year YEAR -o OUT.pdf` and `main.py print all FILE --year YEAR
--out-dir DIR`: the year's official documents as PDF, numbered unless `--draft`; `main.py docx`
(ui/cli/word.py) does the same with Word files. One implementation, the writer chosen by the
command."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data.bloc import open_bloc
from data.db import Database, transaction
from data.documents.catalog import KINDS, Made, make
from data.documents.common import MissingData
from data.documents.content import Document
from data.documents.profiles import available_profiles, load_profile
from data.documents.record import YearRecord, load_record
from data.vntext import parse_date, short_date
from printing.docx import DOCX_KINDS, render_docx
from printing.docx_package import FONT
from printing.fonts import register
from printing.output import document_file_name, save_bytes
from printing.pdf import render
from ui.cli.args import Parser, year_arg

ALL = "all"


def _date(text: str) -> datetime.date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


@dataclass(frozen=True)
class Writer:
    """How a command writes documents: the file type, the kinds it takes, the renderer (the
    file's bytes and its page count, None when only the word processor knows it)."""

    command: str
    what: str  # the file type as users name it
    suffix: str
    kinds: tuple[str, ...]
    verb: str  # "in" (print) or "xuất" (export)
    render: Callable[[Document], tuple[bytes, int | None]]


def _pdf(document: Document) -> tuple[bytes, int | None]:
    rendered = render(document, load_profile(document.profile_id))
    return rendered.pdf, rendered.pages


def _docx(document: Document) -> tuple[bytes, int | None]:
    return render_docx(document, load_profile(document.profile_id)), None


PDF = Writer("print", "PDF", ".pdf", tuple(KINDS), "in", _pdf)
WORD = Writer("docx", "Word", ".docx", DOCX_KINDS, "xuất", _docx)


def _kind_arg(writer: Writer) -> Callable[[str], str]:
    """The kind typed, refusing a kind this writer does not make with the reason."""
    def kind(text: str) -> str:
        if text in KINDS and text not in writer.kinds:
            raise argparse.ArgumentTypeError(
                f"“{text}” ({KINDS[text].label.lower()}) chỉ in ra PDF (main.py {PDF.command} "
                f"{text}); xuất {writer.what} được: {', '.join(writer.kinds)}, {ALL}")
        return text
    return kind


def configure(parser: Parser, writer: Writer = PDF) -> None:
    """Arguments of the command (`print`, or another writer's command)."""
    parser.add_argument("kind", metavar="LOẠI", type=_kind_arg(writer),
                        choices=[*writer.kinds, ALL],
                        help=f"loại văn bản: {', '.join(writer.kinds)}, hoặc {ALL} "
                             "(cả bộ văn bản)")
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm của văn bản")
    parser.add_argument("-o", "--output", metavar=_file_metavar(writer),
                        help=f"tệp {writer.what} cần ghi")
    parser.add_argument("--out-dir", metavar="THƯ_MỤC", help="thư mục ghi cả bộ văn bản (all)")
    parser.add_argument("--profile", metavar="THỂ_THỨC", choices=available_profiles(),
                        help="thể thức văn bản (mặc định: thể thức của khối): "
                             + ", ".join(available_profiles()))
    parser.add_argument("--draft", "--nhap", dest="draft", action="store_true",
                        help=f"{writer.verb} bản nháp: không cấp số, có dấu BẢN NHÁP")
    parser.add_argument("--date", "--ngay", dest="date", type=_date, metavar="NGÀY",
                        help="ngày ban hành khi cấp số (tờ trình, bảng tổng hợp điểm), "
                             "ví dụ 05/12/2019")
    parser.set_defaults(handler=run, writer=writer)


def _file_metavar(writer: Writer) -> str:
    return f"TỆP_{writer.suffix.lstrip('.').upper()}"


def _describe(writer: Writer, made: Made, path: Path, pages: int | None) -> str:
    document = made.document
    if document.draft:
        state = "bản nháp, chưa cấp số"
    elif made.issued is not None:
        how = "số mới cấp" if made.fresh else f"{writer.verb} lại, giữ số đã cấp"
        state = f"{made.issued.number_text} ({how}, ngày {short_date(made.issued.issued_on)})"
    else:
        state = f"ngày {short_date(document.issued_on)}"
    length = f" {pages} trang," if pages is not None else ""
    return f"Đã ghi “{path}”: {document.title},{length} {state}."


def _write(writer: Writer, db: Database, year: int, kind: str, path: Path,
           record: YearRecord | None, options: dict[str, Any]) -> str:
    """Make, render and write one document; its number is taken only if the file is written
    (one transaction: a folder that refuses the file leaves the register as it was)."""
    with transaction(db):
        made = make(db, year, kind, record=record, **options)
        if path.is_dir():
            path = path / document_file_name(made.document.title, made.document.number,
                                              made.document.draft, writer.suffix)
        data, pages = writer.render(made.document)
        save_bytes(path, data)
    return _describe(writer, made, path, pages)


def _font(writer: Writer) -> str:
    """The font the files are set in; a PDF's fallback font is announced on stderr."""
    if writer is not PDF:
        return f"{FONT} (Word và LibreOffice dùng phông này của máy mở tệp)"
    fonts = register()
    if fonts.family.warning:
        print(f"Lưu ý: {fonts.family.warning}", file=sys.stderr)
    return fonts.family.label


def run(args: argparse.Namespace) -> int:
    """Make the document(s), write the file(s), say where and which font was used."""
    writer: Writer = args.writer
    if (args.kind == ALL) != (args.out_dir is not None) or (args.kind == ALL) == (
            args.output is not None):
        print(f"Lỗi: {writer.verb} một văn bản cần -o {_file_metavar(writer)}; {writer.verb} "
              f"cả bộ ({ALL}) cần --out-dir THƯ_MỤC.", file=sys.stderr)
        return 2
    font = _font(writer)
    db = open_bloc(args.file)
    try:
        options = {"profile_id": args.profile, "draft": args.draft, "issued_on": args.date}
        if args.kind != ALL:
            print(_write(writer, db, args.year, args.kind, Path(args.output), None, options))
            print(f"Phông chữ: {font}")
            return 0
        record = load_record(db, args.year)
        folder, skipped = Path(args.out_dir), []
        if not folder.is_dir():
            print(f"Lỗi: Không có thư mục “{folder}”. Hãy chọn một thư mục đã có.",
                  file=sys.stderr)
            return 2
        for kind in writer.kinds:
            try:
                print(_write(writer, db, args.year, kind, folder, record, options))
            except MissingData as exc:
                skipped.append(exc.message)
    finally:
        db.close()
    print(f"Phông chữ: {font}")
    for reason in skipped:
        print(f"Chưa {writer.verb}: {reason}", file=sys.stderr)
    return 1 if skipped else 0

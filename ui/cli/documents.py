"""`main.py print KIND FILE --year YEAR -o OUT.pdf` and `main.py print all FILE --year YEAR
--out-dir DIR`: the year's official documents as PDF, numbered unless `--draft`."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

from data.bloc import open_bloc
from data.db import Database, transaction
from data.documents.catalog import KINDS, Made, make
from data.documents.common import MissingData
from data.documents.profiles import available_profiles, load_profile
from data.documents.record import YearRecord, load_record
from data.vntext import parse_date, short_date
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


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("kind", metavar="LOẠI", choices=[*KINDS, ALL],
                        help=f"loại văn bản: {', '.join(KINDS)}, hoặc {ALL} (cả bộ văn bản)")
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm của văn bản")
    parser.add_argument("-o", "--output", metavar="TỆP_PDF", help="tệp PDF cần ghi")
    parser.add_argument("--out-dir", metavar="THƯ_MỤC", help="thư mục ghi cả bộ văn bản (all)")
    parser.add_argument("--profile", metavar="THỂ_THỨC", choices=available_profiles(),
                        help="thể thức văn bản (mặc định: thể thức của khối): "
                             + ", ".join(available_profiles()))
    parser.add_argument("--draft", "--nhap", dest="draft", action="store_true",
                        help="in bản nháp: không cấp số, có dấu BẢN NHÁP")
    parser.add_argument("--date", "--ngay", dest="date", type=_date, metavar="NGÀY",
                        help="ngày ban hành khi cấp số (tờ trình, bảng tổng hợp điểm), "
                             "ví dụ 05/12/2019")
    parser.set_defaults(handler=run)


def _describe(made: Made, path: Path, pages: int) -> str:
    document = made.document
    if document.draft:
        state = "bản nháp, chưa cấp số"
    elif made.issued is not None:
        how = "số mới cấp" if made.fresh else "in lại, giữ số đã cấp"
        state = f"{made.issued.number_text} ({how}, ngày {short_date(made.issued.issued_on)})"
    else:
        state = f"ngày {short_date(document.issued_on)}"
    return f"Đã ghi “{path}”: {document.title}, {pages} trang, {state}."


def _print(db: Database, year: int, kind: str, path: Path, record: YearRecord | None,
           options: dict[str, Any]) -> str:
    """Make, render and write one document; its number is taken only if the file is written
    (one transaction: a folder that refuses the file leaves the register as it was)."""
    with transaction(db):
        made = make(db, year, kind, record=record, **options)
        if path.is_dir():
            path = path / document_file_name(made.document.title, made.document.number,
                                              made.document.draft)
        rendered = render(made.document, load_profile(made.document.profile_id))
        save_bytes(path, rendered.pdf)
    return _describe(made, path, rendered.pages)


def run(args: argparse.Namespace) -> int:
    """Make the document(s), write the PDF(s), say where and which font was used."""
    if (args.kind == ALL) != (args.out_dir is not None) or (args.kind == ALL) == (
            args.output is not None):
        print(f"Lỗi: in một văn bản cần -o TỆP_PDF; in cả bộ ({ALL}) cần --out-dir THƯ_MỤC.",
              file=sys.stderr)
        return 2
    fonts = register()
    if fonts.family.warning:
        print(f"Lưu ý: {fonts.family.warning}", file=sys.stderr)
    db = open_bloc(args.file)
    try:
        options = {"profile_id": args.profile, "draft": args.draft, "issued_on": args.date}
        if args.kind != ALL:
            print(_print(db, args.year, args.kind, Path(args.output), None, options))
            print(f"Phông chữ: {fonts.family.label}")
            return 0
        record = load_record(db, args.year)
        folder, skipped = Path(args.out_dir), []
        if not folder.is_dir():
            print(f"Lỗi: Không có thư mục “{folder}”. Hãy chọn một thư mục đã có.",
                  file=sys.stderr)
            return 2
        for kind in KINDS:
            try:
                print(_print(db, args.year, kind, folder, record, options))
            except MissingData as exc:
                skipped.append(exc.message)
    finally:
        db.close()
    print(f"Phông chữ: {fonts.family.label}")
    for reason in skipped:
        print(f"Chưa in: {reason}", file=sys.stderr)
    return 1 if skipped else 0


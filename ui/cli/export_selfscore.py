"""`main.py export self-score FILE --year YEAR --out-dir DIR [--unit NAME]`: a self-scoring
workbook (phiếu tự chấm) per member unit, prefilled with its current self-scores, to send out
and import back with `main.py import self-score`."""

from __future__ import annotations

import argparse
from pathlib import Path

from data.bloc import open_bloc
from data.errors import InputError
from data.imports.self_score_form import form_content
from data.units import find_unit, members
from printing.output import safe_file_name, save_bytes
from printing.xlsx_selfscore import self_score_workbook
from ui.cli.args import Parser, year_arg


def configure(parser: Parser, kind: str) -> None:
    """Arguments of `export self-score`."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm chấm điểm")
    parser.add_argument("--out-dir", dest="out_dir", required=True, metavar="THƯ_MỤC",
                        help="thư mục (đã có) ghi các phiếu; ghi đè phiếu cùng tên")
    parser.add_argument("--unit", "--don-vi", dest="unit", metavar="TÊN_ĐƠN_VỊ",
                        help="chỉ xuất phiếu của một đơn vị (tên đầy đủ)")
    parser.set_defaults(handler=run)


def file_name(year: int, unit_name: str) -> str:
    """"Tự chấm 2019 - Công an tỉnh.xlsx"."""
    return safe_file_name(f"Tự chấm {year} - {unit_name}") + ".xlsx"


def run(args: argparse.Namespace) -> int:
    """Write the workbooks, one line each; an unknown unit, year or folder exits 2."""
    folder = Path(args.out_dir)
    if not folder.is_dir():
        raise InputError(f"Không có thư mục “{folder}”. Hãy chọn một thư mục đã có.")
    db = open_bloc(args.file)
    try:
        chosen = [unit for unit, _ in members(db, args.year)]
        if args.unit is not None:
            unit = find_unit(db, args.unit)
            if unit is None or unit.id not in {u.id for u in chosen}:
                raise InputError(f"“{args.unit}” không là thành viên khối năm {args.year}.")
            chosen = [unit]
        if not chosen:
            raise InputError(f"Năm {args.year} chưa có đơn vị thành viên.")
        forms = [form_content(db, args.year, unit.id) for unit in chosen]
    finally:
        db.close()
    for form in forms:
        target = save_bytes(folder / file_name(form.year, form.unit_name),
                            self_score_workbook(form))
        filled = sum(r.is_input and any(v is not None for v in (r.points, r.grade, r.plan))
                     for r in form.rows)
        items = sum(r.is_input for r in form.rows)
        print(f"Đã ghi “{target.name}”: {items} nội dung, {filled} đã có điểm tự chấm.")
    print(f"Đã ghi {len(forms)} phiếu tự chấm năm {args.year} vào “{folder}”. Gửi mỗi đơn vị "
          f"phiếu của mình; nhận lại thì nhập bằng main.py import self-score TỆP --year "
          f"{args.year} PHIẾU…")
    return 0

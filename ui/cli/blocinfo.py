"""`main.py info FILE`: the bloc, its years with their status, and the units of each year."""

from __future__ import annotations

import argparse
import json

from data import units, years
from data.bloc import load_profile, open_bloc
from data.documents.profiles import load_profile as load_page_profile
from data.errors import BlocError
from ui.cli.args import Parser


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--json", action="store_true", help="in dạng JSON")
    parser.set_defaults(handler=run)


def profile_name(profile_id: str) -> str:
    """The profile's name, or its id when its file cannot be read."""
    try:
        return load_page_profile(profile_id).name
    except BlocError:
        return profile_id


def run(args: argparse.Namespace) -> int:
    """Print the bloc's overview."""
    db = open_bloc(args.file)
    try:
        profile = load_profile(db)
        report = []
        for year in years.all_years(db):
            officers = years.officers(db, year.year)
            pairs = units.members(db, year.year)
            names = {unit.id: unit.name for unit, _ in pairs}
            report.append({
                "year": year.year,
                "status": year.status.value,
                "status_label": year.status.label,
                "head": names.get(officers.head) if officers.head else None,
                "deputies": [names[d] for d in officers.deputies],
                "units": [unit.name for unit, _ in pairs],
            })
    finally:
        db.close()
    if args.json:
        print(json.dumps({"bloc": profile.name, "council": profile.council,
                          "place": profile.place, "profile": profile.profile,
                          "years": report}, ensure_ascii=False, indent=2))
        return 0
    print(profile.name)
    print(f"Cơ quan chỉ đạo: {profile.council}")
    print(f"Địa danh: {profile.place} · Thể thức văn bản: {profile_name(profile.profile)}")
    for entry in report:
        print()
        print(f"Năm {entry['year']} · {entry['status_label']} · {len(entry['units'])} đơn vị")
        deputies = "; ".join(entry["deputies"]) or "chưa có"
        print(f"  Trưởng khối: {entry['head'] or 'chưa có'} · Phó khối: {deputies}")
        for number, name in enumerate(entry["units"], start=1):
            print(f"  {number:>2}. {name}")
    return 0

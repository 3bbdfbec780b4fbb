"""`main.py check FILE --year YEAR [--json]`: the rule checker's findings for a year."""

from __future__ import annotations

import argparse
import json
from typing import Any

from data import units
from data.bloc import open_bloc
from data.meeting_model import Finding, Severity
from data.rule_checker import check_year
from ui.cli.args import Parser, year_arg


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm cần kiểm tra")
    parser.add_argument("--json", action="store_true", help="in dạng JSON (xem docs/cli.md)")
    parser.set_defaults(handler=run)


def as_record(finding: Finding, names: dict[int, str]) -> dict[str, Any]:
    """The JSON object of one finding: keys documented in docs/cli.md, never renamed."""
    return {
        "severity": finding.severity.value,
        "severity_label": finding.severity.label,
        "rule": finding.rule,
        "message": finding.message,
        "source": finding.source,
        "unit": names.get(finding.unit_id) if finding.unit_id is not None else None,
        "round_id": finding.round_id,
    }


def run(args: argparse.Namespace) -> int:
    """Print the findings; exit 1 when any of them is an error."""
    db = open_bloc(args.file)
    try:
        findings = check_year(db, args.year)
        names = {unit.id: unit.name for unit in units.all_units(db)}
    finally:
        db.close()
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if args.json:
        print(json.dumps({"year": args.year, "errors": errors, "warnings": warnings,
                          "findings": [as_record(f, names) for f in findings]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"Kiểm tra quy định năm {args.year}: {errors} lỗi, {warnings} cảnh báo")
        if not findings:
            print("Không phát hiện vi phạm nào.")
        for finding in findings:
            print(f"[{finding.severity.label}] {finding.message}")
            if finding.source:
                print(f"    Căn cứ: {finding.source}")
    return 1 if errors else 0

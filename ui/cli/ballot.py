"""`main.py ballot FILE --year YEAR [--json]`: each round's counts, percentages and results."""

from __future__ import annotations

import argparse
import datetime
import json
from typing import Any

from data import awards, ballots, meetings, units
from data.bloc import open_bloc
from data.db import Database
from data.lifecycle import OfficerBasis, next_officers
from data.meeting_model import Outcome, RoundReport
from data.model import AwardForm
from data.rule_checker import mark_text
from data.rules import PERCENT_BASES, load_rules
from data.vntext import format_number, short_date
from ui.cli.args import Parser, year_arg
from ui.cli.table import render_table


def configure(parser: Parser) -> None:
    """Arguments of the command."""
    parser.add_argument("file", metavar="TỆP", help="tệp khối thi đua (.ktd)")
    parser.add_argument("--year", "--nam", dest="year", type=year_arg, required=True,
                        metavar="NĂM", help="năm có hội nghị bỏ phiếu")
    parser.add_argument("--json", action="store_true", help="in dạng JSON (xem docs/cli.md)")
    parser.set_defaults(handler=run)


def round_record(report: RoundReport, names: dict[int, str], forms: dict[int, AwardForm],
                 percent_base: str) -> dict[str, Any]:
    """The JSON object of one round: keys documented in docs/cli.md, never renamed."""
    ballot, result, count = report.round, report.result, report.agreed
    form = forms.get(ballot.award_form_id or 0)
    shown = {c.unit_id: c for c in result.results} if result else {}
    return {
        "id": ballot.id, "purpose": ballot.purpose.value, "purpose_label": ballot.purpose.label,
        "award_form": form.code if form else None, "award_form_name": form.name if form else None,
        "round_no": ballot.round_no, "choices": ballot.choices, "seats": ballot.seats,
        "status": report.status.value, "status_label": report.status.label,
        **{f: getattr(count, f) if count else None
           for f in ("issued", "received", "valid", "invalid")},
        "percent_base": percent_base, "base": result.base if result else None,
        "candidates": [
            {"unit": names.get(u, str(u)), "votes": shown[u].votes if u in shown else None,
             "percent": shown[u].percent if u in shown else None,
             "passed": shown[u].passed if u in shown else None,
             "elected": shown[u].elected if u in shown else None}
            for u in ([c.unit_id for c in result.results] if result else ballot.candidates)],
        "outcome": (result.outcome if result else Outcome.PENDING).value,
        "outcome_label": (result.outcome.label if result else "Chưa có kết quả"),
        "remaining_seats": result.remaining_seats if result else ballot.seats,
        "next_candidates": [names.get(u, str(u)) for u in result.next_candidates]
        if result else [],
        "problems": [{"field": p.field, "unit": names.get(p.unit_id) if p.unit_id else None,
                      "message": p.message} for p in report.problems],
        "mismatches": [{"field": m.field, "unit": names.get(m.unit_id) if m.unit_id else None,
                        "first": m.first, "second": m.second, "message": m.message}
                       for m in report.mismatches],
    }


def collect(db: Database, year: int) -> dict[str, Any]:
    """The whole report of the year, as the JSON object the command prints."""
    rules = load_rules(db, year)
    names = {unit.id: unit.name for unit in units.all_units(db)}
    forms = {f.id: f for f in awards.award_forms(db)}
    held = []
    for meeting in meetings.meetings(db, year):
        quorum = meetings.meeting_quorum(db, meeting.id)
        held.append({
            "kind": meeting.kind.value, "kind_label": meeting.kind.label,
            "held_on": meeting.held_on, "start_time": meeting.start_time,
            "end_time": meeting.end_time, "place": meeting.place,
            "members": quorum.members, "present": quorum.present,
            "quorum_needed": quorum.needed, "quorum_met": quorum.met,
            "rounds": [round_record(r, names, forms, rules.percent_base)
                       for r in ballots.round_reports(db, meeting.id)],
        })
    officers = next_officers(db, year)
    return {
        "year": year,
        "pass_mark": {"share": rules.pass_mark.share, "strict": rules.pass_mark.strict,
                      "text": mark_text(rules.pass_mark)},
        "percent_base": rules.percent_base, "max_rounds": rules.max_rounds,
        "meetings": held,
        "next_officers": {
            "year": officers.year, "head": names.get(officers.head or 0),
            "head_basis": officers.head_basis.value,
            "deputies": [names[d] for d in officers.deputies],
            "deputy_basis": officers.deputy_basis.value,
        },
    }


def _print_round(record: dict[str, Any]) -> None:
    what = (f"Suy tôn “{record['award_form_name']}”" if record["award_form"]
            else record["purpose_label"])
    print(f"\nVòng {record['round_no']} — {what} (mỗi phiếu chọn {record['choices']}, "
          f"cần bầu {record['seats']})")
    if record["valid"] is not None:
        print(f"Phiếu phát ra {record['issued']} · thu vào {record['received']} · hợp lệ "
              f"{record['valid']} · không hợp lệ {record['invalid']}")
    print(f"Nhập kết quả: {record['status_label']}")
    for item in record["mismatches"] + record["problems"]:
        print(f"  - {item['message']}")
    rows = [(c["unit"], "" if c["votes"] is None else str(c["votes"]),
             "" if c["percent"] is None else f"{format_number(c['percent'])} %",
             {True: "Đạt", False: "Không đạt", None: ""}[c["passed"]],
             "Trúng cử" if c["elected"] else "") for c in record["candidates"]]
    print(render_table(("Đơn vị", "Số phiếu", "Tỷ lệ", "Đạt ngưỡng", "Kết quả"), rows,
                       numeric=(1, 2)))
    print(f"Kết quả: {record['outcome_label']}")


def run(args: argparse.Namespace) -> int:
    """Print the year's ballots."""
    db = open_bloc(args.file)
    try:
        report = collect(db, args.year)
    finally:
        db.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"Kết quả bỏ phiếu năm {args.year}")
    print(f"Ngưỡng: {report['pass_mark']['text']} · Cơ sở tính tỷ lệ: "
          f"{PERCENT_BASES[report['percent_base']].lower()} · Tối đa {report['max_rounds']} vòng")
    if not report["meetings"]:
        print(f"Năm {args.year} chưa có hội nghị nào.")
    for meeting in report["meetings"]:
        when = (short_date(datetime.date.fromisoformat(meeting["held_on"]))
                if meeting["held_on"] else "chưa ghi ngày")
        print(f"\n{meeting['kind_label']} ngày {when}, {meeting['start_time']}–"
              f"{meeting['end_time']}, tại {meeting['place'] or 'chưa ghi địa điểm'}")
        verdict = "đủ" if meeting["quorum_met"] else "KHÔNG đủ"
        print(f"Có mặt {meeting['present']}/{meeting['members']} đơn vị (cần tối thiểu "
              f"{meeting['quorum_needed']}): {verdict} số lượng để hội nghị hợp lệ.")
        for record in meeting["rounds"]:
            _print_round(record)
    officers = report["next_officers"]
    head_how = OfficerBasis(officers["head_basis"]).label
    deputy_how = OfficerBasis(officers["deputy_basis"]).label
    print(f"\nTrưởng khối năm {officers['year']}: {officers['head'] or 'chưa có'} — {head_how}")
    print(f"Phó khối năm {officers['year']}: {'; '.join(officers['deputies']) or 'chưa có'} — "
          f"{deputy_how}")
    return 0

"""The year's rule set: every number that is a rule, stored with the document it comes from."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from data import audit
from data.db import Database, transaction
from data.errors import InputError
from data.model import Band, PassMark, RuleSet

PERCENT_BASES = {
    "members": "Tổng số đơn vị thành viên",
    "present": "Số đơn vị có mặt",
    "valid": "Số phiếu hợp lệ",
}
TIE_BREAK_LABELS = {
    "penalty": "Ít điểm trừ hơn",
    "women": "Tập thể có từ 70 % nữ trở lên",
    "bonus": "Nhiều điểm thưởng hơn",
    "verified": "Điểm khối chấm cao hơn",
}
RULE_LABELS = {
    "quorum_share": "Tỷ lệ đơn vị có mặt tối thiểu để hội nghị hợp lệ",
    "pass_mark": "Ngưỡng phiếu bầu để được suy tôn, đề nghị",
    "percent_base": "Cơ sở tính tỷ lệ phiếu",
    "council_flag_share": "Tỷ lệ thành viên Hội đồng đồng ý để tặng Cờ thi đua",
    "max_rounds": "Số vòng bỏ phiếu tối đa",
    "table_total": "Tổng điểm tối đa của bảng chấm điểm",
    "bonus_cap": "Điểm thưởng tối đa",
    "bands": "Các mức xếp loại",
    "tie_breaks": "Tiêu chí phân định khi bằng điểm",
    "women_priority": "Ưu tiên tập thể có từ 70 % nữ khi bằng nhau",
}
DEFAULT_SOURCES = {
    "quorum_share": "Hướng dẫn 01/HD-HĐTĐKT (2021) của Hội đồng TĐKT thành phố Hà Nội",
    "pass_mark": "Quy chế hoạt động của Khối thi đua",
    "percent_base": "Quy chế hoạt động của Khối thi đua",
    "council_flag_share":
        "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (đối chiếu Nghị định 152/2025/NĐ-CP)",
    "max_rounds": "Thông tư 01/2024/TT-TANDTC",
    "table_total": "Bảng chấm điểm thi đua của Khối",
    "bonus_cap": "Bảng chấm điểm thi đua của Khối",
    "bands": "Dự thảo quy định xếp loại Khối thi đua tỉnh Nghệ An (2025)",
    "tie_breaks": "Quy chế hoạt động của Khối thi đua",
    "women_priority": "Nghị định 152/2025/NĐ-CP, Điều 4",
}


def _encode(rules: RuleSet) -> dict[str, Any]:
    return {
        "quorum_share": rules.quorum_share,
        "pass_mark": {"share": rules.pass_mark.share, "strict": rules.pass_mark.strict},
        "percent_base": rules.percent_base,
        "council_flag_share": rules.council_flag_share,
        "max_rounds": rules.max_rounds,
        "table_total": rules.table_total,
        "bonus_cap": rules.bonus_cap,
        "bands": [[b.name, b.min_total, b.floor_share] for b in rules.bands],
        "tie_breaks": list(rules.tie_breaks),
        "women_priority": rules.women_priority,
    }


def _decode(year: int, values: dict[str, Any], sources: dict[str, str]) -> RuleSet:
    base = RuleSet(year=year)
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key == "pass_mark":
            kwargs[key] = PassMark(float(value["share"]), bool(value["strict"]))
        elif key == "bands":
            kwargs[key] = tuple(Band(str(n), float(m), float(f)) for n, m, f in value)
        elif key == "tie_breaks":
            kwargs[key] = tuple(str(v) for v in value)
        elif key in ("max_rounds",):
            kwargs[key] = int(value)
        elif key in ("women_priority",):
            kwargs[key] = bool(value)
        elif key == "percent_base":
            kwargs[key] = str(value)
        elif key in RULE_LABELS:
            kwargs[key] = float(value)
    return replace(base, **kwargs, sources=tuple(sorted(sources.items())))


def validate(rules: RuleSet) -> None:
    """Refuse a rule set whose numbers cannot work, saying which rule and why."""
    for key in ("quorum_share", "council_flag_share"):
        share = getattr(rules, key)
        if not 0 < share <= 1:
            raise InputError(f"{RULE_LABELS[key]} phải lớn hơn 0 % và không quá 100 %.")
    if not 0 < rules.pass_mark.share <= 1:
        raise InputError(f"{RULE_LABELS['pass_mark']} phải lớn hơn 0 % và không quá 100 %.")
    if rules.percent_base not in PERCENT_BASES:
        raise InputError(f"Cơ sở tính tỷ lệ “{rules.percent_base}” không hợp lệ.")
    if rules.max_rounds < 1:
        raise InputError("Số vòng bỏ phiếu tối đa phải từ 1 trở lên.")
    if rules.table_total <= 0 or rules.bonus_cap < 0:
        raise InputError("Tổng điểm của bảng phải dương và điểm thưởng tối đa không được âm.")
    for band in rules.bands:
        if not band.name.strip() or band.min_total < 0 or not 0 <= band.floor_share <= 1:
            raise InputError(
                f"Mức xếp loại “{band.name}” không hợp lệ (điểm sàn, tỷ lệ tối thiểu).")
    for tie_break in rules.tie_breaks:
        # "section:<code>" needs a code: the ranking refuses a bare "section:"
        if tie_break not in TIE_BREAK_LABELS and not (
            tie_break.startswith("section:") and tie_break[len("section:"):].strip()
        ):
            raise InputError(f"Tiêu chí phân định “{tie_break}” không được hỗ trợ.")


def save_rules(db: Database, rules: RuleSet) -> RuleSet:
    """Store the whole rule set of its year; rules without a source get the default source."""
    validate(rules)
    sources = {**DEFAULT_SOURCES, **dict(rules.sources)}
    with transaction(db):
        for key, value in _encode(rules).items():
            db.conn.execute(
                "INSERT INTO rules (year, key, value, source) VALUES (:y, :k, :v, :s)"
                " ON CONFLICT (year, key) DO UPDATE SET value = :v, source = :s",
                {"y": rules.year, "k": key, "v": json.dumps(value, ensure_ascii=False),
                 "s": sources.get(key, "")},
            )
        audit.record(db, "save", "rules", rules.year)
    return load_rules(db, rules.year)


def load_rules(db: Database, year: int) -> RuleSet:
    """The year's rule set (defaults for any rule the file does not hold)."""
    rows = db.conn.execute(
        "SELECT key, value, source FROM rules WHERE year = :y", {"y": year}
    ).fetchall()
    values = {r["key"]: json.loads(r["value"]) for r in rows}
    sources = {**DEFAULT_SOURCES, **{r["key"]: r["source"] for r in rows if r["source"]}}
    return _decode(year, values, sources)

"""data/rules.py: the year's rule set, every number with the document it comes from."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from data import rules, years
from data.db import Database
from data.errors import InputError
from data.model import DEFAULT_BANDS, Band, PassMark, RuleSet


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def test_a_new_year_has_the_defaults_with_their_sources(empty_bloc: Database) -> None:
    loaded = rules.load_rules(empty_bloc, 2025)
    assert replace(loaded, sources=()) == RuleSet(year=2025)
    assert loaded.quorum_share == pytest.approx(2 / 3)
    assert loaded.pass_mark == PassMark(0.5, strict=True)
    assert loaded.percent_base == "members"
    assert loaded.council_flag_share == 0.8
    assert loaded.max_rounds == 2
    assert loaded.bands == DEFAULT_BANDS
    assert loaded.tie_breaks == ("section:I", "penalty", "women")
    for key in rules.RULE_LABELS:
        assert loaded.source(key).strip(), f"rule {key} has no source document"
    assert "01/HD-HĐTĐKT" in loaded.source("quorum_share")
    assert "98/2023/NĐ-CP" in loaded.source("council_flag_share")
    assert "01/2024/TT-TANDTC" in loaded.source("max_rounds")
    assert "Nghệ An" in loaded.source("bands")
    stored = empty_bloc.conn.execute(
        "SELECT key, source FROM rules WHERE year = 2025").fetchall()
    assert {key for key, _ in stored} == set(rules.RULE_LABELS)
    assert all(source for _, source in stored)


def test_every_field_round_trips(empty_bloc: Database) -> None:
    edited = RuleSet(
        year=2025,
        quorum_share=0.75,
        pass_mark=PassMark(2 / 3, strict=False),
        percent_base="valid",
        council_flag_share=0.9,
        max_rounds=3,
        table_total=1000.0,
        bonus_cap=50.0,
        bands=(Band("Xuất sắc", 950, 0.9), Band("Hoàn thành tốt", 850, 0.8),
               Band("Chưa hoàn thành", 0, 0.0)),
        tie_breaks=("women", "section:II", "bonus", "verified", "penalty"),
        women_priority=False,
        sources=(("pass_mark", "Quy chế Khối năm 2025, Điều 7"),
                 ("table_total", "Hướng dẫn 15/HD-HĐTĐKT tỉnh Bắc Ninh")),
    )
    saved = rules.save_rules(empty_bloc, edited)
    loaded = rules.load_rules(empty_bloc, 2025)
    assert saved == loaded
    assert replace(loaded, sources=()) == replace(edited, sources=())
    assert loaded.source("pass_mark") == "Quy chế Khối năm 2025, Điều 7"
    assert loaded.source("table_total") == "Hướng dẫn 15/HD-HĐTĐKT tỉnh Bắc Ninh"
    assert loaded.source("bands") == rules.DEFAULT_SOURCES["bands"]  # untouched: default kept
    assert loaded.pass_mark.passed(6, 9) and not loaded.pass_mark.passed(5, 9)


def test_rules_are_per_year(empty_bloc: Database) -> None:
    years.add_year(empty_bloc, 2026)
    rules.save_rules(empty_bloc, RuleSet(year=2026, max_rounds=4))
    assert rules.load_rules(empty_bloc, 2026).max_rounds == 4
    assert rules.load_rules(empty_bloc, 2025).max_rounds == 2


def test_saving_again_replaces(empty_bloc: Database) -> None:
    rules.save_rules(empty_bloc, RuleSet(year=2025, bonus_cap=5))
    rules.save_rules(empty_bloc, RuleSet(year=2025, bonus_cap=7.5))
    assert rules.load_rules(empty_bloc, 2025).bonus_cap == 7.5
    assert empty_bloc.conn.execute(
        "SELECT count(*) FROM rules WHERE year = 2025 AND key = 'bonus_cap'").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quorum_share": 0}, "Tỷ lệ đơn vị có mặt tối thiểu để hội nghị hợp lệ phải lớn hơn 0 %"),
        ({"quorum_share": 1.5}, "không quá 100 %"),
        ({"council_flag_share": 0.0}, "Tỷ lệ thành viên Hội đồng đồng ý để tặng Cờ thi đua"),
        ({"pass_mark": PassMark(0)}, "Ngưỡng phiếu bầu để được suy tôn, đề nghị phải lớn hơn 0 %"),
        ({"pass_mark": PassMark(1.01)}, "Ngưỡng phiếu bầu"),
        ({"pass_mark": PassMark(float("nan"))}, "Ngưỡng phiếu bầu"),
        ({"percent_base": "attendees"}, "Cơ sở tính tỷ lệ “attendees” không hợp lệ"),
        ({"max_rounds": 0}, "Số vòng bỏ phiếu tối đa phải từ 1 trở lên"),
        ({"tie_breaks": ("section:I", "age")}, "Tiêu chí phân định “age” không được hỗ trợ"),
        ({"tie_breaks": ("section:",)}, "Tiêu chí phân định “section:” không được hỗ trợ"),
        ({"bonus_cap": -1}, "điểm thưởng tối đa không được âm"),
        ({"table_total": 0}, "Tổng điểm của bảng phải dương"),
        ({"bands": (Band("", 90),)}, "Mức xếp loại “” không hợp lệ"),
        ({"bands": (Band("Tốt", -1),)}, "Mức xếp loại “Tốt” không hợp lệ"),
        ({"bands": (Band("Tốt", 80, 1.2),)}, "Mức xếp loại “Tốt” không hợp lệ"),
    ],
)
def test_validation_refusals(empty_bloc: Database, changes: dict[str, object],
                             message: str) -> None:
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        rules.save_rules(empty_bloc, replace(RuleSet(year=2025), **changes))  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_valid_edges_are_accepted(empty_bloc: Database) -> None:
    edge = RuleSet(year=2025, quorum_share=1.0, pass_mark=PassMark(1.0), bonus_cap=0,
                   max_rounds=1, tie_breaks=())
    assert replace(rules.save_rules(empty_bloc, edge), sources=()) == edge


def test_demo_rules(bloc: Database) -> None:
    for year in (2019, 2020):
        assert replace(rules.load_rules(bloc, year), sources=()) == RuleSet(year=year)

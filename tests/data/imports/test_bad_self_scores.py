"""The corpus of self-scoring workbooks that must be refused: each gets its message at its
place, nothing crashes, applying changes nothing, and the bloc is exactly as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.db import Database
from data.imports import self_scores
from tests.data.imports.books import dump
from tests.printing.bad_selfscore import CORPUS, YEAR, Bad, exported, fill


def test_the_corpus_is_large_and_names_are_unique() -> None:
    assert len(CORPUS) >= 20
    assert len({bad.name for bad in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("bad", CORPUS, ids=[bad.name for bad in CORPUS])
def test_a_bad_workbook_is_refused_and_changes_nothing(bloc: Database, tmp_path: Path,
                                                       bad: Bad) -> None:
    path = bad.make(bloc, tmp_path / bad.name)
    before = dump(bloc)
    plan = self_scores.plan(bloc, YEAR, [path])
    [file] = plan.files
    assert file.file == bad.name
    assert not file.ok and file.changes == () and file.payload is None
    messages = [p.message for p in file.problems]
    assert any(bad.message in m for m in messages), messages
    problem = next(p for p in file.problems if bad.message in p.message)
    assert problem.file == bad.name
    assert problem.item == bad.item
    if bad.item:  # a cell's problem names its sheet and row
        assert problem.sheet == "Tự chấm" and problem.row > 8
        assert f"dòng {problem.row}, nội dung {bad.item}" in str(problem)
    self_scores.apply(bloc, YEAR, plan)
    assert dump(bloc) == before


def test_every_problem_of_a_file_is_listed_and_none_of_it_applied(bloc: Database,
                                                                  tmp_path: Path) -> None:
    path = fill(exported(bloc), tmp_path / "nhieu-loi.xlsx", {
        "T1": {"points": 9}, "1b": {"points": "E"}, "2a": {"plan": "=A1"},
        "3a": {"points": "B"}})  # 3a alone would be a good change
    before = dump(bloc)
    plan = self_scores.plan(bloc, YEAR, [path])
    assert sorted(p.item for p in plan.problems) == ["1b", "2a", "T1"]
    assert plan.applicable == []
    self_scores.apply(bloc, YEAR, plan)
    assert dump(bloc) == before


def test_two_workbooks_of_one_unit_are_both_refused(bloc: Database, tmp_path: Path) -> None:
    first = fill(exported(bloc), tmp_path / "a.xlsx", {"1b": {"points": "B"}})
    second = fill(exported(bloc), tmp_path / "b.xlsx", {"1b": {"points": "C"}})
    other = fill(exported(bloc, "Sở Tư pháp"), tmp_path / "c.xlsx", {"1b": {"points": "C"}})
    before = dump(bloc)
    plan = self_scores.plan(bloc, YEAR, [first, second, other])
    a, b, c = plan.files
    assert [p.message for p in a.problems] == [
        "Lần nhập này có hơn một phiếu tự chấm của Công an tỉnh (cả tệp “b.xlsx”): mỗi đơn vị "
        "chỉ nhập một phiếu; hãy bỏ bớt tệp rồi nhập lại."]
    assert "(cả tệp “a.xlsx”)" in b.problems[0].message
    assert c.ok and plan.applicable == [c]
    self_scores.apply(bloc, YEAR, plan)
    assert dump(bloc) != before  # the other unit's workbook is applied

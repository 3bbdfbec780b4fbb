"""Self-scoring workbooks sent out and imported back: the self layer becomes what the unit typed,
the same workbook twice changes nothing, an emptied cell clears, revert restores exactly."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from data import audit
from data.criteria import criteria
from data.db import Database
from data.imports import self_scores
from data.imports.plan import Change
from data.model import Layer, Score
from data.scores import replace_cells, scores
from data.units import members
from tests.data.imports.books import dump
from tests.printing.bad_selfscore import YEAR, exported, fill, unit_id

UNIT = "Sở Tư pháp"
# every input of Sở Tư pháp's workbook, as the unit types it (grades, points, plan and actual)
TYPED: dict[str, dict[str, object]] = {
    "1a": {"plan": 120, "actual": 126.5, "evidence": "Báo cáo số 45/BC-STP ngày 10/12/2019"},
    "1b": {"points": "B"}, "2a": {"plan": 90, "actual": 90}, "2b": {"plan": 10, "actual": 12},
    "3a": {"points": "A"}, "3b": {"points": "c", "evidence": "Có 01 công chức bị nhắc nhở"},
    "4": {"points": "A"}, "5": {"points": "B"}, "6a": {"points": "A"}, "6b": {"points": "A"},
    "7": {"points": "D"}, "8": {"points": "A"}, "9": {"points": "B"}, "10": {"points": "A"},
    "11": {"points": "A"}, "T1": {"points": 4.5, "evidence": "Quyết định 12/QĐ-UBND"},
    "T2": {"points": "2,5"},
}
# what the self layer must then hold: code -> (points, grade, plan, actual, note)
EXPECTED = {
    "1a": (20.0, None, 120.0, 126.5, "Báo cáo số 45/BC-STP ngày 10/12/2019"),
    "1b": (8.0, "B", None, None, ""), "2a": (5.0, None, 90.0, 90.0, ""),
    "2b": (round(5 * 10 / 12, 2), None, 10.0, 12.0, ""), "3a": (5.0, "A", None, None, ""),
    "3b": (3.0, "C", None, None, "Có 01 công chức bị nhắc nhở"), "4": (10.0, "A", None, None, ""),
    "5": (4.0, "B", None, None, ""), "6a": (5.0, "A", None, None, ""),
    "6b": (5.0, "A", None, None, ""), "7": (0.0, "D", None, None, ""),
    "8": (5.0, "A", None, None, ""), "9": (4.0, "B", None, None, ""),
    "10": (5.0, "A", None, None, ""), "11": (5.0, "A", None, None, ""),
    "T1": (4.5, None, None, None, "Quyết định 12/QĐ-UBND"), "T2": (2.5, None, None, None, ""),
}


def layer(db: Database, name: str, which: Layer = Layer.SELF) -> dict[str, tuple[object, ...]]:
    codes = {c.id: c.code for c in criteria(db, YEAR)}
    return {codes[s.criterion_id]: (s.points, s.grade, s.plan, s.actual, s.note)
            for s in scores(db, YEAR, unit_id(db, name)) if s.layer is which}


def other_layers(db: Database) -> list[Score]:
    return sorted((s for s in scores(db, YEAR) if s.layer is not Layer.SELF),
                  key=lambda s: (s.unit_id, s.criterion_id, s.layer))


def all_workbooks(db: Database, folder: Path) -> list[Path]:
    paths = []
    for unit, _ in members(db, YEAR):
        path = folder / f"Tự chấm {YEAR} - {unit.name}.xlsx"
        path.write_bytes(exported(db, unit.name))
        paths.append(path)
    return paths


def test_round_trip_the_self_layer_is_what_the_unit_typed(bloc: Database,
                                                          tmp_path: Path) -> None:
    paths = all_workbooks(bloc, tmp_path)
    mine = next(p for p in paths if UNIT in p.name)
    fill(mine.read_bytes(), mine, TYPED)
    others = {name: layer(bloc, name) for name in ("Công an tỉnh", "Thanh tra tỉnh")}
    untouched = other_layers(bloc)
    plan = self_scores.plan(bloc, YEAR, paths)
    assert plan.kind == "self-score" and plan.problems == []
    assert [f.file for f in plan.applicable] == [mine.name]  # the others are unchanged
    assert plan.applicable[0].subject == f"Phiếu tự chấm của {UNIT}"
    self_scores.apply(bloc, YEAR, plan)
    assert layer(bloc, UNIT) == EXPECTED
    assert {name: layer(bloc, name) for name in others} == others
    assert other_layers(bloc) == untouched  # the self layer only
    again = self_scores.plan(bloc, YEAR, paths)
    assert again.problems == [] and again.applicable == []
    assert all(f.changes == () for f in again.files)


def test_changes_list_old_and_new_per_field(bloc: Database, tmp_path: Path) -> None:
    path = fill(exported(bloc, UNIT), tmp_path / "stp.xlsx", {
        "1a": {"plan": 120, "actual": 126.5}, "1b": {"points": "b"}, "6b": {"points": "B"},
        "T1": {"points": "4,5", "evidence": "QĐ 12"}, "3a": {"points": None}})
    [file] = self_scores.plan(bloc, YEAR, [path]).files
    item = "1a. Các chỉ tiêu chuyên môn chủ yếu (thực hiện / kế hoạch)"
    assert file.changes == (
        Change(item, "Kế hoạch", "100", "120"),
        Change(item, "Thực hiện", "100", "126,5"),
        Change("1b. Nhiệm vụ đột xuất được cấp trên giao", "Tự chấm", "A", "B"),
        Change("3a. Xây dựng và thực hiện chương trình tiết kiệm, chống lãng phí", "Tự chấm",
               "A", ""),
        Change("T1. Mô hình, cách làm sáng tạo được tỉnh công nhận", "Tự chấm", "", "4,5"),
        Change("T1. Mô hình, cách làm sáng tạo được tỉnh công nhận", "Minh chứng", "", "QĐ 12"),
    )  # 1a stays at 20 points (capped), 6b was already B: not changes


def test_an_emptied_cell_clears_the_self_score_and_its_evidence(bloc: Database,
                                                                tmp_path: Path) -> None:
    first = fill(exported(bloc, UNIT), tmp_path / "1.xlsx", {"6b": {"evidence": "Ảnh"}})
    self_scores.apply(bloc, YEAR, self_scores.plan(bloc, YEAR, [first]))
    assert layer(bloc, UNIT)["6b"] == (4.0, "B", None, None, "Ảnh")
    second = fill(exported(bloc, UNIT), tmp_path / "2.xlsx", {
        "6b": {"points": None, "evidence": None}, "2a": {"plan": None, "actual": None}})
    [file] = self_scores.plan(bloc, YEAR, [second]).files
    assert [(c.item[:3], c.field, c.old, c.new) for c in file.changes] == [
        ("2a.", "Tự chấm", "4,72", ""), ("2a.", "Kế hoạch", "90", ""),
        ("2a.", "Thực hiện", "85", ""), ("6b.", "Tự chấm", "B", ""),
        ("6b.", "Minh chứng", "Ảnh", "")]
    self_scores.apply(bloc, YEAR, self_scores.plan(bloc, YEAR, [second]))
    assert "6b" not in layer(bloc, UNIT) and "2a" not in layer(bloc, UNIT)
    assert layer(bloc, UNIT, Layer.VERIFIED)["6b"][1] == "B"  # other layers stay


def test_a_quantitative_item_scored_by_points_is_kept(bloc: Database, tmp_path: Path) -> None:
    node = next(c for c in criteria(bloc, YEAR) if c.code == "2a")
    unit = unit_id(bloc, UNIT)
    replace_cells(bloc, YEAR, [Score(unit, node.id, Layer.SELF, points=3.0, note="Biên bản",
                                     entered_at="2019-12-01T08:00:00")], [])
    path = tmp_path / "stp.xlsx"
    path.write_bytes(exported(bloc, UNIT))  # the workbook shows no plan nor actual for 2a
    [file] = self_scores.plan(bloc, YEAR, [path]).files
    assert file.ok and file.changes == ()
    fill(path.read_bytes(), path, {"2a": {"evidence": "Biên bản số 2"}})
    plan = self_scores.plan(bloc, YEAR, [path])
    assert [(c.field, c.old, c.new) for c in plan.files[0].changes] == [
        ("Minh chứng", "Biên bản", "Biên bản số 2")]
    self_scores.apply(bloc, YEAR, plan)
    assert layer(bloc, UNIT)["2a"] == (3.0, None, None, None, "Biên bản số 2")


def test_a_qualitative_item_scored_by_points_keeps_its_points(bloc: Database,
                                                             tmp_path: Path) -> None:
    node = next(c for c in criteria(bloc, YEAR) if c.code == "1b")
    replace_cells(bloc, YEAR, [Score(unit_id(bloc, UNIT), node.id, Layer.SELF, points=7.5,
                                     entered_at="2019-12-01T08:00:00")], [])
    path = tmp_path / "stp.xlsx"
    path.write_bytes(exported(bloc, UNIT))
    assert self_scores.plan(bloc, YEAR, [path]).files[0].changes == ()
    fill(path.read_bytes(), path, {"1b": {"points": "8,5"}})
    [change] = self_scores.plan(bloc, YEAR, [path]).files[0].changes
    assert (change.field, change.old, change.new) == ("Tự chấm", "7,5", "8,5")


def test_nfd_text_is_accepted_and_stored_nfc(bloc: Database, tmp_path: Path) -> None:
    typed = unicodedata.normalize("NFD", "Biên bản kiểm tra của Sở Tư pháp")
    path = fill(exported(bloc, UNIT), tmp_path / "nfd.xlsx", {"4": {"evidence": typed}})
    plan = self_scores.plan(bloc, YEAR, [path])
    assert plan.problems == []
    self_scores.apply(bloc, YEAR, plan)
    note = layer(bloc, UNIT)["4"][4]
    assert note == "Biên bản kiểm tra của Sở Tư pháp"
    assert unicodedata.is_normalized("NFC", str(note))


def test_revert_restores_every_row_exactly(bloc: Database, tmp_path: Path) -> None:
    paths = all_workbooks(bloc, tmp_path)
    fill(paths[0].read_bytes(), paths[0], {"1b": {"points": "C"}, "3a": {"points": None},
                                          "T1": {"points": 1}, "T2": {"points": 2}})
    fill(paths[1].read_bytes(), paths[1], {"4": {"points": "B", "evidence": "x"}})
    before = dump(bloc)
    token = self_scores.apply(bloc, YEAR, self_scores.plan(bloc, YEAR, paths))
    assert dump(bloc) != before
    self_scores.revert(bloc, YEAR, token)
    assert dump(bloc) == before


def test_applying_is_recorded_in_the_audit_log(bloc: Database, tmp_path: Path) -> None:
    path = fill(exported(bloc, UNIT), tmp_path / "stp.xlsx", {"1b": {"points": "C"}})
    token = self_scores.apply(bloc, YEAR, self_scores.plan(bloc, YEAR, [path]))
    entry = audit.entries(bloc, "self_scores", limit=1)[0]
    assert (entry.action, entry.entity_key) == ("import", str(YEAR))
    assert entry.detail == {"file": "stp.xlsx", "unit": unit_id(bloc, UNIT), "saved": 1,
                            "cleared": 0}
    self_scores.revert(bloc, YEAR, token)
    assert audit.entries(bloc, "self_scores", limit=1)[0].action == "revert_import"


def test_the_importer_api_the_window_calls(bloc: Database) -> None:
    assert self_scores.TOUCHES == ("scores",)
    assert self_scores.plan(bloc, YEAR, []).files == ()
    with pytest.raises(Exception, match="2031"):
        self_scores.plan(bloc, 2031, [])

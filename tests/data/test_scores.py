"""data/scores.py: scores in three layers, penalties, and the year's board."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from data import audit, criteria, penalty_catalogue, scores, units, years
from data.db import Database
from data.errors import InputError
from data.model import Criterion, Layer, NodeKind, Penalty, Score, Unit
from data.standings import standings

S, V, C = Layer.SELF, Layer.VERIFIED, Layer.COUNCIL


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


@pytest.fixture
def table(empty_bloc: Database) -> dict[str, Criterion]:
    """I (40): q qualitative 10, n quantitative 20, p numeric 10; T bonus 5; grades G (Tốt/Khá)."""
    add = criteria.add_criterion
    root = add(empty_bloc, 2025, None, "Nhiệm vụ", max_points=40, code="I")
    return {
        "I": root,
        "q": add(empty_bloc, 2025, root.id, "Định tính", kind=NodeKind.QUALITATIVE,
                 max_points=10, code="q"),
        "n": add(empty_bloc, 2025, root.id, "Định lượng", kind=NodeKind.QUANTITATIVE,
                 max_points=20, code="n"),
        "p": add(empty_bloc, 2025, root.id, "Chấm trực tiếp", kind=NodeKind.NUMERIC,
                 max_points=10, code="p"),
        "G": add(empty_bloc, 2025, None, "Thang riêng", kind=NodeKind.QUALITATIVE,
                 max_points=10, code="G", grades=(("Tốt", 1.0), ("Khá", 0.7))),
        "T": add(empty_bloc, 2025, None, "Thưởng", kind=NodeKind.BONUS, max_points=5, code="T"),
    }


@pytest.fixture
def unit(make_unit: Callable[..., Unit]) -> Unit:
    return make_unit(name="Sở Tư pháp")


def test_set_by_grade_plan_actual_and_points(empty_bloc: Database, table: dict[str, Criterion],
                                             unit: Unit) -> None:
    by_grade = scores.set_score(empty_bloc, 2025, unit.id, table["q"].id, V, grade=" b ",
                                note="Đã thẩm định  hồ sơ ")
    assert (by_grade.grade, by_grade.points, by_grade.note) == ("B", 8.0, "Đã thẩm định  hồ sơ")
    by_plan = scores.set_score(empty_bloc, 2025, unit.id, table["n"].id, S, plan="100",
                               actual="90")
    assert (by_plan.plan, by_plan.actual, by_plan.points) == (100.0, 90.0, 18.0)
    by_points = scores.set_score(empty_bloc, 2025, unit.id, table["p"].id, C, points="9,5")
    assert by_points.points == 9.5
    own = scores.set_score(empty_bloc, 2025, unit.id, table["G"].id, V, grade="khá")
    assert (own.grade, own.points) == ("Khá", 7.0)
    stored = {(s.criterion_id, s.layer): s for s in scores.scores(empty_bloc, 2025)}
    assert stored == {(table["q"].id, V): by_grade, (table["n"].id, S): by_plan,
                      (table["p"].id, C): by_points, (table["G"].id, V): own}
    assert scores.get_score(empty_bloc, unit.id, table["n"].id, S) == by_plan
    assert scores.get_score(empty_bloc, unit.id, table["n"].id, V) is None


def test_setting_again_replaces_the_cell(empty_bloc: Database, table: dict[str, Criterion],
                                         unit: Unit) -> None:
    scores.set_score(empty_bloc, 2025, unit.id, table["q"].id, V, grade="A")
    scores.set_score(empty_bloc, 2025, unit.id, table["q"].id, V, grade="C")
    assert [(s.grade, s.points) for s in scores.scores(empty_bloc, 2025)] == [("C", 6.0)]


def test_entered_by_is_the_actor(empty_bloc: Database, table: dict[str, Criterion], unit: Unit,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_actor", None)
    audit.set_actor("Thư ký Nguyễn Thị Lan")
    score = scores.set_score(empty_bloc, 2025, unit.id, table["p"].id, S, points=5)
    assert score.entered_by == "Thư ký Nguyễn Thị Lan"
    assert scores.get_score(empty_bloc, unit.id, table["p"].id, S) == score


@pytest.mark.parametrize(
    ("code", "typed", "message"),
    [
        ("p", {"points": 10.5}, "Điểm 10,5 vượt điểm tối đa 10 của nội dung “p”"),
        ("p", {"points": "11"}, "Điểm 11 vượt điểm tối đa 10 của nội dung “p”"),
        ("p", {"points": -1}, "Điểm không được âm"),
        ("p", {"points": "abc"}, "Điểm: “abc” không phải là số"),
        ("p", {"points": float("nan")}, "Điểm: “nan” không phải là số"),
        ("p", {}, "Chưa nhập điểm, mức đánh giá hoặc số kế hoạch/thực hiện"),
        ("p", {"points": "  "}, "Chưa nhập điểm, mức đánh giá hoặc số kế hoạch/thực hiện"),
        ("q", {"grade": "E"}, "Mức “E” không có trong thang của nội dung “q”; "
                              "các mức được dùng: A, B, C, D"),
        ("G", {"grade": "A"}, "các mức được dùng: Tốt, Khá"),
        ("n", {"plan": 0, "actual": 5}, "Kế hoạch của nội dung “n” phải lớn hơn 0"),
        ("n", {"plan": 100}, "Chưa nhập điểm, mức đánh giá hoặc số kế hoạch/thực hiện"),
        ("n", {"plan": "100", "actual": "-3"}, "Kết quả thực hiện không được âm"),
        ("I", {"points": 5}, "“I” là nhóm, không chấm trực tiếp"),
        ("T", {"points": 6}, "Điểm 6 vượt điểm tối đa 5 của nội dung “T”"),
    ],
)
def test_refused_scores_store_nothing(empty_bloc: Database, table: dict[str, Criterion],
                                      unit: Unit, code: str, typed: dict[str, object],
                                      message: str) -> None:
    scores.set_score(empty_bloc, 2025, unit.id, table["q"].id, S, grade="A")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        scores.set_score(empty_bloc, 2025, unit.id, table[code].id, S, **typed)
    assert dump(empty_bloc) == before


def test_a_criterion_of_another_year_is_refused(bloc: Database) -> None:
    unit = units.find_unit(bloc, "Sở Tư pháp")
    assert unit is not None
    item_2020 = next(n for n in criteria.criteria(bloc, 2020) if n.code == "4")
    before = dump(bloc)
    with pytest.raises(InputError, match="Tiêu chí “4” không thuộc bảng chấm điểm năm 2019"):
        scores.set_score(bloc, 2019, unit.id, item_2020.id, V, grade="A")
    assert dump(bloc) == before


def test_a_non_member_is_refused(empty_bloc: Database, table: dict[str, Criterion]) -> None:
    outsider = units.add_unit(empty_bloc, "Sở Tài chính")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Có đơn vị không là thành viên khối năm 2025"):
        scores.set_score(empty_bloc, 2025, outsider.id, table["p"].id, S, points=5)
    assert dump(empty_bloc) == before


def test_clear_score(empty_bloc: Database, table: dict[str, Criterion], unit: Unit) -> None:
    scores.set_score(empty_bloc, 2025, unit.id, table["p"].id, S, points=5)
    kept = scores.set_score(empty_bloc, 2025, unit.id, table["p"].id, V, points=4)
    scores.clear_score(empty_bloc, unit.id, table["p"].id, S)
    assert scores.scores(empty_bloc, 2025) == [kept]
    scores.clear_score(empty_bloc, unit.id, table["p"].id, S)  # clearing twice is harmless
    assert scores.scores(empty_bloc, 2025) == [kept]


def test_save_scores_is_all_or_nothing(empty_bloc: Database, table: dict[str, Criterion],
                                       make_unit: Callable[..., Unit]) -> None:
    first, second = make_unit(), make_unit()
    outsider = units.add_unit(empty_bloc, "Sở Tài chính")
    good = [scores.prepare_score(empty_bloc, 2025, u.id, table["p"].id, S, points=p)
            for u, p in ((first, 7), (second, 8))]
    bad = Score(unit_id=outsider.id, criterion_id=table["p"].id, layer=S, points=5,
                entered_at="2025-12-01T08:00:00")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Có đơn vị không là thành viên khối năm 2025"):
        scores.save_scores(empty_bloc, 2025, [*good, bad])
    assert dump(empty_bloc) == before
    assert scores.save_scores(empty_bloc, 2025, good) == 2
    assert sorted((s.unit_id, s.points) for s in scores.scores(empty_bloc, 2025)) == [
        (first.id, 7.0), (second.id, 8.0)]
    assert [(s.unit_id, s.points) for s in scores.scores(empty_bloc, 2025, second.id)] == [
        (second.id, 8.0)]
    assert scores.save_scores(empty_bloc, 2025, []) == 0


def test_penalties_from_the_catalogue_and_written_in_full(
    empty_bloc: Database, unit: Unit
) -> None:
    late = penalty_catalogue.add_penalty_type(empty_bloc, 2025, "Báo cáo chậm từ 5 ngày", 5,
                                              code="B1")
    from_catalogue = scores.add_penalty(empty_bloc, 2025, unit.id, type_id=late.id, count="2",
                                        note="Chậm 7 ngày", occurred_on="15/7/2025")
    assert from_catalogue == Penalty(from_catalogue.id, 2025, unit.id, late.id,
                                     "Báo cáo chậm từ 5 ngày", 5.0, 2, "Chậm 7 ngày", "15/7/2025")
    assert from_catalogue.total == 10.0
    overridden = scores.add_penalty(empty_bloc, 2025, unit.id, type_id=late.id, points="2,5",
                                    title="Chậm một phần")
    assert (overridden.title, overridden.points) == ("Chậm một phần", 2.5)
    written = scores.add_penalty(empty_bloc, 2025, unit.id, title=" Vắng họp  giao ban ",
                                 points=2)
    assert (written.type_id, written.title, written.points, written.count) == (
        None, "Vắng họp giao ban", 2.0, 1)
    assert scores.penalties(empty_bloc, 2025) == [from_catalogue, overridden, written]
    assert scores.penalties(empty_bloc, 2025, unit.id) == [from_catalogue, overridden, written]
    scores.delete_penalty(empty_bloc, overridden.id)
    assert scores.penalties(empty_bloc, 2025) == [from_catalogue, written]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "Vắng họp", "points": 2, "count": 0},
         "Số lần vi phạm phải là số nguyên từ 1 trở lên"),
        ({"title": "Vắng họp", "points": 2, "count": "1,5"},
         "Số lần vi phạm phải là số nguyên từ 1 trở lên"),
        ({"title": "Vắng họp", "points": 2, "count": "hai"}, "Số lần: “hai” không phải là số"),
        ({"title": "Vắng họp", "points": -2}, "Điểm trừ ghi số dương"),
        ({"title": "Vắng họp", "points": "-2"}, "Điểm trừ ghi số dương"),
        ({"title": "Vắng họp"}, "Điểm trừ: Chưa nhập số"),
        ({"title": " ", "points": 2}, "Hãy ghi nội dung lỗi bị trừ điểm"),
        ({"type_id": 999}, "Không có lỗi mã số 999 trong danh mục điểm trừ năm 2025"),
    ],
)
def test_penalty_refusals(empty_bloc: Database, unit: Unit, fields: dict[str, object],
                          message: str) -> None:
    scores.add_penalty(empty_bloc, 2025, unit.id, title="Có sẵn", points=1)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=re.escape(message)):
        scores.add_penalty(empty_bloc, 2025, unit.id, **fields)  # type: ignore[arg-type]
    assert dump(empty_bloc) == before


def test_penalty_type_of_another_year_or_non_member_is_refused(empty_bloc: Database,
                                                               unit: Unit) -> None:
    years.add_year(empty_bloc, 2026)
    other_year = penalty_catalogue.add_penalty_type(empty_bloc, 2026, "Báo cáo chậm", 5)
    outsider = units.add_unit(empty_bloc, "Sở Tài chính")
    before = dump(empty_bloc)
    with pytest.raises(InputError, match=f"Không có lỗi mã số {other_year.id} trong danh mục "
                                         "điểm trừ năm 2025"):
        scores.add_penalty(empty_bloc, 2025, unit.id, type_id=other_year.id)
    with pytest.raises(InputError, match=f"Đơn vị mã số {outsider.id} không là thành viên khối "
                                         "năm 2025"):
        scores.add_penalty(empty_bloc, 2025, outsider.id, title="Vắng họp", points=2)
    with pytest.raises(InputError, match="Không có đơn vị mã số 777"):
        scores.add_penalty(empty_bloc, 2025, 777, title="Vắng họp", points=2)
    assert dump(empty_bloc) == before


def test_load_board_ranking_equals_standings(bloc: Database) -> None:
    board = scores.load_board(bloc, 2019)
    assert len(board.unit_ids) == 8
    from_board = [(r.unit_id, r.rank, r.band, r.result.final_total) for r in board.ranking()]
    from_standings = [(s.unit.id, s.rank, s.band, s.ranked.result.final_total)
                      for s in standings(bloc, 2019)]
    assert from_board == from_standings
    assert [rank for _, rank, _, _ in from_board] == list(range(1, 9))


def test_load_board_of_the_unscored_year(bloc: Database) -> None:
    board = scores.load_board(bloc, 2020)
    assert len(board.unit_ids) == 8
    assert all(r.final_total == 0 for r in board.results())
    women = units.find_unit(bloc, "Sở Tư pháp")
    assert women is not None
    ranking = board.ranking()  # all at 0: the women-share tie-break alone separates them
    assert [(r.unit_id, r.rank, r.shared) for r in ranking[:1]] == [(women.id, 1, False)]
    assert {(r.rank, r.shared) for r in ranking[1:]} == {(2, True)}


def test_replace_cells_saves_and_clears_in_one_transaction(
    empty_bloc: Database, table: dict[str, Criterion], make_unit: Callable[..., Unit]
) -> None:
    first, second = make_unit(), make_unit()
    old = scores.set_score(empty_bloc, 2025, first.id, table["p"].id, S, points=4)
    new = scores.prepare_score(empty_bloc, 2025, second.id, table["q"].id, V, grade="b")
    scores.replace_cells(empty_bloc, 2025, [new], [(first.id, table["p"].id, S)])
    assert scores.scores(empty_bloc, 2025) == [new]
    outsider = units.add_unit(empty_bloc, "Sở Tài chính")
    bad = replace(new, unit_id=outsider.id)
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Có đơn vị không là thành viên khối năm 2025"):
        scores.replace_cells(empty_bloc, 2025, [bad], [(second.id, table["q"].id, V)])
    assert dump(empty_bloc) == before  # the clear was rolled back with the refused save
    scores.replace_cells(empty_bloc, 2025, [old], [(second.id, table["q"].id, V)])
    assert scores.scores(empty_bloc, 2025) == [old]


def test_set_note_changes_only_the_note(empty_bloc: Database, table: dict[str, Criterion],
                                        unit: Unit) -> None:
    score = scores.set_score(empty_bloc, 2025, unit.id, table["q"].id, V, grade="A")
    noted = scores.set_note(empty_bloc, unit.id, table["q"].id, V, "Biên bản  số 12\r\nđính kèm ")
    assert noted == replace(score, note="Biên bản  số 12\nđính kèm")
    assert scores.get_score(empty_bloc, unit.id, table["q"].id, V) == noted
    before = dump(empty_bloc)
    with pytest.raises(InputError, match="Ô này chưa có điểm"):
        scores.set_note(empty_bloc, unit.id, table["q"].id, S, "Không có ô")
    assert dump(empty_bloc) == before

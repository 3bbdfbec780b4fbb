"""Importing a criteria table from the template: the tree as typed, kinds, layers and grades by
name, warnings that do not block, a year already scored, revert, and the same file twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import criteria
from data.db import Database
from data.errors import InputError
from data.imports import criteria_list
from data.imports.criteria_rows import parse_grades
from data.imports.plan import Change
from data.model import DEFAULT_GRADES, Layer, NodeKind
from data.scores import set_score
from data.units import add_unit
from printing.xlsx_templates import criteria_template
from tests.data.imports.books import dump, fill_template, write_book

TABLE = [
    ("I", "", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", "Nhóm", 60, "", "", "", ""),
    ("1", "I", "Nhiệm vụ đột xuất", "Định tính", 20, "Khối chấm", "A=100%; B=80%; C=60%; D=0",
     "Không", "A: xuất sắc; B: tốt"),
    ("2", "I", "Chỉ tiêu chuyên môn (thực hiện / kế hoạch)", "Định lượng", 25, "", "", "", ""),
    ("3", "I", "Hồ sơ giải quyết quá hạn", "Định lượng", 15, "", "", "Có", ""),
    ("II", "", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "Nhóm", 40, "Hội đồng chấm", "", "", ""),
    ("4", "II", "Báo cáo đúng hạn", "Chấm trực tiếp", 40, "Hội đồng chấm", "", "", ""),
    ("T1", "II", "Mô hình sáng tạo", "Điểm thưởng", 5, "", "", "", ""),
]


def shape(db: Database, year: int) -> list[tuple[object, ...]]:
    nodes = criteria.criteria(db, year)
    codes = {n.id: n.code for n in nodes}
    return [(n.code, codes.get(n.parent_id or 0, ""), n.position, n.kind, n.max_points,
             n.layer, n.reduce, n.grades) for n in nodes]


def test_the_filled_template_becomes_the_years_table(empty_bloc: Database,
                                                     tmp_path: Path) -> None:
    path = fill_template(criteria_template(), TABLE, tmp_path / "Bảng tiêu chí.xlsx")
    plan = criteria_list.plan(empty_bloc, 2025, [path])
    (file,) = plan.files
    assert file.problems == ()
    assert file.subject == "Bảng tiêu chí năm 2025 (7 mục, tổng 100 điểm)"
    assert file.changes[1] == Change("1. Nhiệm vụ đột xuất", "Thêm", "",
                                     "Định tính, 20 điểm, Khối chấm, A=100%; B=80%; C=60%; D=0%")
    assert criteria.criteria(empty_bloc, 2025) == []  # planning writes nothing
    criteria_list.apply(empty_bloc, 2025, plan)
    q, v, c = NodeKind.QUANTITATIVE, Layer.VERIFIED, Layer.COUNCIL
    assert shape(empty_bloc, 2025) == [  # the "Ví dụ" rows are not in it
        ("I", "", 1, NodeKind.GROUP, 60, v, False, ()),
        ("1", "I", 1, NodeKind.QUALITATIVE, 20, v, False, DEFAULT_GRADES),
        ("2", "I", 2, q, 25, v, False, ()),
        ("3", "I", 3, q, 15, v, True, ()),
        ("II", "", 2, NodeKind.GROUP, 40, c, False, ()),
        ("4", "II", 1, NodeKind.NUMERIC, 40, c, False, ()),
        ("T1", "II", 2, NodeKind.BONUS, 5, v, False, ()),
    ]
    assert criteria.criteria(empty_bloc, 2025)[1].guidance == "A: xuất sắc; B: tốt"
    again = criteria_list.plan(empty_bloc, 2025, [path])
    assert again.problems == [] and again.files[0].changes == () and again.applicable == []


def test_headers_without_tone_marks_in_another_order_parents_anywhere(
        empty_bloc: Database, tmp_path: Path) -> None:
    rows = [
        ["BANG CHAM DIEM"],
        ["DIEM TOI DA", "noi dung", "MA", "Ghi chú", "THUOC MA", "loai", "lop diem", "CAC MUC"],
        [10, "Nhiệm vụ a", "1a", "x", "1", "dinh tinh", "hoi dong", "Tốt: 1; Khá: 0,75"],
        [10, "Tiêu chí 1", "1", "", "I", "", "", ""],  # no kind: a group, it has a child
        [100, "Phần I", "I", "", "", "NHÓM", "", ""],
        [90, "Nhiệm vụ b", "1b", "", "I", "cham truc tiep", "tu cham", ""],
    ]
    plan = criteria_list.plan(empty_bloc, 2025, [write_book(tmp_path / "a.xlsx", rows)])
    assert plan.problems == []
    criteria_list.apply(empty_bloc, 2025, plan)
    assert shape(empty_bloc, 2025) == [
        ("I", "", 1, NodeKind.GROUP, 100, Layer.VERIFIED, False, ()),
        ("1", "I", 1, NodeKind.GROUP, 10, Layer.VERIFIED, False, ()),
        ("1a", "1", 1, NodeKind.QUALITATIVE, 10, Layer.COUNCIL, False,
         (("Tốt", 1.0), ("Khá", 0.75))),
        ("1b", "I", 2, NodeKind.NUMERIC, 90, Layer.SELF, False, ()),
    ]


@pytest.mark.parametrize(("text", "grades"), [
    ("A=100%; B=80%; C=60%; D=0", (("A", 1.0), ("B", 0.8), ("C", 0.6), ("D", 0.0))),
    ("A:1; B:0,8", (("A", 1.0), ("B", 0.8))),
    ("A = 100 %, B = 66,67 %", (("A", 1.0), ("B", 0.6667))),
    ("Tốt=100\nKhá=75", (("Tốt", 1.0), ("Khá", 0.75))),
])
def test_grades_are_read_in_the_ways_people_write_them(
        text: str, grades: tuple[tuple[str, float], ...]) -> None:
    assert parse_grades(text) == grades


@pytest.mark.parametrize(("text", "message"), [
    ("A 100%", "phải viết dạng “A=100%”"),
    ("A=120%", "mức “A” phải từ 0 đến 100 %"),
    ("A=nhiều", "không phải là số"),
])
def test_grades_written_wrong_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_grades(text)


def test_warnings_are_shown_but_do_not_block(empty_bloc: Database, tmp_path: Path) -> None:
    rows = [["Mã", "Thuộc mã", "Nội dung", "Loại", "Điểm tối đa"],
            ["I", "", "Phần I", "Nhóm", 50],
            ["1", "I", "Việc 1", "Chấm trực tiếp", 40],
            ["II", "", "Phần II", "Nhóm", 10]]
    (file,) = criteria_list.plan(empty_bloc, 2025, [write_book(tmp_path / "a.xlsx", rows)]).files
    assert file.ok
    warnings = [(c.item, c.new) for c in file.changes if c.field == "Cảnh báo"]
    assert warnings == [
        ("I. Phần I", "Tổng điểm tối đa các nội dung của “I” (40) thấp hơn điểm tối đa của "
                      "nhóm (50)."),
        ("II. Phần II", "Nhóm “II” chưa có nội dung chấm."),
        ("Bảng tiêu chí", "Tổng điểm tối đa của bảng là 60, khác 100 theo quy chế."),
    ]


def test_a_year_whose_table_is_scored_is_refused(bloc: Database, tmp_path: Path) -> None:
    path = fill_template(criteria_template(), TABLE, tmp_path / "a.xlsx")
    before = dump(bloc)
    plan = criteria_list.plan(bloc, 2019, [path])
    (problem,) = plan.problems
    assert problem.message.startswith("Năm 2019 đã có bảng tiêu chí (25 mục) và đã có 250 điểm "
                                      "chấm theo bảng đó: không thay được.")
    assert plan.applicable == []
    criteria_list.apply(bloc, 2019, plan)
    assert dump(bloc) == before


def test_an_unscored_table_is_replaced_and_revert_brings_it_back(bloc: Database,
                                                                 tmp_path: Path) -> None:
    old = shape(bloc, 2020)
    assert len(old) == 25  # the demo's 2020 table, not scored yet
    before = dump(bloc)
    plan = criteria_list.plan(bloc, 2020, [fill_template(criteria_template(), TABLE,
                                                         tmp_path / "a.xlsx")])
    changes = plan.files[0].changes
    assert Change("T1. Mô hình sáng tạo", "Thuộc mã", "IV", "II") in changes
    assert Change("III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "Xóa", "Nhóm, 20 điểm", "") in changes
    token = criteria_list.apply(bloc, 2020, plan)
    assert [row[0] for row in shape(bloc, 2020)] == ["I", "1", "2", "3", "II", "4", "T1"]
    criteria_list.revert(bloc, 2020, token)
    assert shape(bloc, 2020) == old
    assert dump(bloc) == before
    criteria_list.revert(bloc, 2020, criteria_list.apply(bloc, 2020, plan))  # redo, undo
    assert dump(bloc) == before


def test_revert_is_refused_once_the_imported_table_is_scored(empty_bloc: Database,
                                                             tmp_path: Path) -> None:
    path = fill_template(criteria_template(), TABLE, tmp_path / "a.xlsx")
    token = criteria_list.apply(empty_bloc, 2025, criteria_list.plan(empty_bloc, 2025, [path]))
    unit = add_unit(empty_bloc, "Sở Y tế", year=2025)
    item = next(n for n in criteria.criteria(empty_bloc, 2025) if n.code == "4")
    set_score(empty_bloc, 2025, unit.id, item.id, Layer.COUNCIL, points=30)
    after = dump(empty_bloc)
    with pytest.raises(InputError, match="đã có 1 điểm chấm"):
        criteria_list.revert(empty_bloc, 2025, token)
    assert dump(empty_bloc) == after


def test_one_table_per_year(empty_bloc: Database, tmp_path: Path) -> None:
    first = fill_template(criteria_template(), TABLE, tmp_path / "1.xlsx")
    second = fill_template(criteria_template(), TABLE, tmp_path / "2.xlsx")
    plan = criteria_list.plan(empty_bloc, 2025, [first, second])
    assert plan.files[0].ok
    assert [p.message for p in plan.files[1].problems] == [
        "Mỗi năm chỉ có một bảng tiêu chí: đã chọn tệp “1.xlsx”; hãy nhập từng tệp một."]
    criteria_list.apply(empty_bloc, 2025, plan)
    assert len(criteria.criteria(empty_bloc, 2025)) == 7


def test_the_window_announces_what_the_import_touches() -> None:
    assert criteria_list.TOUCHES == ("criteria",)


def test_a_refused_parent_row_does_not_make_its_children_orphans(empty_bloc: Database,
                                                                 tmp_path: Path) -> None:
    path = fill_template(criteria_template(), [
        ("I", "", "Phần I", "Nhóm", "năm mươi"), ("1", "I", "Việc 1", "Chấm trực tiếp", 50)],
        tmp_path / "a.xlsx")
    (problem,) = criteria_list.plan(empty_bloc, 2025, [path]).problems
    assert (problem.row, problem.item, problem.message) == (
        10, "I", "Điểm tối đa: “năm mươi” không phải là số.")

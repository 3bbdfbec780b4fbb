"""A bloc built from nothing but the two templates: eight units and a small criteria table
imported, scores typed (or filled in the units' self-scoring workbooks), and the ranking the
engine gives checked against arithmetic done by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from data import years
from data.bloc import create_bloc
from data.criteria import criteria
from data.imports import criteria_list, self_scores, units_list
from data.imports.self_score_form import form_content
from data.model import BlocProfile, Layer
from data.scores import prepare_score, save_scores
from data.standings import standings
from data.units import members
from printing.xlsx_selfscore import self_score_workbook
from printing.xlsx_templates import criteria_template, units_template
from tests.data.imports.books import fill_template
from tests.printing.bad_selfscore import fill

UNITS = [
    (1, "Ban Tuyên giáo Tỉnh ủy", "BTG", "", "Nguyễn Văn An", "Trưởng ban", "Không"),
    (2, "Ban Tổ chức Tỉnh ủy", "BTC", "", "Trần Văn Bình", "Trưởng ban", "Không"),
    (3, "Văn phòng Tỉnh ủy", "VPTU", "", "Lê Văn Cường", "Chánh Văn phòng", "Không"),
    (4, "Ban Dân vận Tỉnh ủy", "BDV", "", "Phạm Thị Dung", "Trưởng ban", "Không"),
    (5, "Ban Nội chính Tỉnh ủy", "BNC", "", "Hoàng Văn Em", "Trưởng ban", "Không"),
    (6, "Ủy ban Kiểm tra Tỉnh ủy", "UBKT", "", "Vũ Văn Phúc", "Chủ nhiệm", "Không"),
    (7, "Báo Bắc Ninh", "BBN", "", "Đỗ Thị Giang", "Tổng Biên tập", "Không"),
    (8, "Trường Chính trị Nguyễn Văn Cừ", "TCT", "", "Ngô Thị Hải", "Hiệu trưởng", "Có"),
]
TABLE = [
    ("I", "", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN", "Nhóm", 60, "", "", "", ""),
    ("1", "I", "Nhiệm vụ đột xuất được giao", "Định tính", 20, "Khối chấm",
     "A=100%; B=80%; C=60%; D=0", "", ""),
    ("2", "I", "Chỉ tiêu chuyên môn (thực hiện / kế hoạch)", "Định lượng", 25, "Khối chấm", "",
     "Không", ""),
    ("3", "I", "Hồ sơ giải quyết quá hạn (càng ít càng tốt)", "Định lượng", 15, "Khối chấm",
     "", "Có", ""),
    ("II", "", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "Nhóm", 40, "Hội đồng chấm", "", "", ""),
    ("4", "II", "Báo cáo thi đua đầy đủ, đúng hạn", "Chấm trực tiếp", 40, "Hội đồng chấm", "",
     "", ""),
    ("T1", "II", "Mô hình, cách làm sáng tạo", "Điểm thưởng", 5, "Khối chấm", "", "", ""),
]
# unit -> (grade of 1, (plan, actual) of 2, (plan, actual) of 3, points of 4, bonus T1);
# verified layer for 1, 2, 3 and T1, council layer for 4.
SCORES: dict[str, tuple[Any, ...]] = {
    "Ban Tuyên giáo Tỉnh ủy": ("A", (100, 100), (10, 8), 38, 5),
    "Ban Tổ chức Tỉnh ủy": ("B", (100, 90), (10, 12), 40, None),
    "Văn phòng Tỉnh ủy": ("A", (100, 80), (10, 10), 36, None),
    "Ban Dân vận Tỉnh ủy": ("C", (50, 50), (10, 20), 30, 3),
    "Ban Nội chính Tỉnh ủy": ("D", (100, 0), (5, 10), 20, None),
    "Báo Bắc Ninh": ("A", (100, 100), (10, 10), 35, None),
    "Trường Chính trị Nguyễn Văn Cừ": ("A", (100, 100), (10, 10), 35, None),
}
# Ủy ban Kiểm tra: verified 2 = 100/100, 3 = 10/10, council 4 = 40; item 1 and T1 only
# self-scored (A, 5): the final score falls back to the self-score for those two.
#
# Worked by hand (1 = share of 20 by grade; 2 = 25 x actual/plan, at most 25; 3 reduces:
# 15 if actual <= plan else 15 x plan/actual; bonus capped at 10; default bands: Xuất sắc
# >= 90 with every criterion (1, 2, 3, 4) >= 85 % of its maximum, Tốt >= 80 with >= 80 %,
# Hoàn thành >= 70 with >= 70 %; ties: section I, then penalties, then >= 70 % women):
#   UBKT:        20 + 25 + 15 + 40 = 100, bonus 5 (self)            = 105   Xuất sắc, 2 fallbacks
#   Tuyên giáo:  20 + 25 + 15 + 38 = 98, bonus 5                    = 103   Xuất sắc (38/40 95 %)
#   Trường CT:   20 + 25 + 15 + 35 = 95 (35/40 = 87,5 %)            = 95    Xuất sắc
#   Báo Bắc Ninh the same 95; section I 60 = 60, no penalties; Trường Chính trị is the
#                collective with >= 70 % women -> Báo Bắc Ninh 4th  = 95    Xuất sắc
#   Văn phòng:   20 + 25 x 80/100 = 20 + 15 + 36 = 91; section I 55        Tốt (2: 20/25 = 80 %)
#   Tổ chức:     16 + 22,5 + 15 x 10/12 = 12,5 + 40 = 91; section I 51 < 55 -> after Văn phòng;
#                1: 16/20 = 80 % < 85 % -> Tốt
#   Dân vận:     12 + 25 + 15 x 10/20 = 7,5 + 30 = 74,5, bonus 3     = 77,5  below 80; item 1 at
#                60 % < 70 % -> Không hoàn thành
#   Nội chính:   0 + 0 + 15 x 5/10 = 7,5 + 20                       = 27,5  Không hoàn thành
EXPECTED = [
    # unit, final total, rank, class, fallback items
    ("Ủy ban Kiểm tra Tỉnh ủy", 105, 1, "Xuất sắc", 2),
    ("Ban Tuyên giáo Tỉnh ủy", 103, 2, "Xuất sắc", 0),
    ("Trường Chính trị Nguyễn Văn Cừ", 95, 3, "Xuất sắc", 0),
    ("Báo Bắc Ninh", 95, 4, "Xuất sắc", 0),
    ("Văn phòng Tỉnh ủy", 91, 5, "Tốt", 0),
    ("Ban Tổ chức Tỉnh ủy", 91, 6, "Tốt", 0),
    ("Ban Dân vận Tỉnh ủy", 77.5, 7, "Không hoàn thành", 0),
    ("Ban Nội chính Tỉnh ủy", 27.5, 8, "Không hoàn thành", 0),
]


def test_a_bloc_from_the_templates_ranks_as_worked_by_hand(tmp_path: Path) -> None:
    db = create_bloc(tmp_path / "Khối các Ban Đảng", BlocProfile(
        name="Khối thi đua các Ban, cơ quan của Đảng", council="Hội đồng TĐKT tỉnh Bắc Ninh",
        place="Bắc Ninh"))
    try:
        years.add_year(db, 2025)
        for module, template, rows, name in (
                (units_list, units_template(), UNITS, "Danh sách đơn vị.xlsx"),
                (criteria_list, criteria_template(), TABLE, "Bảng tiêu chí.xlsx")):
            plan = module.plan(db, 2025, [fill_template(template, rows, tmp_path / name)])
            assert plan.problems == [] and len(plan.applicable) == 1
            module.apply(db, 2025, plan)
        unit_ids = {u.name: u.id for u, _ in members(db, 2025)}
        assert len(unit_ids) == 8
        item = {n.code: n.id for n in criteria(db, 2025)}
        batch = []

        def score(unit: str, code: str, layer: Layer, **typed: Any) -> None:
            batch.append(prepare_score(db, 2025, unit_ids[unit], item[code], layer, **typed))

        for unit, (grade, (p2, a2), (p3, a3), points, bonus) in SCORES.items():
            score(unit, "1", Layer.VERIFIED, grade=grade)
            score(unit, "2", Layer.VERIFIED, plan=p2, actual=a2)
            score(unit, "3", Layer.VERIFIED, plan=p3, actual=a3)
            score(unit, "4", Layer.COUNCIL, points=points)
            if bonus is not None:
                score(unit, "T1", Layer.VERIFIED, points=bonus)
        ubkt = "Ủy ban Kiểm tra Tỉnh ủy"
        score(ubkt, "1", Layer.SELF, grade="a")
        score(ubkt, "T1", Layer.SELF, points=5)
        score(ubkt, "2", Layer.VERIFIED, plan=100, actual=100)
        score(ubkt, "3", Layer.VERIFIED, plan=10, actual=10)
        score(ubkt, "4", Layer.COUNCIL, points=40)
        save_scores(db, 2025, batch)
        found = [(s.unit.name, s.ranked.result.final_total, s.rank, s.band,
                  s.ranked.result.fallback_items) for s in standings(db, 2025)]
        assert found == EXPECTED
    finally:
        db.close()


def test_a_bloc_from_the_templates_and_the_units_workbooks_alone(tmp_path: Path) -> None:
    """No score typed in the app: every unit fills its self-scoring workbook; with no verified
    or council score yet, every final score is the self-score (a fallback), so the totals and
    the ranking are those worked out above."""
    db = create_bloc(tmp_path / "Khối từ Excel", BlocProfile(
        name="Khối thi đua các Ban, cơ quan của Đảng", council="Hội đồng TĐKT tỉnh Bắc Ninh",
        place="Bắc Ninh"))
    try:
        years.add_year(db, 2025)
        for module, template, rows, name in (
                (units_list, units_template(), UNITS, "Danh sách đơn vị.xlsx"),
                (criteria_list, criteria_template(), TABLE, "Bảng tiêu chí.xlsx")):
            module.apply(db, 2025, module.plan(db, 2025, [fill_template(template, rows,
                                                                        tmp_path / name)]))
        typed = {**SCORES, "Ủy ban Kiểm tra Tỉnh ủy": ("a", (100, 100), (10, 10), 40, 5)}
        books = []
        for unit, _member in members(db, 2025):
            grade, (p2, a2), (p3, a3), points, bonus = typed[unit.name]
            cells: dict[str, dict[str, object]] = {
                "1": {"points": grade}, "2": {"plan": p2, "actual": a2},
                "3": {"plan": p3, "actual": a3}, "4": {"points": points}}
            if bonus is not None:
                cells["T1"] = {"points": bonus}
            form = self_score_workbook(form_content(db, 2025, unit.id))
            books.append(fill(form, tmp_path / f"Tự chấm - {unit.name}.xlsx", cells))
        plan = self_scores.plan(db, 2025, books)
        assert plan.problems == [] and len(plan.applicable) == 8
        self_scores.apply(db, 2025, plan)
        found = [(s.unit.name, s.ranked.result.final_total, s.rank, s.band,
                  s.ranked.result.fallback_items) for s in standings(db, 2025)]
        scored = {u: 4 + (v[4] is not None) for u, v in typed.items()}
        assert found == [(u, total, rank, band, scored[u])
                         for u, total, rank, band, _ in EXPECTED]
    finally:
        db.close()

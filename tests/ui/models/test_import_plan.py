"""ui/models/import_plan.py: an import's problems and changes, and its summary."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from data.imports import Problem
from data.imports.plan import Change, FilePlan, ImportPlan
from tests.ui.helpers import column_texts
from ui.models.import_plan import ChangesModel, ProblemsModel, change_rows, summary

PLAN = ImportPlan("self-score", 2019, (
    FilePlan("Công an.xlsx", "Công an tỉnh", changes=(
        Change("1a. Kết quả", "Tự chấm", "18", "20"), Change("1b. Phối hợp", "Minh chứng", "",
                                                               "Báo cáo số 12"))),
    FilePlan("Sở Tư pháp.xlsx", "Sở Tư pháp", problems=(
        Problem("Sở Tư pháp.xlsx", "Điểm 25 vượt điểm tối đa 20.", "Tự chấm", 14, "1a"),),
        changes=(Change("2a", "Tự chấm", "", "5"),)),
    FilePlan("Thanh tra.xlsx", "Thanh tra tỉnh"),
))


def test_the_changes_of_files_without_problems(qtmodeltester: ModelTester) -> None:
    model = ChangesModel(change_rows(PLAN))
    qtmodeltester.check(model)
    assert column_texts(model, 1) == ["Công an tỉnh", "Công an tỉnh"]
    assert [column_texts(model, c)[1] for c in range(6)] == [
        "Công an.xlsx", "Công an tỉnh", "1b. Phối hợp", "Minh chứng", "(trống)", "Báo cáo số 12"]


def test_problems_with_their_place(qtmodeltester: ModelTester) -> None:
    model = ProblemsModel(PLAN.problems)
    qtmodeltester.check(model)
    assert [column_texts(model, c)[0] for c in range(5)] == [
        "Sở Tư pháp.xlsx", "Tự chấm", "14", "1a", "Điểm 25 vượt điểm tối đa 20."]
    assert str(PLAN.problems[0]) == ("Sở Tư pháp.xlsx, trang Tự chấm, dòng 14, nội dung 1a: "
                                     "Điểm 25 vượt điểm tối đa 20.")


def test_summary() -> None:
    assert summary(PLAN) == ("3 tệp: 1 áp dụng được (2 thay đổi), 1 không có gì thay đổi, 1 có "
                             "lỗi (không áp dụng tệp nào có lỗi).")

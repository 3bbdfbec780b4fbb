"""ui/models/candidate_plan.py: the candidate plan as a tree, asserted without a view."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.modeltest import ModelTester

from data import candidates, nominations, units
from data.db import Database
from data.scores import load_board
from ui.models.candidate_plan import (
    COL_NAME,
    COL_NOTE,
    COL_QUOTA,
    COL_RANK,
    COL_TOTAL,
    EXCLUDED_TITLE,
    CandidatePlanModel,
    build_plan,
)

SOURCE = "Căn cứ: Thông báo chỉ tiêu khen thưởng năm 2019 của Hội đồng TĐKT tỉnh"


def texts(model: CandidatePlanModel, index: QModelIndex) -> list[str]:
    return [model.data(index.siblingAtColumn(c)) for c in range(model.columnCount())]


def demo_model(db: Database) -> CandidatePlanModel:
    model = CandidatePlanModel()
    listed = {(n.unit_id, n.award_form_id) for n in nominations.nominations(db, 2019)}
    model.set_plan(build_plan(db, 2019, load_board(db, 2019)), listed)
    return model


def test_model_passes_the_model_tester(bloc: Database, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(demo_model(bloc))
    qtmodeltester.check(CandidatePlanModel())


def test_the_plan_is_the_data_layers(bloc: Database) -> None:
    board = load_board(bloc, 2019)
    assert build_plan(bloc, 2019, board) == candidates.candidate_plan(bloc, 2019)


def test_forms_quotas_and_candidates(bloc: Database) -> None:
    model = demo_model(bloc)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Hình thức khen thưởng / Đơn vị", "Chỉ tiêu", "Hạng", "Tổng điểm", "Căn cứ / ghi chú"]
    forms = [texts(model, model.index(r, 0)) for r in range(model.rowCount())]
    assert [f[:2] for f in forms] == [["Cờ thi đua của Chính phủ", "1"],
                                      ["Cờ thi đua của Ủy ban nhân dân tỉnh", "2"],
                                      ["Bằng khen của Thủ tướng Chính phủ", "1"],
                                      ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "3"]]
    assert all(f[COL_NOTE] == SOURCE for f in forms)
    flag = model.index(1, 0)
    assert model.rowCount(flag) == 2
    assert texts(model, model.index(0, 0, flag)) == [
        "Cục Thi hành án dân sự tỉnh", "", "1", "109,6", "Đã có trong danh sách đề nghị"]
    assert texts(model, model.index(1, 0, flag)) == [
        "Công an tỉnh", "", "2", "109", "Đã có trong danh sách đề nghị"]
    government = model.index(0, 0)  # proposed, but not on the year's list
    assert texts(model, model.index(0, 0, government))[COL_NOTE] == ""
    font = model.data(flag, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(flag.siblingAtColumn(COL_QUOTA), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(0, COL_RANK, flag), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, COL_NOTE, flag), Qt.ItemDataRole.ForegroundRole) == QColor(
        "#1e5631")
    assert model.rowCount(model.index(0, COL_TOTAL, flag)) == 0  # units have no children
    assert model.line(QModelIndex()) is None


def test_excluded_units_with_their_reasons(bloc: Database) -> None:
    police = units.find_unit(bloc, "Công an tỉnh")
    assert police is not None
    member = units.get_membership(bloc, 2019, police.id)
    units.save_membership(bloc, replace(member, investigation=True,
                                        eligibility_note="Kết luận thanh tra số 5/KL-TTr"))
    model = demo_model(bloc)
    last = model.index(model.rowCount() - 1, 0)
    assert texts(model, last) == [EXCLUDED_TITLE, "", "", "", "Căn cứ: Nghị định 152/2025/NĐ-CP, "
                                  "Điều 4"]
    assert texts(model, model.index(0, 0, last)) == [
        "Công an tỉnh", "", "", "", "Đang bị điều tra, thanh tra, kiểm tra; Kết luận thanh tra "
        "số 5/KL-TTr"]
    assert model.data(model.index(0, COL_NAME, last), Qt.ItemDataRole.ForegroundRole) == QColor(
        "#9a3412")
    # the provincial flag goes to the next eligible units
    flag = model.index(1, 0)
    assert [model.data(model.index(r, 0, flag)) for r in range(model.rowCount(flag))] == [
        "Cục Thi hành án dân sự tỉnh", "Tòa án nhân dân tỉnh"]

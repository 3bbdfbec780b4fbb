"""ui/models/criteria_tree.py: the criteria tree and the problems list, without a view."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.modeltest import ModelTester

from data import criteria
from data.criteria_table import CriteriaTable, TableProblem, check_table
from data.db import Database
from data.model import Criterion
from ui.models.base import ROW_ROLE
from ui.models.criteria_tree import (
    COL_CHECK,
    COL_CODE,
    COL_KIND,
    COL_LAYER,
    COL_MAX,
    COL_TITLE,
    COLOURS,
    CriteriaTreeModel,
    ProblemsModel,
)

D, TT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def tree(nodes: list[Criterion], total: float = 100) -> CriteriaTreeModel:
    table = CriteriaTable(nodes)
    model = CriteriaTreeModel()
    model.set_table(table, check_table(table, total))
    return model


def row_texts(model: CriteriaTreeModel, index: QModelIndex) -> list[str]:
    return [model.data(model.index(index.row(), c, index.parent())) for c in range(6)]


def test_the_demo_table(bloc: Database, qtmodeltester: ModelTester) -> None:
    model = tree(criteria.criteria(bloc, 2019))
    qtmodeltester.check(model)
    assert [model.data(model.index(r, COL_CODE)) for r in range(model.rowCount())] == [
        "I", "II", "III", "IV"]
    first = model.index(0, 0)
    assert row_texts(model, first) == [
        "I", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN", "50", "Nhóm", "", "50/50"]
    one = model.index(0, 0, first)
    assert model.rowCount(one) == 2 and model.rowCount(model.index(0, 1, first)) == 0
    a = model.index(0, 0, one)
    assert row_texts(model, a)[0:1] + row_texts(model, a)[2:] == [
        "1a", "20", "Định lượng", "Khối chấm", ""]
    assert model.parent(a) == one and model.parent(one) == first
    assert model.parent(first) == QModelIndex()
    reduce = model.index(1, 0, model.index(1, 0, first))
    assert model.data(reduce.siblingAtColumn(COL_KIND)) == "Định lượng (giảm)"
    third = model.index(2, COL_LAYER, model.index(2, 0))  # III > 10
    assert model.data(third) == "Hội đồng chấm"
    bonus = model.index(3, COL_CHECK)
    assert model.data(bonus) == "8/10"
    assert "không tính vào tổng điểm" in model.data(bonus, TT)
    assert isinstance(model.data(first, Qt.ItemDataRole.FontRole), QFont)
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    assert model.data(one, Qt.ItemDataRole.FontRole) is None
    assert model.data(first, Qt.ItemDataRole.BackgroundRole) is None  # no problem anywhere
    assert model.data(a, ROW_ROLE).code == "1a"
    assert "Vượt kế hoạch" in model.data(a.siblingAtColumn(COL_TITLE), TT)
    assert model.data(a.siblingAtColumn(COL_MAX), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.headerData(COL_MAX, Qt.Orientation.Horizontal) == "Điểm tối đa"
    assert model.index_of(a.internalId()) == a
    assert not model.index_of(9999).isValid()


def test_problems_mark_their_rows(bloc: Database, qtmodeltester: ModelTester) -> None:
    nodes = criteria.criteria(bloc, 2019)
    nodes = [replace(n, max_points=3.0) if n.code == "1b" else n for n in nodes]
    model = tree(nodes)
    qtmodeltester.check(model)
    one = model.index(0, 0, model.index(0, 0))
    assert model.data(one.siblingAtColumn(COL_CHECK)) == "23/30 ⚠"
    assert "(23) thấp hơn điểm tối đa của nhóm (30)" in model.data(one, TT)
    brush = model.data(one.siblingAtColumn(COL_TITLE), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == COLOURS["warning"][0]
    first = model.index(0, 0)
    assert model.data(first.siblingAtColumn(COL_CHECK)) == "50/50"  # I itself still adds up
    assert [p.severity for p in model.problems(one.internalId())] == ["warning"]


def test_errors_win_over_warnings(bloc: Database) -> None:
    nodes = [replace(n, max_points=60.0) if n.code == "1" else n
             for n in criteria.criteria(bloc, 2019)]
    model = tree(nodes)
    one = model.index(0, 0, model.index(0, 0))
    assert [p.severity for p in model.problems(one.internalId())] == ["error", "warning"]
    brush = model.data(one, Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == COLOURS["error"][1]
    leaf = model.index(0, COL_CHECK, one)
    assert model.data(leaf) == ""


def test_an_empty_table(qtmodeltester: ModelTester) -> None:
    model = tree([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.node(QModelIndex()) is None


def test_problems_model(qtmodeltester: ModelTester) -> None:
    model = ProblemsModel([TableProblem(3, "error", "Điểm vượt."),
                           TableProblem(None, "warning", "Tổng khác 100.")])
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0)) for r in range(2)] == [
        "⚠ Lỗi: Điểm vượt.", "⚠ Cảnh báo: Tổng khác 100."]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole).color().name() == (
        COLOURS["warning"][1])
    assert model.data(model.index(0, 0), ROW_ROLE).criterion_id == 3

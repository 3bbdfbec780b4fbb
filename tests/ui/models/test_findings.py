"""ui/models/findings.py: the rule checker's findings as a table, and the summary line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from data.db import Database
from data.meeting_model import Finding, Severity
from data.rule_checker import check_year
from ui.models.base import SORT_ROLE
from ui.models.findings import (
    COL_MESSAGE,
    COL_RULE,
    COL_SEVERITY,
    COL_SOURCE,
    FindingsModel,
    severity_icon,
    summary,
)

ERROR = Finding(Severity.ERROR, "eligibility", "Công an tỉnh được đề nghị “Cờ thi đua của Ủy ban "
                "nhân dân tỉnh” dù đang bị kỷ luật.", "Nghị định 152/2025/NĐ-CP, Điều 4", 5, 1)
WARNING = Finding(Severity.WARNING, "verified_scores", "Sở Nội vụ: 1 nội dung chưa có điểm khối "
                  "chấm hoặc hội đồng chấm, đang lấy điểm tự chấm.",
                  "Bảng chấm điểm thi đua của Khối", 8)


def test_model_passes_the_model_tester(qapp: QApplication, bloc: Database,
                                       qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(FindingsModel(check_year(bloc, 2019)))
    qtmodeltester.check(FindingsModel([ERROR, WARNING]))
    qtmodeltester.check(FindingsModel())


def test_cells(qapp: QApplication) -> None:
    model = FindingsModel([ERROR, WARNING])
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Mức độ", "Nội dung", "Quy định", "Căn cứ"]
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "Lỗi", ERROR.message, "Điều kiện được đề nghị khen thưởng",
        "Nghị định 152/2025/NĐ-CP, Điều 4"]
    assert [model.data(model.index(1, c)) for c in range(4)] == [
        "Lưu ý", WARNING.message, "Điểm thẩm định (khối chấm, hội đồng chấm)",
        "Bảng chấm điểm thi đua của Khối"]
    assert isinstance(model.data(model.index(0, COL_SEVERITY), Qt.ItemDataRole.DecorationRole),
                      QIcon)
    red = model.data(model.index(0, COL_SEVERITY), Qt.ItemDataRole.ForegroundRole)
    amber = model.data(model.index(1, COL_SEVERITY), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QBrush) and red.color() == QColor("#c62828")
    assert isinstance(amber, QBrush) and amber.color() == QColor("#b26a00")
    assert model.data(model.index(0, COL_RULE), Qt.ItemDataRole.ToolTipRole) == (
        "Mã quy định: eligibility")
    assert model.data(model.index(1, COL_MESSAGE), Qt.ItemDataRole.ToolTipRole) == WARNING.message
    assert model.data(model.index(0, COL_SEVERITY), SORT_ROLE) == 0
    assert model.data(model.index(1, COL_SEVERITY), SORT_ROLE) == 1
    assert model.data(model.index(0, COL_MESSAGE), Qt.ItemDataRole.DecorationRole) is None
    assert model.counts() == (1, 1)
    unknown = FindingsModel([Finding(Severity.WARNING, "new_rule", "Mới")])
    assert unknown.data(unknown.index(0, COL_RULE)) == "new_rule"
    assert unknown.data(unknown.index(0, COL_SOURCE), Qt.ItemDataRole.ToolTipRole) is None


def test_icons_are_drawn_once(qapp: QApplication) -> None:
    icon = severity_icon(Severity.ERROR)
    assert not icon.isNull() and icon.cacheKey() == severity_icon(Severity.ERROR).cacheKey()
    assert icon.cacheKey() != severity_icon(Severity.WARNING).cacheKey()


def test_summary_line() -> None:
    assert summary([WARNING, WARNING]) == ("Không có lỗi; 2 lưu ý", "ok")
    assert summary([ERROR, ERROR, ERROR]) == (
        "3 lỗi cần sửa trước khi gửi hồ sơ; không có lưu ý", "error")
    assert summary([ERROR, WARNING]) == ("1 lỗi cần sửa trước khi gửi hồ sơ; 1 lưu ý", "error")
    assert summary([]) == ("Không có lỗi, không có lưu ý: hồ sơ đủ điều kiện theo bộ quy định "
                           "của năm", "ok")

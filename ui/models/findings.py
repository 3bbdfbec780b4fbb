"""The rule checker's findings as a table: severity, message, rule and the document behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
)

from data.meeting_model import Finding, Severity
from ui.models.base import RowsModel

COL_SEVERITY, COL_MESSAGE, COL_RULE, COL_SOURCE = range(4)
SEVERITY_LABELS = {Severity.ERROR: "Lỗi", Severity.WARNING: "Lưu ý"}
COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#b26a00"}
OK_COLOUR = "#1e7b34"
# The checker's rule keys (docs/cli.md) in the words of the secretariat.
RULE_LABELS = {
    "quorum_share": "Số đơn vị dự hội nghị",
    "double_entry": "Nhập kết quả kiểm phiếu hai lần",
    "ballot_count": "Số liệu kiểm phiếu",
    "max_rounds": "Số vòng bỏ phiếu",
    "quota": "Chỉ tiêu khen thưởng",
    "eligibility": "Điều kiện được đề nghị khen thưởng",
    "leader_only": "Cờ thi đua của Chính phủ: đơn vị dẫn đầu",
    "pass_mark": "Tỷ lệ phiếu đồng ý",
    "scores": "Chấm điểm đủ các nội dung",
    "verified_scores": "Điểm thẩm định (khối chấm, hội đồng chấm)",
}
# Findings fixed on another page: rule key -> the page's title in the navigation.
FIX_PAGES = {"quorum_share": "Hội nghị", "double_entry": "Bỏ phiếu", "ballot_count": "Bỏ phiếu",
             "max_rounds": "Bỏ phiếu", "scores": "Chấm điểm", "verified_scores": "Chấm điểm"}
_icons: dict[Severity, QIcon] = {}


def severity_icon(severity: Severity) -> QIcon:
    """A small round badge: red “!” for an error, amber “i” for a warning."""
    if QGuiApplication.instance() is None:  # no pixmaps before the application exists
        return QIcon()
    if severity not in _icons:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(COLOURS[severity])))
        painter.drawEllipse(QPointF(8, 8), 7.5, 7.5)
        painter.setPen(QPen(QColor("white")))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(12)
        painter.setFont(font)
        mark = "!" if severity is Severity.ERROR else "i"
        painter.drawText(QRectF(0, 0, 16, 16), Qt.AlignmentFlag.AlignCenter, mark)
        painter.end()
        _icons[severity] = QIcon(pixmap)
    return _icons[severity]


def summary(findings: Sequence[Finding]) -> tuple[str, str]:
    """The line above the findings and its kind (ok / error): what the secretary must do."""
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    notes = f"{warnings} lưu ý" if warnings else "không có lưu ý"
    if errors:
        return f"{errors} lỗi cần sửa trước khi gửi hồ sơ; {notes}", "error"
    if warnings:
        return f"Không có lỗi; {notes}", "ok"
    return "Không có lỗi, không có lưu ý: hồ sơ đủ điều kiện theo bộ quy định của năm", "ok"


class FindingsModel(RowsModel[Finding]):
    """Errors first, then warnings, in the checker's order."""

    HEADERS = ("Mức độ", "Nội dung", "Quy định", "Căn cứ")

    def display(self, row: Finding, column: int) -> Any:
        """The text of a cell."""
        return (SEVERITY_LABELS[row.severity], row.message,
                RULE_LABELS.get(row.rule, row.rule), row.source)[column]

    def sort_value(self, row: Finding, column: int) -> Any:
        """Errors before warnings."""
        if column == COL_SEVERITY:
            return 0 if row.severity is Severity.ERROR else 1
        return super().sort_value(row, column)

    def extra(self, row: Finding, column: int, role: int) -> Any:
        """The badge, the colour of the severity, and the full texts as tooltips."""
        if role == Qt.ItemDataRole.DecorationRole and column == COL_SEVERITY:
            return severity_icon(row.severity)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SEVERITY:
            return QBrush(QColor(COLOURS[row.severity]))
        if role == Qt.ItemDataRole.FontRole and column == COL_SEVERITY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_RULE:
                return f"Mã quy định: {row.rule}"
            return self.display(row, column) or None
        return None

    def counts(self) -> tuple[int, int]:
        """How many errors and warnings are shown."""
        errors = sum(f.severity is Severity.ERROR for f in self._rows)
        return errors, len(self._rows) - errors

"""“Sao chép bảng từ năm khác”: the empty year's offer, and the dialog choosing the source year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data import criteria, penalty_catalogue, years
from data.criteria_table import CriteriaTable
from data.db import Database
from data.vntext import format_number


def source_years(db: Database, target: int) -> list[int]:
    """The other years that have a criteria table, latest first."""
    return [y.year for y in reversed(years.all_years(db))
            if y.year != target and criteria.criteria(db, y.year)]


def describe(db: Database, year: int) -> str:
    """What copying a year brings: its rows, its total and its catalogue."""
    table = CriteriaTable(criteria.criteria(db, year))
    sections = ", ".join(r.code or r.title for r in table.roots)
    catalogue = len(penalty_catalogue.penalty_types(db, year))
    return (f"Bảng năm {year}: {len(table.nodes)} dòng ({len(table.leaves)} nội dung chấm), "
            f"các phần {sections}, tổng {format_number(table.max_total)} điểm; "
            f"danh mục điểm trừ {catalogue} lỗi.")


COPY = "Sao chép bảng từ năm khác…"


class EmptyYear(QWidget):
    """Shown instead of the tree when the year has no table: what to do next, and a button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="criteriaEmpty", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter, styleSheet="font-size:11pt;")
        self.button = QPushButton(COPY, objectName="emptyCopyButton")
        grid = QGridLayout(self)
        grid.setRowStretch(0, 1)
        grid.addWidget(self.label, 1, 0, 1, 3)
        grid.addWidget(self.button, 2, 1)
        grid.setRowStretch(3, 1)

    def set_year(self, year: int) -> None:
        """Say which year is empty (or that the bloc has no year at all)."""
        self.label.setText(f"Năm {year} chưa có bảng tiêu chí.\n\nDùng lại bảng của một năm "
                           "khác, hoặc bấm “Thêm phần” (Ctrl+Shift+N) để lập bảng mới."
                           if year else "Khối chưa có năm thi đua nào.")


class CopyTableDialog(QDialog):
    """A year to copy from, with a line telling what it holds."""

    def __init__(self, db: Database, target: int, choices: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyTableDialog")
        self.setWindowTitle("Sao chép bảng tiêu chí")
        self._db = db
        intro = QLabel(f"Năm {target} chưa có bảng tiêu chí. Chép cấu trúc bảng (phần, tiêu chí, "
                       "nội dung, điểm tối đa, thang mức, hướng dẫn) và danh mục điểm trừ từ năm:")
        intro.setWordWrap(True)
        self.year = QComboBox(objectName="copyFromYear")
        for year in choices:
            self.year.addItem(f"Năm {year}", year)
        self.details = QLabel(objectName="copyDetails")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color:#444;")
        note = QLabel("Điểm đã chấm không được chép. Có thể hoàn tác (Ctrl+Z).")
        note.setStyleSheet("color:#666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sao chép")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.year, self.details, note, buttons):
            layout.addWidget(widget)
        self.year.currentIndexChanged.connect(self._describe)
        self._describe()
        self.setMinimumWidth(460)

    def chosen_year(self) -> int:
        """The year chosen to copy from."""
        return int(self.year.currentData())

    def _describe(self) -> None:
        self.details.setText(describe(self._db, self.chosen_year()))


def ask_copy_source(parent: QWidget, db: Database, target: int,
                    choices: list[int]) -> int | None:
    """Run the dialog; the year to copy from, or None when cancelled."""
    dialog = CopyTableDialog(db, target, choices, parent)
    return dialog.chosen_year() if dialog.exec() else None

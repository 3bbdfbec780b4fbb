"""The grade scale of a qualitative item: rows of grade name and share of the maximum, in %."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.errors import BlocError
from data.model import DEFAULT_GRADES
from data.numbers import as_number
from data.vntext import clean, format_number

Index = QModelIndex | QPersistentModelIndex
COL_NAME, COL_SHARE = range(2)


class GradesModel(QAbstractTableModel):
    """Editable grades; a refused value leaves the cell as it was and says why in `refused`."""

    HEADERS = ("Mức", "Tỷ lệ điểm (%)")
    refused = Signal(str)

    def __init__(self, grades: tuple[tuple[str, float], ...] = ()) -> None:
        super().__init__()
        self._rows: list[tuple[str, float]] = list(grades)

    def grades(self) -> tuple[tuple[str, float], ...]:
        """The scale as the table stores it: (name, share of the maximum 0–1)."""
        return tuple(self._rows)

    def set_grades(self, grades: tuple[tuple[str, float], ...]) -> None:
        """Replace the whole scale."""
        self.beginResetModel()
        self._rows = list(grades)
        self.endResetModel()

    def add_grade(self) -> QModelIndex:
        """Append a grade named after the last one (D → E) with a 0 % share."""
        last = self._rows[-1][0] if self._rows else ""
        name = chr(ord(last) + 1) if len(last) == 1 and last.isascii() and last.isalpha() else ""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((name or f"Mức {row + 1}", 0.0))
        self.endInsertRows()
        return self.index(row, COL_NAME)

    def remove_grade(self, row: int) -> None:
        """Remove one grade."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, share = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return name if index.column() == COL_NAME else format_number(share * 100)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SHARE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name, share = self._rows[index.row()]
        try:
            if index.column() == COL_NAME:
                name = clean(str(value))
                if not name:
                    raise BlocError("Tên mức không được để trống.")
            else:
                percent = as_number(str(value), f"Tỷ lệ điểm của mức “{name}”")
                if not 0 <= percent <= 100:
                    raise BlocError(f"Tỷ lệ điểm của mức “{name}” phải từ 0 đến 100 %.")
                share = round(percent / 100, 6)
        except BlocError as exc:
            self.refused.emit(exc.message)
            return False
        self._rows[index.row()] = (name, share)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True


class GradesEditor(QWidget):
    """The grade table with buttons to add, remove and reset to A/B/C/D = 100/80/60/0 %."""

    changed = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradesEditor")
        self.model = GradesModel()
        self.model.refused.connect(self.refused)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(lambda *_: self.changed.emit())
        self.view = QTableView(objectName="gradesTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setMaximumHeight(150)
        self.add_button = QPushButton("Thêm mức", objectName="addGradeButton")
        self.remove_button = QPushButton("Xóa mức", objectName="removeGradeButton")
        self.reset_button = QPushButton("Mặc định", objectName="defaultGradesButton")
        self.reset_button.setToolTip(
            "Thang mặc định: A = 100 %, B = 80 %, C = 60 %, D = 0 % điểm tối đa")
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.reset_button.clicked.connect(lambda: self.model.set_grades(DEFAULT_GRADES))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def grades(self) -> tuple[tuple[str, float], ...]:
        """The scale as typed."""
        return self.model.grades()

    def set_grades(self, grades: tuple[tuple[str, float], ...]) -> None:
        """Show a scale (the defaults when it is empty)."""
        self.model.set_grades(grades or DEFAULT_GRADES)

    def _add(self) -> None:
        index = self.model.add_grade()
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def _remove(self) -> None:
        self.model.remove_grade(self.view.currentIndex().row())

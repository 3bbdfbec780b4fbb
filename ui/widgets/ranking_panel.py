"""The live ranking beside the score grids: follows every edit at once, picks a unit on click."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.units import members
from ui.edits.scores import ScoreEditor
from ui.models.ranking import COL_UNIT, RankingModel
from ui.session import Session
from ui.widgets.table_actions import read_only_rows


class RankingPanel(QWidget):
    """Hạng, Đơn vị, Tổng, Thưởng, Trừ, Xếp loại and “Lấy tự chấm” of every member unit."""

    unitChosen = Signal(int)

    def __init__(self, session: Session, editor: ScoreEditor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rankingPanel")
        self.session = session
        self.model = RankingModel()
        self.title = QLabel(objectName="rankingTitle")
        self.title.setStyleSheet("font-weight:600;")
        self.table = QTableView(objectName="rankingTable")
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        editor.cellsChanged.connect(lambda year, _keys: self._follow(year))
        editor.penaltiesChanged.connect(lambda year, _unit: self._follow(year))
        self.reload()

    def reload(self) -> None:
        """Read the year's ranking again (a reset)."""
        year = self.session.year
        if not year:
            self.title.setText("Xếp hạng")
            self.model.set_ranking([], [])
            return
        self.title.setText(f"Xếp hạng năm {year} (cập nhật ngay khi chấm)")
        self.model.set_ranking(self.session.board().ranking(),
                               [unit for unit, _ in members(self.session.db, year)])

    def _follow(self, year: int) -> None:
        if year == self.session.year:
            self.model.update(self.session.board().ranking())

    def select_unit(self, unit_id: int) -> None:
        """Highlight a unit's row without announcing it."""
        row = self.model.row_of(unit_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.unitChosen.emit(self.model.row_at(index.row()).unit_id)

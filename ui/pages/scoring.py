"""Chấm điểm: the three score layers by layer or by unit, live totals, ranking, notes, penalties."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data.model import Layer
from data.units import members
from ui import spreadsheets
from ui.edits.scores import ScoreEditor
from ui.models.score_cells import KEY_ROLE, legend_html
from ui.models.score_grid import ScoreGridModel
from ui.models.unit_scores import COL_NOTE, COL_SELF, COL_TITLE, UnitScoresModel
from ui.session import (
    CRITERIA,
    MEMBERS,
    PENALTIES,
    PENALTY_TYPES,
    RULES,
    SCORES,
    UNITS,
    YEARS,
    Session,
)
from ui.widgets.excel_menu import excel_button
from ui.widgets.message_bar import MessageBar
from ui.widgets.note_panel import NotePanel
from ui.widgets.penalty_panel import PenaltyPanel
from ui.widgets.ranking_panel import RankingPanel
from ui.widgets.score_view import ScoreView

BY_LAYER, BY_UNIT = 0, 1
_RELOAD = {SCORES, PENALTIES, YEARS, UNITS, MEMBERS, CRITERIA, RULES}
_HELP = ("Gõ mức (A, B…), điểm (9,5) hoặc thực hiện/kế hoạch (108/100) rồi Enter; Tab sang phải; "
         "Ctrl+C / Ctrl+V chép, dán cả khối từ Excel; Delete xóa ô; Ctrl+Z hoàn tác.")


class ScoringPage(QWidget):
    """Enter and check the year's scores; totals, ranking and class follow every keystroke."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = ScoreEditor(session, self)
        self.unit_id: int | None = None
        self._own: list[str] = []  # change names announced for our own edits, already shown
        self.grid_model = ScoreGridModel(session, self.editor)
        self.unit_model = UnitScoresModel(session, self.editor)
        self.message = MessageBar(self, "scoringMessage")
        self.grid = ScoreView(name="scoreGrid")
        self.grid.setModel(self.grid_model)
        self.grid.verticalHeader().sectionDoubleClicked.connect(self._open_unit_row)
        self.grid.verticalHeader().setToolTip("Nhấp đúp tên đơn vị để xem theo đơn vị")
        self.grid.horizontalHeader().setResizeContentsPrecision(60)
        self.unit_view = ScoreView(name="unitScoresView")
        self.unit_view.setModel(self.unit_model)
        header = self.unit_view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.unit_view.verticalHeader().setVisible(False)
        self.stack = QStackedWidget(objectName="scoringStack")
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.unit_view)
        self.empty = QLabel(objectName="scoringEmpty", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.ranking = RankingPanel(session, self.editor)
        self.notes = NotePanel(session, self.editor)
        self.penalties = PenaltyPanel(session, self.editor)
        self.tabs = QTabWidget(objectName="scoringSideTabs")
        self.tabs.addTab(self.notes, "Ghi chú / minh chứng")
        self.tabs.addTab(self.penalties, "Điểm trừ")
        self._build(self._toolbar())
        for model in (self.grid_model, self.unit_model):
            model.refused.connect(self._refused)
        for view in (self.grid, self.unit_view):
            view.selectionModel().currentChanged.connect(self._current_changed)
        self.editor.cellsChanged.connect(lambda _year, _keys: self._own_edit(SCORES))
        self.editor.penaltiesChanged.connect(lambda _year, _unit: self._own_edit(PENALTIES))
        self.editor.boardReloaded.connect(self.reload)
        self.ranking.unitChosen.connect(self.show_unit)
        session.changed.connect(self._session_changed)
        session.yearChanged.connect(lambda _year: self.reload())
        self.reload()

    # --- building ------------------------------------------------------------------------------
    def _toolbar(self) -> QHBoxLayout:
        self.title = QLabel(objectName="scoringTitle")
        self.title.setStyleSheet("font-size:15px; font-weight:600;")
        self.mode_group = QButtonGroup(self)
        self.layer_group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addSpacing(16)
        for mode, text, name, keys in ((BY_LAYER, "Theo lớp chấm", "modeLayerButton", "Ctrl+L"),
                                       (BY_UNIT, "Theo đơn vị", "modeUnitButton", "Ctrl+U")):
            button = self._toggle(text, name, keys, self.mode_group, mode)
            bar.addWidget(button)
        bar.addSpacing(16)
        self.layer_box = QWidget(objectName="layerBox")
        row = QHBoxLayout(self.layer_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for number, layer in enumerate(Layer, start=1):
            name = f"layer{layer.value.capitalize()}Button"
            row.addWidget(self._toggle(layer.label, name, f"Ctrl+{number}", self.layer_group,
                                       number - 1))
        self.unit_combo = QComboBox(objectName="unitCombo")
        self.unit_combo.setMinimumContentsLength(28)
        self.unit_combo.setToolTip("Đơn vị đang xem")
        self.unit_combo.activated.connect(
            lambda index: self.show_unit(int(self.unit_combo.itemData(index))))
        bar.addWidget(self.layer_box)
        bar.addWidget(self.unit_combo)
        bar.addStretch(1)
        say = self.message.show_message
        self.excel = excel_button(self, "scoringExcelButton", "Phiếu tự chấm", (
            ("Xuất phiếu tự chấm cho các đơn vị…", "exportSelfScoreAction",
             lambda: spreadsheets.export_self_scores(self, self.session, say)),
            ("Nhập phiếu tự chấm các đơn vị gửi lại…", "importSelfScoreAction",
             lambda: spreadsheets.import_workbooks(self, self.session, "self-score", say))))
        bar.addWidget(self.excel)
        self.mode_group.button(BY_LAYER).setChecked(True)
        self.layer_group.button(1).setChecked(True)
        self.mode_group.idClicked.connect(self.set_mode)
        self.layer_group.idClicked.connect(lambda i: self.set_layer(list(Layer)[i]))
        return bar

    def _toggle(self, text: str, name: str, keys: str, group: QButtonGroup,
                number: int) -> QToolButton:
        button = QToolButton(objectName=name)
        button.setText(text)
        button.setCheckable(True)
        button.setToolTip(f"{text} ({keys})")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumWidth(96)
        group.addButton(button, number)
        QShortcut(QKeySequence(keys), self, button.click,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return button

    def _build(self, bar: QHBoxLayout) -> None:
        legend = QLabel(legend_html(), objectName="scoringLegend")
        hint = QLabel(_HELP, objectName="scoringHint")
        hint.setStyleSheet("color:#4b5563;")
        side = QSplitter(Qt.Orientation.Horizontal, objectName="scoringSideSplitter")
        side.addWidget(self.ranking)
        side.addWidget(self.tabs)
        side.setStretchFactor(0, 3)  # the ranking gets the room: it is what everyone watches
        side.setStretchFactor(1, 2)
        self.ranking.setMinimumWidth(460)
        split = QSplitter(Qt.Orientation.Vertical, objectName="scoringSplitter")
        split.addWidget(self.stack)
        split.addWidget(side)
        split.setChildrenCollapsible(False)
        split.setSizes([5000, 3000])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(legend)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.setTabOrder(self.grid, self.ranking.table)

    # --- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything the page shows again (a new year, or a change made on another page)."""
        year = self.session.year
        self.title.setText(f"Chấm điểm năm {year}" if year else "Chấm điểm")
        self.grid_model.reload()
        units = [unit for unit, _ in members(self.session.db, year)] if year else []
        if self.unit_id not in {u.id for u in units}:
            self.unit_id = units[0].id if units else None
        self.unit_combo.clear()
        for unit in units:
            self.unit_combo.addItem(unit.name, unit.id)
        self.unit_model.set_unit(self.unit_id)
        self.ranking.reload()
        self.penalties.reload_catalogue()
        self._unit_shown()
        self.grid.fit_columns(self.grid_model.column_samples())
        self.unit_view.resizeColumnsToContents()
        self.unit_view.setColumnWidth(COL_NOTE, max(self.unit_view.columnWidth(COL_NOTE), 160))
        self.set_mode(self.mode_group.checkedId())

    def _session_changed(self, change: str) -> None:
        if change in self._own:
            self._own.remove(change)  # our own edit: the views already follow it
        elif change in _RELOAD:
            self.reload()
        elif change == PENALTY_TYPES:
            self.penalties.reload_catalogue()

    def _own_edit(self, change: str) -> None:
        self._own.append(change)
        if self.message.kind == "error":
            self.message.clear_message()
            self.message.setToolTip("")

    def _refused(self, message: str, details: str) -> None:
        self.message.show_message(message)
        self.message.setToolTip(details if details != message else "")

    # --- modes, layers, units ------------------------------------------------------------------
    def set_mode(self, mode: int) -> None:
        """Show the grid by layer or one unit's three layers (the selected unit stays)."""
        self.mode_group.button(mode).setChecked(True)
        self.layer_box.setVisible(mode == BY_LAYER)
        self.unit_combo.setVisible(mode == BY_UNIT)
        if not (self.session.year and self.grid_model.rowCount()
                and self.grid_model.columnCount()):
            self.empty.setText(self._empty_text())
            self.stack.setCurrentWidget(self.empty)
            return
        view = self.grid if mode == BY_LAYER else self.unit_view
        self.stack.setCurrentWidget(view)
        self._follow_unit()
        self._current_changed(view.currentIndex())

    def _follow_unit(self) -> None:
        """Put the current view on the selected unit (its row, or its table of items)."""
        if self.unit_id is None:
            return
        if self.mode_group.checkedId() == BY_UNIT:
            if self.unit_model.unit is None or self.unit_model.unit.id != self.unit_id:
                self.unit_model.set_unit(self.unit_id)
            if not self.unit_view.currentIndex().isValid():
                self._go(self.unit_view, self._first_item())
            return
        row, current = self.grid_model.row_of(self.unit_id), self.grid.currentIndex()
        if row >= 0 and current.row() != row:
            self._go(self.grid, self.grid_model.index(row, max(current.column(), 0)))

    @staticmethod
    def _go(view: ScoreView, index: QModelIndex) -> None:
        view.selectionModel().setCurrentIndex(index,
                                              QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _first_item(self) -> QModelIndex:
        """Where typing starts in the unit mode: the first item, in the layer that counts."""
        for row in range(self.unit_model.rowCount()):
            node = self.unit_model.node_at(row)
            if node is not None and node.is_leaf:
                return self.unit_model.index(row, COL_SELF + list(Layer).index(node.layer))
        return QModelIndex()

    def _empty_text(self) -> str:
        year = self.session.year
        if not year:
            return "Khối chưa có năm thi đua nào. Hãy tạo năm ở menu Năm."
        if not self.grid_model.rowCount():
            return f"Năm {year} chưa có đơn vị thành viên. Hãy thêm đơn vị ở trang “Đơn vị”."
        return f"Năm {year} chưa có bảng tiêu chí. Hãy lập bảng ở trang “Bảng tiêu chí”."

    def set_layer(self, layer: Layer) -> None:
        """Show another layer in the grid."""
        self.layer_group.button(list(Layer).index(layer)).setChecked(True)
        self.grid_model.set_layer(layer)
        self._current_changed(self.grid.currentIndex())

    def show_unit(self, unit_id: int) -> None:
        """Select a unit: its row in the grid, or its table in the unit mode."""
        self.unit_id = unit_id
        self._follow_unit()
        self._unit_shown()
        if self.mode_group.checkedId() == BY_UNIT:
            self._current_changed(self.unit_view.currentIndex())

    def _open_unit_row(self, row: int) -> None:
        self.unit_id = self.grid_model.unit_at(row).id
        self.set_mode(BY_UNIT)
        self._unit_shown()

    def _unit_shown(self) -> None:
        index = self.unit_combo.findData(self.unit_id)
        self.unit_combo.setCurrentIndex(index)
        self.penalties.set_unit(self.unit_id, self.unit_combo.itemText(index))
        if self.unit_id is not None:
            self.ranking.select_unit(self.unit_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        by_layer = self.mode_group.checkedId() == BY_LAYER
        view = self.grid if by_layer else self.unit_view
        if current.isValid() and current.model() is not view.model():
            return
        if by_layer and current.isValid():
            unit_id = self.grid_model.unit_at(current.row()).id
            if unit_id != self.unit_id:
                self.unit_id = unit_id
                self._unit_shown()
        key = current.data(KEY_ROLE) if current.isValid() else None
        where, row, column = "", current.row(), current.column()
        if key and by_layer:
            where = f"{self.grid_model.cell_where(row, column)} · {key[2].label}"
        elif key and self.unit_model.unit is not None:
            where = f"{self.unit_model.unit.name} · {self.unit_model.cell_where(row, column)}"
        self.notes.set_cell(key, where)

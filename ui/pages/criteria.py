"""“Bảng tiêu chí”: the year's criteria tree with live checks, its editor, the penalty catalogue."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data import criteria
from data.criteria_table import CriteriaTable, check_table
from data.errors import BlocError
from data.model import Criterion
from data.rules import load_rules
from ui import spreadsheets
from ui.dialogs.copy_table import COPY, EmptyYear, ask_copy_source, source_years
from ui.dialogs.penalty_type import PenaltyCatalogue
from ui.edits import criteria as edits
from ui.models.base import ROW_ROLE
from ui.models.criteria_tree import CriteriaTreeView, ProblemsModel, table_summary
from ui.prompts import confirm
from ui.session import CRITERIA, RULES, YEARS, Session
from ui.widgets.criterion_editor import CriterionEditor, new_node
from ui.widgets.excel_menu import excel_button
from ui.widgets.message_bar import MessageBar


class CriteriaPage(QWidget):
    """The criteria table of `session.year`: add, edit, delete, move, check, copy from a year."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(objectName="criteriaHeading", styleSheet="font-size:14pt; "
                              "font-weight:bold;")
        self.summary = QLabel(objectName="criteriaSummary")
        self.message = MessageBar(self, "criteriaMessage")
        self.tree = CriteriaTreeView()
        self.model = self.tree.tree_model
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda _index: self.editor.focus_title())
        self.problems_title = QLabel(objectName="problemsTitle")
        self.problems = ProblemsModel()
        self.problems_view = QListView(objectName="problemsList", wordWrap=True)
        self.problems_view.setModel(self.problems)
        self.problems_view.activated.connect(self._problem_activated)
        self.editor = CriterionEditor()
        self.editor.saveRequested.connect(self.save)
        self.editor.setMinimumWidth(300)
        self.add_section_action = self._action("addSection", "Thêm phần", "Ctrl+Shift+N",
                                               self.add_section, "Thêm một phần (I, II, III…)")
        self.add_child_action = self._action("addChild", "Thêm mục con", "Ctrl+N", self.add_child,
                                             "Thêm tiêu chí, nội dung vào nhóm đang chọn")
        self.delete_action = self._action("deleteCriterion", "Xóa", "Del", self.delete_selected,
                                          "Xóa dòng đang chọn cùng các mục con")
        self.up_action = self._action("moveUp", "Lên", "Ctrl+Up", lambda: self.move(-1),
                                      "Chuyển dòng đang chọn lên trên")
        self.down_action = self._action("moveDown", "Xuống", "Ctrl+Down", lambda: self.move(1),
                                        "Chuyển dòng đang chọn xuống dưới")
        self.copy_action = self._action("copyTable", COPY, "", self.copy_from_year,
                                        "Chép bảng tiêu chí và danh mục điểm trừ của một năm khác")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.delete_action)
        self.catalogue = PenaltyCatalogue(session)
        self.tabs = QTabWidget(objectName="criteriaTabs")
        self.tabs.addTab(self._table_tab(), "Bảng chấm điểm")
        self.tabs.addTab(self.catalogue, "Danh mục điểm trừ")
        self.tabs.currentChanged.connect(lambda _index: self._sync_actions())
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.summary, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        session.changed.connect(lambda change: change in (CRITERIA, RULES, YEARS) and self.reload())
        session.yearChanged.connect(lambda _year: self.reload(new_year=True))
        self.reload(new_year=True)

    def _action(self, name: str, text: str, keys: str, slot: object, tip: str) -> QAction:
        act = QAction(text, self, objectName=f"{name}Action", shortcut=QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.setToolTip(f"{tip} ({QKeySequence(keys).toString()})" if keys else tip)
        act.triggered.connect(slot)
        return act

    def _table_tab(self) -> QWidget:
        bar = QHBoxLayout()
        for act in (self.add_section_action, self.add_child_action, self.delete_action,
                    self.up_action, self.down_action, None, self.copy_action):
            if act is None:
                bar.addStretch(1)
                self.excel = excel_button(self, "criteriaExcelButton", "Excel", (
                    ("Nhập bảng tiêu chí từ Excel…", "importCriteriaAction",
                     lambda: spreadsheets.import_workbooks(self, self.session, "criteria",
                                                           self.message.show_message)),
                    ("Tải mẫu bảng tiêu chí…", "criteriaTemplateAction",
                     lambda: spreadsheets.save_template(self, self.session, "criteria",
                                                        self.message.show_message))))
                bar.addWidget(self.excel)
                continue
            button = QToolButton(objectName=act.objectName().replace("Action", "Button"))
            button.setDefaultAction(act)
            bar.addWidget(button)
            if act is not self.delete_action:
                self.addAction(act)  # the catalogue tab disables them: its Ctrl+N is its own
        self.empty = EmptyYear()
        self.empty.button.clicked.connect(self.copy_action.trigger)
        self.copy_action.enabledChanged.connect(self.empty.button.setVisible)
        self.tree_stack = QStackedWidget()
        self.tree_stack.addWidget(self.tree)
        self.tree_stack.addWidget(self.empty)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.tree_stack, 1), (self.problems_title, 0),
                                (self.problems_view, 0)):
            column.addWidget(widget, stretch)
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 300])
        tab = QWidget(objectName="criteriaTab")
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return tab

    # --- loading ---------------------------------------------------------------------------------
    def reload(self, new_year: bool = False) -> None:
        """Read the year's table again, keeping what is expanded and selected."""
        year = self.session.year
        nodes = criteria.criteria(self.session.db, year) if year else []
        rules = load_rules(self.session.db, year)
        table = CriteriaTable(nodes)
        problems = check_table(table, rules.table_total) if nodes else []
        self.tree.show_table(table, problems, keep=not new_year)
        self.heading.setText(f"Bảng tiêu chí năm {year}" if year else "Bảng tiêu chí")
        self.summary.setText(table_summary(table, rules))
        self.problems.set_rows(problems)
        self.problems_title.setText(self.problems.title())
        self.problems_title.setStyleSheet(f"color:{'#7a4b00' if problems else '#1e5631'};")
        self.problems_title.setVisible(bool(nodes))
        self.problems_view.setVisible(bool(problems))
        rows = self.problems_view.sizeHintForRow(0) * min(len(problems), 4)
        self.problems_view.setFixedHeight(rows + 2 * self.problems_view.frameWidth() + 4)
        self.empty.set_year(year)
        self.tree_stack.setCurrentIndex(0 if nodes else 1)
        if new_year:
            self._show(None)
        elif not (self.editor.is_new or self.editor.dirty):  # else what was typed stays
            node_id = self.editor.node_id()
            self._show(None if node_id is None else table.nodes.get(node_id))
        self._sync_actions()

    # --- selection -------------------------------------------------------------------------------
    def selected(self) -> Criterion | None:
        """The node of the current row."""
        return self.tree.selected()

    def select_node(self, node_id: int) -> None:
        """Select a row and show it in the editor."""
        self.tree.select_row(node_id)
        self._show(self.model.table().nodes.get(node_id))

    def _show(self, node: Criterion | None) -> None:
        if node is None:
            self.editor.clear_node()
        else:
            self.editor.load(node, bool(self.model.table().children(node.id)))
        self._sync_actions()

    def _sync_actions(self) -> None:
        shown = self.tabs.currentIndex() == 0 and bool(self.session.year)
        for act in (self.add_section_action, self.add_child_action):
            act.setEnabled(shown)
        for act in (self.delete_action, self.up_action, self.down_action):
            act.setEnabled(shown and self.selected() is not None)
        self.copy_action.setEnabled(shown and not self.model.table().nodes)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self.tree.restoring:
            self._show(self.model.node(current))

    def _siblings(self, node: Criterion) -> tuple[Criterion, ...]:
        table = self.model.table()
        return table.children(node.parent_id) if node.parent_id else table.roots

    def _problem_activated(self, index: QModelIndex) -> None:
        problem = self.problems.data(index, ROW_ROLE)
        if problem is not None and problem.criterion_id is not None:
            self.select_node(problem.criterion_id)
            self.tree.setFocus()

    # --- editing ---------------------------------------------------------------------------------
    def _new(self, parent: Criterion | None, heading: str) -> None:
        year = self.session.year
        total = load_rules(self.session.db, year).table_total
        self.editor.start_new(new_node(self.model.table(), parent, year, total), heading)
        self.editor.focus_title()

    def add_section(self) -> None:
        """Start a new top-level section in the editor."""
        self._new(None, "Thêm phần mới")

    def add_child(self) -> None:
        """Start a new row under the selected group (beside the selected item)."""
        node = self.selected()
        if node is not None and node.is_leaf:
            node = self.model.table().parent(node.id)
        if node is None:
            self.add_section()
        else:
            self._new(node, f"Thêm mục con của “{node.code or node.title[:30]}”")

    def save(self) -> None:
        """Apply the editor: add the new row or save the edited one (one undo step)."""
        try:
            draft = self.editor.criterion()
            if self.editor.is_new:
                node = edits.add_node(self.session, draft)
            else:
                old = criteria.get_criterion(self.session.db, draft.id)
                node = edits.update_node(self.session, old, draft)
        except BlocError as exc:
            self.editor.show_error(exc.message)
            return
        self.select_node(node.id)
        self.editor.show_done(f"Đã lưu “{node.code or node.title[:40]}”.")

    def delete_selected(self) -> None:
        """Delete the selected row with its children and scores, after confirmation."""
        node = self.selected()
        if node is None:
            return
        also = edits.removal(self.session, node).phrase()
        if not confirm(self, "Xóa tiêu chí", f"Xóa “{node.code} {node.title}”{also}?\n\n"
                       "Có thể hoàn tác bằng Ctrl+Z."):
            return
        siblings = self._siblings(node)
        index = siblings.index(node)
        after = siblings[index - 1] if index else (siblings[1] if len(siblings) > 1 else None)
        try:
            edits.delete_node(self.session, node)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        next_id = after.id if after else node.parent_id
        if next_id is not None:
            self.select_node(next_id)
        self.message.show_message(f"Đã xóa “{node.code or node.title[:40]}”{also}. Nhấn Ctrl+Z "
                                  "để hoàn tác.", "ok")

    def move(self, delta: int) -> None:
        """Move the selected row up (-1) or down (+1) among its siblings."""
        node = self.selected()
        if node is None or not 0 <= self._siblings(node).index(node) + delta < len(
                self._siblings(node)):
            return
        edits.move_node(self.session, node, delta)
        self.select_node(node.id)
        self.tree.setFocus()

    def copy_from_year(self) -> None:
        """Copy another year's table into the shown year, which has none."""
        year = self.session.year
        choices = source_years(self.session.db, year)
        if not choices:
            self.message.show_message("Chưa có năm nào khác có bảng tiêu chí để sao chép.")
            return
        source = ask_copy_source(self, self.session.db, year, choices)
        if source is None:
            return
        try:
            nodes = edits.copy_table(self.session, source, year)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(f"Đã sao chép {len(nodes)} dòng của bảng năm {source} sang năm "
                                  f"{year}. Nhấn Ctrl+Z để hoàn tác.", "ok")

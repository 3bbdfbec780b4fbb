"""Đơn vị: the year's member units — find, add, re-add, edit, retire — and its head and deputies."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.errors import BlocError
from ui import spreadsheets
from ui.dialogs.unit import ask_edit_unit, ask_former_unit, ask_new_unit, former_units
from ui.edits import units as edits
from ui.models.base import ROW_ROLE
from ui.models.units import COL_NAME, MemberRow, MembersFilter, MembersModel, load_rows
from ui.prompts import confirm
from ui.session import MEMBERS, OFFICERS, UNITS, Session
from ui.widgets.excel_menu import excel_button
from ui.widgets.message_bar import MessageBar
from ui.widgets.officers import OfficersPanel
from ui.widgets.table_actions import read_only_rows


class UnitsPage(QWidget):
    """The member units of the year shown, sorted the Vietnamese way, with a tone-blind filter."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel(objectName="unitsTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.officers = OfficersPanel(session)
        self.filter = QLineEdit(objectName="unitsFilter")
        self.filter.setPlaceholderText("Tìm đơn vị, thủ trưởng… (gõ không dấu cũng được) — Ctrl+F")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self._focus_table)
        self.message = MessageBar(self, "unitsMessage")
        self.model = MembersModel()
        self.proxy = MembersFilter(self.model)
        self.table = self._make_table()
        self.count = QLabel(objectName="unitsCount")
        self.add_action = self._action("Thêm đơn vị…", "addUnitAction", self.add_unit)
        self.readd_action = self._action("Thêm lại đơn vị cũ…", "readdUnitAction", self.readd_unit)
        self.edit_action = self._action("Sửa…", "editUnitAction", self.edit_unit,
                                        ("Return", "Enter", "F2"), self.table)
        self.retire_action = self._action("Cho rời khối…", "retireUnitAction", self.retire_unit,
                                          ("Delete",), self.table)
        self.find_action = self._action("Tìm", "findUnitAction", self._focus_filter)
        self._action("Xóa ô tìm", "clearFilterAction", self.filter.clear, ("Escape",), self.filter)
        for action, key in ((self.add_action, "Ctrl+N"), (self.find_action, "Ctrl+F")):
            action.setShortcut(QKeySequence(key))  # anywhere in the page
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.buttons = [
            self._button("addUnitButton", self.add_action, "Thêm một đơn vị mới vào khối (Ctrl+N)"),
            self._button("readdUnitButton", self.readd_action,
                         "Đưa một đơn vị của các năm trước trở lại khối"),
            self._button("editUnitButton", self.edit_action,
                         "Sửa đơn vị đang chọn (Enter hoặc nhấp đúp)"),
            self._button("retireUnitButton", self.retire_action,
                         "Đơn vị rời khối từ năm đang xem; các năm trước được giữ nguyên (Delete)"),
        ]
        self._lay_out()
        session.changed.connect(self._on_change)
        session.yearChanged.connect(self._on_year)
        self.reload()

    # --- building ------------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView(objectName="unitsTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        read_only_rows(table)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        table.doubleClicked.connect(lambda _index: self.edit_unit())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        return table

    def _action(self, text: str, name: str, slot: object, keys: tuple[str, ...] = (),
                owner: QWidget | None = None) -> QAction:
        action = QAction(text, self, objectName=name)
        action.triggered.connect(slot)
        if owner is not None:  # keys that only act where they make sense (not while typing)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            owner.addAction(action)
        return action

    @staticmethod
    def _button(name: str, action: QAction, tip: str) -> QPushButton:
        button = QPushButton(action.text(), objectName=name)
        button.setToolTip(tip)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        for button in self.buttons:
            tools.addWidget(button)
        say = self.message.show_message
        self.excel = excel_button(self, "unitsExcelButton", "Excel", (
            ("Nhập danh sách đơn vị từ Excel…", "importUnitsAction",
             lambda: spreadsheets.import_workbooks(self, self.session, "units", say)),
            ("Tải mẫu danh sách đơn vị…", "unitsTemplateAction",
             lambda: spreadsheets.save_template(self, self.session, "units", say))))
        tools.addWidget(self.excel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.officers)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        chain = [self.filter, self.table, *self.buttons, *self.officers.combos()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)

    # --- showing -------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Show the members of the session's year, keeping (or moving) the selection."""
        current = self.selected()
        keep = select if select is not None else (current.unit.id if current else None)
        year = self.session.year
        self.model.set_rows(load_rows(self.session.db, year) if year else [])
        self.title.setText(f"Đơn vị thành viên năm {year}" if year else "Đơn vị thành viên")
        self._select(keep)
        if self.selected() is None:
            self._select_first()
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        rows, year = self.model.rows(), self.session.year
        if not year:
            text = "Khối chưa có năm thi đua nào: hãy tạo năm trước (menu Năm)."
        elif not rows:
            text = f"Năm {year} chưa có đơn vị nào. Bấm “Thêm đơn vị…” (Ctrl+N) để bắt đầu."
        else:
            blocked = sum(1 for r in rows if r.member.blocked)
            text = f"{len(rows)} đơn vị; " + (
                f"{blocked} đơn vị đang vướng điều kiện khen thưởng" if blocked
                else "không đơn vị nào vướng điều kiện khen thưởng")
            if self.proxy.query.strip():
                text += f" · đang lọc: hiện {self.proxy.rowCount()}/{len(rows)} đơn vị"
        self.count.setText(text)

    def _update_actions(self) -> None:
        has_year, chosen = bool(self.session.year), self.selected() is not None
        self.add_action.setEnabled(has_year)
        self.readd_action.setEnabled(has_year)
        self.edit_action.setEnabled(chosen)
        self.retire_action.setEnabled(chosen)

    def selected(self) -> MemberRow | None:
        """The member row under the table's cursor, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, MemberRow) else None

    def _select(self, unit_id: int | None) -> None:
        source_row = self.model.row_of(unit_id) if unit_id is not None else -1
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.table.clearSelection()
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect |
                 QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self._select(self.proxy.index(0, 0).data(ROW_ROLE).unit.id)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.selected() is None:
            self._select_first()
        self._update_count()
        self._update_actions()

    def _focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_change(self, change: str) -> None:
        if change in (UNITS, MEMBERS, OFFICERS):
            self.reload()

    def _on_year(self, _year: int) -> None:
        self.message.clear_message()
        self.reload()

    # --- editing -------------------------------------------------------------------------------
    def add_unit(self) -> None:
        """Ask for a new unit and add it to the year shown."""
        year = self.session.year
        unit = ask_new_unit(self, self.session, year)
        if unit is not None:
            self._done(unit.id, f"Đã thêm “{unit.name}” vào khối năm {year}.")

    def readd_unit(self) -> None:
        """Bring back a unit of other years as a member of the year shown."""
        year = self.session.year
        former = former_units(self.session.db, year)
        if not former:
            self.message.show_message("Mọi đơn vị của khối đều đã là thành viên năm "
                                      f"{year}: không có đơn vị cũ nào để thêm lại.", "info")
            return
        unit = ask_former_unit(self, self.session, year, former)
        if unit is not None:
            self._done(unit.id, f"Đã thêm lại “{unit.name}” vào khối năm {year}.")

    def edit_unit(self) -> None:
        """Edit the selected unit's names and its facts for the year shown."""
        row = self.selected()
        if row is not None and ask_edit_unit(self, self.session, self.session.year,
                                             row.unit, row.member):
            self._done(row.unit.id, "Đã lưu thay đổi (hoàn tác: Ctrl+Z).")

    def retire_unit(self) -> None:
        """After confirmation, the selected unit leaves the bloc from the year shown."""
        row, year = self.selected(), self.session.year
        if row is None:
            return
        name = row.unit.name
        if not confirm(self, "Cho đơn vị rời khối",
                       f"Cho “{name}” rời khối từ năm {year}?\n\nĐơn vị không còn là thành viên "
                       f"từ năm {year} trở đi; dữ liệu các năm trước được giữ nguyên. Có thể "
                       "hoàn tác (Ctrl+Z).", "Cho rời khối"):
            return
        try:
            edits.retire_unit(self.session, year, row.unit.id)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(f"“{name}” đã rời khối từ năm {year} (hoàn tác: Ctrl+Z).",
                                  "ok")

    def _done(self, unit_id: int, text: str) -> None:
        self.reload(select=unit_id)
        self.message.show_message(text, "ok")
        self.table.setFocus()

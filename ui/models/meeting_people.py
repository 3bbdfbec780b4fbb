"""The people of a meeting as tables: its guests (đại biểu) and its counting committee (ban
kiểm phiếu), each numbered in the order they are read out and printed; and `EntryList`, the
titled table with its actions that shows them (and the agenda)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data.meeting_model import CommitteeMember, Guest
from ui.models.base import Index, RowsModel
from ui.widgets.message_bar import MessageBar
from ui.widgets.table_actions import read_only_rows

COL_NUMBER, COL_NAME, COL_TITLE, COL_ROLE = range(4)
ROLES = ("Trưởng ban", "Phó Trưởng ban", "Thành viên")  # offered; any role may be typed
_GREY = QBrush(QColor("#555555"))


class _NumberedModel(RowsModel[Any]):
    """STT (row number, the print order), centred and grey; the name as the row's tooltip."""

    def display(self, row: Any, column: int) -> Any:
        """The text of a cell."""
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (index.isValid() and index.column() == COL_NUMBER and 0 <= index.row() < len(self._rows)
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)):
            return index.row() + 1
        return super().data(index, role)

    def extra(self, row: Any, column: int, role: int) -> Any:
        """Centred grey numbers, full texts as tooltips."""
        if column == COL_NUMBER and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if column == COL_NUMBER and role == Qt.ItemDataRole.ForegroundRole:
            return _GREY
        if role == Qt.ItemDataRole.ToolTipRole and column != COL_NUMBER:
            return str(self.display(row, column)) or None
        return None


class GuestsModel(_NumberedModel):
    """The guests of a meeting: STT, name, title."""

    HEADERS = ("STT", "Họ và tên", "Chức vụ, đơn vị")

    def display(self, row: Guest, column: int) -> Any:
        """The text of a cell."""
        return (None, row.name, row.title)[column]

    def summary(self) -> str:
        """One line under the table."""
        if not self._rows:
            return "Chưa có đại biểu: Thêm… (Ctrl+N); đại biểu được in vào biên bản"
        return f"{len(self._rows)} đại biểu, in vào biên bản theo thứ tự này"


class CommitteeModel(_NumberedModel):
    """The counting committee: STT, name, title, role in the committee."""

    HEADERS = ("STT", "Họ và tên", "Chức vụ, đơn vị", "Nhiệm vụ")

    def display(self, row: CommitteeMember, column: int) -> Any:
        """The text of a cell."""
        return (None, row.name, row.title, row.role)[column]

    def summary(self) -> str:
        """One line under the table: how many members, and whether it has a head."""
        if not self._rows:
            return "Chưa có ban kiểm phiếu: thêm người (Ctrl+N) trước khi bỏ phiếu"
        heads = [m.name for m in self._rows if m.role.casefold() == ROLES[0].casefold()]
        text = f"{len(self._rows)} thành viên; "
        return text + (f"Trưởng ban: {', '.join(heads)}" if heads else "chưa có Trưởng ban")


class EntryList(QGroupBox):
    """A titled table of a meeting's entries with Thêm (Ctrl+N), Sửa (Enter, F2), Xóa (Delete),
    Lên (Ctrl+↑), Xuống (Ctrl+↓); the keys act while the table has the focus."""

    def __init__(self, title: str, name: str, model: RowsModel[Any],
                 stretch: tuple[int, ...] = (), widths: Mapping[int, int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"{name}Box")
        self.model = model
        view = self.table = QTableView(objectName=f"{name}Table")
        view.setModel(model)
        read_only_rows(view)
        view.setAlternatingRowColors(True)
        view.setWordWrap(bool(widths))  # fixed widths: long texts wrap, rows grow to fit
        if widths:
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.setStyleSheet("QTableView::item { padding: 4px 3px; }")
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, width in (widths or {}).items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.message = MessageBar(self, f"{name}Message")
        self.hint = QLabel(objectName=f"{name}Hint", wordWrap=True)
        self.hint.setStyleSheet("color: #555;")
        self.buttons = QVBoxLayout()
        self.name = name
        self.add_action = self._action("Thêm…", "Ctrl+N", "Add")
        self.edit_action = self._action("Sửa…", "F2", "Edit", ("Return", "Enter"))
        self.remove_action = self._action("Xóa…", "Delete", "Remove")
        self.up_action = self._action("Lên", "Ctrl+Up", "Up")
        self.down_action = self._action("Xuống", "Ctrl+Down", "Down")
        self.buttons.addStretch(1)
        view.doubleClicked.connect(lambda _index: self.edit_action.trigger())
        view.selectionModel().currentRowChanged.connect(lambda *_: self.update_actions())
        model.modelReset.connect(self.update_actions)
        body = QHBoxLayout()
        body.addWidget(view, 1)
        body.addLayout(self.buttons)
        box = QVBoxLayout(self)
        box.addLayout(body, 1)
        box.addWidget(self.hint)
        box.addWidget(self.message)
        self.update_actions()

    def _action(self, text: str, key: str, suffix: str, more: tuple[str, ...] = ()) -> QAction:
        action = QAction(text, self.table, objectName=f"{self.name}{suffix}Action")
        action.setShortcuts([QKeySequence(k) for k in (key, *more)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shown = key.replace("Up", "↑").replace("Down", "↓")
        action.setToolTip(f"{text.rstrip('…')} ({shown})")
        self.table.addAction(action)
        button = QToolButton(objectName=f"{self.name}{suffix}Button")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumWidth(76)
        self.buttons.addWidget(button)
        return action

    def bind(self, add: Callable[[], object], edit: Callable[[], object],
                remove: Callable[[], object], move: Callable[[int], object]) -> None:
        """What the actions do (the page's handlers)."""
        self.add_action.triggered.connect(lambda _checked=False: add())
        self.edit_action.triggered.connect(lambda _checked=False: edit())
        self.remove_action.triggered.connect(lambda _checked=False: remove())
        self.up_action.triggered.connect(lambda _checked=False: move(-1))
        self.down_action.triggered.connect(lambda _checked=False: move(1))

    def show_entries(self, rows: Sequence[Any], hint: str = "") -> None:
        """Show these entries, keeping the selected row; the model's summary (and `hint`)
        under the table."""
        row = self.current_row()
        self.model.set_rows(rows)
        self.select(row)
        summary = getattr(self.model, "summary", lambda: "")()
        self.hint.setText(". ".join(t for t in (summary, hint) if t) + ".")

    def current_row(self) -> int:
        """The selected row, or -1."""
        row = self.table.currentIndex().row()
        return row if 0 <= row < self.model.rowCount() else -1

    def select(self, row: int) -> None:
        """Make a row current (clamped; nothing when the table is empty)."""
        count = self.model.rowCount()
        if count:
            self.table.selectRow(max(0, min(row, count - 1)))
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what applies to the current row."""
        row, count = self.current_row(), self.model.rowCount()
        self.edit_action.setEnabled(row >= 0)
        self.remove_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)

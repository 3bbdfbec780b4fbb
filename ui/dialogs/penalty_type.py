"""The penalty catalogue panel and its entry dialog (a refusal keeps the dialog open)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data import penalty_catalogue
from data.errors import BlocError
from data.model import PenaltyType
from data.numbers import as_number
from data.vntext import format_number
from ui.edits import criteria as edits
from ui.models.base import ROW_ROLE
from ui.models.penalty_types import COL_CODE, COL_POINTS, COL_TITLE, PenaltyTypesModel
from ui.prompts import confirm
from ui.session import PENALTY_TYPES, Session
from ui.widgets.message_bar import MessageBar
from ui.widgets.table_actions import read_only_rows

Save = Callable[[PenaltyType], object]


class PenaltyTypeDialog(QDialog):
    """Code, offence, points and source; “Lưu” calls `save`, whose refusal is shown in place."""

    def __init__(self, entry: PenaltyType, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("penaltyTypeDialog")
        self.setWindowTitle("Sửa lỗi bị trừ điểm" if entry.id else "Thêm lỗi bị trừ điểm")
        self._entry, self._save = entry, save
        self.message = MessageBar(self, "penaltyTypeMessage")
        self.code = QLineEdit(entry.code, objectName="penaltyCode")
        self.code.setMaximumWidth(100)
        self.title = QPlainTextEdit(entry.title, objectName="penaltyTitle")
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(64)
        self.points = QLineEdit(format_number(entry.points) if entry.id else "",
                                objectName="penaltyPoints")
        self.points.setPlaceholderText("ví dụ 5 (trừ 5 điểm)")
        self.points.setMaximumWidth(160)
        self.source = QLineEdit(entry.source, objectName="penaltySource")
        self.source.setPlaceholderText("Văn bản quy định mức trừ này")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("penaltySaveButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.message)
        form.addRow("Mã:", self.code)
        form.addRow("Nội dung vi phạm:", self.title)
        form.addRow("Điểm trừ:", self.points)
        form.addRow("Căn cứ:", self.source)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def entry(self) -> PenaltyType:
        """The entry as typed; points that are not a number raise InputError."""
        return PenaltyType(self._entry.id, self._entry.year, self.code.text(),
                           self.title.toPlainText(), as_number(self.points.text(), "Điểm trừ"),
                           self.source.text())

    def accept(self) -> None:
        """Save, or show why not and stay open with what was typed."""
        try:
            self._save(self.entry())
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        super().accept()


def ask_penalty_type(parent: QWidget, entry: PenaltyType, save: Save) -> bool:
    """Run the dialog; True when the entry was saved."""
    return bool(PenaltyTypeDialog(entry, save, parent).exec())


class PenaltyCatalogue(QWidget):
    """The year's penalty catalogue: add (Ctrl+N), edit (Enter), delete (Delete), all undoable."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("penaltyCatalogue")
        self.session = session
        self.message = MessageBar(self, "penaltyMessage")
        self.intro = QLabel(objectName="penaltyIntro")
        self.intro.setWordWrap(True)
        self.model = PenaltyTypesModel()
        self.view = QTableView(objectName="penaltyTypesTable")
        self.view.setModel(self.model)
        read_only_rows(self.view)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(COL_CODE, 70)
        self.view.setColumnWidth(COL_POINTS, 80)
        self.view.setColumnWidth(3, 330)
        self.view.activated.connect(lambda _index: self.edit_selected())
        bar = QHBoxLayout()
        self.add_action = self._action("addPenaltyTypeAction", "Thêm lỗi", "Ctrl+N", self.add)
        self.edit_action = self._action("editPenaltyTypeAction", "Sửa…", "F2",
                                        self.edit_selected)
        self.delete_action = self._action("deletePenaltyTypeAction", "Xóa", "Del",
                                          self.delete_selected)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.delete_action)
        for act in (self.add_action, self.edit_action, self.delete_action):
            button = QToolButton(objectName=act.objectName().replace("Action", "Button"))
            button.setDefaultAction(act)
            bar.addWidget(button)
            if act is not self.delete_action:
                self.addAction(act)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        session.changed.connect(lambda change: change == PENALTY_TYPES and self.reload())
        session.yearChanged.connect(lambda _year: self.reload())
        self.reload()

    def _action(self, name: str, text: str, keys: str, slot: object) -> QAction:
        act = QAction(text, self, objectName=name)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.setToolTip(f"{text.rstrip('…')} ({QKeySequence(keys).toString()})")
        act.triggered.connect(slot)
        return act

    def reload(self) -> None:
        """Read the catalogue of the year shown, keeping the selected entry."""
        year, current = self.session.year, self.selected()
        self.model.set_rows(penalty_catalogue.penalty_types(self.session.db, year) if year else [])
        self.intro.setText(
            f"Danh mục lỗi bị trừ điểm năm {year}: {self.model.rowCount()} lỗi. Điểm trừ ghi "
            "số dương (5 nghĩa là trừ 5 điểm); lỗi đã ghi cho đơn vị giữ nguyên điểm khi sửa "
            "danh mục.")
        rows = [e.id for e in self.model.rows()]
        if current is not None and current.id in rows:
            self.view.selectRow(rows.index(current.id))
        self.add_action.setEnabled(bool(year))
        self._sync()

    def _sync(self) -> None:
        for act in (self.edit_action, self.delete_action):
            act.setEnabled(self.selected() is not None)

    def selected(self) -> PenaltyType | None:
        """The entry of the current row."""
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _select(self, entry_id: int) -> None:
        rows = [e.id for e in self.model.rows()]
        if entry_id in rows:
            self.view.selectRow(rows.index(entry_id))

    def add(self) -> None:
        """Add an entry through the dialog."""
        saved: list[PenaltyType] = []
        blank = PenaltyType(0, self.session.year, "", "", 0.0)
        if ask_penalty_type(self, blank, lambda e: saved.append(
                edits.add_penalty_type(self.session, e))):
            self._select(saved[0].id)
            self.message.show_message(f"Đã thêm “{saved[0].title}”.", "ok")

    def edit_selected(self) -> None:
        """Edit the selected entry through the dialog."""
        old = self.selected()
        if old is not None and ask_penalty_type(
                self, old, lambda e: edits.update_penalty_type(self.session, old, e)):
            self._select(old.id)
            self.message.show_message(f"Đã lưu “{old.code or old.title}”.", "ok")

    def delete_selected(self) -> None:
        """Delete the selected entry after confirmation (recorded penalties stay)."""
        entry = self.selected()
        if entry is None:
            return
        used = len(penalty_catalogue.penalty_type_users(self.session.db, entry.id))
        note = (f"\n\n{used} lần trừ điểm đã ghi theo lỗi này vẫn giữ nguyên nội dung và số "
                "điểm, chỉ không còn liên kết với danh mục." if used else "")
        if not confirm(self, "Xóa lỗi bị trừ điểm",
                       f"Xóa “{entry.code} {entry.title}” khỏi danh mục năm {entry.year}?{note}"
                       "\n\nCó thể hoàn tác bằng Ctrl+Z."):
            return
        edits.delete_penalty_type(self.session, entry)
        self.message.show_message(f"Đã xóa “{entry.title}”. Nhấn Ctrl+Z để hoàn tác.", "ok")

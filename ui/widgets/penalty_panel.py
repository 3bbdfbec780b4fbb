"""A unit's penalties (điểm trừ): the list, adding from the catalogue or in full, removing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data import scores
from data.errors import BlocError
from data.model import Penalty
from data.penalty_catalogue import penalty_types
from data.vntext import format_number
from ui.edits.scores import ScoreEditor
from ui.models.penalties import COL_NOTE, COL_TITLE, PenaltiesModel
from ui.session import Session
from ui.widgets.message_bar import MessageBar
from ui.widgets.table_actions import read_only_rows

OTHER = -1  # the combo entry for a penalty written in full


def confirm_delete(parent: QWidget, penalty: Penalty) -> bool:
    """Ask before removing a penalty (tests replace this function)."""
    answer = QMessageBox.question(
        parent, "Xóa điểm trừ",
        f"Xóa điểm trừ “{penalty.title}” (−{format_number(penalty.total)} điểm)?\n"
        "Có thể hoàn tác bằng Ctrl+Z.")
    return answer == QMessageBox.StandardButton.Yes


class PenaltyPanel(QWidget):
    """The selected unit's penalties for the year; every change is undoable and saved at once."""

    def __init__(self, session: Session, editor: ScoreEditor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("penaltyPanel")
        self.session, self.editor = session, editor
        self.unit_id: int | None = None
        self.model = PenaltiesModel()
        self.caption = QLabel(objectName="penaltyCaption")
        self.table = QTableView(objectName="penaltiesTable")
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        self.table.installEventFilter(self)  # Delete removes the selected penalty
        self.type_combo = QComboBox(objectName="penaltyTypeCombo")
        # catalogue entries are long sentences: the combo must not set the panel's width
        self.type_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_combo.setMinimumContentsLength(24)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.title_edit = QLineEdit(objectName="penaltyTitleEdit")
        self.title_edit.setPlaceholderText("Nội dung lỗi bị trừ điểm")
        self.points_edit = QLineEdit(objectName="penaltyPointsEdit")
        self.points_edit.setPlaceholderText("Số điểm trừ, ví dụ 5")
        self.count_spin = QSpinBox(objectName="penaltyCountSpin")
        self.count_spin.setRange(1, 99)
        self.note_edit = QLineEdit(objectName="penaltyNoteEdit")
        self.note_edit.setPlaceholderText("Ví dụ: báo cáo 6 tháng gửi chậm 7 ngày")
        self.add_button = QPushButton("&Thêm điểm trừ", objectName="addPenaltyButton")
        self.add_button.setToolTip("Ghi điểm trừ cho đơn vị đang chọn (Alt+T)")
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton("&Xóa điểm trừ", objectName="deletePenaltyButton")
        self.delete_button.setToolTip("Xóa dòng điểm trừ đang chọn (phím Delete)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = MessageBar(self, "penaltyMessage")
        self.total_label = QLabel(objectName="penaltyTotal")
        self.written = QWidget(objectName="penaltyWrittenRow")  # only for “Lỗi khác”
        written = QHBoxLayout(self.written)
        written.setContentsMargins(0, 0, 0, 0)
        written.addWidget(self.title_edit, 3)
        written.addWidget(QLabel("Điểm trừ:"))
        written.addWidget(self.points_edit, 1)
        form = QFormLayout()
        form.addRow("Lỗi:", self.type_combo)
        form.addRow("Nội dung:", self.written)
        row = QHBoxLayout()
        row.addWidget(self.count_spin)
        row.addWidget(QLabel("Ghi chú:"))
        row.addWidget(self.note_edit, 1)
        form.addRow("Số lần:", row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total_label, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.form = form
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for first, second in ((self.type_combo, self.title_edit), (self.title_edit,
                              self.points_edit), (self.points_edit, self.count_spin),
                              (self.count_spin, self.note_edit), (self.note_edit,
                              self.add_button)):
            QWidget.setTabOrder(first, second)
        editor.penaltiesChanged.connect(self._changed)
        self.reload_catalogue()
        self.set_unit(None)

    def reload_catalogue(self) -> None:
        """Read the year's penalty catalogue again."""
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        year = self.session.year
        for entry in penalty_types(self.session.db, year) if year else []:
            code = f"{entry.code} · " if entry.code else ""
            self.type_combo.addItem(f"{code}{entry.title} (−{format_number(entry.points)})",
                                    entry.id)
            self.type_combo.setItemData(self.type_combo.count() - 1, entry.title,
                                        Qt.ItemDataRole.ToolTipRole)
        self.type_combo.addItem("Lỗi khác (ghi đầy đủ)…", OTHER)
        self.type_combo.blockSignals(False)
        self._type_changed()

    def set_unit(self, unit_id: int | None, name: str = "") -> None:
        """Show the penalties of a unit (or none)."""
        self.unit_id = unit_id
        self.caption.setText(f"Điểm trừ năm {self.session.year} của <b>{name}</b>"
                             if unit_id is not None else "Chọn một đơn vị để xem điểm trừ.")
        for widget in (self.add_button, self.type_combo, self.table):
            widget.setEnabled(unit_id is not None)
        self._load()

    def _load(self) -> None:
        year = self.session.year
        rows = scores.penalties(self.session.db, year, self.unit_id) if (
            self.unit_id is not None and year) else []
        self.model.set_rows(rows)
        self.delete_button.setEnabled(bool(rows))
        total = self.model.total()
        self.total_label.setText(f"Tổng trừ: −{format_number(total)} điểm" if total else
                                 "Chưa có điểm trừ.")

    def _changed(self, year: int, unit_id: int) -> None:
        if year == self.session.year and unit_id == self.unit_id:
            self._load()

    def _type_changed(self) -> None:
        written = self.type_combo.currentData() == OTHER
        self.title_edit.setEnabled(written)
        self.points_edit.setEnabled(written)
        self.written.setVisible(written)
        label = self.form.labelForField(self.written)
        if label is not None:
            label.setVisible(written)

    def add(self) -> None:
        """Record the penalty described by the form; a refusal stays in place with the reason."""
        if self.unit_id is None:
            return
        chosen = self.type_combo.currentData()
        fields: dict[str, object] = {"count": self.count_spin.value(),
                                     "note": self.note_edit.text()}
        if chosen == OTHER:
            fields.update(title=self.title_edit.text(), points=self.points_edit.text())
            title = self.title_edit.text().strip() or "lỗi khác"
        else:
            fields["type_id"] = chosen
            title = str(self.type_combo.itemData(self.type_combo.currentIndex(),
                                                 Qt.ItemDataRole.ToolTipRole))
        try:
            added = self.editor.add_penalty(self.session.year, self.unit_id,
                                            f"Thêm điểm trừ “{title}”", **fields)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(f"Đã trừ {format_number(added.total)} điểm: {added.title}.",
                                  "ok")
        self.note_edit.clear()
        self.count_spin.setValue(1)
        if chosen == OTHER:
            self.title_edit.clear()
            self.points_edit.clear()

    def delete_selected(self) -> None:
        """Remove the selected penalty after confirmation."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        penalty = self.model.row_at(index.row())
        if not confirm_delete(self, penalty):
            return
        try:
            self.editor.delete_penalty(penalty)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(f"Đã xóa điểm trừ “{penalty.title}” (Ctrl+Z để hoàn tác).",
                                  "ok")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.table and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

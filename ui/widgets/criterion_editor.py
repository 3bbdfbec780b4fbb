"""The side panel that edits one node of the criteria table, or a new one before it is added."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data.criteria_codes import suggest_code
from data.criteria_table import CriteriaTable
from data.model import Criterion, Layer, NodeKind
from data.numbers import as_number
from data.vntext import format_number
from ui.widgets.grades_editor import GradesEditor
from ui.widgets.message_bar import MessageBar

EMPTY_HINT = "Chọn một dòng trong bảng để sửa, hoặc thêm phần, mục mới."


def new_node(table: CriteriaTable, parent: Criterion | None, year: int,
             table_total: float) -> Criterion:
    """A node to add under `parent` (a section when None), prefilled: the next code, the points
    still free in the parent, a kind and layer that suit the place."""
    siblings = table.children(parent.id) if parent else table.roots
    if parent is None:
        room, kind = table_total - table.max_total, NodeKind.GROUP
    else:
        room = parent.max_points - sum(c.max_points for c in siblings)
        kind = NodeKind.BONUS if table.is_bonus(parent.id) else NodeKind.QUALITATIVE
    parent_id = parent.id if parent else None
    return Criterion(id=0, year=year, parent_id=parent_id, position=0,
                     code=suggest_code(table.in_order, parent_id), title="", kind=kind,
                     max_points=max(room, 0.0), layer=parent.layer if parent else Layer.VERIFIED)


def _with_unit(edit: QLineEdit, unit: str) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit)
    row.addWidget(QLabel(unit), 1)
    return box


class CriterionEditor(QWidget):
    """Code, title, maximum, kind, layer, grades or plan settings, guidance; “Lưu” applies."""

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criterionEditor")
        self._base: Criterion | None = None
        self.is_new, self.dirty, self._loading = False, False, False
        self.heading = QLabel(EMPTY_HINT, objectName="criterionHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.message = MessageBar(self, "criterionMessage")
        self.code = QLineEdit(objectName="criterionCode")
        self.code.setMaximumWidth(90)
        self.title = QPlainTextEdit(objectName="criterionTitle")
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(60)
        self.max_points = QLineEdit(objectName="criterionMax")
        self.max_points.setPlaceholderText("ví dụ 7,5")
        self.max_points.setMaximumWidth(90)
        self.kind = QComboBox(objectName="criterionKind")
        for kind in NodeKind:
            self.kind.addItem(kind.label, kind.value)
        self.layer = QComboBox(objectName="criterionLayer")
        for layer in Layer:
            self.layer.addItem(layer.label, layer.value)
        self.layer.setToolTip("Lớp điểm dùng để tính điểm cuối cùng của nội dung này; chưa có "
                              "điểm lớp này thì dùng điểm tự chấm.")
        self.grades = GradesEditor(self)
        self.grades_box = QGroupBox("Thang mức (định tính)", objectName="gradesBox")
        QVBoxLayout(self.grades_box).addWidget(self.grades)
        self.reduce = QCheckBox("Chỉ tiêu giảm (kế hoạch/thực hiện)", objectName="criterionReduce")
        self.excess_rate = QLineEdit(objectName="criterionExcessRate")
        self.excess_cap = QLineEdit(objectName="criterionExcessCap")
        for edit in (self.excess_rate, self.excess_cap):
            edit.setMaximumWidth(56)
        self.excess_rate.setToolTip("Ví dụ 1: vượt kế hoạch 1 % thì được thưởng 1 % điểm tối đa.")
        self.excess_cap.setToolTip("Ví dụ 10: thưởng vượt kế hoạch không quá 10 % điểm tối đa.")
        self.plan_box = QGroupBox("Định lượng (thực hiện/kế hoạch)",
                                  objectName="planBox")
        plan = QFormLayout(self.plan_box, rowWrapPolicy=QFormLayout.RowWrapPolicy.WrapAllRows)
        plan.addRow(self.reduce)
        plan.addRow("Thưởng cho mỗi 1 % vượt kế hoạch:",
                    _with_unit(self.excess_rate, "% điểm tối đa"))
        plan.addRow("Thưởng vượt kế hoạch không quá:", _with_unit(self.excess_cap, "% điểm tối đa"))
        self.guidance = QPlainTextEdit(objectName="criterionGuidance")
        self.guidance.setTabChangesFocus(True)
        self.guidance.setPlaceholderText("Cách chấm, hồ sơ minh chứng cần có…")
        self.save_button = QPushButton("Lưu", objectName="saveCriterionButton")
        self.save_button.setToolTip("Lưu nội dung đang sửa (Ctrl+S)")
        self.save_button.clicked.connect(self.saveRequested)
        self.save_action = QAction("Lưu", self, objectName="saveCriterionAction",
                                   shortcut=QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(
            lambda: self.save_button.isEnabled() and self.saveRequested.emit())
        self.addAction(self.save_action)
        self.revert_button = QPushButton("Hoàn lại", objectName="revertCriterionButton")
        self.revert_button.setToolTip("Bỏ những gì vừa gõ, trở lại nội dung đã lưu")
        self.revert_button.clicked.connect(self.revert)
        self.form = QFormLayout()
        self.form.addRow("Mã:", self.code)
        self.form.addRow("Nội dung:", self.title)
        self.form.addRow("Điểm tối đa:", self.max_points)
        self.form.addRow("Loại:", self.kind)
        self.form.addRow("Lớp quyết định:", self.layer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        self.body = QWidget(objectName="criterionForm")  # hidden while nothing is loaded
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self.form)
        inner.addWidget(self.grades_box)
        inner.addWidget(self.plan_box)
        inner.addWidget(QLabel("Hướng dẫn chấm:"))
        inner.addWidget(self.guidance, 1)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)
        self.hint = QLabel("Mỗi lần “Lưu” là một bước hoàn tác được (Ctrl+Z).",
                           objectName="criterionHint", wordWrap=True, styleSheet="color:#555;")
        layout.addWidget(self.hint)
        layout.addStretch(0)
        for signal in (self.code.textEdited, self.max_points.textEdited, self.title.textChanged,
                       self.kind.currentIndexChanged, self.layer.currentIndexChanged,
                       self.reduce.toggled, self.excess_rate.textEdited,
                       self.excess_cap.textEdited, self.guidance.textChanged,
                       self.grades.changed):
            signal.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.grades.refused.connect(self.message.show_message)
        self.clear_node()

    # --- what is shown ---------------------------------------------------------------------------
    def node_id(self) -> int | None:
        """The id of the node being edited (None when adding or empty)."""
        return None if self._base is None or self.is_new else self._base.id

    def load(self, node: Criterion, has_children: bool = False) -> None:
        """Edit an existing node."""
        self.is_new = False
        self._fill(node, f"Sửa “{node.code or node.title[:30]}”")
        self.kind.setEnabled(not has_children)
        self.kind.setToolTip("Có mục con nên phải là nhóm." if has_children else "")

    def start_new(self, base: Criterion, heading: str) -> None:
        """Fill the form for a node to add (its parent, suggested code and maximum)."""
        self.is_new = True
        self._fill(base, heading)
        self.kind.setEnabled(True)
        self.kind.setToolTip("")
        self.dirty = True
        self._sync_buttons()

    def clear_node(self) -> None:
        """Nothing selected: an empty, disabled form."""
        self._base, self.is_new, self.dirty = None, False, False
        self.heading.setText(EMPTY_HINT)
        self.message.clear_message()
        self._set_enabled(False)

    def revert(self) -> None:
        """Go back to the stored values (or the prefilled ones of a new node)."""
        if self._base is not None:
            self._fill(self._base, self.heading.text())
            self.dirty = self.is_new
            self._sync_buttons()

    def _fill(self, node: Criterion, heading: str) -> None:
        self._loading = True
        self._base = node
        self.heading.setText(heading)
        self.message.clear_message()
        self.code.setText(node.code)
        self.title.setPlainText(node.title)
        self.max_points.setText(format_number(node.max_points))
        self.kind.setCurrentIndex(self.kind.findData(node.kind.value))
        self.layer.setCurrentIndex(self.layer.findData(node.layer.value))
        self.grades.set_grades(node.grades)
        self.reduce.setChecked(node.reduce)
        self.excess_rate.setText(format_number(node.excess_rate))
        self.excess_cap.setText(format_number(node.excess_cap * 100))
        self.guidance.setPlainText(node.guidance)
        self._loading, self.dirty = False, False
        self._set_enabled(True)
        self._show_kind()

    def _set_enabled(self, enabled: bool) -> None:
        self.body.setVisible(enabled)
        self.hint.setVisible(not enabled)
        self._sync_buttons()

    def _show_kind(self) -> None:
        kind = NodeKind(self.kind.currentData())
        self.grades_box.setVisible(kind is NodeKind.QUALITATIVE)
        self.plan_box.setVisible(kind is NodeKind.QUANTITATIVE)
        self.form.setRowVisible(self.layer, kind is not NodeKind.GROUP)

    def _edited(self) -> None:
        if not self._loading and self._base is not None:
            self.dirty = True
            self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.save_button.setEnabled(self._base is not None and self.dirty)
        self.revert_button.setEnabled(self._base is not None and self.dirty and not self.is_new)

    # --- what was typed --------------------------------------------------------------------------
    def criterion(self) -> Criterion:
        """The node as typed; a number that is not one raises InputError naming the field."""
        if self._base is None:
            raise ValueError("no node in the editor")
        kind = NodeKind(self.kind.currentData())
        return replace(
            self._base, code=self.code.text(), title=self.title.toPlainText(),
            max_points=as_number(self.max_points.text(), "Điểm tối đa"), kind=kind,
            layer=Layer(self.layer.currentData()),
            grades=self.grades.grades() if kind is NodeKind.QUALITATIVE else (),
            reduce=kind is NodeKind.QUANTITATIVE and self.reduce.isChecked(),
            excess_rate=self._plan_number(self.excess_rate, "Thưởng cho mỗi 1 % vượt kế hoạch",
                                           kind),
            excess_cap=self._plan_number(self.excess_cap, "Thưởng vượt kế hoạch không quá",
                                          kind) / 100,
            guidance=self.guidance.toPlainText())

    @staticmethod
    def _plan_number(edit: QLineEdit, label: str, kind: NodeKind) -> float:
        if kind is not NodeKind.QUANTITATIVE or not edit.text().strip():
            return 0.0
        return as_number(edit.text(), label)

    def show_error(self, text: str) -> None:
        """A refusal, in place; what was typed stays."""
        self.message.show_message(text, "error")

    def show_done(self, text: str) -> None:
        """A short confirmation."""
        self.message.show_message(text, "ok", 4000)

    def focus_title(self) -> None:
        """Put the cursor in the title, ready to type."""
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

"""“Năm mới từ năm trước”: open the next year with the members, officers, table and rules."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from data import units, years
from data.errors import BlocError
from data.lifecycle import proposed_officers, start_year_from
from ui.session import YEARS, Session

NOBODY = "(chưa chọn)"


class NewYearDialog(QDialog):
    """Choose the new year, its head and deputies, and whether to copy the criteria table."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newYearDialog")
        self.setWindowTitle("Năm mới từ năm trước")
        known = [y.year for y in years.all_years(session.db)]
        self.previous = max(known)
        self.year = QSpinBox(objectName="newYear")
        self.year.setRange(self.previous + 1, self.previous + 5)
        self.year.setValue(self.previous + 1)
        members = units.members(session.db, self.previous)
        head, deputies = proposed_officers(session.db, self.previous)
        self.head = self._combo("newHead", members, head)
        self.deputies = [self._combo(f"newDeputy{i + 1}", members,
                                     deputies[i] if i < len(deputies) else None)
                         for i in range(years.MAX_DEPUTIES)]
        self.copy_table = QCheckBox("Sao chép bảng tiêu chí và danh mục điểm trừ",
                                    objectName="copyTable")
        self.copy_table.setChecked(True)
        form = QFormLayout(self)
        form.addRow(QLabel(f"Đơn vị thành viên, quy định và chỉ tiêu khen thưởng được chép từ "
                           f"năm {self.previous}; cờ vi phạm, điểm và đăng ký thì không."))
        form.addRow("Năm mới:", self.year)
        form.addRow("Trưởng khối:", self.head)
        for combo in self.deputies:
            form.addRow("Phó khối:", combo)
        form.addRow("", self.copy_table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tạo năm mới")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _combo(name: str, members: list, chosen: int | None) -> QComboBox:  # type: ignore[type-arg]
        combo = QComboBox(objectName=name)
        combo.addItem(NOBODY, None)
        for unit, _member in members:
            combo.addItem(unit.name, unit.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        return combo

    def officers(self) -> tuple[int | None, tuple[int, ...]]:
        deputies = tuple(c.currentData() for c in self.deputies if c.currentData() is not None)
        return self.head.currentData(), deputies


def ask_new_year(parent: QWidget, session: Session) -> bool:
    """Run the dialog and create the year; True when a year was created (and is now shown)."""
    if not years.all_years(session.db):
        QMessageBox.information(parent, "Năm mới", "Khối chưa có năm nào để sao chép.")
        return False
    dialog = NewYearDialog(session, parent)
    if not dialog.exec():
        return False
    head, deputies = dialog.officers()
    try:
        start_year_from(session.db, dialog.previous, dialog.year.value(), head, deputies,
                        copy_table=dialog.copy_table.isChecked())
    except BlocError as exc:
        QMessageBox.warning(parent, "Không tạo được năm mới", exc.message)
        return False
    session.undo_stack.clear()  # edits made before refer to the old set of years
    session.notify(YEARS)
    session.set_year(dialog.year.value())
    return True

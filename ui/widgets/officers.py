"""The year's Trưởng khối and Phó khối, chosen among the members; saved at once, undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from data import units, years
from data.errors import BlocError
from ui.edits import units as edits
from ui.session import MEMBERS, OFFICERS, UNITS, Session
from ui.widgets.message_bar import MessageBar

NOBODY = "(chưa chọn)"


class OfficersPanel(QGroupBox):
    """Three combos (head, two deputies) over the members of the year the session shows."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officersPanel")
        self.session = session
        self._saving = False
        self.head = self._combo("headCombo", "Đơn vị Trưởng khối: văn bản của Khối ra trên "
                                "tiêu đề của đơn vị này")
        self.deputies = [self._combo(f"deputyCombo{i}", "Đơn vị Phó khối")
                         for i in range(1, years.MAX_DEPUTIES + 1)]
        self.message = MessageBar(self, "officersMessage")
        row = QHBoxLayout()
        for text, combo in (("&Trưởng khối:", self.head),
                            *(("&Phó khối:", c) for c in self.deputies)):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo, 1)
            row.addSpacing(8)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.reload()
        session.changed.connect(self._on_change)
        session.yearChanged.connect(self._on_year)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setToolTip(tip)
        combo.setMinimumContentsLength(16)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(self._chosen)
        return combo

    def combos(self) -> list[QComboBox]:
        """The head's combo, then the deputies'."""
        return [self.head, *self.deputies]

    def reload(self) -> None:
        """Show the officers of the session's year (nothing to choose when it has no year)."""
        year = self.session.year
        self.setTitle(f"Trưởng khối, Phó khối năm {year}" if year else "Trưởng khối, Phó khối")
        members = units.members(self.session.db, year) if year else []
        slots: list[int | None] = [None] * (1 + years.MAX_DEPUTIES)
        if year:
            current = years.officers(self.session.db, year)
            slots[0] = current.head
            slots[1:1 + len(current.deputies)] = current.deputies
        for combo, wanted in zip(self.combos(), slots, strict=True):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOBODY, None)
            for unit, _member in members:
                combo.addItem(unit.name, unit.id)
            combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted is not None else 0)
            combo.setEnabled(bool(members))
            combo.blockSignals(False)

    def _on_year(self, _year: int) -> None:
        self.message.clear_message()
        self.reload()

    def _on_change(self, change: str) -> None:
        if change in (UNITS, MEMBERS, OFFICERS) and not self._saving:
            self.reload()

    def chosen(self) -> tuple[int | None, tuple[int, ...]]:
        """The head and the deputies as the combos show them."""
        deputies = tuple(c.currentData() for c in self.deputies if c.currentData() is not None)
        return self.head.currentData(), deputies

    def _chosen(self, _index: int) -> None:
        head, deputies = self.chosen()
        self._saving = True
        try:
            changed = edits.set_officers(self.session, self.session.year, head, deputies)
        except BlocError as exc:
            self.reload()  # back to what is saved; the reason stays in view
            self.message.show_message(exc.message)
            return
        finally:
            self._saving = False
        if changed:
            self.message.clear_message()
        if deputies and self.deputies[0].currentData() is None:
            self.reload()  # a lone deputy moves up to the first slot, as it is saved

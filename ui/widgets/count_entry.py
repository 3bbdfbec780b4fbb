"""The counting committee's double entry: both entries side by side, each saved on its own;
a refused entry keeps what was typed, its wrong cells in red with the reasons."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from data import ballots
from data.errors import BlocError
from data.meeting_model import BallotRound, CountEntry
from data.vntext import clean, short_date
from ui.edits import ballots as edits
from ui.models.ballot_entries import ENTRIES, BallotEntriesModel, CountTable
from ui.session import Session
from ui.widgets.message_bar import MessageBar

Ask = Callable[[QWidget, str, str, str], bool]  # (parent, title, text, yes): a confirmation


class CountEntryWidget(QWidget):
    """Entry 1 and entry 2 of the selected round, who typed each, save and clear each."""

    saved = Signal(int)  # the entry just stored

    def __init__(self, session: Session, ask: Ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self._ask = session, ask
        self.model = BallotEntriesModel(self)
        self.table = CountTable()
        self.table.setModel(self.model)
        self.message = MessageBar(self, "countMessage")
        self._names: dict[int, str] = {}
        self._committee: list[str] = []
        self.people: dict[int, QComboBox] = {}
        self.save_buttons: dict[int, QPushButton] = {}
        self.clear_buttons: dict[int, QPushButton] = {}
        self.states: dict[int, QLabel] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("Người nhập:"), 0, 0)
        for entry in ENTRIES:
            self._entry_row(grid, entry)
            grid.setColumnStretch(entry, 1)
        self.save_action = QAction("Lưu lần nhập đang gõ", self, objectName="saveCountAction",
                                   shortcut=QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save_current)
        self.addAction(self.save_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(0)
        self.model.dataChanged.connect(lambda *_: self._update_states())
        self.model.modelReset.connect(self._update_states)
        QWidget.setTabOrder(self.table, self.people[1])
        self._update_states()

    def _entry_row(self, grid: QGridLayout, entry: int) -> None:
        """Under each entry's column: who typed it, where it stands, save and clear."""
        person = QComboBox(objectName=f"enteredBy{entry}", editable=True)
        person.setToolTip(f"Thành viên ban kiểm phiếu nhập lần {entry} (không bắt buộc)")
        person.lineEdit().setPlaceholderText("Người nhập (không bắt buộc)")
        person.setMinimumContentsLength(12)
        person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        save = QPushButton(f"Lưu lần nhập {entry}", objectName=f"saveEntry{entry}Button")
        save.setToolTip(f"Kiểm tra và lưu lần nhập {entry} (Ctrl+S khi đang ở cột này)")
        save.clicked.connect(lambda: self.save(entry))
        clear = QPushButton("Xóa", objectName=f"clearEntry{entry}Button")
        clear.setToolTip(f"Xóa lần nhập {entry} để nhập lại (có thể hoàn tác)")
        clear.clicked.connect(lambda: self.clear(entry))
        state = QLabel(objectName=f"entry{entry}State", styleSheet="color:#4b5563;")
        buttons = QHBoxLayout()
        buttons.addWidget(save, 1)
        buttons.addWidget(clear)
        column = entry
        grid.addWidget(person, 0, column)
        grid.addWidget(state, 1, column)
        grid.addLayout(buttons, 2, column)
        self.people[entry], self.save_buttons[entry] = person, save
        self.clear_buttons[entry], self.states[entry] = clear, state

    # --- showing -----------------------------------------------------------------------------
    def set_round(self, ballot: BallotRound | None, names: Mapping[int, str],
                  entries: Sequence[CountEntry] = (), committee: Sequence[str] = ()) -> None:
        """Show a round's entries (unsaved typing for it stays) and who may have typed them."""
        old = self.model.round()
        if old is None or ballot is None or old.id != ballot.id:
            self.message.clear_message()
        self._names, self._committee = dict(names), list(committee)
        self.model.set_round(ballot, names, entries)
        for entry in ENTRIES:
            stored = self.model.entry(entry)
            combo = self.people[entry]
            typed = combo.currentText() if old is not None and ballot is not None \
                and old.id == ballot.id and self.model.is_dirty(entry) else None
            combo.clear()
            combo.addItems(list(committee))
            combo.setEditText(typed if typed is not None else
                              stored.entered_by if stored is not None else "")
        self.setEnabled(ballot is not None)
        self.table.fit_rows()
        self._update_states()

    def refresh(self) -> None:
        """Read the shown round's entries again (after this widget saved or cleared one)."""
        ballot = self.model.round()
        if ballot is not None:
            self.set_round(ballot, self._names, ballots.count_entries(self.session.db, ballot.id),
                           self._committee)

    def _update_states(self) -> None:
        if not isValid(self.states[2]):  # an editor committing while the window is destroyed
            return
        has_round = self.model.round() is not None
        for entry in ENTRIES:
            stored, dirty = self.model.entry(entry), self.model.is_dirty(entry)
            self.save_buttons[entry].setEnabled(has_round and dirty)
            self.clear_buttons[entry].setEnabled(has_round and (dirty or stored is not None))
            self.states[entry].setText(self._state(stored, dirty))

    @staticmethod
    def _state(stored: CountEntry | None, dirty: bool) -> str:
        if dirty:
            return "<i>có số chưa lưu</i>"
        if stored is None:
            return "chưa nhập"
        try:
            at = datetime.datetime.fromisoformat(stored.entered_at)
            when = f"{at:%H:%M} ngày {short_date(at.date())}"
        except ValueError:
            when = stored.entered_at
        return f"đã lưu lúc {when}"

    # --- editing -----------------------------------------------------------------------------
    def save_current(self) -> bool:
        """Save the entry whose column has the cursor (or the one with unsaved typing)."""
        self.table.commit_editing()
        column = self.table.currentIndex().column()
        entry = column + 1 if column in (0, 1) else next(
            (e for e in ENTRIES if self.model.is_dirty(e)), 1)
        return self.save(entry)

    def save(self, entry: int) -> bool:
        """Check and store one entry; on a refusal mark the cells and keep the typing."""
        ballot = self.model.round()
        self.table.commit_editing()
        if ballot is None:
            return False
        counts, votes = self.model.values(entry)
        person = clean(self.people[entry].currentText()) or None
        try:
            problems = edits.save_count(self.session, ballot.id, entry, counts, votes, person)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return False
        if problems:
            self.model.set_problems(entry, problems)
            self.message.show_message(
                f"Lần nhập {entry} chưa được lưu; hãy sửa các ô tô đỏ:\n"
                + "\n".join(f"• {p.message}" for p in problems))
            first = next(r for r in range(self.model.rowCount())
                         if self.model.problem(r, entry))
            self.table.setCurrentIndex(self.model.index(first, entry - 1))
            self.table.setFocus()
            return False
        self.model.discard(entry)
        self.refresh()
        self._after_save(entry)
        self.saved.emit(entry)
        return True

    def _after_save(self, entry: int) -> None:
        other = 3 - entry
        if self.model.entry(other) is None:
            self.message.show_message(
                f"Đã lưu lần nhập {entry}. Người thứ hai nhập lần {other} từ biên bản kiểm "
                "phiếu để đối chiếu (hoàn tác: Ctrl+Z).", "ok")
        elif self.model.mismatched_rows():
            self.message.show_message(
                f"Đã lưu lần nhập {entry}, nhưng hai lần nhập lệch ở "
                f"{len(self.model.mismatched_rows())} dòng tô vàng: đối chiếu lại phiếu và sửa "
                "lần nhập sai.", "info")
        else:
            self.message.show_message(f"Đã lưu lần nhập {entry}: hai lần nhập khớp nhau, kết "
                                      "quả đã được tính (hoàn tác: Ctrl+Z).", "ok")

    def clear(self, entry: int) -> bool:
        """After confirmation, remove an entry (stored or only typed) to type it again."""
        ballot = self.model.round()
        self.table.commit_editing()
        if ballot is None:
            return False
        stored = self.model.entry(entry) is not None
        if not self._ask(self, f"Xóa lần nhập {entry}",
                       f"Xóa các số của lần nhập {entry} để nhập lại?"
                       + ("\n\nCó thể hoàn tác (Ctrl+Z)." if stored else ""), "Xóa"):
            return False
        self.model.discard(entry)
        if stored:
            try:
                edits.clear_count(self.session, ballot.id, entry)
            except BlocError as exc:
                self.message.show_message(exc.message)
                return False
            self.message.show_message(f"Đã xóa lần nhập {entry} (hoàn tác: Ctrl+Z).", "ok")
        else:
            self.message.clear_message()
        self.refresh()
        return True

"""Next year's head and deputies: how each was chosen, a decision without a ballot, and applying
them to the next year once it exists."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data import lifecycle, units, years
from data.errors import BlocError
from data.lifecycle import NextOfficers, OfficerBasis
from data.meeting_model import MeetingKind
from data.meetings import find_meeting
from ui.edits import ballots as edits
from ui.session import BALLOTS, MEETING, MEMBERS, OFFICERS, UNITS, YEARS, Session
from ui.widgets.message_bar import MessageBar

BY_BALLOT = "(theo kết quả bầu)"
_WATCHED = {BALLOTS, MEETING, MEMBERS, OFFICERS, UNITS, YEARS}


def basis_phrase(basis: OfficerBasis, year: int) -> str:
    """How an officer was chosen, inside a sentence."""
    if basis is OfficerBasis.CURRENT:
        return f"giữ như năm {year} (chưa có kết quả bầu)"
    if basis is OfficerBasis.OFFICERS:  # titles keep their capitals
        return basis.label
    return basis.label[:1].lower() + basis.label[1:]


class NextOfficersPanel(QGroupBox):
    """Shows `next_officers` of the session's year; records a rotation or the officers'
    decision (`replace_decisions`); applies the result to the next year (undoable)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextOfficersPanel")
        self.session = session
        self.summary = QLabel(objectName="nextOfficersSummary", wordWrap=True)
        self.apply_button = QPushButton(objectName="applyOfficersButton")
        self.apply_button.clicked.connect(self.apply)
        self.apply_note = QLabel(objectName="applyOfficersNote", wordWrap=True)
        self.apply_note.setStyleSheet("color:#4b5563;")
        self.toggle = QPushButton("Ghi luân phiên / quyết định…", objectName="decideToggle",
                                  checkable=True)
        self.toggle.setToolTip("Ghi Trưởng khối, Phó khối được thống nhất luân phiên, hoặc do "
                               "Trưởng khối và các Phó khối quyết định sau vòng bỏ phiếu cuối")
        self.editor = QWidget(objectName="decisionEditor")
        self.head = self._combo("decisionHead")
        self.deputies = [self._combo(f"decisionDeputy{i}")
                         for i in range(1, years.MAX_DEPUTIES + 1)]
        self.basis = QComboBox(objectName="decisionBasis")
        for basis in (OfficerBasis.ROTATION, OfficerBasis.OFFICERS):
            self.basis.addItem(basis.label, basis)
        self.note = QLineEdit(objectName="decisionNote")
        self.note.setPlaceholderText("Căn cứ, ví dụ: luân phiên theo Quy chế hoạt động của Khối")
        self.decide_button = QPushButton("Ghi quyết định", objectName="decideOfficersButton")
        self.decide_button.clicked.connect(self.decide)
        self.message = MessageBar(self, "nextOfficersMessage")
        self._lay_out()
        self.toggle.toggled.connect(self.editor.setVisible)
        self.editor.setVisible(False)
        session.changed.connect(lambda change: change in _WATCHED and self.reload())
        session.yearChanged.connect(lambda _year: self.reload(fresh=True))
        self.reload(fresh=True)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _lay_out(self) -> None:
        grid = QGridLayout(self.editor)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("Trưởng khối:"), 0, 0)
        grid.addWidget(self.head, 0, 1)
        grid.addWidget(QLabel("Phó khối:"), 0, 2)
        grid.addWidget(self.deputies[0], 0, 3)
        grid.addWidget(self.deputies[1], 0, 4)
        grid.addWidget(QLabel("Cách chọn:"), 1, 0)
        grid.addWidget(self.basis, 1, 1)
        grid.addWidget(QLabel("Căn cứ:"), 1, 2)
        grid.addWidget(self.note, 1, 3, 1, 2)
        grid.addWidget(self.decide_button, 1, 5)
        for column in (1, 3, 4):
            grid.setColumnStretch(column, 1)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        side = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addWidget(self.apply_button)
        side.addLayout(row)
        side.addWidget(self.apply_note)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)

    # --- showing -----------------------------------------------------------------------------
    def proposal(self) -> NextOfficers | None:
        """Next year's officers as the data layer proposes them (None without a year)."""
        year = self.session.year
        return lifecycle.next_officers(self.session.db, year) if year else None

    def reload(self, fresh: bool = False) -> None:
        """Show the proposal, the recorded decision and whether the next year can take it."""
        db, year = self.session.db, self.session.year
        if fresh:
            self.message.clear_message()
        self.setTitle(f"Trưởng khối, Phó khối năm {year + 1}" if year else "Trưởng khối, Phó khối")
        proposal = self.proposal()
        if proposal is None:
            self.summary.setText("")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        names = {unit.id: unit.name for unit in units.all_units(db)}
        head = names.get(proposal.head or 0, "chưa có")
        deputies = "; ".join(names[d] for d in proposal.deputies) or "chưa có"
        self.summary.setText(
            f"Trưởng khối: <b>{head}</b> — {basis_phrase(proposal.head_basis, year)}<br>"
            f"Phó khối: <b>{deputies}</b> — {basis_phrase(proposal.deputy_basis, year)}")
        self._fill_editor(year)
        self._update_apply(proposal, names)

    def _fill_editor(self, year: int) -> None:
        db = self.session.db
        has_meeting = find_meeting(db, year, MeetingKind.YEAR_END) is not None
        decided = lifecycle.decisions(db, year)
        members = units.members(db, year)
        wanted = [decided.head, *decided.deputies, None, None]
        for combo, chosen in zip([self.head, *self.deputies], wanted, strict=False):
            combo.clear()
            combo.addItem(BY_BALLOT, None)
            for unit, _member in members:
                combo.addItem(unit.name, unit.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        self.basis.setCurrentIndex(max(0, self.basis.findData(decided.basis)))
        self.note.setText(decided.note)
        self.toggle.setEnabled(has_meeting)
        self.toggle.setToolTip("" if has_meeting else
                               f"Năm {year} chưa có hội nghị tổng kết để ghi quyết định.")
        if decided.head or decided.deputies:
            self.toggle.setChecked(True)

    def _update_apply(self, proposal: NextOfficers, names: dict[int, str]) -> None:
        target = proposal.year
        self.apply_button.setText(f"Áp dụng cho năm {target}")
        known = {y.year for y in years.all_years(self.session.db)}
        if target not in known:
            self.apply_button.setEnabled(False)
            self.apply_note.setText(f"Năm {target} chưa có trong tệp: khi tạo năm mới (menu "
                                    "Năm), Trưởng khối, Phó khối trên được điền sẵn.")
            return
        current = years.officers(self.session.db, target)
        same = (current.head, current.deputies) == (proposal.head, proposal.deputies)
        undecided = proposal.head_basis is proposal.deputy_basis is OfficerBasis.CURRENT
        self.apply_button.setEnabled(not same and not undecided)
        if same:
            self.apply_note.setText(f"Năm {target} đã ghi đúng Trưởng khối, Phó khối này.")
        elif undecided:
            self.apply_note.setText(f"Chưa có kết quả bầu hay quyết định nào để áp dụng cho năm "
                                    f"{target}.")
        else:
            deputies = "; ".join(names[d] for d in current.deputies) or "chưa có"
            self.apply_note.setText(f"Năm {target} đang ghi: Trưởng khối "
                                    f"{names.get(current.head or 0, 'chưa có')}; Phó khối "
                                    f"{deputies}.")

    # --- editing -----------------------------------------------------------------------------
    def decide(self) -> bool:
        """Record the head and deputies chosen in the editor (or none: ballots decide)."""
        year = self.session.year
        head = self.head.currentData()
        deputies = [c.currentData() for c in self.deputies if c.currentData() is not None]
        basis = OfficerBasis(self.basis.currentData())
        try:
            changed = edits.decide_officers(self.session, year, head, deputies, basis,
                                            self.note.text())
        except BlocError as exc:
            self.message.show_message(exc.message)
            return False
        if changed:
            self.message.show_message(f"Đã ghi Trưởng khối, Phó khối năm {year + 1} "
                                      "(hoàn tác: Ctrl+Z).", "ok")
        return changed

    def apply(self) -> bool:
        """Set the proposal as the next year's head and deputies."""
        year = self.session.year
        try:
            edits.apply_officers(self.session, year)
        except BlocError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message(f"Đã áp dụng Trưởng khối, Phó khối cho năm {year + 1} "
                                  "(hoàn tác: Ctrl+Z).", "ok")
        return True

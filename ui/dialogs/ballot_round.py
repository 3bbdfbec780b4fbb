"""The round dialog: what a round decides, its candidates (proposed from the ranking within the
quota, blocked units refused with the reason), choices per ballot and seats."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from data.candidates import ELIGIBILITY_SOURCE, block_reasons
from data.errors import BlocError
from data.meeting_model import BallotRound, Purpose
from data.rule_checker import GOVERNMENT_FLAG
from ui.edits import ballots as edits
from ui.edits.ballots import RoundDraft
from ui.models.ballot_rounds import RoundCandidatesModel, RoundSetup, round_setup
from ui.models.round_results import purpose_title
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.message_bar import MessageBar

SaveRound = Callable[[RoundDraft], object]  # does the edit; a BlocError keeps the dialog open


class BallotRoundDialog(QDialog):
    """Purpose, candidates in ballot order, choices per ballot, seats and a note."""

    def __init__(self, setup: RoundSetup, save: SaveRound, ballot: BallotRound | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotRoundDialog")
        self.setMinimumWidth(760)
        self.setup, self._save, self.ballot = setup, save, ballot
        y = setup.year
        self.setWindowTitle(f"Sửa vòng {ballot.round_no} bỏ phiếu" if ballot
                            else f"Vòng bỏ phiếu mới — hội nghị tổng kết năm {y}")
        self.purpose = QComboBox(objectName="roundPurpose")
        self._purposes: list[tuple[Purpose, int | None]] = []
        for form in setup.forms:
            quota = setup.quotas.get(form.id)
            self.purpose.addItem(f"{form.name} — " + (f"chỉ tiêu {quota.count}" if quota
                                                      else "chưa có chỉ tiêu"))
            self._purposes.append((Purpose.AWARD, form.id))
        for purpose in (Purpose.HEAD, Purpose.DEPUTY):
            self.purpose.addItem(purpose_title(purpose, y))
            self._purposes.append((purpose, None))
        self.round_no = QLabel(objectName="roundNumber")
        self.info = QLabel(objectName="roundPlanInfo", wordWrap=True)
        self.excluded = QLabel(objectName="roundExcluded", wordWrap=True)
        self.excluded.setStyleSheet("color:#9a3412;")
        self.candidates = RoundCandidatesModel()
        self.list = QListView(objectName="roundCandidates")
        self.list.setModel(self.candidates)
        self.list.setMaximumHeight(8 * self.list.fontMetrics().height() + 12)
        self.add_combo = QComboBox(objectName="addCandidateCombo")
        self.add_button = QPushButton("Thêm vào danh sách", objectName="addCandidateButton")
        self.remove_button = QPushButton("Bỏ khỏi danh sách", objectName="removeCandidateButton")
        self.up_button = QPushButton("Lên", objectName="candidateUpButton")
        self.down_button = QPushButton("Xuống", objectName="candidateDownButton")
        self.seats = QSpinBox(objectName="roundSeats", minimum=1, maximum=99)
        self.choices = QSpinBox(objectName="roundChoices", minimum=1, maximum=99)
        self.note = QLineEdit(objectName="roundNote")
        self.note.setPlaceholderText("Ghi chú (không bắt buộc)")
        self.message = MessageBar(self, "roundDialogMessage")
        self._last_seats = 1
        self._lay_out()
        self._connect()
        if ballot is None:
            self.purpose.setCurrentIndex(self._suggested())
            self._prefill()
        else:
            self._show_round(ballot)

    # --- building ------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        top = QFormLayout()
        top.addRow("&Nội dung bỏ phiếu:", self.purpose)
        facts = QFrame(objectName="roundFacts", styleSheet="QFrame#roundFacts { background:"
                       "#f4f6f8; border:1px solid #d8dde3; border-radius:3px; }")
        box = QVBoxLayout(facts)
        for label in (self.round_no, self.info, self.excluded):
            box.addWidget(label)
        self.round_no.setStyleSheet("font-weight:600;")
        form = QFormLayout()
        tools = QGridLayout()
        tools.addWidget(self.add_combo, 0, 0, 1, 3)
        tools.addWidget(self.add_button, 0, 3)
        tools.addWidget(self.up_button, 1, 0)
        tools.addWidget(self.down_button, 1, 1)
        tools.addWidget(self.remove_button, 1, 3)
        tools.setColumnStretch(2, 1)
        column = QVBoxLayout()
        column.addWidget(self.list)
        column.addLayout(tools)
        form.addRow("Danh sách bầu:", column)
        form.addRow("Số cần &chọn (chỉ tiêu):", self.seats)
        form.addRow("Số đơn vị được chọn trên &mỗi phiếu:", self.choices)
        form.addRow("&Ghi chú:", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("roundDialogOk")
        self.ok_button.setText("Lưu" if self.ballot else "Tạo vòng bỏ phiếu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(facts)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.purpose.currentIndexChanged.connect(lambda _i: self._prefill())
        self.add_button.clicked.connect(self.add_candidate)
        self.remove_button.clicked.connect(self.remove_candidate)
        self.up_button.clicked.connect(lambda: self.move_candidate(-1))
        self.down_button.clicked.connect(lambda: self.move_candidate(1))
        self.seats.valueChanged.connect(self._seats_changed)
        for keys, slot in (("Delete", self.remove_candidate),
                           ("Ctrl+Up", lambda: self.move_candidate(-1)),
                           ("Ctrl+Down", lambda: self.move_candidate(1))):
            action = QAction(self.list, shortcut=QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)

    def _suggested(self) -> int:
        """The first purpose with no round yet (the Government flag is chosen upstream)."""
        codes = {f.id: f.code for f in self.setup.forms}
        for index, (purpose, form_id) in enumerate(self._purposes):
            quota = self.setup.quotas.get(form_id) if form_id else None
            if purpose is Purpose.AWARD and (not quota or codes[form_id] == GOVERNMENT_FLAG):
                continue
            if not self.setup.done(purpose, form_id):
                return index
        return 0

    # --- showing -------------------------------------------------------------------------------
    def chosen(self) -> tuple[Purpose, int | None]:
        """The purpose and award form chosen."""
        return self._purposes[max(0, self.purpose.currentIndex())]

    def _prefill(self) -> None:
        """Candidates, seats and choices proposed for the chosen purpose."""
        purpose, form_id = self.chosen()
        plan = next((p for p in self.setup.plan.forms if p.form.id == form_id), None)
        ids = [c.unit_id for c in plan.candidates] if plan else []
        quota = self.setup.quotas.get(form_id) if form_id else None
        seats = quota.count if quota and quota.count else max(1, len(ids))
        self.candidates.set_items([self.setup.item(u) for u in ids])
        self.seats.setValue(seats)
        self.choices.setValue(seats)
        self._describe(purpose, form_id)

    def _show_round(self, ballot: BallotRound) -> None:
        self.purpose.setCurrentIndex(self._purposes.index((ballot.purpose,
                                                           ballot.award_form_id)))
        self.purpose.setEnabled(False)
        self.candidates.set_items([self.setup.item(u) for u in ballot.candidates])
        self.seats.setValue(ballot.seats)
        self.choices.setValue(ballot.choices)
        self.note.setText(ballot.note)
        self._describe(ballot.purpose, ballot.award_form_id)

    def _describe(self, purpose: Purpose, form_id: int | None) -> None:
        self.round_no.setText(f"Vòng {self.ballot.round_no}" if self.ballot
                              else self.setup.round_text(purpose, form_id))
        self.info.setText(self.setup.plan_text(purpose, form_id))
        self.excluded.setText(self.setup.excluded_text() if purpose is Purpose.AWARD else "")
        self.excluded.setVisible(bool(self.excluded.text()))
        self._fill_add_combo()

    def _fill_add_combo(self) -> None:
        purpose, _form = self.chosen()
        listed = set(self.candidates.ids())
        self.add_combo.clear()
        for unit, member in self.setup.members:
            if unit.id in listed:
                continue
            late = " — không được đề nghị khen thưởng" if member.blocked and \
                purpose is Purpose.AWARD else ""
            self.add_combo.addItem(unit.name + late, unit.id)
        self.add_button.setEnabled(self.add_combo.count() > 0)

    def _seats_changed(self, value: int) -> None:
        if self.choices.value() == self._last_seats:  # kept equal unless changed on purpose
            self.choices.setValue(value)
        self._last_seats = value

    # --- editing the list ----------------------------------------------------------------------
    def add_candidate(self) -> bool:
        """Add the unit chosen in the combo; a blocked unit is refused with the reason."""
        unit_id = self.add_combo.currentData()
        if unit_id is None:
            return False
        unit, member = next((u, m) for u, m in self.setup.members if u.id == unit_id)
        purpose, _form = self.chosen()
        if purpose is Purpose.AWARD and member.blocked:
            note = f" ({member.eligibility_note})" if member.eligibility_note else ""
            self.message.show_message(
                f"“{unit.name}” không được đề nghị khen thưởng: "
                f"{'; '.join(block_reasons(member)).lower()}{note} ({ELIGIBILITY_SOURCE}).")
            return False
        row = self.candidates.add(self.setup.item(unit_id))
        self.list.setCurrentIndex(self.candidates.index(row))
        self.message.clear_message()
        self._fill_add_combo()
        return True

    def remove_candidate(self) -> bool:
        """Take the selected unit off the list."""
        row = self.list.currentIndex().row()
        if row < 0:
            return False
        self.candidates.remove(row)
        if self.candidates.rowCount():
            self.list.setCurrentIndex(self.candidates.index(min(row, self.candidates.rowCount()
                                                                - 1)))
        self._fill_add_combo()
        return True

    def move_candidate(self, delta: int) -> None:
        """Move the selected unit up or down the ballot."""
        row = self.list.currentIndex().row()
        if row >= 0:
            self.list.setCurrentIndex(self.candidates.index(self.candidates.move(row, delta)))

    def draft(self) -> RoundDraft:
        """What the dialog holds."""
        purpose, form_id = self.chosen()
        return RoundDraft(purpose, form_id, self.candidates.ids(), self.choices.value(),
                          self.seats.value(), self.note.text())

    def accept(self) -> None:
        """Save; on a refusal show the reason here and keep everything chosen."""
        try:
            self._save(self.draft())
        except BlocError as exc:
            self.message.show_message(exc.message)
            return
        super().accept()


def ask_new_round(parent: QWidget | None, session: Session, meeting_id: int
                  ) -> BallotRound | None:
    """Ask for a new round of the meeting and add it; None when cancelled."""
    made: list[BallotRound] = []
    setup = round_setup(session.db, session.year, meeting_id, session.board())

    def save(draft: RoundDraft) -> None:
        made.append(edits.add_round(session, meeting_id, draft))

    return made[0] if run_dialog(BallotRoundDialog(setup, save, parent=parent)) else None


def ask_edit_round(parent: QWidget | None, session: Session, ballot: BallotRound) -> bool:
    """Edit a round's candidates, seats, choices and note; True when something was saved."""
    changed: list[bool] = []
    setup = round_setup(session.db, session.year, ballot.meeting_id, session.board())

    def save(draft: RoundDraft) -> None:
        changed.append(edits.update_round(session, ballot.id, draft))

    return run_dialog(BallotRoundDialog(setup, save, ballot, parent)) and changed[0]

"""The nomination dialog: put a unit on the list by hand; refusals shown inside, nothing lost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from data import awards, nominations, units
from data.candidates import ELIGIBILITY_SOURCE, block_reasons
from data.db import Database
from data.errors import BlocError
from data.meeting_model import Nomination
from ui.edits import nominations as edits
from ui.edits.nominations import NominationDraft
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.message_bar import MessageBar

SaveNomination = Callable[[NominationDraft], object]  # a BlocError keeps the dialog open


@dataclass(frozen=True)
class UnitChoice:
    """A member unit offered in the dialog, with what blocks it from being proposed."""

    unit_id: int
    name: str
    blocks: tuple[str, ...] = ()
    note: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} — vướng điều kiện khen thưởng" if self.blocks else self.name


@dataclass(frozen=True)
class FormChoice:
    """An award form offered in the dialog, with the year's quota and how many are listed."""

    form_id: int
    name: str
    quota: int | None = None
    listed: int = 0

    @property
    def hint(self) -> str:
        """The quota line under the form."""
        if self.quota is None:
            return f"Không có chỉ tiêu cho hình thức này; đã đề nghị {self.listed}."
        left = self.quota - self.listed
        state = f"còn {left}" if left > 0 else "đã đủ chỉ tiêu"
        return f"Chỉ tiêu {self.quota}, đã đề nghị {self.listed}: {state}."


def choices(db: Database, year: int) -> tuple[list[UnitChoice], list[FormChoice]]:
    """The year's members (Vietnamese order) and the active award forms (catalogue order)."""
    member_choices = [UnitChoice(u.id, u.name, block_reasons(m), m.eligibility_note)
                      for u, m in units.members(db, year)]
    quotas = {q.award_form_id: q.count for q in awards.quotas(db, year)}
    listed = Counter(n.award_form_id for n in nominations.nominations(db, year))
    form_choices = [FormChoice(f.id, f.name, quotas.get(f.id), listed[f.id])
                    for f in awards.award_forms(db, active_only=True)]
    return member_choices, form_choices


class NominationDialog(QDialog):
    """Unit, award form, achievement summary and note; saved on OK, refusals shown inside."""

    def __init__(self, year: int, unit_choices: Sequence[UnitChoice],
                 form_choices: Sequence[FormChoice], save: SaveNomination,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nominationDialog")
        self.setWindowTitle(f"Thêm đề nghị khen thưởng năm {year}")
        self.setMinimumWidth(620)
        self._save = save
        self._units, self._forms = list(unit_choices), list(form_choices)
        self.unit = QComboBox(objectName="nominationUnit")
        for choice in self._units:
            self.unit.addItem(choice.label, choice.unit_id)
        self.unit_hint = QLabel(objectName="nominationUnitHint", wordWrap=True)
        self.unit_hint.setStyleSheet("color:#9a3412;")
        self.form = QComboBox(objectName="nominationForm")
        for choice in self._forms:
            self.form.addItem(choice.name, choice.form_id)
        self.form_hint = QLabel(objectName="nominationFormHint", wordWrap=True)
        self.form_hint.setStyleSheet("color:#555;")
        self.achievements = QPlainTextEdit(objectName="nominationAchievements")
        self.achievements.setTabChangesFocus(True)
        self.achievements.setPlaceholderText("Tóm tắt thành tích (có thể ghi sau, ở khung bên "
                                             "phải danh sách)")
        self.achievements.setFixedHeight(110)
        self.note = QLineEdit(objectName="nominationNote")
        self.message = MessageBar(self, "nominationMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("nominationOk")
        self.ok_button.setText("Thêm vào danh sách")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        fields = QFormLayout()
        fields.addRow("&Đơn vị:", self.unit)
        fields.addRow("", self.unit_hint)
        fields.addRow("&Hình thức đề nghị:", self.form)
        fields.addRow("", self.form_hint)
        fields.addRow("&Tóm tắt thành tích:", self.achievements)
        fields.addRow("&Ghi chú:", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.form.currentIndexChanged.connect(self._form_changed)
        self._unit_changed(self.unit.currentIndex())
        self._form_changed(self.form.currentIndex())
        self.unit.setFocus()

    def _unit_changed(self, index: int) -> None:
        choice = self._units[index] if 0 <= index < len(self._units) else None
        text = ""
        if choice is not None and choice.blocks:
            note = f" ({choice.note})" if choice.note else ""
            text = (f"Đơn vị này {'; '.join(choice.blocks).lower()}{note}: không được đề nghị "
                    f"khen thưởng ({ELIGIBILITY_SOURCE}).")
        self.unit_hint.setText(text)
        self.unit_hint.setVisible(bool(text))

    def _form_changed(self, index: int) -> None:
        choice = self._forms[index] if 0 <= index < len(self._forms) else None
        self.form_hint.setText(choice.hint if choice is not None else "")
        self.form_hint.setVisible(choice is not None)

    def select_unit(self, unit_id: int) -> None:
        """Choose a unit in the list (as a click would)."""
        self.unit.setCurrentIndex(self.unit.findData(unit_id))

    def select_form(self, form_id: int) -> None:
        """Choose an award form in the list (as a click would)."""
        self.form.setCurrentIndex(self.form.findData(form_id))

    def draft(self) -> NominationDraft:
        """What the user chose and typed (normalised by the repository when saved)."""
        return NominationDraft(int(self.unit.currentData()), int(self.form.currentData()),
                               self.achievements.toPlainText(), self.note.text())

    def accept(self) -> None:
        """Save; on a refusal show the reason here and keep everything typed."""
        if self.unit.currentIndex() < 0 or self.form.currentIndex() < 0:
            self.message.show_message("Hãy chọn đơn vị và hình thức khen thưởng.")
            return
        try:
            self._save(self.draft())
        except BlocError as exc:
            self.message.show_message(exc.message)
            self.unit.setFocus()
            return
        super().accept()


def ask_new_nomination(parent: QWidget | None, session: Session, year: int
                       ) -> Nomination | None:
    """Ask for a unit and an award form and put it on the list; None when cancelled."""
    added: list[Nomination] = []

    def save(draft: NominationDraft) -> None:
        added.append(edits.add_nomination(session, year, draft))

    unit_choices, form_choices = choices(session.db, year)
    dialog = NominationDialog(year, unit_choices, form_choices, save, parent)
    return added[0] if run_dialog(dialog) else None

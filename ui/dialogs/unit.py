"""The unit dialog: add, edit or re-add a member unit; refusals shown inside, nothing typed lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from data import units
from data.db import Database
from data.errors import BlocError
from data.model import Membership, Unit
from ui.edits import units as edits
from ui.edits.units import UnitDraft
from ui.models.units import BLOCKS
from ui.prompts import run_dialog
from ui.session import Session
from ui.widgets.message_bar import MessageBar

# save(draft, unit_id): does the edit (unit_id is None when adding); a BlocError keeps it open.
SaveUnit = Callable[[UnitDraft, int | None], object]
_FLAG_NAMES = {"discipline": "blockDiscipline", "investigation": "blockInvestigation",
               "complaint": "blockComplaint"}


@dataclass(frozen=True)
class FormerUnit:
    """A unit of the bloc that is not a member of the year shown, with its latest membership."""

    unit: Unit
    latest: Membership | None

    @property
    def label(self) -> str:
        """How the unit is offered in the list."""
        if self.latest is None:
            return f"{self.unit.name} — chưa là thành viên năm nào"
        return f"{self.unit.name} — thành viên gần nhất năm {self.latest.year}"


class UnitDialog(QDialog):
    """Legal name, short name, code, and the year's head, women-share flag and eligibility."""

    def __init__(self, title: str, year: int, save: SaveUnit, draft: UnitDraft | None = None,
                 unit_id: int | None = None, former: Sequence[FormerUnit] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._save, self._unit_id, self._former = save, unit_id, list(former)
        draft = draft or UnitDraft()
        self.message = MessageBar(self, "unitDialogMessage")
        self.former_combo = QComboBox(objectName="formerUnit")
        for item in self._former:
            self.former_combo.addItem(item.label, item.unit.id)
        self.name = self._line("unitName", draft.name, "Tên đầy đủ, đúng như in trên văn bản")
        self.short_name = self._line("unitShortName", draft.short_name, "Ví dụ: TAND tỉnh")
        self.code = self._line("unitCode", draft.code, "Ví dụ: TAND")
        self.head_name = self._line("headName", draft.head_name, "Họ và tên")
        self.head_title = self._line("headTitle", draft.head_title, "Ví dụ: Giám đốc, Chánh án")
        self.women = QCheckBox("Tập thể có từ 70 % nữ trở lên (được ưu tiên khi bằng điểm)",
                               objectName="women70")
        self.women.setChecked(draft.women_70)
        self.flags: dict[str, QCheckBox] = {}
        for field, _short, text in BLOCKS:
            box = QCheckBox(text, objectName=_FLAG_NAMES[field])
            box.setChecked(bool(getattr(draft, field)))
            self.flags[field] = box
        self.note = self._line("eligibilityNote", draft.eligibility_note,
                               "Số quyết định, ngày, nội dung vụ việc…")
        self._lay_out(year)
        if self._former:
            self.former_combo.currentIndexChanged.connect(self._former_chosen)
            self._former_chosen(0)

    @staticmethod
    def _line(name: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text, objectName=name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _lay_out(self, year: int) -> None:
        unit_box = QGroupBox("Đơn vị (dùng chung cho mọi năm)")
        unit_form = QFormLayout(unit_box)
        if self._former:
            unit_form.addRow("Đơn vị &cũ:", self.former_combo)
            for edit in (self.name, self.short_name, self.code):
                edit.setReadOnly(True)
        unit_form.addRow("&Tên đơn vị (*):", self.name)
        unit_form.addRow("Tên &viết tắt:", self.short_name)
        unit_form.addRow("&Mã (trong số văn bản):", self.code)
        year_box = QGroupBox(f"Năm {year}")
        year_form = QFormLayout(year_box)
        year_form.addRow("T&hủ trưởng:", self.head_name)
        year_form.addRow("&Chức vụ:", self.head_title)
        year_form.addRow("", self.women)
        year_form.addRow(QLabel("Vướng điều kiện khen thưởng (không được đề nghị khen thưởng):"))
        for box in self.flags.values():
            year_form.addRow("", box)
        year_form.addRow("&Ghi chú:", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel,
                                   objectName="unitDialogButtons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("unitDialogOk")
        self.ok_button.setText("Lưu" if self._unit_id is not None else "Thêm vào khối")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(unit_box)
        layout.addWidget(year_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        first = self.former_combo if self._former else self.name
        first.setFocus()

    def _former_chosen(self, index: int) -> None:
        if not 0 <= index < len(self._former):
            return
        item = self._former[index]
        self.name.setText(item.unit.name)
        self.short_name.setText(item.unit.short_name)
        self.code.setText(item.unit.code)
        latest = item.latest
        self.head_name.setText(latest.head_name if latest else "")
        self.head_title.setText(latest.head_title if latest else "")
        self.women.setChecked(latest.women_70 if latest else False)
        self.message.clear_message()

    def draft(self) -> UnitDraft:
        """What the user typed (normalised by the repository when saved)."""
        flags = {field: box.isChecked() for field, box in self.flags.items()}
        return UnitDraft(self.name.text(), self.short_name.text(), self.code.text(),
                         self.head_name.text(), self.head_title.text(), self.women.isChecked(),
                         eligibility_note=self.note.text(), **flags)

    def unit_id(self) -> int | None:
        """The unit being edited or re-added; None when adding a new one."""
        if self._former:
            return int(self.former_combo.currentData())
        return self._unit_id

    def accept(self) -> None:
        """Save; on a refusal show the reason here and keep everything typed."""
        try:
            self._save(self.draft(), self.unit_id())
        except BlocError as exc:
            self.message.show_message(exc.message)
            if not self._former:
                self.name.setFocus()
            return
        super().accept()


def former_units(db: Database, year: int) -> list[FormerUnit]:
    """The bloc's units that are not members of `year`, in Vietnamese order."""
    present = {unit.id for unit, _member in units.members(db, year)}
    return [FormerUnit(u, units.latest_membership(db, u.id))
            for u in units.all_units(db) if u.id not in present]


def ask_new_unit(parent: QWidget | None, session: Session, year: int) -> Unit | None:
    """Ask for a new unit and add it as a member of `year`; None when cancelled."""
    added: list[Unit] = []

    def save(draft: UnitDraft, _unit_id: int | None) -> None:
        added.append(edits.add_unit(session, year, draft))

    dialog = UnitDialog(f"Thêm đơn vị vào khối năm {year}", year, save, parent=parent)
    return added[0] if run_dialog(dialog) else None


def ask_former_unit(parent: QWidget | None, session: Session, year: int,
                    former: Sequence[FormerUnit]) -> Unit | None:
    """Ask which former unit comes back in `year`, and with which facts; None when cancelled."""
    chosen: list[int] = []

    def save(draft: UnitDraft, unit_id: int | None) -> None:
        assert unit_id is not None
        edits.rejoin_unit(session, year, unit_id, draft)
        chosen.append(unit_id)

    dialog = UnitDialog(f"Thêm lại đơn vị cũ vào khối năm {year}", year, save, former=former,
                        parent=parent)
    return units.get_unit(session.db, chosen[0]) if run_dialog(dialog) else None


def ask_edit_unit(parent: QWidget | None, session: Session, year: int, unit: Unit,
                  member: Membership) -> bool:
    """Edit a unit's names and its facts for `year`; True when something was saved."""
    changed: list[bool] = []

    def save(draft: UnitDraft, _unit_id: int | None) -> None:
        changed.append(edits.edit_unit(session, year, unit.id, draft))

    dialog = UnitDialog(f"Sửa đơn vị — năm {year}", year, save, UnitDraft.of(unit, member),
                        unit.id, parent=parent)
    return run_dialog(dialog) and changed[0]

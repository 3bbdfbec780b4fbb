"""ui/dialogs/unit.py: the unit dialog on its own — validation in place, nothing typed lost."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from data import units
from data.db import Database
from data.model import Unit
from tests.ui.helpers import type_text
from ui.dialogs import unit as unit_dialog
from ui.dialogs.unit import FormerUnit, UnitDialog, former_units
from ui.edits import units as edits
from ui.edits.units import UnitDraft
from ui.session import Session


@pytest.fixture
def fresh(empty_bloc: Database) -> Iterator[Session]:
    """A session over the empty 2025 bloc."""
    s = Session(empty_bloc, None, 2025)
    yield s
    s.undo_stack.clear()


def adding(qtbot: QtBot, session: Session, year: int = 2025) -> tuple[UnitDialog, list[Unit]]:
    added: list[Unit] = []

    def save(draft: UnitDraft, _unit_id: int | None) -> None:
        added.append(edits.add_unit(session, year, draft))

    dialog = UnitDialog("Thêm đơn vị", year, save)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, added


def click_ok(qtbot: QtBot, dialog: UnitDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_fields_and_labels(qtbot: QtBot, fresh: Session) -> None:
    dialog, _added = adding(qtbot, fresh)
    assert dialog.windowTitle() == "Thêm đơn vị"
    assert dialog.ok_button.text() == "Thêm vào khối"
    assert dialog.name.placeholderText() == "Tên đầy đủ, đúng như in trên văn bản"
    assert [box.text() for box in dialog.flags.values()] == [
        "Đang bị kỷ luật hoặc đang bị xem xét kỷ luật", "Đang bị điều tra, thanh tra, kiểm tra",
        "Đang có đơn thư khiếu nại, tố cáo chưa giải quyết xong"]
    assert not dialog.message.isVisible()
    assert dialog.unit_id() is None


def test_add_with_every_field(qtbot: QtBot, fresh: Session) -> None:
    dialog, added = adding(qtbot, fresh)
    type_text(qtbot, dialog.name, "Ủy ban Mặt trận Tổ quốc tỉnh")
    type_text(qtbot, dialog.short_name, "UBMTTQ")
    type_text(qtbot, dialog.code, "MTTQ")
    type_text(qtbot, dialog.head_name, "Đặng Thị Hương")
    type_text(qtbot, dialog.head_title, "Chủ tịch")
    qtbot.mouseClick(dialog.women, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.flags["complaint"], Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.note, "Đơn khiếu nại ngày 14/6/2025")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [unit] = added
    assert unit.name == "Ủy ban Mặt trận Tổ quốc tỉnh" and unit.short_name == "UBMTTQ"
    member = units.get_membership(fresh.db, 2025, unit.id)
    assert (member.head_name, member.head_title, member.women_70, member.complaint,
            member.discipline, member.eligibility_note) == (
        "Đặng Thị Hương", "Chủ tịch", True, True, False, "Đơn khiếu nại ngày 14/6/2025")


def test_empty_name_is_refused_in_place(qtbot: QtBot, fresh: Session) -> None:
    dialog, added = adding(qtbot, fresh)
    type_text(qtbot, dialog.head_name, "Đặng Thị Hương")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.message.isVisible() and dialog.message.kind == "error"
    assert dialog.message.text() == "Tên đơn vị không được để trống."
    assert dialog.head_name.text() == "Đặng Thị Hương"  # what was typed stays
    assert added == [] and units.all_units(fresh.db) == []
    type_text(qtbot, dialog.name, "Sở Y tế")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [u.name for u in units.all_units(fresh.db)] == ["Sở Y tế"]


def test_too_long_name_is_refused(qtbot: QtBot, fresh: Session) -> None:
    dialog, added = adding(qtbot, fresh)
    dialog.name.setText("Đ" * 301)  # as if pasted
    click_ok(qtbot, dialog)
    assert dialog.message.text() == "Tên đơn vị quá dài (tối đa 300 ký tự)."
    assert len(dialog.name.text()) == 301 and added == []


def test_duplicate_spelled_with_the_other_tone_placement(qtbot: QtBot, fresh: Session) -> None:
    units.add_unit(fresh.db, "Ủy ban Kiểm tra Tỉnh ủy", year=2025)
    dialog, added = adding(qtbot, fresh)
    type_text(qtbot, dialog.name, "Uỷ ban kiểm tra Tỉnh uỷ")
    type_text(qtbot, dialog.head_title, "Chủ nhiệm")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and added == []
    assert dialog.message.text() == ("Đơn vị “Ủy ban Kiểm tra Tỉnh ủy” đã có trong khối "
                                     "(trùng với “Uỷ ban kiểm tra Tỉnh uỷ”).")
    assert dialog.name.text() == "Uỷ ban kiểm tra Tỉnh uỷ"
    assert dialog.head_title.text() == "Chủ nhiệm"
    assert len(units.all_units(fresh.db)) == 1


def test_nfd_typing_is_stored_nfc(qtbot: QtBot, fresh: Session) -> None:
    dialog, added = adding(qtbot, fresh)
    typed = unicodedata.normalize("NFD", "Viện Kiểm sát nhân dân tỉnh")
    type_text(qtbot, dialog.name, typed)
    type_text(qtbot, dialog.head_name, unicodedata.normalize("NFD", "Lê Quang Huy"))
    assert dialog.name.text() == typed  # the line edit keeps what arrived
    click_ok(qtbot, dialog)
    [unit] = added
    stored = fresh.db.conn.execute("SELECT name FROM units").fetchone()[0]
    assert stored == unit.name == "Viện Kiểm sát nhân dân tỉnh"
    assert unicodedata.is_normalized("NFC", stored)
    head = units.get_membership(fresh.db, 2025, unit.id).head_name
    assert head == "Lê Quang Huy" and unicodedata.is_normalized("NFC", head)


def test_edit_is_prefilled(qtbot: QtBot, session: Session) -> None:
    db = session.db
    unit = units.find_unit(db, "Sở Tư pháp")
    assert unit is not None
    member = units.get_membership(db, 2019, unit.id)
    saved: list[tuple[UnitDraft, int | None]] = []
    dialog = UnitDialog("Sửa", 2019, lambda d, i: saved.append((d, i)), UnitDraft.of(unit, member),
                        unit.id)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.text() == "Lưu"
    assert (dialog.name.text(), dialog.short_name.text(), dialog.code.text()) == (
        "Sở Tư pháp", "Sở Tư pháp", "STP")
    assert (dialog.head_name.text(), dialog.head_title.text()) == ("Ngô Thị Thu Hà", "Giám đốc")
    assert dialog.women.isChecked() and not any(b.isChecked() for b in dialog.flags.values())
    dialog.flags["discipline"].setChecked(True)
    dialog.accept()
    assert saved == [(UnitDraft(
        "Sở Tư pháp", "Sở Tư pháp", "STP", "Ngô Thị Thu Hà", "Giám đốc", True, discipline=True),
        unit.id)]


def test_former_mode_prefills_from_the_latest_year(qtbot: QtBot, session: Session) -> None:
    db = session.db
    session.set_year(2020)
    thanh_tra = units.find_unit(db, "Thanh tra tỉnh")
    assert thanh_tra is not None
    edits.retire_unit(session, 2020, thanh_tra.id)
    units.add_unit(db, "Sở Y tế")
    former = former_units(db, 2020)
    assert [f.label for f in former] == ["Sở Y tế — chưa là thành viên năm nào",
                                         "Thanh tra tỉnh — thành viên gần nhất năm 2019"]
    done: list[int | None] = []

    def save(draft: UnitDraft, unit_id: int | None) -> None:
        assert unit_id is not None
        edits.rejoin_unit(session, 2020, unit_id, draft)
        done.append(unit_id)

    dialog = UnitDialog("Thêm lại", 2020, save, former=former)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.isReadOnly() and dialog.name.text() == "Sở Y tế"
    assert dialog.head_name.text() == ""
    qtbot.keyClick(dialog.former_combo, Qt.Key.Key_Down)
    assert dialog.unit_id() == thanh_tra.id and dialog.name.text() == "Thanh tra tỉnh"
    assert dialog.head_name.text() == "Phạm Thị Hồng Nhung"
    assert dialog.head_title.text() == "Chánh Thanh tra"
    click_ok(qtbot, dialog)
    assert done == [thanh_tra.id] and dialog.result() == QDialog.DialogCode.Accepted
    assert units.get_membership(db, 2020, thanh_tra.id).head_name == "Phạm Thị Hồng Nhung"


def test_former_refusal_stays_open(qtbot: QtBot, session: Session) -> None:
    justice = units.find_unit(session.db, "Sở Tư pháp")
    assert justice is not None
    former = [FormerUnit(justice, units.latest_membership(session.db, justice.id))]

    def save(draft: UnitDraft, unit_id: int | None) -> None:
        assert unit_id is not None
        edits.rejoin_unit(session, 2019, unit_id, draft)

    dialog = UnitDialog("Thêm lại", 2019, save, former=former)
    qtbot.addWidget(dialog)
    dialog.show()
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == "“Sở Tư pháp” đã là thành viên năm 2019."


def test_ask_functions_use_run_dialog(qtbot: QtBot, fresh: Session,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, UnitDialog)
        type_text(qtbot, dialog.name, "Sở Xây dựng")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(unit_dialog, "run_dialog", run)
    unit = unit_dialog.ask_new_unit(None, fresh, 2025)
    assert unit is not None and unit.name == "Sở Xây dựng"
    monkeypatch.setattr(unit_dialog, "run_dialog", lambda dialog: False)
    assert unit_dialog.ask_new_unit(None, fresh, 2025) is None
    member = units.get_membership(fresh.db, 2025, unit.id)
    assert not unit_dialog.ask_edit_unit(None, fresh, 2025, unit, member)
    assert fresh.undo_stack.count() == 1

"""The new-bloc wizard: pages, validation of the unit list, the collected result."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.helpers import type_text
from ui.wizard import NO_UNIT, NewBlocWizard, unit_lines


def test_unit_lines_dedupes_and_reports() -> None:
    names, problems = unit_lines(
        "Sở Tư pháp\n\n  Ủy ban Kiểm tra  \nUỷ ban kiểm tra\nCông an tỉnh\t8 người\n")
    assert names == ["Sở Tư pháp", "Ủy ban Kiểm tra", "Công an tỉnh"]
    assert problems == ["Dòng 4: “Uỷ ban kiểm tra” trùng với dòng 3."]
    assert unit_lines("x" * 301)[1] == ["Dòng 1: tên quá dài (tối đa 300 ký tự)."]


def test_wizard_collects_a_new_bloc(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = NewBlocWizard(tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.profile_page
    assert not page.isComplete()
    type_text(qtbot, page.name, unicodedata.normalize("NFD", "Khối thi đua các Sở"))
    assert page.isComplete()
    type_text(qtbot, page.place, "Hà Nội")
    page.profile.setCurrentIndex(page.profile.findData("party"))
    wizard.next()
    units = wizard.units_page
    units.year.setValue(2026)
    units.units.setPlainText("Sở Y tế\nSở Tài chính\nSở y tế")
    assert not units.isComplete()
    assert "trùng với dòng 1" in units.problems.text()
    units.units.setPlainText("Sở Y tế\nSở Tài chính\nSở Xây dựng")
    assert units.isComplete() and units.problems.text().startswith("3 đơn vị")
    wizard.next()
    officers = wizard.officers_page
    assert [officers.head.itemText(i) for i in range(officers.head.count())] == [
        NO_UNIT, "Sở Y tế", "Sở Tài chính", "Sở Xây dựng"]
    assert officers.path.text() == str(tmp_path / "Khối thi đua các Sở.ktd")
    officers.head.setCurrentText("Sở Tài chính")
    officers.deputy1.setCurrentText("Sở Y tế")
    result = wizard.result_bloc()
    assert result.profile.name == "Khối thi đua các Sở"  # NFC
    assert result.profile.place == "Hà Nội" and result.profile.profile == "party"
    assert result.year == 2026 and result.units == ("Sở Y tế", "Sở Tài chính", "Sở Xây dựng")
    assert result.head == "Sở Tài chính" and result.deputies == ("Sở Y tế",)
    assert result.path == tmp_path / "Khối thi đua các Sở.ktd"

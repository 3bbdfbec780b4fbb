"""ui/dialogs/copy_table.py: choosing the year whose table to copy."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from data import years
from data.db import Database
from ui.dialogs.copy_table import CopyTableDialog, describe, source_years


def test_source_years_are_the_other_years_with_a_table(bloc: Database) -> None:
    years.add_year(bloc, 2021)
    assert source_years(bloc, 2021) == [2020, 2019]
    assert source_years(bloc, 2020) == [2019]


def test_describe_a_year(bloc: Database) -> None:
    assert describe(bloc, 2019) == (
        "Bảng năm 2019: 25 dòng (17 nội dung chấm), các phần I, II, III, IV, tổng 100 điểm; "
        "danh mục điểm trừ 7 lỗi.")


def test_the_dialog(qtbot: QtBot, bloc: Database) -> None:
    years.add_year(bloc, 2021)
    dialog = CopyTableDialog(bloc, 2021, [2020, 2019])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sao chép bảng tiêu chí"
    assert dialog.chosen_year() == 2020
    assert dialog.details.text().startswith("Bảng năm 2020: 25 dòng")
    dialog.year.setCurrentIndex(1)
    assert dialog.chosen_year() == 2019
    assert dialog.details.text().startswith("Bảng năm 2019: 25 dòng")

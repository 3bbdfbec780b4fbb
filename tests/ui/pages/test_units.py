"""ui/pages/units.py: the Đơn vị page driven like a user; every edit checked in the data layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from data import units, years
from data.db import Database
from data.model import Unit
from tests.ui.helpers import column_texts, drive_dialogs, shown, type_text
from ui.dialogs import unit as unit_dialog
from ui.dialogs.unit import UnitDialog
from ui.main_window import MainWindow
from ui.models.units import COL_BLOCKS, COL_HEAD, COL_NAME, COL_POST
from ui.pages import units as units_page
from ui.pages.units import UnitsPage
from ui.paths import AppPaths
from ui.session import Session
from ui.settings import Settings


def content(db: Database) -> list[str]:
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def unit_named(db: Database, name: str) -> Unit:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit


def member_ids(db: Database, year: int) -> list[int]:
    return [unit.id for unit, _member in units.members(db, year)]


def open_page(qtbot: QtBot, session: Session) -> UnitsPage:
    return shown(qtbot, UnitsPage(session))


def names(page: UnitsPage) -> list[str]:
    return column_texts(page.proxy, COL_NAME)


def select(qtbot: QtBot, page: UnitsPage, name: str) -> None:
    row = names(page).index(name)
    rect = page.table.visualRect(page.proxy.index(row, COL_NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected_name(page) == name


def selected_name(page: UnitsPage) -> str:
    row = page.selected()
    return row.unit.name if row is not None else ""


def press(qtbot: QtBot, page: UnitsPage, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, key, modifier)


def user(monkeypatch: pytest.MonkeyPatch, *steps: Callable[[UnitDialog], None]) -> list[str]:
    """Stand in for the modal run of a UnitDialog."""
    return drive_dialogs(monkeypatch, unit_dialog, UnitDialog, *steps)


def test_the_years_members(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session)
    assert page.title.text() == "Đơn vị thành viên năm 2019"
    assert names(page) == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh",
                           "Cục Thi hành án dân sự tỉnh", "Sở Nội vụ", "Sở Tư pháp",
                           "Thanh tra tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh"]
    assert page.count.text() == "8 đơn vị; không đơn vị nào vướng điều kiện khen thưởng"
    assert selected_name(page) == "Bộ Chỉ huy Quân sự tỉnh"  # ready for Enter
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_NAME) + 20, 5))
    assert names(page)[0] == "Viện Kiểm sát nhân dân tỉnh"  # the header click sorts descending
    session.set_year(2020)
    assert page.title.text() == "Đơn vị thành viên năm 2020"
    posts = dict(zip(names(page), column_texts(page.proxy, COL_POST), strict=True))
    assert posts["Sở Nội vụ"] == "Trưởng khối"


@pytest.mark.parametrize(("query", "found"), [("noi vu", ["Sở Nội vụ"]),
                                              ("TOA AN", ["Tòa án nhân dân tỉnh"]),
                                              ("hồng nhung", ["Thanh tra tỉnh"])])
def test_filter(qtbot: QtBot, session: Session, query: str, found: list[str]) -> None:
    page = open_page(qtbot, session)
    press(qtbot, page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus()
    type_text(qtbot, page.filter, query)
    assert names(page) == found
    assert page.count.text().endswith(f"đang lọc: hiện {len(found)}/8 đơn vị")
    assert selected_name(page) == found[0]
    qtbot.keyClick(page.filter, Qt.Key.Key_Escape)
    assert page.filter.text() == "" and len(names(page)) == 8


def test_add_with_ctrl_n_then_undo_redo(qtbot: QtBot, session: Session,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    before = content(db)

    def fill(dialog: UnitDialog) -> None:
        type_text(qtbot, dialog.name, "Toà án nhân dân tỉnh")  # a duplicate first
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def fix(dialog: UnitDialog) -> None:
        dialog.name.clear()
        type_text(qtbot, dialog.name, "Sở Tài chính")
        type_text(qtbot, dialog.head_name, "Lê Thị Mai")
        qtbot.mouseClick(dialog.women, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = user(monkeypatch, fill, fix)
    page = open_page(qtbot, session)
    press(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Thêm đơn vị vào khối năm 2019", "Đơn vị “Tòa án nhân dân tỉnh” đã có trong "
                    "khối (trùng với “Toà án nhân dân tỉnh”)."]
    added = unit_named(db, "Sở Tài chính")
    member = units.get_membership(db, 2019, added.id)
    assert (member.head_name, member.women_70) == ("Lê Thị Mai", True)
    assert "Sở Tài chính" in names(page) and selected_name(page) == "Sở Tài chính"
    assert page.message.text() == "Đã thêm “Sở Tài chính” vào khối năm 2019."
    assert page.count.text().startswith("9 đơn vị")
    session.undo_stack.undo()
    assert content(db) == before and "Sở Tài chính" not in names(page)
    session.undo_stack.redo()
    assert unit_named(db, "Sở Tài chính") == added and "Sở Tài chính" in names(page)


def test_cancelled_add_changes_nothing(qtbot: QtBot, session: Session,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = content(session.db)
    seen = user(monkeypatch, lambda d: type_text(qtbot, d.name, "Sở Y tế"), lambda d: d.reject())
    page = open_page(qtbot, session)
    qtbot.mouseClick(page.buttons[0], Qt.MouseButton.LeftButton)
    assert seen == ["Thêm đơn vị vào khối năm 2019"]
    assert content(session.db) == before and session.undo_stack.count() == 0


def test_edit_with_enter_then_undo_redo(qtbot: QtBot, session: Session,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    justice = unit_named(db, "Sở Tư pháp")
    old = units.get_membership(db, 2019, justice.id)

    def change(dialog: UnitDialog) -> None:
        assert dialog.head_name.text() == "Ngô Thị Thu Hà"
        dialog.head_name.clear()
        type_text(qtbot, dialog.head_name, "Trần Thị Lan")
        qtbot.mouseClick(dialog.flags["discipline"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.flags["complaint"], Qt.MouseButton.LeftButton)
        type_text(qtbot, dialog.note, "Quyết định kỷ luật số 12/QĐ-STP")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = user(monkeypatch, change)
    page = open_page(qtbot, session)
    select(qtbot, page, "Sở Tư pháp")
    press(qtbot, page, Qt.Key.Key_Return)
    assert seen == ["Sửa đơn vị — năm 2019"]
    member = units.get_membership(db, 2019, justice.id)
    assert (member.head_name, member.discipline, member.complaint, member.eligibility_note) == (
        "Trần Thị Lan", True, True, "Quyết định kỷ luật số 12/QĐ-STP")
    row = names(page).index("Sở Tư pháp")
    assert page.proxy.index(row, COL_BLOCKS).data() == "Đang bị kỷ luật; Đang có khiếu nại"
    assert page.proxy.index(row, COL_HEAD).data() == "Trần Thị Lan"
    assert page.count.text() == "8 đơn vị; 1 đơn vị đang vướng điều kiện khen thưởng"
    session.undo_stack.undo()
    assert units.get_membership(db, 2019, justice.id) == old
    assert page.count.text() == "8 đơn vị; không đơn vị nào vướng điều kiện khen thưởng"
    session.undo_stack.redo()
    assert units.get_membership(db, 2019, justice.id) == member


def test_edit_with_a_double_click_renames(qtbot: QtBot, session: Session,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def rename(dialog: UnitDialog) -> None:
        dialog.name.clear()
        type_text(qtbot, dialog.name, "Sở Nội vụ tỉnh Bắc Ninh")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    user(monkeypatch, rename)
    page = open_page(qtbot, session)
    row = names(page).index("Sở Nội vụ")
    rect = page.table.visualRect(page.proxy.index(row, COL_NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    interior = unit_named(session.db, "Sở Nội vụ tỉnh Bắc Ninh")
    assert "Sở Nội vụ tỉnh Bắc Ninh" in names(page)
    session.undo_stack.undo()
    assert units.get_unit(session.db, interior.id).name == "Sở Nội vụ"
    assert "Sở Nội vụ" in names(page)


def test_retire_refused_shows_the_reason_in_place(qtbot: QtBot, session: Session,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(units_page, "confirm", lambda *a: asked.append(a[2]) or True)
    before = content(session.db)
    page = open_page(qtbot, session)
    select(qtbot, page, "Thanh tra tỉnh")
    press(qtbot, page, Qt.Key.Key_Delete)
    assert asked and asked[0].startswith("Cho “Thanh tra tỉnh” rời khối từ năm 2019?")
    assert page.message.isVisibleTo(page) and page.message.kind == "error"
    assert page.message.text().startswith("“Thanh tra tỉnh” đã có dữ liệu năm 2019")
    assert content(session.db) == before and session.undo_stack.count() == 0
    assert "Thanh tra tỉnh" in names(page)


def test_retire_then_undo_redo(qtbot: QtBot, session: Session,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    monkeypatch.setattr(units_page, "confirm", lambda *a: True)
    session.set_year(2020)
    page = open_page(qtbot, session)
    inspector = unit_named(db, "Thanh tra tỉnh")
    select(qtbot, page, "Thanh tra tỉnh")
    qtbot.mouseClick(page.buttons[3], Qt.MouseButton.LeftButton)
    assert units.get_unit(db, inspector.id).left_year == 2020
    assert inspector.id not in member_ids(db, 2020) and inspector.id in member_ids(db, 2019)
    assert "Thanh tra tỉnh" not in names(page)
    assert page.message.text() == "“Thanh tra tỉnh” đã rời khối từ năm 2020 (hoàn tác: Ctrl+Z)."
    session.undo_stack.undo()
    assert units.get_unit(db, inspector.id).left_year is None
    assert inspector.id in member_ids(db, 2020) and "Thanh tra tỉnh" in names(page)
    session.undo_stack.redo()
    assert inspector.id not in member_ids(db, 2020) and "Thanh tra tỉnh" not in names(page)


def test_retire_not_confirmed_changes_nothing(qtbot: QtBot, session: Session,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units_page, "confirm", lambda *a: False)
    session.set_year(2020)
    before = content(session.db)
    page = open_page(qtbot, session)
    select(qtbot, page, "Thanh tra tỉnh")
    press(qtbot, page, Qt.Key.Key_Delete)
    assert content(session.db) == before and not page.message.isVisibleTo(page)


def test_readd_a_former_unit(qtbot: QtBot, session: Session,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    monkeypatch.setattr(units_page, "confirm", lambda *a: True)
    session.set_year(2020)
    page = open_page(qtbot, session)
    qtbot.mouseClick(page.buttons[1], Qt.MouseButton.LeftButton)  # nobody to bring back yet
    assert page.message.text() == ("Mọi đơn vị của khối đều đã là thành viên năm 2020: không có "
                                   "đơn vị cũ nào để thêm lại.")
    select(qtbot, page, "Thanh tra tỉnh")
    press(qtbot, page, Qt.Key.Key_Delete)
    inspector = unit_named(db, "Thanh tra tỉnh")

    def back(dialog: UnitDialog) -> None:
        assert dialog.former_combo.currentText() == ("Thanh tra tỉnh — thành viên gần nhất "
                                                     "năm 2019")
        assert dialog.head_name.text() == "Phạm Thị Hồng Nhung"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = user(monkeypatch, back)
    qtbot.mouseClick(page.buttons[1], Qt.MouseButton.LeftButton)
    assert seen == ["Thêm lại đơn vị cũ vào khối năm 2020"]
    assert inspector.id in member_ids(db, 2020)
    assert units.get_unit(db, inspector.id).left_year is None
    assert selected_name(page) == "Thanh tra tỉnh"
    assert page.message.text() == "Đã thêm lại “Thanh tra tỉnh” vào khối năm 2020."
    session.undo_stack.undo()
    assert inspector.id not in member_ids(db, 2020)
    assert units.get_unit(db, inspector.id).left_year == 2020
    session.undo_stack.redo()
    assert inspector.id in member_ids(db, 2020)


def test_officers_change_updates_the_post_column(qtbot: QtBot, session: Session) -> None:
    db = session.db
    page = open_page(qtbot, session)
    combo = page.officers.head
    combo.setCurrentIndex(combo.findText("Sở Nội vụ"))
    assert years.officers(db, 2019).head == unit_named(db, "Sở Nội vụ").id
    posts = dict(zip(names(page), column_texts(page.proxy, COL_POST), strict=True))
    assert posts["Sở Nội vụ"] == "Trưởng khối" and posts["Cục Thi hành án dân sự tỉnh"] == ""
    session.undo_stack.undo()
    posts = dict(zip(names(page), column_texts(page.proxy, COL_POST), strict=True))
    assert posts["Sở Nội vụ"] == "" and posts["Cục Thi hành án dân sự tỉnh"] == "Trưởng khối"


def test_an_empty_year(qtbot: QtBot, empty_bloc: Database,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session(empty_bloc, None, 2025)
    page = open_page(qtbot, session)
    assert page.count.text() == ("Năm 2025 chưa có đơn vị nào. Bấm “Thêm đơn vị…” (Ctrl+N) để "
                                 "bắt đầu.")
    assert not page.buttons[2].isEnabled() and not page.buttons[3].isEnabled()
    user(monkeypatch, lambda d: type_text(qtbot, d.name, "Sở Y tế"),
         lambda d: d.accept())
    qtbot.mouseClick(page.buttons[0], Qt.MouseButton.LeftButton)
    assert names(page) == ["Sở Y tế"] and page.buttons[2].isEnabled()
    assert [u.name for u, _m in units.members(empty_bloc, 2025)] == ["Sở Y tế"]


def test_ctrl_n_in_the_window_adds_a_unit(qtbot: QtBot, bloc_file: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """In the real main window, Ctrl+N on the page adds a unit (no other Ctrl+N competes)."""
    paths = AppPaths.decide(str(tmp_path / "appdata"))
    window = shown(qtbot, MainWindow(paths, Settings(paths)))
    assert window.open_file(bloc_file)
    page = window.page("unitsPage")
    assert isinstance(page, UnitsPage)
    seen = user(monkeypatch, lambda d: d.reject())
    press(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Thêm đơn vị vào khối năm 2020"]
    window.close_bloc()


def test_keyboard_only_find_then_edit(qtbot: QtBot, session: Session,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(units_page, "confirm", lambda *a: asked.append(a) or False)
    seen = user(monkeypatch, lambda d: asked.append(d.name.text()), lambda d: d.reject())
    page = open_page(qtbot, session)
    press(qtbot, page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.filter, "vien kiem sat")
    qtbot.keyClick(page.filter, Qt.Key.Key_Home)
    qtbot.keyClick(page.filter, Qt.Key.Key_Delete)  # edits the search text, retires nobody
    assert page.filter.text() == "ien kiem sat" and asked == []
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    assert page.table.hasFocus() and selected_name(page) == "Viện Kiểm sát nhân dân tỉnh"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == ["Sửa đơn vị — năm 2019"]
    assert asked == ["Viện Kiểm sát nhân dân tỉnh"] and session.undo_stack.count() == 0

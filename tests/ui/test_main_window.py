"""The main window: welcome screen, opening files, year switcher, menus, closing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from data import years
from data.bloc import load_profile, open_bloc
from data.model import YearStatus
from tests.ui.helpers import drive_dialogs, type_text
from ui import file_actions
from ui.dialogs import bloc_info
from ui.dialogs.bloc_info import BlocInfoDialog
from ui.main_window import MainWindow
from ui.paths import AppPaths
from ui.settings import Settings


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = AppPaths.decide(str(tmp_path / "appdata"))
    w = MainWindow(paths, Settings(paths))
    qtbot.addWidget(w)
    yield w
    w.close_bloc()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered without showing them; their titles are recorded."""
    said: list[str] = []

    def question(parent: object, title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        said.append(title)
        return QMessageBox.StandardButton.Yes

    def warning(parent: object, title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        said.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def test_starts_on_the_welcome_screen(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "Khối thi đua"
    assert not window.year_toolbar.isVisible()
    assert not window.copy_action.isEnabled()


def test_open_file_shows_workspace_and_remembers_it(window: MainWindow, bloc_file: Path) -> None:
    assert window.open_file(bloc_file)
    assert window.stack.currentIndex() == 1
    assert window.session is not None and window.session.year == 2020
    assert window.windowTitle() == (
        "Khối thi đua các cơ quan nội chính tỉnh — Năm 2020 — Khối thi đua")
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Đơn vị", "Giao ước & đăng ký", "Bảng tiêu chí", "Chấm điểm", "Hội nghị", "Bỏ phiếu",
        "Khen thưởng", "Tài liệu"]
    assert window.pages.count() == 8
    assert [window.year_combo.itemData(i) for i in range(window.year_combo.count())] == [
        2019, 2020]
    assert window.settings.recent_files() == [bloc_file.resolve()]


def test_year_switch_and_last_year_remembered(window: MainWindow, bloc_file: Path) -> None:
    window.open_file(bloc_file)
    window._year_chosen(window.year_combo.findData(2019))
    assert window.session is not None and window.session.year == 2019
    assert "Năm 2019" in window.windowTitle()
    window.close_bloc()
    assert window.stack.currentIndex() == 0
    window.open_file(bloc_file)
    assert window.session is not None and window.session.year == 2019


def test_year_status_change_is_undoable(window: MainWindow, bloc_file: Path) -> None:
    window.open_file(bloc_file)
    assert window.session is not None
    window.set_status(YearStatus.SCORING)
    assert years.require_year(window.session.db, 2020).status is YearStatus.SCORING
    checked = [a.data() for a in window.status_group.actions() if a.isChecked()]
    assert checked == ["scoring"]
    window.session.undo_stack.undo()
    assert years.require_year(window.session.db, 2020).status is YearStatus.PLEDGE


def test_missing_file_is_explained_and_forgotten(window: MainWindow, bloc_file: Path,
                                                 answers: list[str]) -> None:
    window.open_file(bloc_file)
    window.close_bloc()
    moved = bloc_file.with_name("đã chuyển.ktd")
    bloc_file.rename(moved)
    assert not window.open_file(bloc_file)
    assert answers == [f"Không mở được tệp: Không tìm thấy tệp “{bloc_file}”."]
    assert window.settings.recent_files() == []


def test_damaged_file_is_refused_with_reason(window: MainWindow, tmp_path: Path,
                                             answers: list[str]) -> None:
    broken = tmp_path / "hỏng.ktd"
    broken.write_bytes(b"not a database" * 100)
    assert not window.open_file(broken)
    assert "bị hỏng hoặc không phải tệp khối thi đua" in answers[0]
    assert window.stack.currentIndex() == 0


def test_file_open_elsewhere_asks_first(window: MainWindow, bloc_file: Path,
                                        answers: list[str]) -> None:
    other = file_actions.FileLock(bloc_file)
    assert other.acquire() is None
    try:
        assert window.open_file(bloc_file)
    finally:
        other.release()
    assert answers == ["Tệp đang được mở"]


def test_read_only_file_is_opened_as_a_copy(window: MainWindow, bloc_file: Path,
                                            answers: list[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_actions, "writable", lambda path: path != bloc_file)
    monkeypatch.setattr(type(window.paths), "documents_dir",
                        property(lambda self: bloc_file.parent / "Tài liệu"))
    (bloc_file.parent / "Tài liệu").mkdir()
    assert window.open_file(bloc_file)
    assert answers == ["Tệp chỉ cho phép đọc"]
    assert window.session is not None and window.session.path is not None
    assert window.session.path.parent.name == "Tài liệu"
    assert window.session.path.name.startswith(f"{bloc_file.stem} - bản sao ")


def test_demo_is_written_off_the_main_thread_then_opened(window: MainWindow,
                                                         qtbot: QtBot) -> None:
    window.open_demo()
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)
    assert window.paths.demo_file.exists()
    assert window.session is not None and window.session.path == window.paths.demo_file


def test_save_copy_runs_in_background(window: MainWindow, bloc_file: Path, qtbot: QtBot,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_file(bloc_file)
    target = bloc_file.with_name("bàn giao.ktd")
    monkeypatch.setattr(file_actions, "ask_copy_path", lambda parent, source: target)
    window.save_copy()
    qtbot.waitUntil(lambda: target.exists() and not window.tasks.busy(), timeout=10_000)
    db = open_bloc(target)
    try:
        assert [y.year for y in years.all_years(db)] == [2019, 2020]
    finally:
        db.close()


def test_pages_are_built_when_first_shown(window: MainWindow, bloc_file: Path) -> None:
    window.open_file(bloc_file)
    built = [window.pages.widget(i).objectName() for i in range(window.pages.count())]
    assert built == ["unitsPage", "", "", "", "", "", "", ""]
    scoring = window.page("scoringPage")
    assert scoring.objectName() == "scoringPage"
    assert window.pages.currentWidget() is scoring and window.nav.currentRow() == 3
    assert window.page("scoringPage") is scoring


def test_status_bar_names_the_file_and_says_it_is_saved(window: MainWindow,
                                                        bloc_file: Path) -> None:
    window.open_file(bloc_file)
    assert window.statusBar().currentMessage() == (
        f"Tệp: {bloc_file.name} · mọi thay đổi được lưu ngay")
    assert window.statusBar().toolTip() == str(bloc_file)


def test_first_start_fits_the_screen(window: MainWindow) -> None:
    area = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    assert window.width() <= min(1280, area.width()) and window.height() <= min(800, area.height())


def test_bloc_info_needs_an_open_bloc(window: MainWindow, bloc_file: Path) -> None:
    action = window.findChild(QAction, "actionBlocInfo")
    assert action is window.info_action and action.text() == "Thông t&in khối…"
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert names[names.index("actionDemo") + 1] == "actionBlocInfo"
    assert not action.isEnabled()
    window.open_file(bloc_file)
    assert action.isEnabled()
    window.close_bloc()
    assert not action.isEnabled()


def test_bloc_info_edit_renames_the_window_and_undo_renames_it_back(
        window: MainWindow, bloc_file: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def rename(dialog: BlocInfoDialog) -> None:
        dialog.form.name.clear()
        type_text(qtbot, dialog.form.name, "Khối Nội chính")
        dialog.accept()

    seen = drive_dialogs(monkeypatch, bloc_info, BlocInfoDialog, rename)
    window.open_file(bloc_file)
    assert window.session is not None
    window.info_action.trigger()
    assert seen == ["Thông tin khối thi đua"]
    assert load_profile(window.session.db).name == "Khối Nội chính"
    assert window.windowTitle() == "Khối Nội chính — Năm 2020 — Khối thi đua"
    window.session.undo_stack.undo()
    assert window.windowTitle() == (
        "Khối thi đua các cơ quan nội chính tỉnh — Năm 2020 — Khối thi đua")
    window.session.undo_stack.redo()
    assert window.windowTitle().startswith("Khối Nội chính — ")


def test_pages_by_keyboard_and_documents_asked_for_by_a_page(window: MainWindow,
                                                             bloc_file: Path) -> None:
    window.open_file(bloc_file)
    window.session.set_year(2019)  # type: ignore[union-attr]
    shortcuts = [a.shortcut().toString() for a in window.view_menu.actions()]
    assert shortcuts == [f"Alt+{i}" for i in range(1, 9)]
    window.view_menu.actions()[4].trigger()
    assert window.pages.currentWidget().objectName() == "meetingPage"
    assert window.nav.item(7).toolTip() == "Tài liệu (Alt+8)"
    assert window.session is not None
    window.session.request_document("ballots")
    page = window.pages.currentWidget()
    assert page.objectName() == "documentsPage"
    assert page.selected().kind.key == "ballots"  # type: ignore[attr-defined]


def test_page_keys_leave_the_scoring_layers_their_ctrl_digits(qtbot: QtBot, window: MainWindow,
                                                            bloc_file: Path) -> None:
    from PySide6.QtCore import Qt

    window.open_file(bloc_file)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    scoring = window.pages.currentWidget()
    assert scoring.objectName() == "scoringPage"
    scoring.setFocus()
    qtbot.keyClick(scoring, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert scoring.layer_group.checkedId() == 1  # type: ignore[attr-defined]  # Khối chấm

"""The window's file commands that the main-window tests do not reach: a new bloc through the
wizard, the recent-files menu, a refused creation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from data import units, years
from data.model import BlocProfile
from ui import window_files
from ui.main_window import MainWindow
from ui.paths import AppPaths
from ui.settings import Settings
from ui.wizard import NewBloc, NewBlocWizard


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = AppPaths.decide(str(tmp_path / "appdata"))
    w = MainWindow(paths, Settings(paths))
    qtbot.addWidget(w)
    yield w
    w.close_bloc()


def _answer_wizard(monkeypatch: pytest.MonkeyPatch, new: NewBloc) -> None:
    monkeypatch.setattr(NewBlocWizard, "exec", lambda self: 1)
    monkeypatch.setattr(NewBlocWizard, "result_bloc", lambda self: new)


def test_new_bloc_is_created_and_opened(window: MainWindow, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    new = NewBloc(BlocProfile(name="Cụm thi đua số 3", council="HĐTĐKT", place="Hà Nội"), 2026,
                  ("Sở Y tế", "Sở Tài chính"), "Sở Y tế", ("Sở Tài chính",),
                  tmp_path / "Cụm 3.ktd")
    _answer_wizard(monkeypatch, new)
    window.new_bloc()
    assert window.session is not None and window.session.path == tmp_path / "Cụm 3.ktd"
    db = window.session.db
    assert [y.year for y in years.all_years(db)] == [2026]
    assert [u.name for u, _ in units.members(db, 2026)] == ["Sở Tài chính", "Sở Y tế"]
    head = years.officers(db, 2026).head
    assert head is not None and units.get_unit(db, head).name == "Sở Y tế"
    assert window.windowTitle().startswith("Cụm thi đua số 3 — Năm 2026")


def test_refused_creation_is_explained(window: MainWindow, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "Đã có.ktd"
    existing.write_bytes(b"x")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append(f"{title}: {text}"))
    _answer_wizard(monkeypatch, NewBloc(BlocProfile(name="Khối", council="", place=""), 2026,
                                        (), None, (), existing))
    window.new_bloc()
    assert shown == ["Không tạo được khối: Tệp “Đã có.ktd” đã có; hãy chọn tên khác."]
    assert window.session is None and existing.read_bytes() == b"x"


def test_recent_menu_lists_files(window: MainWindow, bloc_file: Path) -> None:
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == ["(chưa có)"]
    window.open_file(bloc_file)
    window._fill_recent()
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == [bloc_file.name]
    assert actions[0].toolTip() == str(bloc_file.resolve())


def test_large_files_are_checked_after_opening(window: MainWindow, bloc_file: Path,
                                               qtbot: QtBot,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_files, "QUICK_CHECK_LIMIT", 0)
    monkeypatch.setattr(window_files, "integrity_problem", lambda path: "Tệp bị hỏng (thử).")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append(f"{title}: {text}"))
    window.open_file(bloc_file)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0].startswith("Tệp khối có dấu hiệu hư hỏng: Tệp bị hỏng (thử).")


def test_text_typed_but_not_yet_saved_is_kept_on_close(window: MainWindow, bloc_file: Path,
                                                       qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from data import nominations
    from tests.ui.helpers import type_text

    window.show()
    window.open_file(bloc_file)
    assert window.session is not None
    window.session.set_year(2019)
    page = window.page("awardsPage")
    first = nominations.nominations(window.session.db, 2019)[0]
    page.select_nomination(first.id)  # type: ignore[attr-defined]
    editor = page.findChild(QPlainTextEdit, "achievementsEdit")
    assert editor is not None
    editor.setFocus()
    editor.selectAll()
    type_text(qtbot, editor, "Dẫn đầu Khối năm 2019.")
    window.close_bloc()  # no focus change, no Ctrl+Enter: closing must still save it
    from data.bloc import open_bloc

    db = open_bloc(bloc_file)
    try:
        saved = nominations.get_nomination(db, first.id)
    finally:
        db.close()
    assert saved.achievements == "Dẫn đầu Khối năm 2019."

"""The welcome screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ui.welcome import RecentFilesModel, WelcomePage


def test_recent_model(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = RecentFilesModel([tmp_path / "Khối nội chính.ktd", tmp_path / "Cụm 3.ktd"])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "Khối nội chính"
    assert model.data(model.index(1, 0), 3) == str(tmp_path / "Cụm 3.ktd")  # tooltip


def test_buttons_emit_and_recent_opens(qtbot: QtBot, tmp_path: Path) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    page.set_recent([])
    assert not page.recent_view.isVisible()
    for name, signal in (("createButton", page.createRequested),
                         ("openButton", page.openRequested), ("demoButton", page.demoRequested)):
        with qtbot.waitSignal(signal):
            page.findChild(QPushButton, name).click()
    page.set_recent([tmp_path / "a.ktd"])
    assert page.recent_view.isVisible()
    with qtbot.waitSignal(page.recentRequested) as signal:
        page.recent_view.activated.emit(page.recent_model.index(0, 0))
    assert signal.args == [tmp_path / "a.ktd"]

"""Qt's own words in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from ui.qt_vi import VietnameseQt


@pytest.fixture
def translated(qapp: QApplication) -> Iterator[VietnameseQt]:
    translator = VietnameseQt()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_standard_buttons_and_wizard(translated: VietnameseQt, qtbot: QtBot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                           QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Hoàn tất"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp >"


def test_unknown_words_are_left_alone(translated: VietnameseQt) -> None:
    assert QCoreApplication.translate("QWidget", "Something new") == "Something new"
    assert not translated.isEmpty()

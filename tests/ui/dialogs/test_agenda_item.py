"""ui/dialogs/agenda_item.py: a point of the meeting's content; refusals shown inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from data import meetings
from data.demo_meeting import MEETING as DEMO
from data.meeting_model import AgendaItem
from tests.ui.helpers import type_text
from ui.dialogs import agenda_item
from ui.dialogs.agenda_item import AgendaItemDialog
from ui.session import Session


def test_typing_several_lines_and_saving_with_ctrl_enter(qtbot: QtBot) -> None:
    saved: list[AgendaItem] = []
    dialog = AgendaItemDialog("Thêm nội dung hội nghị", AgendaItem(""), saved.append, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_text(qtbot, dialog.title, "Góp ý dự thảo")
    dialog.opinions.setFocus()
    type_text(qtbot, dialog.opinions, "Ý kiến một")
    qtbot.keyClick(dialog.opinions, Qt.Key.Key_Return)  # a new line, not the end
    type_text(qtbot, dialog.opinions, "Ý kiến hai")
    assert dialog.isVisible() and not saved
    qtbot.keyClick(dialog.opinions, Qt.Key.Key_Tab)
    assert dialog.conclusion.hasFocus()
    type_text(qtbot, dialog.conclusion, "Thống nhất")
    qtbot.keyClick(dialog.conclusion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved == [AgendaItem("Góp ý dự thảo", "Ý kiến một\nÝ kiến hai", "Thống nhất")]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_refusal_shown_inside_and_text_kept(qtbot: QtBot, session: Session,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = meetings.find_meeting(session.db, 2019)
    assert meeting is not None
    shown: list[str] = []

    def user(dialog: QDialog) -> bool:
        assert isinstance(dialog, AgendaItemDialog)
        qtbot.addWidget(dialog)
        dialog.opinions.setPlainText("Ý kiến chưa có tiêu đề")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        shown.append(dialog.message.text())
        assert dialog.opinions.toPlainText() == "Ý kiến chưa có tiêu đề"
        dialog.title.setText("Nội dung bổ sung")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(agenda_item, "run_dialog", user)
    assert agenda_item.ask_new(None, session, meeting.id)
    assert shown == ["Chưa nhập tiêu đề của nội dung hội nghị."]
    agenda = meetings.get_meeting(session.db, meeting.id).agenda
    assert agenda[-1] == AgendaItem("Nội dung bổ sung", "Ý kiến chưa có tiêu đề")

    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, AgendaItemDialog)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Sửa nội dung hội nghị số 1"
        assert dialog.title.text() == DEMO.agenda[0].title
        dialog.conclusion.setPlainText("Hội nghị thông qua báo cáo.")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(agenda_item, "run_dialog", edit)
    assert agenda_item.ask_edit(None, session, meeting.id, "agenda", 0)
    assert meetings.get_meeting(session.db, meeting.id).agenda[0].conclusion == (
        "Hội nghị thông qua báo cáo.")

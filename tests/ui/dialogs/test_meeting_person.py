"""ui/dialogs/meeting_person.py: a guest or committee member; refusals shown inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from data import meetings
from data.demo_meeting import MEETING as DEMO
from data.errors import InputError
from data.meeting_model import CommitteeMember, Guest
from tests.ui.helpers import type_text
from ui.dialogs import meeting_person
from ui.dialogs.meeting_person import PersonDialog
from ui.edits import meetings as edits
from ui.session import Session


def test_guest_dialog_hides_the_role(qtbot: QtBot) -> None:
    saved: list[object] = []
    dialog = PersonDialog("Thêm đại biểu", Guest(""), saved.append, True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "Thêm" and dialog.role.isHidden()
    type_text(qtbot, dialog.name, "Trần Văn Cường")
    type_text(qtbot, dialog.title, "Phó Giám đốc Sở Nội vụ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert saved == [Guest("Trần Văn Cường", "Phó Giám đốc Sở Nội vụ")]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_committee_dialog_keeps_what_was_typed_on_a_refusal(qtbot: QtBot) -> None:
    def refuse(person: object) -> None:
        raise InputError("“Bùi Văn Long” đã có trong danh sách thành viên ban kiểm phiếu.")

    dialog = PersonDialog("Sửa thành viên ban kiểm phiếu", DEMO.committee[1], refuse, False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "Lưu" and dialog.role.currentText() == "Thành viên"
    dialog.role.setCurrentText("Phó Trưởng ban")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "đã có trong danh sách" in dialog.message.text()
    assert dialog.person() == CommitteeMember("Bùi Văn Long", "Chánh Văn phòng Sở Tư pháp",
                                              "Phó Trưởng ban")


@pytest.mark.parametrize("which", ["guests", "committee"])
def test_ask_new_and_edit_save_through_the_edits(qtbot: QtBot, session: Session,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 which: str) -> None:
    meeting = meetings.find_meeting(session.db, 2019)
    assert meeting is not None

    refusals: list[str] = []

    def user(dialog: QDialog) -> bool:
        assert isinstance(dialog, PersonDialog)
        qtbot.addWidget(dialog)
        for name in ("Người mới", "Người khác"):
            dialog.name.setText(name)
            dialog.accept()
            if dialog.result() != QDialog.DialogCode.Accepted:
                refusals.append(dialog.message.text())
            else:
                return True
        return False

    monkeypatch.setattr(meeting_person, "run_dialog", user)
    assert meeting_person.ask_new(None, session, meeting.id, which)
    assert getattr(meetings.get_meeting(session.db, meeting.id), which)[-1].name == "Người mới"
    assert meeting_person.ask_edit(None, session, meeting.id, which, 0)  # "Người mới" is taken
    assert refusals == [f"“Người mới” đã có trong danh sách {edits.LISTS[which][0]} (dòng "
                        f"{len(getattr(DEMO, which)) + 1})."]
    assert getattr(meetings.get_meeting(session.db, meeting.id), which)[0].name == "Người khác"
    assert session.undo_stack.count() == 2

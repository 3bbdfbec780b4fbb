"""ui/dialogs/ballot_round.py: the round dialog on its own — proposals, refusals in place."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from data import ballots, meetings, units
from data.db import Database
from data.errors import InputError
from data.meeting_model import Purpose
from tests.ui.helpers import type_text
from ui.dialogs import ballot_round
from ui.dialogs.ballot_round import BallotRoundDialog
from ui.edits.ballots import RoundDraft
from ui.models.ballot_rounds import round_setup
from ui.session import Session


def meeting_id(db: Database) -> int:
    meeting = meetings.find_meeting(db, 2019)
    assert meeting is not None
    return meeting.id


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def without_rounds(db: Database) -> None:
    for r in ballots.rounds(db, meeting_id(db)):
        ballots.delete_round(db, r.id)


def opened(qtbot: QtBot, db: Database, saved: list[RoundDraft], refuse: str = ""
           ) -> BallotRoundDialog:
    def save(draft: RoundDraft) -> None:
        if refuse:
            raise InputError(refuse)
        saved.append(draft)

    dialog = BallotRoundDialog(round_setup(db, 2019, meeting_id(db)), save)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def listed(dialog: BallotRoundDialog) -> list[str]:
    return [dialog.candidates.data(dialog.candidates.index(r))
            for r in range(dialog.candidates.rowCount())]


def choose(dialog: BallotRoundDialog, text: str) -> None:
    index = dialog.purpose.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    dialog.purpose.setCurrentIndex(index)


def test_candidates_proposed_from_the_ranking_within_the_quota(qtbot: QtBot,
                                                               bloc: Database) -> None:
    without_rounds(bloc)
    saved: list[RoundDraft] = []
    dialog = opened(qtbot, bloc, saved)
    assert dialog.windowTitle() == "Vòng bỏ phiếu mới — hội nghị tổng kết năm 2019"
    assert [dialog.purpose.itemText(i) for i in range(dialog.purpose.count())] == [
        "Cờ thi đua của Chính phủ — chỉ tiêu 1", "Cờ thi đua của Ủy ban nhân dân tỉnh — chỉ tiêu 2",
        "Bằng khen của Thủ tướng Chính phủ — chỉ tiêu 1",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh — chỉ tiêu 3",
        "Bằng khen của Ban Thường vụ Tỉnh ủy — chưa có chỉ tiêu",
        "Bầu Trưởng khối năm 2020", "Bầu Phó khối năm 2020"]
    # the Government flag is chosen upstream: the first suggestion is the provincial flag
    assert dialog.purpose.currentIndex() == 1
    assert listed(dialog) == ["1. Cục Thi hành án dân sự tỉnh — hạng 1 · 109,6 điểm",
                              "2. Công an tỉnh — hạng 2 · 109 điểm"]
    assert (dialog.seats.value(), dialog.choices.value()) == (2, 2)
    assert dialog.round_no.text() == "Vòng 1"
    assert dialog.info.text().startswith("Chỉ tiêu năm 2019: 2 (Thông báo chỉ tiêu khen thưởng "
                                         "năm 2019 của Hội đồng TĐKT tỉnh).")
    assert not dialog.excluded.isVisible()
    choose(dialog, "Bằng khen của Chủ tịch")
    assert [t.split(" — ")[0] for t in listed(dialog)] == [
        "1. Sở Nội vụ", "2. Viện Kiểm sát nhân dân tỉnh", "3. Bộ Chỉ huy Quân sự tỉnh"]
    assert (dialog.seats.value(), dialog.choices.value()) == (3, 3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert saved == [RoundDraft(Purpose.AWARD, 4, tuple(unit_id(bloc, n) for n in (
        "Sở Nội vụ", "Viện Kiểm sát nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh")), 3, 3, "")]


def test_a_blocked_unit_is_shown_excluded_and_cannot_be_added(qtbot: QtBot,
                                                               bloc: Database) -> None:
    without_rounds(bloc)
    justice = unit_id(bloc, "Sở Tư pháp")
    member = units.get_membership(bloc, 2019, justice)
    units.save_membership(bloc, replace(member, discipline=True,
                                        eligibility_note="Quyết định 12/QĐ-STP"))
    dialog = opened(qtbot, bloc, [])
    assert dialog.excluded.isVisible()
    assert dialog.excluded.text() == (
        "Không được đề nghị khen thưởng (Nghị định 152/2025/NĐ-CP, Điều 4):\n• Sở Tư pháp: Đang "
        "bị kỷ luật hoặc đang bị xem xét kỷ luật (Quyết định 12/QĐ-STP)")
    dialog.add_combo.setCurrentIndex(dialog.add_combo.findData(justice))
    assert dialog.add_combo.currentText() == "Sở Tư pháp — không được đề nghị khen thưởng"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and dialog.message.text() == (
        "“Sở Tư pháp” không được đề nghị khen thưởng: đang bị kỷ luật hoặc đang bị xem xét kỷ "
        "luật (Quyết định 12/QĐ-STP) (Nghị định 152/2025/NĐ-CP, Điều 4).")
    assert len(listed(dialog)) == 2
    # electing officers is no award: the same unit may stand
    choose(dialog, "Bầu Phó khối")
    assert not dialog.excluded.isVisible() and listed(dialog) == []
    dialog.add_combo.setCurrentIndex(dialog.add_combo.findData(justice))
    assert dialog.add_combo.currentText() == "Sở Tư pháp"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert listed(dialog) == ["1. Sở Tư pháp — hạng 7 · 93,32 điểm"]
    assert dialog.add_combo.findData(justice) == -1


def test_head_election_list_is_built_by_hand(qtbot: QtBot, bloc: Database) -> None:
    without_rounds(bloc)
    saved: list[RoundDraft] = []
    dialog = opened(qtbot, bloc, saved)
    choose(dialog, "Bầu Trưởng khối")
    assert dialog.info.text() == ("Bầu đơn vị làm Trưởng khối năm 2020 (Trưởng khối năm 2019: "
                                  "Cục Thi hành án dân sự tỉnh). Thêm các đơn vị được đề cử vào "
                                  "danh sách bầu.")
    assert (dialog.seats.value(), dialog.choices.value()) == (1, 1)
    for name in ("Sở Nội vụ", "Công an tỉnh"):
        dialog.add_combo.setCurrentIndex(dialog.add_combo.findText(name))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.list.setFocus()
    qtbot.waitUntil(dialog.list.hasFocus)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [t.split(" — ")[0] for t in listed(dialog)] == ["1. Công an tỉnh", "2. Sở Nội vụ"]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert [t.split(" — ")[0] for t in listed(dialog)] == ["1. Sở Nội vụ"]
    type_text(qtbot, dialog.note, "Đề cử của Trưởng khối")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert saved == [RoundDraft(Purpose.HEAD, None, (unit_id(bloc, "Sở Nội vụ"),), 1, 1,
                                "Đề cử của Trưởng khối")]


def test_choices_follow_the_seats_unless_changed(qtbot: QtBot, bloc: Database) -> None:
    dialog = opened(qtbot, bloc, [])
    choose(dialog, "Bằng khen của Chủ tịch")
    dialog.seats.setValue(2)
    assert dialog.choices.value() == 2
    dialog.choices.setValue(3)
    dialog.seats.setValue(1)
    assert dialog.choices.value() == 3


def test_a_refusal_is_shown_inside_and_keeps_everything(qtbot: QtBot, bloc: Database) -> None:
    dialog = opened(qtbot, bloc, [], refuse="Đã bỏ phiếu đủ 2 vòng (Bầu Trưởng khối): Trưởng "
                                            "khối và các Phó khối quyết định.")
    choose(dialog, "Bầu Trưởng khối")
    assert dialog.round_no.text() == "Vòng 2 (đã có vòng 1)"
    dialog.add_combo.setCurrentIndex(dialog.add_combo.findText("Thanh tra tỉnh"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.note, "Vòng bổ sung")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text().startswith("Đã bỏ phiếu đủ 2 vòng")
    assert listed(dialog)[0].startswith("1. Thanh tra tỉnh") and dialog.note.text() == (
        "Vòng bổ sung")


def test_editing_a_round_keeps_its_purpose(qtbot: QtBot, session: Session,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    deputy = next(r for r in ballots.rounds(db, meeting_id(db)) if r.purpose is Purpose.DEPUTY)
    for entry in (1, 2):
        ballots.clear_count(db, deputy.id, entry)
    seen: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, BallotRoundDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        seen.extend([dialog.windowTitle(), dialog.purpose.currentText(),
                     str(dialog.purpose.isEnabled()), dialog.round_no.text()])
        dialog.add_combo.setCurrentIndex(dialog.add_combo.findText("Thanh tra tỉnh"))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(ballot_round, "run_dialog", run)
    assert ballot_round.ask_edit_round(None, session, deputy)
    assert seen == ["Sửa vòng 1 bỏ phiếu", "Bầu Phó khối năm 2020", "False", "Vòng 1"]
    assert ballots.get_round(db, deputy.id).candidates == (
        unit_id(db, "Công an tỉnh"), unit_id(db, "Thanh tra tỉnh"))
    session.undo_stack.undo()
    assert ballots.get_round(db, deputy.id) == deputy


def test_ask_new_round_adds_through_the_session(qtbot: QtBot, session: Session,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, BallotRoundDialog)
        qtbot.addWidget(dialog)
        choose(dialog, "Bằng khen của Ban Thường vụ")
        assert listed(dialog) == [] and dialog.info.text().startswith(
            "Năm 2019 chưa có chỉ tiêu cho hình thức này.")
        dialog.add_combo.setCurrentIndex(dialog.add_combo.findText("Thanh tra tỉnh"))
        dialog.add_candidate()
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(ballot_round, "run_dialog", run)
    made = ballot_round.ask_new_round(None, session, meeting_id(db))
    assert made is not None and made.candidates == (unit_id(db, "Thanh tra tỉnh"),)
    assert session.undo_stack.count() == 1
    monkeypatch.setattr(ballot_round, "run_dialog", lambda dialog: False)
    assert ballot_round.ask_new_round(None, session, meeting_id(db)) is None

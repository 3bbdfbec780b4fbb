"""ui/pages/ballot.py: the 2019 year-end rounds re-entered by hand through the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import awards, ballots, meetings
from data.demo_meeting import ROUNDS
from data.meeting_model import Purpose
from tests.ui.helpers import column_texts
from tests.ui.pages.test_ballot import (
    add,
    choose,
    listed,
    meeting_id,
    open_page,
    results,
    save_entry,
    select,
    summary,
    type_entry,
    user,
    without_rounds,
)
from ui.dialogs.ballot_round import BallotRoundDialog
from ui.models.ballot_entries import COL_FIRST, COL_SECOND
from ui.models.ballot_rounds import COL_OUTCOME
from ui.session import Session


def test_run_the_2019_meeting_through_the_page(qtbot: QtBot, session: Session,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    demo = summary(db)
    without_rounds(db)
    page = open_page(qtbot, session)
    assert page.model.rowCount() == 0
    assert page.round_title.text() == ("Chưa có vòng bỏ phiếu nào. Bấm “Vòng mới…” (Ctrl+N) để "
                                       "lập vòng đầu tiên.")
    committee = [c.name for c in meetings.get_meeting(db, meeting_id(db)).committee]
    for purpose, code, choices, seats, numbers, votes in ROUNDS:
        wanted = [name for name, _count in votes]
        title = (awards.form_by_code(db, code).name if code
                 else f"{purpose.label} năm 2020")

        def fill(dialog: BallotRoundDialog, title: str = title, wanted: list[str] = wanted,
                 purpose: Purpose = purpose, seats: int = seats, choices: int = choices) -> None:
            choose(dialog, title)
            if purpose is not Purpose.AWARD:  # elections: the nominees are added by hand
                for name in wanted:
                    add(qtbot, dialog, name)
            assert listed(dialog) == wanted  # award forms: proposed from the ranking
            assert (dialog.seats.value(), dialog.choices.value()) == (seats, choices)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        user(qtbot, monkeypatch, fill)
        page.table.setFocus()
        qtbot.waitUntil(page.table.hasFocus)
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert page.count.table.hasFocus()
        typed = [*numbers, *(count for _name, count in votes)]
        for column, entry in ((COL_FIRST, 1), (COL_SECOND, 2)):
            page.count.people[entry].setEditText(committee[entry])
            type_entry(qtbot, page, column, typed)
            save_entry(qtbot, page, entry)
        row = page.selected_row()
        assert row is not None and row.title == title and row.status == "Hai lần nhập khớp"
    assert summary(db) == demo
    entries = [e for r in ballots.rounds(db, meeting_id(db))
               for e in ballots.count_entries(db, r.id)]
    assert {e.entered_by for e in entries} == {committee[1], committee[2]}
    # the page shows the demo's numbers
    assert column_texts(page.model, COL_OUTCOME) == [
        "Đã chọn: Cục Thi hành án dân sự tỉnh, Công an tỉnh", "Đã chọn: Tòa án nhân dân tỉnh",
        "Đã chọn: Sở Nội vụ, Viện Kiểm sát nhân dân tỉnh, Bộ Chỉ huy Quân sự tỉnh",
        "Đã chọn: Sở Nội vụ", "Đã chọn: Công an tỉnh"]
    select(qtbot, page, "Cờ thi đua của Ủy ban nhân dân tỉnh")
    assert results(page) == [
        ("Cục Thi hành án dân sự tỉnh", "8", "100 %", "Đạt", "Được đề nghị"),
        ("Công an tỉnh", "7", "87,5 %", "Đạt", "Được đề nghị")]
    select(qtbot, page, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    assert [r[2] for r in results(page)] == ["87,5 %", "75 %", "62,5 %"]
    assert page.officers.summary.text() == (
        "Trưởng khối: <b>Sở Nội vụ</b> — bầu bằng phiếu kín<br>"
        "Phó khối: <b>Công an tỉnh</b> — bầu bằng phiếu kín")
    assert session.undo_stack.count() == 15  # a round and two entries, five times

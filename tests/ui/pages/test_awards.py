"""ui/pages/awards.py: the Khen thưởng page driven like a user; every edit checked in the data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from data import awards, nominations, units
from data.db import Database
from data.demo_meeting import ACHIEVEMENTS
from data.meeting_model import Nomination, Severity
from tests.ui.helpers import column_texts, drive_dialogs, shown, type_text
from ui.dialogs import nomination as nomination_dialog
from ui.dialogs.nomination import NominationDialog
from ui.models.nominations import COL_TOTAL, COL_UNIT, COL_VOTES
from ui.pages import awards as awards_page
from ui.pages.awards import AwardsPage
from ui.session import MEMBERS, Session

FLAG = "Cờ thi đua của Ủy ban nhân dân tỉnh"


def content(db: Database) -> list[str]:
    return sorted(line for line in db.conn.iterdump() if "audit_log" not in line)


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def listed(db: Database) -> list[Nomination]:
    return nominations.nominations(db, 2019)


def open_page(qtbot: QtBot, session: Session) -> AwardsPage:
    return shown(qtbot, AwardsPage(session))


def names(page: AwardsPage) -> list[str]:
    return column_texts(page.model, COL_UNIT)


def select(qtbot: QtBot, page: AwardsPage, name: str) -> None:
    rect = page.table.visualRect(page.model.index(names(page).index(name), COL_UNIT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = page.selected()
    assert selected is not None and selected.unit_name == name


def press(qtbot: QtBot, page: AwardsPage, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, key, modifier)


def write_summary(qtbot: QtBot, page: AwardsPage, name: str, text: str) -> None:
    """Select a nominee, Enter to edit, replace the summary, Ctrl+Enter to save."""
    select(qtbot, page, name)
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(page.editor.edit.hasFocus)
    page.editor.edit.selectAll()
    type_text(qtbot, page.editor.edit, text)
    qtbot.keyClick(page.editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def user(monkeypatch: pytest.MonkeyPatch, *steps: Callable[[NominationDialog], None]
         ) -> list[str]:
    """Stand in for the modal run of a NominationDialog."""
    return drive_dialogs(monkeypatch, nomination_dialog, NominationDialog, *steps)


def test_the_demo_2019_list_and_checks(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session)
    assert page.heading.text() == "Khen thưởng năm 2019"
    assert page.tabs.tabText(0) == "Danh sách đề nghị (6)"
    assert names(page) == ["Cục Thi hành án dân sự tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh",
                           "Sở Nội vụ", "Viện Kiểm sát nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]
    first = [page.model.index(0, c).data() for c in range(6)]
    assert first == [1, "Cục Thi hành án dân sự tỉnh", FLAG, "109,6", "1", "8/8 (100 %)"]
    assert column_texts(page.model, COL_TOTAL)[:2] == ["109,6", "109"]
    assert column_texts(page.model, COL_VOTES)[1] == "7/8 (87,5 %)"
    assert page.status.text() == (
        f"6 đề nghị: {FLAG} 2/2 · Bằng khen của Thủ tướng Chính phủ 1/1 · Bằng khen của Chủ tịch "
        "Ủy ban nhân dân tỉnh 3/3")
    assert page.editor.caption.text() == f"Tóm tắt thành tích — <b>Cục Thi hành án dân sự tỉnh · " \
                                         f"{FLAG}</b>"
    assert page.editor.edit.toPlainText() == ACHIEVEMENTS["Cục Thi hành án dân sự tỉnh"]
    assert page.editor.facts.text() == "Hạng 1, 109,6 điểm · 8/8 (100 %) phiếu"
    assert page.findings.summary.text() == "Không có lỗi; 2 lưu ý"
    assert [f.severity for f in page.findings.findings()] == [Severity.WARNING] * 2
    assert page.plan_model.rowCount() == 4
    assert not page.up_action.isEnabled() and page.down_action.isEnabled()


def test_discipline_makes_an_error_appear(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session)
    police = unit_id(session.db, "Công an tỉnh")
    units.save_membership(session.db, replace(units.get_membership(session.db, 2019, police),
                                              discipline=True))
    session.notify(MEMBERS)
    qtbot.waitUntil(lambda: page.findings.summary.property("kind") == "error", timeout=2000)
    assert page.findings.summary.text() == "2 lỗi cần sửa trước khi gửi hồ sơ; 2 lưu ý"
    errors = [f for f in page.findings.findings() if f.severity is Severity.ERROR]
    assert [(f.rule, f.unit_id) for f in errors] == [("eligibility", police)] * 2
    row = page.model.row_at(names(page).index("Công an tỉnh"))
    assert row.blocked == ("Đang bị kỷ luật hoặc đang bị xem xét kỷ luật",)
    # activating the finding goes to the nomination it is about
    page.findings.findingActivated.emit(errors[1])
    selected = page.selected()
    assert selected is not None and selected.unit_name == "Công an tỉnh"
    page.findings.findingActivated.emit(page.findings.findings()[-1])  # a scores warning
    assert page.message.text() == "Điều này sửa ở trang “Chấm điểm”."


def test_edit_a_summary_with_enter_then_undo_redo(qtbot: QtBot, session: Session) -> None:
    db = session.db
    page = open_page(qtbot, session)
    court = next(n for n in listed(db) if n.unit_id == unit_id(db, "Tòa án nhân dân tỉnh"))
    write_summary(qtbot, page, "Tòa án nhân dân tỉnh", "Giải quyết 98 % số vụ án thụ lý.")
    assert nominations.get_nomination(db, court.id).achievements == (
        "Giải quyết 98 % số vụ án thụ lý.")
    assert page.model.index(2, 6).data() == "Giải quyết 98 % số vụ án thụ lý."
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert nominations.get_nomination(db, court.id) == court
    assert page.editor.edit.toPlainText() == court.achievements
    session.undo_stack.redo()
    assert page.editor.edit.toPlainText() == "Giải quyết 98 % số vụ án thụ lý."


def test_manual_add_refused_for_a_blocked_unit_then_added(
        qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    justice, inspector = unit_id(db, "Sở Tư pháp"), unit_id(db, "Thanh tra tỉnh")
    units.save_membership(db, replace(units.get_membership(db, 2019, justice),
                                      investigation=True))
    bkbtv = awards.form_by_code(db, "BK_BTV").id
    before = content(db)

    def blocked(dialog: NominationDialog) -> None:
        dialog.select_unit(justice)
        dialog.select_form(bkbtv)
        type_text(qtbot, dialog.achievements, "Hoàn thành tốt nhiệm vụ")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def other(dialog: NominationDialog) -> None:
        assert dialog.achievements.toPlainText() == "Hoàn thành tốt nhiệm vụ"  # kept
        dialog.select_unit(inspector)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = user(monkeypatch, blocked, other)
    page = open_page(qtbot, session)
    press(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Thêm đề nghị khen thưởng năm 2019",
                    "“Sở Tư pháp” không được đề nghị khen thưởng năm 2019: đang bị điều tra, "
                    "thanh tra, kiểm tra (Nghị định 152/2025/NĐ-CP, Điều 4)."]
    added = listed(db)[-1]
    assert (added.unit_id, added.award_form_id, added.achievements) == (
        inspector, bkbtv, "Hoàn thành tốt nhiệm vụ")
    selected = page.selected()
    assert selected is not None and selected.unit_name == "Thanh tra tỉnh"
    assert names(page)[-1] == "Thanh tra tỉnh"  # its award form comes last in the catalogue
    assert page.message.text() == "Đã thêm đề nghị (hoàn tác: Ctrl+Z)."
    session.undo_stack.undo()
    assert content(db) == before and "Thanh tra tỉnh" not in names(page)


def test_reorder_within_an_award_form(qtbot: QtBot, session: Session) -> None:
    db = session.db
    page = open_page(qtbot, session)
    before = content(db)
    select(qtbot, page, "Viện Kiểm sát nhân dân tỉnh")
    press(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(page)[3:] == ["Viện Kiểm sát nhân dân tỉnh", "Sở Nội vụ",
                               "Bộ Chỉ huy Quân sự tỉnh"]
    assert [n.unit_id for n in listed(db)][3:5] == [unit_id(db, "Viện Kiểm sát nhân dân tỉnh"),
                                                   unit_id(db, "Sở Nội vụ")]
    selected = page.selected()
    assert selected is not None and selected.unit_name == "Viện Kiểm sát nhân dân tỉnh"
    assert not page.up_action.isEnabled()  # first of its award form
    press(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(page)[2] == "Tòa án nhân dân tỉnh" and session.undo_stack.count() == 1
    press(qtbot, page, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, page, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(page)[3:] == ["Sở Nội vụ", "Bộ Chỉ huy Quân sự tỉnh",
                               "Viện Kiểm sát nhân dân tỉnh"]
    for _ in range(3):
        session.undo_stack.undo()
    assert content(db) == before
    assert names(page)[3] == "Sở Nội vụ"


def test_delete_asks_first_then_undo(qtbot: QtBot, session: Session,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = session.db
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(awards_page, "confirm", lambda *a: asked.append(a[2]) or answer[0])
    page = open_page(qtbot, session)
    before = content(db)
    select(qtbot, page, "Sở Nội vụ")
    press(qtbot, page, Qt.Key.Key_Delete)
    assert asked[0].startswith("Xóa đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” của "
                               "“Sở Nội vụ” khỏi danh sách?")
    assert content(db) == before and session.undo_stack.count() == 0
    answer[0] = True
    press(qtbot, page, Qt.Key.Key_Delete)
    assert "Sở Nội vụ" not in names(page) and len(listed(db)) == 5
    assert page.message.text() == "Đã xóa đề nghị của “Sở Nội vụ” (hoàn tác: Ctrl+Z)."
    session.undo_stack.undo()
    assert content(db) == before and "Sở Nội vụ" in names(page)


def test_nothing_to_make_from_the_results(qtbot: QtBot, session: Session) -> None:
    before = content(session.db)
    page = open_page(qtbot, session)
    press(qtbot, page, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.message.kind == "error" and page.message.text().startswith(
        "Năm 2019 chưa có vòng suy tôn nào có kết quả kiểm phiếu thống nhất")
    assert content(session.db) == before and session.undo_stack.count() == 0


def test_another_year(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session)
    session.set_year(2020)
    assert page.heading.text() == "Khen thưởng năm 2020"
    assert names(page) == [] and page.tabs.tabText(0) == "Danh sách đề nghị (0)"
    assert page.status.text().startswith("Chưa có đề nghị nào.")
    assert not page.editor.edit.isEnabled() and not page.delete_action.isEnabled()
    qtbot.waitUntil(lambda: page.findings.title.text() == "Kiểm tra quy định năm 2020:",
                    timeout=2000)


def test_run_the_2019_meeting_through_the_page(qtbot: QtBot, session: Session) -> None:
    """From the demo with its nominations removed: make the list from the ballot results,
    then type each summary; the data layer ends with the demo's list."""
    db = session.db
    demo = listed(db)
    for item in demo:
        nominations.delete_nomination(db, item.id)
    page = open_page(qtbot, session)
    assert names(page) == []
    assert "3 vòng suy tôn đã có kết quả nhưng chưa lập danh sách" in page.status.text()
    button = page.findChild(QToolButton, "makeFromResultsButton")
    assert isinstance(button, QToolButton) and button.text() == "Lập từ kết quả bỏ phiếu"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Đã lập 6 đề nghị từ kết quả bỏ phiếu (hoàn tác: Ctrl+Z)."
    made = listed(db)
    assert [(n.unit_id, n.award_form_id, n.round_id, n.position) for n in made] == [
        (n.unit_id, n.award_form_id, n.round_id, n.position) for n in demo]
    assert column_texts(page.model, COL_VOTES) == [
        "8/8 (100 %)", "7/8 (87,5 %)", "7/8 (87,5 %)", "7/8 (87,5 %)", "6/8 (75 %)",
        "5/8 (62,5 %)"]
    assert "6 đề nghị chưa có tóm tắt thành tích" in page.status.text()
    for name, text in ACHIEVEMENTS.items():
        write_summary(qtbot, page, name, text)
    assert listed(db) == [replace(n, id=m.id) for n, m in zip(demo, made, strict=True)]
    assert "chưa có tóm tắt thành tích" not in page.status.text()
    assert session.undo_stack.count() == 7
    qtbot.waitUntil(lambda: page.findings.summary.text() == "Không có lỗi; 2 lưu ý",
                    timeout=2000)


def test_leaving_the_page_saves_the_typed_summary(qtbot: QtBot, session: Session) -> None:
    page = open_page(qtbot, session)
    select(qtbot, page, "Sở Nội vụ")
    page.editor.focus_editor()
    type_text(qtbot, page.editor.edit, " Tặng Bằng khen năm 2018.")
    page.hide()  # another page of the window is shown
    stored = next(n for n in listed(session.db) if n.unit_id == unit_id(session.db, "Sở Nội vụ"))
    assert stored.achievements == ACHIEVEMENTS["Sở Nội vụ"] + " Tặng Bằng khen năm 2018."
    assert session.undo_stack.count() == 1

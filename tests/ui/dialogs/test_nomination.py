"""ui/dialogs/nomination.py: the dialog on its own — choices, hints, refusals shown inside."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from data import awards, nominations, units
from data.db import Database
from data.meeting_model import Nomination
from tests.ui.helpers import type_text
from ui.dialogs.nomination import FormChoice, NominationDialog, UnitChoice, choices
from ui.edits import nominations as edits
from ui.edits.nominations import NominationDraft
from ui.session import Session


def unit_id(db: Database, name: str) -> int:
    unit = units.find_unit(db, name)
    assert unit is not None, name
    return unit.id


def opened(qtbot: QtBot, session: Session) -> tuple[NominationDialog, list[Nomination]]:
    added: list[Nomination] = []

    def save(draft: NominationDraft) -> None:
        added.append(edits.add_nomination(session, 2019, draft))

    dialog = NominationDialog(2019, *choices(session.db, 2019), save)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, added


def test_choices_of_the_year(bloc: Database) -> None:
    justice = unit_id(bloc, "Sở Tư pháp")
    units.save_membership(bloc, replace(units.get_membership(bloc, 2019, justice),
                                        discipline=True, eligibility_note="QĐ số 12"))
    members, forms = choices(bloc, 2019)
    assert [m.name for m in members][:3] == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh",
                                             "Cục Thi hành án dân sự tỉnh"]
    blocked = next(m for m in members if m.unit_id == justice)
    assert blocked == UnitChoice(justice, "Sở Tư pháp",
                                 ("Đang bị kỷ luật hoặc đang bị xem xét kỷ luật",), "QĐ số 12")
    assert blocked.label == "Sở Tư pháp — vướng điều kiện khen thưởng"
    assert [(f.name, f.quota, f.listed) for f in forms] == [
        ("Cờ thi đua của Chính phủ", 1, 0), ("Cờ thi đua của Ủy ban nhân dân tỉnh", 2, 2),
        ("Bằng khen của Thủ tướng Chính phủ", 1, 1),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 3, 3),
        ("Bằng khen của Ban Thường vụ Tỉnh ủy", None, 0)]
    assert forms[0].hint == "Chỉ tiêu 1, đã đề nghị 0: còn 1."
    assert forms[1].hint == "Chỉ tiêu 2, đã đề nghị 2: đã đủ chỉ tiêu."
    assert forms[4].hint == "Không có chỉ tiêu cho hình thức này; đã đề nghị 0."
    assert FormChoice(9, "X", 1, 3).hint == "Chỉ tiêu 1, đã đề nghị 3: đã đủ chỉ tiêu."


def test_add_with_every_field(qtbot: QtBot, session: Session) -> None:
    dialog, added = opened(qtbot, session)
    assert dialog.windowTitle() == "Thêm đề nghị khen thưởng năm 2019"
    assert dialog.ok_button.text() == "Thêm vào danh sách"
    assert not dialog.unit_hint.isVisible() and not dialog.message.isVisible()
    justice = unit_id(session.db, "Sở Tư pháp")
    bkbtv = awards.form_by_code(session.db, "BK_BTV").id
    dialog.select_unit(justice)
    dialog.select_form(bkbtv)
    assert dialog.form_hint.text() == "Không có chỉ tiêu cho hình thức này; đã đề nghị 0."
    type_text(qtbot, dialog.achievements, "Xếp thứ bảy; hoàn thành tốt công tác pháp chế.")
    type_text(qtbot, dialog.note, "Đề nghị bổ sung")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [item] = added
    assert nominations.get_nomination(session.db, item.id) == item
    assert (item.unit_id, item.award_form_id, item.achievements, item.note) == (
        justice, bkbtv, "Xếp thứ bảy; hoàn thành tốt công tác pháp chế.", "Đề nghị bổ sung")


def test_blocked_unit_is_refused_in_place(qtbot: QtBot, session: Session) -> None:
    db = session.db
    justice = unit_id(db, "Sở Tư pháp")
    units.save_membership(db, replace(units.get_membership(db, 2019, justice), complaint=True))
    dialog, added = opened(qtbot, session)
    dialog.select_unit(justice)
    assert dialog.unit.currentText() == "Sở Tư pháp — vướng điều kiện khen thưởng"
    assert dialog.unit_hint.isVisible()
    assert dialog.unit_hint.text() == (
        "Đơn vị này đang có đơn thư khiếu nại, tố cáo chưa giải quyết xong: không được đề nghị "
        "khen thưởng (Nghị định 152/2025/NĐ-CP, Điều 4).")
    type_text(qtbot, dialog.achievements, "Thành tích đã gõ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.isVisible() and dialog.message.kind == "error"
    assert dialog.message.text() == (
        "“Sở Tư pháp” không được đề nghị khen thưởng năm 2019: đang có đơn thư khiếu nại, tố cáo "
        "chưa giải quyết xong (Nghị định 152/2025/NĐ-CP, Điều 4).")
    assert dialog.achievements.toPlainText() == "Thành tích đã gõ"  # nothing typed is lost
    assert added == [] and session.undo_stack.count() == 0
    dialog.select_unit(unit_id(db, "Thanh tra tỉnh"))
    assert not dialog.unit_hint.isVisible()


def test_duplicate_is_refused_in_place(qtbot: QtBot, session: Session) -> None:
    dialog, added = opened(qtbot, session)
    first = nominations.nominations(session.db, 2019)[0]
    dialog.select_unit(first.unit_id)
    dialog.select_form(first.award_form_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and added == []
    assert dialog.message.text() == ("“Cục Thi hành án dân sự tỉnh” đã có trong danh sách đề nghị "
                                     "“Cờ thi đua của Ủy ban nhân dân tỉnh” năm 2019.")


def test_nothing_to_choose(qtbot: QtBot) -> None:
    dialog = NominationDialog(2025, [], [], lambda draft: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.text() == "Hãy chọn đơn vị và hình thức khen thưởng."

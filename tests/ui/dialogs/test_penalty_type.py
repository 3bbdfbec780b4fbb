"""ui/dialogs/penalty_type.py: the catalogue panel and its entry dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from data import penalty_catalogue, scores
from data.errors import InputError
from data.model import PenaltyType
from tests.ui.helpers import type_text
from ui.dialogs import penalty_type as module
from ui.dialogs.penalty_type import PenaltyCatalogue, PenaltyTypeDialog
from ui.session import Session

CTRL = Qt.KeyboardModifier.ControlModifier


def write(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    type_text(qtbot, widget, text)


# --- the dialog ------------------------------------------------------------------------------
def test_the_dialog_saves_what_was_typed(qtbot: QtBot) -> None:
    saved: list[PenaltyType] = []
    dialog = PenaltyTypeDialog(PenaltyType(0, 2019, "", "", 0.0), saved.append)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Thêm lỗi bị trừ điểm" and dialog.points.text() == ""
    write(qtbot, dialog.code, "B4")
    write(qtbot, dialog.title, "Không gửi báo cáo")
    write(qtbot, dialog.points, "7,5")
    write(qtbot, dialog.source, "Quy chế Khối 2019")
    qtbot.mouseClick(dialog.findChild(QWidget, "penaltySaveButton"), Qt.MouseButton.LeftButton)
    assert saved == [PenaltyType(0, 2019, "B4", "Không gửi báo cáo", 7.5, "Quy chế Khối 2019")]
    assert dialog.result() == PenaltyTypeDialog.DialogCode.Accepted


def test_the_dialog_stays_open_on_a_refusal(qtbot: QtBot) -> None:
    def refuse(entry: PenaltyType) -> None:
        raise InputError("Tên lỗi bị trừ điểm không được để trống.")

    entry = PenaltyType(3, 2019, "B2", "Báo cáo chậm", 10.0, "Quy chế")
    dialog = PenaltyTypeDialog(entry, refuse)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sửa lỗi bị trừ điểm" and dialog.points.text() == "10"
    dialog.points.selectAll()
    write(qtbot, dialog.points, "mười")
    dialog.accept()
    assert dialog.message.text() == "Điểm trừ: “mười” không phải là số."
    assert dialog.points.text() == "mười" and dialog.result() == 0
    dialog.points.selectAll()
    write(qtbot, dialog.points, "12")
    dialog.accept()
    assert dialog.message.text() == "Tên lỗi bị trừ điểm không được để trống."
    assert dialog.result() == 0


# --- the panel -------------------------------------------------------------------------------
@pytest.fixture
def panel(qtbot: QtBot, session: Session) -> Iterator[PenaltyCatalogue]:
    host = QWidget()
    qtbot.addWidget(host)
    built = PenaltyCatalogue(session, host)
    built.resize(900, 500)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    yield built


def catalogue(session: Session) -> list[PenaltyType]:
    return penalty_catalogue.penalty_types(session.db, 2019)


def test_add_edit_and_delete_entries_with_undo(qtbot: QtBot, panel: PenaltyCatalogue,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    session = panel.session
    before = catalogue(session)
    assert panel.intro.text().startswith("Danh mục lỗi bị trừ điểm năm 2019: 7 lỗi.")

    def fill(parent: QWidget, entry: PenaltyType, save: module.Save) -> bool:
        save(PenaltyType(entry.id, entry.year, "B4", "Không gửi báo cáo năm", 15.0, "Quy chế"))
        return True

    monkeypatch.setattr(module, "ask_penalty_type", fill)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_N, CTRL)
    added = catalogue(session)[-1]
    assert (added.code, added.title, added.points, added.year) == (
        "B4", "Không gửi báo cáo năm", 15.0, 2019)
    assert panel.model.rowCount() == 8 and panel.selected() == added
    session.undo_stack.undo()
    assert catalogue(session) == before and panel.model.rowCount() == 7
    session.undo_stack.redo()
    assert catalogue(session)[-1] == added  # the same id

    panel.view.selectRow(1)
    old = panel.selected()
    assert old is not None and old.code == "B1"
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # Enter edits
    edited = penalty_catalogue.get_penalty_type(session.db, old.id)
    assert (edited.code, edited.points) == ("B4", 15.0)
    session.undo_stack.undo()
    assert penalty_catalogue.get_penalty_type(session.db, old.id) == old


def test_delete_an_entry_in_use(qtbot: QtBot, panel: PenaltyCatalogue,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    session = panel.session
    asked: list[str] = []
    monkeypatch.setattr(module, "confirm", lambda parent, title, text: asked.append(text) or True)
    entry = next(p for p in catalogue(session)
                 if penalty_catalogue.penalty_type_users(session.db, p.id))
    users = penalty_catalogue.penalty_type_users(session.db, entry.id)
    panel.view.selectRow([p.id for p in catalogue(session)].index(entry.id))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert asked and f"{len(users)} lần trừ điểm đã ghi theo lỗi này vẫn giữ nguyên" in asked[0]
    assert entry not in catalogue(session)
    assert all(p.type_id is None for p in scores.penalties(session.db, 2019) if p.id in users)
    session.undo_stack.undo()
    assert entry in catalogue(session)
    assert penalty_catalogue.penalty_type_users(session.db, entry.id) == users


def test_delete_can_be_cancelled(panel: PenaltyCatalogue,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "confirm", lambda *args: False)
    panel.view.selectRow(0)
    panel.delete_action.trigger()
    assert len(catalogue(panel.session)) == 7 and panel.session.undo_stack.count() == 0

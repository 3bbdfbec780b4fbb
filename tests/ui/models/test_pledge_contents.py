"""ui/models/pledge_contents.py: numbered contents, a draft row for a new one, edits handed on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import pledges
from data.errors import InputError
from tests.ui.helpers import column_texts
from ui.edits import pledges as edits
from ui.models.pledge_contents import COL_NUMBER, COL_TEXT, PledgeContentsModel
from ui.session import Session

TEXTS = ("Nội dung thứ nhất.", "Nội dung thứ hai,\nhai dòng.", "Nội dung thứ ba.")


def test_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = PledgeContentsModel(TEXTS)
    qtmodeltester.check(model)
    model.begin_draft()
    qtmodeltester.check(model)


def test_data_without_a_view() -> None:
    model = PledgeContentsModel(TEXTS)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["STT",
                                                                               "Nội dung"]
    assert column_texts(model, COL_NUMBER) == ["1", "2", "3"]
    assert column_texts(model, COL_TEXT) == list(TEXTS)
    second = model.index(1, COL_TEXT)
    assert model.data(second, Qt.ItemDataRole.EditRole) == TEXTS[1]
    assert model.data(second, Qt.ItemDataRole.ToolTipRole) == TEXTS[1]
    assert model.flags(second) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, COL_NUMBER)) & Qt.ItemFlag.ItemIsEditable


def test_the_demo_pledge_shows_nine_contents_in_order(session: Session) -> None:
    model = PledgeContentsModel(pledges.get_pledge(session.db, 2019).contents)
    assert column_texts(model, COL_NUMBER) == [str(n) for n in range(1, 10)]
    assert model.data(model.index(0, COL_TEXT)) == (
        "Hoàn thành xuất sắc nhiệm vụ chính trị, chuyên môn được giao năm 2019.")


def test_draft_row_is_numbered_new_and_dropped(qtbot: QtBot) -> None:
    model = PledgeContentsModel(TEXTS)
    with qtbot.waitSignal(model.rowsInserted):
        assert model.begin_draft() == 3
    assert model.begin_draft() == 3  # one draft at a time
    assert column_texts(model, COL_NUMBER) == ["1", "2", "3", "mới"]
    assert model.is_draft(3) and not model.is_draft(2)
    assert not model.setData(model.index(3, COL_TEXT), "   ")  # nothing typed: nothing added
    with qtbot.waitSignal(model.rowsRemoved):
        model.drop_draft()
    assert model.rowCount() == 3 and not model.draft


def test_set_contents_updates_in_place_when_the_count_allows(qtbot: QtBot) -> None:
    model = PledgeContentsModel(TEXTS)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_contents((TEXTS[1], TEXTS[0], TEXTS[2]))
    assert [changed.args[0].row(), changed.args[1].row()] == [0, 1]
    model.begin_draft()
    model.set_contents((TEXTS[1], TEXTS[0], TEXTS[2], "Mới thêm."))  # the draft became real
    assert not model.draft and column_texts(model, COL_NUMBER) == ["1", "2", "3", "4"]
    assert not resets
    model.set_contents(TEXTS[:1])
    assert resets == [True] and column_texts(model, COL_TEXT) == [TEXTS[0]]


def test_set_data_hands_edits_on_and_reports_refusals(session: Session, qtbot: QtBot) -> None:
    model = PledgeContentsModel(pledges.get_pledge(session.db, 2019).contents)
    model.on_edit = lambda row, text: edits.edit_content(session, 2019, row, text)
    model.on_add = lambda text: edits.add_content(session, 2019, text)
    session.changed.connect(
        lambda _change: model.set_contents(pledges.get_pledge(session.db, 2019).contents))
    assert model.setData(model.index(2, COL_TEXT), "Nội dung số ba đã sửa.")
    assert pledges.get_pledge(session.db, 2019).contents[2] == "Nội dung số ba đã sửa."
    assert model.data(model.index(2, COL_TEXT)) == "Nội dung số ba đã sửa."
    row = model.begin_draft()
    assert model.setData(model.index(row, COL_TEXT), "Nội dung số mười.")
    assert pledges.get_pledge(session.db, 2019).contents[9] == "Nội dung số mười."
    assert column_texts(model, COL_NUMBER)[-1] == "10"
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(model.index(0, COL_TEXT), "  ")
    assert refused.args == ["Nội dung giao ước không được để trống."]
    assert model.data(model.index(0, COL_TEXT)).startswith("Hoàn thành xuất sắc")
    assert session.undo_stack.count() == 2


def test_set_data_without_handlers_changes_nothing() -> None:
    model = PledgeContentsModel(TEXTS)
    assert not model.setData(model.index(0, COL_TEXT), "Khác.")
    assert not model.setData(model.index(0, COL_NUMBER), "9")
    model.on_edit = lambda row, text: (_ for _ in ()).throw(InputError("Không được."))
    assert not model.setData(model.index(0, COL_TEXT), "Khác.")
    assert model.data(model.index(0, COL_TEXT)) == TEXTS[0]

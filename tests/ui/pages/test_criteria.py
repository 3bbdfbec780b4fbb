"""ui/pages/criteria.py: the criteria table page, driven with keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from data import criteria, penalty_catalogue, scores, years
from data.model import Criterion, NodeKind, Score
from tests.ui.helpers import type_text
from ui.models.criteria_tree import COL_CHECK, COL_CODE, COLOURS
from ui.pages import criteria as page_module
from ui.pages.criteria import CriteriaPage
from ui.session import Session

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[CriteriaPage]:
    """The page inside a bare active window (shortcuts need one)."""
    host = QWidget()
    qtbot.addWidget(host)
    built = CriteriaPage(session, host)
    host.resize(1200, 760)
    built.resize(1200, 760)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    yield built


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(page_module, "confirm", lambda parent, title, text:
                        asked.append(text) or True)
    return asked


def node(session: Session, code: str, year: int = 2019) -> Criterion:
    return next(n for n in criteria.criteria(session.db, year) if n.code == code)


def codes(session: Session, year: int = 2019) -> list[str]:
    return [n.code for n in criteria.criteria(session.db, year)]


def all_scores(session: Session) -> list[Score]:
    return sorted(scores.scores(session.db, 2019), key=repr)


def dump(session: Session) -> list[str]:
    return [line for line in session.db.conn.iterdump() if "audit" not in line]


def select(qtbot: QtBot, page: CriteriaPage, code: str) -> None:
    page.select_node(node(page.session, code).id)
    page.tree.setFocus()


def write(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.setFocus()  # where the user clicks
    type_text(qtbot, widget, text)


def retype(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def save(qtbot: QtBot, page: CriteriaPage) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None and page.editor.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_S, CTRL)


def test_the_demo_2019_table(page: CriteriaPage) -> None:
    model = page.model
    assert page.heading.text() == "Bảng tiêu chí năm 2019"
    assert [model.data(model.index(r, COL_CODE)) for r in range(model.rowCount())] == [
        "I", "II", "III", "IV"]
    assert [model.data(model.index(r, COL_CHECK)) for r in range(4)] == [
        "50/50", "30/30", "20/20", "8/10"]
    assert page.summary.text() == ("Tổng điểm các phần: 100/100 · Điểm thưởng tối đa: 10 "
                                   "(theo quy định năm 2019)")
    assert page.problems.rowCount() == 0
    assert page.problems_title.text() == "Kiểm tra bảng: không có vấn đề nào ✓"
    assert all(page.tree.isExpanded(model.index_of(n.id)) for n in model.table().in_order
               if not n.is_leaf)
    assert not page.copy_action.isEnabled()
    assert page.catalogue.model.rowCount() == 7


def test_an_item_over_its_parent_is_refused_in_place(qtbot: QtBot, page: CriteriaPage) -> None:
    before, steps = dump(page.session), page.session.undo_stack.count()
    select(qtbot, page, "1a")  # a leaf: the new row goes beside it, under “1”
    qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL)
    editor = page.editor
    assert editor.heading.text() == "Thêm mục con của “1”"
    assert editor.code.text() == "1c" and editor.max_points.text() == "0"
    assert QApplication.focusWidget() is editor.title
    write(qtbot, editor.title, "Hoàn thành nhiệm vụ chuyển đổi số")
    retype(qtbot, editor.max_points, "31")
    save(qtbot, page)
    assert editor.message.isVisible() and editor.message.kind == "error"
    assert editor.message.text() == "Điểm tối đa của “1c” (31) vượt điểm tối đa của “1” (30)."
    assert editor.title.toPlainText() == "Hoàn thành nhiệm vụ chuyển đổi số"  # nothing lost
    assert editor.max_points.text() == "31" and editor.is_new
    assert dump(page.session) == before and page.session.undo_stack.count() == steps
    retype(qtbot, editor.max_points, "abc")
    save(qtbot, page)
    assert editor.message.text() == "Điểm tối đa: “abc” không phải là số."
    assert dump(page.session) == before


def test_add_a_section_and_an_item_then_undo(qtbot: QtBot, page: CriteriaPage) -> None:
    qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL | SHIFT)
    editor = page.editor
    assert editor.heading.text() == "Thêm phần mới" and editor.code.text() == "V"
    assert editor.kind.currentData() == NodeKind.GROUP.value
    write(qtbot, editor.title, "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")
    retype(qtbot, editor.max_points, "7,5")
    save(qtbot, page)
    section = node(page.session, "V")
    assert (section.title, section.max_points, section.parent_id) == (
        "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", 7.5, None)
    assert page.selected() == section and editor.node_id() == section.id
    assert "Tổng điểm các phần: 107,5/100 ⚠" in page.summary.text()
    messages = [page.problems.row_at(r).message for r in range(page.problems.rowCount())]
    assert "Nhóm “V” chưa có nội dung chấm." in messages
    assert any("107,5" in m for m in messages)
    qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL)
    assert editor.code.text() == "12" and editor.max_points.text() == "7,5"
    write(qtbot, editor.title, "Giải quyết thủ tục hành chính đúng hạn")
    save(qtbot, page)
    item = node(page.session, "12")
    assert (item.parent_id, item.kind, item.max_points) == (section.id, NodeKind.QUALITATIVE, 7.5)
    assert page.selected() == item
    page.session.undo_stack.undo()
    assert "12" not in codes(page.session)
    page.session.undo_stack.undo()
    assert "V" not in codes(page.session) and page.problems.rowCount() == 0
    page.session.undo_stack.redo()
    page.session.undo_stack.redo()
    assert node(page.session, "V") == section and node(page.session, "12") == item  # same ids


def test_edit_a_max_so_a_group_no_longer_adds_up(qtbot: QtBot, page: CriteriaPage) -> None:
    select(qtbot, page, "1b")
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # Enter goes to the editor
    assert QApplication.focusWidget() is page.editor.title
    retype(qtbot, page.editor.max_points, "7")
    save(qtbot, page)
    assert node(page.session, "1b").max_points == 7.0
    one = page.model.index_of(node(page.session, "1").id)
    assert page.model.data(one.siblingAtColumn(COL_CHECK)) == "27/30 ⚠"
    brush = page.model.data(one, Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == COLOURS["warning"][0]
    assert page.problems.rowCount() == 1  # the group “1”; the sections still make 100
    assert "Tổng điểm tối đa các nội dung của “1” (27) thấp hơn điểm tối đa của nhóm (30)." in (
        page.model.data(one, Qt.ItemDataRole.ToolTipRole))
    assert page.problems_title.text().startswith("Kiểm tra bảng: 0 lỗi, 1 cảnh báo")
    assert page.selected() == node(page.session, "1b")  # the selection survives the reload
    page.problems_view.activated.emit(page.problems.index(0, 0))
    assert page.selected() == node(page.session, "1")
    page.session.undo_stack.undo()
    assert node(page.session, "1b").max_points == 10.0
    assert page.problems.rowCount() == 0
    assert page.model.data(page.model.index_of(node(page.session, "1").id, COL_CHECK)) == "30/30"


def test_edit_kind_grades_layer_and_guidance(qtbot: QtBot, page: CriteriaPage) -> None:
    select(qtbot, page, "7")
    editor = page.editor
    assert editor.grades_box.isVisible() and not editor.plan_box.isVisible()
    grades = editor.grades.model
    assert grades.setData(grades.index(1, 1), "75")
    write(qtbot, editor.guidance, "Có biên bản kiểm tra của cơ quan có thẩm quyền.")
    editor.layer.setCurrentIndex(editor.layer.findData("council"))
    editor.save_button.click()
    saved = node(page.session, "7")
    assert saved.grades == (("A", 1.0), ("B", 0.75), ("C", 0.6), ("D", 0.0))
    assert saved.guidance == "Có biên bản kiểm tra của cơ quan có thẩm quyền."
    assert saved.layer.value == "council"
    assert page.session.undo_stack.count() == 1  # one save, one undo step
    page.session.undo_stack.undo()
    assert node(page.session, "7").grades[1] == ("B", 0.8)
    assert editor.grades.grades()[1] == ("B", 0.8)  # the editor follows the undo


def test_delete_a_criterion_with_its_items_and_scores(qtbot: QtBot, page: CriteriaPage,
                                                      confirmed: list[str]) -> None:
    table, marks = criteria.criteria(page.session.db, 2019), all_scores(page.session)
    select(qtbot, page, "1")
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert confirmed == ["Xóa “1 Hoàn thành các chỉ tiêu, nhiệm vụ được giao trong năm” cùng 2 "
                         "mục con và 32 điểm đã chấm?\n\nCó thể hoàn tác bằng Ctrl+Z."]
    assert not {"1", "1a", "1b"} & set(codes(page.session))
    assert len(all_scores(page.session)) == len(marks) - 32
    assert page.selected() == node(page.session, "2")  # the next row takes the selection
    assert page.message.kind == "ok"
    page.session.undo_stack.undo()
    assert criteria.criteria(page.session.db, 2019) == table  # same ids, same fields
    assert all_scores(page.session) == marks
    page.session.undo_stack.redo()
    assert "1a" not in codes(page.session)


def test_delete_can_be_cancelled(qtbot: QtBot, page: CriteriaPage,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_module, "confirm", lambda *args: False)
    before = dump(page.session)
    select(qtbot, page, "III")
    page.delete_action.trigger()
    assert dump(page.session) == before and page.session.undo_stack.count() == 0


def test_move_up_and_down_then_undo(qtbot: QtBot, page: CriteriaPage) -> None:
    select(qtbot, page, "2")
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, CTRL)
    assert codes(page.session)[:8] == ["I", "2", "2a", "2b", "1", "1a", "1b", "3"]
    assert page.selected() == node(page.session, "2")
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, CTRL)  # already first: nothing recorded
    assert page.session.undo_stack.count() == 1
    page.session.undo_stack.undo()
    assert codes(page.session)[:8] == ["I", "1", "1a", "1b", "2", "2a", "2b", "3"]
    select(qtbot, page, "II")
    page.down_button = page.findChild(QWidget, "moveDownButton")
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert [n.code for n in page.model.table().roots] == ["I", "III", "II", "IV"]
    page.session.undo_stack.undo()
    assert [n.code for n in page.model.table().roots] == ["I", "II", "III", "IV"]


def test_expansion_and_selection_survive_a_reload(qtbot: QtBot, page: CriteriaPage) -> None:
    two = page.model.index_of(node(page.session, "II").id)
    page.tree.collapse(two)
    select(qtbot, page, "3a")
    page.reload()
    assert not page.tree.isExpanded(page.model.index_of(node(page.session, "II").id))
    assert page.tree.isExpanded(page.model.index_of(node(page.session, "I").id))
    assert page.selected() == node(page.session, "3a")


def test_copy_the_table_into_an_empty_year_then_undo(qtbot: QtBot, page: CriteriaPage,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    years.add_year(page.session.db, 2021)
    page.session.set_year(2021)
    assert page.heading.text() == "Bảng tiêu chí năm 2021"
    assert page.tree_stack.currentIndex() == 1
    assert "Năm 2021 chưa có bảng tiêu chí." in page.empty.label.text()
    assert page.copy_action.isEnabled() and page.catalogue.model.rowCount() == 0
    offered: list[list[int]] = []
    monkeypatch.setattr(page_module, "ask_copy_source",
                        lambda parent, db, target, choices: offered.append(choices) or 2019)
    qtbot.mouseClick(page.findChild(QWidget, "copyTableButton"), Qt.MouseButton.LeftButton)
    assert offered == [[2020, 2019]]
    copied = criteria.criteria(page.session.db, 2021)
    assert [n.code for n in copied] == codes(page.session, 2019)
    assert len(penalty_catalogue.penalty_types(page.session.db, 2021)) == 7
    assert page.model.rowCount() == 4 and page.catalogue.model.rowCount() == 7
    assert not page.copy_action.isEnabled()
    page.session.undo_stack.undo()
    assert criteria.criteria(page.session.db, 2021) == []
    assert penalty_catalogue.penalty_types(page.session.db, 2021) == []
    assert page.tree_stack.currentIndex() == 1
    page.session.undo_stack.redo()
    assert criteria.criteria(page.session.db, 2021) == copied  # the same ids again


def test_copy_without_any_source_year(qtbot: QtBot, session: Session) -> None:
    criteria.delete_table(session.db, 2020)
    years.add_year(session.db, 2021)
    session.set_year(2021)
    page = CriteriaPage(session)
    qtbot.addWidget(page)
    criteria.delete_table(session.db, 2019)
    page.copy_action.trigger()
    assert page.message.text() == "Chưa có năm nào khác có bảng tiêu chí để sao chép."


def test_the_page_follows_the_year(page: CriteriaPage) -> None:
    page.session.set_year(2020)
    assert page.heading.text() == "Bảng tiêu chí năm 2020"
    assert page.model.table().roots[0].year == 2020
    assert page.editor.node_id() is None


def test_ctrl_n_belongs_to_the_tab_shown(qtbot: QtBot, page: CriteriaPage,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.dialogs import penalty_type

    asked: list[str] = []
    monkeypatch.setattr(penalty_type, "ask_penalty_type", lambda *args: asked.append("penalty"))
    page.tabs.setCurrentIndex(1)
    assert not page.add_child_action.isEnabled() and not page.delete_action.isEnabled()
    page.catalogue.view.setFocus()
    qtbot.keyClick(page.catalogue.view, Qt.Key.Key_N, CTRL)
    assert asked == ["penalty"] and not page.editor.is_new
    page.tabs.setCurrentIndex(0)
    select(qtbot, page, "III")
    qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL)
    assert page.editor.heading.text() == "Thêm mục con của “III”"
    assert page.editor.code.text() == "12" and page.editor.layer.currentData() == "council"
    assert asked == ["penalty"]


def test_penalty_catalogue_edits_show_on_the_page(page: CriteriaPage,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.edits import criteria as edits

    entry = penalty_catalogue.penalty_types(page.session.db, 2019)[0]
    edits.delete_penalty_type(page.session, entry)
    assert page.catalogue.model.rowCount() == 6
    page.session.undo_stack.undo()
    assert page.catalogue.model.rowCount() == 7

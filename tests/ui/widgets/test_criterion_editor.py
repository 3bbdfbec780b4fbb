"""ui/widgets/criterion_editor.py: the side panel editing one node of the criteria table."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from data import criteria
from data.criteria_table import CriteriaTable
from data.db import Database
from data.errors import InputError
from data.model import DEFAULT_GRADES, Criterion, Layer, NodeKind
from tests.ui.helpers import type_text
from ui.widgets.criterion_editor import EMPTY_HINT, CriterionEditor, new_node


@pytest.fixture
def editor(qtbot: QtBot) -> CriterionEditor:
    widget = CriterionEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def by_code(bloc: Database, code: str) -> Criterion:
    return next(n for n in criteria.criteria(bloc, 2019) if n.code == code)


def retype(qtbot: QtBot, widget: object, text: str) -> None:
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(widget, Qt.Key.Key_Delete)  # type: ignore[arg-type]
    type_text(qtbot, widget, text)  # type: ignore[arg-type]


def test_empty_until_a_node_is_loaded(editor: CriterionEditor) -> None:
    assert editor.heading.text() == EMPTY_HINT
    assert not editor.body.isVisible() and not editor.save_button.isEnabled()
    assert editor.node_id() is None
    with pytest.raises(ValueError):
        editor.criterion()


def test_a_quantitative_item_round_trips(qtbot: QtBot, editor: CriterionEditor,
                                         bloc: Database) -> None:
    node = by_code(bloc, "1a")
    editor.load(node)
    assert editor.heading.text() == "Sửa “1a”" and editor.node_id() == node.id
    assert editor.plan_box.isVisible() and not editor.grades_box.isVisible()
    assert (editor.excess_rate.text(), editor.excess_cap.text()) == ("1", "10")
    assert editor.criterion() == node and not editor.dirty
    assert not editor.save_button.isEnabled()
    retype(qtbot, editor.excess_cap, "12,5")
    retype(qtbot, editor.max_points, "17,5")
    qtbot.mouseClick(editor.reduce, Qt.MouseButton.LeftButton)
    assert editor.dirty and editor.save_button.isEnabled() and editor.revert_button.isEnabled()
    assert editor.criterion() == replace(node, max_points=17.5, excess_cap=0.125, reduce=True)
    editor.revert()
    assert editor.criterion() == node and not editor.dirty


def test_kinds_show_their_own_fields(editor: CriterionEditor, bloc: Database) -> None:
    editor.load(by_code(bloc, "1"), has_children=True)
    assert not editor.kind.isEnabled() and "mục con" in editor.kind.toolTip()
    assert not editor.form.isRowVisible(editor.layer)
    assert not editor.grades_box.isVisible() and not editor.plan_box.isVisible()
    editor.load(by_code(bloc, "1b"))
    assert editor.kind.isEnabled() and editor.grades_box.isVisible()
    assert editor.form.isRowVisible(editor.layer)
    editor.kind.setCurrentIndex(editor.kind.findData(NodeKind.NUMERIC.value))
    assert not editor.grades_box.isVisible() and editor.dirty
    changed = editor.criterion()
    assert (changed.kind, changed.grades, changed.excess_rate) == (NodeKind.NUMERIC, (), 0.0)


def test_numbers_that_are_not_numbers(qtbot: QtBot, editor: CriterionEditor,
                                      bloc: Database) -> None:
    editor.load(by_code(bloc, "1a"))
    retype(qtbot, editor.max_points, "abc")
    with pytest.raises(InputError, match="Điểm tối đa: “abc” không phải là số"):
        editor.criterion()
    retype(qtbot, editor.max_points, "20")
    retype(qtbot, editor.excess_rate, "một")
    with pytest.raises(InputError, match="vượt kế hoạch: “một” không phải là số"):
        editor.criterion()
    editor.show_error("Điểm tối đa của “1a” vượt.")
    assert editor.message.isVisible() and editor.excess_rate.text() == "một"


def test_a_new_node_is_prefilled(qtbot: QtBot, editor: CriterionEditor, bloc: Database) -> None:
    table = CriteriaTable(criteria.criteria(bloc, 2019))
    section = new_node(table, None, 2019, 100)
    assert (section.code, section.kind, section.max_points, section.parent_id) == (
        "V", NodeKind.GROUP, 0.0, None)
    bonus = new_node(table, by_code(bloc, "IV"), 2019, 100)
    assert (bonus.code, bonus.kind, bonus.max_points) == ("T3", NodeKind.BONUS, 2.0)
    council = new_node(table, by_code(bloc, "III"), 2019, 100)
    assert (council.code, council.kind, council.layer) == ("12", NodeKind.QUALITATIVE,
                                                           Layer.COUNCIL)
    editor.start_new(council, "Thêm mục con của “III”")
    assert editor.is_new and editor.node_id() is None and editor.save_button.isEnabled()
    assert editor.grades.grades() == DEFAULT_GRADES
    editor.focus_title()
    type_text(qtbot, editor.title, "Tham gia Cụm thi đua")
    said: list[int] = []
    editor.saveRequested.connect(lambda: said.append(1))
    qtbot.keyClick(editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(said) == 2
    assert editor.criterion() == replace(council, title="Tham gia Cụm thi đua",
                                         grades=DEFAULT_GRADES)
    editor.clear_node()
    assert editor.heading.text() == EMPTY_HINT and not editor.is_new

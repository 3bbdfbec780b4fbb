"""ui/widgets/grades_editor.py: the grade scale of a qualitative item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from data.model import DEFAULT_GRADES
from ui.widgets.grades_editor import COL_NAME, COL_SHARE, GradesEditor, GradesModel


def test_the_model(qtmodeltester: ModelTester) -> None:
    model = GradesModel(DEFAULT_GRADES)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, COL_NAME)) for r in range(4)] == ["A", "B", "C", "D"]
    assert [model.data(model.index(r, COL_SHARE)) for r in range(4)] == ["100", "80", "60", "0"]
    assert model.headerData(COL_SHARE, Qt.Orientation.Horizontal) == "Tỷ lệ điểm (%)"
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(1, COL_SHARE), "75,5")
    assert model.setData(model.index(1, COL_NAME), " Khá ")
    assert model.grades()[1] == ("Khá", 0.755)
    assert model.data(model.index(1, COL_SHARE)) == "75,5"
    qtmodeltester.check(model)


def test_refusals_leave_the_cell_as_it_was(qtbot: QtBot) -> None:
    model = GradesModel(DEFAULT_GRADES)
    said: list[str] = []
    model.refused.connect(said.append)
    assert not model.setData(model.index(0, COL_SHARE), "120")
    assert not model.setData(model.index(0, COL_SHARE), "nhiều")
    assert not model.setData(model.index(0, COL_NAME), "  ")
    assert said == ["Tỷ lệ điểm của mức “A” phải từ 0 đến 100 %.",
                    "Tỷ lệ điểm của mức “A”: “nhiều” không phải là số.",
                    "Tên mức không được để trống."]
    assert model.grades() == DEFAULT_GRADES


def test_the_editor_adds_removes_and_resets(qtbot: QtBot) -> None:
    editor = GradesEditor()
    qtbot.addWidget(editor)
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    editor.set_grades(())
    assert editor.grades() == DEFAULT_GRADES  # an empty scale shows the defaults
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.grades()[-1] == ("E", 0.0)
    editor.view.setCurrentIndex(editor.model.index(0, 0))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [g for g, _ in editor.grades()] == ["B", "C", "D", "E"]
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    assert editor.grades() == DEFAULT_GRADES
    assert len(changes) >= 4
    editor.model.set_grades((("Đạt", 1.0),))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.grades()[-1] == ("Mức 2", 0.0)

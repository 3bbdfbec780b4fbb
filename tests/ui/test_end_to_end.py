"""A secretariat's first days, end to end through the window: a new bloc through the wizard with
8 units, a small criteria table built in the editor, self-scores pasted from Excel, verified
scores typed in the grid, and the ranking the page shows, checked against numbers worked out by
hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from data import criteria, scores, units, years
from data.model import Layer, NodeKind
from tests.ui.helpers import type_in_cell, type_text
from ui.main_window import MainWindow
from ui.models.ranking import COL_UNIT
from ui.pages.criteria import CriteriaPage
from ui.pages.scoring import ScoringPage
from ui.paths import AppPaths
from ui.settings import Settings
from ui.wizard import NewBlocWizard

# Typed in the wizard in this order; the grid lists them the Vietnamese way (Đ after D, Ư/U…).
UNITS = ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
         "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
         "Đảng ủy Khối các cơ quan tỉnh", "Trường Chính trị tỉnh"]
IN_GRID_ORDER = ["Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ban Tổ chức Tỉnh ủy",
                 "Ban Tuyên giáo Tỉnh ủy", "Đảng ủy Khối các cơ quan tỉnh", "Trường Chính trị tỉnh",
                 "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"]
# Self-scores, pasted as one block (items 1, 2, 3 of the table below), in grid order.
SELF = {name: ("A", "20", "A") for name in IN_GRID_ORDER} | {
    "Trường Chính trị tỉnh": ("B", "16", "B")}
# Verified scores typed in the grid; Trường Chính trị is not verified yet (falls back to self).
VERIFIED = {
    "Ban Dân vận Tỉnh ủy": ("A", "18", "A"),
    "Ban Nội chính Tỉnh ủy": ("A", "20", "B"),
    "Ban Tổ chức Tỉnh ủy": ("B", "20", "A"),
    "Ban Tuyên giáo Tỉnh ủy": ("A", "19,5", "A"),
    "Đảng ủy Khối các cơ quan tỉnh": ("C", "15", "B"),
    "Ủy ban Kiểm tra Tỉnh ủy": ("B", "17", "B"),
    "Văn phòng Tỉnh ủy": ("A", "20", "A"),
}
# Worked by hand. Table: I (60) = 1 qualitative 40 + 2 points 20; II (40) = 3 qualitative 40;
# grades A/B/C/D = 100/80/60/0 %, so A = 40, B = 32, C = 24 on items 1 and 3.
#   Văn phòng 40+20+40 = 100; Tuyên giáo 40+19,5+40 = 99,5; Dân vận 40+18+40 = 98;
#   Nội chính 40+20+32 = 92 and Tổ chức 32+20+40 = 92: tied, section I (60 > 52) puts Nội chính
#   ahead; Ủy ban Kiểm tra 32+17+32 = 81; Trường Chính trị (self, 3 fallbacks) 32+16+32 = 80;
#   Đảng ủy Khối 24+15+32 = 71.
# Classes (bands 90/80/70 with floors 85/80/70 % on items 1, 2, 3): Dân vận 18/20 = 90 % ->
# Xuất sắc; Nội chính and Tổ chức have a B (80 %) -> Tốt; Ủy ban KT 81 and Trường CT 80 -> Tốt;
# Đảng ủy Khối 71 but item 1 at 60 % < 70 % -> Không hoàn thành.
EXPECTED = [
    (1, "Văn phòng Tỉnh ủy", "100", "Xuất sắc", ""),
    (2, "Ban Tuyên giáo Tỉnh ủy", "99,5", "Xuất sắc", ""),
    (3, "Ban Dân vận Tỉnh ủy", "98", "Xuất sắc", ""),
    (4, "Ban Nội chính Tỉnh ủy", "92", "Tốt", ""),
    (5, "Ban Tổ chức Tỉnh ủy", "92", "Tốt", ""),
    (6, "Ủy ban Kiểm tra Tỉnh ủy", "81", "Tốt", ""),
    (7, "Trường Chính trị tỉnh", "80", "Tốt", "3"),
    (8, "Đảng ủy Khối các cơ quan tỉnh", "71", "Không hoàn thành", ""),
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = AppPaths.decide(str(tmp_path / "appdata"))
    w = MainWindow(paths, Settings(paths))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close_bloc()


def fill_wizard(qtbot: QtBot, wizard: NewBlocWizard, target: Path) -> int:
    """What the secretary types in the wizard (the modal loop is the only thing replaced)."""
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.profile_page.name, "Khối thi đua các Ban, Cơ quan của Đảng")
    type_text(qtbot, wizard.profile_page.place, "Bắc Ninh")
    wizard.next()
    page = wizard.units_page
    page.year.setValue(2019)
    for name in UNITS:
        type_text(qtbot, page.units, name)
        qtbot.keyClick(page.units, Qt.Key.Key_Return)
    assert page.problems.text().startswith("8 đơn vị")
    wizard.next()
    officers = wizard.officers_page
    officers.head.setCurrentText("Ban Tuyên giáo Tỉnh ủy")
    officers.deputy1.setCurrentText("Văn phòng Tỉnh ủy")
    officers.path.setText(str(target))
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    return 1


def add_node(qtbot: QtBot, page: CriteriaPage, code: str, title: str, max_points: str,
             kind: NodeKind, child: bool) -> None:
    (page.add_child if child else page.add_section)()
    editor = page.editor
    for field, text in ((editor.code, code), (editor.max_points, max_points)):
        field.clear()
        type_text(qtbot, field, text)
    editor.title.clear()
    type_text(qtbot, editor.title, title)
    editor.kind.setCurrentIndex(editor.kind.findData(kind.value))
    editor.layer.setCurrentIndex(editor.layer.findData(Layer.VERIFIED.value))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message.kind != "error", editor.message.text()


def cell(page: ScoringPage, unit: str, code: str) -> None:
    model = page.grid_model
    column = next(c for c in range(model.columnCount())
                  if (item := model.item_at(c)) is not None and item.code == code)
    unit_id = units.find_unit(page.session.db, unit).id  # type: ignore[union-attr]
    page.grid.setFocus()
    page.grid.selectionModel().setCurrentIndex(model.index(model.row_of(unit_id), column),
                                               QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_new_bloc_to_ranking_through_the_window(qtbot: QtBot, window: MainWindow,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "Khối các Ban Đảng.ktd"
    monkeypatch.setattr(NewBlocWizard, "exec", lambda self: fill_wizard(qtbot, self, target))
    window.new_bloc()
    session = window.session
    assert session is not None and session.path == target and session.year == 2019
    assert sorted(u.name for u, _ in units.members(session.db, 2019)) == sorted(UNITS)
    head = years.officers(session.db, 2019).head
    assert units.get_unit(session.db, head or 0).name == "Ban Tuyên giáo Tỉnh ủy"

    table_page = window.page("criteriaPage")
    assert isinstance(table_page, CriteriaPage)
    add_node(qtbot, table_page, "I", "THỰC HIỆN NHIỆM VỤ CHUYÊN MÔN", "60", NodeKind.GROUP, False)
    add_node(qtbot, table_page, "1", "Hoàn thành nhiệm vụ được giao", "40",
             NodeKind.QUALITATIVE, True)
    add_node(qtbot, table_page, "2", "Cải cách hành chính", "20", NodeKind.NUMERIC, True)
    add_node(qtbot, table_page, "II", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "40", NodeKind.GROUP,
             False)
    add_node(qtbot, table_page, "3", "Phát hiện, nhân rộng điển hình tiên tiến", "40",
             NodeKind.QUALITATIVE, True)
    nodes = criteria.criteria(session.db, 2019)
    assert [(n.code, n.max_points, n.kind) for n in nodes] == [
        ("I", 60, NodeKind.GROUP), ("1", 40, NodeKind.QUALITATIVE), ("2", 20, NodeKind.NUMERIC),
        ("II", 40, NodeKind.GROUP), ("3", 40, NodeKind.QUALITATIVE)]
    assert table_page.summary.text().startswith("Tổng điểm các phần: 100/100")

    scoring = window.page("scoringPage")
    assert isinstance(scoring, ScoringPage)
    scoring.set_layer(Layer.SELF)
    assert [scoring.grid_model.headerData(r, Qt.Orientation.Vertical)
            for r in range(8)] == IN_GRID_ORDER
    QGuiApplication.clipboard().setText(
        "\n".join("\t".join(SELF[name]) for name in IN_GRID_ORDER) + "\n")
    cell(scoring, IN_GRID_ORDER[0], "1")
    qtbot.keyClick(scoring.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(scores.scores(session.db, 2019)) == 24
    assert session.undo_stack.undoText().startswith("Dán")

    scoring.set_layer(Layer.VERIFIED)
    for name, values in VERIFIED.items():
        for code, value in zip(("1", "2", "3"), values, strict=True):
            cell(scoring, name, code)
            type_in_cell(qtbot, scoring.grid, value)
    assert scoring.message.kind != "error", scoring.message.text()
    verified = {(s.unit_id, s.criterion_id) for s in scores.scores(session.db, 2019)
                if s.layer is Layer.VERIFIED}
    missing = [(u.name, n.code) for u, _ in units.members(session.db, 2019) for n in nodes
               if n.is_leaf and u.name in VERIFIED and (u.id, n.id) not in verified]
    assert missing == []
    assert len(scores.scores(session.db, 2019)) == 24 + 21

    model = scoring.ranking.table.model()
    shown = [tuple(str(model.index(r, c).data() or "") for c in range(model.columnCount()))
             for r in range(model.rowCount())]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rank, total, band, fallback = (headers.index(h) for h in (
        "Hạng", "Tổng", "Xếp loại", "Lấy tự chấm"))
    assert [(int(row[rank]), row[COL_UNIT], row[total], row[band], row[fallback])
            for row in shown] == EXPECTED

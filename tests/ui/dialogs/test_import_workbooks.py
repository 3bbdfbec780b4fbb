"""ui/dialogs/import_workbooks.py: workbooks chosen or dropped, the report read, the good files
applied as one undo step; a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from data import scores, units
from data.model import Layer
from printing.xlsx_templates import units_template
from tests.data.imports.books import dump, fill_template
from tests.printing.bad_selfscore import exported, fill, unit_id
from tests.ui.helpers import shown
from ui.dialogs.import_workbooks import ImportDialog, workbooks
from ui.session import Session


def self_points(session: Session, code: str) -> float | None:
    unit = unit_id(session.db)
    item = next(c for c in session.board().table.in_order if c.code == code)
    score = scores.get_score(session.db, unit, item.id, Layer.SELF)
    return score.points if score is not None else None


def test_a_folder_stands_for_its_workbooks(tmp_path: Path) -> None:
    for name in ("b.xlsx", "a.xlsx", "~$a.xlsx", "ghi chú.txt", "cu.xls"):
        (tmp_path / name).write_bytes(b"")
    loose = tmp_path / "a.xlsx"
    assert workbooks([loose, tmp_path]) == [loose, tmp_path / "b.xlsx", tmp_path / "cu.xls"]


def test_self_scores_dropped_reported_applied_and_undone(qtbot: QtBot, session: Session,
                                                         tmp_path: Path) -> None:
    good = fill(exported(session.db), tmp_path / "Công an.xlsx",
                {"1b": {"points": "B", "evidence": "Báo cáo số 12/BC-CAT"}})
    bad = fill(exported(session.db, "Sở Tư pháp"), tmp_path / "Sai.xlsx", {"5": {"points": "Z"}})
    before = dump(session.db)
    dialog = shown(qtbot, ImportDialog(session, "self-score"))
    assert not dialog.apply_button.isEnabled()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(drop)  # what Qt calls when files are dropped on the dialog
    assert dialog.paths == [good, bad]
    assert dialog.summary.text().startswith("2 tệp: 1 áp dụng được (")
    assert dialog.tabs.tabText(1) == "Lỗi (1)"
    assert dialog.problems.rows()[0].file == "Sai.xlsx"
    changed = {(r.change.item.split(".")[0], r.change.field) for r in dialog.changes.rows()}
    assert ("1b", "Minh chứng") in changed
    assert dump(session.db) == before  # nothing written before “Áp dụng”
    assert dialog.apply_button.isEnabled()
    dialog.accept()
    assert not dialog.isVisible()
    assert self_points(session, "1b") == 8  # B = 80 % of 10
    session.undo_stack.undo()
    assert dump(session.db) == before
    session.undo_stack.redo()
    assert self_points(session, "1b") == 8


def test_units_from_the_template(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    session.set_year(2020)
    book = fill_template(units_template(), [(1, "Sở Y tế", "SYT", "", "Lê Văn Y", "Giám đốc",
                                             "Có")], tmp_path / "don-vi.xlsx")
    dialog = shown(qtbot, ImportDialog(session, "units"))
    dialog.add_paths([book])
    assert dialog.plan is not None and dialog.plan.problems == []
    dialog.accept()
    assert "Sở Y tế" in [u.name for u, _ in units.members(session.db, 2020)]
    session.undo_stack.undo()
    assert "Sở Y tế" not in [u.name for u, _ in units.members(session.db, 2020)]


def test_a_file_that_is_not_a_workbook(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    wrong = tmp_path / "ghi-chu.xlsx"
    wrong.write_text("không phải bảng tính", encoding="utf-8")
    dialog = shown(qtbot, ImportDialog(session, "self-score"))
    dialog.add_paths([wrong])
    assert not dialog.apply_button.isEnabled()
    assert "không phải tệp Excel" in dialog.problems.rows()[0].message
    assert dialog.tabs.currentIndex() == 1

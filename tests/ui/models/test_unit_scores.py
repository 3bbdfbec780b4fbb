"""ui/models/unit_scores.py: one unit, every node, the three layers side by side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from data import scores, units
from data.vntext import format_number
from ui.edits.scores import ScoreEditor
from ui.models.score_cells import DIFFERENT, FALLBACK, KEY_ROLE, LIGHT
from ui.models.unit_scores import (
    COL_CODE,
    COL_COUNCIL,
    COL_FINAL,
    COL_MAX,
    COL_NOTE,
    COL_SELF,
    COL_TITLE,
    COL_VERIFIED,
    SUMMARY,
    UnitScoresModel,
    difference_tip,
)
from ui.session import Session

DISPLAY, TIP, BACK, FORE, FONT = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                  Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                                  Qt.ItemDataRole.FontRole)


def model_for(session: Session, name: str) -> UnitScoresModel:
    unit = units.find_unit(session.db, name)
    assert unit is not None
    model = UnitScoresModel(session, ScoreEditor(session))
    model.set_unit(unit.id)
    return model


def row(model: UnitScoresModel, code: str) -> int:
    return next(r for r in range(model.rowCount())
                if (node := model.node_at(r)) is not None and node.code == code)


def at(model: UnitScoresModel, code: str, column: int, role: int = DISPLAY) -> object:
    return model.index(row(model, code), column).data(role)


@pytest.mark.parametrize("name", ["Sở Tư pháp", "Bộ Chỉ huy Quân sự tỉnh"])
def test_model_checks(qtmodeltester: ModelTester, session: Session, name: str) -> None:
    qtmodeltester.check(model_for(session, name))
    empty = UnitScoresModel(session, ScoreEditor(session))
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0


def test_rows_are_the_table_then_the_totals(session: Session) -> None:
    model = model_for(session, "Sở Tư pháp")
    table = session.board().table
    assert model.rowCount() == len(table.in_order) + len(SUMMARY)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "Mã", "Nội dung", "Tối đa", "Tự chấm", "Khối chấm", "Hội đồng chấm", "Điểm cuối",
        "Ghi chú"]
    assert [at(model, "I", c) for c in (COL_CODE, COL_TITLE, COL_MAX)] == [
        "I", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN", "50"]
    assert at(model, "I", COL_TITLE, FONT).bold()
    assert at(model, "1b", COL_TITLE) == "        Nhiệm vụ đột xuất được cấp trên giao"
    result = session.board().result(model.unit.id)  # type: ignore[union-attr]
    section = table.by_code("I")
    assert section is not None
    assert at(model, "I", COL_FINAL) == format_number(result.node_points[section.id])
    first = len(table.in_order)
    summary = [(model.index(first + i, COL_TITLE).data(), model.index(first + i,
                                                                      COL_FINAL).data())
               for i in range(len(SUMMARY))]
    ranked = next(r for r in session.board().ranking() if r.unit_id == result.unit_id)
    assert summary == [
        ("Cộng điểm các nội dung", format_number(result.base_total)),
        ("Điểm thưởng (sau giới hạn)", "0"),
        ("Điểm trừ", "−2"),
        ("TỔNG ĐIỂM", format_number(result.final_total)),
        ("Xếp hạng · xếp loại", f"Hạng {ranked.rank} · {ranked.band}"),
    ]
    assert model.index(first, COL_SELF).data() == format_number(result.self_total)


def test_differences_from_the_self_score_are_highlighted(session: Session) -> None:
    model = model_for(session, "Sở Tư pháp")
    assert (at(model, "1b", COL_SELF), at(model, "1b", COL_VERIFIED)) == ("A · 10", "B · 8")
    assert at(model, "1b", COL_VERIFIED, BACK) == DIFFERENT
    assert str(at(model, "1b", COL_VERIFIED, TIP)).startswith("−2 so với tự chấm")
    assert at(model, "1b", COL_SELF, BACK) is None
    assert at(model, "1b", COL_SELF, FORE) == LIGHT  # the self layer does not count for 1b
    assert at(model, "3a", COL_VERIFIED, BACK) is None  # the same grade
    assert at(model, "10", COL_COUNCIL, BACK) == DIFFERENT  # council B against self A
    assert at(model, "1a", COL_VERIFIED, BACK) == DIFFERENT  # 98/100 against 100/100
    assert difference_tip(8, 7.5) == "+0,5 so với tự chấm"


def test_fallbacks_are_marked_on_the_final_score(session: Session) -> None:
    model = model_for(session, "Bộ Chỉ huy Quân sự tỉnh")
    assert at(model, "3a", COL_VERIFIED) == ""
    assert at(model, "3a", COL_FINAL) == "5"
    assert at(model, "3a", COL_FINAL, BACK) == FALLBACK
    assert at(model, "3a", COL_FINAL, TIP) == "Chưa có điểm khối chấm — đang lấy điểm tự chấm"
    assert at(model, "1b", COL_FINAL, BACK) is None


def test_only_layer_cells_of_items_are_editable(qtbot: QtBot, session: Session) -> None:
    model = model_for(session, "Sở Tư pháp")
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(row(model, "1b"), COL_COUNCIL)) & editable
    for code, column in (("1b", COL_FINAL), ("1b", COL_TITLE), ("I", COL_VERIFIED)):
        assert not model.flags(model.index(row(model, code), column)) & editable
    key = at(model, "8", COL_COUNCIL, KEY_ROLE)
    with qtbot.assertNotEmitted(model.modelReset):
        assert model.setData(model.index(row(model, "8"), COL_COUNCIL), "c")
    stored = scores.get_score(session.db, *key)  # type: ignore[misc]
    assert stored is not None and (stored.grade, stored.points) == ("C", 3.0)
    assert at(model, "8", COL_FINAL) == "3"
    assert at(model, "III", COL_COUNCIL) == "17"  # 3 + 5 + 4 + 5: the subtotal follows
    with qtbot.waitSignal(model.refused) as signal:
        assert not model.setData(model.index(row(model, "8"), COL_COUNCIL), "Z")
    assert signal.args[0].startswith("8 · Hội đồng chấm: Mức “Z” không có trong thang")


def test_notes_column_lists_each_layer(session: Session) -> None:
    model = model_for(session, "Sở Tư pháp")
    key = at(model, "1b", COL_VERIFIED, KEY_ROLE)
    model.editor.set_note(2019, key, "Biên bản thẩm định\nsố 3")  # type: ignore[arg-type]
    assert at(model, "1b", COL_NOTE) == "Khối chấm: Biên bản thẩm định số 3"
    assert at(model, "1b", COL_NOTE, TIP) == "Khối chấm: Biên bản thẩm định\nsố 3"

"""ui/models/nominations.py: the nomination list as printed, asserted without a view."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from data import nominations, units
from data.db import Database
from data.scores import load_board
from tests.ui.helpers import column_texts
from ui.models.base import ROW_ROLE
from ui.models.nominations import (
    COL_ACHIEVEMENTS,
    COL_FORM,
    COL_NOTE,
    COL_NUMBER,
    COL_RANK,
    COL_TOTAL,
    COL_UNIT,
    COL_VOTES,
    NOT_WRITTEN,
    NominationRow,
    NominationsModel,
    list_status,
    load_rows,
)

FLAG, PM, CERT = ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Bằng khen của Thủ tướng Chính phủ",
                  "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")


def demo_model(db: Database) -> NominationsModel:
    return NominationsModel(load_rows(db, 2019, load_board(db, 2019)))


def test_model_passes_the_model_tester(bloc: Database, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(demo_model(bloc))
    qtmodeltester.check(NominationsModel())


def test_the_demo_2019_list(bloc: Database) -> None:
    model = demo_model(bloc)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "STT", "Tên tập thể", "Hình thức đề nghị", "Tổng điểm", "Xếp hạng", "Số phiếu (%)",
        "Tóm tắt thành tích", "Ghi chú"]
    first = [model.data(model.index(0, c)) for c in range(8)]
    assert first[:6] == [1, "Cục Thi hành án dân sự tỉnh", FLAG, "109,6", "1", "8/8 (100 %)"]
    assert first[6].startswith("Dẫn đầu Khối năm 2019 (109,6 điểm)") and first[7] == ""
    assert column_texts(model, COL_UNIT) == [
        "Cục Thi hành án dân sự tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh", "Sở Nội vụ",
        "Viện Kiểm sát nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]
    assert column_texts(model, COL_FORM) == [FLAG, FLAG, PM, CERT, CERT, CERT]
    assert column_texts(model, COL_NUMBER) == ["1", "2", "3", "4", "5", "6"]
    assert column_texts(model, COL_TOTAL) == ["109,6", "109", "105", "105", "103,69", "100,6"]
    assert column_texts(model, COL_RANK) == ["1", "2", "3", "4", "5", "6"]
    assert column_texts(model, COL_VOTES) == ["8/8 (100 %)", "7/8 (87,5 %)", "7/8 (87,5 %)",
                                              "7/8 (87,5 %)", "6/8 (75 %)", "5/8 (62,5 %)"]
    assert model.data(model.index(0, COL_VOTES), Qt.ItemDataRole.ToolTipRole) == (
        "Vòng 1 suy tôn “Cờ thi đua của Ủy ban nhân dân tỉnh”")
    assert model.data(model.index(0, COL_VOTES), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    row = model.data(model.index(0, 0), ROW_ROLE)
    assert isinstance(row, NominationRow)
    assert row.facts == "Hạng 1, 109,6 điểm · 8/8 (100 %) phiếu"
    # award forms alternate their tint: the Prime Minister's certificate is the second group
    assert model.data(model.index(0, COL_UNIT), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(2, COL_UNIT), Qt.ItemDataRole.BackgroundRole) == QColor(
        "#f3f6fa")


def test_grouped_by_catalogue_order_then_list_order(bloc: Database) -> None:
    listed = nominations.nominations(bloc, 2019)
    # move a certificate to the top of the whole list: it stays within its award form
    nominations.move_nomination(bloc, listed[-1].id, -10)
    model = demo_model(bloc)
    assert column_texts(model, COL_UNIT)[:3] == [
        "Cục Thi hành án dân sự tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh"]
    assert column_texts(model, COL_UNIT)[3:] == [
        "Bộ Chỉ huy Quân sự tỉnh", "Sở Nội vụ", "Viện Kiểm sát nhân dân tỉnh"]


def test_no_round_no_summary_blocked_unit(bloc: Database) -> None:
    listed = nominations.nominations(bloc, 2019)
    police = listed[1]
    nominations.delete_nomination(bloc, police.id)
    nominations.add_nomination(bloc, 2019, police.unit_id, police.award_form_id,
                               note="Bổ sung sau hội nghị")
    units.save_membership(bloc, replace(units.get_membership(bloc, 2019, police.unit_id),
                                        discipline=True))
    model = demo_model(bloc)
    row = column_texts(model, COL_UNIT).index("Công an tỉnh")
    assert model.data(model.index(row, COL_VOTES)) == ""
    assert model.data(model.index(row, COL_VOTES), Qt.ItemDataRole.ToolTipRole) == (
        "Đề nghị này chưa qua bỏ phiếu tại hội nghị.")
    assert model.data(model.index(row, COL_ACHIEVEMENTS)) == NOT_WRITTEN
    assert model.data(model.index(row, COL_NOTE)) == "Bổ sung sau hội nghị"
    assert model.data(model.index(row, COL_UNIT), Qt.ItemDataRole.BackgroundRole) == QColor(
        "#fdecea")
    assert model.data(model.index(row, COL_UNIT), Qt.ItemDataRole.ToolTipRole) == (
        "Vướng điều kiện khen thưởng: Đang bị kỷ luật hoặc đang bị xem xét kỷ luật.")
    assert model.row_at(row).facts == "Hạng 2, 109 điểm · Chưa qua bỏ phiếu"
    assert model.row_of(police.id) == -1 and model.row_of(listed[0].id) == 0


def test_list_status(bloc: Database) -> None:
    rows = load_rows(bloc, 2019, load_board(bloc, 2019))
    quotas = {rows[0].form.id: 2, rows[2].form.id: 1, rows[3].form.id: 3}
    assert list_status(rows, quotas, 0) == (
        f"6 đề nghị: {FLAG} 2/2 · {PM} 1/1 · {CERT} 3/3", False)
    no_summary = [replace(r, nomination=replace(r.nomination, achievements="")) for r in rows]
    assert list_status(no_summary[1:], {}, 0)[1]
    text, todo = list_status(no_summary[:1], {}, 2)
    assert todo and text.split("\n") == [
        f"1 đề nghị: {FLAG} 1",
        "1 đề nghị chưa có tóm tắt thành tích: chọn dòng, bấm Enter và ghi ở khung bên phải.",
        "2 vòng suy tôn đã có kết quả nhưng chưa lập danh sách: bấm “Lập từ kết quả bỏ phiếu” "
        "(Ctrl+L)."]
    text, todo = list_status([], {}, 0)
    assert todo and text.startswith("Chưa có đề nghị nào. Nhập đủ hai lần kết quả")

"""ui/models/documents.py: the year's documents with number, date and data status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from data.db import Database
from data.documents.catalog import issue_number
from tests.ui.helpers import column_texts
from ui.models.documents import COL_DATA, COL_DATE, COL_KIND, COL_NUMBER, DocumentsModel, load_rows


def test_the_demo_year(qtmodeltester: ModelTester, bloc: Database) -> None:
    issue_number(bloc, 2019, "minutes")
    model = DocumentsModel(load_rows(bloc, 2019))
    qtmodeltester.check(model)
    assert column_texts(model, COL_KIND) == [
        "Bản giao ước thi đua", "Phiếu bầu", "Biên bản kiểm phiếu", "Biên bản hội nghị tổng kết",
        "Tờ trình đề nghị khen thưởng", "Bảng tổng hợp điểm"]
    assert column_texts(model, COL_NUMBER) == ["không cấp số", "không cấp số", "chưa cấp số",
                                               "01/BB-KTĐNC", "chưa cấp số", "không cấp số"]
    assert column_texts(model, COL_DATE)[3] == "3/12/2019"
    assert column_texts(model, COL_DATA) == ["Đủ"] * 6
    assert model.row_of("submission") == 4 and model.row_of("khác") == -1


def test_missing_data_is_shown_with_its_reasons(qtmodeltester: ModelTester,
                                                bloc: Database) -> None:
    model = DocumentsModel(load_rows(bloc, 2020))
    qtmodeltester.check(model)
    assert column_texts(model, COL_DATA) == ["Đủ"] + ["Thiếu dữ liệu"] * 5
    tip = model.data(model.index(3, COL_DATA), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Còn thiếu:\n• năm 2020 chưa có hội nghị tổng kết (trang Hội nghị)"
    assert model.data(model.index(3, COL_KIND), Qt.ItemDataRole.ForegroundRole) is not None
    assert load_rows(bloc, 0) == []

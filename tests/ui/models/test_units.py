"""ui/models/units.py: the members table model and its tone-blind filter, without a view."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.modeltest import ModelTester

from data import units, years
from data.db import Database
from tests.ui.helpers import column_texts
from ui.models.base import ROW_ROLE, SORT_ROLE
from ui.models.units import (
    COL_BLOCKS,
    COL_CODE,
    COL_HEAD,
    COL_NAME,
    COL_NUMBER,
    COL_POST,
    COL_SHORT,
    COL_TITLE,
    COL_WOMEN,
    MemberRow,
    MembersFilter,
    MembersModel,
    load_rows,
)

NAMES_2019 = ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Cục Thi hành án dân sự tỉnh",
              "Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh", "Tòa án nhân dân tỉnh",
              "Viện Kiểm sát nhân dân tỉnh"]


def block(db: Database, name: str, **flags: object) -> None:
    unit = units.find_unit(db, name)
    assert unit is not None
    member = units.get_membership(db, 2019, unit.id)
    units.save_membership(db, replace(member, **flags))  # type: ignore[arg-type]


def test_model_passes_the_model_tester(bloc: Database, qtmodeltester: ModelTester) -> None:
    block(bloc, "Sở Tư pháp", discipline=True, eligibility_note="Quyết định kỷ luật số 12")
    model = MembersModel(load_rows(bloc, 2019))
    qtmodeltester.check(model)
    qtmodeltester.check(MembersModel())


def test_rows_are_numbered_in_vietnamese_order(bloc: Database) -> None:
    model = MembersModel(load_rows(bloc, 2019))
    assert model.rowCount() == 8 and model.columnCount() == 9
    assert column_texts(model, COL_NAME) == NAMES_2019
    assert column_texts(model, COL_NUMBER) == [str(n) for n in range(1, 9)]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == ["STT", "Tên đơn vị", "Tên viết tắt", "Mã", "Thủ trưởng", "Chức vụ",
                       "Nữ ≥ 70 %", "Vướng", "Chức vụ trong Khối"]
    tip = model.headerData(COL_CODE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Mã đơn vị dùng trong số văn bản"


def test_cells_of_a_unit(bloc: Database) -> None:
    model = MembersModel(load_rows(bloc, 2019))
    row = NAMES_2019.index("Sở Tư pháp")

    def cell(column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(row, column), role)

    assert [cell(c) for c in range(9)] == [5, "Sở Tư pháp", "Sở Tư pháp", "STP",
                                           "Ngô Thị Thu Hà", "Giám đốc", "Có", "", ""]
    assert cell(COL_WOMEN, Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert cell(COL_BLOCKS, Qt.ItemDataRole.BackgroundRole) is None
    assert cell(COL_BLOCKS, Qt.ItemDataRole.ToolTipRole) is None
    found = cell(COL_NAME, ROW_ROLE)
    assert isinstance(found, MemberRow) and found.unit.code == "STP"
    assert [model.data(model.index(r, COL_HEAD)) for r in (0, 1)] == ["Vũ Đình Thắng",
                                                                     "Đỗ Mạnh Cường"]
    assert model.data(model.index(0, COL_TITLE)) == "Chỉ huy trưởng"
    assert model.data(model.index(0, COL_SHORT)) == "Bộ CHQS tỉnh"


def test_posts_in_the_bloc(bloc: Database) -> None:
    model = MembersModel(load_rows(bloc, 2019))
    posts = dict(zip(column_texts(model, COL_NAME), column_texts(model, COL_POST), strict=True))
    assert posts["Cục Thi hành án dân sự tỉnh"] == "Trưởng khối"
    assert posts["Tòa án nhân dân tỉnh"] == "Phó khối"
    assert [p for p in posts.values() if p] == ["Trưởng khối", "Phó khối"]
    head_row = NAMES_2019.index("Cục Thi hành án dân sự tỉnh")
    font = model.data(model.index(head_row, COL_POST), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(model.index(0, COL_POST), Qt.ItemDataRole.FontRole) is None
    model.set_rows(load_rows(bloc, 2020))
    posts = dict(zip(column_texts(model, COL_NAME), column_texts(model, COL_POST), strict=True))
    assert posts["Sở Nội vụ"] == "Trưởng khối" and posts["Công an tỉnh"] == "Phó khối"


def test_blocked_unit_is_tinted_and_explained(bloc: Database) -> None:
    block(bloc, "Thanh tra tỉnh", discipline=True, complaint=True,
          eligibility_note="Đơn khiếu nại ngày 14/6/2019")
    block(bloc, "Công an tỉnh", investigation=True)
    model = MembersModel(load_rows(bloc, 2019))
    row = NAMES_2019.index("Thanh tra tỉnh")
    index = model.index(row, COL_BLOCKS)
    assert model.data(index) == "Đang bị kỷ luật; Đang có khiếu nại"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == (
        "Vướng điều kiện khen thưởng: Đang bị kỷ luật; Đang có khiếu nại.\n"
        "Ghi chú: Đơn khiếu nại ngày 14/6/2019")
    for column in (COL_NAME, COL_BLOCKS, COL_POST):
        tint = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
        assert isinstance(tint, QColor) and tint.name() == "#fff3e0"
    assert isinstance(model.data(index, Qt.ItemDataRole.ForegroundRole), QColor)
    police = model.index(NAMES_2019.index("Công an tỉnh"), COL_BLOCKS)
    assert model.data(police) == "Đang bị điều tra, thanh tra"
    assert model.data(police, Qt.ItemDataRole.ToolTipRole).endswith("Ghi chú: (chưa ghi chú)")
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.BackgroundRole) is None


def test_sort_role(bloc: Database) -> None:
    model = MembersModel(load_rows(bloc, 2019))
    proxy = MembersFilter(model)
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert column_texts(proxy, COL_NAME) == NAMES_2019[::-1]
    proxy.sort(COL_POST, Qt.SortOrder.AscendingOrder)
    assert column_texts(proxy, COL_POST)[:3] == ["Trưởng khối", "Phó khối", ""]
    proxy.sort(COL_WOMEN, Qt.SortOrder.AscendingOrder)
    assert column_texts(proxy, COL_NAME)[0] == "Sở Tư pháp"
    proxy.sort(COL_NUMBER, Qt.SortOrder.DescendingOrder)
    assert column_texts(proxy, COL_NUMBER)[0] == "8"
    assert model.data(model.index(0, COL_NUMBER), SORT_ROLE) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [("noi vu", ["Sở Nội vụ"]), ("TOA AN", ["Tòa án nhân dân tỉnh"]),
     ("toà án", ["Tòa án nhân dân tỉnh"]), ("thu ha", ["Sở Tư pháp"]),
     ("cthads", ["Cục Thi hành án dân sự tỉnh"]), ("chanh", ["Thanh tra tỉnh",
                                                             "Tòa án nhân dân tỉnh"]),
     ("tinh nhan dan", ["Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh"]),
     ("  ", NAMES_2019), ("khong co", [])],
)
def test_filter_ignores_tones_and_case(bloc: Database, qtmodeltester: ModelTester,
                                       query: str, expected: list[str]) -> None:
    proxy = MembersFilter(MembersModel(load_rows(bloc, 2019)))
    proxy.sort(COL_NAME)
    proxy.set_query(query)
    assert proxy.query == query
    assert column_texts(proxy, COL_NAME) == expected
    qtmodeltester.check(proxy)


def test_row_of(bloc: Database, empty_bloc: Database) -> None:
    model = MembersModel(load_rows(bloc, 2019))
    unit = units.find_unit(bloc, "Sở Nội vụ")
    assert unit is not None and model.row_of(unit.id) == 3 and model.row_of(999) == -1
    assert load_rows(empty_bloc, 2025) == []
    assert years.officers(empty_bloc, 2025).head is None

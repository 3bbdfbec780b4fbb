"""The shared table model."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSortFilterProxyModel, Qt

from data.vntext import sort_key
from ui.models.base import ROW_ROLE, SORT_ROLE, RowsModel, sort_string


class NamesModel(RowsModel[tuple[str, float]]):
    HEADERS = ("Đơn vị", "Tổng")
    NUMERIC = frozenset({1})

    def display(self, row: tuple[str, float], column: int) -> object:
        return row[column] if column == 0 else f"{row[1]:g}".replace(".", ",")

    def sort_value(self, row: tuple[str, float], column: int) -> object:
        return row[column]


ROWS = [("Thanh tra tỉnh", 91.17), ("Đài Phát thanh", 99.5), ("Ban Dân vận", 100.0)]


def test_model_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = NamesModel(ROWS)
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Đơn vị"
    assert model.headerData(2, Qt.Orientation.Vertical) == 3
    assert model.data(model.index(1, 1)) == "99,5"
    assert model.data(model.index(1, 1), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 0), ROW_ROLE) == ROWS[0]
    assert model.data(model.index(5, 0)) is None


def test_sorting_is_vietnamese_and_numeric() -> None:
    model = NamesModel(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(0)
    assert [proxy.index(r, 0).data() for r in range(3)] == [
        "Ban Dân vận", "Đài Phát thanh", "Thanh tra tỉnh"]  # Đ after D, before T
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == [
        "Ban Dân vận", "Đài Phát thanh", "Thanh tra tỉnh"]
    proxy.sort(1)
    assert proxy.index(0, 0).data() == "Thanh tra tỉnh"


def test_set_rows_resets(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = NamesModel(ROWS)
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS[:1])
    assert model.rowCount() == 1 and model.rows() == ROWS[:1]


@given(st.text(alphabet="aăâbdđeêoôơuưAĂĐ àáảãạ-1", max_size=8),
       st.text(alphabet="aăâbdđeêoôơuưAĂĐ àáảãạ-1", max_size=8))
def test_sort_string_orders_like_sort_key(a: str, b: str) -> None:
    assert (sort_string(a) < sort_string(b)) == (sort_key(a) < sort_key(b))
    assert (sort_string(a) == sort_string(b)) == (sort_key(a) == sort_key(b))

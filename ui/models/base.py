"""A read-mostly table model over a list of rows: the shape every table of the app shares."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from data.vntext import sort_key

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers, or sort_string() of text: sorts right in Qt
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself


@functools.lru_cache(maxsize=65536)
def sort_string(text: str) -> str:
    """The Vietnamese collation key as a string whose plain (ordinal) order is the key's order,
    so Qt's own proxy models sort correctly: each weight as three base-32768 digits (all below
    the surrogates), levels split by U+0001."""
    nonempty, *levels = sort_key(text)
    parts = ["".join(_digits(w) for w in level) for level in levels]
    return ("1" if nonempty else "0") + "\u0001".join(parts)


def _digits(weight: int) -> str:
    return "".join(chr(0x100 + (weight >> shift & 0x7FFF)) for shift in (30, 15, 0))


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Subclasses set HEADERS and implement `display(row, column)`; rows are replaced wholesale."""

    HEADERS: tuple[str, ...] = ()
    NUMERIC: frozenset[int] = frozenset()  # columns aligned right

    def __init__(self, rows: Sequence[Row] = ()) -> None:
        super().__init__()
        self._rows: list[Row] = list(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row (views keep no stale indexes)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.display(row, column)
        if role == SORT_ROLE:
            value = self.sort_value(row, column)
            return sort_string(value) if isinstance(value, str) else value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra(row, column, role)

    def display(self, row: Row, column: int) -> Any:
        """The text shown in a cell."""
        raise NotImplementedError

    def sort_value(self, row: Row, column: int) -> Any:
        """What the column sorts by (strings sort the Vietnamese way); defaults to the text."""
        return self.display(row, column)

    def extra(self, row: Row, column: int, role: int) -> Any:
        """Other roles (tooltips, colours, fonts); none by default."""
        return None

"""The year's member units as a table: names, head, women flag, eligibility, post in the bloc."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from data import units, years
from data.db import Database
from data.model import Membership, Unit
from data.vntext import matches
from ui.models.base import SORT_ROLE, RowsModel

COL_NUMBER, COL_NAME, COL_SHORT, COL_CODE, COL_HEAD, COL_TITLE = range(6)
COL_WOMEN, COL_BLOCKS, COL_POST = range(6, 9)
HEAD, DEPUTY = "Trưởng khối", "Phó khối"
# Eligibility blocks (ND 152/2025 Art. 4): field, short text in the table, text in the dialog.
BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("discipline", "Đang bị kỷ luật", "Đang bị kỷ luật hoặc đang bị xem xét kỷ luật"),
    ("investigation", "Đang bị điều tra, thanh tra", "Đang bị điều tra, thanh tra, kiểm tra"),
    ("complaint", "Đang có khiếu nại", "Đang có đơn thư khiếu nại, tố cáo chưa giải quyết xong"),
)
_BLOCKED_BACKGROUND = QColor("#fff3e0")
_BLOCKED_TEXT = QColor("#9a3412")
_HEADER_TIPS = {
    COL_NUMBER: "Số thứ tự theo tên đơn vị (thứ tự tiếng Việt)",
    COL_SHORT: "Tên viết tắt dùng trong bảng biểu",
    COL_CODE: "Mã đơn vị dùng trong số văn bản",
    COL_HEAD: "Họ và tên thủ trưởng đơn vị năm đang xem",
    COL_TITLE: "Chức vụ của thủ trưởng đơn vị",
    COL_WOMEN: "Tập thể có từ 70 % nữ trở lên: được ưu tiên khi bằng điểm",
    COL_BLOCKS: "Vướng điều kiện khen thưởng: không được đề nghị khen thưởng",
    COL_POST: "Trưởng khối, Phó khối năm đang xem",
}


@dataclass(frozen=True)
class MemberRow:
    """One member unit of the year as the table shows it."""

    number: int  # STT: the position in Vietnamese order of names
    unit: Unit
    member: Membership
    post: str = ""  # Trưởng khối / Phó khối / ""

    @property
    def blocks(self) -> list[str]:
        """The eligibility blocks that apply, as short Vietnamese phrases."""
        return [short for field, short, _long in BLOCKS if getattr(self.member, field)]


def load_rows(db: Database, year: int) -> list[MemberRow]:
    """The year's members with their post in the bloc, numbered in Vietnamese order."""
    officers = years.officers(db, year)
    posts = {officers.head: HEAD} | dict.fromkeys(officers.deputies, DEPUTY)
    return [MemberRow(number, unit, member, posts.get(unit.id, ""))
            for number, (unit, member) in enumerate(units.members(db, year), start=1)]


class MembersModel(RowsModel[MemberRow]):
    """Read-only table of the year's members; blocked units are tinted, the note is a tooltip."""

    HEADERS = ("STT", "Tên đơn vị", "Tên viết tắt", "Mã", "Thủ trưởng", "Chức vụ", "Nữ ≥ 70 %",
               "Vướng", "Chức vụ trong Khối")

    def display(self, row: MemberRow, column: int) -> Any:
        """The text of a cell."""
        member = row.member
        return (
            row.number, row.unit.name, row.unit.short_name, row.unit.code, member.head_name,
            member.head_title, "Có" if member.women_70 else "", "; ".join(row.blocks), row.post,
        )[column]

    def sort_value(self, row: MemberRow, column: int) -> Any:
        """Flags and posts sort as numbers (head first), text the Vietnamese way."""
        if column == COL_WOMEN:
            return int(not row.member.women_70)
        if column == COL_POST:
            return {HEAD: 0, DEPUTY: 1}.get(row.post, 2)
        return self.display(row, column)

    def extra(self, row: MemberRow, column: int, role: int) -> Any:
        """Tint, tooltips, alignment and bold posts."""
        blocked = row.member.blocked
        if role == Qt.ItemDataRole.BackgroundRole and blocked:
            return _BLOCKED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and blocked and column == COL_BLOCKS:
            return _BLOCKED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_WOMEN):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column == COL_POST and row.post:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _tooltip(row: MemberRow, column: int) -> str | None:
        if column == COL_BLOCKS and row.member.blocked:
            note = row.member.eligibility_note or "(chưa ghi chú)"
            return (f"Vướng điều kiện khen thưởng: {'; '.join(row.blocks)}.\nGhi chú: {note}")
        if column == COL_NAME:
            return row.unit.name
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return _HEADER_TIPS.get(section)
        return super().headerData(section, orientation, role)

    def row_of(self, unit_id: int) -> int:
        """The model row of a unit, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.unit.id == unit_id), -1)


class MembersFilter(QSortFilterProxyModel):
    """Sorts by SORT_ROLE (Vietnamese order) and keeps rows matching a tone-insensitive query."""

    def __init__(self, source: MembersModel) -> None:
        super().__init__()
        self._query = ""
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        """Keep the rows whose names, code or head match every word of `text`."""
        self.beginFilterChange()
        self._query = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query.strip():
            return True
        model = self.sourceModel()
        assert isinstance(model, MembersModel)
        row = model.row_at(source_row)
        text = " ".join((row.unit.name, row.unit.short_name, row.unit.code,
                         row.member.head_name, row.member.head_title))
        return matches(self._query, text)

"""The year's documents as a list: what each is, its number (or none yet), the day it was
issued, and whether its data is complete (with what is missing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from data.db import Database
from data.documents import register
from data.documents.catalog import KINDS, Kind, missing
from data.documents.common import bare_number
from data.documents.record import load_record
from data.documents.register import IssuedDocument
from data.vntext import short_date
from ui.models.base import RowsModel

COL_KIND, COL_NUMBER, COL_DATE, COL_DATA = range(4)
MISSING_COLOUR = QColor("#9a3412")


@dataclass(frozen=True)
class DocumentRow:
    """One document of the year, its register entry if issued, and what its data lacks."""

    kind: Kind
    issued: IssuedDocument | None
    missing: tuple[str, ...]

    @property
    def numbered(self) -> bool:
        return self.kind.type_code is not None

    @property
    def ready(self) -> bool:
        return not self.missing


def load_rows(db: Database, year: int) -> list[DocumentRow]:
    """Every document of the year, in the order a year produces them."""
    if not year:
        return []
    record = load_record(db, year)
    issued = {d.kind: d for d in register.register(db, year)}
    return [DocumentRow(kind, issued.get(kind.key), tuple(missing(record, kind)))
            for kind in KINDS.values()]


class DocumentsModel(RowsModel[DocumentRow]):
    """The year's documents."""

    HEADERS = ("Văn bản", "Số", "Ngày ban hành", "Dữ liệu")

    def display(self, row: DocumentRow, column: int) -> Any:
        if column == COL_KIND:
            return row.kind.label
        if column == COL_NUMBER:
            if row.issued is not None:
                return bare_number(row.issued.number_text)
            return "chưa cấp số" if row.numbered else "không cấp số"
        if column == COL_DATE:
            return short_date(row.issued.issued_on) if row.issued is not None else ""
        return "Đủ" if row.ready else "Thiếu dữ liệu"

    def sort_value(self, row: DocumentRow, column: int) -> Any:
        if column == COL_DATE and row.issued is not None:
            return row.issued.issued_on.toordinal()
        return self.display(row, column)

    def extra(self, row: DocumentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and not row.ready:
            return "Còn thiếu:\n" + "\n".join(f"• {item}" for item in row.missing)
        if role == Qt.ItemDataRole.ForegroundRole and not row.ready:
            return MISSING_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NUMBER and row.issued:
            return f"{row.issued.number_text}, cấp ngày {short_date(row.issued.issued_on)}"
        return None

    def row_of(self, kind: str) -> int:
        """The row of a kind of document, or -1."""
        return next((i for i, r in enumerate(self.rows()) if r.kind.key == kind), -1)

"""Imports from workbooks: every problem found is reported (file, sheet, row, item, reason),
nothing is applied from a file with an error, and applying is one transaction per file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: the file, the sheet, the row (0: the whole file), the item."""

    file: str
    message: str
    sheet: str = ""
    row: int = 0
    item: str = ""

    @property
    def place(self) -> str:
        """"tệp.xlsx, trang Tự chấm, dòng 12, nội dung 1a" (as much as is known)."""
        parts = [self.file]
        if self.sheet:
            parts.append(f"trang {self.sheet}")
        if self.row:
            parts.append(f"dòng {self.row}")
        if self.item:
            parts.append(f"nội dung {self.item}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"

"""Opening a workbook someone sent, safely: an .xls, a password-protected file, a damaged or
truncated one, a zip bomb or a sheet of endless rows is refused with a Vietnamese reason before
it costs memory; cells come back as plain values with formulas marked, never evaluated."""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from data.errors import BlocError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003, or an encrypted .xlsx
MAX_UNPACKED = 64 * 1024 * 1024  # a real bloc workbook unpacks to a few MB
MAX_RATIO = 200  # packed → unpacked; XML compresses ~10-30 x, a bomb thousands of times
MAX_ROWS = 5000  # rows read from one sheet (a criteria table has a few hundred)


class WorkbookError(BlocError):
    """A workbook that cannot be read, with the reason."""


@dataclass(frozen=True)
class Value:
    """A cell as read: its value (text NFC) and whether it held a formula."""

    value: str | float | int | bool | None
    formula: bool = False

    @property
    def text(self) -> str:
        """The value as text, stripped ("" for an empty cell)."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


def _check_package(path: Path) -> None:
    name = path.name
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except FileNotFoundError:
        raise WorkbookError(f"Không tìm thấy tệp “{name}”.") from None
    except OSError as exc:
        raise WorkbookError(f"Không đọc được tệp “{name}”: {exc.strerror or exc}.") from None
    if head == OLE_MAGIC:
        if path.suffix.lower() == ".xls":
            raise WorkbookError(f"“{name}” là tệp Excel 97-2003 (.xls). Hãy mở tệp bằng Excel "
                                "và chọn Tệp › Lưu thành › Sổ làm việc Excel (.xlsx), rồi nhập "
                                "tệp .xlsx.")
        raise WorkbookError(f"“{name}” được đặt mật khẩu (mã hóa). Hãy mở bằng Excel, bỏ mật "
                            "khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.")
    if head[:2] != b"PK":
        raise WorkbookError(f"“{name}” không phải tệp Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            broken = package.testzip()
    except (zipfile.BadZipFile, EOFError, OSError):
        raise WorkbookError(f"Tệp “{name}” bị hỏng hoặc chưa tải về hết. Hãy xin gửi lại tệp."
                            ) from None
    if broken is not None:
        raise WorkbookError(f"Tệp “{name}” bị hỏng (phần “{broken}”). Hãy xin gửi lại tệp.")
    unpacked = sum(e.file_size for e in entries)
    packed = max(1, sum(e.compress_size for e in entries))
    if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
        raise WorkbookError(f"Tệp “{name}” giải nén ra quá lớn ({unpacked // 1_000_000} MB) so "
                            "với một bảng tính bình thường: không mở.")
    if not any(e.filename == "xl/workbook.xml" for e in entries):
        raise WorkbookError(f"“{name}” không phải tệp Excel (.xlsx) (thiếu phần sổ làm việc).")


def open_workbook(path: str | Path) -> Workbook:
    """Open a workbook to read (formulas kept as formulas, nothing evaluated), after checking
    it is a sound .xlsx; WorkbookError otherwise. Reading never changes the file."""
    p = Path(path)
    _check_package(p)
    try:
        return load_workbook(p, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on damaged content
        raise WorkbookError(f"Tệp “{p.name}” bị hỏng: Excel mở được nhưng nội dung không đọc "
                            "được. Hãy mở bằng Excel và lưu lại.") from None


def _value(raw: Any, data_type: str) -> Value:
    if data_type == "f":  # text typed as "=…" (quote-prefixed, or a string) stays text
        return Value(str(raw), formula=True)
    if isinstance(raw, str):
        return Value(unicodedata.normalize("NFC", raw))
    if isinstance(raw, bool | int | float) or raw is None:
        return Value(raw)
    return Value(str(raw))  # dates and the like: read as text, judged by the caller


def rows(book: Workbook, sheet: str, *, max_rows: int = MAX_ROWS, file_name: str = ""
         ) -> Iterator[tuple[int, tuple[Value, ...]]]:
    """(row number, cells) of every non-empty row of a sheet; WorkbookError past max_rows."""
    if sheet not in book.sheetnames:
        raise WorkbookError(f"Tệp “{file_name}” không có trang tính “{sheet}”.")
    seen = 0
    for number, row in enumerate(book[sheet].iter_rows(), start=1):  # gaps come as empty rows
        cells = tuple(_value(c.value, getattr(c, "data_type", "n")) for c in row)
        if not any(v.value not in (None, "") for v in cells):
            continue
        seen += 1
        if seen > max_rows:
            raise WorkbookError(f"Trang “{sheet}” của tệp “{file_name}” có hơn {max_rows} dòng: "
                                "không phải bảng của phần mềm.")
        yield number, cells

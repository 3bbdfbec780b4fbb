"""Writing a finished file: under a temporary name beside it, then renamed into place, so a
failure never leaves half a file; failures are told in Vietnamese, naming the folder or file."""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from pathlib import Path

from data.errors import FileAccessError

_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')  # characters Windows refuses in a file name


def safe_file_name(text: str) -> str:
    """A file name Windows accepts, tone marks kept: "Số: 02/BB" -> "Số 02-BB"."""
    name = unicodedata.normalize("NFC", text).replace(": ", " ").replace("/", "-")
    name = _REFUSED.sub("-", name)
    return re.sub(r"\s+", " ", name).strip(" .") or "văn bản"


def _reason(exc: OSError, path: Path) -> str:
    folder = path.parent
    if exc.errno == errno.ENOSPC:
        return f"Ổ đĩa đã đầy, không ghi được “{path.name}”. Hãy giải phóng dung lượng."
    if isinstance(exc, FileNotFoundError) and not folder.is_dir():
        return f"Không có thư mục “{folder}”. Hãy chọn một thư mục đã có."
    if isinstance(exc, PermissionError | IsADirectoryError):
        if path.is_dir():
            return f"“{path}” là một thư mục; hãy đặt tên tệp."
        if path.exists():
            return (f"Không ghi đè được “{path.name}”: tệp đang mở ở chương trình khác hoặc chỉ "
                    "cho phép đọc. Hãy đóng tệp đó hoặc chọn tên khác.")
        return f"Không ghi được vào thư mục “{folder}”: thư mục chỉ cho phép đọc."
    return f"Không ghi được “{path}”: {exc.strerror or exc}."


def save_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically; FileAccessError with the reason otherwise."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        with open(tmp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise FileAccessError(_reason(exc, target)) from None
    return target


def document_file_name(title: str, number: str, draft: bool, suffix: str = ".pdf") -> str:
    """The file name offered for a document: its title, its number or "bản nháp"."""
    if draft:
        tail = " - bản nháp"
    elif number:
        tail = f" - {number}"
    else:
        tail = ""
    return safe_file_name(f"{title}{tail}") + suffix

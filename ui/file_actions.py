"""Opening, creating and copying bloc files from the window: the dialogs and their refusals."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from data.bloc import open_bloc
from data.db import Database, backup_to, explain
from data.errors import BlocError, FileAccessError
from data.vntext import clean

FILE_FILTER = "Tệp khối thi đua (*.ktd);;Mọi tệp (*)"


def ask_open_path(parent: QWidget, folder: Path) -> Path | None:
    """The file the user picks to open, or None."""
    chosen, _ = QFileDialog.getOpenFileName(parent, "Mở tệp khối thi đua", str(folder),
                                            FILE_FILTER)
    return Path(chosen) if chosen else None


def copy_name(path: Path, today: date | None = None) -> str:
    """The file name offered for a copy: “<tên> - bản sao 22-11-2026.ktd”."""
    day = (today or date.today()).strftime("%d-%m-%Y")
    return f"{path.stem} - bản sao {day}{path.suffix or '.ktd'}"


def ask_copy_path(parent: QWidget, source: Path) -> Path | None:
    """Where to save a copy, or None."""
    chosen, _ = QFileDialog.getSaveFileName(parent, "Lưu bản sao tệp khối",
                                            str(source.with_name(copy_name(source))), FILE_FILTER)
    if not chosen:
        return None
    target = Path(chosen)
    return target if target.suffix else target.with_suffix(".ktd")


def copy_file(source: Path, target: Path) -> Path:
    """Copy a bloc file through SQLite's backup API from a connection of its own (safe while the
    window keeps the file open; runs on a worker thread)."""
    if target.resolve() == source.resolve():
        raise FileAccessError("Bản sao phải có tên hoặc thư mục khác tệp đang mở.")
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise explain(exc, source) from exc
    try:
        return backup_to(Database(conn), target)
    finally:
        conn.close()


def writable(path: Path) -> bool:
    """Whether the file and its folder accept writes (SQLite needs both)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class FileLock:
    """Warns when the same bloc file is already open in another window or on another computer."""

    def __init__(self, path: Path) -> None:
        self._lock = QLockFile(str(path.with_name(path.name + ".lock")))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> str | None:
        """Take the lock; None on success, else who holds it (in Vietnamese)."""
        if self._lock.tryLock(0):
            return None
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) == 3 and info[0]:
            pid, host, _app = info
            if host == QSysInfo.machineHostName():
                return f"một cửa sổ khác trên máy này (tiến trình {pid})"
            return f"máy “{host}”"
        return "một cửa sổ khác"

    def force(self) -> None:
        """Take the lock over (the user decided to open anyway)."""
        self._lock.removeStaleLockFile()
        self._lock.tryLock(0)

    def release(self) -> None:
        self._lock.unlock()


def open_checked(parent: QWidget, path: Path, folder: Path) -> tuple[Database, Path] | None:
    """Open a bloc file for work, handling read-only files and refusals with a message."""
    if not path.exists():
        QMessageBox.warning(parent, "Không mở được tệp", f"Không tìm thấy tệp “{path}”.")
        return None
    if not writable(path):
        answer = QMessageBox.question(
            parent, "Tệp chỉ cho phép đọc",
            f"Không ghi được vào “{path.name}” (tệp hoặc thư mục chỉ cho phép đọc, ví dụ trên "
            "đĩa CD hay thư mục dùng chung).\n\nMở một bản sao trong thư mục Tài liệu để làm "
            "việc?")
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            path = copy_file(path, folder / copy_name(path))
        except BlocError as exc:
            QMessageBox.warning(parent, "Không sao chép được tệp", exc.message)
            return None
    try:
        return open_bloc(path), path
    except BlocError as exc:
        QMessageBox.warning(parent, "Không mở được tệp", exc.message)
        return None


def safe_file_name(name: str) -> str:
    """A bloc name made safe as a file name on Windows (Vietnamese letters kept)."""
    cleaned = "".join(ch for ch in clean(name) if ch not in '<>:"/\\|?*').strip(" .")
    return cleaned[:120] or "Khối thi đua"

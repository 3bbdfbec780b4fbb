"""What the window remembers between sessions: geometry, recent files, the last year shown."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ui.paths import AppPaths

MAX_RECENT = 8


class Settings:
    """A thin typed wrapper over an INI-format QSettings kept beside the log."""

    def __init__(self, paths: AppPaths) -> None:
        self._qs = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)

    def recent_files(self) -> list[Path]:
        """Recent bloc files, newest first, those that still exist."""
        value = self._qs.value("recent_files", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p and Path(p).exists()]

    def add_recent(self, path: Path) -> None:
        """Put a file at the top of the recent list."""
        resolved = str(path.resolve())
        items = [str(p) for p in self.recent_files() if str(p) != resolved]
        self._qs.setValue("recent_files", [resolved, *items][:MAX_RECENT])

    def forget_recent(self, path: Path) -> None:
        """Drop a file from the recent list (it was moved or deleted)."""
        resolved = str(path.resolve())
        self._qs.setValue("recent_files",
                          [str(p) for p in self.recent_files() if str(p) != resolved])

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)

    def last_year(self, path: Path) -> int | None:
        """The year last shown for a bloc file."""
        value = self._qs.value(_year_key(path))
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def save_last_year(self, path: Path, year: int) -> None:
        self._qs.setValue(_year_key(path), year)

    def sync(self) -> None:
        self._qs.sync()


def _year_key(path: Path) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"last_year/{digest}"

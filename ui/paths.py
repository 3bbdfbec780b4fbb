"""Where the application keeps its settings, log and demo file: decided once, here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

DEMO_FILE_NAME = "Khối thi đua mẫu.ktd"


@dataclass(frozen=True)
class AppPaths:
    """The application's own folders and files (never the bloc files, which the user chooses)."""

    data_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "cai-dat.ini"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "nhat-ky-loi.log"

    @property
    def demo_file(self) -> Path:
        return self.data_dir / DEMO_FILE_NAME

    @property
    def documents_dir(self) -> Path:
        found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(found) if found else Path.home()

    @classmethod
    def decide(cls, data_dir: str | None) -> AppPaths:
        """`--data-dir` when given, else the platform's per-user application data folder."""
        if data_dir:
            folder = Path(data_dir)
        else:
            found = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.AppDataLocation)
            folder = Path(found) if found else Path.home() / ".khoi-thi-dua"
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder)

"""The last line of defence: an unexpected error is logged and explained, never a vanishing app."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from data.errors import BlocError

Shower = Callable[[str, str], None]


def _show_dialog(message: str, details: str) -> None:
    parent: QWidget | None = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Critical, "Lỗi không mong muốn", message,
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("crashDialog")
    box.setDetailedText(details)
    box.exec()


def write_log(log_file: Path, details: str) -> None:
    """Append a dated report to the log; a failure to log never raises."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8") as log:
            log.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} ===\n{details}")
    except OSError:
        pass


def install(log_file: Path, show: Shower = _show_dialog) -> None:
    """Route uncaught exceptions to the log and a Vietnamese dialog."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        write_log(log_file, details)
        if isinstance(value, BlocError):
            message = value.message
        else:
            message = (
                "Phần mềm gặp một lỗi không mong muốn. Dữ liệu đã nhập trước đó vẫn được lưu "
                f"trong tệp khối.\n\nChi tiết lỗi đã được ghi vào:\n{log_file}\n\n"
                "Hãy gửi tệp này cho người hỗ trợ kỹ thuật nếu lỗi lặp lại."
            )
        show(message, details)

    sys.excepthook = hook

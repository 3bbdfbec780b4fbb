"""An inline message line under a table or form: refusals and notices in place, not in popups."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

_STYLES = {
    "error": "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0;",
    "info": "background:#e8f4fd; color:#0b4a6f; border:1px solid #b6dcf5;",
    "ok": "background:#e9f7ef; color:#1e5631; border:1px solid #b7e1c5;",
}


class MessageBar(QLabel):
    """Shows one message at a time; errors stay until replaced, notices fade after a while."""

    def __init__(self, parent: QWidget | None = None, name: str = "messageBar") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.kind = ""

    def show_message(self, text: str, kind: str = "error", timeout_ms: int = 0) -> None:
        """Show `text`; kind is error, info or ok."""
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ {_STYLES[kind]} padding:6px; border-radius:3px; }}")
        self.setVisible(True)
        if timeout_ms or kind != "error":
            self._timer.start(timeout_ms or 6000)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setVisible(False)

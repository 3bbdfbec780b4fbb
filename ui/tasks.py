"""The one way to run long work off the main thread, with a progress dialog after ~0.5 s."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]
PROGRESS_DELAY_MS = 500


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except BaseException as exc:  # reported on the main thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs `work(progress)` on a pool thread; `on_done`/`on_error` are called on the main thread.

    `work` must not touch widgets or the window's database connection: hand it plain data, or let
    it open its own connection.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Signals] = set()

    def run(self, label: str, work: Callable[[Progress], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException, str], None], *, quiet: bool = False) -> None:
        """Start `work`; a modal progress dialog shows if it lasts over PROGRESS_DELAY_MS (never
        for `quiet` work the user did not ask for, such as a background check)."""
        signals = _Signals()
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setObjectName("progressDialog")
        dialog.setWindowTitle("Đang xử lý")
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.reset()
        timer = QTimer(signals)
        timer.setSingleShot(True)
        timer.timeout.connect(dialog.show)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def finish() -> bool:
            """Close the progress; False when the widget that asked is gone (nobody waits)."""
            timer.stop()
            if shiboken6.isValid(dialog):
                dialog.close()
                dialog.deleteLater()
            self._running.discard(signals)
            return shiboken6.isValid(self)

        def succeeded(result: object) -> None:
            if finish():
                on_done(result)

        def failed(exc: object, details: str) -> None:
            if not finish():
                return
            on_error(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)), details)

        signals.progress.connect(progress)
        signals.done.connect(succeeded)
        signals.failed.connect(failed)
        self._running.add(signals)
        if not quiet:
            timer.start(PROGRESS_DELAY_MS)
        self._pool.start(_Job(work, signals))

    def busy(self) -> bool:
        """Whether any work is still running."""
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used when quitting and by tests)."""
        return self._pool.waitForDone(msecs)

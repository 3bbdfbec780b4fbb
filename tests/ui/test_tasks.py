"""Background work: results and errors come back on the main thread; progress is passed in."""

from __future__ import annotations

import threading

import shiboken6
from pytestqt.qtbot import QtBot

from data.errors import InputError
from ui.tasks import Progress, TaskRunner


def test_result_returns_on_the_main_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    main = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        progress(2, 2)
        return 42

    def done(result: object) -> None:
        seen["result"], seen["callback"] = result, threading.get_ident()

    runner.run("Đang tính…", work, done, lambda exc, details: None)
    assert runner.busy()
    qtbot.waitUntil(lambda: "result" in seen and not runner.busy(), timeout=5000)
    assert seen["result"] == 42 and seen["callback"] == main and seen["worker"] != main


def test_errors_come_back_with_details(qtbot: QtBot) -> None:
    runner = TaskRunner()
    caught: list[tuple[BaseException, str]] = []

    def work(progress: Progress) -> None:
        raise InputError("Ổ đĩa đã đầy")

    runner.run("Đang lưu…", work, lambda result: None,
               lambda exc, details: caught.append((exc, details)))
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    exc, details = caught[0]
    assert isinstance(exc, InputError) and exc.message == "Ổ đĩa đã đầy"
    assert "InputError" in details
    assert runner.wait(1000)


def test_work_outliving_its_widget_reaches_nobody(qtbot: QtBot) -> None:
    """A page closed while its document renders: the result is dropped, nothing raises."""
    import time

    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    runner = TaskRunner(owner)
    started = threading.Event()
    called: list[object] = []

    def work(progress: Progress) -> int:
        started.set()
        time.sleep(0.3)
        return 1

    runner.run("Đang lập…", work, called.append, lambda exc, details: called.append(exc))
    assert started.wait(5)
    owner.deleteLater()  # the runner's pool waits for the job as it goes
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=5000)
    qtbot.wait(100)  # any queued result would be delivered now
    assert called == []

"""The excepthook logs the error and explains it in Vietnamese instead of vanishing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from data.errors import FileAccessError
from ui import crash


@pytest.fixture
def restore_hook() -> Iterator[None]:
    saved = sys.excepthook
    yield
    sys.excepthook = saved


def _raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_unexpected_error_is_logged_and_explained(tmp_path: Path, restore_hook: None) -> None:
    shown: list[tuple[str, str]] = []
    log = tmp_path / "nhật ký" / "lỗi.log"
    crash.install(log, lambda message, details: shown.append((message, details)))
    _raise_and_hook(ZeroDivisionError("chia cho 0"))
    assert "ZeroDivisionError: chia cho 0" in log.read_text(encoding="utf-8")
    message, details = shown[0]
    assert message.startswith("Phần mềm gặp một lỗi không mong muốn.")
    assert str(log) in message and "ZeroDivisionError" in details


def test_user_errors_show_their_own_message(tmp_path: Path, restore_hook: None) -> None:
    shown: list[str] = []
    crash.install(tmp_path / "log.txt", lambda message, details: shown.append(message))
    _raise_and_hook(FileAccessError("Ổ đĩa đã đầy, không ghi được tệp."))
    assert shown == ["Ổ đĩa đã đầy, không ghi được tệp."]


def test_logging_never_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "tệp"
    blocker.write_text("x")
    crash.write_log(blocker / "không thể" / "log.txt", "chi tiết")  # parent is a file

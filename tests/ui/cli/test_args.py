"""The Vietnamese argument parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from ui.cli import build_parser, is_command
from ui.cli.args import year_arg


def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: main.py")
    assert "hiện hướng dẫn này rồi thoát" in out and "ranking" in out


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["xephang"])
    assert stop.value.code == 2
    assert "lựa chọn không hợp lệ" in capsys.readouterr().err


def test_is_command_tells_window_from_command(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_command(["ranking", "x"]) and is_command(["--help"]) and is_command(["print"])
    assert not is_command([]) and not is_command(["Khối nội chính.ktd"])
    assert is_command(["prnt", "khoi.ktd"])  # a mistyped command: the list, never the window
    monkeypatch.chdir(tmp_path)
    (tmp_path / "khoi").write_bytes(b"")
    assert not is_command(["khoi"])  # an existing file without extension opens the window


def test_year_arg() -> None:
    assert year_arg("2019") == 2019
    with pytest.raises(argparse.ArgumentTypeError, match="không phải là một năm"):
        year_arg("năm ngoái")

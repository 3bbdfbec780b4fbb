"""Starting the application: arguments."""

from __future__ import annotations

import pytest

from ui.app import parse


def test_parse_file_and_data_dir() -> None:
    args = parse(["Khối nội chính.ktd", "--data-dir", "thư mục dữ liệu"])
    assert args.file == "Khối nội chính.ktd" and args.data_dir == "thư mục dữ liệu"
    assert parse([]).file is None


def test_bad_arguments_exit_2_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        parse(["a.ktd", "b.ktd"])
    assert stop.value.code == 2
    assert "không hiểu tham số" in capsys.readouterr().err

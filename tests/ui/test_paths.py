"""The application's own folders."""

from __future__ import annotations

from pathlib import Path

from ui.paths import AppPaths


def test_data_dir_given_is_created(tmp_path: Path) -> None:
    paths = AppPaths.decide(str(tmp_path / "dữ liệu"))
    assert paths.data_dir.is_dir()
    assert paths.demo_file == tmp_path / "dữ liệu" / "Khối thi đua mẫu.ktd"
    assert paths.log_file.parent == paths.settings_file.parent == paths.data_dir
    assert paths.documents_dir.is_absolute()

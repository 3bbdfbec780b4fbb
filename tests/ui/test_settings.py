"""Settings kept between sessions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray

from ui.paths import AppPaths
from ui.settings import MAX_RECENT, Settings


def test_recent_files_newest_first_existing_only(tmp_path: Path) -> None:
    paths = AppPaths.decide(str(tmp_path / "app"))
    files = [tmp_path / f"Khối {i}.ktd" for i in range(MAX_RECENT + 2)]
    for f in files:
        f.write_bytes(b"")
        Settings(paths).add_recent(f)
    settings = Settings(paths)
    assert settings.recent_files() == [f.resolve() for f in reversed(files)][:MAX_RECENT]
    files[-1].unlink()
    assert settings.recent_files()[0] == files[-2].resolve()
    settings.forget_recent(files[-2])
    assert files[-2].resolve() not in settings.recent_files()


def test_geometry_and_last_year(tmp_path: Path) -> None:
    paths = AppPaths.decide(str(tmp_path / "app"))
    settings = Settings(paths)
    assert settings.geometry() is None and settings.last_year(tmp_path / "a.ktd") is None
    settings.save_geometry(QByteArray(b"\x01\x02"))
    settings.save_last_year(tmp_path / "a.ktd", 2019)
    settings.sync()
    again = Settings(paths)
    assert again.geometry() == QByteArray(b"\x01\x02")
    assert again.last_year(tmp_path / "a.ktd") == 2019
    assert again.last_year(tmp_path / "b.ktd") is None
    assert paths.settings_file.exists()

"""The layering of STYLE.md: data/ and printing/ never import Qt or ui; printing/ never opens the
database; the command line never imports Qt."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """Every module a file imports, with the line (relative imports resolved to their package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = list(path.relative_to(root).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                yield node.lineno, ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.lineno, node.module or ""


def violations(folder: str, forbidden: tuple[str, ...], root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / folder).rglob("*.py")):
        for line, module in imported_modules(path, root):
            if module.split(".")[0] in forbidden or module in forbidden or any(
                    module.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(root).as_posix()}:{line} imports {module}")
    return found


@pytest.mark.parametrize("folder", ["data", "printing"])
def test_no_qt_and_no_ui(folder: str) -> None:
    assert violations(folder, (*QT, "ui", "main")) == []


def test_printing_does_not_reach_the_database() -> None:
    forbidden = ("sqlite3", "sqlite_utils", "data.db", "data.migrations", "data.bloc",
                 "data.scores", "data.units", "data.years", "data.criteria", "data.pledges",
                 "data.awards", "data.rules", "data.standings", "data.demo")
    assert violations("printing", forbidden) == []


def test_the_data_layer_does_not_depend_on_printing() -> None:
    assert violations("data", ("printing",)) == []


def test_command_line_has_no_qt() -> None:
    assert violations("ui/cli", QT) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    bad = tmp_path / "data" / "_architecture_probe.py"
    bad.write_text("from PySide6.QtCore import QObject\nfrom ..ui import app\nimport json\n",
                   encoding="utf-8")
    found = violations("data", (*QT, "ui"), root=tmp_path)
    assert found == ["data/_architecture_probe.py:1 imports PySide6.QtCore",
                     "data/_architecture_probe.py:2 imports ui"]

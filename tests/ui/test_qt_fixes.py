"""Defects of the Qt binding are detected and neutralised."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui import qt_fixes

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from ui import qt_fixes
{install}
from PySide6.QtCore import QObject, QSortFilterProxyModel, QStringListModel, Signal
from PySide6.QtWidgets import QApplication
app = QApplication([])
class Source(QObject):
    number = Signal(int)
source = Source()
seen = []
source.number.connect(seen.append)
model = QStringListModel(["a"])
proxy = QSortFilterProxyModel()
proxy.setSourceModel(model)
for i in range(20000):
    source.number.emit(i)
    model.index(0, 0).data(1000)  # an empty role: None
    proxy.index(0, 0).data(1000)
print(len(seen))
"""


def run(install: bool) -> subprocess.CompletedProcess[str]:
    code = SCRIPT.format(root=str(ROOT), install="qt_fixes.install()" if install else "")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_a_long_session_of_emits_and_empty_cells_ends_cleanly() -> None:
    done = run(install=True)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "20000"


def test_the_defect_is_detected_where_it_exists() -> None:
    """Without the work-around the same script dies on the affected builds; on a sound build
    (or Python 3.12+) nothing is detected and nothing needs doing."""
    losses = qt_fixes.reference_losses()
    affected = sys.version_info < (3, 12) and any(losses.values())
    bare = run(install=False)
    if affected:  # measured on this build; the unprotected script must then die
        assert bare.returncode != 0 and "dealloc" in bare.stderr
    else:
        assert bare.returncode == 0
    assert sorted(losses) == ["None", "True"]

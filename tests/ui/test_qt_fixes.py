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
qt_fixes.install()
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
app = QApplication([])
class Source(QObject):
    number = Signal(int)
    text = Signal(str)
source = Source()
seen = []
source.text.connect(seen.append)
before = sys.getrefcount(True)
for i in range(5000):
    source.number.emit(i)
    source.text.emit("đã lưu")
print(len(seen), sys.getrefcount(True) - before)
"""


def test_thousands_of_emits_leave_the_interpreter_sound() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    delivered, drift = done.stdout.split()
    assert int(delivered) == 5000 and int(drift) == 0


def test_after_install_no_reference_is_lost() -> None:
    qt_fixes.install()
    assert qt_fixes.emit_reference_loss() == 0

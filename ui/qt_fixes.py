"""Work-arounds for defects of the Qt binding, each detected at start-up and applied only where
the defect is present.

PySide6 6.12.0 drops one reference to ``True`` on every ``Signal.emit()`` made from Python: after
a few thousand emits the interpreter aborts with "bool_dealloc". PySide6-Pdf, which the app needs,
exists only for that release, so instead of pinning the app measures the loss and gives the
reference back after each emit.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 64
_installed = False


class _Probe(QObject):
    fired = Signal(int)


def emit_reference_loss() -> int:
    """How many references to True one Python-side emit loses on this build (0 when sound)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for i in range(_PROBES):
        probe.fired.emit(i)
    lost = before - sys.getrefcount(True)
    if lost > 0:  # give the probe's losses back
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost // _PROBES


def install() -> bool:
    """Apply the work-arounds this build needs; True when the emit fix was installed."""
    global _installed
    if _installed:
        return True
    loss = emit_reference_loss()
    if loss <= 0:
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    true = ctypes.py_object(True)

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        for _ in range(loss):
            incref(true)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True

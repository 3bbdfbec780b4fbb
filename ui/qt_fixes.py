"""Work-arounds for defects of the Qt binding, detected at start-up and applied only where found.

PySide6 6.12.0 (the only release PySide6-Pdf exists for) hands Python some of its singletons
without counting the reference: every ``Signal.emit()`` made from Python loses one reference to
``True``, and every empty ``QVariant`` turned into ``None`` (``QModelIndex.data()`` of an empty
cell, a proxy model's ``data()``…) loses one reference to ``None``. After a few thousand such
calls the interpreter aborts ("bool_dealloc", "none_dealloc"). From Python 3.12 these singletons
are immortal and the defect is harmless; on 3.11 the app does what 3.12 does: it gives them a
reserve of references no session can use up.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

_PROBES = 64
_RESERVE = 1 << 40  # references added once; a session loses a few per user action
_installed = False


class _Probe(QObject):
    fired = Signal(int)


class _EmptyModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


def _lost(singleton: object, action: object) -> int:
    before = sys.getrefcount(singleton)
    for _ in range(_PROBES):
        action()  # type: ignore[operator]
    return max(0, before - sys.getrefcount(singleton))


def reference_losses() -> dict[str, int]:
    """References lost per call by this build, for each singleton (all 0 on a sound build).

    The probe's own losses are given back, so measuring is harmless."""
    probe, model = _Probe(), _EmptyModel()
    index = model.index(0, 0)
    lost = {"True": _lost(True, lambda: probe.fired.emit(1)),
            "None": _lost(None, index.data)}
    for name, singleton in (("True", True), ("None", None)):
        for _ in range(lost[name]):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(singleton))
    return {name: count // _PROBES for name, count in lost.items()}


def install() -> bool:
    """Apply the work-around this build needs; True when it was applied."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or not any(reference_losses().values()):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _installed = True
    return True

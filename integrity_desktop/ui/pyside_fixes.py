"""Work-arounds for defects of the Qt binding we ship, each applied only where it is measured.

PySide6 6.12.0 on Python 3.11 returns the singletons ``True`` and ``None`` without taking a
reference to them, as if they were immortal (they are from Python 3.12 on):

- ``SignalInstance.emit()`` (and ``connect``) returns ``True``: each emit leaves ``True`` one
  reference short;
- every method that returns nothing (``setText``, ``setEnabled``, ``QTimer.start``…) and an
  empty ``QVariant`` read back (``QModelIndex.data()`` of an empty cell) return ``None``: each
  call leaves ``None`` one reference short.

A worker's progress reports are emits and a screen makes thousands of void calls each time it
fills: after enough of them (a day of work, a long import, the test suite) a count reaches zero
and the interpreter aborts with "bool_dealloc" or "none_dealloc: deallocating None", whatever
the program was doing.  Walking every screen of the demo store for four minutes did it.  Here
each such singleton gets what 3.12 gives it, a reference count no session can use up, and only
when the defect is seen (6.11.3 has neither).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

# More references than any session could lose (3.12's immortal objects sit near 2**32).
_SPARE_REFERENCES = 1 << 40
_probed = False
given: dict[str, int] = {}  # name of the singleton -> the references given to it


class _Probe(QObject):
    ping = Signal()


def _loses(singleton: object, call: Callable[[], object]) -> bool:
    before = sys.getrefcount(singleton)
    call()
    return sys.getrefcount(singleton) < before


def emit_loses_a_true() -> bool:
    """Whether ``emit()`` leaves ``True`` with one reference fewer than before."""
    probe = _Probe()
    return _loses(True, probe.ping.emit)


def void_call_loses_a_none() -> bool:
    """Whether a method that returns nothing leaves ``None`` with one reference fewer."""
    probe = _Probe()
    return _loses(None, lambda: probe.setObjectName("probe"))


def apply() -> bool:
    """Make ``True`` and ``None`` immortal where this binding loses their references; whether it
    did.  Runs once per process (the ``ui`` package calls it on import)."""
    global _probed
    if _probed or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    _probed = True
    for name, singleton, defect in (("True", True, emit_loses_a_true),
                                    ("None", None, void_call_loses_a_none)):
        if defect():
            # ob_refcnt is the first field of every object in a CPython release build.
            ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE_REFERENCES
            given[name] = _SPARE_REFERENCES
    return bool(given)

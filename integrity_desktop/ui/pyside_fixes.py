"""Work-arounds for defects of the Qt binding we ship, each applied only where it is measured.

PySide6 6.12.0 on Python 3.11: ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it (6.11.3 does not), so every ``emit`` made from Python leaves ``True`` one
reference short.  A worker's progress reports and results are emits: after enough of them (a long
import, a day of work, the test suite) the count reaches zero and the interpreter aborts with
"bool_dealloc: deallocating True or False", whatever the program was doing.  Python 3.12 made
``True`` immortal for this kind of reason; here it gets what 3.12 gives it, a reference count no
session can use up, and only when the defect is seen.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# More references than any session could lose (3.12's immortal objects sit near 2**32).
_SPARE_REFERENCES = 1 << 40
_probed = False
given = 0  # the references given to True (0: none were needed)


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_true() -> bool:
    """Whether ``emit()`` leaves ``True`` with one reference fewer than before."""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


def apply() -> bool:
    """Make ``True`` immortal if this binding loses its references; returns whether it did.
    Runs once per process (the ``ui`` package calls it on import)."""
    global _probed, given
    if _probed or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    _probed = True
    if not emit_loses_a_true():
        return False
    # ob_refcnt is the first field of every object in a CPython release build.
    ctypes.c_ssize_t.from_address(id(True)).value += _SPARE_REFERENCES
    given = _SPARE_REFERENCES
    return True

"""The Python heap after start-up: frozen out of the cyclic garbage collector's full passes.

A full collection walks every tracked object.  After start-up most of them are the program
itself (modules, classes, SQLAlchemy's mappers and compiled-statement cache, Qt's wrappers):
about 95,000 objects that live as long as the process.  A screen that builds many objects
(HQ's national picture: ~12,000 result rows, the cases' events) triggers about one full
collection each time, which walked all of them: 27–35 ms of a 250–420 ms picture on the
31-province store (PostgreSQL and SQLite, measured with ``gc.callbacks``).  ``gc.freeze``
moves what exists now to a permanent generation the collector skips; reference counting
still frees those objects as before, and the cyclic collector still runs for everything made
later.  What it cannot do any more is collect a reference cycle among the frozen objects, so
``settle`` collects first and is called once the program is running: the GUI after the main
window's first paint, a command once its store is open and its person signed in.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_settled = False
# The youngest generation's threshold during ``bulk`` work (the interpreter's default is 700).
BULK_THRESHOLD = 50_000
_bulk_lock = threading.Lock()
_bulk_depth = 0
_bulk_saved = (0, 0, 0)


def settle() -> None:
    """Collect what start-up left behind, then freeze the rest (once per process)."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()


@contextmanager
def bulk() -> Iterator[None]:
    """Work that makes many short-lived containers at once (an import's parsed rows and their
    values, freed by reference counting, not by the collector), with the youngest generation
    collected every ``BULK_THRESHOLD`` allocations instead of every 700: a national folder import
    spent 0.39 s of its 14.6 s in 5,122 collections that way, 0.05 s in 512 this way
    (bench/RESULTS.md, issue 23h).
    The collector still runs; nested and concurrent uses restore the thresholds once, when
    the last ends.  (The GUI collects on its own timer with the thresholds it read at start,
    so this changes nothing there.)"""
    global _bulk_depth, _bulk_saved
    with _bulk_lock:
        if _bulk_depth == 0:
            _bulk_saved = gc.get_threshold()
            gc.set_threshold(max(BULK_THRESHOLD, _bulk_saved[0]), *_bulk_saved[1:])
        _bulk_depth += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_depth -= 1
            if _bulk_depth == 0:
                gc.set_threshold(*_bulk_saved)

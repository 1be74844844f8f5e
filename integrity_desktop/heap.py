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

_settled = False


def settle() -> None:
    """Collect what start-up left behind, then freeze the rest (once per process)."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()

"""A hybrid logical clock: version stamps that order changes across offices.

A stamp is ``<ms since epoch, 13 digits>-<counter, 4 digits>-<node>``; comparing two stamps as
strings orders them, ties broken by the node id, so every store picks the same winner.  The
clock never goes backwards, even when the PC's clock does, and ``observe`` moves it past every
stamp seen in an imported bundle.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

_COUNTER_MAX = 9999


def format_stamp(ms: int, counter: int, node: str) -> str:
    return f"{ms:013d}-{counter:04d}-{node}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    ms, counter, node = stamp.split("-", 2)
    return int(ms), int(counter), node


class HybridClock:
    """Issues strictly increasing stamps for one store (thread-safe)."""

    def __init__(self, node: str, last: str = "", wall: Callable[[], float] = time.time) -> None:
        self._node = node
        self._wall = wall
        self._lock = threading.Lock()
        self._ms, self._counter = (0, 0)
        if last:
            self._ms, self._counter, _ = parse_stamp(last)

    @property
    def node(self) -> str:
        return self._node

    def now(self) -> str:
        with self._lock:
            wall_ms = int(self._wall() * 1000)
            if wall_ms > self._ms:
                self._ms, self._counter = wall_ms, 0
            else:
                self._advance_counter()
            return format_stamp(self._ms, self._counter, self._node)

    def observe(self, stamp: str) -> None:
        """Move past a stamp made elsewhere so later local edits order after it."""
        ms, counter, _ = parse_stamp(stamp)
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    def _advance_counter(self) -> None:
        if self._counter >= _COUNTER_MAX:
            # More than 10,000 stamps in one millisecond: borrow from the next one.
            self._ms, self._counter = self._ms + 1, 0
        else:
            self._counter += 1

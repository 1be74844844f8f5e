"""Held versions (sync/held.py) on a real store: a version held again by a second import is
stored and counted once, versions come out when what they wait for is present or the clock
reaches them, the per-office bound refuses one more, and the usage follows every step."""

from __future__ import annotations

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.sync import held
from integrity_desktop.sync.held import HeldRecords


def _hold(h: HeldRecords, rid: str, waits_for: tuple[str, str], line: bytes = b'{"x":1}\n') -> bool:
    return h.hold("unit", rid, f"stamp-{rid}", "isfahan", "missing_parent", waits_for, line)


def test_held_once_taken_out_when_ready_and_bounded(hq_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with hq_store.session() as s:
        first = HeldRecords(s, "a" * 64)
        assert _hold(first, "u1", ("office", "parent-1"))
        first.flush()
        again = HeldRecords(s, "b" * 64)  # the same bundle's version, imported a second time
        assert again.usage("isfahan").records == 1
        assert _hold(again, "u1", ("office", "parent-1"))
        assert again.usage("isfahan").records == 2  # counted while pending ...
        assert again.total("isfahan") == 1  # ... and held once
        assert (again.usage("isfahan").records, again.usage("isfahan").size) == (1, 8)
        assert _hold(again, "u2", ("clock", "1800000000000-0000-isfahan"))

        def present(record_type: str, ids: object) -> set[str]:
            return {"parent-1"} if record_type == "office" else set()

        out = again.take_ready(present, lambda stamp: False)
        assert [(w.record_id, w.source_office, w.line) for w in out] == [("u1", "isfahan", b'{"x":1}\n')]
        assert again.usage("isfahan").records == 1 and again.total("isfahan") == 1
        out = again.take_ready(lambda t, ids: set(), lambda stamp: stamp.startswith("18"))
        assert [w.record_id for w in out] == ["u2"]
        assert (again.usage("isfahan").records, again.usage("isfahan").size) == (0, 0)

        monkeypatch.setattr(held, "MAX_RECORDS_PER_OFFICE", 1)
        assert _hold(again, "u3", ("office", "parent-3"))
        assert not _hold(again, "u4", ("office", "parent-4"))  # the office is at its bound
        monkeypatch.setattr(held, "MAX_BYTES_PER_OFFICE", 10)
        assert not HeldRecords(s, "c" * 64).hold("unit", "u5", "s", "qom", "missing_parent",
                                                  ("office", "p"), b"x" * 11)

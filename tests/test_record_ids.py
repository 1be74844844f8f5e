"""Record ids (issue 23): new records get time-ordered UUIDv7 ids (RFC 9562) in the same
36-character text as before; records that exist keep the ids they have."""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from integrity_desktop.db import base
from integrity_desktop.db.base import new_id, uuid7
from integrity_desktop.db.models import Finding, Unit
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.services.store import records

from .conftest import actor

SYNCED_TABLES = ("units", "checklists", "checklist_entries", "findings", "visits", "cases")


def test_new_id_is_a_version_7_uuid_as_text() -> None:
    before = time.time_ns() // 1_000_000
    text = new_id()
    after = time.time_ns() // 1_000_000
    assert len(text) == 36 and text == text.lower() and text.count("-") == 4
    u = uuid.UUID(text)
    assert str(u) == text
    assert u.version == 7
    assert u.variant == uuid.RFC_4122  # the two variant bits are 10
    assert (u.int >> 76) & 0xF == 7 and (u.int >> 62) & 0b11 == 0b10
    assert before <= u.int >> 80 <= after  # 48-bit Unix milliseconds
    assert len({new_id() for _ in range(10_000)}) == 10_000


def test_ids_increase_within_a_process() -> None:
    ids = [new_id() for _ in range(20_000)]  # many share a millisecond
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert [uuid.UUID(i).int for i in ids] == sorted(uuid.UUID(i).int for i in ids)


def test_ids_increase_when_the_clock_stands_still_or_steps_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_800_000_000_000 * 1_000_000]
    monkeypatch.setattr(base.time, "time_ns", lambda: now[0])
    monkeypatch.setattr(base, "_v7_last", 0)
    made = [uuid7() for _ in range(50)]
    now[0] -= 5_000 * 1_000_000  # the PC's clock set back five seconds
    made += [uuid7() for _ in range(50)]
    assert [u.int for u in made] == sorted({u.int for u in made})
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in made)
    assert {u.int >> 80 for u in made} == {1_800_000_000_000}  # held at the newest time seen


def test_a_full_counter_carries_into_the_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    ms = 1_800_000_000_000
    monkeypatch.setattr(base.time, "time_ns", lambda: ms * 1_000_000)
    last = ms << 80 | base._v7_fields((1 << 74) - 1)  # the largest id of that millisecond
    monkeypatch.setattr(base, "_v7_last", last)
    u = uuid7()
    assert u.int >> 80 == ms + 1
    assert u.version == 7 and u.variant == uuid.RFC_4122
    assert str(u) > str(uuid.UUID(int=last))


def test_records_made_by_the_services_get_v7_ids(store: Store) -> None:
    admin = actor("admin")
    with store.session() as s:
        first = records.add(s, store, admin, Unit(name_fa="واحد یک", kind="center"))
        second = records.add(s, store, admin, Unit(name_fa="واحد دو", kind="center"))
        ids = (first.id, second.id)
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids[0] < ids[1]


def _ids(path: Path) -> dict[str, set[str]]:
    with sqlite3.connect(path) as con:
        return {t: {r[0] for r in con.execute(f'SELECT id FROM "{t}"')} for t in SYNCED_TABLES}


def test_existing_ids_survive_the_upgrade_and_new_records_get_v7(released_0001: Path) -> None:
    before = _ids(released_0001)  # a released store (schema 0001, uuid4 and uuid5 ids)
    assert sum(map(len, before.values())) > 1_000
    versions = {uuid.UUID(i).version for ids in before.values() for i in ids}
    assert versions <= {4, 5} and 7 not in versions
    tehran = open_store(str(released_0001))  # migrated to today's schema
    try:
        with tehran.session() as s:
            made = records.add(s, tehran, actor("admin"), Unit(name_fa="واحد نو", kind="center"))
            made_id = made.id
        with tehran.read() as s:
            assert s.get(Finding, next(iter(before["findings"]))) is not None
    finally:
        tehran.dispose()
    after = _ids(released_0001)
    for table, ids in before.items():
        assert ids <= after[table], table  # not one existing id rewritten
    assert after["units"] - before["units"] == {made_id}
    assert uuid.UUID(made_id).version == 7

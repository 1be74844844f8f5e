"""Trusting province keys at HQ (sync/trust.py), the refusals a person meets: an unreadable key
file, an unknown office, a second key while one is active, a revoked key offered again; and the
same key added twice is one key."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import keys
from integrity_desktop.sync import trust
from integrity_desktop.sync.history import SEED_NODE, add_run, contains, dumps

from .sync_helpers import admin


def _code(call: object) -> str:
    with pytest.raises(UserError) as e:
        call()  # type: ignore[operator]
    assert e.value.fa and e.value.en
    return e.value.code


def test_key_refusals_and_the_same_key_twice(store: Store, hq_store: Store, tmp_path: Path) -> None:
    who = admin(hq_store)
    tehran_key = keys.public_key_file(store)
    assert _code(lambda: trust.read_key_file(tmp_path / "missing.pub")) == "bad_key_file"
    bad = tmp_path / "bad.pub"
    bad.write_bytes(b"\xff\xfe\x00")
    assert _code(lambda: trust.read_key_file(bad)) == "bad_key_file"
    assert _code(lambda: trust.add_key(hq_store, who, "atlantis", tehran_key)) == "unknown_office"
    first = trust.add_key(hq_store, who, "tehran", tehran_key)
    assert trust.add_key(hq_store, who, "tehran", tehran_key) == first
    other = keys.public_key_file(hq_store)
    assert _code(lambda: trust.add_key(hq_store, who, "tehran", other)) == "key_exists"
    assert trust.revoke(hq_store, who, "tehran") == 1
    assert _code(lambda: trust.add_key(hq_store, who, "tehran", tehran_key)) == "key_was_revoked"


def test_history_edges() -> None:
    # a key orjson does not take is written by the standard encoder, the same text
    assert dumps({1: [["a", "b"]]}) == '{"1":[["a","b"]]}'  # type: ignore[dict-item]
    assert dumps({"تهران": []}) == '{"\\u062a\\u0647\\u0631\\u0627\\u0646":[]}'
    assert contains({}, f"0000000000000-0000-{SEED_NODE}")  # seeded rows are everyone's
    assert add_run({"n": [["1", "3"]]}, "n", "2", "5") == {"n": [["1", "5"]]}
    assert add_run({"n": [["1", "3"]]}, "n", "4", "5") == {"n": [["1", "3"], ["4", "5"]]}

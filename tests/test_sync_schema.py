"""What a bundle's ``schema_version`` promises: the synced tables as they were at that revision.

A migration that changes only this store's own tables (0012: the derived ``case_steps``) keeps
the bundles' schema, so a province still on the program before it and an HQ after it trade
bundles both ways; a change to a synced table must raise ``bundle_format.RECORDS_SCHEMA``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from integrity_desktop.db import migrate
from integrity_desktop.db.store import Store
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.verify import BundleRefused

from .sync_helpers import export, import_, read_members, signing_key, trust, write_bundle

pytest_plugins = ["tests.sync_fixtures"]

# The synced tables' fingerprint at each bundle schema (``bf.records_fingerprint``).  When this
# test fails, a synced table changed: set ``RECORDS_SCHEMA`` to the migration's revision and add
# its fingerprint here (the old ones stay: they are history).
FINGERPRINTS = {
    "0011": "0a338ac1029c81c57eba6d1f1593f6bd9f9971ed00e74d57cf2f438014575b5e",
}


def test_a_change_to_a_synced_table_raises_the_bundle_schema() -> None:
    assert bf.RECORDS_SCHEMA in FINGERPRINTS, "add the new schema's fingerprint"
    assert bf.records_fingerprint() == FINGERPRINTS[bf.RECORDS_SCHEMA], (
        "a synced table changed: raise bundle_format.RECORDS_SCHEMA to the migration's revision")
    assert int(bf.RECORDS_SCHEMA) <= int(migrate.head_revision())


def test_bundles_name_the_records_schema_and_cross_a_local_only_migration(
    fresh: Callable[[Path, str], Store], province_template: Path, hq_template: Path, tmp_path: Path,
) -> None:
    """A bundle says the records' schema, not the store's revision; one written by a program
    whose newest migration was the last synced change (0011) imports into a store at 0012."""
    tehran, hq = fresh(province_template, "tehran"), fresh(hq_template, "hq")
    trust(hq, tehran)
    path = export(tehran, tmp_path / "t1.itb").path
    manifest = json.loads(read_members(path)[bf.MANIFEST])
    assert manifest["schema_version"] == bf.RECORDS_SCHEMA == "0011"
    assert migrate.head_revision() != bf.RECORDS_SCHEMA  # this program has a local-only migration on top
    summary = import_(hq, path)
    assert summary.outcome == "accepted"
    older = write_bundle(tmp_path / "older.itb", read_members(path), key=signing_key(tehran),
                         edit_manifest=lambda m: m.update(schema_version="0010", seq=int(m["seq"]) + 1))
    with pytest.raises(BundleRefused) as err:  # a bundle of the schema before 0011's change
        import_(hq, older)
    assert err.value.code == "schema_version"

"""A released migration builds the same schema for ever.

A store is checked against a fresh store migrated to its revision (``db/schema_check.py``), so a
change to a released migration, or to a helper it calls (``db/migrations/columns.py``,
``completion.py``), would make every store of that revision look tampered with.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from alembic.script import ScriptDirectory

from integrity_desktop.db import cipher, migrate
from integrity_desktop.db.engine import make_engine, sqlite_url
from integrity_desktop.db.schema_check import Schema, differences, expected_schema, read_schema

# The schema a fresh SQLite store has at each revision (``schema_check.read_schema``: every
# table, column, index, trigger and view), as a digest.  A new revision adds its line; an old
# line never changes.
DIGESTS = {
    "0001": "e7d41c9c27a48e257951e086680fab07b85a65db846994fb31f50e05a0ec201f",
    "0002": "6080e239a40fd6a325709a7e0aa184380580056f81f341b46eb277d49ea1903f",
    "0003": "f22c35a6411415fd0880a5a857fce6e4f48da121bf9d46ac67bec8f73413e55a",
    "0004": "d0e84a4bb4bbfff4ce76bc6c75b4abb4bec4cbb87585b92bf5bdf3150b408e8f",
    "0008": "0eb64e54302ae35c383172fda8755b8265e30b1a0c07d85c89b2955d8c317f52",
    "0009": "088a306220e969d8365a5e028d0d33b28f5471bd645f19d396eba2ac25df113f",
    "0010": "b3f91762eede59408eeee38b2975ed049a60d3ee451d03cb0d6e6f9d31748308",
    "0011": "5c6453211eb7a19dc61d2c6f4e196b6ff292d5f8048896d74096501d6617b3d8",
    "0012": "85579fff296674a8ca797d1ebedf321e5795956fb7f5220163e7ab4f77a46003",
}


def _digest(schema: Schema) -> str:
    text = json.dumps(sorted([*key, value] for key, value in schema.items()), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def test_each_revision_builds_the_schema_it_was_released_with(tmp_path: Path) -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert set(revisions) == set(DIGESTS), "a new revision: add its digest (the old ones stay)"
    path = tmp_path / "steps.sqlite"
    engine = make_engine(sqlite_url(path))
    got = {}
    try:
        for revision in revisions:
            migrate.upgrade(engine, revision)
            con = cipher.connect(path)
            try:
                got[revision] = _digest(read_schema(con))
            finally:
                con.close()
    finally:
        engine.dispose()
    assert got == DIGESTS


def test_0001_still_builds_the_schema_of_the_released_store(released_0001: Path) -> None:
    """The store the program of schema 0001 saved, unopened, is what 0001 builds today."""
    con = cipher.connect(released_0001)
    try:
        released = read_schema(con)
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    finally:
        con.close()
    assert differences(released, expected_schema("0001")) == []

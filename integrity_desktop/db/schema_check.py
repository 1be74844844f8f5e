"""Compare a SQLite store's whole schema with the schema its revision must have.

A store file is data anyone with the file can edit, schema included: one extra trigger that
resets ``users.failed_count`` switches lock-out off for good, a view or an index can hide
anything.  The reference is made the only way a real store is: a fresh SQLite database
migrated to the same revision by our own migrations.  Every table, column, index, trigger and
view (``sqlite_master`` and ``PRAGMA table_xinfo``) must then be the same, or the store is
refused (restore) or reported (``audit verify``).
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from integrity_desktop.db import cipher

KIND_FA = {"table": "جدول", "index": "نمایه", "trigger": "تریگر", "view": "نما", "column": "ستون"}


@dataclass(frozen=True)
class SchemaDifference:
    fa: str
    en: str


Schema = dict[tuple[str, str], str]  # (kind, name) -> normalised definition


def read_schema(con: Any) -> Schema:
    schema: Schema = {}
    rows = con.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%'"
                       " ESCAPE '\\' ORDER BY type, name").fetchall()
    for kind, name, sql in rows:
        schema[(str(kind), str(name))] = " ".join(str(sql or "").split())
        if kind == "table":
            for col in con.execute(f'PRAGMA table_xinfo("{name}")'):
                # cid, name, type, notnull, default, pk, hidden
                schema[("column", f"{name}.{col[1]}")] = "|".join(str(v) for v in col[2:])
    return schema


@functools.cache
def expected_schema(revision: str) -> Schema:
    """The schema our migrations give a new SQLite store at ``revision`` (made once)."""
    from integrity_desktop.db import migrate
    from integrity_desktop.db.engine import make_engine, sqlite_url

    with tempfile.TemporaryDirectory(prefix="integrity-schema-") as tmp:
        path = Path(tmp) / "reference.sqlite"
        engine = make_engine(sqlite_url(path))
        try:
            migrate.upgrade(engine, revision)
        finally:
            engine.dispose()
        con = cipher.connect(path)
        try:
            return read_schema(con)
        finally:
            con.close()


def differences(actual: Schema, expected: Schema) -> list[SchemaDifference]:
    out: list[SchemaDifference] = []
    for key in sorted(set(actual) | set(expected)):
        kind, name = key
        label = KIND_FA.get(kind, kind)
        if key not in expected:
            out.append(SchemaDifference(f"{label} اضافی «{name}»", f"extra {kind} {name!r}"))
        elif key not in actual:
            out.append(SchemaDifference(f"{label} «{name}» نیست", f"missing {kind} {name!r}"))
        elif actual[key] != expected[key]:
            out.append(SchemaDifference(f"{label} «{name}» تغییر کرده است",
                                        f"{kind} {name!r} differs"))
    return out


def schema_differences(path: Path) -> list[SchemaDifference]:
    """What differs between the store at ``path`` and the schema of its own revision."""
    from integrity_desktop.db import cipher, migrate

    con = cipher.connect(path, readonly=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        actual = read_schema(con)
    finally:
        con.close()
    revision = str(row[0]) if row else ""
    if revision not in migrate.known_revisions():
        return [SchemaDifference("نسخهٔ ساختار آن شناخته نیست", f"unknown revision {revision!r}")]
    return differences(actual, expected_schema(revision))

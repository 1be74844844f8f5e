"""A store saved by a released program opens with today's code and keeps every value.

Migrations may add tables and columns; they may not lose a row or change a value a released
program wrote unless the migration says so and a test here names the change.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from integrity_desktop.db import migrate
from integrity_desktop.db.store import open_store

# Tables whose content a migration is allowed to rewrite: none so far.  A migration that must
# change released data adds its table here with the test that checks the change.
REWRITTEN: dict[str, str] = {}


def _snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        out = {}
        for t in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = conn.execute(f'SELECT {quoted} FROM "{t}"').fetchall()
            out[t] = (cols, rows)
        return out
    finally:
        conn.close()


def test_released_0001_store_upgrades_with_every_value_kept(released_0001: Path) -> None:
    before = _snapshot(released_0001)
    store = open_store(str(released_0001))
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
    finally:
        store.dispose()
    after = _snapshot(released_0001)
    for table, (cols, rows) in before.items():
        if table in REWRITTEN or table == migrate.VERSION_TABLE:
            continue
        assert table in after, f"table {table} lost in the upgrade"
        new_cols, new_rows = after[table]
        assert set(cols) <= set(new_cols), f"{table}: columns lost {set(cols) - set(new_cols)}"
        index = [new_cols.index(c) for c in cols]
        kept = sorted(repr(tuple(r[i] for i in index)) for r in new_rows)
        assert kept == sorted(repr(r) for r in rows), f"{table}: rows changed in the upgrade"

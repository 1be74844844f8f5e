"""One SHA-256 over the canonical synced content of a store, to compare two stores.

Every synced record of every type, every column (tombstones included), as canonical JSON;
store-local tables (users, keys, logs, conflicts, audit) are left out.  Records are ordered
by (type, id) in Python, not by the database, because PostgreSQL's collation may order ids
differently from SQLite.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from integrity_desktop.db.store import Store
from integrity_desktop.sync import bundle_format as bf


def store_digest(store: Store) -> str:
    """Equal for two stores holding the same synced records, whatever order they arrived in."""
    total = hashlib.sha256()
    with store.read() as s:
        for record_type in sorted(bf.models_by_type()):
            table = bf.table_of(record_type)
            lines: list[tuple[str, bytes]] = []
            result = s.execute(select(table), execution_options={"yield_per": 2000})
            for row in result.mappings():
                line = bf.canonical_line(bf.row_to_json(table, row))
                lines.append((row["id"], hashlib.sha256(line).digest()))
            lines.sort()
            total.update(f"{record_type}\t{len(lines)}\n".encode())
            for rid, line_hash in lines:
                total.update(rid.encode("utf-8") + b"\t" + line_hash)
    return total.hexdigest()

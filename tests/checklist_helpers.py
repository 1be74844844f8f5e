"""Helpers shared by the checklist tests: a digest of the rows an operation might touch."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

from integrity_desktop.db.store import Store

TABLES = ("checklists", "checklist_entries", "evidence", "templates", "template_items", "audit_log")


def digest(store: Store) -> str:
    """SHA-256 over every row of the tables checklists write, in a fixed order."""
    h = hashlib.sha256()
    with store.engine.connect() as conn:
        for table in TABLES:
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()

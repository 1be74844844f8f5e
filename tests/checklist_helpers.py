"""Helpers shared by the checklist tests: a digest of the rows an operation might touch, and an
appointed inspector for the visits behind computed figures."""

from __future__ import annotations

import hashlib

from sqlalchemy import select, text

from integrity_desktop.db.models import Inspector
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


def inspector_id(store: Store) -> str:
    """An inspector appointed before 1403, as visits need one."""
    import random

    from integrity_desktop.nationalid import generate_valid_national_code
    from integrity_desktop.services.inspections import inspectors

    from .conftest import actor

    who = actor("inspector", store.office_code)
    with store.read() as s:
        existing = s.scalar(select(Inspector.id).where(Inspector.office_code == store.office_code).limit(1))
    if existing:
        return str(existing)
    return inspectors.create_inspector(
        store, who, full_name="مریم احمدی", national_code=generate_valid_national_code(random.Random(3)),
        appointed_on="1402/01/15", letter_no="۱۲۳",
    ).id

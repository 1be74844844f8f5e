"""Deterministic demo content: the same seed gives the same store, record for record.

Each area of the app contributes a filler ``fill(store, actor, rng, scale) -> counts``; ids are
derived from the seed, so running the demo again on the same store adds nothing twice.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from integrity_desktop.db.models import User
from integrity_desktop.db.store import Store
from integrity_desktop.paths import is_url
from integrity_desktop.permissions import Actor
from integrity_desktop.services.accounts import users
from integrity_desktop.services.store.opening import check_office_code, init_store, open_initialised

# Documented in README.md; a demo store is for looking around, never for real data.
DEMO_PASSWORD = "demo-password"
DEMO_PASSPHRASE = "demo-passphrase"
DEMO_USERS = [
    ("inspector", "مریم احمدی", "inspector"),
    ("officer", "علی رضایی", "case_officer"),
    ("viewer", "زهرا کریمی", "viewer"),
    ("reviewer", "حسین محمدی", "reviewer"),
]

# "module:function" of each area's filler, in the order they run.
# (seed, "module:function"): a filler's random numbers come from its seed, the name the
# filler had when the demo was first published, so the demo stays the same record for record
# wherever its module now lives (issue 19 moved them into this package).
FILLERS: list[tuple[str, str]] = [
    ("integrity_desktop.services.demo_cases:fill", "integrity_desktop.services.demo.cases:fill"),
    # issue 21: before the checklists, whose approved ones freeze the committee's figures
    ("integrity_desktop.services.demo_committee:fill", "integrity_desktop.services.demo.committee:fill"),
    ("integrity_desktop.services.demo_checklists:fill", "integrity_desktop.services.demo.checklists:fill"),
    ("integrity_desktop.services.demo_inspections:fill", "integrity_desktop.services.demo.inspections:fill"),
    ("integrity_desktop.services.demo_rights:fill", "integrity_desktop.services.demo.rights:fill"),  # issue 20
]

Filler = Callable[[Store, Actor, random.Random, int], dict[str, int]]


def _filler(spec: str) -> Filler:
    module, func = spec.split(":")
    fn: Filler = getattr(importlib.import_module(module), func)
    return fn


def demo_store_exists(location: str) -> bool:
    return is_url(location) or Path(location).exists()


def demo_admin(office: str) -> Actor:
    """The administrator ``init`` made in a new demo store (its password is public)."""
    return Actor("admin", "admin", office, "مدیر سامانه")


def ensure_demo_store(location: str, office: str) -> Store:
    """Open the demo store, creating it with the demo accounts on first use.

    The demo accounts need not change their password at first sign-in: the demo password is
    public (README), and a demo store is for looking around, never for real data.
    """
    check_office_code(office)
    if demo_store_exists(location):
        return open_initialised(location)
    store = init_store(location, office, DEMO_PASSWORD, DEMO_PASSPHRASE)
    admin = demo_admin(office)
    with store.read() as s:
        existing = set(s.scalars(select(User.username)))
    for username, full_name, role in DEMO_USERS:
        if username not in existing:
            users.create_user(store, admin, username, full_name, role, DEMO_PASSWORD,
                              must_change=False)
    return store


def make_demo(
    location: str, office: str, seed: int = 1403, scale: int = 1, actor: Actor | None = None
) -> dict[str, int]:
    """Fill (creating if needed) a demo store.  ``actor`` is the signed-in administrator of
    an existing store; a new store is filled by its own ``admin``."""
    store = ensure_demo_store(location, office)
    try:
        if actor is None:
            actor = demo_admin(store.office_code)
        counts: dict[str, int] = {}
        for name, spec in FILLERS:
            rng = random.Random(f"{seed}:{name}")
            counts.update(_filler(spec)(store, actor, rng, scale))
        return counts
    finally:
        store.dispose()

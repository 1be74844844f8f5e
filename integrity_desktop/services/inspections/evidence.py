"""Documents of inspections: files attached to a visit, a finding, a corrective action or an
inspector (the appointment letter), kept by the evidence store.

A thin adapter over ``services.store.evidence`` that names the inspection record kinds and the
inspections permissions, so screens need not know how evidence is stored.
"""

from __future__ import annotations

import os
from typing import Literal

from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store import evidence
from integrity_desktop.services.store.evidence import EvidenceInfo

OwnerType = Literal["visit", "finding", "corrective_action", "inspector"]
OWNER_TYPES: tuple[str, ...] = ("visit", "finding", "corrective_action", "inspector")


def _check(owner_type: str) -> None:
    if owner_type not in OWNER_TYPES:
        raise ValueError(f"not an inspection record kind: {owner_type!r}")


def attach(
    store: Store,
    actor: Actor,
    owner_type: OwnerType,
    owner_id: str,
    path: str | os.PathLike[str],
    note: str = "",
) -> EvidenceInfo:
    """Attach a file (checked for type and size by the evidence store) to an inspection record."""
    _check(owner_type)
    return evidence.attach(store, actor, owner_type, owner_id, path, note, operation="inspections.edit")


def list_attached(store: Store, actor: Actor, owner_type: OwnerType, owner_id: str) -> list[EvidenceInfo]:
    """The files attached to one inspection record, oldest first."""
    _check(owner_type)
    require(actor, "inspections.view")
    return evidence.list_for(store, actor, owner_type, owner_id)


def counts(store: Store, actor: Actor, owner_type: OwnerType, owner_ids: list[str]) -> dict[str, int]:
    """How many files each record has (records without any are left out)."""
    _check(owner_type)
    require(actor, "inspections.view")
    return evidence.count_for(store, owner_type, owner_ids)

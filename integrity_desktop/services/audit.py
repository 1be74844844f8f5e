"""The append-only audit log with a SHA-256 hash chain.

Each entry's hash covers its own fields and the previous entry's hash, so editing or removing
any row breaks every link after it; ``verify`` finds the first broken one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import AuditEntry
from integrity_desktop.permissions import Actor

if TYPE_CHECKING:
    from integrity_desktop.db.store import Store

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(entry: AuditEntry) -> str:
    payload = "\x1f".join(
        [
            entry.prev_hash,
            entry.at.isoformat(timespec="microseconds"),
            entry.actor,
            entry.office_code,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def head(session: Session) -> str:
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1))
    return last or GENESIS


def append(
    session: Session,
    store: Store | None,
    actor: Actor,
    action: str,
    entity: str = "",
    entity_id: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Add one entry to the chain inside the caller's transaction."""
    entry = AuditEntry(
        at=datetime.now(UTC).replace(tzinfo=None),
        actor=actor.label,
        office_code=actor.office_code,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=canonical(before),
        after=canonical(after),
        prev_hash=head(session),
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    broken_seq: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify(session: Session) -> VerifyResult:
    """Walk the chain in order and report the first entry whose link or hash is wrong."""
    prev = GENESIS
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.prev_hash != prev:
            return VerifyResult(count, entry.seq, "link")
        if entry_hash(entry) != entry.hash:
            return VerifyResult(count, entry.seq, "hash")
        prev = entry.hash
    return VerifyResult(count, None)

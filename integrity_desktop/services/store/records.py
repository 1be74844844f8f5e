"""Helpers every service uses to write synced records: stamping, serialising, auditing."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from integrity_desktop.db.base import Synced, new_id
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor
from integrity_desktop.services.audit import log as audit
from integrity_desktop.textnorm import clean_stored_text

# Stable ids for records that must be the same in every store (catalogue, offices, lookups).
T = TypeVar("T", bound=Synced)

NAMESPACE = uuid.UUID("6f1c2a7e-5b0d-4c1e-9a55-2f6d1b8e4c90")


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def as_dict(obj: Any) -> dict[str, Any]:
    """The mapped columns of a record as JSON-ready values."""
    mapper = inspect(type(obj))
    return {c.key: to_plain(getattr(obj, c.key)) for c in mapper.column_attrs}


def load_live(session: Session, model: type[T], record_id: str, fa: str, en: str, code: str) -> T:
    """A record that exists and is not deleted, or the ``UserError`` that says what to pick."""
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise UserError(fa, f"{en} {record_id!r} does not exist.", code=code)
    return row


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_stored_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def clean_texts(obj: Any) -> None:
    """No direction override or isolate (U+202E made «x\u202efdp.exe» read «xexe.pdf») and no
    control character (NUL included) in any text of a record; ZWNJ and ZWJ stay."""
    for attr in inspect(type(obj)).column_attrs:
        value = getattr(obj, attr.key)
        cleaned = _clean(value)
        if cleaned != value:
            setattr(obj, attr.key, cleaned)


def stamp(store: Store, actor: Actor, obj: Synced) -> None:
    """Give a record a fresh version stamp and its owner before it is saved."""
    obj.hlc = store.clock.now()
    obj.updated_by = actor.label
    obj.updated_at = utcnow()
    if not getattr(obj, "office_code", None):
        obj.office_code = actor.office_code
    if obj.deleted is None:
        obj.deleted = False


def stamp_columns(store: Store, actor: Actor) -> dict[str, Any]:
    """What ``stamp`` gives a new record of ``actor``'s office, as the columns of a row inserted
    in bulk (the demo's generators)."""
    return {"hlc": store.clock.now(), "updated_by": actor.label, "updated_at": utcnow(),
            "deleted": False, "office_code": actor.office_code}


def add(session: Session, store: Store, actor: Actor, obj: Synced) -> Synced:
    """Insert a new record, stamped and written to the audit log."""
    if not obj.id:
        obj.id = new_id()
    clean_texts(obj)
    stamp(store, actor, obj)
    session.add(obj)
    session.flush()
    audit.append(session, store, actor, "create", obj.__sync_type__, obj.id, None, as_dict(obj))
    return obj


def update(
    session: Session, store: Store, actor: Actor, obj: Synced, **changes: Any
) -> bool:
    """Apply changes to a record; stamps and audits only when something really changed."""
    before = as_dict(obj)
    changed = False
    for key, value in changes.items():
        value = _clean(value)
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    if not changed:
        return False
    stamp(store, actor, obj)
    session.flush()
    audit.append(session, store, actor, "update", obj.__sync_type__, obj.id, before, as_dict(obj))
    return True


def soft_delete(session: Session, store: Store, actor: Actor, obj: Synced) -> None:
    """Mark a record deleted (a tombstone that travels), never remove the row."""
    if obj.deleted:
        return
    before = as_dict(obj)
    obj.deleted = True
    stamp(store, actor, obj)
    session.flush()
    audit.append(session, store, actor, "delete", obj.__sync_type__, obj.id, before, as_dict(obj))

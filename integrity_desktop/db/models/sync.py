"""Store-local sync bookkeeping: keys, trusted keys, import/export logs, conflicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import ID, Base, new_id


class LocalKey(Base):
    """This store's own keys; secrets are encrypted with the office passphrase."""

    __tablename__ = "local_keys"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # signing | age
    public: Mapped[str] = mapped_column(Text)
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class TrustedKey(Base):
    """A public signing key of another office that this store accepts bundles from."""

    __tablename__ = "trusted_keys"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    office_code: Mapped[str] = mapped_column(String(40), index=True)
    public_key: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(32))
    fingerprint: Mapped[str] = mapped_column(String(120))
    added_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class ImportLog(Base):
    """Every bundle this store has seen, keyed by its SHA-256."""

    __tablename__ = "import_log"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    bundle_sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_office: Mapped[str] = mapped_column(String(40), index=True)
    seq: Mapped[int]
    created_at: Mapped[datetime | None]
    imported_at: Mapped[datetime]
    imported_by: Mapped[str] = mapped_column(String(120), default="")
    outcome: Mapped[str] = mapped_column(String(24))  # accepted | replay | refused
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ExportLog(Base):
    """Every bundle this store has written; the next one continues the sequence."""

    __tablename__ = "export_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    created_at: Mapped[datetime]
    hlc_high: Mapped[str] = mapped_column(String(48))
    full: Mapped[bool]
    recipient: Mapped[str] = mapped_column(String(80), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    record_count: Mapped[int]


class Conflict(Base):
    """A version that lost a merge; kept until a person keeps it or lets it go."""

    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(ID, index=True)
    reason: Mapped[str] = mapped_column(String(40))  # concurrent | approved_locked
    winner: Mapped[dict[str, Any]]
    loser: Mapped[dict[str, Any]]
    source_office: Mapped[str] = mapped_column(String(40), default="")
    detected_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    resolution: Mapped[str] = mapped_column(String(24), default="")
    resolved_by: Mapped[str] = mapped_column(String(120), default="")
    resolved_at: Mapped[datetime | None]


class RecordBase(Base):
    """Per record, the newest version taken from a bundle and the history it carried.

    The sync merge uses it to tell a later edit of a received version (no conflict) from a
    concurrent edit (a conflict); see ``integrity_desktop.sync.history``.
    """

    __tablename__ = "sync_record_base"

    record_id: Mapped[str] = mapped_column(ID, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40))
    applied_hlc: Mapped[str] = mapped_column(String(48))
    carried_history: Mapped[str] = mapped_column(Text, default="")  # JSON, see sync.history
    floor_hlc: Mapped[str] = mapped_column(String(48), default="")


class HeldRecord(Base):
    """A version received in a bundle and not applied yet: a record it points to has not
    arrived (``waits_for_type``/``waits_for_id``), or its stamp is ahead of this store's clock
    (``waits_for_type`` "clock", ``waits_for_id`` the stamp).  Applied, in the same
    transaction, by the import that brings what it waits for (``integrity_desktop.sync.held``).
    """

    __tablename__ = "sync_held"
    __table_args__ = (
        UniqueConstraint("record_type", "record_id", "hlc", "source_office"),
        Index("ix_sync_held_waits", "waits_for_type", "waits_for_id"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(ID)
    hlc: Mapped[str] = mapped_column(String(48))
    source_office: Mapped[str] = mapped_column(String(40), index=True)
    bundle_sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(24))  # missing_parent | future_stamp
    waits_for_type: Mapped[str] = mapped_column(String(40))
    waits_for_id: Mapped[str] = mapped_column(String(48))
    line: Mapped[str] = mapped_column(Text)  # the record line as received
    size: Mapped[int]  # bytes of the line, for the bound per office
    held_at: Mapped[datetime]

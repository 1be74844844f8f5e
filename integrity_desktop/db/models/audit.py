"""The append-only, hash-chained audit log (store-local; its head travels in bundles)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import Base


class AuditEntry(Base):
    """Who did what, when, with before/after values; ``hash`` covers ``prev_hash``."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(120), index=True)
    office_code: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(80), default="")
    before: Mapped[str] = mapped_column(Text, default="")  # canonical JSON or ""
    after: Mapped[str] = mapped_column(Text, default="")
    # Unique: two writers racing to append after the same entry cannot fork the chain.
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))


class AuditSeal(Base):
    """The chain's head signed with this office's minisign key (at every bundle export, every
    backup made with the passphrase, ``audit seal``): whoever has the store file but not the
    passphrase cannot sign a new head, so truncating or rewriting the chain at or before a
    sealed entry is caught.  See docs/THREAT-MODEL.md for what it cannot catch."""

    __tablename__ = "audit_seals"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    seq: Mapped[int]  # the sealed head entry
    head: Mapped[str] = mapped_column(String(64))  # its hash
    length: Mapped[int]  # entries in the chain when sealed
    reason: Mapped[str] = mapped_column(String(24))  # export | backup | manual
    actor: Mapped[str] = mapped_column(String(120))
    key_id: Mapped[str] = mapped_column(String(32))
    signature: Mapped[str] = mapped_column(Text)  # minisign signature file text

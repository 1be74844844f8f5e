"""Evidence files: content-addressed blobs in the data directory, attached to a record."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import ID, Base, Synced


class Evidence(Synced, Base):
    """One attachment; the bytes live at ``evidence/<sha[:2]>/<sha>`` under the data dir."""

    __tablename__ = "evidence"
    __sync_type__ = "evidence"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))  # shown only, never used as a path
    mime: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int]
    owner_type: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(ID, index=True)
    note: Mapped[str] = mapped_column(default="")

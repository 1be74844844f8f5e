"""Offices, their units, and the configurable lists HQ maintains."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import Base, Synced


class Office(Synced, Base):
    """HQ or a provincial directorate general; ids are UUIDv5 of the code, equal everywhere."""

    __tablename__ = "offices"
    __sync_type__ = "office"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # "hq" | "province"
    name_fa: Mapped[str]
    name_en: Mapped[str] = mapped_column(default="")
    province_fa: Mapped[str] = mapped_column(default="")
    sort_order: Mapped[int] = mapped_column(default=0)


class Unit(Synced, Base):
    """A training centre or an office inside a province (or HQ)."""

    __tablename__ = "units"
    __sync_type__ = "unit"

    name_fa: Mapped[str]
    kind: Mapped[str] = mapped_column(String(24), default="center")
    active: Mapped[bool] = mapped_column(default=True)


class Lookup(Synced, Base):
    """An entry of a configurable list: violation types, penalties, boards, severities."""

    __tablename__ = "lookups"
    __sync_type__ = "lookup"
    __table_args__ = (UniqueConstraint("kind", "code"),)

    kind: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(40))
    title_fa: Mapped[str] = mapped_column(String(500))
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

"""The declarative base every model shares, and the sync metadata of travelling records."""

from __future__ import annotations

import os
import threading
import time
import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# A fixed naming convention keeps Alembic's batch mode (needed on SQLite) able to find and
# rename constraints, and keeps SQLite and PostgreSQL schemas identical.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: String(255),
        datetime: DateTime(),
        date: Date(),
        bool: Boolean(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        list[str]: JSON(),
        list[int]: JSON(),
    }


_V7_LOCK = threading.Lock()
_v7_last = 0  # the last UUIDv7 made in this process, as a 128-bit integer


def uuid7() -> uuid.UUID:
    """A time-ordered UUID, version 7 of RFC 9562 (section 5.7): the Unix time in milliseconds
    in the first 48 bits, then the version (4 bits, 7), 12 random bits, the variant (2 bits,
    10) and 62 random bits, the randomness from ``os.urandom``.

    Ids made later sort later (as integers and as the lowercase text ``str()`` gives), so a
    store's new records go to the right-hand end of the primary-key B-tree instead of a random
    page.  Within this process they are strictly increasing even when two fall in the same
    millisecond or the clock steps back (RFC 9562 section 6.2, method 2 with a random
    increment): the 74 bits after the timestamp are then the previous id's plus a random
    1..2**32, carrying into the timestamp on overflow; the version and variant bits are kept.
    """
    global _v7_last
    rand = int.from_bytes(os.urandom(10), "big")
    with _V7_LOCK:
        ms = time.time_ns() // 1_000_000 & (1 << 48) - 1
        fresh = ms << 80 | _v7_fields(rand)
        if fresh <= _v7_last:  # same millisecond, or the clock went back
            last_ms, last_rest = _v7_last >> 80, _v7_unfields(_v7_last)
            rest = last_rest + 1 + (rand & 0xFFFF_FFFF)
            fresh = (last_ms + (rest >> 74)) << 80 | _v7_fields(rest & (1 << 74) - 1)
        _v7_last = fresh
    return uuid.UUID(int=fresh)


def _v7_fields(rest: int) -> int:
    """The low 80 bits of a UUIDv7 from 74 bits of counter/random: 12 bits, version 7, 62 bits
    with the variant 0b10 above them."""
    rest &= (1 << 74) - 1
    return (rest >> 62) << 64 | 0x7 << 76 | 0b10 << 62 | rest & (1 << 62) - 1


def _v7_unfields(value: int) -> int:
    """The 74 counter/random bits of a UUIDv7 (the inverse of ``_v7_fields``)."""
    return (value >> 64 & 0xFFF) << 62 | value & (1 << 62) - 1


def new_id() -> str:
    """The id of a record made in this store: a UUIDv7 (time-ordered, random in its low 74
    bits; see ``uuid7``), in the same 36-character text as the UUIDv4 ids of records made
    before issue 23, which keep theirs.  Records that must have the same id in every store use
    ``services.store.records.stable_id`` (UUIDv5) instead."""
    return str(uuid7())


ID = String(36)


class Synced:
    """Columns every record that travels between offices carries.

    ``hlc`` is a hybrid-logical-clock stamp (see ``integrity_desktop.clock``): comparing two
    stamps as strings orders changes across offices.  Records are never deleted physically;
    ``deleted`` is a tombstone so a re-import cannot bring them back.
    """

    # Registry name of the record type in sync bundles; set on each synced model.
    __sync_type__: str = ""

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    office_code: Mapped[str] = mapped_column(String(40), index=True)
    hlc: Mapped[str] = mapped_column(String(48), index=True)
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime())
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

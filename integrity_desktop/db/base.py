"""The declarative base every model shares, and the sync metadata of travelling records."""

from __future__ import annotations

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


def new_id() -> str:
    """A random UUID for a record made in this store."""
    return str(uuid.uuid4())


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

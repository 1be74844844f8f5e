"""The shapes the version scripts in ``versions/`` repeat: the columns every synced record has,
and a table's plain indexes.

Frozen history.  A released migration must build the same schema for ever: a store is checked
against a fresh store migrated to its revision, table by table and index by index
(``db/schema_check.py``).  So a function here is never changed once a released migration
calls it; a later shape (another synced column, another type, another index) gets a new
function, called by the revision that brings it.

This module stands outside ``versions/`` because Alembic loads every ``.py`` there as a revision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem


def synced_columns() -> list[sa.Column[Any]]:
    """The columns of a synced record since 0001 (the models' ``Synced`` mixin), which stand
    after the table's own."""
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('office_code', sa.String(length=40), nullable=False),
        sa.Column('hlc', sa.String(length=48), nullable=False),
        sa.Column('updated_by', sa.String(length=120), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
    ]


def create_synced_table(name: str, *own: SchemaItem, indexed: Sequence[str] = (),
                        composite: Mapping[str, Sequence[str]] | None = None) -> None:
    """Create the synced table ``name``: its ``own`` columns, the synced columns, its ``own``
    constraints and the primary key ``pk_<name>`` on ``id``; then its indexes
    (``create_indexes``): on ``hlc`` and ``office_code``, as every synced table, and on
    ``indexed`` and ``composite``."""
    columns = [item for item in own if isinstance(item, sa.Column)]
    constraints = [item for item in own if not isinstance(item, sa.Column)]
    op.create_table(name, *columns, *synced_columns(), *constraints,
                    sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')))
    create_indexes(name, 'hlc', 'office_code', *indexed, composite=composite)


def create_indexes(table: str, *columns: str, composite: Mapping[str, Sequence[str]] | None = None) -> None:
    """The index ``ix_<table>_<column>`` on each of ``columns``, and the indexes of ``composite``
    (name -> its columns); none unique.  They are created in the order Alembic's autogenerate
    wrote them in 0001-0009: by their first column; on a tie, the one-column index first, then
    the composite ones in the order given."""
    wanted: list[tuple[str, list[str]]] = [(op.f(f'ix_{table}_{column}'), [column]) for column in columns]
    wanted += [(index, list(on)) for index, on in (composite or {}).items()]
    with op.batch_alter_table(table, schema=None) as batch_op:
        for index, on in sorted(wanted, key=lambda name_columns: name_columns[1][0]):
            batch_op.create_index(index, on, unique=False)

"""held records: sync versions waiting for a parent or the clock (issue 12)

A new, empty table; no released data moves.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'


def upgrade() -> None:
    op.create_table('sync_held',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=48), nullable=False),
    sa.Column('source_office', sa.String(length=40), nullable=False),
    sa.Column('bundle_sha256', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=24), nullable=False),
    sa.Column('waits_for_type', sa.String(length=40), nullable=False),
    sa.Column('waits_for_id', sa.String(length=48), nullable=False),
    sa.Column('line', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_held')),
    sa.UniqueConstraint('record_type', 'record_id', 'hlc', 'source_office', name=op.f('uq_sync_held_record_type_record_id_hlc_source_office'))
    )
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_held_source_office'), ['source_office'], unique=False)
        batch_op.create_index('ix_sync_held_waits', ['waits_for_type', 'waits_for_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_held_waits')
        batch_op.drop_index(batch_op.f('ix_sync_held_source_office'))

    op.drop_table('sync_held')

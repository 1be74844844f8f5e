"""checklist review note

``checklists.review_note`` (issue 16, checklist review): HQ's note when it returns a checklist
for correction, carried to the office in its bundle.  Existing checklists get an empty note; no
``hlc`` changes.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'


def upgrade() -> None:
    with op.batch_alter_table('checklists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_note', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('checklists', schema=None) as batch_op:
        batch_op.drop_column('review_note')

"""case source finding

``cases.source_finding_id`` (issue 16 item 8): the finding of an inspection visit a case was
referred from, so the case and the finding link to each other.  Existing cases get NULL (they
were registered directly); no ``hlc`` changes.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a NULL column with its reference in place; a batch copy of ``cases`` would
        # have to drop the table that ``case_events`` points to, which foreign keys refuse.
        op.execute("ALTER TABLE cases ADD COLUMN source_finding_id VARCHAR(36) "
                   "CONSTRAINT fk_cases_source_finding_id_findings REFERENCES findings (id)")
    else:
        op.add_column('cases', sa.Column('source_finding_id', sa.String(length=36), nullable=True))
        op.create_foreign_key('fk_cases_source_finding_id_findings', 'cases', 'findings',
                              ['source_finding_id'], ['id'])
    # a finding's screen asks which case it became
    op.create_index('ix_cases_source_finding_id', 'cases', ['source_finding_id'])


def downgrade() -> None:
    op.drop_index('ix_cases_source_finding_id', table_name='cases')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cases_source_finding_id_findings'), type_='foreignkey')
        batch_op.drop_column('source_finding_id')

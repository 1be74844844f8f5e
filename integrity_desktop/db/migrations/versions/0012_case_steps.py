"""case steps

``case_steps`` (issue 17): the steps that count in each case's derived history, on the date
each counts, kept like a case's ``state`` so the statistics 6/2–6/11 count rows instead of
replaying every case of a period.  Derived data: filled here from the events of every case
(``lifecycle.derive_state``, the one rule), then rebuilt wherever a case's events change.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'

# The columns this revision reads, as they are at this revision (not the models of a later one).
_cases = sa.table("cases", sa.column("id", sa.String), sa.column("deleted", sa.Boolean))
_events = sa.table(
    "case_events", sa.column("id", sa.String), sa.column("case_id", sa.String),
    sa.column("stage", sa.String), sa.column("hlc", sa.String), sa.column("event_date", sa.Date),
    sa.column("follows_id", sa.String), sa.column("penalty_code", sa.String),
    sa.column("deleted", sa.Boolean),
)


def upgrade() -> None:
    steps = op.create_table(
        'case_steps',
        sa.Column('event_id', sa.String(length=36), nullable=False),
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('stage', sa.String(length=24), nullable=False),
        sa.Column('counted_on', sa.Date(), nullable=False),
        sa.Column('penalty_code', sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint('event_id', name=op.f('pk_case_steps')),
    )
    op.create_index('ix_case_steps_case_id', 'case_steps', ['case_id'])
    op.create_index('ix_case_steps_counted_on', 'case_steps', ['counted_on', 'stage'])
    _fill(op.get_bind(), steps)


def _fill(bind: sa.Connection, steps: sa.Table) -> None:
    from integrity_desktop.services.cases import lifecycle as lc
    from integrity_desktop.services.cases.steps import rows_of

    by_case: dict[str, list[lc.EventRecord]] = {}
    for row in bind.execute(
        sa.select(_events.c.case_id, _events.c.id, _events.c.stage, _events.c.hlc, _events.c.event_date,
                  _events.c.follows_id, _events.c.penalty_code)
        .join(_cases, _cases.c.id == _events.c.case_id)
        .where(_events.c.deleted == sa.false(), _cases.c.deleted == sa.false())
    ):
        by_case.setdefault(row[0], []).append(lc.EventRecord(
            id=row[1], stage=row[2], hlc=row[3], event_date=row[4], follows_id=row[5], penalty_code=row[6]))
    rows = [r for case_id, events in by_case.items() for r in rows_of(case_id, lc.derive_state(events))]
    for start in range(0, len(rows), 5000):
        bind.execute(steps.insert(), rows[start:start + 5000])


def downgrade() -> None:
    op.drop_index('ix_case_steps_counted_on', table_name='case_steps')
    op.drop_index('ix_case_steps_case_id', table_name='case_steps')
    op.drop_table('case_steps')

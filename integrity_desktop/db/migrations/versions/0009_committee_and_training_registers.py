"""committee and training registers

Four synced tables (issue 21): ``committee_members``, ``committee_meetings``,
``committee_resolutions``, ``training_courses``.  Data steps, deterministic and changing no
``hlc`` (as 0004):

1. Items of the three-year programme's templates (any version) take the definitions the
   catalogue now gives the indicators computed from these registers: 7/1 a count bounded 0-1
   («کمیته»), 7/2 and 7/3 percents, 10/7 a count of courses («دوره»).  (A store upgraded from
   0001 got them already in 0004, which reads the catalogue; this step is for stores at 0004.)
2. Every checklist's cached completion is recomputed: axis 7, axis 12, 2/2, 3/2 and 10/7 are
   computed now, so a unit's checklist no longer scores them.  Answers are not touched.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from integrity_desktop.db.migrations.columns import create_synced_table
from integrity_desktop.db.migrations.completion import recompute_completion

THREE_YEAR = "three-year-1398-1400"
# Step 1: kind, unit, bounds (and ``counts``: it takes a value) of the indicators that became computed (resources/catalog).
DEFINITIONS: dict[str, dict[str, object]] = {
    "7/1": {"counts": True, "kind": "count", "unit_fa": "کمیته", "min_value": 0.0, "max_value": 1.0},
    "7/2": {"counts": True, "kind": "percent", "unit_fa": "درصد", "min_value": 0.0, "max_value": 100.0},
    "7/3": {"counts": True, "kind": "percent", "unit_fa": "درصد", "min_value": 0.0, "max_value": 100.0},
    "10/7": {"counts": True, "kind": "count", "unit_fa": "دوره", "min_value": 0.0, "max_value": None},
}
# Indicators computed from records at this revision (services/computed.py): those of 0004,
# of 0008 (the people's rights registers) and this revision's.
COMPUTED = frozenset({
    "1/4", "1/6", "22/1", "22/2", "22/3", "22/4", *(f"6/{n}" for n in range(1, 12)),
    "9/5", "10/1", "10/2", "10/3", "10/6", "10/10", *(f"16/{n}" for n in range(2, 9)),
    "7/1", "7/2", "7/3", "12/1", "12/2", "12/3", "12/4", "12/5", "2/2", "3/2", "10/7",
})


def _data(conn: sa.Connection) -> None:
    items = sa.table("template_items", sa.column("id"), sa.column("counts"), sa.column("kind"), sa.column("unit_fa"),
                     sa.column("min_value"), sa.column("max_value"))
    for item_id, code in conn.execute(sa.text(
        "SELECT i.id, i.code FROM template_items i JOIN templates t ON t.id = i.template_id WHERE t.code = :c"
    ), {"c": THREE_YEAR}).all():
        if code in DEFINITIONS:
            conn.execute(sa.update(items).where(items.c.id == item_id).values(**DEFINITIONS[code]))
    recompute_completion(conn, COMPUTED)


revision = '0009'
down_revision = '0008'


def upgrade() -> None:
    create_synced_table(
        'committee_meetings',
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('planned_date', sa.Date(), nullable=True),
        sa.Column('held_date', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('attendee_ids', sa.JSON(), nullable=False),
        sa.Column('quorum_met', sa.Boolean(), nullable=True),
        sa.Column('minutes', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        indexed=['held_date', 'planned_date'],
    )

    create_synced_table(
        'committee_members',
        sa.Column('full_name', sa.String(length=200), nullable=False),
        sa.Column('post', sa.String(length=200), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('letter_no', sa.String(length=80), nullable=False),
        sa.Column('letter_date', sa.Date(), nullable=True),
        sa.Column('member_from', sa.Date(), nullable=False),
        sa.Column('member_to', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_committee_members_unit_id_units')),
    )

    create_synced_table(
        'committee_resolutions',
        sa.Column('meeting_id', sa.String(length=36), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('responsible_unit_id', sa.String(length=36), nullable=True),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=True),
        sa.Column('drop_reason', sa.Text(), nullable=False),
        sa.Column('follow_up', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['meeting_id'], ['committee_meetings.id'], name=op.f('fk_committee_resolutions_meeting_id_committee_meetings')),
        sa.ForeignKeyConstraint(['responsible_unit_id'], ['units.id'], name=op.f('fk_committee_resolutions_responsible_unit_id_units')),
        indexed=['meeting_id'],
    )

    create_synced_table(
        'training_courses',
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('topic', sa.String(length=8), nullable=False),
        sa.Column('start_date', sa.Date(), nullable=False),
        sa.Column('end_date', sa.Date(), nullable=False),
        sa.Column('hours', sa.Float(), nullable=False),
        sa.Column('trainer', sa.String(length=200), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('participant_count', sa.Integer(), nullable=False),
        sa.Column('participant_names', sa.JSON(), nullable=False),
        sa.Column('eval_method', sa.String(length=16), nullable=False),
        sa.Column('eval_score', sa.Float(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_training_courses_unit_id_units')),
        indexed=['start_date', 'topic'],
    )

    _data(op.get_bind())


def downgrade() -> None:
    # a table's indexes go with it
    for table in ('training_courses', 'committee_resolutions', 'committee_members', 'committee_meetings'):
        op.drop_table(table)

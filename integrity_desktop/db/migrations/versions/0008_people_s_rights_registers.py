"""people's rights registers

Three new synced tables (complaints, survey_rounds, oversight_letters) and two data steps, both
deterministic and neither changing an ``hlc`` (catalogue records keep their seed stamp):

1. The indicators now computed from the registers (9/5, 10/1, 10/2, 10/3, 10/6, 10/10,
   16/2-16/8) take the catalogue's definition in every three-year template (16/2-16/8 become
   percents: answered on time / received, so they take a value: ``counts`` becomes true; every
   definition gets its Persian measurement rule).
2. Every checklist's cached completion is recomputed: computed indicators are not scored in a
   unit's checklist (as 0004 step 5, with the new computed codes).  Answers are not touched.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from integrity_desktop.db.migrations.columns import create_synced_table
from integrity_desktop.db.migrations.completion import recompute_completion

THREE_YEAR = "three-year-1398-1400"
# The codes this revision makes computed, and every computed code at this revision.
NEW_COMPUTED = ("9/5", "10/1", "10/2", "10/3", "10/6", "10/10", *(f"16/{n}" for n in range(2, 9)))
COMPUTED = frozenset({"1/4", "1/6", "22/1", "22/2", "22/3", "22/4", *(f"6/{n}" for n in range(1, 12)),
                      *NEW_COMPUTED})


revision = '0008'
down_revision = '0004'


def upgrade() -> None:
    create_synced_table(
        'oversight_letters',
        sa.Column('body', sa.String(length=24), nullable=False),
        sa.Column('in_number', sa.String(length=60), nullable=False),
        sa.Column('in_date', sa.Date(), nullable=False),
        sa.Column('subject', sa.Text(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('out_number', sa.String(length=60), nullable=False),
        sa.Column('out_date', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        indexed=['body', 'in_date'],
        composite={'ix_oversight_letters_office_in': ['office_code', 'in_date']},
    )

    create_synced_table(
        'complaints',
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('category', sa.String(length=24), nullable=False),
        sa.Column('tracking_number', sa.String(length=40), nullable=False),
        sa.Column('person_name', sa.String(length=200), nullable=False),
        sa.Column('person_contact', sa.String(length=200), nullable=False),
        sa.Column('search_norm', sa.String(length=400), nullable=False),
        sa.Column('person_norm', sa.String(length=400), nullable=False),
        sa.Column('subject', sa.Text(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('answered_on', sa.Date(), nullable=True),
        sa.Column('outcome', sa.String(length=24), nullable=True),
        sa.Column('answer_note', sa.Text(), nullable=False),
        sa.Column('referred_to', sa.String(length=200), nullable=False),
        sa.Column('satisfaction', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_complaints_unit_id_units')),
        indexed=['answered_on', 'due_on', 'received_on', 'unit_id'],
        composite={
            'ix_complaints_deleted_received': ['deleted', 'received_on', 'id', 'search_norm', 'person_norm'],
            'ix_complaints_open_due': ['deleted', 'answered_on', 'due_on'],
            'ix_complaints_office_received': ['office_code', 'received_on'],
        },
    )

    create_synced_table(
        'survey_rounds',
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('period_code', sa.String(length=16), nullable=False),
        sa.Column('conducted_on', sa.Date(), nullable=False),
        sa.Column('method', sa.String(length=16), nullable=False),
        sa.Column('sample_size', sa.Integer(), nullable=False),
        sa.Column('mean_score', sa.Float(), nullable=False),
        sa.Column('distribution', sa.JSON(), nullable=False),
        sa.Column('questions', sa.JSON(), nullable=False),
        sa.Column('actions_taken', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_survey_rounds_unit_id_units')),
        indexed=['conducted_on', 'period_code', 'unit_id'],
    )

    _data(op.get_bind())


def _data(conn: sa.Connection) -> None:
    from integrity_desktop import catalog

    wanted = {}
    for ind in catalog.load_three_year().indicators:
        if ind.code in NEW_COMPUTED:
            d = ind.definition
            wanted[ind.code] = {
                "kind": d.kind, "unit_fa": d.unit_fa, "frequency": d.frequency, "direction": d.direction,
                "min_value": d.min_value, "max_value": d.max_value, "target": d.target,
                "measurement_fa": d.measurement_fa, "counts": d.kind != "status"}
    items = sa.table(
        "template_items", sa.column("id"), sa.column("template_id"), sa.column("code"),
        *(sa.column(c) for c in ("kind", "unit_fa", "frequency", "direction", "min_value", "max_value",
                                 "target", "measurement_fa", "counts")),
    )
    three = [tid for (tid,) in conn.execute(sa.text("SELECT id FROM templates WHERE code = :c"), {"c": THREE_YEAR})]
    for tid in three:
        for code, values in wanted.items():
            conn.execute(sa.update(items).where(items.c.template_id == tid, items.c.code == code).values(**values))
    # 2. completion with the new computed codes
    recompute_completion(conn, COMPUTED)


def downgrade() -> None:
    # a table's indexes go with it
    for table in ('survey_rounds', 'complaints', 'oversight_letters'):
        op.drop_table(table)

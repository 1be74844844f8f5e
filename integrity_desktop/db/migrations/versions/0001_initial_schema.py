"""initial schema"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from integrity_desktop.db.migrations.columns import create_indexes, create_synced_table


revision = '0001'
down_revision = None


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=120), nullable=False),
        sa.Column('office_code', sa.String(length=40), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('entity_id', sa.String(length=80), nullable=False),
        sa.Column('before', sa.Text(), nullable=False),
        sa.Column('after', sa.Text(), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log')),
        sa.UniqueConstraint('prev_hash', name=op.f('uq_audit_log_prev_hash')),
    )
    create_indexes('audit_log', 'action', 'actor', 'at')

    op.create_table(
        'conflicts',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('record_type', sa.String(length=40), nullable=False),
        sa.Column('record_id', sa.String(length=36), nullable=False),
        sa.Column('reason', sa.String(length=40), nullable=False),
        sa.Column('winner', sa.JSON(), nullable=False),
        sa.Column('loser', sa.JSON(), nullable=False),
        sa.Column('source_office', sa.String(length=40), nullable=False),
        sa.Column('detected_at', sa.DateTime(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('resolution', sa.String(length=24), nullable=False),
        sa.Column('resolved_by', sa.String(length=120), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_conflicts')),
    )
    create_indexes('conflicts', 'record_id')

    create_synced_table(
        'evidence',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('filename', sa.String(length=255), nullable=False),
        sa.Column('mime', sa.String(length=120), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('owner_type', sa.String(length=32), nullable=False),
        sa.Column('owner_id', sa.String(length=36), nullable=False),
        sa.Column('note', sa.String(length=255), nullable=False),
        indexed=['owner_id', 'sha256'],
    )

    op.create_table(
        'export_log',
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('hlc_high', sa.String(length=48), nullable=False),
        sa.Column('full', sa.Boolean(), nullable=False),
        sa.Column('recipient', sa.String(length=80), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('record_count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_export_log')),
    )

    op.create_table(
        'import_log',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('bundle_sha256', sa.String(length=64), nullable=False),
        sa.Column('source_office', sa.String(length=40), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=True),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.Column('imported_by', sa.String(length=120), nullable=False),
        sa.Column('outcome', sa.String(length=24), nullable=False),
        sa.Column('summary', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_log')),
    )
    create_indexes('import_log', 'bundle_sha256', 'source_office')

    create_synced_table(
        'inspection_plans',
        sa.Column('period_code', sa.String(length=16), nullable=False),
        sa.Column('title', sa.String(length=500), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        indexed=['period_code'],
    )

    op.create_table(
        'local_keys',
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('public', sa.Text(), nullable=False),
        sa.Column('secret', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('kind', name=op.f('pk_local_keys')),
    )

    create_synced_table(
        'lookups',
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('title_fa', sa.String(length=500), nullable=False),
        sa.Column('sort_order', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.UniqueConstraint('kind', 'code', name=op.f('uq_lookups_kind_code')),
    )

    create_synced_table(
        'offices',
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('name_fa', sa.String(length=255), nullable=False),
        sa.Column('name_en', sa.String(length=255), nullable=False),
        sa.Column('province_fa', sa.String(length=255), nullable=False),
        sa.Column('sort_order', sa.Integer(), nullable=False),
        sa.UniqueConstraint('code', name=op.f('uq_offices_code')),
    )

    op.create_table(
        'store_meta',
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_store_meta')),
    )

    op.create_table(
        'sync_record_base',
        sa.Column('record_id', sa.String(length=36), nullable=False),
        sa.Column('record_type', sa.String(length=40), nullable=False),
        sa.Column('applied_hlc', sa.String(length=48), nullable=False),
        sa.Column('carried_history', sa.Text(), nullable=False),
        sa.Column('floor_hlc', sa.String(length=48), nullable=False),
        sa.PrimaryKeyConstraint('record_id', name=op.f('pk_sync_record_base')),
    )

    create_synced_table(
        'templates',
        sa.Column('code', sa.String(length=80), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('title_fa', sa.String(length=500), nullable=False),
        sa.Column('title_en', sa.String(length=500), nullable=False),
        sa.Column('origin', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('based_on_id', sa.String(length=36), nullable=True),
        sa.UniqueConstraint('code', 'version', name=op.f('uq_templates_code_version')),
    )

    op.create_table(
        'trusted_keys',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('office_code', sa.String(length=40), nullable=False),
        sa.Column('public_key', sa.Text(), nullable=False),
        sa.Column('key_id', sa.String(length=32), nullable=False),
        sa.Column('fingerprint', sa.String(length=120), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_trusted_keys')),
    )
    create_indexes('trusted_keys', 'office_code')

    create_synced_table(
        'units',
        sa.Column('name_fa', sa.String(length=255), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
    )

    op.create_table(
        'users',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('username', sa.String(length=80), nullable=False),
        sa.Column('full_name', sa.String(length=255), nullable=False),
        sa.Column('role', sa.String(length=24), nullable=False),
        sa.Column('password_hash', sa.String(length=255), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('failed_count', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(), nullable=True),
        sa.Column('last_login', sa.DateTime(), nullable=True),
        sa.Column('must_change_password', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
        sa.UniqueConstraint('username', name=op.f('uq_users_username')),
    )

    create_synced_table(
        'cases',
        sa.Column('case_number', sa.String(length=40), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('employee_name', sa.String(length=255), nullable=False),
        sa.Column('employee_name_norm', sa.String(length=255), nullable=False),
        sa.Column('national_code', sa.String(length=10), nullable=False),
        sa.Column('employee_post', sa.String(length=255), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('reporter', sa.String(length=255), nullable=False),
        sa.Column('violation_codes', sa.JSON(), nullable=False),
        sa.Column('reported_on', sa.Date(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('state', sa.String(length=24), nullable=False),
        sa.Column('last_event_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_cases_unit_id_units')),
        sa.UniqueConstraint('office_code', 'case_number', name=op.f('uq_cases_office_code_case_number')),
        indexed=['employee_name_norm', 'reported_on', 'state', 'year'],
        composite={
            'ix_cases_deleted_name': ['deleted', 'year', 'seq', 'employee_name_norm'],
            'ix_cases_year_seq': ['year', 'seq'],
        },
    )

    create_synced_table(
        'checklists',
        sa.Column('template_id', sa.String(length=36), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('period_code', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('completion', sa.Float(), nullable=True),
        sa.Column('approved_by', sa.String(length=120), nullable=True),
        sa.Column('approved_hlc', sa.String(length=48), nullable=True),
        sa.Column('search_text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['template_id'], ['templates.id'], name=op.f('fk_checklists_template_id_templates')),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_checklists_unit_id_units')),
        indexed=['period_code', 'template_id', 'unit_id'],
    )

    create_synced_table(
        'inspectors',
        sa.Column('full_name', sa.String(length=255), nullable=False),
        sa.Column('national_code', sa.String(length=10), nullable=False),
        sa.Column('post', sa.String(length=255), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('letter_no', sa.String(length=80), nullable=False),
        sa.Column('appointed_on', sa.Date(), nullable=False),
        sa.Column('term_end', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_inspectors_unit_id_units')),
    )

    create_synced_table(
        'plan_items',
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=False),
        sa.Column('planned_date', sa.Date(), nullable=False),
        sa.Column('inspector_ids', sa.JSON(), nullable=False),
        sa.Column('template_id', sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(['plan_id'], ['inspection_plans.id'], name=op.f('fk_plan_items_plan_id_inspection_plans')),
        sa.ForeignKeyConstraint(['template_id'], ['templates.id'], name=op.f('fk_plan_items_template_id_templates')),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_plan_items_unit_id_units')),
        indexed=['plan_id'],
    )

    create_synced_table(
        'template_sections',
        sa.Column('template_id', sa.String(length=36), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('title_fa', sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(['template_id'], ['templates.id'], name=op.f('fk_template_sections_template_id_templates')),
        indexed=['template_id'],
    )

    create_synced_table(
        'case_events',
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('stage', sa.String(length=24), nullable=False),
        sa.Column('follows_id', sa.String(length=36), nullable=True),
        sa.Column('event_date', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('penalty_code', sa.String(length=40), nullable=True),
        sa.Column('board_code', sa.String(length=40), nullable=True),
        sa.Column('actor', sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases')),
        indexed=['case_id', 'event_date'],
    )

    create_synced_table(
        'template_items',
        sa.Column('template_id', sa.String(length=36), nullable=False),
        sa.Column('section_id', sa.String(length=36), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('sort_order', sa.Integer(), nullable=False),
        sa.Column('title_fa', sa.Text(), nullable=False),
        sa.Column('subtasks', sa.JSON(), nullable=False),
        sa.Column('legal_basis', sa.Text(), nullable=False),
        sa.Column('lead_unit', sa.String(length=500), nullable=False),
        sa.Column('partner_units', sa.JSON(), nullable=False),
        sa.Column('counts', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['section_id'], ['template_sections.id'], name=op.f('fk_template_items_section_id_template_sections')),
        sa.ForeignKeyConstraint(['template_id'], ['templates.id'], name=op.f('fk_template_items_template_id_templates')),
        indexed=['section_id', 'template_id'],
    )

    create_synced_table(
        'visits',
        sa.Column('plan_item_id', sa.String(length=36), nullable=True),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('visit_date', sa.Date(), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=False),
        sa.Column('inspector_ids', sa.JSON(), nullable=False),
        sa.Column('checklist_id', sa.String(length=36), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('recommendations', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['checklist_id'], ['checklists.id'], name=op.f('fk_visits_checklist_id_checklists')),
        sa.ForeignKeyConstraint(['plan_item_id'], ['plan_items.id'], name=op.f('fk_visits_plan_item_id_plan_items')),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_visits_unit_id_units')),
        indexed=['visit_date'],
    )

    create_synced_table(
        'checklist_entries',
        sa.Column('checklist_id', sa.String(length=36), nullable=False),
        sa.Column('item_id', sa.String(length=36), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('progress', sa.Integer(), nullable=True),
        sa.Column('value', sa.Float(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('subtasks_done', sa.JSON(), nullable=False),
        sa.Column('computed', sa.Boolean(), nullable=False),
        sa.Column('computed_source', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['checklist_id'], ['checklists.id'], name=op.f('fk_checklist_entries_checklist_id_checklists')),
        sa.ForeignKeyConstraint(['item_id'], ['template_items.id'], name=op.f('fk_checklist_entries_item_id_template_items')),
        indexed=['checklist_id'],
    )

    create_synced_table(
        'findings',
        sa.Column('visit_id', sa.String(length=36), nullable=False),
        sa.Column('severity', sa.String(length=16), nullable=False),
        sa.Column('indicator_code', sa.String(length=16), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_findings_visit_id_visits')),
        indexed=['visit_id'],
    )

    create_synced_table(
        'corrective_actions',
        sa.Column('finding_id', sa.String(length=36), nullable=False),
        sa.Column('responsible_unit_id', sa.String(length=36), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_corrective_actions_finding_id_findings')),
        sa.ForeignKeyConstraint(['responsible_unit_id'], ['units.id'], name=op.f('fk_corrective_actions_responsible_unit_id_units')),
        indexed=['finding_id'],
    )


def downgrade() -> None:
    # a table's indexes go with it
    for table in ('corrective_actions', 'findings', 'checklist_entries', 'visits', 'template_items',
                  'case_events', 'template_sections', 'plan_items', 'inspectors', 'checklists', 'cases', 'users',
                  'units', 'trusted_keys', 'templates', 'sync_record_base', 'store_meta', 'offices', 'lookups',
                  'local_keys', 'inspection_plans', 'import_log', 'export_log', 'evidence', 'conflicts',
                  'audit_log'):
        op.drop_table(table)

"""checklist entries office hlc

``checklist_entries`` gets one (office_code, hlc) index in place of its single-column
``office_code`` and ``hlc`` indexes (issue 23): the entries are most of what HQ merges, and a
province bundle's entries then go into that office's part of one index instead of all over the
``hlc`` index.  The export's ``office_code = ? AND hlc > ?`` and the clock's newest stamp
(``db.store.newest_stamp``, per office) read the new index.  No row, id or stamp changes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 01:00:00
"""
from __future__ import annotations

from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_checklist_entries_office_hlc', 'checklist_entries', ['office_code', 'hlc'])
    op.drop_index('ix_checklist_entries_hlc', table_name='checklist_entries')
    op.drop_index('ix_checklist_entries_office_code', table_name='checklist_entries')


def downgrade() -> None:
    op.create_index('ix_checklist_entries_office_code', 'checklist_entries', ['office_code'])
    op.create_index('ix_checklist_entries_hlc', 'checklist_entries', ['hlc'])
    op.drop_index('ix_checklist_entries_office_hlc', table_name='checklist_entries')

"""The app's own backups: once a calendar day, not at every start or exit."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta

from integrity_desktop.db.store import Store
from integrity_desktop.services.store import backup
from integrity_desktop.services.store.backup_schedule import backup_due, daily_backup

NOW = datetime(2024, 10, 6, 9, 30).astimezone()


def test_due_once_per_calendar_day() -> None:
    assert backup_due([], NOW)
    assert not backup_due([NOW.replace(hour=0, minute=1)], NOW)
    assert backup_due([NOW - timedelta(days=1)], NOW)
    # made late yesterday evening, less than 24 hours ago: today's is still due
    assert backup_due([NOW.replace(hour=0, minute=0) - timedelta(minutes=30)], NOW)
    # a backup dated tomorrow (the PC's clock was ahead) does not stop today's
    assert backup_due([NOW + timedelta(days=1)], NOW)
    assert not backup_due([NOW + timedelta(days=1), NOW], NOW)


def test_five_starts_in_a_day_make_one_backup(store: Store) -> None:
    made = [daily_backup(store) for _ in range(5)]
    assert made[0] is not None and made[1:] == [None] * 4
    assert backup.list_backups(store) == [made[0]]
    # a whole backup (issue 13's format): the manifest and the store copy inside
    assert backup.backup_manifest(made[0]) is not None
    with zipfile.ZipFile(made[0]) as zf:
        assert backup.STORE_MEMBER in zf.namelist()


def test_the_next_day_gets_its_own_backup(store: Store) -> None:
    first = daily_backup(store)
    second = daily_backup(store, now=datetime.now().astimezone() + timedelta(days=1))
    assert first is not None and second is not None and first != second
    assert len(backup.list_backups(store)) == 2

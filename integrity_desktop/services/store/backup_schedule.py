"""When the app backs a store up on its own: once a day, not at every start or exit.

A full copy of the store at every exit filled the disk of people who start the app often
(five starts in twenty minutes made 85 MB).  The day's backup is made after start-up (or, for a
session too short for that, at exit) when none was made yet on this calendar day; the store is
also copied before a schema migration (``db.store``).  What a backup holds and how old ones
are pruned is ``services.store.backup``'s business.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from integrity_desktop.db.store import Store


def backup_times(store: Store) -> list[datetime]:
    """When each automatic backup of this store was written (local time)."""
    from integrity_desktop.services.store.backup import list_backups

    return [datetime.fromtimestamp(p.stat().st_mtime).astimezone() for p in list_backups(store)]


def backup_due(made: list[datetime], now: datetime) -> bool:
    """A backup is due when none was made on today's local calendar date (a backup dated in
    the future, from a PC clock set back, does not stop today's)."""
    today = now.astimezone().date()
    return all(t.astimezone().date() != today for t in made)


def daily_backup(store: Store, now: datetime | None = None) -> Path | None:
    """Today's backup if it is due (the path written), else None.  PostgreSQL stores are backed
    up with PostgreSQL's own tools, not here."""
    if store.path is None:
        return None
    from integrity_desktop.services.store.backup import auto_backup

    if not backup_due(backup_times(store), now or datetime.now().astimezone()):
        return None
    return auto_backup(store)

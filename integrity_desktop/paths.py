"""Where the store lives: ``--db`` beats ``INTEGRITY_HOME`` beats the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "IntegrityDesktop"
STORE_FILENAME = "store.sqlite"


def data_home() -> Path:
    """The folder that holds the default store, its backups and its files."""
    env = os.environ.get("INTEGRITY_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # not at import: start-up with --db skips it

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_store_location() -> str:
    return str(data_home() / STORE_FILENAME)


def resolve_store_location(db: str | None) -> str:
    """A database URL or a file path, as given or the default one."""
    return db if db else default_store_location()


def is_url(location: str) -> bool:
    return "://" in location

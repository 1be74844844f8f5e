"""Engines for SQLite files and PostgreSQL URLs, configured the same way everywhere."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path, readonly: bool = False) -> str:
    if readonly:
        return f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    return f"sqlite:///{path.as_posix()}"


def driver_url(url: str) -> str:
    """The URL SQLAlchemy is given: a plain ``postgresql://`` (what people type, and the
    README's form) goes through psycopg 3; SQLAlchemy alone would pick psycopg2."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """An engine with WAL, foreign keys and a busy timeout on SQLite; with ``key``, the file
    is a SQLCipher store and every connection is keyed first (``db/cipher.py``)."""
    if url.startswith("sqlite"):
        from integrity_desktop.db import cipher

        # SQLCipher for every file, plain or encrypted: one driver (and no stock sqlite3 in the
        # frozen build).
        extra: dict[str, Any] = {"module": cipher.dbapi()}
        engine = create_engine(
            url,
            poolclass=NullPool,
            # (``cipher.Connection``: opened and closed one at a time, round an SQLite deadlock)
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False,
                          "factory": cipher.Connection},
            **extra,
        )
        if key is not None:
            event.listen(engine, "connect", _keyed(key))
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINTs; take it over.
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(driver_url(url), pool_pre_ping=True)
    except ModuleNotFoundError as exc:  # the `postgres` extra not installed
        from integrity_desktop.errors import StoreError

        raise StoreError(
            "برای باز کردن پایگاه دادهٔ PostgreSQL، راه‌انداز آن (psycopg) نصب نیست. "
            "برنامه را با بخش PostgreSQL نصب کنید: pip install \"integrity-desktop[postgres]\"",
            f"The PostgreSQL driver is not installed ({exc.name}): "
            'pip install "integrity-desktop[postgres]"',
            code="store_driver",
        ) from exc


CACHE_KIB = 64 * 1024  # the page cache of one connection, in KiB


def _keyed(key: bytes) -> Any:
    from integrity_desktop.db.cipher import key_pragma

    pragma = key_pragma(key)

    def set_key(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(pragma)  # before anything reads the file

    return set_key


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        with contextlib.suppress(Exception):  # a read-only store keeps its journal mode
            cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a power cut after a commit must not lose what the screen showed as saved.
    cur.execute("PRAGMA synchronous=FULL")
    # An encrypted page is decrypted each time it enters the page cache: the default 8 MB cache
    # made a merge's index updates and the completion recompute read the same pages again and
    # again (a join over 66k answers 0.38 s, 0.06 s with this).  Pages are cached as they are
    # read, so a short unit of work costs only what it touches; the connection's end frees it.
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.close()


# Execution option set by ``Store.session``: a unit of work that will write takes SQLite's write
# lock at BEGIN (waiting up to the busy timeout), instead of failing with "database is locked"
# when it upgrades a read snapshot that another process has written past meanwhile.
WRITE_OPTION = "integrity_write"


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")

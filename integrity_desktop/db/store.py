"""Opening a store: checks, migrations, sessions, store-local settings and the clock."""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from integrity_desktop.clock import HybridClock
from integrity_desktop.db import migrate
from integrity_desktop.db.engine import WRITE_OPTION, make_engine, sqlite_url
from integrity_desktop.db.models import SYNC_MODELS, StoreMeta
from integrity_desktop.errors import StoreError
from integrity_desktop.paths import data_home, is_url

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Store:
    """An open, migrated store.  Services get one of these and open short sessions on it."""

    location: str
    engine: Engine
    path: Path | None  # None for PostgreSQL
    files_dir: Path  # evidence blobs, exports and backups live under here
    readonly: bool = False
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _clock: HybridClock | None = field(default=None, init=False, repr=False)
    _office_code: str = field(default="", init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        Another program holding the store longer than the busy timeout, or a full disk, ends
        the unit with a ``StoreError`` that says what to do (nothing of it is written).
        """
        try:
            with self._sessions() as s, s.begin():
                if self.path is not None and not self.readonly:
                    s.connection(execution_options={WRITE_OPTION: True})
                yield s
        except OperationalError as exc:
            error = _environment_error(exc)
            if error is None:
                raise
            raise error from exc

    def read(self) -> Session:
        """A session for reading only (the caller closes it, or uses ``with``)."""
        return self._sessions()

    # Store-local settings -------------------------------------------------------------
    def get_meta(self, key: str, default: str = "") -> str:
        with self.read() as s:
            row = s.get(StoreMeta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        if session is None:
            with self.session() as s:
                s.merge(StoreMeta(key=key, value=value))
        else:
            session.merge(StoreMeta(key=key, value=value))

    @property
    def office_code(self) -> str:
        # Written once, when the store is made, and never changed: read until it is there.
        if not self._office_code:
            self._office_code = self.get_meta("office_code")
        return self._office_code

    @property
    def initialised(self) -> bool:
        return bool(self.office_code)

    @property
    def clock(self) -> HybridClock:
        if self._clock is None:
            raise RuntimeError("open_store() starts the clock")
        return self._clock

    def start_clock(self) -> None:
        """Resume the clock after the newest stamp in the store (before any session opens)."""
        node = self.get_meta("node_id")
        if not node and not self.readonly:
            node = secrets.token_hex(4)
            self.set_meta("node_id", node)
        with self.read() as s:
            stamps = [s.scalar(select(func.max(m.hlc))) for m in SYNC_MODELS]
        last = max((x for x in stamps if x), default="")
        self._clock = HybridClock(node or "readonly", last)

    def dispose(self) -> None:
        self.engine.dispose()


def _environment_error(exc: OperationalError) -> StoreError | None:
    """A Persian ``StoreError`` for a locked store or a full disk; anything else stays a bug."""
    text = str(exc.orig).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            "پایگاه داده مشغول است: برنامهٔ دیگری (شاید نسخهٔ دیگری از همین برنامه) آن را در دست "
            "دارد و کار ذخیره نشد. چند لحظه بعد دوباره بکوشید؛ اگر تکرار شد، نسخه‌های دیگر برنامه را ببندید.",
            f"The store is busy (locked by another program): {exc.orig}",
            code="store_busy",
        )
    if "disk is full" in text or "disk i/o" in text:
        return StoreError(
            "دیسکِ پروندهٔ داده پر است یا خطا دارد و کار ذخیره نشد. جا باز کنید و دوباره بکوشید.",
            f"The store's disk is full or failing: {exc.orig}",
            code="store_full",
        )
    return None


def files_dir_for(location: str) -> Path:
    if is_url(location):
        name = location.rsplit("/", 1)[-1].split("?")[0] or "postgres"
        return data_home() / f"pg-{name}-files"
    p = Path(location)
    return p.with_name(f"{p.stem}-files")


def _check_sqlite_path(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(
            f"مسیر «{path}» یک پوشه است، نه پروندهٔ داده. نام یک پرونده را بدهید.",
            f"{path} is a directory, not a store file.",
            code="store_is_dir",
        )
    if path.exists():
        if not os.access(path, os.R_OK):
            raise StoreError(
                f"پروندهٔ داده «{path}» خواندنی نیست. دسترسی پرونده را بررسی کنید.",
                f"{path} is not readable.",
                code="store_unreadable",
            )
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != SQLITE_MAGIC:
            raise StoreError(
                f"پروندهٔ «{path}» پروندهٔ دادهٔ این سامانه نیست یا خراب شده است. "
                "آخرین پشتیبان را بازگردانید.",
                f"{path} is not a SQLite store or is corrupt.",
                code="store_corrupt",
            )
    elif not create:
        raise StoreError(
            f"پروندهٔ داده «{path}» پیدا نشد. نخست با فرمان init یا demo آن را بسازید.",
            f"No store at {path}; create it with `init` or `demo` first.",
            code="store_missing",
        )
    folder = path.parent if path.parent != Path("") else Path(".")
    if create and not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"پوشهٔ «{folder}» ساخته نشد: {exc.strerror}.",
                f"Cannot create {folder}: {exc}",
                code="store_dir",
            ) from exc
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreError(
            f"پروندهٔ داده «{path}» فقط‌خواندنی است یا در پوشه‌ای فقط‌خواندنی قرار دارد. "
            "آن را به پوشه‌ای با اجازهٔ نوشتن ببرید.",
            f"{path} or its folder is read-only.",
            code="store_readonly",
        )


def _quick_check(path: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        raise StoreError(
            f"پروندهٔ داده «{path}» خراب است ({result}). آخرین پشتیبان را بازگردانید.",
            f"{path} failed the integrity check: {result}",
            code="store_corrupt",
        )


def open_store(location: str, *, create: bool = False, migrate_schema: bool = True) -> Store:
    """Open (or create) a store and bring its schema to the current version.

    An existing SQLite file is copied to a timestamped backup before it is migrated.
    Nothing is written to a file that fails the checks.
    """
    path: Path | None = None
    if is_url(location):
        url = location
    else:
        path = Path(location).expanduser()
        _check_sqlite_path(path, create)
        if path.exists() and path.stat().st_size > 0:
            _quick_check(path)
        url = sqlite_url(path)
    engine = make_engine(url)
    try:
        current = migrate.current_revision(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(
            "پایگاه داده باز نشد. اگر برنامهٔ دیگری آن را قفل کرده است، آن را ببندید و دوباره "
            f"بکوشید. ({exc.orig})",
            f"Cannot open the store: {exc.orig}",
            code="store_open",
        ) from exc
    head = migrate.head_revision()
    if current is not None and current not in migrate.known_revisions():
        engine.dispose()
        raise StoreError(
            "این پروندهٔ داده با نسخهٔ تازه‌تری از برنامه ساخته شده است. برنامه را به‌روز کنید.",
            f"The store's schema {current} is newer than this program knows.",
            code="store_newer",
        )
    if current != head and migrate_schema:
        if path is not None and current is not None:
            migrate.backup_before_migration(path)
        migrate.upgrade(engine)
    store = Store(location=location, engine=engine, path=path, files_dir=files_dir_for(location))
    store.start_clock()
    return store

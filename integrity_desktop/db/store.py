"""Opening a store: checks, migrations, sessions, store-local settings and the clock."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
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
    key: bytes | None = field(default=None, repr=False)  # the SQLCipher store key, if encrypted
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _clock: HybridClock | None = field(default=None, init=False, repr=False)
    last_stamp: str = field(default="", init=False, repr=False)
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
    def get_meta(self, key: str, default: str = "", session: Session | None = None) -> str:
        """A setting; read in ``session`` when the caller has one open (no second connection)."""
        if session is not None:
            row = session.get(StoreMeta, key)
            return row.value if row else default
        with self.read() as s:
            return self.get_meta(key, default, s)

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
        self.last_stamp = last
        self._clock = HybridClock(node or "readonly", last)

    def clock_behind(self, now: float | None = None) -> timedelta | None:
        """How far this PC's clock is behind the newest version stamp the store has seen
        (None when it is not, within a minute).  A clock set back makes every edit made here
        lose to older ones in a merge, so people are warned at start."""
        import time

        from integrity_desktop.clock import parse_stamp

        if not self.last_stamp or self.last_stamp.endswith("-seed"):
            return None
        try:
            last_ms = parse_stamp(self.last_stamp)[0]
        except ValueError:
            return None
        wall_ms = int((time.time() if now is None else now) * 1000)
        behind = last_ms - wall_ms
        return timedelta(milliseconds=behind) if behind > 60_000 else None

    def dispose(self) -> None:
        self.engine.dispose()


def _locked(path: Path) -> StoreError:
    return StoreError(
        f"پروندهٔ داده «{path.name}» رمزگذاری شده است و فقط با ورود یکی از کاربرانش باز می‌شود. "
        "با نام کاربری و گذرواژهٔ خود وارد شوید.",
        f"{path} is encrypted; it opens only when one of its users signs in.",
        code="store_locked",
    )


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
        from integrity_desktop.db.cipher import keyfile_path

        if head and head != SQLITE_MAGIC and not keyfile_path(path).exists():
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
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
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


# What SQLite says when the file itself is damaged; anything else while opening is the
# environment (a full disk, a read-only folder, a lock), never a reason to restore a backup.
_CORRUPTION = ("malformed", "not a database", "file is encrypted", "corrupt")
LOW_SPACE = 1 << 20  # under 1 MB free, SQLite cannot even make its shared-memory file


def environment_error(path: Path, detail: str, *, errno_code: int | None = None) -> StoreError | None:
    """A Persian ``StoreError`` naming the cause when opening failed because of the PC (a
    full disk, a read-only folder, a file locked by another program); None when the cause
    is not the environment (the file may be damaged).  Each says the data are safe and never
    leads to the backup offer (only ``store_corrupt`` does)."""
    import errno
    import shutil

    text = detail.lower()
    folder = path.parent if str(path.parent) else Path(".")
    if "locked" in text or "busy" in text:
        return StoreError(
            f"پروندهٔ داده «{path.name}» را برنامهٔ دیگری (شاید نسخهٔ دیگری از همین برنامه، یک "
            "ابزار پشتیبان‌گیری یا ضدویروس) قفل کرده است. آن برنامه را ببندید و دوباره بکوشید. "
            "داده‌های شما سالم است؛ پشتیبان را بازنگردانید.",
            f"{path} is locked by another program: {detail}",
            code="store_locked",
        )
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if errno_code == errno.ENOSPC or "disk is full" in text or (free is not None and free < LOW_SPACE):
        return StoreError(
            f"دیسکی که پروندهٔ داده «{path.name}» روی آن است پر است و برنامه نمی‌تواند آن را باز "
            "کند. چند پرونده را از آن دیسک پاک کنید یا به جای دیگری ببرید و دوباره برنامه را باز "
            "کنید. داده‌های شما سالم است؛ پشتیبان را بازنگردانید.",
            f"The disk holding {path} is full: {detail}",
            code="store_disk_full",
        )
    if (errno_code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text
            or "read-only" in text or not os.access(folder, os.W_OK)
            or (path.exists() and not os.access(path, os.W_OK))):
        return StoreError(
            f"پروندهٔ داده «{path}» فقط‌خواندنی است یا در پوشه‌ای فقط‌خواندنی قرار دارد. "
            "آن را به پوشه‌ای با اجازهٔ نوشتن ببرید (یا اجازهٔ نوشتن بدهید). داده‌های شما سالم "
            "است؛ پشتیبان را بازنگردانید.",
            f"{path} or its folder is read-only: {detail}",
            code="store_readonly",
        )
    if "disk i/o" in text or "unable to open" in text or errno_code is not None:
        return StoreError(
            f"پروندهٔ داده «{path.name}» خوانده نشد: دیسک یا حافظهٔ جانبی خطا می‌دهد ({detail}). "
            "اگر روی حافظهٔ جانبی یا شبکه است اتصال آن را بررسی کنید و دوباره بکوشید؛ اگر تکرار "
            "شد دیسک را بررسی کنید. این پیام به معنای خرابی داده نیست.",
            f"{path} could not be read (I/O error): {detail}",
            code="store_io",
        )
    return None


def _quick_check(path: Path, key: bytes | None = None) -> None:
    from integrity_desktop.db import cipher

    try:
        con = cipher.connect(path, key, readonly=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except cipher.DATABASE_ERRORS as exc:
        result = str(exc)
        if not any(word in result.lower() for word in _CORRUPTION):
            error = environment_error(path, result)
            if error is not None:
                raise error from exc
    if result != "ok":
        raise StoreError(
            f"پروندهٔ داده «{path}» خراب است ({result}). آخرین پشتیبان را بازگردانید.",
            f"{path} failed the integrity check: {result}",
            code="store_corrupt",
        )


def open_store(location: str, *, create: bool = False, migrate_schema: bool = True,
               key: bytes | None = None, encrypt: bool = False) -> Store:
    """Open (or create) a store and bring its schema to the current version.

    An existing SQLite file is copied to a timestamped backup before it is migrated.
    Nothing is written to a file that fails the checks.  An encrypted store opens with
    ``key`` or the key its sign-in unlocked in this process (``db/cipher.py``), else it is
    refused with ``store_locked``; ``encrypt`` makes a new store encrypted.
    """
    from integrity_desktop.db import cipher

    path: Path | None = None
    if is_url(location):
        url = location
    else:
        path = Path(location).expanduser()
        _check_sqlite_path(path, create)
        if path.exists() and path.stat().st_size > 0:
            if cipher.is_encrypted(path):
                key = key or cipher.known_key(path)
                if key is None:
                    raise _locked(path)
            else:
                key = None
            _quick_check(path, key)
        elif create:
            from integrity_desktop.fileperm import create_private_file

            if encrypt and not cipher.keyfile_path(path).exists():
                key = key or cipher.new_store_key()
                kf = cipher.KeyFile(secrets.token_hex(16), {})
                kf.save(path)
                cipher.remember(kf.store_id, key)
            elif cipher.keyfile_path(path).exists():
                key = key or cipher.known_key(path)
            create_private_file(path)  # 0600, and so its -wal and -shm
        url = sqlite_url(path)
    engine = make_engine(url, key)
    try:
        current = migrate.current_revision(engine)
    except OperationalError as exc:
        engine.dispose()
        if path is not None:
            error = environment_error(path, str(exc.orig))
            if error is not None:
                raise error from exc
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
    try:
        if current != head and migrate_schema:
            if path is not None and current is not None:
                migrate.backup_before_migration(path, key)
            migrate.upgrade(engine)
        store = Store(location=location, engine=engine, path=path,
                      files_dir=files_dir_for(location), key=key)
        store.start_clock()
    except (OSError, cipher.dbapi().Error, OperationalError, StoreError) as exc:
        engine.dispose()
        if path is None:
            raise
        if isinstance(exc, StoreError) and exc.code not in ("store_full", "store_busy"):
            raise
        detail = str(getattr(exc, "orig", None) or exc)
        error = environment_error(path, detail, errno_code=getattr(exc, "errno", None))
        if error is None:
            raise
        raise error from exc
    return store

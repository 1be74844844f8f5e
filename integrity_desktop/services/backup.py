"""Backups with SQLite's online backup API, and a restore that never loses the current store.

A backup is itself a store file.  Restore checks the candidate (SQLite header, integrity check,
a schema revision this program knows, an office) on a copy next to the target, and only then
moves the current store aside (kept as ``*.replaced-<time>.sqlite``) and renames the copy in.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from integrity_desktop.db import migrate
from integrity_desktop.db.store import SQLITE_MAGIC, Store
from integrity_desktop.errors import StoreError, UserError

DEFAULT_KEEP = 10
BACKUP_DIR = "backups"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _require_file_store(store: Store) -> Path:
    if store.path is None:
        raise UserError(
            "پشتیبان‌گیری از پایگاه دادهٔ PostgreSQL با ابزارهای خود PostgreSQL (pg_dump) انجام می‌شود.",
            "Back up a PostgreSQL store with pg_dump.",
            code="backup_postgres",
        )
    return store.path


def _why_fa(exc: Exception) -> str:
    """The cause of a failed write in words an office user can act on."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text:
        return "دیسک پر است"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "unable to open" in text or "readonly" in text:
        return "پوشه فقط‌خواندنی است یا اجازهٔ نوشتن در آن نیست"
    return "نوشتن ممکن نشد"


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):  # on a read-only disk even removing a missing file fails
        path.unlink(missing_ok=True)


def copy_sqlite(src: Path, dst: Path) -> None:
    """A consistent copy of a live store (WAL included) written under a temporary name."""
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.partial")
    try:
        with sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True) as source:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        source.close()
        os.replace(tmp, dst)
    except (OSError, sqlite3.OperationalError) as exc:  # sqlite reports a full disk its own way
        _remove_quietly(tmp)
        raise UserError(
            f"نوشتن پشتیبان در «{dst}» ممکن نشد ({_why_fa(exc)}). جای خالی دیسک و اجازهٔ نوشتن را "
            "بررسی کنید یا پوشهٔ دیگری برگزینید.",
            f"Cannot write the backup to {dst}: {exc}",
            code="backup_write",
        ) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise


@dataclass(frozen=True)
class StoreFacts:
    office_code: str
    revision: str


def check_store_file(path: Path) -> StoreFacts:
    """Refuse anything that is not a whole, known store; say why in Persian."""
    def bad(why_fa: str, why_en: str) -> StoreError:
        return StoreError(
            f"پروندهٔ «{path.name}» یک پشتیبان معتبر نیست: {why_fa}",
            f"{path} is not a valid store: {why_en}",
            code="not_a_store",
        )

    if not path.is_file():
        raise bad("پیدا نشد.", "missing")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise bad("پروندهٔ SQLite نیست.", "not SQLite")
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise bad("آسیب دیده است.", "integrity check failed")
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            office = con.execute(
                "SELECT value FROM store_meta WHERE key = 'office_code'"
            ).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise bad("خوانده نشد.", str(exc)) from exc
    if not revision or revision[0] not in migrate.known_revisions():
        raise bad("نسخهٔ ساختار آن شناخته نیست.", "unknown schema revision")
    if not office or not office[0]:
        raise bad("ادارهٔ آن معلوم نیست.", "no office")
    return StoreFacts(office[0], revision[0])


def backup_to(store: Store, out: Path) -> Path:
    path = _require_file_store(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    copy_sqlite(path, out)
    check_store_file(out)
    return out


def backups_folder(store: Store) -> Path:
    path = _require_file_store(store)
    return path.parent / BACKUP_DIR


def list_backups(store: Store) -> list[Path]:
    folder = backups_folder(store)
    return sorted(folder.glob(f"{_require_file_store(store).stem}-*.sqlite"))


def auto_backup(store: Store, keep: int = DEFAULT_KEEP, min_age: timedelta | None = None) -> Path | None:
    """A rolling backup next to the store; with ``min_age`` only if the newest is older."""
    existing = list_backups(store)
    if min_age is not None and existing:
        newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC)
        if datetime.now(UTC) - newest < min_age:
            return None
    target = backups_folder(store) / f"{_require_file_store(store).stem}-{_stamp()}.sqlite"
    backup_to(store, target)
    for old in list_backups(store)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def restore(target: Path, source: Path) -> Path | None:
    """Replace (or create) the store at ``target`` with ``source``; returns the kept old store."""
    check_store_file(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restoring")
    copy_sqlite(source, staged)
    try:
        check_store_file(staged)
    except StoreError:
        staged.unlink(missing_ok=True)
        raise
    kept: Path | None = None
    if target.exists():
        kept = target.with_name(f"{target.stem}.replaced-{_stamp()}{target.suffix}")
        os.replace(target, kept)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{target}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
    os.replace(staged, target)
    return kept

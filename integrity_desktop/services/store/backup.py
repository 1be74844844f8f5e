"""Backups that hold everything, and a restore that checks everything before it replaces.

A backup is one ZIP file: ``manifest.json`` (format, office, schema revision, the audit
chain's head, and the SHA-256 and size of every other member), ``store.sqlite`` (a consistent
copy made with SQLite's online backup API) and ``files/evidence/<sha[:2]>/<sha>``, the
evidence the store references, each checked against its SHA-256 before it goes in (a file
changed on disk is left out and reported).  With the key passphrase the audit chain's head is
also signed (``audit.seal_in``) before the copy is taken.

Restore never loses the current store.  It unpacks the candidate next to the target while
hashing every member against the manifest, checks the store (SQLite header, integrity check,
a schema revision this program knows, an office) and its whole schema against the one its
revision must have (``db.schema_check``: an extra trigger is refused), signs a person in
(an administrator of the store replaced, or of the backup when there is none), compares the
offices (another office's backup needs ``allow_other_office`` and is audited), and only then
moves the current store aside (kept as ``*.replaced-<time>.sqlite``), renames the candidate in,
adds the evidence files and writes a ``backup.restore`` audit entry into the restored store:
the restore survives in the history it brings back, and in the next bundle to HQ.

A single-file backup made by the program before this format (a bare SQLite store) is still
restored, with the same checks; it holds no evidence files, so those the current files folder
does not have are listed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from integrity_desktop import atomic
from integrity_desktop.db import cipher, migrate
from integrity_desktop.db.store import SQLITE_MAGIC, Store
from integrity_desktop.errors import StoreError, UserError
from integrity_desktop.filehash import file_sha256
from integrity_desktop.fileperm import DIR_MODE, FILE_MODE, private_file
from integrity_desktop.permissions import Actor, require

if TYPE_CHECKING:
    from integrity_desktop.services.store.evidence import DamagedFile

DEFAULT_KEEP = 10
BACKUP_DIR = "backups"
BACKUP_SUFFIX = ".backup"
FORMAT = "integrity-desktop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
STORE_MEMBER = "store.sqlite"
KEYS_MEMBER = "store.sqlite.keys"  # the users' wrapped copies of an encrypted store's key
_EVIDENCE_MEMBER = re.compile(r"^files/evidence/([0-9a-f]{2})/([0-9a-f]{64})$")
_MAX_MANIFEST = 64 << 20
# A full disk: the OS says so, and SQLite (either driver) its own way.
_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, *cipher.OPERATIONAL_ERRORS)
_WRITE_OR_ZIP_ERRORS: tuple[type[Exception], ...] = (*_WRITE_ERRORS, zipfile.LargeZipFile)
CHUNK = 1 << 20


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


def _write_error(dst: Path, exc: Exception) -> UserError:
    return UserError(
        f"نوشتن پشتیبان در «{dst}» ممکن نشد ({_why_fa(exc)}). جای خالی دیسک و اجازهٔ نوشتن را "
        "بررسی کنید یا پوشهٔ دیگری برگزینید.",
        f"Cannot write the backup to {dst}: {exc}",
        code="backup_write",
    )


def copy_sqlite(src: Path, dst: Path) -> None:
    """A consistent copy of a live store (WAL included) written under a temporary name; an
    encrypted store's copy is encrypted with the same key and gets its key file."""
    key = cipher.known_key(src) if cipher.is_encrypted(src) else None
    try:
        with atomic.replacing(dst, ".partial") as tmp:
            source = cipher.connect(src, readonly=True)
            try:
                target = cipher.connect(tmp, key)
                try:
                    source.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                finally:
                    target.close()
            finally:
                source.close()
            private_file(tmp)
            if key is not None:
                # the key file lands before the store it opens is renamed into place
                shutil.copyfile(cipher.keyfile_path(src), cipher.keyfile_path(dst))
                private_file(cipher.keyfile_path(dst))
    except _WRITE_ERRORS as exc:  # sqlite reports a full disk its own way
        raise _write_error(dst, exc) from exc


@dataclass(frozen=True)
class StoreFacts:
    office_code: str
    revision: str


def _bad(path: Path, why_fa: str, why_en: str) -> StoreError:
    return StoreError(
        f"پروندهٔ «{path.name}» یک پشتیبان معتبر نیست: {why_fa}",
        f"{path} is not a valid store: {why_en}",
        code="not_a_store",
    )


def check_store_file(path: Path) -> StoreFacts:
    """Refuse anything that is not a whole, known store; say why in Persian."""
    if not path.is_file():
        raise _bad(path, "پیدا نشد.", "missing")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC and not cipher.is_encrypted(path):
            raise _bad(path, "پروندهٔ SQLite نیست.", "not SQLite")
    try:
        con = cipher.connect(path, readonly=True)
        try:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise _bad(path, "آسیب دیده است.", "integrity check failed")
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            office = con.execute(
                "SELECT value FROM store_meta WHERE key = 'office_code'"
            ).fetchone()
        finally:
            con.close()
    except cipher.DATABASE_ERRORS as exc:
        raise _bad(path, "خوانده نشد.", str(exc)) from exc
    if not revision or revision[0] not in migrate.known_revisions():
        raise _bad(path, "نسخهٔ ساختار آن شناخته نیست.", "unknown schema revision")
    if not office or not office[0]:
        raise _bad(path, "ادارهٔ آن معلوم نیست.", "no office")
    return StoreFacts(office[0], revision[0])


def check_schema(path: Path, shown: Path | None = None) -> None:
    """Refuse a store whose tables, columns, indexes, triggers or views are not exactly those
    of its schema revision (an extra trigger can switch lock-out off for good)."""
    from integrity_desktop.db.schema_check import schema_differences

    diffs = schema_differences(path)
    if diffs:
        listed = "، ".join(d.fa for d in diffs[:5])
        raise StoreError(
            f"پروندهٔ «{(shown or path).name}» پذیرفته نشد: ساختار پایگاه دادهٔ آن با ساختار نسخهٔ "
            f"خودش یکی نیست ({listed}). این پشتیبان دست‌کاری شده است؛ آن را بازنگردانید.",
            f"{shown or path} was refused: its schema differs from its revision's "
            f"({'; '.join(d.en for d in diffs)})",
            code="restore_schema",
        )


# --------------------------------------------------------------------------- backup


@dataclass(frozen=True)
class BackupResult:
    path: Path
    files: int  # evidence files in the backup
    damaged: tuple[DamagedFile, ...]  # left out: missing or changed on disk
    sealed: bool  # the audit chain's head was signed first


def _head(con: Any) -> dict[str, Any]:
    row = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    length = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return {"seq": row[0] if row else 0, "hash": row[1] if row else "", "length": int(length)}




def write_backup(
    store: Store, out: Path, *, actor: Actor | None = None, passphrase: str | None = None,
    reason: str = "backup",
) -> BackupResult:
    """Write the backup file ``out`` (see the module's docstring); nothing appears under that
    name unless it is complete.  ``actor`` (an administrator) is required of people; the
    program's own daily backup passes none.  With ``passphrase`` the head is sealed first."""
    if actor is not None:
        require(actor, "backup.manage")
    return _write(store, out, actor, passphrase, reason)


def _write(store: Store, out: Path, actor: Actor | None, passphrase: str | None,
           reason: str) -> BackupResult:
    from integrity_desktop.services.audit import log as audit
    from integrity_desktop.services.store import evidence, keys

    path = _require_file_store(store)
    sealed = False
    if passphrase:
        signing_key = keys.signing_key(store, passphrase)  # a wrong passphrase: nothing written
        with store.session() as s:
            audit.seal_in(s, store, actor or _program(store), signing_key, reason)
        sealed = True
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(out, exc) from exc
    token = secrets.token_hex(4)
    tmp_db = out.with_name(f".{out.name}.{token}.store.partial")
    tmp_zip = out.with_name(f".{out.name}.{token}.partial")
    damaged: list[DamagedFile] = []
    files = 0
    try:
        copy_sqlite(path, tmp_db)
        con = cipher.connect(tmp_db, readonly=True)
        try:
            shas = sorted({row[0] for row in con.execute("SELECT DISTINCT sha256 FROM evidence")})
            head = _head(con)
            office = con.execute("SELECT value FROM store_meta WHERE key='office_code'").fetchone()
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
        damaged = evidence.damaged_files(store, shas)
        left_out = {d.sha256 for d in damaged}
        members: dict[str, dict[str, Any]] = {
            STORE_MEMBER: {"sha256": file_sha256(tmp_db), "size": tmp_db.stat().st_size}}
        fd = os.open(tmp_zip, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
            zf.write(tmp_db, STORE_MEMBER, compress_type=zipfile.ZIP_DEFLATED)
            tmp_keys = cipher.keyfile_path(tmp_db)
            if tmp_keys.exists():
                members[KEYS_MEMBER] = {"sha256": file_sha256(tmp_keys),
                                        "size": tmp_keys.stat().st_size}
                zf.write(tmp_keys, KEYS_MEMBER, compress_type=zipfile.ZIP_DEFLATED)
            for sha in shas:
                if sha in left_out:
                    continue
                blob = evidence.blob_path(store, sha)
                name = f"files/evidence/{sha[:2]}/{sha}"
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED  # PDFs and scans are compressed already
                digest = hashlib.sha256()
                size = 0
                with blob.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        dst.write(chunk)
                members[name] = {"sha256": digest.hexdigest(), "size": size}
                files += 1
            manifest = {
                "format": FORMAT, "format_version": FORMAT_VERSION,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "office_code": office[0] if office else "", "revision": revision[0] if revision else "",
                "audit_head": head, "sealed": sealed, "members": members,
                "left_out": [{"sha256": d.sha256, "record": f"{d.owner_type}:{d.owner_id}",
                              "missing": d.missing} for d in damaged],
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
            raw.flush()
            os.fsync(raw.fileno())
        private_file(tmp_zip)
        os.replace(tmp_zip, out)
    except UserError:
        raise
    except _WRITE_OR_ZIP_ERRORS as exc:
        raise _write_error(out, exc) from exc
    finally:
        atomic.remove_quietly(tmp_db)
        atomic.remove_quietly(cipher.keyfile_path(tmp_db))
        atomic.remove_quietly(tmp_zip)
    return BackupResult(out, files, tuple(damaged), sealed)


def _program(store: Store) -> Actor:
    """The program itself (its daily backup, a restore called without a person)."""
    return Actor("system", "admin", store.office_code, "سامانه")


def backup_to(store: Store, out: Path, *, actor: Actor | None = None,
              passphrase: str | None = None) -> Path:
    """``write_backup`` for callers that want only the path."""
    return write_backup(store, out, actor=actor, passphrase=passphrase).path


def backups_folder(store: Store) -> Path:
    path = _require_file_store(store)
    return path.parent / BACKUP_DIR


def backups_for(path: Path) -> list[Path]:
    """The rolling backups of the store at ``path``, oldest first (older single-file ones too)."""
    folder = path.parent / BACKUP_DIR
    found = [*folder.glob(f"{path.stem}-*{BACKUP_SUFFIX}"), *folder.glob(f"{path.stem}-*.sqlite")]
    return sorted(found, key=lambda p: p.name)


def list_backups(store: Store) -> list[Path]:
    return backups_for(_require_file_store(store))


def auto_backup(store: Store, keep: int = DEFAULT_KEEP, min_age: timedelta | None = None) -> Path | None:
    """A rolling backup next to the store; with ``min_age`` only if the newest is older.

    It runs without a person or a passphrase, so it cannot sign the audit chain's head; the
    head it records (unsigned) is a witness for comparison, not a proof (THREAT-MODEL.md)."""
    existing = list_backups(store)
    if min_age is not None and existing:
        newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC)
        if datetime.now(UTC) - newest < min_age:
            return None
    folder = backups_folder(store)
    with contextlib.suppress(OSError):
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    target = folder / f"{_require_file_store(store).stem}-{_stamp()}{BACKUP_SUFFIX}"
    _write(store, target, None, None, "daily")
    for old in list_backups(store)[:-keep]:
        old.unlink(missing_ok=True)
    return target


# --------------------------------------------------------------------------- restore


@dataclass
class RestoreResult:
    kept: Path | None  # the store that was replaced, kept beside it
    office_code: str
    files: int = 0  # evidence files added
    notes: list[str] = field(default_factory=list)


class _Staged:
    """A candidate unpacked and checked next to the target (removed unless taken)."""

    def __init__(self, target: Path) -> None:
        self.dir = target.with_name(f".{target.name}.restoring-{secrets.token_hex(4)}")
        self.dir.mkdir(mode=DIR_MODE)
        self.db = self.dir / "store.sqlite"
        self.files: list[tuple[str, Path]] = []  # (sha256, staged path)
        self.manifest: dict[str, Any] = {}
        self.legacy = False
        self.sha256 = ""

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)  # quietly: see atomic.remove_quietly


def _refuse(source: Path, fa: str, en: str) -> StoreError:
    return StoreError(f"پروندهٔ «{source.name}» یک پشتیبان معتبر نیست: {fa}",
                      f"{source} is not a valid backup: {en}", code="not_a_store")


def _copy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dst: Path, expected: dict[str, Any],
                 source: Path) -> None:
    """Unpack one member, never more bytes than the manifest says, checking its SHA-256."""
    size = int(expected.get("size", -1))
    if info.file_size != size:
        raise _refuse(source, f"اندازهٔ «{info.filename}» با فهرست آن نمی‌خواند.",
                      f"{info.filename}: size differs from the manifest")
    digest = hashlib.sha256()
    done = 0
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as out, zf.open(info) as src:
        while chunk := src.read(CHUNK):
            done += len(chunk)
            if done > size:
                raise _refuse(source, f"«{info.filename}» بزرگ‌تر از اندازهٔ فهرست‌شده است.",
                              f"{info.filename} is larger than listed")
            digest.update(chunk)
            out.write(chunk)
    if done != size or digest.hexdigest() != expected.get("sha256"):
        raise _refuse(source, f"«{info.filename}» پس از پشتیبان‌گیری تغییر کرده یا آسیب دیده است.",
                      f"{info.filename} does not match its SHA-256")


_ZIP_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
               NotImplementedError, OverflowError, UnicodeDecodeError)


def _unpack(source: Path, staged: _Staged) -> None:
    import zlib

    try:
        with zipfile.ZipFile(source) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            if MANIFEST not in infos or infos[MANIFEST].file_size > _MAX_MANIFEST:
                raise _refuse(source, "فهرست محتوای آن نیست.", "no manifest")
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise _refuse(source, "قالب آن شناخته نیست.", "unknown format")
            if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
                raise _refuse(source, "با نسخهٔ تازه‌تری از برنامه ساخته شده است؛ برنامه را به‌روز کنید.",
                              "made by a newer program")
            members = manifest.get("members")
            if not isinstance(members, dict) or STORE_MEMBER not in members:
                raise _refuse(source, "پروندهٔ داده در آن نیست.", "no store member")
            unknown = set(infos) - set(members) - {MANIFEST}
            missing = set(members) - set(infos)
            if unknown or missing:
                raise _refuse(source, "اجزای آن با فهرستش نمی‌خواند.",
                              f"members differ from the manifest (extra {sorted(unknown)[:3]}, "
                              f"missing {sorted(missing)[:3]})")
            declared = sum(int(m.get("size", 0)) for m in members.values())
            if declared > shutil.disk_usage(staged.dir).free:
                raise UserError(
                    "برای بازگرداندن این پشتیبان جای کافی روی دیسک نیست. جا باز کنید و دوباره بکوشید.",
                    f"Not enough free space to restore {source}.", code="restore_space")
            _copy_member(zf, infos[STORE_MEMBER], staged.db, members[STORE_MEMBER], source)
            if KEYS_MEMBER in members:
                _copy_member(zf, infos[KEYS_MEMBER], cipher.keyfile_path(staged.db),
                             members[KEYS_MEMBER], source)
            evidence_dir = staged.dir / "evidence"
            for name, expected in sorted(members.items()):
                if name in (STORE_MEMBER, KEYS_MEMBER):
                    continue
                match = _EVIDENCE_MEMBER.match(name)
                # A plain file is named by its bytes' SHA-256; an encrypted store's file by its
                # plain content's, while the manifest lists the stored (age) bytes' hash.
                encrypted = KEYS_MEMBER in members
                if match is None or (expected.get("sha256") != match.group(2) and not encrypted):
                    raise _refuse(source, f"نام «{name}» در آن پذیرفته نیست.", f"bad member {name!r}")
                evidence_dir.mkdir(mode=DIR_MODE, exist_ok=True)
                dst = evidence_dir / match.group(2)
                _copy_member(zf, infos[name], dst, expected, source)
                staged.files.append((match.group(2), dst))
            staged.manifest = manifest
    except (*_ZIP_DAMAGE, zlib.error) as exc:
        raise _refuse(source, "خراب است یا کامل نیست.", str(exc)) from exc


def _stage(target: Path, source: Path, unlock: Callable[[Path], None] | None = None) -> _Staged:
    if not source.is_file():
        raise _refuse(source, "پیدا نشد.", "missing")
    with source.open("rb") as fh:
        magic = fh.read(16)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    staged = _Staged(target)
    try:
        staged.sha256 = file_sha256(source)
        if magic == SQLITE_MAGIC or cipher.is_encrypted(source):
            if unlock is not None:
                unlock(source)
            check_store_file(source)  # a whole, known store before anything is copied
            staged.legacy = True
            copy_sqlite(source, staged.db)
        elif magic.startswith(b"PK\x03\x04"):
            _unpack(source, staged)
        else:
            raise _refuse(source, "نه پشتیبان این برنامه است و نه پروندهٔ داده.", "unknown file")
        if unlock is not None:
            unlock(staged.db)  # an encrypted backup of another store: its user's password
        check_store_file(staged.db)
        check_schema(staged.db, shown=source)
    except BaseException:
        staged.discard()
        raise
    return staged


def _read_head(path: Path) -> tuple[str, dict[str, Any]] | None:
    """The office and audit head of an existing store, read directly (it may be damaged)."""
    try:
        con = cipher.connect(path, readonly=True)
        try:
            office = con.execute("SELECT value FROM store_meta WHERE key='office_code'").fetchone()
            return (office[0] if office else "", _head(con))
        finally:
            con.close()
    except cipher.DATABASE_ERRORS:
        return None


def restore_backup(
    target: Path, source: Path, *, actor_of: Callable[[Store], Actor] | None = None,
    allow_other_office: bool = False, unlock: Callable[[Path], None] | None = None,
) -> RestoreResult:
    """Replace (or create) the store at ``target`` with the backup ``source``.

    ``actor_of(store)`` signs a person in on the store that is replaced (or, when there is
    none or it cannot be opened, on the candidate); they must be allowed ``backup.manage``.
    Without it (the program itself, tests) the restore is audited as the program's.
    """
    # A person signs in on the store to be replaced before its replacement is even read;
    # only when there is none (or it cannot be opened) on the checked candidate.
    actor = _sign_in_current(target, actor_of)
    staged = _stage(target, source, unlock)
    try:
        facts = check_store_file(staged.db)
        if actor is None:
            actor = _sign_in_candidate(staged, actor_of)
        current = _read_head(target) if target.exists() else None
        other = current is not None and bool(current[0]) and current[0] != facts.office_code
        if other and not allow_other_office:
            assert current is not None
            raise StoreError(
                f"این پشتیبان از ادارهٔ دیگری است («{facts.office_code}»، نه «{current[0]}»). "
                "اگر به‌راستی می‌خواهید دادهٔ این رایانه را با آن جایگزین کنید، گزینهٔ "
                "--allow-other-office را بدهید؛ این کار در رویدادنگار ثبت می‌شود.",
                f"The backup is of another office ({facts.office_code}, not {current[0]}); "
                "give --allow-other-office to restore it anyway (it is audited).",
                code="restore_other_office",
            )
        result = RestoreResult(None, facts.office_code)
        result.kept = _swap(target, staged)
        result.files = _add_evidence(target, staged)
    except BaseException:
        staged.discard()
        raise
    staged.discard()
    result.notes.extend(_missing_evidence(target, staged))
    _audit_restore(target, source, staged, actor, current, result, allow_other_office)
    return result


def restore(target: Path, source: Path, *, actor_of: Callable[[Store], Actor] | None = None,
            allow_other_office: bool = False,
            unlock: Callable[[Path], None] | None = None) -> Path | None:
    """``restore_backup`` for callers that want only the kept store's path."""
    return restore_backup(target, source, actor_of=actor_of,
                          allow_other_office=allow_other_office, unlock=unlock).kept


def _sign_in(store: Store, actor_of: Callable[[Store], Actor]) -> Actor:
    """The person ``actor_of`` signs in on ``store``, who must manage backups; ``store`` is closed after."""
    try:
        actor = actor_of(store)
        require(actor, "backup.manage")
    finally:
        store.dispose()
    return actor


def _sign_in_current(target: Path, actor_of: Callable[[Store], Actor] | None) -> Actor | None:
    """The administrator of the store that is replaced, if it exists and opens."""
    from integrity_desktop.services.store.opening import open_initialised

    if actor_of is None or not target.exists():
        return None
    try:
        store = open_initialised(str(target))
    except StoreError:
        return None  # damaged (the usual reason to restore): sign in on the candidate
    return _sign_in(store, actor_of)


def _sign_in_candidate(staged: _Staged, actor_of: Callable[[Store], Actor] | None) -> Actor:
    from integrity_desktop.services.store.opening import open_initialised

    if actor_of is None:  # the program itself (or a test): audited as the program
        return Actor("system", "admin", check_store_file(staged.db).office_code, "سامانه")
    return _sign_in(open_initialised(str(staged.db)), actor_of)


def _swap(target: Path, staged: _Staged) -> Path | None:
    kept: Path | None = None
    if target.exists():
        kept = target.with_name(f"{target.stem}.replaced-{_stamp()}{target.suffix}")
        os.replace(target, kept)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{target}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
        if cipher.keyfile_path(target).exists():
            os.replace(cipher.keyfile_path(target), cipher.keyfile_path(kept))
    private_file(staged.db)
    if cipher.keyfile_path(staged.db).exists():
        os.replace(cipher.keyfile_path(staged.db), cipher.keyfile_path(target))
    os.replace(staged.db, target)
    return kept


def _add_evidence(target: Path, staged: _Staged) -> int:
    """Files are named by content: add the backup's, replacing one changed on disk since."""
    from integrity_desktop.db.store import files_dir_for

    added = 0
    root = files_dir_for(str(target)) / "evidence"
    for sha, path in staged.files:
        dst = root / sha[:2] / sha
        if dst.is_file() and file_sha256(dst) == sha:
            continue
        dst.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.replace(path, dst)
        added += 1
    return added


def _missing_evidence(target: Path, staged: _Staged) -> Iterator[str]:
    from integrity_desktop.db.store import files_dir_for

    root = files_dir_for(str(target)) / "evidence"
    con = cipher.connect(target, readonly=True)
    try:
        shas = [row[0] for row in con.execute(
            "SELECT DISTINCT sha256 FROM evidence WHERE deleted = 0")]
    finally:
        con.close()
    missing = [sha for sha in shas if not (root / sha[:2] / sha).is_file()]
    if missing:
        yield (f"{len(missing)} evidence files referenced by the restored store are not on this "
               "machine" + (" (a single-file backup holds none)" if staged.legacy else ""))


def _audit_restore(target: Path, source: Path, staged: _Staged, actor: Actor,
                   current: tuple[str, dict[str, Any]] | None, result: RestoreResult,
                   other_office: bool) -> None:
    """The restore, written into the restored store: it survives the history it replaces."""
    from integrity_desktop.services.audit import log as audit
    from integrity_desktop.services.store.opening import open_initialised

    store = open_initialised(str(target))
    try:
        with store.session() as s:
            audit.append(s, store, actor, "backup.restore", "store", store.office_code, None, {
                "backup": source.name, "backup_sha256": staged.sha256,
                "backup_created_at": staged.manifest.get("created_at", ""),
                "backup_head": staged.manifest.get("audit_head") or {},
                "legacy_format": staged.legacy,
                "replaced": ({"office_code": current[0], **current[1],
                              "kept": result.kept.name if result.kept else ""}
                             if current is not None else None),
                "other_office": other_office and current is not None
                and current[0] != result.office_code,
                "evidence_files_added": result.files,
            })
    finally:
        store.dispose()


def backup_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest of a backup file (None for a single-file backup or an unreadable file)."""
    try:
        with zipfile.ZipFile(path) as zf:
            if zf.getinfo(MANIFEST).file_size > _MAX_MANIFEST:
                return None
            value = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (*_ZIP_DAMAGE, OSError):
        return None
    return value if isinstance(value, dict) else None

"""Converting an unencrypted store (made before issue 18) at its first start after the upgrade.

Nothing is lost and nothing is replaced before it is checked:
1. a plain safety copy of the store is made beside it (SQLite's backup API, WAL included);
2. ``sqlcipher_export`` writes an encrypted copy under a new random store key;
3. the copy is opened with the key and its synced content's digest (``sync.digest``) must
   equal the original's, and every user's row must be there;
4. every user gets a wrapped copy of the key: under their current password hash (the store
   does not know their passwords), marked ``converted`` so their first sign-in gives them a
   fresh salt (the old file showed those hashes);
5. only then the encrypted copy replaces the store (the key file is written first), the
   evidence files are encrypted one by one (each checked against its name before the plain
   file goes), the conversion is audited, and the plain safety copy is removed.

A failure before step 5 leaves the original store as it was (the partial files are removed);
a failure during the evidence step leaves plain files that the next start encrypts (plain
files still read).
"""

from __future__ import annotations

import logging
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from integrity_desktop import atomic
from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import StoreError

_log = logging.getLogger(__name__)


def needs_conversion(store: Store) -> bool:
    return store.path is not None and store.key is None and not store.readonly


def convert(store: Store) -> Store:
    """Encrypt ``store`` (open, unencrypted, migrated) in place; returns the store reopened
    encrypted (``store`` itself is disposed)."""
    from integrity_desktop.sync.digest import store_digest

    assert store.path is not None
    path = store.path
    location = store.location
    digest = store_digest(store)
    with store.read() as s:
        from sqlalchemy import select

        from integrity_desktop.db.models import User

        accounts = [(u.username, u.password_hash) for u in s.scalars(select(User))]
    store.dispose()

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    safety = path.with_name(f"{path.stem}.before-encryption-{stamp}{path.suffix}")
    tmp = path.with_name(f".{path.name}.encrypting-{secrets.token_hex(4)}")
    key = cipher.new_store_key()
    kf = cipher.KeyFile(secrets.token_hex(16), {})
    try:
        _copy_plain(path, safety)
        cipher.encrypt_copy(safety, tmp, key)
        for username, password_hash in accounts:
            try:
                cipher.wrap(kf, username, password_hash, key)
            except ValueError:  # not argon2id: that account needs the administrator's reset
                _log.warning("no key copy for %s: its password hash is not argon2id", username)
                continue
            kf.entries[username]["converted"] = True
        kf.save(tmp)  # beside the encrypted copy first, so it can be opened and checked
        check = open_store(str(tmp), key=key, migrate_schema=False)
        try:
            if store_digest(check) != digest:
                raise StoreError(
                    "رمزگذاری پروندهٔ داده انجام نشد: نسخهٔ رمزشده با اصل یکی نبود. پرونده دست "
                    "نخورده است؛ این را به پشتیبانی گزارش دهید.",
                    "The encrypted copy's digest differs from the store's; the store is unchanged.",
                    code="encrypt_mismatch",
                )
        finally:
            check.dispose()
        # The switch: key file, then the store (a crash between leaves a key file beside a
        # plain store, which still opens as plain and is converted again).
        os.replace(cipher.keyfile_path(tmp), cipher.keyfile_path(path))
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, cipher.keyfile_path(tmp), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            atomic.remove_quietly(leftover)
        raise
    cipher.remember(kf.store_id, key)
    encrypted = open_store(location, key=key)
    encrypt_evidence(encrypted)
    _audit(encrypted, len(kf.entries), len(accounts))
    for leftover in (safety, Path(f"{safety}-wal"), Path(f"{safety}-shm")):
        atomic.remove_quietly(leftover)
    return encrypted


def _copy_plain(src: Path, dst: Path) -> None:
    from integrity_desktop.db import cipher
    from integrity_desktop.fileperm import create_private_file

    create_private_file(dst)
    with cipher.connect(src) as a, cipher.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def encrypt_evidence(store: Store) -> int:
    """Encrypt the plain evidence files of an encrypted store; returns how many."""
    from integrity_desktop.services.store import blobcrypt

    root = store.files_dir / "evidence"
    if store.key is None or not root.is_dir():
        return 0
    done = 0
    for blob in sorted(p for p in root.glob("*/*") if p.is_file() and len(p.name) == 64):
        if blobcrypt.is_encrypted_blob(blob):
            continue
        tmp = blob.with_name(f".{blob.name}.encrypting")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as out, blob.open("rb") as src:
                reader = blobcrypt.encrypt_stream(store, src, out)
                out.flush()
                os.fsync(out.fileno())
            if reader is None or reader.sha.hexdigest() != blob.name:
                tmp.unlink()  # a file changed on disk keeps its state (reported as changed)
                continue
            os.replace(tmp, blob)
            done += 1
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return done


def _audit(store: Store, wrapped: int, accounts: int) -> None:
    from integrity_desktop.permissions import system_actor
    from integrity_desktop.services.audit import log as audit

    with store.session() as s:
        audit.append(s, store, system_actor(store.office_code), "store.encrypted",
                     after={"key_copies": wrapped, "accounts": accounts})

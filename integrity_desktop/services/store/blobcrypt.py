"""Evidence files of an encrypted store, encrypted with age (``pyrage``) on disk.

An encrypted store has one age X25519 identity for its files, kept in ``store_meta``, that
is inside the SQLCipher file, so only the store key reaches it (backups carry it the same
way).  A file is written as an age stream while it is read and hashed (no plain copy on
disk); it is read back the same way.  The name of a stored file stays the SHA-256 of its
plain content, as in a bundle, so sync, backup and the integrity checks keep their meaning.
A store without a key (PostgreSQL, or an unencrypted SQLite file not yet converted) keeps
plain files, and plain files already there still read.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyrage

from integrity_desktop.db.store import Store

AGE_MAGIC = b"age-encryption.org/v1\n"
META_KEY = "evidence_age_identity"
_SPOOL = 8 << 20

_identities: dict[tuple[str, bytes], Any] = {}


def identity(store: Store, *, create: bool = False) -> Any | None:
    """The store's files identity (None for a store without a key)."""
    if store.key is None:
        return None
    cache_key = (store.location, store.key)
    found = _identities.get(cache_key)
    if found is not None:
        return found
    text = store.get_meta(META_KEY)
    if not text:
        if not create:
            return None
        text = str(pyrage.x25519.Identity.generate())
        store.set_meta(META_KEY, text)
    found = pyrage.x25519.Identity.from_str(text)
    _identities[cache_key] = found
    return found


class HashingReader:
    """Reads ``src`` for the encrypter, hashing and counting; stops past ``limit``."""

    def __init__(self, src: IO[bytes], limit: int | None = None) -> None:
        self.src, self.limit = src, limit
        self.sha = hashlib.sha256()
        self.size = 0
        self.too_large = False

    def read(self, n: int = -1) -> bytes:
        chunk = self.src.read(n)
        self.size += len(chunk)
        if self.limit is not None and self.size > self.limit:
            self.too_large = True
            raise OSError("the file grew past the limit while it was copied")
        self.sha.update(chunk)
        return chunk

    def readinto(self, buffer: Any) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _HashingSink:
    def __init__(self, target: IO[bytes] | None = None) -> None:
        self.sha = hashlib.sha256()
        self.size = 0
        self.target = target

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        if self.target is not None:
            self.target.write(data)
        return len(data)

    def flush(self) -> None:
        pass


def is_encrypted_blob(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(AGE_MAGIC)) == AGE_MAGIC


def encrypt_stream(store: Store, src: IO[bytes], out: IO[bytes], limit: int | None = None
                   ) -> HashingReader | None:
    """Write ``src`` to ``out`` as an age stream for the store's identity; None when the store
    keeps plain files (nothing written)."""
    ident = identity(store, create=True)
    if ident is None:
        return None
    reader = HashingReader(src, limit)
    pyrage.encrypt_io(reader, out, [ident.to_public()])
    return reader


def plain_digest(store: Store, path: Path) -> tuple[str, int]:
    """SHA-256 and size of a stored file's plain content ("" when it cannot be decrypted: a
    changed file)."""
    sink = _HashingSink()
    with path.open("rb") as fh:
        if fh.read(len(AGE_MAGIC)) != AGE_MAGIC:
            fh.seek(0)
            while chunk := fh.read(1 << 20):
                sink.write(chunk)
            return sink.sha.hexdigest(), sink.size
        ident = identity(store)
        if ident is None:
            return "", 0
        fh.seek(0)
        try:
            pyrage.decrypt_io(fh, sink, [ident])
        except (pyrage.DecryptError, ValueError):
            return "", 0
    return sink.sha.hexdigest(), sink.size


@contextlib.contextmanager
def open_plain(store: Store, path: Path) -> Iterator[IO[bytes]]:
    """A stored file's plain content for reading (spooled in memory up to 8 MB)."""
    with path.open("rb") as fh:
        if fh.read(len(AGE_MAGIC)) != AGE_MAGIC:
            fh.seek(0)
            yield fh
            return
        ident = identity(store)
        if ident is None:
            raise ValueError("an encrypted file in a store without its key")
        fh.seek(0)
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as plain:
            pyrage.decrypt_io(fh, plain, [ident])
            plain.seek(0)
            yield plain

"""The encrypted store: SQLCipher connections, the process's unlocked keys, the key file.

A store file is encrypted with SQLCipher under a random 256-bit *store key*.  The key is
never stored in the clear: ``<store>.keys`` (beside the store, 0600) holds one copy per user,
wrapped with AES-256-GCM under a key derived from that user's password with argon2id.  The
argon2id parameters and salt of a copy are those of the user's password hash, so the wrap can
be written by whoever sets that hash (the user, the administrator's reset, the conversion of
an old store) and a sign-in costs one argon2 run: the result both unwraps the store key and is
the password hash the store holds (``UnlockResult.password_hash``).

Once a store is unlocked in a process its key is kept in memory (``remember``) under the
store's random id, so the process reopens it (and copies of it: backups, the test templates)
without asking again.  Nothing here is home-made crypto: SQLCipher for pages, ``cryptography``
for AES-GCM and HKDF, ``argon2-cffi`` for the KDF.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as _sqlcipher
from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret_raw

# SQLCipher is the one SQLite driver of the product: without a key it reads and writes plain
# files like Python's sqlite3, so the frozen build leaves the stock module out.
DATABASE_ERRORS: tuple[type[Exception], ...] = (_sqlcipher.DatabaseError,)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (_sqlcipher.OperationalError,)

KEY_BYTES = 32
KEYFILE_SUFFIX = ".keys"
KEYFILE_VERSION = 1
MAX_PENDING = 1000
SQLITE_MAGIC = b"SQLite format 3\x00"

_keys: dict[str, bytes] = {}  # store id -> store key, for stores unlocked in this process


def keyfile_path(path: Path) -> Path:
    return path.with_name(path.name + KEYFILE_SUFFIX)


def is_encrypted(path: Path) -> bool:
    """A non-empty store file whose first bytes are not SQLite's (SQLCipher's are its salt)
    and that has its key file beside it."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return bool(head) and head != SQLITE_MAGIC and keyfile_path(path).exists()


# The key file ---------------------------------------------------------------------------


@dataclass
class KeyFile:
    store_id: str
    entries: dict[str, dict[str, Any]]  # username -> {"params", "nonce", "wrapped", …}
    # Sign-ins refused here, before the store could be opened: audited at the next sign-in.
    pending: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        from integrity_desktop.errors import StoreError

        kpath = keyfile_path(path)
        try:
            data = json.loads(kpath.read_text(encoding="utf-8"))
            return cls(str(data["store_id"]), dict(data["users"]), list(data.get("pending", [])))
        except FileNotFoundError as exc:
            raise StoreError(
                f"پروندهٔ کلیدهای «{path.name}» ({kpath.name}) کنار آن نیست و پروندهٔ رمزشده بدون "
                "آن باز نمی‌شود. آن را از همان پوشه یا از آخرین پشتیبان برگردانید.",
                f"The key file {kpath} is missing; the encrypted store cannot be opened without it.",
                code="store_keys_missing",
            ) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"پروندهٔ کلیدهای «{path.name}» خراب است. آخرین پشتیبان را بازگردانید.",
                f"The key file {kpath} is damaged: {exc}",
                code="store_corrupt",
            ) from exc

    def save(self, path: Path) -> None:
        from integrity_desktop.fileperm import write_private_bytes

        body = json.dumps(
            {"version": KEYFILE_VERSION, "store_id": self.store_id, "users": self.entries,
             "pending": self.pending[-MAX_PENDING:]},
            ensure_ascii=False, indent=1, sort_keys=True,
        ).encode("utf-8")
        write_private_bytes(keyfile_path(path), body)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64_nopad(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _split_hash(password_hash: str) -> tuple[str, dict[str, int], bytes, bytes]:
    """``$argon2id$v=19$m=…,t=…,p=…$salt$hash`` -> (prefix up to the salt, params, salt, raw)."""
    parts = password_hash.split("$")
    if len(parts) != 6 or parts[1] != "argon2id":
        raise ValueError("not an argon2id hash")
    params = {k: int(v) for k, v in (p.split("=") for p in parts[3].split(","))}
    return "$".join(parts[:5]), params, _unb64_nopad(parts[4]), _unb64_nopad(parts[5])


def _kek(raw: bytes, store_id: str, username: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = f"integrity-desktop store key wrap v1|{store_id}|{username}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(raw)


def wrap(kf: KeyFile, username: str, password_hash: str, store_key: bytes) -> None:
    """Write ``username``'s copy of the store key, under the key their password hash's
    argon2id output gives (replacing any earlier copy: a password change re-wraps only it)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    prefix, _params, _salt, raw = _split_hash(password_hash)
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_kek(raw, kf.store_id, username)).encrypt(
        nonce, store_key, f"{kf.store_id}|{username}".encode())
    kf.entries[username] = {"params": prefix, "nonce": _b64(nonce), "wrapped": _b64(sealed)}


def drop(kf: KeyFile, username: str) -> None:
    kf.entries.pop(username, None)


@dataclass(frozen=True)
class UnlockResult:
    username: str
    store_key: bytes
    password_hash: str  # the argon2id hash of the password with this copy's salt


_dummy_params = PasswordHasher()


def unwrap(kf: KeyFile, username: str, password: str) -> UnlockResult | None:
    """The store key for this user and password, or None (unknown user or wrong password:
    the same argon2 work either way, so the time does not tell which)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    entry = kf.entries.get(username)
    if entry is None:
        hash_secret_raw(password.encode(), b"timing-only-salt", _dummy_params.time_cost,
                        _dummy_params.memory_cost, _dummy_params.parallelism,
                        _dummy_params.hash_len, Type.ID)
        return None
    try:
        prefix = str(entry["params"])
        params = {k: int(v) for k, v in (p.split("=") for p in prefix.split("$")[3].split(","))}
        salt = _unb64_nopad(prefix.split("$")[4])
        raw = hash_secret_raw(password.encode(), salt, params["t"], params["m"], params["p"],
                              32, Type.ID)
        key = AESGCM(_kek(raw, kf.store_id, username)).decrypt(
            base64.b64decode(entry["nonce"]), base64.b64decode(entry["wrapped"]),
            f"{kf.store_id}|{username}".encode())
    except (InvalidTag, KeyError, ValueError, IndexError):
        return None
    encoded = prefix + "$" + base64.b64encode(raw).decode("ascii").rstrip("=")
    return UnlockResult(username, key, encoded)


# Keys unlocked in this process ------------------------------------------------------------


def remember(store_id: str, key: bytes) -> None:
    _keys[store_id] = key


def forget_all() -> None:
    _keys.clear()


def known_key(path: Path) -> bytes | None:
    """The key of an encrypted store unlocked earlier in this process (None if not)."""
    try:
        store_id = KeyFile.load(path).store_id
    except Exception:
        return None
    return _keys.get(store_id)


def new_store_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


# Connections ------------------------------------------------------------------------------


def key_pragma(key: bytes) -> str:
    # The raw-key form: no PBKDF2 on every connection (the key is already random, 256 bits).
    return f"PRAGMA key = \"x'{key.hex()}'\""


def dbapi() -> Any:
    return _sqlcipher


# SQLite 3.51.1, the one sqlcipher3-wheels 0.5.7 carries (its newest), can deadlock two threads
# of one process for good: closing a connection to a WAL file holds the file's lock mutex and
# then asks for the VFS's global mutex (``unixIsSharingShmNode``), while opening or closing
# another takes them the other way round.  SQLite 3.51.2 fixed it.  With ``NullPool`` every
# session opens and closes a connection, on the GUI thread and the workers at once: the window
# of a screens soak froze for good after ~100 s.  So this process opens and closes its store
# connections one at a time (a millisecond or so each).  Re-entrant: the collector may close an
# abandoned connection (SQLAlchemy's finaliser) in the middle of this thread's open; that close
# runs between SQLite's calls, so it holds none of SQLite's mutexes.
_OPEN_CLOSE = threading.RLock()


class Connection(_sqlcipher.Connection):
    """The DB-API connection every store file is opened with: opened and closed under one lock."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _OPEN_CLOSE:
            super().__init__(*args, **kwargs)

    def close(self) -> None:
        with _OPEN_CLOSE:
            super().close()


def connect(path: Path | str, key: bytes | None = None, *, readonly: bool = False,
            timeout: float = 5.0) -> Any:
    """A DB-API connection to a store file, encrypted or not (an encrypted one with ``key``, or
    the key unlocked earlier in this process)."""
    path = Path(path)
    if key is None and path.exists() and is_encrypted(path):
        key = known_key(path)
        if key is None:
            from integrity_desktop.errors import StoreError

            raise StoreError(
                "پروندهٔ داده رمزگذاری شده است؛ برای باز کردن آن وارد شوید.",
                f"{path} is encrypted; sign in to open it.",
                code="store_locked",
            )
    uri = f"file:{path.as_posix()}?mode=ro" if readonly else f"file:{path.as_posix()}"
    con = dbapi().connect(uri, uri=True, timeout=timeout, factory=Connection)
    if key is not None:
        con.execute(key_pragma(key))
    return con


def encrypt_copy(src: Path, dst: Path, key: bytes) -> None:
    """Copy a plain SQLite store into a new encrypted file ``dst`` (``sqlcipher_export``: every
    table, index, trigger and the user_version)."""
    dst.unlink(missing_ok=True)
    con = dbapi().connect(f"file:{src.as_posix()}?mode=ro", uri=True, factory=Connection)
    try:
        con.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(dst),))
        con.execute("SELECT sqlcipher_export('enc')")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"PRAGMA enc.user_version = {int(version)}")
        con.execute("DETACH DATABASE enc")
    finally:
        con.close()
    with contextlib.suppress(OSError):
        os.chmod(dst, 0o600)



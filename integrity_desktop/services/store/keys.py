"""This store's keys: an Ed25519 minisign signing key and an age (X25519) identity.

Both secrets are kept only in encrypted form (minisign's scrypt encryption for the signing key,
age's scrypt passphrase mode for the identity); the passphrase itself is never stored.
"""

from __future__ import annotations

import base64
import hashlib

import minisign
import pyrage
from sqlalchemy import select

from integrity_desktop.db.models import LocalKey
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.services.store.records import utcnow

MIN_PASSPHRASE = 10


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            f"عبارت عبور کلید باید دست‌کم {to_persian_digits(str(MIN_PASSPHRASE))} نویسه باشد.",
            f"The key passphrase must have at least {MIN_PASSPHRASE} characters.",
            code="passphrase_short",
        )


def create_keys(store: Store, passphrase: str) -> None:
    """Make both keys once, at ``init``; refuses to replace existing ones."""
    check_passphrase(passphrase)
    with store.session() as s:
        if s.scalar(select(LocalKey.kind).limit(1)):
            raise UserError("این پروندهٔ داده کلید دارد.", "The store already has keys.")
        pair = minisign.KeyPair.generate()
        pair.secret_key.encrypt(passphrase)
        s.add(LocalKey(
            kind="signing",
            public=pair.public_key.to_base64().decode("ascii"),
            secret=bytes(pair.secret_key),
            created_at=utcnow(),
        ))
        identity = pyrage.x25519.Identity.generate()
        s.add(LocalKey(
            kind="age",
            public=str(identity.to_public()),
            secret=pyrage.passphrase.encrypt(str(identity).encode("ascii"), passphrase),
            created_at=utcnow(),
        ))


def _key(store: Store, kind: str) -> LocalKey:
    with store.read() as s:
        row = s.get(LocalKey, kind)
    if row is None:
        raise UserError(
            "این پروندهٔ داده هنوز کلید ندارد؛ آن را با init بسازید.",
            "The store has no keys; it was not made with `init`.",
            code="no_keys",
        )
    return row


def public_key_base64(store: Store) -> str:
    return _key(store, "signing").public


def key_id(public_b64: str) -> str:
    """minisign's key id: the 8 bytes after the algorithm, shown as upper-case hex."""
    raw = base64.b64decode(public_b64)
    return raw[2:10][::-1].hex().upper()


def public_key_file(store: Store) -> str:
    """The public key exactly as ``minisign -G`` writes ``minisign.pub``."""
    pub = public_key_base64(store)
    return f"untrusted comment: minisign public key {key_id(pub)}\n{pub}\n"


def fingerprint(public_b64: str) -> str:
    """A short SHA-256 of the key in groups, to read aloud over the phone."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest().upper()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def age_recipient(store: Store) -> str:
    return _key(store, "age").public


def signing_key(store: Store, passphrase: str) -> minisign.SecretKey:
    sk = minisign.SecretKey.from_bytes(_key(store, "signing").secret)
    try:
        sk.decrypt(passphrase)
    except minisign.Error as exc:
        raise UserError(
            "عبارت عبور کلید درست نیست.", "Wrong key passphrase.", code="bad_passphrase"
        ) from exc
    return sk


def age_identity(store: Store, passphrase: str) -> pyrage.x25519.Identity:
    try:
        text = pyrage.passphrase.decrypt(_key(store, "age").secret, passphrase)
    except pyrage.DecryptError as exc:
        raise UserError(
            "عبارت عبور کلید درست نیست.", "Wrong key passphrase.", code="bad_passphrase"
        ) from exc
    return pyrage.x25519.Identity.from_str(text.decode("ascii"))

"""Which offices' signing keys this store accepts bundles from (HQ: every province; a
province: HQ).  A key is added from the ``.pub`` file ``key --public`` printed at that office,
and its fingerprint is shown so two people can compare it over the phone."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import minisign
from sqlalchemy import select

from integrity_desktop import catalog
from integrity_desktop.db.models import TrustedKey
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.store.keys import fingerprint, key_id
from integrity_desktop.services.store.records import utcnow


@dataclass(frozen=True)
class TrustedKeyInfo:
    office_code: str
    key_id: str
    fingerprint: str
    public_key: str
    added_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def parse_public_key(text: str) -> str:
    """The base64 key from a minisign ``.pub`` file (or a bare base64 line)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    candidate = lines[-1] if lines else ""
    try:
        minisign.PublicKey.from_base64(candidate)
        base64.b64decode(candidate, validate=True)
    except (minisign.Error, binascii.Error, ValueError) as exc:
        raise UserError(
            "پروندهٔ کلید یک کلید عمومی minisign نیست. پرونده‌ای را بدهید که فرمان "
            "key --public در آن اداره ساخته است.",
            "The key file is not a minisign public key (make it with `key --public`).",
            code="bad_key_file",
        ) from exc
    return candidate


def _info(row: TrustedKey) -> TrustedKeyInfo:
    return TrustedKeyInfo(
        row.office_code, row.key_id, row.fingerprint, row.public_key, row.added_at, row.revoked_at
    )


def signer_id(signer: bytes) -> str:
    """A bundle's signing-key id (minisign's, from its signature) as ``key_id`` shows it."""
    return signer[::-1].hex().upper()


def check_signer(key_text: str, signer: bytes) -> str:
    """The base64 key of ``key_text`` (a ``.pub`` file's text) when it is the key that signed a
    bundle (``signer``, the signature's key id); a Persian refusal otherwise, so a key from the
    wrong office or an old key is never trusted by mistake."""
    public = parse_public_key(key_text)
    if minisign.PublicKey.from_base64(public)._keynum_pk.key_id != signer:
        raise UserError(
            f"این کلید ({key_id(public)}) همان کلیدی نیست که بسته با آن امضا شده است "
            f"({signer_id(signer)})؛ پروندهٔ کلید عمومی درست را از همان اداره بگیرید.",
            f"Key {key_id(public)} did not sign the bundle (signed by {signer_id(signer)}).",
            code="key_mismatch",
        )
    return public


def read_key_file(path: str | Path) -> str:
    """The text of a public key file (minisign .pub), or a Persian message saying why not."""
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"پروندهٔ کلید «{path}» خوانده نشد.",
                        f"Cannot read {path}: {exc}", code="bad_key_file") from exc


def add_key(store: Store, actor: Actor, office_code: str, key_text: str) -> TrustedKeyInfo:
    """Trust a key for an office; an office has one active key (revoke the old one first)."""
    require(actor, "sync.trust")
    if office_code not in {o.code for o in catalog.load_offices()}:
        raise UserError(
            f"کد ادارهٔ «{office_code}» شناخته نیست. فهرست کدها را با فرمان offices ببینید.",
            f"Unknown office code {office_code!r}.",
            code="unknown_office",
        )
    public = parse_public_key(key_text)
    kid = key_id(public)
    with store.session() as s:
        active = s.scalars(
            select(TrustedKey).where(
                TrustedKey.office_code == office_code, TrustedKey.revoked_at.is_(None)
            )
        ).all()
        for row in active:
            if row.public_key == public:
                return _info(row)
            raise UserError(
                f"ادارهٔ «{office_code}» کلید فعال دیگری دارد ({row.key_id}). اگر کلید عوض "
                "شده است، نخست کلید قبلی را با trust revoke باطل کنید.",
                f"Office {office_code} already has an active key {row.key_id}; revoke it first.",
                code="key_exists",
            )
        revoked = s.scalar(
            select(TrustedKey).where(TrustedKey.public_key == public)
        )
        if revoked is not None:
            raise UserError(
                "این کلید پیش‌تر باطل شده است و دوباره پذیرفته نمی‌شود. از آن اداره کلید تازه "
                "بخواهید.",
                "This key was revoked before and cannot be trusted again.",
                code="key_was_revoked",
            )
        row = TrustedKey(
            office_code=office_code, public_key=public, key_id=kid,
            fingerprint=fingerprint(public), added_at=utcnow(), revoked_at=None,
        )
        s.add(row)
        s.flush()
        audit.append(s, store, actor, "trust_add", "trusted_key", kid, None,
                     {"office_code": office_code, "key_id": kid})
        return _info(row)


def list_keys(store: Store, actor: Actor) -> list[TrustedKeyInfo]:
    require(actor, "sync.trust")
    with store.read() as s:
        rows = s.scalars(
            select(TrustedKey).order_by(TrustedKey.office_code, TrustedKey.added_at)
        ).all()
        return [_info(r) for r in rows]


def revoke(store: Store, actor: Actor, office_code: str) -> int:
    """Revoke every active key of an office; bundles signed with it are refused from now on."""
    require(actor, "sync.trust")
    with store.session() as s:
        rows = s.scalars(
            select(TrustedKey).where(
                TrustedKey.office_code == office_code, TrustedKey.revoked_at.is_(None)
            )
        ).all()
        if not rows:
            raise UserError(
                f"ادارهٔ «{office_code}» کلید فعالی در این سامانه ندارد.",
                f"Office {office_code} has no active trusted key.",
                code="no_trusted_key",
            )
        now = utcnow()
        for row in rows:
            row.revoked_at = now
            audit.append(s, store, actor, "trust_revoke", "trusted_key", row.key_id, None,
                         {"office_code": office_code, "key_id": row.key_id})
        return len(rows)


def keys_for(store: Store, office_code: str) -> list[TrustedKeyInfo]:
    """Every key ever trusted for an office (active and revoked), for verification."""
    with store.read() as s:
        rows = s.scalars(select(TrustedKey).where(TrustedKey.office_code == office_code)).all()
        return [_info(r) for r in rows]

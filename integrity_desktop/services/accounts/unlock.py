"""Unlocking an encrypted store at sign-in (GUI and command line).

``unlock`` takes the name and password typed at sign-in, opens that user's copy of the store
key (``db/cipher.py``) and keeps the key in this process, so ``open_store`` can open the
file; ``users.authenticate`` then signs the person in with the same result (one argon2 run).
The store cannot record a refusal here (it is still closed): the key file counts failures
per name, applies the same growing lock-out as the store (``users.lock_duration``) and keeps
the refused attempts until the next sign-in writes them to the audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from integrity_desktop.db import cipher
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.paths import is_url


def needs_unlock(location: str) -> bool:
    """An encrypted store file whose key this process does not hold yet."""
    if is_url(location):
        return False
    path = Path(location).expanduser()
    return cipher.is_encrypted(path) and cipher.known_key(path) is None


def unlock(location: str, username: str, password: str, *, via: str = "gui",
           now: datetime | None = None) -> cipher.UnlockResult | None:
    """The store key for this sign-in, kept in this process; None for a store that needs no
    unlocking.  A wrong name or password is the sign-in's usual refusal (and counted)."""
    if is_url(location):
        return None
    path = Path(location).expanduser()
    if not cipher.is_encrypted(path):
        return None
    from integrity_desktop.services.accounts.users import lock_duration

    now = now or datetime.now(UTC)
    kf = cipher.KeyFile.load(path)
    entry = kf.entries.get(username)
    locked_until = _parse(entry.get("locked_until", "")) if entry else None
    if locked_until is not None and locked_until > now:
        kf.pending.append({"username": username, "action": "login.locked", "via": via,
                           "at": now.isoformat(timespec="seconds")})
        kf.save(path)
        wait = int((locked_until - now).total_seconds()) + 1
        raise UserError(
            f"به دلیل چند ورود نادرست، این حساب تا {to_persian_digits(str(wait))} ثانیهٔ دیگر قفل است.",
            f"Account locked for {wait} more seconds after failed sign-ins.",
            code="locked",
        )
    result = cipher.unwrap(kf, username, password)
    if result is None:
        if entry is not None:
            entry["failed"] = int(entry.get("failed", 0)) + 1
            delay = lock_duration(entry["failed"])
            entry["locked_until"] = (now + delay).isoformat() if delay > timedelta(0) else ""
        kf.pending.append({"username": username, "action": "login.failed", "via": via,
                           "at": now.isoformat(timespec="seconds")})
        kf.save(path)
        raise UserError("نام کاربری یا گذرواژه درست نیست.", "Wrong username or password.",
                        code="bad_login")
    if entry is not None and (entry.get("failed") or entry.get("locked_until")):
        entry.pop("failed", None)
        entry.pop("locked_until", None)
        kf.save(path)
    cipher.remember(kf.store_id, result.store_key)
    return result


def _parse(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)

"""User accounts: argon2 passwords, lock-out with a growing delay, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from integrity_desktop.db import cipher
from integrity_desktop.db.models import User
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import ROLES, Actor, require
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.store.records import utcnow
from integrity_desktop.textnorm import clean_stored_text

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
FREE_ATTEMPTS = 5  # failures before the first lock-out
BASE_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(hours=1)
USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{2,39}$")

_hasher = PasswordHasher()
# An unknown or inactive name is checked against this hash, so it costs the same argon2 time
# as a known one: the time of a refusal does not tell whether a user name exists.  It is a
# constant made once with the hasher's parameters (a test checks they still match): hashing it at
# import cost every process argon2's 64 MiB and ~0.2 s, the merge's whole peak-memory growth.
_DUMMY_HASH = ("$argon2id$v=19$m=65536,t=3,p=4$r0yyOK/iOvNu1PQ/zUHruA$"
               "y5BY63hWZyHYGAJYhKA6bAt+Y6wWzLyFK9BEWaAOKaw")


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None


def check_password_rules(password: str) -> None:
    """Length only: no composition rules that push people to predictable patterns."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            f"گذرواژه باید دست‌کم {to_persian_digits(str(MIN_PASSWORD_LENGTH))} نویسه باشد؛ یک عبارت بلند و به‌یادماندنی "
            "بهتر از واژه‌ای کوتاه و پیچیده است.",
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
            code="password_short",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError("گذرواژه بیش از اندازه بلند است.", "The password is too long.")


def _check_username(username: str) -> None:
    if not USERNAME_RE.match(username):
        raise UserError(
            "نام کاربری باید با حرف لاتین کوچک آغاز شود و ۳ تا ۴۰ نویسه از حروف لاتین کوچک، "
            "رقم، نقطه، خط تیره یا زیرخط باشد.",
            "A username is 3-40 lowercase Latin letters, digits, '.', '-' or '_'.",
            code="username",
        )


def wrap_store_key(store: Store, username: str, password_hash: str) -> None:
    """Write this user's copy of an encrypted store's key for the password behind
    ``password_hash`` (only theirs: the others' copies are untouched).  Called inside the unit
    of work that sets the hash, before it commits: a crash in between leaves a copy the new
    password opens, and the sign-in then takes that password (``authenticate``)."""
    if store.key is None or store.path is None:
        return
    kf = cipher.KeyFile.load(store.path)
    cipher.wrap(kf, username, password_hash, store.key)
    kf.save(store.path)


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.role, u.active, u.locked_until)


def create_first_admin(store: Store, password: str, full_name: str = "مدیر سامانه") -> UserInfo:
    """The ``admin`` account of a new store (no actor exists yet to authorise it)."""
    check_password_rules(password)
    with store.session() as s:
        if s.scalar(select(User.id).limit(1)):
            raise UserError("این پروندهٔ داده کاربر دارد.", "The store already has users.")
        user = User(
            username="admin",
            full_name=full_name,
            role="admin",
            password_hash=_hasher.hash(password),
            created_at=utcnow(),
        )
        s.add(user)
        s.flush()
        wrap_store_key(store, "admin", user.password_hash)
        actor = Actor("admin", "admin", store.office_code)
        audit.append(s, store, actor, "user.create", "user", user.id, None, {"username": "admin"})
        return _info(user)


def create_user(
    store: Store, actor: Actor, username: str, full_name: str, role: str, password: str,
    *, must_change: bool = True,
) -> UserInfo:
    """A new account; its person chooses their own password at first sign-in (unless
    ``must_change`` is False: the demo accounts, whose passwords are public anyway)."""
    require(actor, "users.manage")
    _check_username(username)
    if role not in ROLES:
        raise UserError(f"نقش «{role}» شناخته نیست.", f"Unknown role {role}.")
    check_password_rules(password)
    with store.session() as s:
        if s.scalar(select(User.id).where(User.username == username)):
            raise UserError(
                f"نام کاربری «{username}» پیش‌تر گرفته شده است.",
                f"Username {username} exists.",
                code="username_taken",
            )
        user = User(
            username=username,
            full_name=clean_stored_text(full_name).strip(),
            role=role,
            password_hash=_hasher.hash(password),
            created_at=utcnow(),
            must_change_password=must_change,
        )
        s.add(user)
        s.flush()
        wrap_store_key(store, username, user.password_hash)
        audit.append(
            s, store, actor, "user.create", "user", user.id, None,
            {"username": username, "role": role, "full_name": user.full_name},
        )
        return _info(user)


def list_users(store: Store, actor: Actor) -> list[UserInfo]:
    require(actor, "users.manage")
    with store.read() as s:
        return [_info(u) for u in s.scalars(select(User).order_by(User.username))]


def lock_duration(failures: int) -> timedelta:
    """Nothing for the first few failures, then 30 s doubling per failure, at most an hour."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(BASE_LOCK * (2 ** (failures - FREE_ATTEMPTS)), MAX_LOCK)


def _bad_login() -> UserError:
    return UserError("نام کاربری یا گذرواژه درست نیست.", "Wrong username or password.", code="bad_login")


def authenticate(
    store: Store, username: str, password: str, *, via: str = "gui", command: str = "",
    unlocked: cipher.UnlockResult | None = None,
) -> Actor:
    """Check a sign-in; failures are counted, audited and lead to a growing lock-out.

    ``via`` ("gui" or "cli") and the command line's ``command`` are written to the audit
    entry.  A refusal is raised only after the unit of work has committed, so the audit entry
    of a failed or locked attempt is kept (raising inside the block would roll it back).
    """
    now = utcnow()
    office = store.office_code
    error: UserError | None = None
    actor: Actor | None = None
    how = {"via": via, "command": command} if command else {"via": via}
    with store.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            _verify(_DUMMY_HASH, password)  # the same work as for a real account
            audit.append(s, store, Actor(username or "?", "", office), "login.failed",
                         after=how)
            error = _bad_login()
        elif user.locked_until and user.locked_until > now:
            wait = int((user.locked_until - now).total_seconds()) + 1
            audit.append(s, store, Actor(username, user.role, office), "login.locked", after=how)
            error = UserError(
                f"به دلیل چند ورود نادرست، این حساب تا {to_persian_digits(str(wait))} ثانیهٔ دیگر "
                "قفل است.",
                f"Account locked for {wait} more seconds after failed sign-ins.",
                code="locked",
            )
        else:
            try:
                if unlocked is not None and unlocked.username == username:
                    # The copy of the key this password opened was written with the hash the
                    # password has now (a change that crashed before its commit included).
                    user.password_hash = unlocked.password_hash
                else:
                    _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                user.failed_count += 1
                delay = lock_duration(user.failed_count)
                user.locked_until = now + delay if delay else None
                audit.append(s, store, Actor(username, user.role, office), "login.failed",
                             after=how)
                error = _bad_login()
            else:
                user.failed_count = 0
                user.locked_until = None
                user.last_login = now
                if (_hasher.check_needs_rehash(user.password_hash)
                        or _copy_from_conversion(store, username)):
                    user.password_hash = _hasher.hash(password)
                    wrap_store_key(store, username, user.password_hash)
                actor = Actor(user.username, user.role, office, user.full_name)
                if unlocked is not None and unlocked.username == username:
                    _audit_refused_before_unlock(s, store)
                audit.append(s, store, actor, "login", after=how)
    if error is not None:
        raise error
    assert actor is not None
    return actor


def _copy_from_conversion(store: Store, username: str) -> bool:
    """A copy of the key made when an unencrypted store was converted is wrapped under the
    password hash the old, unencrypted file (and its old backups) still show; the first
    sign-in after it replaces hash and copy with a fresh salt."""
    if store.key is None or store.path is None:
        return False
    entry = cipher.KeyFile.load(store.path).entries.get(username, {})
    return bool(entry.get("converted"))


def _audit_refused_before_unlock(s: object, store: Store) -> None:
    """Sign-ins refused by the key file (the store could not be opened to record them)."""
    from sqlalchemy.orm import Session

    assert isinstance(s, Session) and store.path is not None
    kf = cipher.KeyFile.load(store.path)
    if not kf.pending:
        return
    for event in kf.pending:
        audit.append(s, store, Actor(str(event.get("username") or "?"), "", store.office_code),
                     str(event.get("action", "login.failed")),
                     after={"via": event.get("via", ""), "at": event.get("at", ""),
                            "before_unlock": True})
    kf.pending = []
    kf.save(store.path)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def check_stored_password(store: Store, username: str, password: str) -> bool:
    """The argon2 check of ``password`` against the stored hash alone: no lock-out, no audit.

    What sign-in cannot go below (the start-up benchmark's floor); a missing user is False.
    """
    with store.read() as s:
        hashed = s.scalar(select(User.password_hash).where(User.username == username))
    return hashed is not None and _verify(hashed, password)


def must_change_password(store: Store, actor: Actor) -> bool:
    """Whether the signed-in person must choose a new password before anything else (an
    account made or reset by the administrator)."""
    with store.read() as s:
        flag = s.scalar(select(User.must_change_password).where(User.username == actor.username))
    return bool(flag)


def change_password(store: Store, actor: Actor, old: str, new: str) -> None:
    """Every person may change their own password (the current one is asked again)."""
    check_password_rules(new)
    if new == old:
        raise UserError("گذرواژهٔ تازه باید با گذرواژهٔ کنونی فرق داشته باشد.",
                        "The new password must differ from the current one.",
                        code="password_same")
    with store.session() as s:
        user = s.scalar(select(User).where(User.username == actor.username))
        if user is None:
            raise _bad_login()
        try:
            _hasher.verify(user.password_hash, old)
        except (VerificationError, InvalidHashError):
            raise UserError("گذرواژهٔ کنونی درست نیست.", "The current password is wrong.") from None
        user.password_hash = _hasher.hash(new)
        user.must_change_password = False
        wrap_store_key(store, user.username, user.password_hash)
        audit.append(s, store, actor, "user.password", "user", user.id)


def reset_password(store: Store, actor: Actor, username: str, new: str) -> None:
    require(actor, "users.manage")
    check_password_rules(new)
    with store.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise UserError(f"کاربر «{username}» پیدا نشد.", f"No user {username}.")
        user.password_hash = _hasher.hash(new)
        user.must_change_password = True
        user.failed_count = 0
        user.locked_until = None
        wrap_store_key(store, user.username, user.password_hash)  # its lock-out there too
        audit.append(s, store, actor, "user.reset", "user", user.id)


def expected_actor(store: Store, username: str) -> Actor | None:
    """The actor ``authenticate`` would return for this user name if the password is right
    (None for an unknown or disabled account).  Not a sign-in and not a permission: start-up
    uses it to prepare the signed-in person's window and figures while they type, and shows
    them only when ``authenticate`` then returns an equal actor."""
    with store.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            return None
        return Actor(user.username, user.role, store.office_code, user.full_name)

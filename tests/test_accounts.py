"""Someone at the office PC without the password: length-only rules, a growing lock-out, every
attempt audited, and the signing keys useless without their passphrase."""

from __future__ import annotations

import re
from datetime import timedelta

import minisign
import pytest
from sqlalchemy import select

from integrity_desktop.db import cipher
from integrity_desktop.db.models import AuditEntry, LocalKey, User
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.accounts import users
from integrity_desktop.services.store import keys

from .conftest import ADMIN_PASSWORD, PASSPHRASE, actor

LATIN_DIGIT = re.compile(r"[0-9]")


def test_password_rules_are_length_only() -> None:
    with pytest.raises(UserError) as err:
        users.check_password_rules("short1!")
    assert not LATIN_DIGIT.search(err.value.fa)
    users.check_password_rules("a long plain sentence")  # no forced symbols or digits
    users.check_password_rules("گذرواژه‌ای فارسی و بلند")


def test_failed_sign_ins_lock_the_account_with_a_growing_delay(store: Store) -> None:
    for _ in range(users.FREE_ATTEMPTS - 1):
        with pytest.raises(UserError) as err:
            users.authenticate(store, "admin", "wrong-password-x")
        assert err.value.code == "bad_login"
    assert users.authenticate(store, "admin", ADMIN_PASSWORD).role == "admin"  # resets the count
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(UserError):
            users.authenticate(store, "admin", "wrong-password-x")
    with pytest.raises(UserError) as err:  # even the right password waits out the lock
        users.authenticate(store, "admin", ADMIN_PASSWORD)
    assert err.value.code == "locked"
    assert not LATIN_DIGIT.search(err.value.fa), err.value.fa
    durations = [users.lock_duration(n) for n in range(users.FREE_ATTEMPTS, users.FREE_ATTEMPTS + 10)]
    assert durations == sorted(durations) and durations[0] == timedelta(seconds=30)
    assert durations[-1] == users.MAX_LOCK
    with store.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions.count("login.failed") == 2 * users.FREE_ATTEMPTS - 1
    assert actions[-1] == "login.locked" and "login" in actions


def test_the_stored_password_check_alone_neither_locks_nor_audits(store: Store) -> None:
    """The start-up probe's argon2 floor: the hash check without sign-in's side effects."""
    with store.read() as s:
        before = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    assert users.check_stored_password(store, "admin", ADMIN_PASSWORD)
    for _ in range(users.FREE_ATTEMPTS + 1):
        assert not users.check_stored_password(store, "admin", "wrong-password-x")
    assert not users.check_stored_password(store, "nobody", ADMIN_PASSWORD)
    with store.read() as s:
        after = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    assert after == before
    assert users.authenticate(store, "admin", ADMIN_PASSWORD).role == "admin"  # not locked out


def test_unknown_user_gets_the_same_answer_and_is_audited(store: Store) -> None:
    with pytest.raises(UserError) as err:
        users.authenticate(store, "nobody", "whatever-password")
    assert err.value.code == "bad_login"  # no hint whether the name exists
    with store.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.action == "login.failed" and last.actor.startswith("nobody@")


def test_password_change_and_admin_reset(store: Store) -> None:
    admin = actor("admin", username="admin")
    with pytest.raises(UserError):
        users.change_password(store, admin, "not-the-password", "a new long password")
    users.change_password(store, admin, ADMIN_PASSWORD, "a new long password")
    users.authenticate(store, "admin", "a new long password")
    users.create_user(store, admin, "maryam", "مریم احمدی", "inspector", "first password 1")
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(UserError):
            users.authenticate(store, "maryam", "wrong-password-x")
    users.reset_password(store, admin, "maryam", "reset password 22")
    assert users.authenticate(store, "maryam", "reset password 22").role == "inspector"
    with store.read() as s:
        user = s.scalar(select(User).where(User.username == "maryam"))
    assert user is not None and user.must_change_password


def test_no_secret_is_stored_in_the_clear(store: Store) -> None:
    assert store.path is not None
    raw = store.path.read_bytes()
    for wal in (store.path.with_name(store.path.name + "-wal"),):
        if wal.exists():
            raw += wal.read_bytes()
    assert PASSPHRASE.encode() not in raw and ADMIN_PASSWORD.encode() not in raw
    with store.read() as s:
        age_row = s.get(LocalKey, "age")
        signing_row = s.get(LocalKey, "signing")
    assert age_row is not None and signing_row is not None
    assert b"AGE-SECRET-KEY" not in age_row.secret  # encrypted with age's passphrase mode
    with pytest.raises(UserError) as err:
        keys.signing_key(store, "not the passphrase")
    assert err.value.code == "bad_passphrase"
    sk = minisign.SecretKey.from_bytes(signing_row.secret)
    with pytest.raises(minisign.Error):
        sk.sign(b"forged")  # still encrypted: cannot sign before decrypt
    with pytest.raises(UserError):
        keys.age_identity(store, "not the passphrase")
    con = cipher.connect(store.path)
    hashes = [row[0] for row in con.execute("SELECT password_hash FROM users")]
    con.close()
    assert hashes and all(h.startswith("$argon2") for h in hashes)

"""The encrypted store (issue 18): what leaves the PC with a copied file reads as noise, and
every person's sign-in still opens it after a password change or an administrator's reset.

The store, its WAL, a backup and the evidence folder are copied as a thief would (bytes, no
program) and searched for a case's name, national code and summary in UTF-8 and UTF-16.
Sign-ins run in child processes, which hold no key: each must unwrap its own copy.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import StoreError, UserError
from integrity_desktop.permissions import ROLES
from integrity_desktop.services.accounts import users
from integrity_desktop.services.accounts.unlock import unlock
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import backup, evidence
from tests.cli_helpers import run_cli
from tests.conftest import ADMIN_PASSWORD, actor

NAME = "فرهاد نیک‌سرشت"
CODE = "0012345679"
SUMMARY = "برداشت غیرمجاز از صندوق رفاه کارکنان در شعبهٔ مرکزی"
POST = "کارپرداز ارشد"
SECRETS = (NAME, CODE, SUMMARY, POST, "نیک‌سرشت", "صندوق رفاه")


def _forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def _plain_hits(folder: Path) -> list[str]:
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for secret in SECRETS:
            if any(form in data for form in _forms(secret)):
                hits.append(f"{path.relative_to(folder)}: {secret}")
        if path.suffix == ".backup" or path.name.endswith(".zip"):
            with zipfile.ZipFile(path) as zf:  # members may be deflated: look inside too
                for name in zf.namelist():
                    member = zf.read(name)
                    hits += [f"{path.name}!{name}: {s}" for s in SECRETS
                             if any(f in member for f in _forms(s))]
    return hits


@pytest.fixture
def case_store(store: Store, tmp_path: Path) -> Iterator[Store]:
    # A second connection held open keeps SQLite from folding the WAL back at each close,
    # as the running app's own connections do: the case is then in the WAL too.
    assert store.path is not None
    holder = cipher.connect(store.path)
    holder.execute("SELECT count(*) FROM store_meta").fetchone()
    officer = actor("case_officer")
    c = cases.register_case(
        store, officer, employee_name=NAME, national_code=CODE, employee_post=POST,
        reporter="بازرس معتمد", violation_codes=["10"], reported_on="1403/02/10", summary=SUMMARY)
    scan = tmp_path / "report.txt"  # an attachment that itself names the employee
    scan.write_text(f"%PDF-1.4\nگزارش بازرسی دربارهٔ {NAME} با کد ملی {CODE}\n", encoding="utf-8")
    pdf = scan.with_suffix(".pdf")
    scan.rename(pdf)
    evidence.attach(store, actor("admin"), "case", c.id, pdf, operation="cases.edit")
    yield store
    holder.close()


def test_a_copied_store_wal_backup_and_evidence_hold_no_plain_text_of_a_case(
    case_store: Store, tmp_path: Path
) -> None:
    store = case_store
    assert store.path is not None and cipher.is_encrypted(store.path)
    made = backup.backup_to(store, tmp_path / "b.backup")
    # The control: the same bytes the program reads back hold the case.
    assert store.key is not None
    loot = tmp_path / "loot"
    loot.mkdir()
    # Copied while the store is open and has written (its WAL is there), as a thief would.
    wal = Path(f"{store.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    for src in (store.path, wal, made, cipher.keyfile_path(store.path)):
        shutil.copyfile(src, loot / src.name)
    shutil.copytree(store.files_dir / "evidence", loot / "evidence")
    assert list((loot / "evidence").rglob("*")), "the evidence folder was copied"
    assert _plain_hits(loot) == []
    # The same search finds the case in an unencrypted copy: it can fail.
    plain = tmp_path / "plain" / "store.sqlite"
    plain.parent.mkdir()
    con = cipher.connect(store.path)
    con.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    con.execute("SELECT sqlcipher_export('plain')")
    con.close()
    assert _plain_hits(plain.parent)


def test_the_store_does_not_open_without_a_sign_in(
    case_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = case_store
    assert store.path is not None
    store.dispose()
    copy = tmp_path / "elsewhere" / "store.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(store.path, copy)
    shutil.copyfile(cipher.keyfile_path(store.path), cipher.keyfile_path(copy))
    # Another process: no key in memory (the session's keys come back after the test).
    monkeypatch.setattr(cipher, "_keys", {})
    with pytest.raises(StoreError) as err:
        open_store(str(copy))
    assert err.value.code == "store_locked"
    with pytest.raises(UserError) as bad:
        unlock(str(copy), "admin", "not the admin password")
    assert bad.value.code == "bad_login"
    with pytest.raises(UserError):
        unlock(str(copy), "nobody-here", ADMIN_PASSWORD)
    unlocked = unlock(str(copy), "admin", ADMIN_PASSWORD)
    assert unlocked is not None
    opened = open_store(str(copy))
    try:
        who = users.authenticate(opened, "admin", ADMIN_PASSWORD, unlocked=unlocked)
        assert who.role == "admin"
    finally:
        opened.dispose()


def test_without_its_key_file_the_store_is_refused_with_a_message(store: Store,
                                                                  tmp_path: Path) -> None:
    assert store.path is not None
    store.dispose()
    cipher.keyfile_path(store.path).unlink()
    with pytest.raises(StoreError) as err:
        open_store(str(store.path))
    assert err.value.code == "store_corrupt"  # not SQLite and no key file: not ours
    assert "پشتیبان" in err.value.fa


PASSWORDS = {role: f"{role} first password" for role in ROLES}


def _sign_in_works(location: str, user: str, password: str) -> None:
    done = run_cli("digest", "--db", location, user=user, password=password)
    assert done.returncode == 0, (user, done.stderr)
    assert len(done.stdout.strip()) == 64


@pytest.mark.parametrize("how", ["admin reset", "own change"])
def test_every_role_signs_in_after_a_reset_and_after_a_password_change(
    store: Store, how: str
) -> None:
    admin = actor("admin", username="admin")
    names = {role: f"person-{role}" for role in ROLES if role != "admin"}
    for role, name in names.items():
        users.create_user(store, admin, name, f"کاربر {role}", role, PASSWORDS[role],
                          must_change=False)
    before = cipher.KeyFile.load(store.path).entries  # type: ignore[arg-type]
    new = {role: f"{role} changed password" for role in ROLES}
    if how == "admin reset":
        for role, name in names.items():
            users.reset_password(store, admin, name, new[role])
    store.dispose()
    after_reset = cipher.KeyFile.load(store.path).entries  # type: ignore[arg-type]
    # Only the reset accounts' copies changed; the administrator's is as it was.
    assert after_reset["admin"] == before["admin"]
    if how == "admin reset":
        assert all(after_reset[n] != before[n] for n in names.values())
    for role, name in names.items():
        if how == "admin reset":
            # The old password no longer opens the store; the reset one does, once, for
            # the forced change.
            old = run_cli("digest", "--db", store.location, user=name, password=PASSWORDS[role])
            assert old.returncode == 2 and "گذرواژه درست نیست" in old.stderr
            current = new[role]
        else:
            current = PASSWORDS[role]
        final = f"{role} own new password"
        changed = run_cli("password", "--db", store.location, user=name, password=current,
                          INTEGRITY_NEW_PASSWORD=final)
        assert changed.returncode == 0, (role, changed.stderr)
        stale = run_cli("digest", "--db", store.location, user=name, password=current)
        assert stale.returncode == 2 and "گذرواژه درست نیست" in stale.stderr
        _sign_in_works(store.location, name, final)
    # The administrator, untouched, still signs in; so does a changed administrator.
    _sign_in_works(store.location, "admin", ADMIN_PASSWORD)
    changed = run_cli("password", "--db", store.location, user="admin", password=ADMIN_PASSWORD,
                      INTEGRITY_NEW_PASSWORD="admin changed password")
    assert changed.returncode == 0, changed.stderr
    _sign_in_works(store.location, "admin", "admin changed password")


def test_an_unencrypted_store_is_converted_at_its_first_start_with_every_record_kept(
    tmp_path: Path,
) -> None:
    from integrity_desktop.services.store.opening import init_store, open_initialised
    from integrity_desktop.sync.digest import store_digest
    from tests.conftest import PASSPHRASE

    path = tmp_path / "old" / "store.sqlite"
    plain = init_store(str(path), "tehran", ADMIN_PASSWORD, PASSPHRASE, encrypt=False)
    admin = actor("admin", username="admin")
    for role in ROLES:
        if role != "admin":
            users.create_user(plain, admin, f"old-{role}", f"کاربر {role}", role,
                              PASSWORDS[role], must_change=False)
    c = cases.register_case(
        plain, actor("case_officer"), employee_name=NAME, national_code=CODE,
        employee_post=POST, reporter="بازرس", violation_codes=["10"], reported_on="1403/02/10",
        summary=SUMMARY)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(f"%PDF-1.4\n{NAME} {CODE}\n".encode())
    info = evidence.attach(plain, admin, "case", c.id, pdf, operation="cases.edit")
    before = store_digest(plain)
    assert plain.key is None and _plain_hits(path.parent)  # today: readable by anyone
    plain.dispose()

    store = open_initialised(str(path))  # the first start after the upgrade
    try:
        assert store.key is not None and cipher.is_encrypted(path)
        assert store_digest(store) == before
        with store.read() as s:
            from integrity_desktop.db.models import Case

            row = s.get(Case, c.id)
            assert row is not None and row.employee_name == NAME and row.national_code == CODE
        assert evidence.path_of(store, evidence.get(store, info.id)).read_bytes() == pdf.read_bytes()
        assert evidence.verify(store, evidence.get(store, info.id))
        with store.read() as s:
            from sqlalchemy import select

            from integrity_desktop.db.models import AuditEntry

            assert s.scalar(select(AuditEntry.action).where(AuditEntry.action == "store.encrypted"))
    finally:
        store.dispose()
    assert not list(path.parent.glob("*before-encryption*"))  # the safety copy, once checked
    assert _plain_hits(path.parent) == []
    # Every account signs in with the password it had, in a process that holds no key.
    for role in ROLES:
        name = "admin" if role == "admin" else f"old-{role}"
        _sign_in_works(str(path), name, ADMIN_PASSWORD if role == "admin" else PASSWORDS[role])
    # Each first sign-in replaced its copy made from the old file's hash.
    assert not any(e.get("converted") for e in cipher.KeyFile.load(path).entries.values())


def test_the_log_is_encrypted_once_the_store_is_open_and_the_administrator_reads_it(
    store: Store,
) -> None:
    import logging

    from integrity_desktop import logs

    assert store.path is not None and store.key is not None
    path = logs.setup(logs.log_dir_for(store.location))
    try:
        logging.getLogger("integrity_desktop.test").info("before the sign-in: nothing of a case")
        logs.use_store_key(store.key)
        logging.getLogger("integrity_desktop.test").error("a traceback quoting %s %s", NAME, CODE)
    finally:
        logs.close()
    data = path.read_bytes()
    assert b"before the sign-in" in data  # the control: the file is the one written
    assert not any(form in data for s in (NAME, CODE) for form in _forms(s))
    assert any(NAME in line for line in logs.read_lines(path, store.key))
    store.dispose()
    shown = run_cli("log", "--db", store.location)
    assert shown.returncode == 0, shown.stderr
    assert f"a traceback quoting {NAME} {CODE}" in shown.stdout
    refused = run_cli("log", "--db", store.location, password="a wrong password here")
    assert refused.returncode == 2 and NAME not in refused.stdout

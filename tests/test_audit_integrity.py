"""``audit verify`` sees edits of the records themselves and a chain cut or forged at its end
(issue 13, finding 2).

Before: after ``UPDATE case_events SET penalty_code='02'``, a changed employee name or a case
set to deleted it said «audit chain ok»; cutting the last audit rows, or appending a forged
row with a recomputed hash, also verified.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store
from integrity_desktop.services.accounts import users
from integrity_desktop.services.accounts.unlock import unlock
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import keys, offices

from .cli_helpers import run_cli
from .conftest import PASSPHRASE, actor

OFFICER = actor("case_officer")


@pytest.fixture
def case_store(store: Store) -> tuple[Store, str]:
    c = cases.register_case(
        store, OFFICER, employee_name="مهدی یزدانی", national_code="0084575948",
        reporter="بازرس معتمد مرکز", violation_codes=["10"], reported_on="1403/02/10")
    cases.add_event(store, OFFICER, c.id, lc.FILE_FORMED, event_date="1403/02/20")
    cases.add_event(store, OFFICER, c.id, lc.PRELIMINARY_VERDICT, event_date="1403/03/20",
                    penalty_code="05", board_code="01")
    for n in "۱۲۳":
        offices.add_unit(store, actor("admin"), f"مرکز شمارهٔ {n}")
    assert audit.verify_store(store).ok, audit.verify_store(store).problems
    store.dispose()
    return store, c.id


def _sql(store: Store, *statements: str) -> None:
    con = cipher.connect(store.location)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def _verify(store: Store) -> tuple[int, str]:
    out = run_cli("audit", "verify", "--db", store.location)
    return out.returncode, out.stdout + out.stderr


@pytest.mark.parametrize("edit, names", [
    ("UPDATE case_events SET penalty_code = '02' WHERE penalty_code = '05'", "penalty_code"),
    ("UPDATE cases SET employee_name = 'کس دیگر'", "employee_name"),
    ("UPDATE cases SET deleted = 1", "deleted"),
    ("UPDATE units SET name_fa = 'واحد دیگر' WHERE name_fa = 'مرکز شمارهٔ ۲'", "name_fa"),
])
def test_a_record_edited_by_sql_is_caught_and_named(case_store: tuple[Store, str], edit: str,
                                                     names: str) -> None:
    store, _case = case_store
    assert _verify(store)[0] == 0
    _sql(store, edit)
    code, text = _verify(store)
    assert code == 1
    assert names in text and "بیرون از برنامه" in text


def test_a_record_inserted_by_sql_is_caught(case_store: tuple[Store, str]) -> None:
    store, _case = case_store
    con = cipher.connect(store.location)
    row = con.execute("SELECT * FROM units LIMIT 1").fetchone()
    cols = [d[0] for d in con.execute("SELECT * FROM units LIMIT 1").description]
    values = dict(zip(cols, row, strict=True))
    values.update(id="00000000-0000-4000-8000-000000000001", name_fa="واحد پنهان",
                  hlc="9999999999999-0000-ffff")
    con.execute(f"INSERT INTO units ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                list(values.values()))
    con.commit()
    con.close()
    code, text = _verify(store)
    assert code == 1 and "00000000-0000-4000-8000-000000000001" in text


def test_a_role_raised_by_sql_is_caught(store: Store) -> None:
    users.create_user(store, actor("admin", username="admin"), "zahra", "زهرا", "viewer",
                      "viewer password 1")
    store.dispose()
    _sql(store, "UPDATE users SET role = 'admin' WHERE username = 'zahra'")
    code, text = _verify(store)
    assert code == 1 and "zahra" in text and "role" in text


def test_cut_end_of_the_chain_is_caught(case_store: tuple[Store, str]) -> None:
    store, _case = case_store
    _sql(store, "DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)")
    code, text = _verify(store)
    assert code == 1 and "cut from the end" in text


def _forge_tail(store: Store, keep_from_end: int, rewrite_meta: bool) -> None:
    """Replace the last entries with a forged one whose hash is recomputed (and, if asked,
    the recorded head too: an attacker who has read this program)."""
    con = cipher.connect(store.location)
    con.execute("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - ? FROM audit_log)",
                (keep_from_end,))
    prev = con.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    at = datetime(2024, 5, 1, 10, 0, 0)
    fields = [prev, at.isoformat(timespec="microseconds"), "admin@tehran", "tehran", "login",
              "", "", "", ""]
    digest = hashlib.sha256("\x1f".join(fields).encode()).hexdigest()
    con.execute("INSERT INTO audit_log (at, actor, office_code, action, entity, entity_id, "
                "before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (at.isoformat(sep=" "), "admin@tehran", "tehran", "login", "", "", "", "", prev,
                 digest))
    if rewrite_meta:
        seq = con.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        con.execute("UPDATE store_meta SET value = ? WHERE key = 'audit_head'",
                    (f'{{"seq": {seq}, "hash": "{digest}"}}',))
    con.commit()
    con.close()


def test_a_forged_row_appended_with_a_recomputed_hash_is_caught(
    case_store: tuple[Store, str],
) -> None:
    store, _case = case_store
    _forge_tail(store, 0, rewrite_meta=False)
    code, text = _verify(store)
    assert code == 1 and "added to outside the program" in text


def test_a_sealed_chain_catches_a_forged_tail_even_with_the_head_rewritten(
    case_store: tuple[Store, str], tmp_path: Path,
) -> None:
    store, _case = case_store
    sealed = run_cli("audit", "seal", "--db", store.location, INTEGRITY_PASSPHRASE=PASSPHRASE)
    assert sealed.returncode == 0, sealed.stderr
    assert _verify(store)[0] == 0
    # Cut three entries before the seal, add a forged one and rewrite the recorded head: the
    # chain is whole and the tripwire agrees, but the signed seal names a head that is gone.
    _forge_tail(store, 3, rewrite_meta=True)
    code, text = _verify(store)
    assert code == 1 and "sealed entry" in text and "کلید اداره" in text


def test_seals_at_export_and_backup_and_a_forged_seal(case_store: tuple[Store, str],
                                                       tmp_path: Path) -> None:
    store, _case = case_store
    from integrity_desktop.db.store import open_store
    from integrity_desktop.services.store import backup
    from integrity_desktop.sync.export import export_bundle

    opened = open_store(store.location)
    try:
        export_bundle(opened, actor("admin"), tmp_path / "b.zip",
                      keys.signing_key(opened, PASSPHRASE))
        backup.write_backup(opened, tmp_path / "s.backup", passphrase=PASSPHRASE)
        backup.write_backup(opened, tmp_path / "u.backup")  # the daily one: no passphrase
        check = audit.verify_store(opened)
    finally:
        opened.dispose()
    assert check.ok and check.seals == 2
    # A seal whose head is edited no longer verifies with the office's key.
    _sql(store, "UPDATE audit_seals SET length = length + 1 WHERE id = 1")
    code, text = _verify(store)
    assert code == 1 and "does not verify" in text


def test_an_extra_trigger_in_the_live_store_is_caught(case_store: tuple[Store, str]) -> None:
    store, _case = case_store
    _sql(store, "CREATE TRIGGER no_lockout AFTER UPDATE OF failed_count ON users "
                "BEGIN UPDATE users SET failed_count = 0, locked_until = NULL; END")
    code, text = _verify(store)
    assert code == 1 and "no_lockout" in text


def test_a_demo_store_verifies_and_its_bulk_cases_are_covered(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    assert run_cli("demo", "--db", str(path), user=None, password=None).returncode == 0
    ok = run_cli("audit", "verify", "--db", str(path), password="demo-password")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    unlock(str(path), "admin", "demo-password")  # the demo store is encrypted: its key here too
    con = cipher.connect(path)
    con.execute("UPDATE case_events SET penalty_code = '02' WHERE id = "
                "(SELECT id FROM case_events WHERE penalty_code IS NOT NULL "
                "AND penalty_code != '02' LIMIT 1)")
    con.commit()
    con.close()
    bad = run_cli("audit", "verify", "--db", str(path), password="demo-password")
    assert bad.returncode == 1 and "penalty_code" in bad.stdout

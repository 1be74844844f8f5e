"""Backups that restore, restores that refuse bad files, and an audit chain that shows tampering."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from integrity_desktop.db import cipher
from integrity_desktop.db.models import AuditEntry, Unit
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import StoreError
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.store import backup, offices
from tests.cli_helpers import run_cli
from tests.conftest import actor


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)  # signed in as the store's administrator


def test_audit_chain_verifies_and_catches_an_edited_row(store: Store) -> None:
    for n in "۷۸۹":
        offices.add_unit(store, actor("admin"), f"مرکز آموزش شمارهٔ {n}")
    with store.read() as s:
        assert audit.verify(s).ok
        count = s.scalar(select(func.count()).select_from(AuditEntry))
    assert count and count > 3
    assert cli("audit", "verify", "--db", store.location).returncode == 0
    store.dispose()
    con = cipher.connect(store.location)
    con.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2")
    con.commit()
    con.close()
    out = cli("audit", "verify", "--db", store.location)
    assert out.returncode == 1
    assert "entry 2" in out.stdout and "شکسته" in out.stdout


def test_audit_chain_catches_a_deleted_row(store: Store) -> None:
    for n in "۷۸۹":
        offices.add_unit(store, actor("admin"), f"مرکز آموزش شمارهٔ {n}")
    store.dispose()
    con = cipher.connect(store.location)
    con.execute("DELETE FROM audit_log WHERE seq = 3")
    con.commit()
    con.close()
    reopened = open_store(store.location)
    with reopened.read() as s:
        result = audit.verify(s)
    reopened.dispose()
    assert not result.ok and result.broken_seq == 4


def test_backup_and_restore_round_trip(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "b" / "copy.sqlite"
    assert cli("backup", "--db", store.location, "--out", str(out)).returncode == 0
    offices.add_unit(store, actor("admin"), "واحدی که پس از پشتیبان آمد")
    store.dispose()
    result = cli("restore", "--db", store.location, "--from", str(out))
    assert result.returncode == 0, result.stderr
    restored = open_store(store.location)
    with restored.read() as s:
        names = set(s.scalars(select(Unit.name_fa)))
    restored.dispose()
    assert "واحدی که پس از پشتیبان آمد" not in names
    kept = list(Path(store.location).parent.glob("*.replaced-*.sqlite"))
    assert len(kept) == 1  # the store that was replaced is kept, not lost


@pytest.mark.parametrize("content", [b"", b"garbage" * 50, b"SQLite format 3\x00" + b"\x00" * 200])
def test_restore_refuses_invalid_files_and_keeps_the_store(store: Store, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = Path(store.location).read_bytes()
    store.dispose()
    with pytest.raises(StoreError):
        backup.restore(Path(store.location), bad)
    assert Path(store.location).read_bytes() == before
    out = cli("restore", "--db", store.location, "--from", str(bad))
    assert out.returncode == 2 and "پشتیبان معتبر نیست" in out.stderr


def test_restore_to_a_new_path(store: Store, tmp_path: Path) -> None:
    copy = backup.backup_to(store, tmp_path / "x.sqlite")
    target = tmp_path / "elsewhere" / "new.sqlite"
    assert backup.restore(target, copy) is None
    assert backup.check_store_file(target).office_code == "tehran"


def test_auto_backup_keeps_the_last_n(store: Store) -> None:
    for _ in range(4):
        backup.auto_backup(store, keep=2)
    assert len(backup.list_backups(store)) == 2

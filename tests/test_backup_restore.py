"""Backups that hold everything and restores that refuse what they should (issue 13,
findings 3 and 4; the restore's audit entry of finding 2).

Before: ``backup`` copied only the SQLite file (restored on another PC the evidence was
missing); restore accepted another office's backup silently, and a backup carrying an extra
trigger (one that resets ``failed_count`` switched lock-out off for good).
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from integrity_desktop.db import cipher
from integrity_desktop.db.models import AuditEntry
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import StoreError
from integrity_desktop.services.accounts import users
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import backup, evidence, offices

from .cli_helpers import run_cli
from .conftest import ADMIN_PASSWORD, actor
from .sync_helpers import export, import_, trust


def _digest(location: str) -> str:
    """The synced content (a sign-in writes its audit entry, never content)."""
    from integrity_desktop.sync.digest import store_digest

    opened = open_store(location)
    try:
        return store_digest(opened)
    finally:
        opened.dispose()


def _replaced(location: str) -> list[Path]:
    return list(Path(location).parent.glob("*.replaced-*"))

OFFICER = actor("case_officer")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TRIGGER = ("CREATE TRIGGER keep_unlocked AFTER UPDATE OF failed_count ON users "
           "BEGIN UPDATE users SET failed_count = 0, locked_until = NULL WHERE id = NEW.id; END")


@pytest.fixture
def with_evidence(store: Store, tmp_path: Path) -> tuple[Store, evidence.EvidenceInfo]:
    c = cases.register_case(store, OFFICER, employee_name="مهدی یزدانی", national_code="0084575948",
                            reporter="بازرس", violation_codes=["10"], reported_on="1403/02/10")
    letter = tmp_path / "نامهٔ ابلاغ.pdf"
    letter.write_bytes(PDF + b"% the genuine letter\n")
    info = evidence.attach(store, OFFICER, "case", c.id, letter)
    return store, info


def _rezip(src: Path, dst: Path, change: dict[str, bytes], *, fix_manifest: bool) -> None:
    """Rewrite a backup with some members replaced (and, if asked, the manifest's hashes
    recomputed to match: what anyone who has read this program can do)."""
    with zipfile.ZipFile(src) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members.update(change)
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        for name in change:
            manifest["members"][name] = {"sha256": hashlib.sha256(change[name]).hexdigest(),
                                         "size": len(change[name])}
        members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _store_bytes_with(backup_file: Path, tmp_path: Path, *statements: str) -> bytes:
    with zipfile.ZipFile(backup_file) as zf:
        raw = zf.read("store.sqlite")
        keys = zf.read("store.sqlite.keys") if "store.sqlite.keys" in zf.namelist() else None
    db = tmp_path / "edit.sqlite"
    db.write_bytes(raw)
    if keys is not None:  # an encrypted store: opened with the key this process unlocked
        cipher.keyfile_path(db).write_bytes(keys)
    con = cipher.connect(db)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return db.read_bytes()


def test_a_backup_restored_on_another_machine_has_its_evidence(
    with_evidence: tuple[Store, evidence.EvidenceInfo], tmp_path: Path
) -> None:
    store, info = with_evidence
    store.dispose()
    out = tmp_path / "usb" / "tehran.backup"
    done = run_cli("backup", "--db", store.location, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert zipfile.is_zipfile(out)
    with zipfile.ZipFile(out) as zf:
        assert f"files/evidence/{info.sha256[:2]}/{info.sha256}" in zf.namelist()
    # The office PC is gone: its store and its files folder with it.
    original = Path(store.location)
    shutil.rmtree(original.parent)
    other = tmp_path / "another-pc" / "data" / "store.sqlite"
    done = run_cli("restore", "--db", str(other), "--from", str(out))
    assert done.returncode == 0, done.stderr
    restored = open_store(str(other))
    try:
        again = evidence.get(restored, info.id)
        path = evidence.path_of(restored, again)  # checked against its SHA-256 on opening
        assert path.read_bytes() == PDF + b"% the genuine letter\n"
        # Its stored copy is on the other PC (encrypted; ``path`` is the plain copy opened).
        assert evidence.blob_path(restored, again.sha256).is_file()
        assert str(evidence.blob_path(restored, again.sha256)).startswith(str(other.parent))
        assert audit.verify_store(restored).ok
    finally:
        restored.dispose()


@pytest.mark.parametrize("member", ["store", "evidence"])
def test_a_backup_changed_after_it_was_written_is_refused(
    with_evidence: tuple[Store, evidence.EvidenceInfo], tmp_path: Path, member: str
) -> None:
    store, info = with_evidence
    good = backup.backup_to(store, tmp_path / "good.backup")
    store.dispose()
    name = ("store.sqlite" if member == "store"
            else f"files/evidence/{info.sha256[:2]}/{info.sha256}")
    with zipfile.ZipFile(good) as zf:
        data = bytearray(zf.read(name))
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "bad.backup"
    _rezip(good, bad, {name: bytes(data)}, fix_manifest=False)
    before = _digest(store.location)
    out = run_cli("restore", "--db", store.location, "--from", str(bad))
    assert out.returncode == 2 and "پشتیبان معتبر نیست" in out.stderr
    assert _digest(store.location) == before and _replaced(store.location) == []
    assert not list(Path(store.location).parent.glob(".*restoring*"))


def test_another_offices_backup_needs_an_explicit_option_and_is_audited(
    store: Store, hq_store: Store, tmp_path: Path
) -> None:
    theirs = backup.backup_to(hq_store, tmp_path / "hq.backup")
    offices.add_unit(store, actor("admin"), "واحدی که می‌ماند")
    store.dispose()
    before = _digest(store.location)
    refused = run_cli("restore", "--db", store.location, "--from", str(theirs))
    assert refused.returncode == 2 and "ادارهٔ دیگری" in refused.stderr
    assert _digest(store.location) == before and _replaced(store.location) == []
    # HQ's administrator password is the same in the test stores; the person signs in on the
    # store being replaced (Tehran's), whose administrator decides.
    allowed = run_cli("restore", "--db", store.location, "--from", str(theirs),
                      "--allow-other-office")
    assert allowed.returncode == 0, allowed.stderr
    restored = open_store(store.location)
    try:
        assert restored.office_code == "hq"
        with restored.read() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "backup.restore")).one()
        after = json.loads(entry.after)
        assert after["other_office"] is True and after["replaced"]["office_code"] == "tehran"
        assert entry.actor == "admin@tehran"
    finally:
        restored.dispose()


@pytest.mark.parametrize("form", ["backup", "single-file"])
def test_a_backup_carrying_an_extra_trigger_is_refused(store: Store, tmp_path: Path, form: str) -> None:
    good = backup.backup_to(store, tmp_path / "good.backup")
    hostile = tmp_path / f"hostile.{form}"
    data = _store_bytes_with(good, tmp_path, TRIGGER)
    if form == "backup":
        _rezip(good, hostile, {"store.sqlite": data}, fix_manifest=True)  # hashes all agree
    else:
        hostile.write_bytes(data)
        cipher.keyfile_path(hostile).write_bytes(cipher.keyfile_path(store.path).read_bytes())
    store.dispose()
    before = Path(store.location).read_bytes()
    with pytest.raises(StoreError) as err:
        backup.restore(Path(store.location), hostile)
    assert err.value.code == "restore_schema" and "keep_unlocked" in err.value.en
    assert "تریگر" in err.value.fa
    assert Path(store.location).read_bytes() == before
    out = run_cli("restore", "--db", store.location, "--from", str(hostile))
    assert out.returncode == 2 and "keep_unlocked" in out.stderr


@pytest.mark.parametrize("statement", [
    "CREATE VIEW everyone AS SELECT * FROM users",
    "CREATE INDEX ix_extra ON cases (employee_name)",
    "ALTER TABLE users ADD COLUMN note TEXT",
    "DROP INDEX ix_audit_log_action",
])
def test_any_schema_difference_is_refused(store: Store, tmp_path: Path, statement: str) -> None:
    good = backup.backup_to(store, tmp_path / "good.backup")
    hostile = tmp_path / "hostile.backup"
    _rezip(good, hostile, {"store.sqlite": _store_bytes_with(good, tmp_path, statement)},
           fix_manifest=True)
    store.dispose()
    with pytest.raises(StoreError) as err:
        backup.restore(Path(store.location), hostile)
    assert err.value.code == "restore_schema"


def test_a_single_file_backup_of_the_previous_program_still_restores(
    with_evidence: tuple[Store, evidence.EvidenceInfo], tmp_path: Path
) -> None:
    store, _info = with_evidence
    old = tmp_path / "old-style.sqlite"
    backup.copy_sqlite(Path(store.location), old)  # what `backup` wrote before this format
    offices.add_unit(store, actor("admin"), "واحدی پس از پشتیبان")
    store.dispose()
    result = backup.restore_backup(Path(store.location), old)
    assert result.kept is not None and result.notes == []  # its evidence is still on this PC
    fresh = tmp_path / "fresh" / "store.sqlite"
    moved = backup.restore_backup(fresh, old)
    assert moved.kept is None and moved.notes and "evidence" in moved.notes[0]


def test_a_restore_survives_in_the_restored_store_and_reaches_hq(
    store: Store, hq_store: Store, tmp_path: Path
) -> None:
    trust(hq_store, store)
    offices.add_unit(store, actor("admin"), "واحد نخست")
    old = backup.backup_to(store, tmp_path / "old.backup")
    for n in range(3):
        offices.add_unit(store, actor("admin"), f"واحد پس از پشتیبان {n}")
    export(store, tmp_path / "1.zip")
    import_(hq_store, tmp_path / "1.zip")
    location = store.location
    store.dispose()
    done = run_cli("restore", "--db", location, "--from", str(old))
    assert done.returncode == 0, done.stderr
    restored = open_store(location)
    try:
        with restored.read() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "backup.restore")).one()
        after = json.loads(entry.after)
        assert entry.actor == "admin@tehran" and after["replaced"]["length"] > after["backup_head"]["length"]
        assert audit.verify_store(restored).ok
        export(restored, tmp_path / "2.zip")
    finally:
        restored.dispose()
    summary = import_(hq_store, tmp_path / "2.zip")
    codes = {n.code for n in summary.notices}
    assert "audit_restored" in codes
    notice = next(n for n in summary.notices if n.code == "audit_restored")
    assert "پشتیبانی بازگردانده شد" in notice.fa and "admin@tehran" in notice.fa


def test_restore_needs_an_administrator_of_the_store_it_replaces(store: Store, tmp_path: Path) -> None:
    users.create_user(store, actor("admin", username="admin"), "zahra", "زهرا", "viewer",
                      "viewer password 1", must_change=False)
    copy = backup.backup_to(store, tmp_path / "b.backup")
    store.dispose()
    before = _digest(store.location)
    for user, password in (("zahra", "viewer password 1"), ("admin", "wrong password 1")):
        out = run_cli("restore", "--db", store.location, "--from", str(copy), user=user,
                      password=password)
        assert out.returncode == 2
    assert _digest(store.location) == before and _replaced(store.location) == []
    ok = run_cli("restore", "--db", store.location, "--from", str(copy), password=ADMIN_PASSWORD)
    assert ok.returncode == 0, ok.stderr


def test_a_changed_evidence_file_is_left_out_of_a_backup_and_reported(
    with_evidence: tuple[Store, evidence.EvidenceInfo], tmp_path: Path
) -> None:
    store, info = with_evidence
    blob = evidence.blob_path(store, info.sha256)
    blob.write_bytes(PDF + b"% forged after attaching\n")
    result = backup.write_backup(store, tmp_path / "b.backup")
    assert [d.sha256 for d in result.damaged] == [info.sha256] and result.files == 0
    assert "پروندهٔ تخلف" in result.damaged[0].owner_label
    with zipfile.ZipFile(result.path) as zf:
        assert not [n for n in zf.namelist() if n.startswith("files/")]
        assert json.loads(zf.read("manifest.json"))["left_out"][0]["sha256"] == info.sha256
    store.dispose()
    out = run_cli("backup", "--db", store.location, "--out", str(tmp_path / "c.backup"))
    assert out.returncode == 0 and "پس از پیوست شدن روی دیسک تغییر کرده است" in out.stderr


def test_backups_are_readable_by_their_owner_only(store: Store, tmp_path: Path) -> None:
    made = backup.backup_to(store, tmp_path / "b.backup")
    assert made.stat().st_mode & 0o777 == 0o600
    rolling = backup.auto_backup(store)
    assert rolling is not None and rolling.stat().st_mode & 0o777 == 0o600


def test_the_daily_backup_is_one_file_with_the_evidence(
    with_evidence: tuple[Store, evidence.EvidenceInfo],
) -> None:
    store, info = with_evidence
    rolling = backup.auto_backup(store)
    assert rolling is not None and rolling.suffix == ".backup"
    manifest = backup.backup_manifest(rolling)
    assert manifest is not None and manifest["sealed"] is False  # no passphrase: no seal
    assert f"files/evidence/{info.sha256[:2]}/{info.sha256}" in manifest["members"]
    assert backup.list_backups(store) == [rolling]


def test_a_zip_with_members_not_in_its_manifest_is_refused(store: Store, tmp_path: Path) -> None:
    good = backup.backup_to(store, tmp_path / "good.backup")
    bad = tmp_path / "bad.backup"
    buf = io.BytesIO(good.read_bytes())
    with zipfile.ZipFile(buf, "a") as zf:
        zf.writestr("../../outside.txt", b"x")
    bad.write_bytes(buf.getvalue())
    store.dispose()
    with pytest.raises(StoreError):
        backup.restore(Path(store.location), bad)
    assert not (tmp_path.parent / "outside.txt").exists()

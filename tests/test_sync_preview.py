"""Issue 23, one pass: the check («بررسی») merges once inside a transaction kept open while the
person reads the summary; «وارد کن» commits it, cancel rolls it back, an unanswered preview
rolls back by itself (and says so in Persian), and a process killed while a preview is held
leaves the store as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from integrity_desktop.db import cipher
from integrity_desktop.db.models import Evidence, ImportLog
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import keys, records
from integrity_desktop.services.store.blobcrypt import open_plain
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.export import evidence_path
from integrity_desktop.sync.pending import PendingImport, preview_import

from .conftest import PASSPHRASE
from .sync_helpers import add_unit, admin, export, import_, make_checklist, trust

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]
BLOB = "گزارش بازرسی پیش‌نمایش".encode() * 50



# The store is encrypted (issue 18): a second writer opens it through SQLCipher with the key this
# process unlocked, and its errors are SQLCipher's driver's.
_OPERATIONAL = cipher.OPERATIONAL_ERRORS


def _raw_connection(path: object) -> Any:
    con = cipher.connect(str(path), timeout=0.1)
    con.isolation_level = None
    return con

def _imports(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(ImportLog)) or 0


def _preview(store: Store, path: Path, **kw: float) -> PendingImport:
    return preview_import(store, admin(store), path,
                          lambda: [keys.age_identity(store, PASSPHRASE)], **kw)


@pytest.fixture
def bundle(fresh: Fresh, province_template: Path, tmp_path: Path) -> tuple[Store, Path, str]:
    """A province's bundle with units, a checklist and one evidence file."""
    tehran = fresh(province_template, "tehran")
    for i in range(5):
        add_unit(tehran, f"واحد پیش‌نمایش {i}")
    uid = add_unit(tehran, "واحد با مستند")
    cl_id, _ = make_checklist(tehran, uid)
    sha = hashlib.sha256(BLOB).hexdigest()
    path = evidence_path(tehran, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BLOB)
    with tehran.session() as s:
        records.add(s, tehran, admin(tehran), Evidence(
            sha256=sha, filename="report.pdf", size=len(BLOB), owner_type="checklist",
            owner_id=cl_id))
    export(tehran, tmp_path / "tehran-1.zip")
    return tehran, tmp_path / "tehran-1.zip", sha


def _hq(fresh: Fresh, hq_template: Path, tehran: Store, name: str) -> Store:
    hq = fresh(hq_template, name)
    trust(hq, tehran)
    return hq


def test_commit_after_preview_writes_what_the_summary_showed_once(
    fresh: Fresh, hq_template: Path, bundle: tuple[Store, Path, str]
) -> None:
    tehran, path, sha = bundle
    hq, reference = (_hq(fresh, hq_template, tehran, n) for n in ("hq", "hq-cli"))
    before = store_digest(hq)
    pending = _preview(hq, path)
    shown = pending.summary
    assert shown is not None and shown.dry_run and pending.open
    assert shown.outcome == "accepted" and shown.counts["unit"].created >= 6
    # Held, not committed: another connection still reads the store as it was.
    assert store_digest(hq) == before and _imports(hq) == 0
    assert not evidence_path(hq, sha).exists()

    final = pending.commit()
    assert pending.state == "committed" and not final.dry_run
    assert final.counts == shown.counts and final.evidence_files == 1
    with open_plain(hq, evidence_path(hq, sha)) as got:  # HQ keeps it encrypted with its key
        assert got.read() == BLOB
    assert _imports(hq) == 1
    # The same as the command-line import of the same bundle into a twin store.
    cli = import_(reference, path)
    assert cli.counts == final.counts
    assert store_digest(hq) == store_digest(reference) != before
    # A second «وارد کن» (a double click) writes nothing more.
    assert pending.commit() is final
    assert _imports(hq) == 1


def test_cancel_after_preview_leaves_the_store_as_before(
    fresh: Fresh, hq_template: Path, bundle: tuple[Store, Path, str]
) -> None:
    tehran, path, sha = bundle
    hq = _hq(fresh, hq_template, tehran, "hq")
    before = store_digest(hq)
    pending = _preview(hq, path)
    pending.cancel()
    assert pending.state == "cancelled" and not pending.open
    assert store_digest(hq) == before and _imports(hq) == 0
    assert not evidence_path(hq, sha).exists()
    with pytest.raises(UserError) as closed:
        pending.commit()
    assert closed.value.code == "preview_closed"
    assert store_digest(hq) == before
    # The write lock is free again, and the bundle imports normally (not a replay).
    summary = import_(hq, path)
    assert summary.outcome == "accepted" and summary.counts["unit"].created >= 6


def test_an_unanswered_preview_rolls_back_by_itself_and_says_so(
    fresh: Fresh, hq_template: Path, bundle: tuple[Store, Path, str]
) -> None:
    tehran, path, _ = bundle
    hq = _hq(fresh, hq_template, tehran, "hq")
    before = store_digest(hq)
    assert hq.path is not None
    pending = _preview(hq, path, hold_seconds=1.5)
    # While the preview is held, another writer cannot take the lock ...
    other = _raw_connection(hq.path)
    try:
        with pytest.raises(_OPERATIONAL, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        deadline = time.monotonic() + 30
        while pending.open and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pending.state == "expired"
        # ... and once its time is up the lock is released without anyone answering.
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
    with pytest.raises(UserError) as late:
        pending.commit()
    assert late.value.code == "preview_expired"
    assert "برگردانده شد؛ چیزی از آن نوشته نشد" in late.value.fa
    assert "دوباره بررسی کنید" in late.value.fa
    assert store_digest(hq) == before and _imports(hq) == 0


def test_a_refused_bundle_holds_nothing(
    fresh: Fresh, hq_template: Path, bundle: tuple[Store, Path, str], tmp_path: Path
) -> None:
    _, path, _ = bundle
    hq = fresh(hq_template, "hq")  # tehran's key is not trusted here
    with pytest.raises(UserError, match="tehran"):
        _preview(hq, path)
    assert hq.path is not None
    other = _raw_connection(hq.path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_a_process_killed_during_a_held_preview_leaves_the_store_as_before(
    fresh: Fresh, hq_template: Path, bundle: tuple[Store, Path, str]
) -> None:
    tehran, path, _ = bundle
    hq = _hq(fresh, hq_template, tehran, "hq")
    before = store_digest(hq)
    location = hq.location
    hq.dispose()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.kill_import", location, str(path), "held"],
        cwd=Path(__file__).parent.parent, env=dict(os.environ), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("ready"), proc.stderr.read() if proc.stderr else ""
        assert int(line.split()[1]) >= 6  # the merge was done and held when it died
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    again = open_store(location)
    try:
        assert store_digest(again) == before
        assert _imports(again) == 0
        summary = import_(again, path)
        assert summary.outcome == "accepted" and summary.counts["unit"].created >= 6
        assert store_digest(again) != before
    finally:
        again.dispose()

"""The import log: replays, older bundles and gaps are reported; a shortened audit chain is
reported; an import killed part-way leaves the store as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from integrity_desktop.db.models import AuditEntry, ImportLog
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.sync.digest import store_digest

from .sync_helpers import add_unit, export, import_, read_members, signing_key, trust, write_bundle

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


def test_replay_older_and_gap_are_reported(
    fresh: Fresh, province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, hq = fresh(province_template, "t"), fresh(hq_template, "h")
    trust(hq, tehran)
    for i in (1, 2, 3):
        add_unit(tehran, f"واحد {i}")
        export(tehran, tmp_path / f"{i}.zip")
    third = import_(hq, tmp_path / "3.zip")
    assert [n.code for n in third.notices] == ["gap"]
    assert "1, 2" in third.notices[0].en
    first = import_(hq, tmp_path / "1.zip")
    assert [n.code for n in first.notices] == ["older", "gap"]
    # An older bundle still brings what only it carries: unit 1 and the six seeded units.
    assert first.counts["unit"].created == 7
    second = import_(hq, tmp_path / "2.zip")
    assert [n.code for n in second.notices] == ["older"]
    digest = store_digest(hq)
    replay = import_(hq, tmp_path / "3.zip")
    assert replay.outcome == "replay" and store_digest(hq) == digest
    with hq.read() as s:
        outcomes = list(s.scalars(select(ImportLog.outcome).order_by(ImportLog.imported_at)))
    assert outcomes == ["accepted", "accepted", "accepted", "replay"]


def test_shorter_audit_chain_is_reported(
    fresh: Fresh, province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, hq = fresh(province_template, "t"), fresh(hq_template, "h")
    trust(hq, tehran)
    add_unit(tehran, "واحد ۱")
    export(tehran, tmp_path / "1.zip")
    assert import_(hq, tmp_path / "1.zip").notices == []
    add_unit(tehran, "واحد ۲")
    export(tehran, tmp_path / "2.zip")
    # The same bundle, re-signed by the office, claiming a history shorter than before.
    members = read_members(tmp_path / "2.zip")
    path = write_bundle(tmp_path / "2s.zip", members, key=signing_key(tehran),
                        edit_manifest=lambda m: m["audit_head"].update(length=1))
    summary = import_(hq, path)
    assert "audit_shorter" in [n.code for n in summary.notices]
    with tehran.read() as s:
        length = s.scalar(select(func.count()).select_from(AuditEntry))
    head = json.loads(members["manifest.json"])["audit_head"]
    assert head["length"] == length - 1  # the export itself is audited after it is written


def test_killed_import_leaves_the_store_as_before(
    fresh: Fresh, province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, hq = fresh(province_template, "t"), fresh(hq_template, "h")
    trust(hq, tehran)
    for i in range(12):
        add_unit(tehran, f"واحد {i}")
    export(tehran, tmp_path / "b.zip")
    before = store_digest(hq)
    location = hq.location
    hq.dispose()
    proc = subprocess.run(
        [sys.executable, "-m", "tests.kill_import", location, str(tmp_path / "b.zip"), "8"],
        cwd=Path(__file__).parent.parent, env=dict(os.environ), capture_output=True, text=True,
        check=False,
    )
    assert proc.returncode == 9, proc.stderr
    again = open_store(location)
    try:
        assert store_digest(again) == before
        with again.read() as s:
            assert s.scalar(select(func.count()).select_from(ImportLog)) == 0
        summary = import_(again, tmp_path / "b.zip")
        assert summary.counts["unit"].created >= 12
        assert store_digest(again) != before
    finally:
        again.dispose()

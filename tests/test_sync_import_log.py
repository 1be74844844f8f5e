"""The import log's notices at their edges (sync/import_log.py), on a real store: a long gap
is listed in part with its count, the audit head of an office shortened, rewritten or restored
(with malformed restore entries passed over), and a manifest's odd creation time kept out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from integrity_desktop.db.models import ImportLog
from integrity_desktop.db.store import Store
from integrity_desktop.sync import import_log
from integrity_desktop.sync.summary import ImportSummary
from integrity_desktop.sync.verify import VerifiedBundle

from .conftest import actor

SHA = "ab" * 32


def _bundle(seq: int, **manifest: Any) -> VerifiedBundle:
    return VerifiedBundle(Path("b.zip"), f"{seq:064x}", {
        "source_office": "isfahan", "seq": seq, "recipient_office": "hq", **manifest},
        None, False)  # type: ignore[arg-type]  # the key is not read by the log


def _log(store: Store, vb: VerifiedBundle) -> None:
    with store.session() as s:
        import_log.log_import(s, actor("admin", "hq"), vb, ImportSummary(
            vb.sha256, vb.source_office, vb.seq, "accepted", False, False))


def test_a_long_gap_is_listed_in_part_with_its_count(hq_store: Store) -> None:
    _log(hq_store, _bundle(1))
    with hq_store.read() as s:
        (gap,) = import_log.sequence_notices(s, _bundle(100))
    assert gap.code == "gap"
    assert "2, 3," in gap.en and "21 …" in gap.en and "(98)" in gap.en
    _log(hq_store, _bundle(5))
    with hq_store.read() as s:
        assert [n.code for n in import_log.sequence_notices(s, _bundle(3))] == ["older", "gap"]
        # the numbers of bundles meant for another office are counted apart
        (gap,) = import_log.sequence_notices(s, _bundle(3, recipient_office="qom"))
        assert gap.code == "gap" and "Bundles 1, 2 " in gap.en


def test_creation_time_kept_only_when_it_is_a_plain_iso_time(hq_store: Store) -> None:
    _log(hq_store, _bundle(1, created_at="not a time"))
    _log(hq_store, _bundle(2, created_at="2024-10-06T09:05:00+03:30"))
    _log(hq_store, _bundle(3, created_at="2024-10-06T09:05:00Z"))
    with hq_store.read() as s:
        got = dict(s.execute(select(ImportLog.seq, ImportLog.created_at)).all())
    assert got[1] is None and got[2] is None and got[3] is not None and got[3].hour == 9


def _audit(store: Store, vb: VerifiedBundle) -> list[str]:
    with store.session() as s:
        return [n.code for n in import_log.audit_notices(s, vb, write=True)]


def test_audit_head_shortened_rewritten_and_restored(hq_store: Store) -> None:
    assert _audit(hq_store, _bundle(1)) == []  # no audit head in the manifest
    assert _audit(hq_store, _bundle(1, audit_head=["not", "a", "head"])) == []
    assert _audit(hq_store, _bundle(1, audit_head={"hash": "a", "length": 10})) == []
    assert _audit(hq_store, _bundle(2, audit_head={"hash": "b", "length": 9})) == ["audit_shorter"]
    assert _audit(hq_store, _bundle(3, audit_head={"hash": "c", "length": 9})) == ["audit_rewritten"]
    restores = ["junk", {"replaced_head": "junk"},
                {"at": "1403/07/15", "actor": "admin", "replaced_head": {"length": 9},
                 "backup_head": {"length": 4}, "other_office": True}]
    assert _audit(hq_store, _bundle(4, audit_head={"hash": "d", "length": 12, "restores": restores})
                  ) == ["audit_restored"]
    # said once: the next bundle with the same restores says nothing new
    assert _audit(hq_store, _bundle(5, audit_head={"hash": "e", "length": 13, "restores": restores})) == []

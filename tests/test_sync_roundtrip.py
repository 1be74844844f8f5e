"""Sync bundles between a province and HQ: round trip, re-import, dry run, tombstones,
office rules, approval locks, concurrent edits and their resolution, CLI and stock tools."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from integrity_desktop.db.models import Checklist, ChecklistEntry, Conflict, Evidence, ImportLog, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import keys, records
from integrity_desktop.services.store.blobcrypt import open_plain
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.conflicts import count_conflicts, list_conflicts, resolve_conflict
from integrity_desktop.sync.decision import DERIVED_FIELDS
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.export import evidence_path

from .cli_helpers import cli_env
from .conftest import PASSPHRASE
from .sync_helpers import (
    add_unit,
    admin,
    export,
    import_,
    jsonl,
    lines,
    make_checklist,
    read_members,
    rename_unit,
    signing_key,
    trust,
    unit_name,
    write_bundle,
)

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


@pytest.fixture
def pair(fresh: Fresh, province_template: Path, hq_template: Path) -> tuple[Store, Store]:
    tehran, hq = fresh(province_template, "tehran"), fresh(hq_template, "hq")
    trust(hq, tehran)
    trust(tehran, hq)
    return tehran, hq


def test_round_trip_carries_records_and_evidence(pair: tuple[Store, Store], tmp_path: Path) -> None:
    tehran, hq = pair
    uid = add_unit(tehran, "مرکز آموزش فنی و حرفه‌ای شمارهٔ ۹")
    cl_id, _ = make_checklist(tehran, uid)
    blob = "گزارش بازرسی".encode() * 100
    sha = hashlib.sha256(blob).hexdigest()
    path = evidence_path(tehran, sha)
    path.parent.mkdir(parents=True)
    path.write_bytes(blob)
    with tehran.session() as s:
        records.add(s, tehran, admin(tehran), Evidence(
            sha256=sha, filename="report.pdf", size=len(blob), owner_type="checklist",
            owner_id=cl_id))
    result = export(tehran, tmp_path / "t1.zip")
    assert result.seq == 1 and result.record_counts["checklist_entry"] == 2
    names = zipfile.ZipFile(tmp_path / "t1.zip").namelist()
    assert f"evidence/{sha}" in names and "records/checklist.jsonl" in names

    summary = import_(hq, tmp_path / "t1.zip")
    assert summary.outcome == "accepted" and not summary.rejections
    assert summary.counts["checklist"].created == 1
    assert summary.counts["evidence"].created == 1
    with open_plain(hq, evidence_path(hq, sha)) as got:  # HQ keeps it encrypted with its key
        assert got.read() == blob
    assert evidence_path(hq, sha).read_bytes() != blob
    assert unit_name(hq, uid) == "مرکز آموزش فنی و حرفه‌ای شمارهٔ ۹"
    # Every record travelled with every column unchanged, but the derived ones, which the
    # importer computes from the records it holds (this checklist's raw rows carry no
    # completion; HQ's is computed from its answers).
    for name, data in read_members(tmp_path / "t1.zip").items():
        if not name.startswith("records/"):
            continue
        record_type = name[len("records/"):-len(".jsonl")]
        table = bf.table_of(record_type)
        derived = DERIVED_FIELDS.get(record_type, frozenset())
        with hq.read() as s:
            for line in lines(data):
                line.pop("_history")
                row = s.execute(select(table).where(table.c.id == line["id"])).mappings().one()
                got = bf.row_to_json(table, row)
                assert {k: v for k, v in got.items() if k not in derived} == {
                    k: v for k, v in line.items() if k not in derived}
    assert sr_completion(hq, cl_id) == 50.0  # two answers «partial»: half each


def sr_completion(store: Store, checklist_id: str) -> float | None:
    with store.read() as s:
        checklist = s.get(Checklist, checklist_id)
        return None if checklist is None else checklist.completion


def test_reimport_changes_nothing_and_says_so(pair: tuple[Store, Store], tmp_path: Path) -> None:
    tehran, hq = pair
    add_unit(tehran, "واحد الف")
    export(tehran, tmp_path / "b.zip")
    import_(hq, tmp_path / "b.zip")
    before = store_digest(hq)
    again = import_(hq, tmp_path / "b.zip")
    assert again.outcome == "replay" and again.changed == 0
    assert [n.code for n in again.notices] == ["replay"]
    assert store_digest(hq) == before


def test_dry_run_writes_nothing(pair: tuple[Store, Store], tmp_path: Path) -> None:
    tehran, hq = pair
    add_unit(tehran, "واحد ب")
    export(tehran, tmp_path / "b.zip")
    before = store_digest(hq)
    summary = import_(hq, tmp_path / "b.zip", dry_run=True)
    assert summary.dry_run and summary.counts["unit"].created >= 1
    assert store_digest(hq) == before
    with hq.read() as s:
        assert s.scalar(select(func.count()).select_from(ImportLog)) == 0


def test_tombstone_is_not_resurrected_by_an_old_bundle(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = pair
    uid = add_unit(tehran, "واحد پ")
    export(tehran, tmp_path / "1.zip")
    with tehran.session() as s:
        records.soft_delete(s, tehran, admin(tehran), s.get(Unit, uid))
    export(tehran, tmp_path / "2.zip")
    import_(hq, tmp_path / "2.zip")
    import_(hq, tmp_path / "1.zip")
    with hq.read() as s:
        assert s.get(Unit, uid).deleted is True
        assert s.scalar(select(func.count()).select_from(Conflict)) == 0


def test_province_bundle_with_another_offices_records_is_rejected_in_part(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = pair
    uid = add_unit(tehran, "واحد ت")
    export(tehran, tmp_path / "b.zip")
    members = read_members(tmp_path / "b.zip")
    units = lines(members["records/unit.jsonl"])
    forged = dict(units[0], id=records.stable_id("forged"), office_code="isfahan",
                  name_fa="واحد جعلی")
    members["records/unit.jsonl"] = jsonl([*units, forged])
    write_bundle(tmp_path / "forged.zip", members, key=signing_key(tehran))
    summary = import_(hq, tmp_path / "forged.zip")
    assert summary.outcome == "accepted"
    assert [(r.record_id, r.reason) for r in summary.rejections] == [(forged["id"], "foreign_office")]
    assert unit_name(hq, uid) == "واحد ت"
    assert unit_name(hq, forged["id"]) is None


def test_signed_records_with_values_of_the_wrong_type_are_rejected_not_a_crash(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    """A trusted key is no proof of well-formed records: a Boolean given "" once reached the
    SQLite driver and ended the import with a TypeError (a fuzz find)."""
    tehran, hq = pair
    uid = add_unit(tehran, "واحد درست")
    export(tehran, tmp_path / "b.zip")
    members = read_members(tmp_path / "b.zip")
    units = lines(members["records/unit.jsonl"])
    bad = [
        {**units[0], "id": records.stable_id("bad", str(i)), "name_fa": f"واحد بد {i}", **change}
        for i, change in enumerate([{"active": ""}, {"deleted": 0}, {"active": "true"},
                                    {"name_fa": {"x": 1}}, {"kind": 7}, {"hlc": ["x"]}])
    ]
    members["records/unit.jsonl"] = jsonl([*units, *bad])
    write_bundle(tmp_path / "typed.zip", members, key=signing_key(tehran))
    summary = import_(hq, tmp_path / "typed.zip")
    assert summary.outcome == "accepted"
    assert sorted(r.record_id for r in summary.rejections) == sorted(b["id"] for b in bad)
    assert {r.reason for r in summary.rejections} == {"invalid_record"}
    assert unit_name(hq, uid) == "واحد درست"
    assert all(unit_name(hq, b["id"]) is None for b in bad)


def test_hq_bundle_carries_only_what_the_province_may_see(
    fresh: Fresh, province_template: Path, hq_template: Path, isfahan_template: Path,
    tmp_path: Path,
) -> None:
    tehran, isfahan, hq = (fresh(province_template, "t"), fresh(isfahan_template, "i"),
                           fresh(hq_template, "h"))
    for p in (tehran, isfahan):
        trust(hq, p)
    add_unit(tehran, "واحد تهران")
    add_unit(isfahan, "واحد اصفهان")
    export(tehran, tmp_path / "t.zip")
    export(isfahan, tmp_path / "i.zip")
    import_(hq, tmp_path / "t.zip")
    import_(hq, tmp_path / "i.zip")
    with pytest.raises(UserError) as err:
        export(hq, tmp_path / "x.zip")
    assert err.value.code == "recipient_needed"
    export(hq, tmp_path / "for-tehran.zip", full=True, for_office="tehran")
    offices = {r["office_code"] for name, data in read_members(tmp_path / "for-tehran.zip").items()
               if name.startswith("records/") for r in lines(data)}
    assert offices == {"hq", "tehran"}
    # A province refuses HQ's bundle meant for another province.
    trust(isfahan, hq)
    with pytest.raises(UserError) as err:
        import_(isfahan, tmp_path / "for-tehran.zip")
    assert err.value.code == "wrong_recipient"


def test_concurrent_edit_is_a_conflict_kept_once_and_resolvable(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = pair
    uid = add_unit(tehran, "نام اول")
    export(tehran, tmp_path / "1.zip")
    import_(hq, tmp_path / "1.zip")
    rename_unit(hq, uid, "نام ستاد")  # HQ's decision
    rename_unit(tehran, uid, "نام استان")  # the province, not knowing it
    export(tehran, tmp_path / "2.zip")
    summary = import_(hq, tmp_path / "2.zip")
    assert summary.counts["unit"].conflicts == 1
    assert summary.counts["unit"].updated == 0  # one record, counted once: as the conflict
    winner = unit_name(hq, uid)
    assert winner == "نام استان"  # the later stamp wins everywhere
    export(hq, tmp_path / "h.zip", for_office="tehran")
    import_(tehran, tmp_path / "h.zip")
    assert unit_name(tehran, uid) == winner
    # The loser is listed once, even when the bundle comes again in another form.
    write_bundle(tmp_path / "2b.zip", read_members(tmp_path / "2.zip"))
    import_(hq, tmp_path / "2b.zip")
    actor = admin(hq)
    assert count_conflicts(hq, actor) == 1
    [c] = list_conflicts(hq, actor)
    assert c.loser["name_fa"] == "نام ستاد" and c.differing_fields == ["name_fa"]
    resolve_conflict(hq, actor, c.id, "loser")
    assert unit_name(hq, uid) == "نام ستاد"
    assert count_conflicts(hq, actor) == 0
    with pytest.raises(UserError):
        resolve_conflict(hq, actor, c.id, "winner")


def test_change_after_hq_approval_becomes_a_conflict(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = pair
    uid = add_unit(tehran, "مرکز ۱")
    cl_id, entries = make_checklist(tehran, uid)
    export(tehran, tmp_path / "1.zip")
    import_(hq, tmp_path / "1.zip")
    with hq.session() as s:
        records.update(s, hq, admin(hq), s.get(Checklist, cl_id), status="approved",
                       approved_by="reviewer@hq", approved_hlc=hq.clock.now())
    with tehran.session() as s:
        records.update(s, tehran, admin(tehran), s.get(ChecklistEntry, entries[0]),
                       status="done", note="پس از تأیید")
        records.update(s, tehran, admin(tehran), s.get(Checklist, cl_id), status="submitted")
    export(tehran, tmp_path / "2.zip")
    summary = import_(hq, tmp_path / "2.zip")
    assert summary.counts["checklist_entry"].conflicts == 1
    assert summary.counts["checklist"].conflicts == 1
    with hq.read() as s:
        assert s.get(ChecklistEntry, entries[0]).status == "partial"
        assert s.get(Checklist, cl_id).status == "approved"
        reasons = set(s.scalars(select(Conflict.reason)))
    assert reasons == {"approved_locked"}
    # The approval reaches the province and wins there too, whatever its later edits.
    export(hq, tmp_path / "h.zip", for_office="tehran")
    import_(tehran, tmp_path / "h.zip")
    with tehran.read() as s:
        assert s.get(Checklist, cl_id).status == "approved"


def test_cli_round_trip_with_stock_minisign_and_age(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = pair
    add_unit(tehran, "واحد خط فرمان")
    env = cli_env(INTEGRITY_PASSPHRASE=PASSPHRASE)
    cli = [sys.executable, "-m", "integrity_desktop"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cli, *args], env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, check=False)

    pub = tmp_path / "tehran.pub"
    pub.write_text(run("key", "--db", tehran.location, "--public").stdout)
    recipient = run("key", "--db", hq.location, "--age-recipient").stdout.strip()
    assert recipient.startswith("age1")
    out = run("export-bundle", "--db", tehran.location, "--out", str(tmp_path / "b.age"),
              "--encrypt-to", recipient)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\t")[0] == "bundle"
    # age -d with an identity file: write HQ's identity out as age-keygen would.
    identity = tmp_path / "hq-identity.txt"
    identity.write_text(f"# test\n{keys.age_identity(hq, PASSPHRASE)}\n")
    subprocess.run(["age", "-d", "-i", str(identity), "-o", str(tmp_path / "b.zip"),
                    str(tmp_path / "b.age")], check=True)
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        zf.extract("manifest.json", tmp_path)
        zf.extract("manifest.json.minisig", tmp_path)
    verified = subprocess.run(["minisign", "-Vm", str(tmp_path / "manifest.json"), "-p",
                               str(pub)], capture_output=True, text=True, check=False)
    assert verified.returncode == 0, verified.stderr
    assert "office:tehran seq:1" in verified.stdout
    dry = run("import-bundle", "--db", hq.location, str(tmp_path / "b.age"), "--dry-run",
              "--identity", str(identity))
    assert dry.returncode == 0, dry.stderr
    rows = [line.split("\t") for line in dry.stdout.splitlines()]
    assert rows[0][0] == "bundle" and rows[0][4:] == ["accepted", "dry-run"]
    assert rows[1] == ["type", "created", "updated", "unchanged", "conflicts", "rejected"]
    done = run("import-bundle", "--db", hq.location, str(tmp_path / "b.age"), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["unit"]["created"] >= 1
    digest = run("digest", "--db", hq.location).stdout.strip()
    assert len(digest) == 64 and digest == store_digest(hq)
    tampered = tmp_path / "t.zip"
    data = bytearray((tmp_path / "b.zip").read_bytes())
    tampered.write_bytes(bytes(data[:20]))
    refused = run("import-bundle", "--db", hq.location, str(tampered), "--json")
    assert refused.returncode == 2
    assert json.loads(refused.stdout)["code"] == "not_a_bundle"
    assert "بسته پذیرفته نشد" in refused.stderr
    listing = run("trust", "list", "--db", hq.location).stdout.splitlines()
    assert listing[0].split("\t")[:3] == ["tehran", keys.key_id(keys.public_key_base64(tehran)),
                                         "active"]
    conflicts = run("conflicts", "--db", hq.location, "--json")
    assert json.loads(conflicts.stdout) == []


def test_derived_fields_make_no_conflict(pair: tuple[Store, Store], tmp_path: Path) -> None:
    """Issue 16 item 1: both offices answer the same checklist; the one real conflict (an
    answer) is listed, and the checklist itself, whose versions differ only in the cached
    completion and search text, makes none."""
    from integrity_desktop.services.checklists.filled import refresh_checklist, save_entry

    tehran, hq = pair
    uid = add_unit(tehran, "مرکز ۲")
    cl_id, entries = make_checklist(tehran, uid)
    export(tehran, tmp_path / "1.zip")
    import_(hq, tmp_path / "1.zip")
    # HQ's own version of an answer, as a store kept before HQ was refused editing a
    # province's answers (issue 16 item 2) would hold it: written below the service's rule.
    with hq.session() as s:
        records.update(s, hq, admin(hq), s.get(ChecklistEntry, entries[0]), status="done", note="ستاد")
        refresh_checklist(s, hq, admin(hq), s.get(Checklist, cl_id))
    save_entry(tehran, admin(tehran), entries[0], status="not_done", note="استان")
    save_entry(tehran, admin(tehran), entries[1], status="done")
    with hq.read() as s1, tehran.read() as s2:
        ours, theirs = s1.get(Checklist, cl_id), s2.get(Checklist, cl_id)
        assert ours.completion != theirs.completion  # the derived fields really differ
    export(tehran, tmp_path / "2.zip")
    summary = import_(hq, tmp_path / "2.zip")
    assert summary.counts["checklist_entry"].conflicts == 1
    assert summary.counts["checklist"].conflicts == 0
    with hq.read() as s:
        assert [(c.record_type, c.record_id) for c in s.scalars(select(Conflict))] == [
            ("checklist_entry", entries[0])]
    # The list says where: office, unit, indicator code and title, period; names, not ids.
    [view] = list_conflicts(hq, admin(hq))
    assert "واحد مرکز ۲" in view.place_fa and "شاخص ۱/۱ " in view.place_fa
    assert "تهران" in view.place_fa and "۱۴۰۳" in view.place_fa
    assert view.differing_fields == ["note", "status"], view.place_fa
    # HQ's own version sent back makes none at the province either.
    export(hq, tmp_path / "h.zip", for_office="tehran")
    back = import_(tehran, tmp_path / "h.zip")
    assert back.counts["checklist"].conflicts == 0 if "checklist" in back.counts else True

"""A province whose key HQ trusts, attacking: every bundle here is signed with the sending
province's own key, so the verifier accepts it and the merge's own rules must hold.

Paths (finding 1), ownership (2), HQ-only fields and types (3), the approval round trip (5),
the recipient (7) and the clock (8)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from integrity_desktop.clock import format_stamp, parse_stamp
from integrity_desktop.db.models import Checklist, ChecklistEntry, Conflict, Evidence
from integrity_desktop.db.store import Store
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.verify import BundleRefused

from . import sync_records as sr
from .conftest import actor
from .sync_helpers import admin, export, import_, read_members, signing_key, trust, write_bundle

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


@pytest.fixture
def offices(fresh: Fresh, province_template: Path, isfahan_template: Path,
            hq_template: Path) -> tuple[Store, Store, Store]:
    """tehran and isfahan (the attacker), and HQ trusting both and trusted by both."""
    tehran, isfahan, hq = (fresh(province_template, "tehran"), fresh(isfahan_template, "isfahan"),
                           fresh(hq_template, "hq"))
    for p in (tehran, isfahan):
        trust(hq, p)
        trust(p, hq)
    return tehran, isfahan, hq


def reasons(summary: Any) -> list[tuple[str, str, str]]:
    return sorted((r.record_type, r.record_id, r.reason) for r in summary.rejections)


# ------------------------------------------------------------------------- 1. paths


@pytest.mark.parametrize("bad", ["ABS", "../s/k.txt", "../../../../../../etc/hostname",
                                 "A" * 64, "0" * 63, "0" * 64 + "/"])
def test_evidence_sha256_that_is_a_path_is_rejected_and_never_read(
    offices: tuple[Store, Store, Store], tmp_path: Path, bad: str,
) -> None:
    """Finding 1: an evidence record whose sha256 names a file on HQ's disk; HQ's next bundle
    for that province must not carry the file's bytes."""
    tehran, _, hq = offices
    secret = tmp_path / "hq-secret.txt"
    secret.write_bytes(b"HQ-ONLY-SECRET-BYTES")
    sha = str(secret) if bad == "ABS" else bad
    uid = sr.unit(tehran)
    cl_id, _ = sr.checklist(tehran, uid)
    good = export(tehran, tmp_path / "t1.zip").path

    def edit(rows: sr.Rows) -> None:
        rows["evidence"] = [{
            "id": "6b0c0a52-6a36-4f0c-9a38-54c0c5b1d7a1", "office_code": "tehran",
            "hlc": tehran.clock.now(), "updated_by": "x@tehran",
            "updated_at": "2024-07-01T00:00:00.000000", "deleted": False, "sha256": sha,
            "filename": "k.txt", "mime": "text/plain", "size": 20, "owner_type": "checklist",
            "owner_id": cl_id, "note": "", "_history": {}}]

    summary = import_(hq, sr.forge(good, tehran, tmp_path / "f.zip", edit))
    assert ("evidence", "6b0c0a52-6a36-4f0c-9a38-54c0c5b1d7a1", "invalid_record") in reasons(summary)
    with hq.read() as s:
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0
    out = export(hq, tmp_path / "h.zip", full=True, for_office="tehran").path
    assert not any(b"HQ-ONLY-SECRET-BYTES" in data for data in read_members(out).values())


def test_export_never_reads_outside_the_evidence_store(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Finding 1, at export: a store that already holds a bad sha256 (imported by an older
    version of the program) never puts the file it names into a bundle."""
    tehran, _, hq = offices
    secret = tmp_path / "hq-secret.txt"
    secret.write_bytes(b"HQ-ONLY-SECRET-BYTES")
    uid = sr.unit(tehran)
    cl_id, _ = sr.checklist(tehran, uid)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    table = bf.table_of("evidence")
    with hq.session() as s:
        for i, sha in enumerate([str(secret), "../../hq-secret.txt"]):
            s.execute(insert(table).values(
                id=f"6b0c0a52-6a36-4f0c-9a38-54c0c5b1d7a{i}", office_code="tehran",
                hlc=hq.clock.now(), updated_by="old", updated_at=sr.dt.datetime(2024, 7, 1),
                deleted=False, sha256=sha, filename="k.txt", mime="text/plain", size=20,
                owner_type="checklist", owner_id=cl_id, note=""))
    out = export(hq, tmp_path / "h.zip", full=True, for_office="tehran").path
    members = read_members(out)
    assert not any(b"HQ-ONLY-SECRET-BYTES" in data for data in members.values())
    assert all(bf.is_known_member(name) for name in members)


# --------------------------------------------------------------------- 2. ownership


def test_a_province_cannot_take_over_another_provinces_record(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Finding 2: isfahan sends tehran's case (same id) as its own, with a newer stamp."""
    tehran, isfahan, hq = offices
    case_id = sr.case(tehran)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    before = sr.row(hq, "case", case_id)
    sr.unit(isfahan)
    good = export(isfahan, tmp_path / "i1.zip").path
    stolen = {**sr.version_of(tehran, "case", case_id, employee_name="نام دیگر"),
              "office_code": "isfahan", "hlc": isfahan.clock.now()}
    summary = import_(hq, sr.forge(good, isfahan, tmp_path / "f.zip",
                                   lambda rows: rows.setdefault("case", []).append(stolen)))
    assert ("case", case_id, "owner_changed") in reasons(summary)
    assert sr.row(hq, "case", case_id) == before
    assert summary.counts["unit"].created >= 1  # the rest of the bundle merged


def test_children_of_another_provinces_records_are_rejected(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Finding 2 for child records: an event of tehran's case, an entry of tehran's checklist,
    a finding of tehran's visit and evidence on tehran's case, each sent by isfahan as its own
    (its office, its stamp)."""
    tehran, isfahan, hq = offices
    uid = sr.unit(tehran)
    case_id = sr.case(tehran)
    _, entries = sr.checklist(tehran, uid)
    visit_id = sr.visit(tehran, uid)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    other_unit = sr.unit(isfahan)
    own_case = sr.case(isfahan)
    sr.case_event(isfahan, own_case)
    sr.finding(isfahan, sr.visit(isfahan, other_unit))
    good = export(isfahan, tmp_path / "i1.zip").path
    before = store_digest(hq)
    planted: list[str] = []

    def edit(rows: sr.Rows) -> None:
        event = dict(rows["case_event"][0], id="0d7f4c8e-0000-4000-8000-000000000001",
                     case_id=case_id)
        found = dict(rows["finding"][0], id="0d7f4c8e-0000-4000-8000-000000000002",
                     visit_id=visit_id)
        entry = {**sr.row(tehran, "checklist_entry", entries[0]),  # type: ignore[dict-item]
                 "id": "0d7f4c8e-0000-4000-8000-000000000003", "office_code": "isfahan",
                 "hlc": isfahan.clock.now(), "_history": {}}
        rows["case_event"].append(event)
        rows["finding"].append(found)
        rows["checklist_entry"] = [entry]
        planted.extend(r["id"] for r in (event, found, entry))

    summary = import_(hq, sr.forge(good, isfahan, tmp_path / "f.zip", edit))
    got = {rid: reason for _, rid, reason in reasons(summary)}
    assert {rid: got.get(rid) for rid in planted} == dict.fromkeys(planted, "foreign_parent")
    assert len(planted) == 3
    assert store_digest(hq) != before  # isfahan's own records merged
    for rid in planted:
        assert sr.row(hq, "case_event", rid) is None
        assert sr.row(hq, "finding", rid) is None
        assert sr.row(hq, "checklist_entry", rid) is None


def test_hq_does_not_move_a_record_to_another_office_either(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """The owner never changes through a bundle, whoever sends it: HQ's bundle making one of
    tehran's units HQ's own is refused for that record at tehran."""
    tehran, _, hq = offices
    uid = sr.unit(tehran)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    import_(tehran, export(hq, tmp_path / "h1.zip", for_office="tehran").path)
    good = export(hq, tmp_path / "h2.zip", full=True, for_office="tehran").path
    moved = {**sr.version_of(hq, "unit", uid), "office_code": "hq"}
    summary = import_(tehran, sr.forge(good, hq, tmp_path / "f.zip",
                                       lambda rows: rows["unit"].append(moved)))
    assert ("unit", uid, "owner_changed") in reasons(summary)
    assert sr.row(tehran, "unit", uid)["office_code"] == "tehran"  # type: ignore[index]


# --------------------------------------------------------------- 3. HQ-only fields


def test_a_province_cannot_approve_its_own_checklist(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Finding 3: status approved, approved_by, approved_hlc in the province's own bundle are
    rejected field by field; the rest of the record (here its period) is merged."""
    tehran, _, hq = offices
    uid = sr.unit(tehran)
    cl_id, _ = sr.checklist(tehran, uid)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    good = export(tehran, tmp_path / "t2.zip", full=True).path
    stamp = tehran.clock.now()
    forged = {**sr.version_of(tehran, "checklist", cl_id, status="approved",
                              approved_by="boss@hq", approved_hlc=stamp, period_code="1403-Q3")}

    def edit(rows: sr.Rows) -> None:
        rows["checklist"] = [forged]

    summary = import_(hq, sr.forge(good, tehran, tmp_path / "f.zip", edit))
    fields = [r for r in summary.rejections if r.reason == "hq_only_field"]
    assert [(r.record_type, r.record_id) for r in fields] == [("checklist", cl_id)]
    assert set(fields[0].detail.split(", ")) == {"status", "approved_by", "approved_hlc"}
    got = sr.row(hq, "checklist", cl_id)
    assert got is not None
    assert (got["status"], got["approved_by"], got["approved_hlc"]) == ("submitted", None, None)
    assert got["period_code"] == "1403-Q3" and got["hlc"] == forged["hlc"]
    # HQ's console and reports read it as not approved.
    with hq.read() as s:
        assert s.scalar(select(func.count()).select_from(Checklist).where(
            Checklist.status == "approved")) == 0


def test_a_province_cannot_send_hq_only_record_types(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Templates, their sections and items, lookups and offices are HQ's: a province's bundle
    carrying one under its own office code is rejected per record."""
    tehran, _, hq = offices
    sr.unit(tehran)
    good = export(tehran, tmp_path / "t1.zip", full=True).path
    hq_rows = sr.bundle_rows(export(hq, tmp_path / "ref.zip", full=True, for_office="tehran").path)
    planted = []

    def edit(rows: sr.Rows) -> None:
        for record_type in ("lookup", "template", "template_section", "template_item", "office"):
            source = hq_rows[record_type][0]
            line = {**source, "id": f"0d7f4c8e-0000-4000-8000-00000000001{len(planted)}",
                    "office_code": "tehran", "hlc": tehran.clock.now(), "_history": {}}
            if record_type == "lookup":
                line["code"] = "99"
            if record_type in ("template",):
                line["code"] = "forged"
            if record_type == "office":
                line["code"] = "forged"
            rows[record_type] = [line]
            planted.append((record_type, line["id"]))

    before = store_digest(hq)
    summary = import_(hq, sr.forge(good, tehran, tmp_path / "f.zip", edit))
    assert sorted((t, i, "hq_only") for t, i in planted) == [
        r for r in reasons(summary) if r[2] == "hq_only"]
    import_(hq, good)
    assert store_digest(hq) != before
    for record_type, rid in planted:
        assert sr.row(hq, record_type, rid) is None


# ----------------------------------------------------------- 5. approval round trip


def _approval_story(tehran: Store, hq: Store, tmp_path: Path, *, first_export_late: bool) -> tuple[
        str, list[str]]:
    uid = sr.unit(tehran)
    cl_id, entries = sr.checklist(tehran, uid)
    checklists.submit(tehran, admin(tehran), cl_id)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    if not first_export_late:
        # HQ has sent tehran a bundle before, so its next one carries only what changed.
        import_(tehran, export(hq, tmp_path / "h0.zip", for_office="tehran").path)
    checklists.approve(hq, actor("reviewer", "hq"), cl_id)
    # tehran, not knowing yet, changes an answer; its bundle reaches HQ after the approval.
    sr.update(tehran, ChecklistEntry, entries[0], status="done", note="پس از تأیید")
    summary = import_(hq, export(tehran, tmp_path / "t2.zip").path)
    assert summary.counts["checklist_entry"].conflicts == 1
    import_(tehran, export(hq, tmp_path / "h1.zip", for_office="tehran").path)
    return cl_id, entries


@pytest.mark.parametrize("first_export_late", [True, False])
def test_approval_round_trip_converges(
    offices: tuple[Store, Store, Store], tmp_path: Path, first_export_late: bool,
) -> None:
    """Finding 5: after the province's late edit became an approved_locked conflict at HQ and
    HQ's bundle came back, both hold the approved answers; the province's late answer is in
    its own conflict list, not lost."""
    tehran, _, hq = offices
    cl_id, entries = _approval_story(tehran, hq, tmp_path, first_export_late=first_export_late)
    for rid in entries:
        assert sr.row(tehran, "checklist_entry", rid) == sr.row(hq, "checklist_entry", rid)
    assert sr.row(tehran, "checklist", cl_id) == sr.row(hq, "checklist", cl_id)
    assert sr.row(hq, "checklist_entry", entries[0])["status"] == "partial"  # type: ignore[index]
    with tehran.read() as s:
        late = s.scalars(select(Conflict).where(Conflict.record_id == entries[0])).all()
    assert [(c.reason, c.loser["note"]) for c in late] == [("approved_locked", "پس از تأیید")]
    # And the next round trip changes nothing on either side.
    t_digest, h_digest = store_digest(tehran), store_digest(hq)
    import_(hq, export(tehran, tmp_path / "t3.zip").path)
    import_(tehran, export(hq, tmp_path / "h2.zip", for_office="tehran").path)
    assert (store_digest(tehran), store_digest(hq)) == (t_digest, h_digest)


def test_reopen_reaches_the_province_and_its_edits_come_back(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """HQ reopens an approved checklist: the province (which holds the approval) takes the
    reopening, edits, and HQ takes the edit: the same answers on both sides."""
    tehran, _, hq = offices
    uid = sr.unit(tehran)
    cl_id, entries = sr.checklist(tehran, uid)
    checklists.submit(tehran, admin(tehran), cl_id)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    reviewer = actor("reviewer", "hq")
    checklists.approve(hq, reviewer, cl_id)
    import_(tehran, export(hq, tmp_path / "h1.zip", for_office="tehran").path)
    assert sr.row(tehran, "checklist", cl_id)["status"] == "approved"  # type: ignore[index]
    checklists.reopen(hq, reviewer, cl_id)
    import_(tehran, export(hq, tmp_path / "h2.zip", for_office="tehran").path)
    assert sr.row(tehran, "checklist", cl_id)["status"] == "draft"  # type: ignore[index]
    checklists.save_entry(tehran, admin(tehran), entries[1], status="done")
    summary = import_(hq, export(tehran, tmp_path / "t2.zip").path)
    assert not summary.rejections and summary.counts["checklist_entry"].conflicts == 0
    for rid in entries:
        assert sr.row(tehran, "checklist_entry", rid) == sr.row(hq, "checklist_entry", rid)
    assert sr.row(tehran, "checklist", cl_id) == sr.row(hq, "checklist", cl_id)


# ----------------------------------------------------------------- 7. recipient


def test_hq_refuses_a_bundle_addressed_to_another_office(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Finding 7: tehran's bundle whose signed manifest names isfahan as its recipient."""
    tehran, _, hq = offices
    sr.unit(tehran)
    good = export(tehran, tmp_path / "t1.zip").path
    path = write_bundle(tmp_path / "to-isfahan.zip", read_members(good), key=signing_key(tehran),
                        edit_manifest=lambda m: m.update(recipient_office="isfahan"))
    before = store_digest(hq)
    with pytest.raises(BundleRefused) as err:
        import_(hq, path)
    assert err.value.code == "wrong_recipient"
    assert store_digest(hq) == before


# --------------------------------------------------------------------- 8. clock


def test_a_stamp_far_in_the_future_does_not_drag_hqs_clock(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """Finding 8: a record stamped in 2100 is held (not applied) and reported; HQ's clock and
    its next stamps stay at today's time, also after the store is opened again."""
    tehran, _, hq = offices
    uid = sr.unit(tehran, "مرکز آینده")
    good = export(tehran, tmp_path / "t1.zip").path
    year_2100 = format_stamp(4102444800000, 0, tehran.clock.node)

    def edit(rows: sr.Rows) -> None:
        for r in rows["unit"]:
            if r["id"] == uid:
                r["hlc"] = year_2100

    summary = import_(hq, sr.forge(good, tehran, tmp_path / "f.zip", edit))
    data = summary.to_json()
    assert [n.code for n in summary.notices if n.code == "future_stamp"] == ["future_stamp"]
    assert data["held"]["count"] == 1
    assert data["held"]["records"][0]["waits_for_type"] == "clock"
    assert sr.row(hq, "unit", uid) is None
    now_ms = int(time.time() * 1000)
    assert parse_stamp(hq.clock.now())[0] < now_ms + 60_000
    location = hq.location
    hq.dispose()
    from integrity_desktop.db.store import open_store

    again = open_store(location)
    try:
        assert parse_stamp(again.clock.now())[0] < now_ms + 60_000
    finally:
        again.dispose()


def test_a_stamp_within_the_skew_is_taken(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    """A province clock an hour ahead is normal: its records are applied."""
    tehran, _, hq = offices
    uid = sr.unit(tehran, "مرکز یک ساعت جلوتر")
    good = export(tehran, tmp_path / "t1.zip").path
    hour_ahead = format_stamp(int(time.time() * 1000) + 3_600_000, 0, tehran.clock.node)

    def edit(rows: sr.Rows) -> None:
        for r in rows["unit"]:
            if r["id"] == uid:
                r["hlc"] = hour_ahead

    summary = import_(hq, sr.forge(good, tehran, tmp_path / "f.zip", edit))
    assert not [n for n in summary.notices if n.code == "future_stamp"]
    assert sr.row(hq, "unit", uid)["hlc"] == hour_ahead  # type: ignore[index]


def test_the_summary_json_lists_every_rejection_reason_in_persian(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    tehran, isfahan, hq = offices
    case_id = sr.case(tehran)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    sr.unit(isfahan)
    good = export(isfahan, tmp_path / "i1.zip").path
    stolen = {**sr.version_of(tehran, "case", case_id), "office_code": "isfahan"}
    summary = import_(hq, sr.forge(good, isfahan, tmp_path / "f.zip",
                                   lambda rows: rows.setdefault("case", []).append(stolen)))
    data = json.loads(json.dumps(summary.to_json(), ensure_ascii=False))
    [rej] = data["rejections"]
    assert rej["reason"] == "owner_changed" and "اداره" in rej["reason_fa"]

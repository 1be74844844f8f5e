"""Records of every synced type made in a store through ``services.store.records`` (stamped, owned
and audited like any edit), and bundles forged from real ones: the sync tests' raw material.

A forged bundle is re-signed with the sending office's own, trusted key (``forge``): the
verifier accepts it, so what is tested is the merge."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from integrity_desktop import catalog
from integrity_desktop.db.models import (
    Case,
    CaseEvent,
    Checklist,
    ChecklistEntry,
    Complaint,
    CorrectiveAction,
    Evidence,
    Finding,
    InspectionPlan,
    Inspector,
    OversightLetter,
    PlanItem,
    SurveyRound,
    Unit,
    Visit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.services.store import records
from integrity_desktop.services.store.seed import template_id
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.export import evidence_path

from .sync_helpers import admin, read_members, signing_key, write_bundle

Rows = dict[str, list[dict[str, Any]]]


def three_year_item(code: str) -> tuple[str, str]:
    """(template id, item id) of an indicator of the seeded three-year programme."""
    three = catalog.load_three_year()
    tid = template_id(three.code, three.version)
    return tid, records.stable_id("item", tid, code)


def add(store: Store, obj: Any) -> str:
    with store.session() as s:
        records.add(s, store, admin(store), obj)
        return str(obj.id)


def update(store: Store, model: type[Any], rid: str, **changes: Any) -> None:
    with store.session() as s:
        records.update(s, store, admin(store), s.get(model, rid), **changes)


def delete(store: Store, model: type[Any], rid: str) -> None:
    with store.session() as s:
        records.soft_delete(s, store, admin(store), s.get(model, rid))


def unit(store: Store, name: str = "مرکز آزمون") -> str:
    return add(store, Unit(name_fa=name))


def inspector(store: Store, unit_id: str | None = None) -> str:
    return add(store, Inspector(full_name="بازرس آزمون", national_code="0012345679",
                                unit_id=unit_id, appointed_on=dt.date(2024, 1, 1)))


def visit(store: Store, unit_id: str, inspector_ids: list[str] | None = None,
          plan_item_id: str | None = None, checklist_id: str | None = None) -> str:
    return add(store, Visit(kind="periodic" if plan_item_id else "adhoc",
                            visit_date=dt.date(2024, 7, 1), unit_id=unit_id,
                            inspector_ids=inspector_ids or [], plan_item_id=plan_item_id,
                            checklist_id=checklist_id))


def plan(store: Store) -> str:
    return add(store, InspectionPlan(period_code="1403-Q2", title="برنامهٔ آزمون"))


def plan_item(store: Store, plan_id: str, unit_id: str) -> str:
    return add(store, PlanItem(plan_id=plan_id, unit_id=unit_id, planned_date=dt.date(2024, 7, 2)))


def finding(store: Store, visit_id: str) -> str:
    return add(store, Finding(visit_id=visit_id, severity="high", text="یافتهٔ آزمون"))


def action(store: Store, finding_id: str, unit_id: str) -> str:
    return add(store, CorrectiveAction(finding_id=finding_id, responsible_unit_id=unit_id,
                                       description="اقدام آزمون", due_date=dt.date(2024, 8, 1)))


_case_seq = iter(range(1, 1_000_000))


def case(store: Store, unit_id: str | None = None) -> str:
    seq = next(_case_seq)
    return add(store, Case(case_number=f"1403-{seq:05d}", year=1403, seq=seq,
                           employee_name="کارمند آزمون", national_code="0499370899",
                           unit_id=unit_id, reported_on=dt.date(2024, 5, 1)))


def case_event(store: Store, case_id: str, stage: str = "file_formed") -> str:
    with store.read() as s:
        office = s.scalar(select(Case.office_code).where(Case.id == case_id))
    return add(store, CaseEvent(case_id=case_id, stage=stage, event_date=dt.date(2024, 5, 10),
                                office_code=office))


_complaint_seq = iter(range(1, 1_000_000))


def complaint(store: Store, unit_id: str | None = None) -> str:
    n = next(_complaint_seq)
    return add(store, Complaint(received_on=dt.date(2024, 7, 1), channel="samad", category="conduct",
                                unit_id=unit_id, tracking_number=f"S-{n}", person_name="متقاضی آزمون",
                                due_on=dt.date(2024, 7, 31)))


def survey(store: Store, unit_id: str | None = None) -> str:
    return add(store, SurveyRound(unit_id=unit_id, period_code="1403-Q2", conducted_on=dt.date(2024, 7, 10),
                                  method="phone", sample_size=20, mean_score=80.0))


def letter(store: Store) -> str:
    n = next(_complaint_seq)
    return add(store, OversightLetter(body="gio", in_number=f"L-{n}", in_date=dt.date(2024, 7, 2),
                                      due_on=dt.date(2024, 7, 17)))


def checklist(store: Store, unit_id: str, codes: tuple[str, ...] = ("1/1", "1/2"),
              period: str = "1403-Q2") -> tuple[str, list[str]]:
    tid, _ = three_year_item(codes[0])
    cl_id = add(store, Checklist(id=records.stable_id("t-cl", unit_id, period),
                                 template_id=tid, unit_id=unit_id, period_code=period))
    entries = [add(store, ChecklistEntry(id=records.stable_id("t-e", cl_id, code),
                                         checklist_id=cl_id, item_id=three_year_item(code)[1],
                                         status="partial"))
               for code in codes]
    return cl_id, entries


def evidence(store: Store, owner_type: str, owner_id: str, content: bytes = b"%PDF-1.4 x") -> str:
    sha = hashlib.sha256(content).hexdigest()
    path = evidence_path(store, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return add(store, Evidence(sha256=sha, filename="سند.pdf", mime="application/pdf",
                               size=len(content), owner_type=owner_type, owner_id=owner_id))


def row(store: Store, record_type: str, rid: str) -> dict[str, Any] | None:
    """A record as its bundle line would carry it (no ``_history``), or None."""
    table = bf.table_of(record_type)
    with store.read() as s:
        found = s.execute(select(table).where(table.c.id == rid)).mappings().first()
        return None if found is None else bf.row_to_json(table, found)


def bundle_rows(path: Path) -> Rows:
    out: Rows = {}
    for name, data in read_members(path).items():
        if name.startswith("records/"):
            out[name[len("records/"):-len(".jsonl")]] = [
                json.loads(line) for line in data.splitlines() if line.strip()]
    return out


def forge(path: Path, sender: Store, out: Path, edit: Callable[[Rows], None],
          edit_manifest: Callable[[dict[str, Any]], None] | None = None,
          extra: dict[str, bytes] | None = None) -> Path:
    """``path`` with its records edited by ``edit`` (in place, per type), re-signed with the
    sender's own trusted key."""
    members = read_members(path)
    rows = bundle_rows(path)
    edit(rows)
    for name in [n for n in members if n.startswith("records/")]:
        del members[name]
    for record_type, lines in rows.items():
        if lines:
            members[bf.records_member(record_type)] = b"".join(bf.canonical_line(r) for r in lines)
    members.update(extra or {})
    return write_bundle(out, members, key=signing_key(sender), edit_manifest=edit_manifest)


def version_of(store: Store, record_type: str, rid: str, **changes: Any) -> dict[str, Any]:
    """A new version of a record as a bundle line: its values with ``changes``, stamped now by
    ``store``'s clock, with the history of the version it was made from."""
    current = row(store, record_type, rid)
    assert current is not None
    return {**current, **changes, "hlc": store.clock.now(),
            "_history": {bf.stamp_node(current["hlc"]): [["", current["hlc"]]]}}


# issue 21: the committee and training registers
def committee_member(store: Store, unit_id: str | None = None) -> str:
    from integrity_desktop.db.models import CommitteeMember

    return add(store, CommitteeMember(full_name="عضو آزمون", post="معاون", unit_id=unit_id,
                                      letter_no="۱۲/۳", letter_date=dt.date(2024, 3, 1),
                                      member_from=dt.date(2024, 3, 20)))


def committee_meeting(store: Store, attendee_ids: list[str] | None = None) -> str:
    from integrity_desktop.db.models import CommitteeMeeting

    return add(store, CommitteeMeeting(planned_date=dt.date(2024, 5, 1), held_date=dt.date(2024, 5, 2),
                                       status="held", attendee_ids=attendee_ids or [], quorum_met=True,
                                       minutes="صورتجلسهٔ آزمون"))


def committee_resolution(store: Store, meeting_id: str, unit_id: str | None = None) -> str:
    from integrity_desktop.db.models import CommitteeResolution

    return add(store, CommitteeResolution(meeting_id=meeting_id, text="مصوبهٔ آزمون",
                                          responsible_unit_id=unit_id, due_date=dt.date(2024, 7, 1)))


def training_course(store: Store, unit_id: str | None = None) -> str:
    from integrity_desktop.db.models import TrainingCourse

    return add(store, TrainingCourse(title="دورهٔ آزمون", topic="12/1", start_date=dt.date(2024, 5, 1),
                                     end_date=dt.date(2024, 5, 2), hours=8.0, unit_id=unit_id,
                                     participant_count=20, eval_method="test", eval_score=80.0))

"""Demo violation cases: realistic Persian cases in every state, fast enough for 100,000.

Rows are written with SQLAlchemy Core bulk inserts (no ORM objects) but carry the same sync
columns as ``records.add`` gives (version stamp, owner, updated_by) and each gets its own
``create`` audit entry, written in bulk (``audit.append_many``); one more entry records the
batch.  100 cases per unit of ``scale``: scale 1000 gives ~100,000.
Ids come from ``stable_id("demo", ...)`` so running the demo again adds nothing twice.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Case, CaseEvent, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.nationalid import generate_valid_national_code
from integrity_desktop.permissions import Actor
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import steps as kept_steps
from integrity_desktop.services.store.records import as_dict, stable_id, stamp_columns
from integrity_desktop.textnorm import normalize_for_search

CASES_PER_SCALE = 100
_BLOCK = 2000  # cases generated and inserted per round (bounded memory at any scale)

FIRST_NAMES = (
    "علی", "محمد", "حسین", "رضا", "مهدی", "امیر", "سعید", "مجید", "حمید", "جواد", "کاظم",
    "فاطمه", "زهرا", "مریم", "معصومه", "سمیه", "لیلا", "نرگس", "الهام", "طاهره", "عبدالله",
    "محمدرضا", "غلامحسین", "سیدمهدی", "ابوالفضل", "نسرین", "فرشته", "پروین", "یوسف", "اکبر",
)  # fmt: skip
LAST_NAMES = (
    "احمدی", "محمدی", "حسینی", "رضایی", "کریمی", "موسوی", "جعفری", "قاسمی", "صادقی", "رحیمی",
    "کاظمی", "نوروزی", "اکبری", "شریفی", "یزدانی", "طاهری", "هاشمی", "میرزایی", "عباسی",
    "سلیمانی", "ملکی", "بهرامی", "فرهادی", "زارعی", "شجاعی", "نیک‌نام", "پورمحمد", "امیری",
)  # fmt: skip
POSTS = (
    "مربی آموزشی", "کارشناس امور اداری", "کارشناس مالی", "متصدی امور دفتری", "کارشناس آزمون",
    "رئیس مرکز", "کارپرداز", "انباردار", "کارشناس فناوری اطلاعات", "مسئول آموزش",
)  # fmt: skip
REPORTERS = (
    "بازرس معتمد مرکز", "بازرس معتمد اداره کل", "دفتر مدیریت عملکرد", "رئیس مستقیم",
    "هسته گزینش", "حراست اداره کل",
)  # fmt: skip
NOTES: dict[str, tuple[str, ...]] = {
    lc.REPORTED: ("گزارش مکتوب بازرس معتمد با پیوست مستندات", "گزارش واصله از سامانه ۱۱۱"),
    lc.NOT_PURSUABLE: ("مستندات کافی برای رسیدگی وجود ندارد", "موضوع خارج از صلاحیت هیئت است"),
    lc.LEGAL_ACTION: ("تکرار تخلف؛ ارجاع به هیئت با درخواست رسیدگی خارج از نوبت",),
    lc.FILE_FORMED: ("پرونده در هیئت بدوی تشکیل و اتهام به کارمند ابلاغ شد",),
    lc.PRELIMINARY_VERDICT: ("رأی بدوی پس از اخذ دفاعیه صادر و ابلاغ شد",),
    lc.APPEAL_REQUESTED: ("کارمند در مهلت قانونی درخواست تجدیدنظر کرد",),
    lc.APPEAL_VERDICT: ("هیئت تجدیدنظر پس از بررسی لایحهٔ دفاعیه رأی صادر کرد",),
    lc.OBJECTION: ("شکایت به دیوان عدالت اداری ثبت شد", "اعتراض به هیئت عالی نظارت ارسال شد"),
    lc.FINAL_DECISION: ("رأی قطعی دیوان ابلاغ شد", "تصمیم هیئت عالی نظارت ابلاغ شد"),
    lc.CLOSED: ("پرونده مختومه و بایگانی شد",),
}
# How often a case ends in each state (closed cases dominate a real register).
TARGET_WEIGHTS: dict[str, int] = {
    lc.REPORTED: 8, lc.NOT_PURSUABLE: 10, lc.LEGAL_ACTION: 3, lc.FILE_FORMED: 12,
    lc.PRELIMINARY_VERDICT: 10, lc.APPEAL_REQUESTED: 6, lc.APPEAL_VERDICT: 5, lc.OBJECTION: 4,
    lc.FINAL_DECISION: 3, lc.CLOSED: 39,
}  # fmt: skip
_BOARD_OF = {lc.PRELIMINARY_VERDICT: ("01",), lc.APPEAL_VERDICT: ("02",), lc.FINAL_DECISION: ("03", "04")}


def _path(rng: random.Random, target: str) -> list[str]:
    """A legal sequence of steps from the report to ``target``."""
    r, ff, pv = lc.REPORTED, lc.FILE_FORMED, lc.PRELIMINARY_VERDICT
    appeal = [lc.APPEAL_REQUESTED, lc.APPEAL_VERDICT]
    objection = [lc.OBJECTION, lc.FINAL_DECISION]
    start = [r, lc.LEGAL_ACTION, ff] if rng.random() < 0.15 else [r, ff]
    paths: dict[str, list[str]] = {
        lc.REPORTED: [r],
        lc.NOT_PURSUABLE: [r, lc.NOT_PURSUABLE],
        lc.LEGAL_ACTION: [r, lc.LEGAL_ACTION],
        ff: start,
        pv: [*start, pv],
        lc.APPEAL_REQUESTED: [*start, pv, lc.APPEAL_REQUESTED],
        lc.APPEAL_VERDICT: [*start, pv, *appeal],
        lc.OBJECTION: [*start, pv, *(appeal if rng.random() < 0.6 else []), lc.OBJECTION],
        lc.FINAL_DECISION: [*start, pv, *(appeal if rng.random() < 0.6 else []), *objection],
    }
    if target in paths:
        return paths[target]
    ending = rng.choice([
        [r, lc.LEGAL_ACTION], start, [*start, pv], [*start, pv], [*start, pv, *appeal],
        [*start, pv, *appeal], [*start, pv, *appeal, *objection],
    ])
    return [*ending, lc.CLOSED]


@dataclass
class _Batch:
    cases: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def _generate(
    store: Store, actor: Actor, rng: random.Random, total: int, units: list[str], today: _dt.date
) -> Iterator[_Batch]:
    """Cases in blocks, each fully determined by ``rng`` (seq numbers are given later)."""
    earliest = jalali.Period.parse(str(jalali.jalali_year(today) - 3)).start
    span = (today - earliest).days
    people: list[tuple[str, str, str]] = []
    batch = _Batch()
    for i in range(total):
        forced = i % CASES_PER_SCALE < len(lc.STATES)  # every state in every hundred
        target = lc.STATES[i % CASES_PER_SCALE] if forced else rng.choices(
            list(TARGET_WEIGHTS), weights=list(TARGET_WEIGHTS.values()))[0]
        steps = _path(rng, target)
        repeat = people and (lc.LEGAL_ACTION in steps or rng.random() < 0.05)
        if repeat:
            name, code, post = rng.choice(people)
        else:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            code, post = generate_valid_national_code(rng), rng.choice(POSTS)
            if len(people) < 5000:
                people.append((name, code, post))
        oldest = max(1, span - 30)
        back = rng.randint(700, 1000) if forced else rng.randint(1, oldest)
        reported = max(earliest, today - _dt.timedelta(days=back))
        case_id = stable_id("demo", "case", actor.office_code, str(i))
        when, follows, last = reported, None, reported
        kept: list[str] = []
        for k, stage in enumerate(steps):
            if k:
                when = when + _dt.timedelta(days=rng.randint(5, 75))
                if when > today:
                    break
            event_id = stable_id("demo", "case_event", case_id, str(k))
            penalty = board = None
            if stage in lc.VERDICT_STAGES:
                penalty = f"{rng.randint(1, 12):02d}"
                board = rng.choice(_BOARD_OF[stage])
            batch.events.append({
                "id": event_id, "case_id": case_id, "stage": stage, "follows_id": follows,
                "event_date": when, "note": rng.choice(NOTES[stage]), "penalty_code": penalty,
                "board_code": board, "actor": actor.label, **stamp_columns(store, actor),
            })
            if penalty and rng.random() < 0.03:  # a corrected verdict now and then
                batch.events.append({
                    "id": stable_id("demo", "case_event", case_id, f"{k}-fix"), "case_id": case_id,
                    "stage": lc.CORRECTION, "follows_id": event_id, "event_date": when,
                    "note": "اصلاح مجازات درج‌شده مطابق متن رأی", "board_code": board,
                    "penalty_code": f"{(int(penalty) % 12) + 1:02d}", "actor": actor.label,
                    **stamp_columns(store, actor),
                })
            follows, last = event_id, when
            kept.append(stage)
        batch.cases.append({
            "id": case_id, "year": jalali.jalali_year(reported), "employee_name": name,
            "employee_name_norm": normalize_for_search(name), "national_code": code,
            "employee_post": post, "unit_id": rng.choice(units) if units else None,
            "reporter": rng.choice(REPORTERS),
            "violation_codes": sorted({f"{rng.randint(1, 38):02d}" for _ in range(rng.randint(1, 2))}),
            "reported_on": reported, "summary": rng.choice(NOTES[lc.REPORTED]),
            "state": kept[-1], "last_event_on": last, **stamp_columns(store, actor),
        })
        if len(batch.cases) >= _BLOCK:
            yield batch
            batch = _Batch()
    if batch.cases:
        yield batch


def _table(model: type[Case] | type[CaseEvent]) -> Table:
    return cast(Table, model.__table__)


def _audit_rows(s: Session, actor: Actor, model: type[Case] | type[CaseEvent], ids: list[str]) -> None:
    """One ``create`` entry per inserted row, with its content as read back (``audit verify``
    compares every record with its last entry), written in one statement."""
    rows: list[Case | CaseEvent] = []
    for start in range(0, len(ids), 500):
        rows.extend(s.scalars(select(model).where(model.id.in_(ids[start:start + 500]))))
    audit.append_many(s, actor, "create", ((model.__sync_type__, r.id, None, as_dict(r)) for r in rows))
    for r in rows:
        s.expunge(r)


def _derived(cases: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, lc.Derived | None]:
    """Each new case's derivation from the events just written (its counted steps are kept)."""
    by_case: dict[str, list[lc.EventRecord]] = {c["id"]: [] for c in cases}
    for e in events:
        by_case[e["case_id"]].append(lc.EventRecord(
            id=e["id"], stage=e["stage"], hlc=e["hlc"], event_date=e["event_date"],
            follows_id=e["follows_id"], penalty_code=e["penalty_code"]))
    return {case_id: lc.derive_state(records) for case_id, records in by_case.items()}


def fill(store: Store, actor: Actor, rng: random.Random, scale: int) -> dict[str, int]:
    """The demo filler (see ``services.demo.content.FILLERS``)."""
    today = jalali.today()
    with store.read() as s:
        units = sorted(s.scalars(select(Unit.id).where(
            Unit.office_code == actor.office_code, Unit.deleted.is_(False))))
        next_seq = {
            int(y): int(m) + 1 for y, m in s.execute(
                select(Case.year, func.max(Case.seq)).where(Case.office_code == actor.office_code)
                .group_by(Case.year))
        }
    added_cases = added_events = 0
    for batch in _generate(store, actor, rng, CASES_PER_SCALE * max(1, scale), units, today):
        with store.session() as s:
            ids = [c["id"] for c in batch.cases]
            existing: set[str] = set()
            for start in range(0, len(ids), 500):
                existing.update(s.scalars(select(Case.id).where(Case.id.in_(ids[start:start + 500]))))
            new_cases = [c for c in batch.cases if c["id"] not in existing]
            new_events = [e for e in batch.events if e["case_id"] not in existing]
            for c in sorted(new_cases, key=lambda c: (c["reported_on"], c["id"])):
                seq = next_seq.get(c["year"], 1)
                next_seq[c["year"]] = seq + 1
                c["seq"], c["case_number"] = seq, f"{c['year']}/{seq:04d}"
            if new_cases:
                # Table-level inserts: one executemany each (the ORM's bulk path splits rows).
                s.execute(insert(_table(Case)), new_cases)
                s.execute(insert(_table(CaseEvent)), new_events)
                _audit_rows(s, actor, Case, [c["id"] for c in new_cases])
                _audit_rows(s, actor, CaseEvent, [e["id"] for e in new_events])
                kept_steps.replace(s, _derived(new_cases, new_events))
            added_cases += len(new_cases)
            added_events += len(new_events)
    if added_cases:
        with store.session() as s:
            audit.append(s, store, actor, "demo.fill", "case", "", None,
                         {"cases": added_cases, "case_events": added_events})
    return {"cases": added_cases, "case_events": added_events}

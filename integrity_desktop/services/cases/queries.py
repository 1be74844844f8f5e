"""Reading the case register: pages, counts and streams of cases, and one case's whole file.

Confidentiality is decided here, once: roles without ``cases.view_personal`` get the same
objects with every personal field (name, national code, post, reporter, free text, file names)
replaced by «محرمانه», and cannot search by name (a hit would reveal who has a case).
Opening a case file is written to the audit log.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Case, CaseEvent, Evidence, Lookup, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, allowed, require
from integrity_desktop.services.accounts import people
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.conditions import equal_to, within
from integrity_desktop.services.store import records
from integrity_desktop.textnorm import check_search, normalize_for_search

CONFIDENTIAL = "محرمانه"
MAX_LIMIT = 1000


# ------------------------------------------------------------------------------ plain values


@dataclass(frozen=True)
class LookupItem:
    code: str
    title_fa: str


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the register; personal fields are «محرمانه» when ``anonymised``."""

    id: str
    case_number: str
    year: int
    office_code: str
    state: str
    state_label: str
    employee_name: str
    national_code: str
    employee_post: str
    reporter: str
    unit_id: str | None
    unit_name: str
    violation_codes: tuple[str, ...]
    reported_on: _dt.date
    last_event_on: _dt.date | None
    due_on: _dt.date | None
    overdue: bool
    anonymised: bool

    @property
    def case_number_fa(self) -> str:
        return to_persian_digits(self.case_number)


@dataclass(frozen=True)
class Document:
    id: str
    filename: str
    size: int
    mime: str
    event_id: str | None  # None: attached to the case itself


@dataclass(frozen=True)
class TimelineEntry:
    """One stored event as it happened; ``status`` says how it counts in the derivation."""

    id: str
    kind: str
    kind_label: str
    event_date: _dt.date
    follows_id: str | None
    note: str
    penalty_code: str | None
    penalty_label: str
    board_code: str | None
    board_label: str
    actor: str
    office_code: str
    hlc: str
    # "applied", "corrected" (a later amendment replaces its data), "amendment" (a correction
    # or withdrawal that counts), or why it is ignored (see case_lifecycle.Derived).
    status: str
    documents: tuple[Document, ...]
    actor_name: str = ""  # the person's name and post (services.accounts.people), for screens and PDFs


@dataclass(frozen=True)
class CaseFile:
    """Everything about one case for its screen and its PDF."""

    case: CaseSummary
    summary: str
    violations: tuple[LookupItem, ...]
    timeline: tuple[TimelineEntry, ...]  # every stored event in (stage order, hlc, id) order
    steps: tuple[TimelineEntry, ...]  # the applied steps, corrections merged in
    documents: tuple[Document, ...]
    allowed_next: tuple[str, ...]
    source: SourceFinding | None = None  # the inspection finding it was referred from


@dataclass(frozen=True)
class SourceFinding:
    """Where a referred case came from: the visit and finding (issue 16 item 8)."""

    finding_id: str
    visit_id: str
    visit_date: _dt.date
    unit_name: str
    text: str


def _source(session: Session, finding_id: str | None) -> SourceFinding | None:
    from integrity_desktop.db.models import Finding, Unit, Visit

    finding = session.get(Finding, finding_id) if finding_id else None
    visit = session.get(Visit, finding.visit_id) if finding is not None else None
    if finding is None or visit is None:
        return None  # not referred, or the finding has not arrived here (yet)
    unit = session.get(Unit, visit.unit_id) if visit.unit_id else None
    return SourceFinding(finding.id, visit.id, visit.visit_date, unit.name_fa if unit else "", finding.text)


def _lookup_titles(session: Session) -> dict[tuple[str, str], str]:
    rows = session.execute(select(Lookup.kind, Lookup.code, Lookup.title_fa).where(Lookup.kind.in_(
        ("violation_type", "penalty", "board"))))
    return {(k, c): t for k, c, t in rows}


def lookup_items(store: Store, kind: str) -> list[LookupItem]:
    """Active entries of a configurable list (violation_type, penalty, board) in their order."""
    with store.read() as s:
        rows = s.execute(
            select(Lookup.code, Lookup.title_fa)
            .where(Lookup.kind == kind, Lookup.active.is_(True), Lookup.deleted.is_(False))
            .order_by(Lookup.sort_order, Lookup.code)
        )
        return [LookupItem(c, t) for c, t in rows]


def _event_records(session: Session, case_id: str) -> list[lc.EventRecord]:
    rows = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.deleted.is_(False))
    )
    return [_as_record(e) for e in rows]


def _as_record(e: CaseEvent) -> lc.EventRecord:
    return lc.EventRecord(
        id=e.id, stage=e.stage, hlc=e.hlc, event_date=e.event_date, follows_id=e.follows_id,
        note=e.note, penalty_code=e.penalty_code, board_code=e.board_code, actor=e.actor,
        office_code=e.office_code,
    )


def _load_case(session: Session, case_id: str) -> Case:
    return records.load_live(
        session, Case, case_id,
        "پرونده پیدا نشد؛ فهرست پرونده‌ها را دوباره باز کنید.",
        "Case", "case_missing",
    )


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class CaseQuery:
    """Filters of the register; the UI keeps one and pages with ``offset``/``limit``."""

    state: str | None = None
    year: int | None = None
    name: str | None = None  # Persian name search (personal roles only)
    overdue: bool = False
    unit_id: str | None = None
    office_code: str | None = None
    reported_from: _dt.date | None = None  # report date range, both ends included
    reported_to: _dt.date | None = None


def _conditions(store: Store, actor: Actor, q: CaseQuery, today: _dt.date) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Case.deleted.is_(False)]
    if q.state:
        if q.state not in lc.STAGE_ORDER:
            raise UserError(
                f"وضعیت «{q.state}» شناخته نیست.", f"Unknown case state {q.state!r}.",
                code="case_unknown_state",
            )
        conds.append(Case.state == q.state)
    if q.year is not None:
        conds.append(Case.year == q.year)
    conds += equal_to((Case.unit_id, q.unit_id), (Case.office_code, q.office_code))
    conds += within(Case.reported_on, q.reported_from, q.reported_to)
    if q.name and q.name.strip():
        require(actor, "cases.view_personal")  # searching by name would reveal who has a case
        conds.append(Case.employee_name_norm.contains(normalize_for_search(check_search(q.name)),
                                                      autoescape=True))
    if q.overdue:
        limits = lc.deadlines(store)
        conds.append(or_(*(
            and_(Case.state == state, Case.last_event_on < today - _dt.timedelta(days=days))
            for state, days in limits.items()
        )))
    return conds


def count_cases(
    store: Store, actor: Actor, query: CaseQuery = CaseQuery(), *, today: _dt.date | None = None
) -> int:
    """How many cases match ``query`` (every role may count)."""
    require(actor, "cases.view_counts")
    conds = _conditions(store, actor, query, today or jalali.today())
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case).where(*conds)) or 0)


def list_cases(
    store: Store,
    actor: Actor,
    query: CaseQuery = CaseQuery(),
    *,
    offset: int = 0,
    limit: int = 100,
    today: _dt.date | None = None,
) -> list[CaseSummary]:
    """One page of the register, newest case number first; anonymised for non-personal roles."""
    require(actor, "cases.view_counts")
    today = today or jalali.today()
    conds = _conditions(store, actor, query, today)
    limit = max(0, min(limit, MAX_LIMIT))
    stmt = (
        _summary_select()
        .where(*conds)
        .order_by(Case.year.desc(), Case.seq.desc(), Case.id.desc())
        .offset(max(0, offset))
        .limit(limit)
    )
    with store.read() as s:
        rows = s.connection().execute(stmt).all()
    limits = lc.deadlines(store)
    personal = allowed(actor, "cases.view_personal")
    return [_summary(row, limits, today, personal) for row in rows]


def iter_cases(
    store: Store, actor: Actor, query: CaseQuery = CaseQuery(), *, today: _dt.date | None = None
) -> Iterator[CaseSummary]:
    """Every matching case in register order, streamed (exports and the command line)."""
    require(actor, "cases.view_counts")
    today = today or jalali.today()
    conds = _conditions(store, actor, query, today)
    limits = lc.deadlines(store)
    personal = allowed(actor, "cases.view_personal")
    stmt = (
        _summary_select()
        .where(*conds)
        .order_by(Case.year.desc(), Case.seq.desc(), Case.id.desc())
        .execution_options(yield_per=2000)
    )
    with store.read() as s:
        for row in s.connection().execute(stmt):
            yield _summary(row, limits, today, personal)


def _summary_select() -> Select[Any]:
    """The columns ``_summary`` unpacks, in its order.  Plain Core rows, not ORM objects: an
    export of 100,000 cases spent a sixth of its time building Case instances it reads once,
    and reading row fields by name cost another sixth (a tuple unpacks ten times faster)."""
    return select(
        Case.id, Case.case_number, Case.year, Case.office_code, Case.state, Case.employee_name,
        Case.national_code, Case.employee_post, Case.reporter, Case.unit_id, Case.violation_codes,
        Case.reported_on, Case.last_event_on, Unit.name_fa,
    ).outerjoin(Unit, Unit.id == Case.unit_id)


def _summary(
    row: Sequence[Any], limits: Mapping[str, int], today: _dt.date, personal: bool
) -> CaseSummary:
    (case_id, number, year, office, state, name, code, post, reporter, unit_id, violations,
     reported_on, last_event_on, unit_name) = row
    return CaseSummary(
        id=case_id, case_number=number, year=year, office_code=office, state=state,
        state_label=lc.STATE_LABELS_FA.get(state, state),
        employee_name=name if personal else CONFIDENTIAL,
        national_code=code if personal else CONFIDENTIAL,
        employee_post=post if personal else CONFIDENTIAL,
        reporter=reporter if personal else CONFIDENTIAL,
        unit_id=unit_id, unit_name=unit_name or "", violation_codes=tuple(violations or ()),
        reported_on=reported_on, last_event_on=last_event_on,
        due_on=lc.due_date(state, last_event_on, limits),
        overdue=lc.is_overdue(state, last_event_on, limits, today),
        anonymised=not personal,
    )


def _summaries(store: Store, actor: Actor, ids: Iterable[str]) -> list[CaseSummary]:
    ids = list(ids)
    with store.read() as s:
        rows = {row[0]: row for row in s.connection().execute(_summary_select().where(Case.id.in_(ids)))}
    limits = lc.deadlines(store)
    personal = allowed(actor, "cases.view_personal")
    today = jalali.today()
    return [_summary(rows[i], limits, today, personal) for i in ids]


def get_case_file(store: Store, actor: Actor, case_id: str, *, today: _dt.date | None = None) -> CaseFile:
    """The whole case for its screen or PDF; the view is written to the audit log."""
    require(actor, "cases.view_counts")
    today = today or jalali.today()
    personal = allowed(actor, "cases.view_personal")
    with store.session() as s:
        case = _load_case(s, case_id)
        events = list(s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.deleted.is_(False))
        ))
        event_ids = [e.id for e in events]
        docs = list(s.scalars(
            select(Evidence).where(
                Evidence.deleted.is_(False),
                or_(
                    and_(Evidence.owner_type == "case", Evidence.owner_id == case.id),
                    and_(Evidence.owner_type == "case_event", Evidence.owner_id.in_(event_ids)),
                ),
            ).order_by(Evidence.updated_at, Evidence.id)
        ))
        titles = _lookup_titles(s)
        audit.append(s, store, actor, "case.view", "case", case.id, None,
                     {"case_number": case.case_number, "personal": personal})
        summary = _summary(
            s.connection().execute(_summary_select().where(Case.id == case.id)).one(),
            lc.deadlines(store), today, personal,
        )
        summary_text = case.summary
        names = people.display_names(s, [e.actor for e in events], store.office_code)
        source = _source(s, case.source_finding_id)

    def mask(text: str) -> str:
        return text if personal or not text else CONFIDENTIAL

    documents = tuple(
        Document(d.id, mask(d.filename), d.size, d.mime, d.owner_id if d.owner_type == "case_event" else None)
        for d in docs
    )
    raw = [_as_record(e) for e in events]
    derived = lc.derive_state(raw)
    applied_ids = {e.id for e in derived.applied}
    # Amendments that count, and the steps they amend ("corrected" in the timeline).
    live = {e.id: e for e in raw if e.stage in lc.AMENDMENTS and e.id not in derived.ignored}
    corrected = {e.follows_id for e in live.values()}

    def status(e: lc.EventRecord) -> str:
        if e.id in derived.ignored:
            return derived.ignored[e.id]
        if e.id in live:
            return "amendment"
        return "corrected" if e.id in corrected and e.id in applied_ids else "applied"

    def entry(e: lc.EventRecord) -> TimelineEntry:
        return TimelineEntry(
            id=e.id, kind=e.stage, kind_label=lc.KIND_LABELS_FA.get(e.stage, e.stage),
            event_date=e.event_date, follows_id=e.follows_id, note=mask(e.note),
            penalty_code=e.penalty_code, penalty_label=titles.get(("penalty", e.penalty_code or ""), ""),
            board_code=e.board_code, board_label=titles.get(("board", e.board_code or ""), ""),
            actor=e.actor, office_code=e.office_code, hlc=e.hlc,
            status=status(e),
            documents=tuple(d for d in documents if d.event_id == e.id),
            actor_name=names.get(e.actor, e.actor),
        )

    timeline = tuple(entry(e) for e in _timeline_order(raw))
    steps = tuple(entry(e) for e in derived.applied)
    return CaseFile(
        case=summary,
        summary=mask(summary_text),
        violations=tuple(
            LookupItem(c, titles.get(("violation_type", c), c)) for c in summary.violation_codes
        ),
        timeline=timeline,
        steps=steps,
        documents=documents,
        allowed_next=tuple(s for s in lc.STATES if s in lc.allowed_next(summary.state)),
        source=source,
    )


def _timeline_order(events: list[lc.EventRecord]) -> list[lc.EventRecord]:
    """Steps in (stage order, hlc, id); each amendment right after the step it amends."""
    by_id = {e.id: e for e in events}

    def key(e: lc.EventRecord) -> tuple[int, str, str, int, str, str]:
        root, depth = e, 0
        while root.stage in lc.AMENDMENTS and root.follows_id in by_id and depth < len(events):
            root, depth = by_id[root.follows_id or ""], depth + 1
        rank = lc.STAGE_ORDER.get(root.stage, len(lc.STAGE_ORDER))
        return (rank, root.hlc, root.id, 1 if depth else 0, e.hlc, e.id)

    return sorted(events, key=key)

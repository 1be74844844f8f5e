"""The register of administrative-violation cases: registering, stepping, correcting.

Every change is one transaction; every step is a new immutable ``CaseEvent`` and the case's
cached ``state``/``last_event_on`` are re-derived from all its events in the same transaction
(``case_lifecycle.derive_state``).  Reading (lists, counts, the case file, confidentiality)
lives in ``case_queries``; its public names are re-exported here so a screen imports one module.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Case, CaseEvent, Lookup, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.nationalid import normalize_national_code
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.accounts import people
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import steps as kept_steps
from integrity_desktop.services.cases.queries import (  # re-exported: one module for screens
    CONFIDENTIAL,
    MAX_LIMIT,
    CaseFile,
    CaseQuery,
    CaseSummary,
    Document,
    LookupItem,
    TimelineEntry,
    _as_record,
    _event_records,
    _load_case,
    _summaries,
    count_cases,
    get_case_file,
    iter_cases,
    list_cases,
    lookup_items,
)
from integrity_desktop.services.store import offices, records
from integrity_desktop.textnorm import normalize_for_search

__all__ = [
    "CONFIDENTIAL", "MAX_LIMIT", "CaseFile", "CaseQuery", "CaseSummary", "Document", "LookupItem",
    "TimelineEntry", "add_event", "attach_document", "case_number", "correct_event", "count_cases",
    "get_case_file", "iter_cases", "list_cases", "lookup_items", "offices_with_cases", "recompute_state",
    "refer_finding", "register_case",
    "set_deadlines", "withdraw_event",
]

MAX_NAME = 200
MAX_NOTE = 4000


# ------------------------------------------------------------------------------ validation


def _text(value: str | None, label_fa: str, label_en: str, *, required: bool, limit: int = MAX_NAME) -> str:
    text = " ".join((value or "").split()) if limit <= MAX_NAME else (value or "").strip()
    if required and not text:
        raise UserError(f"{label_fa} را بنویسید.", f"{label_en} is required.", code="case_required")
    if len(text) > limit:
        raise UserError(
            f"{label_fa} بیش از {to_persian_digits(str(limit))} نویسه است؛ آن را کوتاه کنید.",
            f"{label_en} is longer than {limit} characters.",
            code="case_too_long",
        )
    return text


def _date(value: _dt.date | str, label_fa: str, label_en: str, today: _dt.date) -> _dt.date:
    d = jalali.parse_date(value) if isinstance(value, str) else value
    if isinstance(d, _dt.datetime):
        d = d.date()
    if not isinstance(d, _dt.date):
        raise UserError(f"{label_fa} را بنویسید.", f"{label_en} is required.", code="invalid_date")
    if d > today:
        raise UserError(
            f"{label_fa} ({jalali.format_date(d)}) در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.",
            f"{label_en} {d.isoformat()} is in the future.",
            code="case_future_date",
        )
    return d


def _active_codes(session: Session, kind: str) -> dict[str, str]:
    rows = session.execute(
        select(Lookup.code, Lookup.title_fa).where(
            Lookup.kind == kind, Lookup.active.is_(True), Lookup.deleted.is_(False)
        )
    )
    return {code: title for code, title in rows}


def _check_code(codes: Mapping[str, str], code: str | None, label_fa: str, label_en: str) -> str:
    if not code:
        raise UserError(f"{label_fa} را برگزینید.", f"Choose the {label_en}.", code="case_required")
    if code not in codes:
        raise UserError(
            f"{label_fa} «{code}» در فهرست نیست؛ یکی از موارد فهرست را برگزینید.",
            f"Unknown {label_en} code {code!r}.",
            code="case_unknown_code",
        )
    return code


# ------------------------------------------------------------------------------ registering


def _next_seq(session: Session, office_code: str, year: int) -> int:
    top = session.scalar(
        select(func.max(Case.seq)).where(Case.office_code == office_code, Case.year == year)
    )
    return int(top or 0) + 1


def offices_with_cases(store: Store, actor: Actor) -> list[tuple[str, str]]:
    """(code, name) of every office with a case here, for HQ's province filter (the counts
    a viewer may see are per province too, so no personal data is needed)."""
    require(actor, "cases.view_counts")
    return offices.holding(store, Case)


def case_number(year: int, seq: int) -> str:
    """ASCII case number, e.g. ``1403/0012`` (shown with Persian digits)."""
    return f"{year}/{seq:04d}"


def register_case(
    store: Store,
    actor: Actor,
    *,
    employee_name: str,
    national_code: str,
    employee_post: str = "",
    unit_id: str | None = None,
    reporter: str,
    violation_codes: Sequence[str],
    reported_on: _dt.date | str,
    summary: str = "",
    today: _dt.date | None = None,
) -> CaseSummary:
    """Open a case with its first event («گزارش‌شده»); the number is the next of its year."""
    require(actor, "cases.edit")
    return _open_case(
        store, actor, employee_name=employee_name, national_code=national_code,
        employee_post=employee_post, unit_id=unit_id, reporter=reporter,
        violation_codes=violation_codes, reported_on=reported_on, summary=summary, today=today,
    )


def refer_finding(
    store: Store,
    actor: Actor,
    finding_id: str,
    *,
    employee_name: str,
    national_code: str,
    employee_post: str = "",
    violation_codes: Sequence[str],
    summary: str = "",
    today: _dt.date | None = None,
) -> CaseSummary:
    """An inspector's finding reported as a new violation case for the case officer (issue 16
    item 8): reported today by the inspector, in the visited unit, the finding's text as the
    summary unless one is written; the case keeps the finding (``source_finding_id``) and the
    finding shows the case.  A finding is referred once."""
    require(actor, "cases.refer")
    from integrity_desktop.db.models import Finding, Visit

    with store.read() as s:
        finding = s.get(Finding, finding_id)
        visit = s.get(Visit, finding.visit_id) if finding is not None else None
        if finding is None or finding.deleted or visit is None or visit.deleted:
            raise UserError("یافتهٔ برگزیده پیدا نشد؛ شاید بازدید آن حذف شده است.",
                            f"Finding {finding_id!r} not found.", code="finding_missing")
        if finding.office_code != actor.office_code:
            raise UserError("یافتهٔ ادارهٔ دیگری را نمی‌توان ارجاع داد؛ آن اداره خود گزارش را ثبت می‌کند.",
                            "A finding of another office cannot be referred here.",
                            code="finding_other_office")
        earlier = s.scalar(select(Case.case_number).where(
            Case.source_finding_id == finding.id, Case.deleted.is_(False)).limit(1))
        if earlier is not None:
            raise UserError(f"این یافته پیش‌تر با پروندهٔ {to_persian_digits(earlier)} ارجاع شده است.",
                            f"The finding was already referred as case {earlier}.",
                            code="finding_referred")
        unit_id, text = visit.unit_id, finding.text
        reporter = people.display_names(s, [actor.label], store.office_code).get(actor.label, actor.label)
    return _open_case(
        store, actor, employee_name=employee_name, national_code=national_code,
        employee_post=employee_post, unit_id=unit_id, reporter=reporter,
        violation_codes=violation_codes, reported_on=today or jalali.today(),
        summary=summary.strip() or text, today=today, source_finding_id=finding_id,
    )


def _open_case(
    store: Store,
    actor: Actor,
    *,
    employee_name: str,
    national_code: str,
    employee_post: str,
    unit_id: str | None,
    reporter: str,
    violation_codes: Sequence[str],
    reported_on: _dt.date | str,
    summary: str,
    today: _dt.date | None,
    source_finding_id: str | None = None,
) -> CaseSummary:
    today = today or jalali.today()
    name = _text(employee_name, "نام کارمند", "Employee name", required=True)
    code = normalize_national_code(national_code)
    post = _text(employee_post, "سمت کارمند", "Employee post", required=False)
    who = _text(reporter, "گزارش‌دهنده", "Reporter", required=True)
    note = _text(summary, "خلاصهٔ گزارش", "Summary", required=False, limit=MAX_NOTE)
    when = _date(reported_on, "تاریخ گزارش", "Report date", today)
    if not violation_codes:
        raise UserError(
            "دست‌کم یک نوع تخلف را از فهرست برگزینید.",
            "Choose at least one violation type.",
            code="case_no_violation",
        )
    year = jalali.jalali_year(when)
    for attempt in range(3):
        try:
            with store.session() as s:
                known = _active_codes(s, "violation_type")
                chosen = list(dict.fromkeys(
                    _check_code(known, c, "نوع تخلف", "violation type") for c in violation_codes
                ))
                if unit_id is not None:
                    records.load_live(
                        s, Unit, unit_id,
                        "واحد برگزیده پیدا نشد؛ واحد را از فهرست برگزینید.",
                        "Unit", "case_unknown_unit",
                    )
                seq = _next_seq(s, actor.office_code, year)
                case = Case(
                    office_code=actor.office_code, case_number=case_number(year, seq), year=year,
                    seq=seq, employee_name=name, employee_name_norm=normalize_for_search(name),
                    national_code=code, employee_post=post, unit_id=unit_id, reporter=who,
                    violation_codes=chosen, reported_on=when, summary=note,
                    state=lc.REPORTED, last_event_on=when, source_finding_id=source_finding_id,
                )
                records.add(s, store, actor, case)
                event = CaseEvent(
                    case_id=case.id, stage=lc.REPORTED, follows_id=None, event_date=when,
                    note="", actor=actor.label, office_code=actor.office_code,
                )
                records.add(s, store, actor, event)
                _refresh_cache(s, store, actor, case)  # its one step, the report, counts (6/11)
                case_id = case.id
            break
        except IntegrityError:
            # Another window of this office took the same number at the same moment: retry.
            if attempt == 2:
                raise
    return _summaries(store, actor, [case_id])[0]


# ------------------------------------------------------------------------------ events


def _refresh_cache(session: Session, store: Store, actor: Actor, case: Case) -> lc.Derived:
    """Re-derive the cached state from the events.

    The cache is derived data, not a change of the case: it gets no new version stamp, so a
    province and HQ adding events to one case never make the case record itself conflict.
    Each store re-derives it (``refresh_derived`` after an import).
    """
    derived = lc.derive_state(_event_records(session, case.id))
    case.state = derived.state
    case.last_event_on = derived.entered_on
    session.flush()
    kept_steps.replace(session, {case.id: None if case.deleted else derived})
    return derived


def recompute_state(session: Session, store: Store, actor: Actor, case_id: str) -> str:
    """Re-derive a case's cached state from its events (e.g. after a sync import)."""
    case = session.get(Case, case_id)
    if case is None:
        raise KeyError(case_id)
    return _refresh_cache(session, store, actor, case).state


def _events_of(session: Session, case_ids: list[str]) -> dict[str, list[lc.EventRecord]]:
    """The live events of each of these cases (one query), every case present."""
    events: dict[str, list[lc.EventRecord]] = {case_id: [] for case_id in case_ids}
    for e in session.scalars(
        select(CaseEvent).where(CaseEvent.case_id.in_(case_ids), CaseEvent.deleted.is_(False))
    ):
        events[e.case_id].append(_as_record(e))
    return events


def refresh_derived(session: Session, case_ids: Iterable[str]) -> None:
    """After a sync import: re-derive every touched case's cached state inside its transaction.

    Cases and their events are read in chunks (two queries per 500 cases, not two per case):
    an HQ import touches thousands of cases.
    """
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        events = _events_of(session, chunk)
        kept: dict[str, lc.Derived | None] = {}
        for case in session.scalars(select(Case).where(Case.id.in_(chunk))):
            derived = lc.derive_state(events[case.id])
            case.state = derived.state
            case.last_event_on = derived.entered_on
            kept[case.id] = None if case.deleted else derived
        session.flush()
        kept_steps.replace(session, kept)
    session.flush()


def derived_mismatches(session: Session) -> list[tuple[str, list[str]]]:
    """Cases whose cached state or last event date is not what their events give (``audit
    verify``: these two fields are derived, so they are checked against the events, not
    against the case's audit entries)."""
    out: list[tuple[str, list[str]]] = []
    ids = list(session.scalars(select(Case.id).order_by(Case.id)))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        events = _events_of(session, chunk)
        rows = session.execute(
            select(Case.id, Case.state, Case.last_event_on, Case.deleted).where(Case.id.in_(chunk))
        ).tuples().all()
        derived = {case_id: lc.derive_state(events[case_id]) for case_id, *_rest in rows}
        steps_off = kept_steps.mismatched(
            session, {case_id: None if gone else derived[case_id] for case_id, _s, _l, gone in rows})
        for case_id, state, last, _gone in rows:
            d = derived[case_id]
            wrong = [name for name, have, want in (("state", state, d.state),
                                                   ("last_event_on", last, d.entered_on))
                     if have != want]
            if case_id in steps_off:
                wrong.append("steps")
            if wrong:
                out.append((case_id, wrong))
    return out


_CHUNK = 500


def _verdict_fields(
    session: Session, stage: str, penalty_code: str | None, board_code: str | None
) -> tuple[str | None, str | None]:
    if stage in lc.VERDICT_STAGES:
        penalties = _active_codes(session, "penalty")
        penalty = _check_code(penalties, penalty_code, "مجازات (نتیجهٔ رأی)", "penalty")
        board = _check_code(_active_codes(session, "board"), board_code, "مرجع رأی", "deciding board")
        return penalty, board
    if penalty_code or board_code:
        raise UserError(
            f"برای «{lc.STATE_LABELS_FA[stage]}» مجازات و مرجع رأی ثبت نمی‌شود؛ آن‌ها را خالی بگذارید.",
            f"A {stage!r} step records no penalty or board.",
            code="case_not_verdict",
        )
    return None, None


def _check_event_date(when: _dt.date, after: lc.EventRecord | None, reported_on: _dt.date) -> None:
    floor = after.event_date if after is not None else reported_on
    if when < floor:
        raise UserError(
            f"تاریخ این مرحله ({jalali.format_date(when)}) پیش از مرحلهٔ قبلی "
            f"({jalali.format_date(floor)}) است؛ تاریخ را اصلاح کنید.",
            f"The step's date {when} is before the previous step ({floor}).",
            code="case_date_order",
        )


def add_event(
    store: Store,
    actor: Actor,
    case_id: str,
    stage: str,
    *,
    event_date: _dt.date | str,
    note: str = "",
    penalty_code: str | None = None,
    board_code: str | None = None,
    today: _dt.date | None = None,
) -> CaseSummary:
    """Record the next step of a case; refused unless the lifecycle allows it from its state."""
    require(actor, "cases.edit")
    today = today or jalali.today()
    when = _date(event_date, "تاریخ مرحله", "Step date", today)
    text = _text(note, "شرح", "Note", required=False, limit=MAX_NOTE)
    with store.session() as s:
        case = _load_case(s, case_id)
        derived = lc.derive_state(_event_records(s, case.id))
        lc.check_transition(derived.state, stage)
        penalty, board = _verdict_fields(s, stage, penalty_code, board_code)
        _check_event_date(when, derived.last, case.reported_on)
        records.add(s, store, actor, CaseEvent(
            case_id=case.id, stage=stage, follows_id=derived.last.id if derived.last else None,
            event_date=when, note=text, penalty_code=penalty, board_code=board,
            # The event belongs to the case's office (an HQ decision travels back to it);
            # ``actor``/``updated_by`` say who recorded it.
            actor=actor.label, office_code=case.office_code,
        ))
        _refresh_cache(s, store, actor, case)
    return _summaries(store, actor, [case_id])[0]


def _amend(
    store: Store, actor: Actor, event_id: str, kind: str, fields: Mapping[str, Any], today: _dt.date | None
) -> CaseSummary:
    today = today or jalali.today()
    with store.session() as s:
        target = records.load_live(
            s, CaseEvent, event_id,
            "مرحلهٔ برگزیده پیدا نشد؛ پرونده را دوباره باز کنید.",
            "Case event", "case_event_missing",
        )
        case = _load_case(s, target.case_id)
        events = _event_records(s, case.id)
        derived = lc.derive_state(events)
        by_id = {e.id: e for e in events}
        root = by_id[target.id]
        while root.stage in lc.AMENDMENTS and root.follows_id in by_id:
            root = by_id[root.follows_id]  # amend the step, whichever amendment was picked
        current = {e.id: e for e in derived.applied}.get(root.id)
        if current is None:
            raise UserError(
                "این مرحله در وضعیت پرونده اثری ندارد (باطل یا تکراری است) و اصلاح نمی‌شود.",
                "Only steps that count in the case's state can be corrected or withdrawn.",
                code="case_event_not_applied",
            )
        if kind == lc.WITHDRAWAL:
            if current.stage == lc.REPORTED:
                raise UserError(
                    "گزارش اولیه باطل نمی‌شود؛ اگر گزارش قابل رسیدگی نیست، "
                    "مرحلهٔ «غیرقابل رسیدگی» را ثبت کنید.",
                    "The initial report cannot be withdrawn; record 'not pursuable' instead.",
                    code="case_withdraw_report",
                )
            if derived.last is None or derived.last.id != current.id:
                raise UserError(
                    "فقط آخرین مرحلهٔ پرونده را می‌توان باطل کرد؛ نخست مرحله‌های بعدی را باطل کنید.",
                    "Only the latest step can be withdrawn; withdraw the later steps first.",
                    code="case_withdraw_not_last",
                )
            values = {"event_date": today, "note": fields["note"], "penalty_code": None, "board_code": None}
        else:
            when = fields.get("event_date") or current.event_date
            when = _date(when, "تاریخ مرحله", "Step date", today)
            steps = list(derived.applied)
            i = steps.index(current)
            _check_event_date(when, steps[i - 1] if i > 0 else None, case.reported_on)
            if i + 1 < len(steps) and when > steps[i + 1].event_date:
                raise UserError(
                    "تاریخ اصلاحی پس از تاریخ مرحلهٔ بعدی است؛ تاریخ را اصلاح کنید.",
                    "The corrected date is after the next step's date.",
                    code="case_date_order",
                )
            penalty, board = _verdict_fields(
                s, current.stage,
                fields.get("penalty_code") or current.penalty_code if current.stage in lc.VERDICT_STAGES
                else None,
                fields.get("board_code") or current.board_code if current.stage in lc.VERDICT_STAGES
                else None,
            )
            note = fields.get("note")
            values = {"event_date": when, "note": current.note if note is None else note,
                      "penalty_code": penalty, "board_code": board}
        records.add(s, store, actor, CaseEvent(
            case_id=case.id, stage=kind, follows_id=target.id, actor=actor.label,
            office_code=case.office_code, **values,
        ))
        _refresh_cache(s, store, actor, case)
        case_id = case.id
    return _summaries(store, actor, [case_id])[0]


def correct_event(
    store: Store,
    actor: Actor,
    event_id: str,
    *,
    event_date: _dt.date | str | None = None,
    note: str | None = None,
    penalty_code: str | None = None,
    board_code: str | None = None,
    today: _dt.date | None = None,
) -> CaseSummary:
    """Record a correction of a step (date, note, penalty, board); the step stays as it was."""
    require(actor, "cases.edit")
    text = None if note is None else _text(note, "شرح", "Note", required=False, limit=MAX_NOTE)
    fields = {"event_date": event_date, "note": text, "penalty_code": penalty_code, "board_code": board_code}
    return _amend(store, actor, event_id, lc.CORRECTION, fields, today)


def withdraw_event(
    store: Store, actor: Actor, event_id: str, *, reason: str, today: _dt.date | None = None
) -> CaseSummary:
    """Withdraw the latest step (recorded by mistake) with a reason; the record stays."""
    require(actor, "cases.edit")
    text = _text(reason, "دلیل ابطال", "Reason", required=True, limit=MAX_NOTE)
    return _amend(store, actor, event_id, lc.WITHDRAWAL, {"note": text}, today)


def attach_document(
    store: Store,
    actor: Actor,
    case_id: str,
    source_path: str | os.PathLike[str],
    *,
    event_id: str | None = None,
    note: str = "",
) -> Document:
    """Attach a file to a case, or to one of its steps (``event_id``), in the evidence store.

    The step is saved first and the file attached after it (the file copy cannot share the
    step's transaction); a failed attachment leaves the step as it was.
    """
    require(actor, "cases.edit")
    with store.read() as s:
        _load_case(s, case_id)
        if event_id is not None:
            event = s.get(CaseEvent, event_id)
            if event is None or event.case_id != case_id or event.deleted:
                raise UserError(
                    "مرحلهٔ برگزیده از این پرونده نیست؛ پرونده را دوباره باز کنید.",
                    f"Event {event_id!r} is not a step of case {case_id!r}.",
                    code="case_event_missing",
                )
    from integrity_desktop.services.store import evidence

    info = evidence.attach(
        store, actor, "case_event" if event_id else "case", event_id or case_id, source_path, note
    )
    return Document(info.id, info.filename, info.size, info.mime, event_id)


def set_deadlines(store: Store, actor: Actor, values: Mapping[str, int]) -> dict[str, int]:
    """Change the legal deadlines (days per state) of this store; others keep their value."""
    require(actor, "cases.configure")
    clean = lc.validate_deadlines(values)
    merged = {**lc.deadlines(store), **clean}
    with store.session() as s:
        store.set_meta(lc.DEADLINES_META_KEY, json.dumps(merged, sort_keys=True), s)
        audit.append(s, store, actor, "case.deadlines", "store_meta", lc.DEADLINES_META_KEY, None, merged)
    return merged



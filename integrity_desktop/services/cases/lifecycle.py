"""The lifecycle of a violation case as data: states, allowed steps, deadlines, derivation.

The Law on Handling Administrative Violations fixes the path of a case; here it is one table
(``TRANSITIONS``) that the service, the UI and the tests read, so a step that is not allowed
cannot be offered in one place and accepted in another.

A case's state is never stored as the truth: it is derived from its immutable events.  Events
are sorted by (stage order, version stamp, id), never by arrival, and applied one by one; an
event whose step is not allowed from the state reached so far is kept but marked *ignored*
(a province and HQ may record the same step concurrently).  A ``correction`` event replaces the
data of the event it follows; a ``withdrawal`` event removes the event it follows from the
derivation (a step recorded by mistake).  Both are new records; nothing is ever edited.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from integrity_desktop.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from integrity_desktop.db.store import Store

REPORTED = "reported"
NOT_PURSUABLE = "not_pursuable"
LEGAL_ACTION = "legal_action"
FILE_FORMED = "file_formed"
PRELIMINARY_VERDICT = "preliminary_verdict"
APPEAL_REQUESTED = "appeal_requested"
APPEAL_VERDICT = "appeal_verdict"
OBJECTION = "objection"
FINAL_DECISION = "final_decision"
CLOSED = "closed"

# Event kinds that are not steps of the lifecycle.
CORRECTION = "correction"
WITHDRAWAL = "withdrawal"
AMENDMENTS = (CORRECTION, WITHDRAWAL)

# Lifecycle order: every allowed step goes forward in it, so sorting by it replays any valid
# history correctly whatever order the events arrived in.
STATES: tuple[str, ...] = (
    REPORTED,
    NOT_PURSUABLE,
    LEGAL_ACTION,
    FILE_FORMED,
    PRELIMINARY_VERDICT,
    APPEAL_REQUESTED,
    APPEAL_VERDICT,
    OBJECTION,
    FINAL_DECISION,
    CLOSED,
)
STAGE_ORDER: dict[str, int] = {s: i for i, s in enumerate(STATES)}

STATE_LABELS_FA: dict[str, str] = {
    REPORTED: "گزارش‌شده",
    NOT_PURSUABLE: "غیرقابل رسیدگی",
    LEGAL_ACTION: "اقدام قانونی (تکرار تخلف)",
    FILE_FORMED: "پرونده تشکیل شد",
    PRELIMINARY_VERDICT: "رأی بدوی",
    APPEAL_REQUESTED: "درخواست تجدیدنظر",
    APPEAL_VERDICT: "رأی تجدیدنظر",
    OBJECTION: "اعتراض به دیوان یا هیئت عالی نظارت",
    FINAL_DECISION: "رأی قطعی / تصمیم نهایی",
    CLOSED: "مختومه",
}
KIND_LABELS_FA: dict[str, str] = {
    **STATE_LABELS_FA,
    CORRECTION: "اصلاحیه",
    WITHDRAWAL: "ابطال مرحلهٔ ثبت‌شده",
}

# How a stored event counts in the derivation (``CaseFile.timeline`` statuses).
STATUS_LABELS_FA: dict[str, str] = {
    "applied": "معتبر",
    "corrected": "اصلاح‌شده",
    "amendment": "اصلاحیهٔ معتبر",
    "duplicate": "تکراری (بی‌اثر)",
    "not_allowed": "ناسازگار با روند (بی‌اثر)",
    "withdrawn": "باطل‌شده",
    "superseded": "جایگزین‌شده با اصلاحیهٔ بعدی",
    "orphan": "بی‌مرجع (بی‌اثر)",
}

TRANSITIONS: dict[str, frozenset[str]] = {
    REPORTED: frozenset({NOT_PURSUABLE, LEGAL_ACTION, FILE_FORMED}),
    NOT_PURSUABLE: frozenset(),
    LEGAL_ACTION: frozenset({FILE_FORMED, CLOSED}),
    FILE_FORMED: frozenset({PRELIMINARY_VERDICT, CLOSED}),
    PRELIMINARY_VERDICT: frozenset({APPEAL_REQUESTED, OBJECTION, CLOSED}),
    APPEAL_REQUESTED: frozenset({APPEAL_VERDICT}),
    APPEAL_VERDICT: frozenset({OBJECTION, CLOSED}),
    OBJECTION: frozenset({FINAL_DECISION}),
    FINAL_DECISION: frozenset({CLOSED}),
    CLOSED: frozenset(),
}
TERMINAL_STATES = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
OPEN_STATES: tuple[str, ...] = tuple(s for s in STATES if s not in TERMINAL_STATES)

# Steps that are verdicts: they must name a penalty and the deciding board.
VERDICT_STAGES = frozenset({PRELIMINARY_VERDICT, APPEAL_VERDICT, FINAL_DECISION})

# Days a case may stay in a state before its next step is due (configurable per store).
DEFAULT_DEADLINES: dict[str, int] = {
    REPORTED: 30,  # decide whether the report is pursued
    LEGAL_ACTION: 60,
    FILE_FORMED: 90,  # the preliminary board's verdict
    PRELIMINARY_VERDICT: 30,  # appeal window; afterwards the verdict is final and the file closed
    APPEAL_REQUESTED: 60,
    APPEAL_VERDICT: 90,  # three months to object at the Court of Administrative Justice
    OBJECTION: 180,
    FINAL_DECISION: 30,  # enforce and close
}
DEADLINES_META_KEY = "cases.deadlines"


def allowed_next(state: str) -> frozenset[str]:
    """Steps a case in ``state`` may take next (the UI offers exactly these)."""
    return TRANSITIONS.get(state, frozenset())


def check_transition(state: str, stage: str) -> None:
    """Refuse a step that the law's path does not allow from ``state``."""
    if stage not in STAGE_ORDER or stage == REPORTED:
        raise UserError(
            f"مرحلهٔ «{stage}» شناخته نیست؛ یکی از مرحله‌های فهرست را برگزینید.",
            f"Unknown case step {stage!r}.",
            code="case_unknown_stage",
        )
    if stage not in allowed_next(state):
        options = "، ".join(STATE_LABELS_FA[s] for s in STATES if s in allowed_next(state))
        hint = f"مرحله‌های مجاز بعدی: {options}." if options else "این پرونده مرحلهٔ بعدی ندارد."
        raise UserError(
            f"پرونده در وضعیت «{STATE_LABELS_FA[state]}» است و نمی‌توان «{STATE_LABELS_FA[stage]}» "
            f"را برای آن ثبت کرد. {hint}",
            f"A case in state {state!r} cannot move to {stage!r}.",
            code="case_bad_transition",
        )


# ------------------------------------------------------------------------------ deadlines


def deadlines(store: Store, session: Session | None = None) -> dict[str, int]:
    """The store's deadlines (days per state), defaults filled in for states not configured
    (read in ``session`` when the caller has one open)."""
    raw = store.get_meta(DEADLINES_META_KEY, "", session)
    out = dict(DEFAULT_DEADLINES)
    if raw:
        try:
            stored = json.loads(raw)
        except ValueError:
            stored = {}
        out.update({k: int(v) for k, v in stored.items() if k in DEFAULT_DEADLINES})
    return out


def validate_deadlines(values: Mapping[str, int]) -> dict[str, int]:
    """Whole days between 1 and 3650 for states that have a next step."""
    clean: dict[str, int] = {}
    for state, days in values.items():
        if state not in DEFAULT_DEADLINES:
            raise UserError(
                f"برای وضعیت «{state}» مهلت تعریف نمی‌شود.",
                f"No deadline can be set for state {state!r}.",
                code="case_deadline_state",
            )
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650:
            raise UserError(
                f"مهلت «{STATE_LABELS_FA[state]}» باید عددی صحیح بین ۱ و ۳۶۵۰ روز باشد.",
                f"The deadline for {state!r} must be a whole number of days from 1 to 3650.",
                code="case_deadline_days",
            )
        clean[state] = days
    return clean


def due_date(state: str, entered_on: _dt.date | None, limits: Mapping[str, int]) -> _dt.date | None:
    """When the next step of a case that entered ``state`` on ``entered_on`` is due."""
    if entered_on is None or state not in limits:
        return None
    return entered_on + _dt.timedelta(days=limits[state])


def is_overdue(
    state: str, entered_on: _dt.date | None, limits: Mapping[str, int], today: _dt.date
) -> bool:
    due = due_date(state, entered_on, limits)
    return due is not None and today > due


# ------------------------------------------------------------------------------ derivation


@dataclass(frozen=True)
class EventRecord:
    """What derivation needs of one stored event (a plain value; no ORM row)."""

    id: str
    stage: str
    hlc: str
    event_date: _dt.date
    follows_id: str | None = None
    note: str = ""
    penalty_code: str | None = None
    board_code: str | None = None
    actor: str = ""
    office_code: str = ""


@dataclass(frozen=True)
class Derived:
    """The result of replaying a case's events.

    ``applied`` are the effective steps in lifecycle order (corrections already merged in:
    each keeps the id of the original event); ``ignored`` maps event ids that did not apply to
    the reason (``duplicate``, ``not_allowed``, ``withdrawn``, ``superseded``, ``orphan``).
    """

    state: str
    applied: tuple[EventRecord, ...]
    ignored: Mapping[str, str]

    @property
    def last(self) -> EventRecord | None:
        return self.applied[-1] if self.applied else None

    @property
    def entered_on(self) -> _dt.date | None:
        """Date of the step that brought the case to its current state."""
        return self.applied[-1].event_date if self.applied else None


def _key(e: EventRecord) -> tuple[str, str]:
    return (e.hlc, e.id)


def _resolve_amendments(
    events: Sequence[EventRecord],
) -> tuple[dict[str, EventRecord], dict[str, str]]:
    """Merge corrections into the steps they correct and drop withdrawn steps.

    Amendments may follow a step or an earlier amendment of it; each chain is resolved to its
    root step.  Among the amendments of one step, the one with the greatest (hlc, id) decides.
    """
    by_id = {e.id: e for e in events}
    ignored: dict[str, str] = {}
    if not any(e.stage in AMENDMENTS for e in events):  # most cases: nothing to merge or drop
        return by_id, ignored

    def root(e: EventRecord) -> EventRecord | None:
        seen: set[str] = set()
        cur = e
        while cur.stage in AMENDMENTS:
            if cur.follows_id is None or cur.follows_id in seen or cur.follows_id not in by_id:
                return None
            seen.add(cur.id)
            cur = by_id[cur.follows_id]
        return cur

    latest: dict[str, EventRecord] = {}
    for e in events:
        if e.stage not in AMENDMENTS:
            continue
        target = root(e)
        if target is None:
            ignored[e.id] = "orphan"
            continue
        best = latest.get(target.id)
        if best is None or _key(e) > _key(best):
            if best is not None:
                ignored[best.id] = "superseded"
            latest[target.id] = e
        else:
            ignored[e.id] = "superseded"

    steps: dict[str, EventRecord] = {}
    for e in events:
        if e.stage in AMENDMENTS:
            continue
        amendment = latest.get(e.id)
        if amendment is None:
            steps[e.id] = e
        elif amendment.stage == WITHDRAWAL:
            ignored[e.id] = "withdrawn"
        else:
            steps[e.id] = replace(
                e,
                event_date=amendment.event_date,
                note=amendment.note,
                penalty_code=amendment.penalty_code,
                board_code=amendment.board_code,
            )
    return steps, ignored


def derive_state(events: Iterable[EventRecord]) -> Derived:
    """Replay events in (stage order, hlc, id) order; the result ignores arrival order."""
    steps, ignored = _resolve_amendments(list(events))
    ordered = sorted(
        (e for e in steps.values() if e.stage in STAGE_ORDER),
        key=lambda e: (STAGE_ORDER[e.stage], e.hlc, e.id),
    )
    for e in steps.values():
        if e.stage not in STAGE_ORDER:
            ignored[e.id] = "not_allowed"
    state: str | None = None
    applied: list[EventRecord] = []
    for e in ordered:
        if state is None:
            if e.stage == REPORTED:
                state = REPORTED
                applied.append(e)
            else:
                ignored[e.id] = "not_allowed"
        elif e.stage == state:
            ignored[e.id] = "duplicate"
        elif e.stage in allowed_next(state):
            state = e.stage
            applied.append(e)
        else:
            ignored[e.id] = "not_allowed"
    return Derived(state=state or REPORTED, applied=tuple(applied), ignored=dict(ignored))

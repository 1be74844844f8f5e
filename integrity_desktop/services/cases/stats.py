"""Indicators 6/1–6/11 of the three-year programme, computed from the case register whenever
they are shown (``SOURCE`` registers them with ``services.figures.computed``).

Axis 6 («اجرای قانون رسیدگی به تخلفات اداری در دستگاه») counts what happened to cases in a
period.  A step counts in the period its *effective* date falls in (a correction may move it);
only steps that count in a case's derived state are counted (``case_lifecycle.derive_state``),
so a withdrawn step, a duplicate recorded by a second office or a correction never counts twice.
The mapping of each indicator, with its catalogue title:

- 6/1 «گزارش بازرسان معتمد … در خصوص ارتکاب تخلف در مرتبه اول»: cases reported in the period
  whose employee (national code) had no case reported earlier in the same office's register.
- 6/2 «گزارش‌های غیرقابل رسیدگی»: «غیرقابل رسیدگی» steps dated in the period.
- 6/3 «پرونده‌های تشکیل‌شده»: «پرونده تشکیل شد» steps.
- 6/4 «پرونده‌های مختومه»: «مختومه» steps.
- 6/5 «آراء بدوی»: preliminary verdicts.
- 6/6 «درخواست تجدیدنظرخواهی»: appeal requests.
- 6/7 «آراء تجدیدنظر»: appeal verdicts.
- 6/8 «اعتراض به دیوان عدالت اداری یا هیأت عالی نظارت»: objections.
- 6/9 «آراء قطعی دیوان و یا تصمیم هیأت عالی نظارت»: final decisions.
- 6/10 «اقدام قانونی در خصوص گزارش بازرسان معتمد در زمینه تکرار تخلف»: legal-action steps.
- 6/11 «آمار کلی فعالیت‌های انجام‌شده»: every counted step in the period, the report itself
  included (the sum of all the steps above plus reports of repeated violations).
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Case, CaseEvent
from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import steps as kept_steps
from integrity_desktop.services.figures.computed import ComputedSource, Figure, RecordRow

# Indicator code -> the lifecycle step it counts (6/1 and 6/11 are computed specially).
STEP_INDICATORS: dict[str, str] = {
    "6/2": lc.NOT_PURSUABLE,
    "6/3": lc.FILE_FORMED,
    "6/4": lc.CLOSED,
    "6/5": lc.PRELIMINARY_VERDICT,
    "6/6": lc.APPEAL_REQUESTED,
    "6/7": lc.APPEAL_VERDICT,
    "6/8": lc.OBJECTION,
    "6/9": lc.FINAL_DECISION,
    "6/10": lc.LEGAL_ACTION,
}
INDICATOR_CODES: tuple[str, ...] = tuple(f"6/{i}" for i in range(1, 12))


@dataclass(frozen=True)
class CaseStatistics:
    """Indicator values of one period for one office, plus two breakdowns for the report."""

    period_code: str
    period_label: str
    office_code: str
    values: dict[str, int]  # "6/1" .. "6/11"
    by_penalty: dict[str, int]  # penalty code -> verdicts of the period with that penalty
    by_violation: dict[str, int]  # violation code -> cases reported in the period


def _events_touching(
    session: Session, office: str, start: _dt.date, end: _dt.date
) -> dict[str, list[lc.EventRecord]]:
    """All events of every case of ``office`` that has any event dated in [start, end] (the
    records behind a figure are listed from their replay; the figures count the kept steps).

    One query with a sub-select (no id lists), so it costs the same on SQLite and PostgreSQL.
    Any step whose effective date is in the period has its own date or a correction's in it.
    """
    touched = (
        select(CaseEvent.case_id)
        .where(CaseEvent.event_date >= start, CaseEvent.event_date <= end, CaseEvent.deleted.is_(False))
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            CaseEvent.case_id, CaseEvent.id, CaseEvent.stage, CaseEvent.hlc,
            CaseEvent.event_date, CaseEvent.follows_id, CaseEvent.penalty_code,
        )
        .join(Case, Case.id == CaseEvent.case_id)
        .where(
            Case.office_code == office, Case.deleted.is_(False), CaseEvent.deleted.is_(False),
            CaseEvent.case_id.in_(touched),
        )
    ).tuples().all()  # fetched at once (row by row costs a call per row with psycopg)
    out: dict[str, list[lc.EventRecord]] = {}
    for case_id, eid, stage, hlc, when, follows, penalty in rows:
        out.setdefault(case_id, []).append(lc.EventRecord(
            id=eid, stage=stage, hlc=hlc, event_date=when, follows_id=follows, penalty_code=penalty,
        ))
    return out


def _first_offence_count(session: Session, office_code: str, start: _dt.date, end: _dt.date) -> int:
    """Employees (national codes) whose first case in the office was reported in [start, end]."""
    return _first_offence_counts(session, [office_code], start, end).get(office_code, 0)


def _first_offence_counts(
    session: Session, offices: Sequence[str], start: _dt.date, end: _dt.date
) -> dict[str, int]:
    """office -> employees (national codes) whose first case in that office was reported in
    [start, end].

    Each employee has one first case, so this is the number of first-offence cases.
    """
    firsts = (
        select(Case.office_code, Case.national_code, func.min(Case.reported_on).label("first_on"))
        .where(Case.office_code.in_(list(offices)), Case.deleted.is_(False), Case.reported_on <= end)
        .group_by(Case.office_code, Case.national_code)
        .subquery()
    )
    return {office: int(n) for office, n in session.execute(
        select(firsts.c.office_code, func.count()).where(firsts.c.first_on >= start)
        .group_by(firsts.c.office_code)
    ).tuples()}


def _values(
    session: Session, office: str, period: jalali.Period
) -> tuple[dict[str, int], Counter[str], Counter[str]]:
    """6/1-6/11 of one office in one period, the penalties of its verdicts and its violations."""
    start, end = period.start, period.end
    first = _first_offence_count(session, office, start, end)
    violations: Counter[str] = Counter()
    for codes in session.scalars(select(Case.violation_codes).where(
        Case.office_code == office, Case.deleted.is_(False),
        Case.reported_on >= start, Case.reported_on <= end,
    )):
        violations.update(codes or ())
    steps = kept_steps.counted(session, [office], start, end).get(office, Counter())
    return _indicator_values(first, steps), kept_steps.penalties(session, office, start, end), violations


def _indicator_values(first: int, steps: Counter[str]) -> dict[str, int]:
    """6/1-6/11 from the first offences and the counted steps of the period."""
    values = {"6/1": first}
    values.update({code: steps[stage] for code, stage in STEP_INDICATORS.items()})
    values["6/11"] = sum(steps.values())
    return {code: values[code] for code in INDICATOR_CODES}


def compute(store: Store, actor: Actor, period_code: str, office_code: str | None = None) -> CaseStatistics:
    """Indicators 6/1–6/11 of ``period_code`` for an office (default: the actor's)."""
    require(actor, "cases.view_counts")
    period = jalali.Period.parse(period_code)
    office = office_code or actor.office_code
    with store.read() as s:
        values, penalties, violations = _values(s, office, period)
    return CaseStatistics(
        period_code=period.code, period_label=period.label_fa, office_code=office, values=values,
        by_penalty=dict(sorted(penalties.items())), by_violation=dict(sorted(violations.items())),
    )


# ------------------------------------------------------------------------------ the registry

FORMULAS_FA: dict[str, str] = {
    "6/1": "شمار پرونده‌های گزارش‌شده در دوره که نخستین پروندهٔ آن کارمند (کد ملی) در این اداره است",
    **{code: f"شمار مرحله‌های معتبر «{lc.STATE_LABELS_FA[stage]}» با تاریخ در دوره"
       for code, stage in STEP_INDICATORS.items()},
    "6/11": "شمار همهٔ مرحله‌های معتبر با تاریخ در دوره، گزارش تخلف هم",
}


def _figures(session: Session, office: str, period: jalali.Period, _today: _dt.date) -> dict[str, Figure]:
    values = _values(session, office, period)[0]
    return {code: Figure(code, float(values[code]), values[code], None, FORMULAS_FA[code])
            for code in INDICATOR_CODES}


def _figures_all(
    session: Session, offices: Sequence[str], period: jalali.Period, _today: _dt.date,
    codes: frozenset[str] | None = None,
) -> dict[str, dict[str, Figure]]:
    """``_figures`` of many offices: one grouped count of the kept steps of every office's cases
    and one of first offences, as in ``_values``.  With ``codes``, only those figures: the first
    offences are counted only for 6/1, the steps only for the others."""
    asked = [code for code in INDICATOR_CODES if codes is None or code in codes]
    start, end = period.start, period.end
    by_step = any(code != "6/1" for code in asked)
    counts = kept_steps.counted(session, offices, start, end) if by_step else {}
    firsts = _first_offence_counts(session, offices, start, end) if "6/1" in asked else {}
    out: dict[str, dict[str, Figure]] = {}
    for office in offices:
        values = _indicator_values(firsts.get(office, 0), counts.get(office, Counter()))
        out[office] = {code: Figure(code, float(values[code]), values[code], None, FORMULAS_FA[code])
                       for code in asked}
    return out


def _records(
    session: Session, office: str, period: jalali.Period, _today: _dt.date, code: str
) -> list[RecordRow]:
    """The cases (6/1) or the counted steps (6/2-6/11) behind a figure; case numbers, no names."""
    start, end = period.start, period.end
    if code == "6/1":
        firsts = (
            select(Case.national_code, func.min(Case.reported_on).label("first_on"))
            .where(Case.office_code == office, Case.deleted.is_(False), Case.reported_on <= end)
            .group_by(Case.national_code).subquery()
        )
        rows = session.execute(
            select(Case.id, Case.case_number, Case.reported_on)
            .join(firsts, (firsts.c.national_code == Case.national_code) & (firsts.c.first_on == Case.reported_on))
            .where(Case.office_code == office, Case.deleted.is_(False), Case.reported_on >= start,
                   Case.reported_on <= end)
            .order_by(Case.reported_on, Case.case_number)
        ).tuples().all()
        seen: set[str] = set()
        out = []
        for cid, number, day in rows:
            if cid not in seen:
                seen.add(cid)
                out.append(RecordRow("پرونده", cid, day, f"پروندهٔ {number}: نخستین گزارش تخلف این کارمند"))
        return out
    if code not in INDICATOR_CODES:
        return []
    stage = STEP_INDICATORS.get(code)
    events = _events_touching(session, office, start, end)
    numbers = dict(session.execute(
        select(Case.id, Case.case_number).where(Case.id.in_(list(events)))).tuples().all()) if events else {}
    out = []
    for case_id, case_events in events.items():
        for step in lc.derive_state(case_events).applied:
            if start <= step.event_date <= end and (stage is None or step.stage == stage):
                out.append(RecordRow(
                    "مرحلهٔ پرونده", step.id, step.event_date,
                    f"پروندهٔ {numbers.get(case_id, '—')}: {lc.STATE_LABELS_FA.get(step.stage, step.stage)}",
                ))
    return sorted(out, key=lambda r: (r.day or start, r.text))


SOURCE = ComputedSource(
    formulas_fa=FORMULAS_FA,
    figures_all=_figures_all,
    figures=_figures,
    records=_records,
    permission="cases.view_counts",
)


# ------------------------------------------------------------------------------ dashboard

AGE_BUCKETS: tuple[tuple[str, str, int | None], ...] = (
    ("lt1m", "کمتر از یک ماه", 30),
    ("1to3m", "یک تا سه ماه", 90),
    ("3to6m", "سه تا شش ماه", 180),
    ("6to12m", "شش ماه تا یک سال", 365),
    ("gt1y", "بیش از یک سال", None),
)


@dataclass(frozen=True)
class OpenCasesRow:
    """Open cases in one state, by age since the report and how many are overdue."""

    state: str
    state_label: str
    by_age: dict[str, int]  # bucket key (AGE_BUCKETS) -> count
    total: int
    overdue: int


def open_cases_by_state_and_age(
    store: Store, actor: Actor, *, office_code: str | None = None, today: _dt.date | None = None
) -> list[OpenCasesRow]:
    """The dashboard table: one row per open state (in lifecycle order), counts only."""
    require(actor, "cases.view_counts")
    today = today or jalali.today()
    limits = lc.deadlines(store)
    whens = []
    for key, _label, days in AGE_BUCKETS:
        if days is not None:
            whens.append((Case.reported_on >= today - _dt.timedelta(days=days), key))
    bucket = sql_case(*whens, else_=AGE_BUCKETS[-1][0])
    overdue = sql_case(*(
        (Case.state == state, sql_case(
            (Case.last_event_on < today - _dt.timedelta(days=days), 1), else_=0))
        for state, days in limits.items()
    ), else_=0)
    conds: list[ColumnElement[bool]] = [Case.deleted.is_(False), Case.state.in_(lc.OPEN_STATES)]
    if office_code:
        conds.append(Case.office_code == office_code)
    with store.read() as s:
        rows = s.execute(
            select(Case.state, bucket, func.count(), func.sum(overdue)).where(*conds)
            .group_by(Case.state, bucket)
        ).all()
    table: dict[str, dict[str, int]] = {st: {k: 0 for k, _, _ in AGE_BUCKETS} for st in lc.OPEN_STATES}
    late: Counter[str] = Counter()
    for state, key, count, n_overdue in rows:
        table[state][key] += int(count)
        late[state] += int(n_overdue or 0)
    return [
        OpenCasesRow(st, lc.STATE_LABELS_FA[st], ages, sum(ages.values()), late[st])
        for st, ages in table.items()
    ]


def indicator_titles(codes: Iterable[str] = INDICATOR_CODES) -> dict[str, str]:
    """Catalogue titles of the axis-6 indicators (for reports and screens)."""
    from integrity_desktop import catalog

    wanted = set(codes)
    out: dict[str, str] = {}
    for axis in catalog.load_three_year().axes:
        for ind in axis.indicators:
            if ind.code in wanted:
                out[ind.code] = ind.title_fa
    return out

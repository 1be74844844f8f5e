"""What the inspection reports show, gathered once through the services as plain values.

Both the PDF and the Excel form of a report are written from the same dataclass, so the two
can never disagree.  Every number here is derived from the plan and the visit log.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor
from integrity_desktop.services.inspections import figures as inspection_figures
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.inspections.common import SEVERITIES, VISIT_KINDS
from integrity_desktop.services.inspections.figures import Figure
from integrity_desktop.services.inspections.inspectors import InspectorInfo
from integrity_desktop.services.inspections.plans import PlanItemInfo
from integrity_desktop.services.inspections.visits import FollowUpRow, VisitDetail

T = TypeVar("T")
PAGE = 1000


def _all(fetch: Callable[[int, int], list[T]]) -> list[T]:
    out: list[T] = []
    while True:
        page = fetch(len(out), PAGE)
        out += page
        if len(page) < PAGE:
            return out


def period_of_kind(code: str | None, kinds: tuple[str, ...], example: str) -> Period:
    """The report's period, refused with an example when it is of the wrong kind."""
    if not code:
        raise UserError(
            f"دورهٔ گزارش را بدهید (مانند {to_persian_digits(example)}).",
            f"Give --period (e.g. {example}).",
            code="period_missing",
        )
    period = Period.parse(code)
    if period.kind not in kinds:
        names = {"month": "ماه", "half": "نیم‌سال", "year": "سال", "quarter": "سه‌ماهه"}
        wanted = " یا ".join(names[k] for k in kinds)
        raise UserError(
            f"دورهٔ این گزارش باید {wanted} باشد؛ آن را مانند {to_persian_digits(example)} بنویسید.",
            f"This report needs a period of kind {'/'.join(kinds)}, e.g. {example}.",
            code="period_kind",
        )
    return period


def find_inspector(store: Store, actor: Actor, subject: str | None) -> InspectorInfo:
    """The inspector named by id or national code (``--subject``)."""
    if not subject:
        raise UserError(
            "بازرس را با --subject (شناسه یا کد ملی) مشخص کنید.",
            "Give the inspector's id or national code as --subject.",
            code="subject_missing",
        )
    text = subject.strip()
    by_code = inspectors.find_by_national_code(store, actor, text) if text.isdigit() else None
    if by_code is not None:
        return by_code
    return inspectors.get_inspector(store, actor, text)


def _visit_details(store: Store, actor: Actor, **filters: str | None) -> list[VisitDetail]:
    infos = _all(lambda o, n: visits.list_visits(store, actor, visits.VisitQuery(**filters), offset=o, limit=n))
    return [visits.get_visit(store, actor, v.id) for v in infos]


@dataclass(frozen=True)
class InspectorMonth:
    """``inspector-monthly``: one inspector's visits, findings and actions in a month."""

    inspector: InspectorInfo
    period: Period
    planned: list[PlanItemInfo]
    visits: list[VisitDetail]

    @property
    def findings(self) -> int:
        return sum(len(v.findings) for v in self.visits)

    @property
    def actions(self) -> int:
        return sum(len(f.actions) for v in self.visits for f in v.findings)

    @property
    def open_actions(self) -> int:
        return sum(1 for v in self.visits for f in v.findings for a in f.actions if a.status == "open")

    @property
    def overdue_actions(self) -> int:
        return sum(1 for v in self.visits for f in v.findings for a in f.actions if a.overdue)


def inspector_month(
    store: Store, actor: Actor, period_code: str | None, subject: str | None
) -> InspectorMonth:
    period = period_of_kind(period_code, ("month",), "1403-M07")
    person = find_inspector(store, actor, subject)
    planned = _all(
        lambda o, n: inspection_plans.list_plan_items(
            store, actor, inspection_plans.PlanItemQuery(period_code=period.code, inspector_id=person.id),
            offset=o, limit=n,
        )
    )
    details = _visit_details(store, actor, period_code=period.code, inspector_id=person.id)
    details.sort(key=lambda d: (d.visit.visit_date, d.visit.id))
    return InspectorMonth(person, period, planned, details)


@dataclass(frozen=True)
class Analysis:
    """``inspections-semiannual``: counts by kind, unit and severity, figures, overdue actions."""

    period: Period
    unit_name: str
    visits: list[VisitDetail]
    by_kind: list[tuple[str, int]]
    by_unit: list[tuple[str, int, int, int]]  # unit, visits, findings, open actions
    by_severity: list[tuple[str, int]]
    by_indicator: list[tuple[str, int]]
    figures: list[Figure]
    overdue: list[FollowUpRow]
    planned: list[PlanItemInfo]

    @property
    def realisation(self) -> Figure:
        return realisation_of(self.planned)


def realisation_of(items: list[PlanItemInfo]) -> Figure:
    """Indicator 1/4 over a list of plan items (the same definition as the service's)."""
    done = [i for i in items if i.done]
    return Figure(
        code="1/4",
        title_fa="میزان تحقق بازرسی‌های برنامه‌ریزی‌شده",
        unit="percent",
        value=round(100.0 * len(done) / len(items), 1) if items else None,
        numerator=len(done),
        denominator=len(items),
        record_ids={"plan_items": [i.id for i in items], "visited_plan_items": [i.id for i in done]},
        formula=inspection_figures.FORMULAS_FA["1/4"],
    )


def analysis(
    store: Store, actor: Actor, period: Period, unit_id: str | None, today: _dt.date | None = None
) -> Analysis:
    day = today or jalali.today()
    details = _visit_details(
        store, actor, period_code=period.code, unit_id=unit_id, office_code=actor.office_code
    )
    details.sort(key=lambda d: (d.visit.visit_date, d.visit.id))
    kinds = Counter(d.visit.kind for d in details)
    severities = Counter(f.severity for d in details for f in d.findings)
    indicators = Counter(f.indicator_code for d in details for f in d.findings if f.indicator_code)
    units: dict[str, list[int]] = {}
    for d in details:
        row = units.setdefault(d.visit.unit_name, [0, 0, 0])
        row[0] += 1
        row[1] += len(d.findings)
        row[2] += sum(1 for f in d.findings for a in f.actions if a.status == "open")
    ids = {d.visit.id for d in details}
    overdue = [
        r
        for r in _all(
            lambda o, n: visits.follow_up(store, actor, visits.FollowUpQuery(overdue_only=True), today=day, offset=o, limit=n)
        )
        if r.visit_id in ids
    ]
    planned = _all(
        lambda o, n: inspection_plans.list_plan_items(
            store, actor, inspection_plans.PlanItemQuery(period_code=period.code, unit_id=unit_id),
            offset=o, limit=n,
        )
    )
    figures = [] if unit_id else inspection_figures.compute_figures(store, actor, period.code, today=day)
    unit_name = details[0].visit.unit_name if unit_id and details else ""
    if unit_id and not unit_name and planned:
        unit_name = planned[0].unit_name
    return Analysis(
        period=period,
        unit_name=unit_name,
        visits=details,
        by_kind=[(VISIT_KINDS[k], kinds.get(k, 0)) for k in VISIT_KINDS],
        by_unit=sorted(((u, *v) for u, v in units.items()), key=lambda r: (-r[1], r[0])),  # type: ignore[misc]
        by_severity=[(SEVERITIES[k], severities.get(k, 0)) for k in ("critical", "high", "medium", "low")],
        by_indicator=sorted(indicators.items(), key=lambda kv: (-kv[1], kv[0])),
        figures=figures,
        overdue=overdue,
        planned=planned,
    )


@dataclass(frozen=True)
class Criterion:
    title: str
    evidence: str  # what the records say, in Persian
    max_score: int


@dataclass(frozen=True)
class Evaluation:
    """``inspector-evaluation``: a year's record of one inspector and the criteria to score."""

    inspector: InspectorInfo
    period: Period
    planned: int
    planned_done: int
    periodic: int
    adhoc: int
    findings: int
    reported_months: int
    due_months: int
    actions_due: int
    actions_on_time: int
    with_recommendations: int
    criteria: list[Criterion]


def evaluation(
    store: Store, actor: Actor, period_code: str | None, subject: str | None, today: _dt.date | None = None
) -> Evaluation:
    from integrity_desktop.digits import format_number, format_percent

    period = period_of_kind(period_code, ("year",), "1403")
    person = find_inspector(store, actor, subject)
    day = today or jalali.today()
    planned = _all(
        lambda o, n: inspection_plans.list_plan_items(
            store, actor, inspection_plans.PlanItemQuery(period_code=period.code, inspector_id=person.id),
            offset=o, limit=n,
        )
    )
    details = _visit_details(store, actor, period_code=period.code, inspector_id=person.id)
    figs = {f.code: f for f in inspection_figures.compute_figures(store, actor, period.code, today=day)}
    prefix = f"{person.id}:"
    months = [k for k in figs["1/6"].record_ids.get("inspector_months", []) if k.startswith(prefix)]
    reported = [
        k for k in figs["1/6"].record_ids.get("reported_inspector_months", []) if k.startswith(prefix)
    ]
    actions = [
        a
        for d in details
        for f in d.findings
        for a in f.actions
        if a.status != "cancelled" and a.due_date <= min(period.end, day)
    ]
    on_time = [
        a for a in actions if a.status == "done" and a.closed_on is not None and a.closed_on <= a.due_date
    ]
    done = sum(1 for i in planned if i.done)
    with_recs = sum(
        1 for d in details if d.visit.status in ("reported", "closed") and d.visit.recommendations
    )

    def ratio(num: int, den: int) -> str:
        if not den:
            return "موردی نبود"
        return f"{format_number(num)} از {format_number(den)} ({format_percent(num / den)})"

    criteria = [
        Criterion("انجام بازرسی‌های برنامه‌ریزی‌شده", ratio(done, len(planned)), 25),
        Criterion("ارسال به‌موقع گزارش ماهانه", ratio(len(reported), len(months)), 20),
        Criterion(
            "کیفیت گزارش‌ها و ارائهٔ پیشنهادهای اصلاحی",
            f"{format_number(with_recs)} گزارش با پیشنهاد از {format_number(len(details))} بازدید",
            20,
        ),
        Criterion("پیگیری به‌موقع اقدام‌های اصلاحی", ratio(len(on_time), len(actions)), 15),
        Criterion("رعایت بی‌طرفی، رازداری و اصول اخلاق حرفه‌ای", "ارزیابی ناظر ارشد", 10),
        Criterion("مشارکت در آموزش‌ها و جلسات هماهنگی", "ارزیابی ناظر ارشد", 10),
    ]
    return Evaluation(
        inspector=person,
        period=period,
        planned=len(planned),
        planned_done=done,
        periodic=sum(1 for d in details if d.visit.kind == "periodic"),
        adhoc=sum(1 for d in details if d.visit.kind == "adhoc"),
        findings=sum(len(d.findings) for d in details),
        reported_months=len(reported),
        due_months=len(months),
        actions_due=len(actions),
        actions_on_time=len(on_time),
        with_recommendations=with_recs,
        criteria=criteria,
    )

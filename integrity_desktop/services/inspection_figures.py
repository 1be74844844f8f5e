"""The programme's inspection figures, computed from the plan and the visit log, never typed.

Each figure is defined on the records of one office and one Jalali period; ``refresh_computed``
writes them into the office's indicator checklist, marked computed, with the ids of the
records behind each number.  The definitions (the catalogue's wording is short, so each is made
precise here):

1/4 «بررسی میزان تحقق بازرسی‌های برنامه‌ریزی شده» — realisation rate, percent:
    plan items dated in the period that have a visit logged (any status) ÷ plan items dated in
    the period × 100.  No plan items: no value.
1/6 «اخذ گزارش ماهیانه از کلیه بازرسان» — monthly reports received, percent:
    over every (inspector, month) pair where the month lies in the period, has ended by
    ``today``, and overlaps the inspector's appointment, the share whose month has at least one
    visit by that inspector and every such visit reported or closed (the monthly report can be
    drawn up).  No finished month with an appointed inspector: no value.
22/1 «انجام بازرسی‌های موردی و ادواری از عملکرد واحدهای تابعه» — count of visits, periodic and
    ad hoc, dated in the period.
22/2 «تهیه گزارش‌های نظارتی دوره‌ای و ارائه پیشنهادهای لازم» — count of visits dated in the
    period whose report is done (reported or closed) and which carry recommendations.
22/3 «بررسی به موقع گزارش‌های واصله» — timely follow-up, percent: corrective actions due in
    the period (up to ``today``) that were done on or before their due date ÷ corrective actions
    due in the period up to ``today`` (cancelled ones left out) × 100.  None due: no value.
22/4 «بررسی گزارش موردی ارجاع شده» — count of ad hoc (referred) visits dated in the period
    whose report is done (reported or closed).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import CorrectiveAction, Finding, Inspector, Visit
from integrity_desktop.db.store import Store
from integrity_desktop.jalali import Period, period_containing
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.inspection_plans import items_in_period
from integrity_desktop.services.inspections import KIND_ADHOC

DONE = ("reported", "closed")
FIGURE_CODES = ("1/4", "1/6", "22/1", "22/2", "22/3", "22/4")


@dataclass(frozen=True)
class Figure:
    """One computed figure: its value (None when the period has nothing to measure) and why."""

    code: str
    title_fa: str
    unit: str  # "percent" | "count"
    value: float | None
    numerator: int
    denominator: int | None  # None for counts
    record_ids: dict[str, list[str]] = field(default_factory=dict)
    formula: str = ""

    def source(self, period_code: str) -> dict[str, Any]:
        """The ``source`` dict stored with the checklist entry (names the records behind it)."""
        return {
            "kind": "inspections",
            "period": period_code,
            "unit": self.unit,
            "formula": self.formula,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "ids": self.record_ids,
        }


def _percent(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _office_visits(session: Session, period: Period, office: str) -> list[Visit]:
    return list(
        session.scalars(
            select(Visit)
            .where(
                Visit.deleted.is_(False),
                Visit.office_code == office,
                Visit.visit_date >= period.start,
                Visit.visit_date <= period.end,
            )
            .order_by(Visit.visit_date, Visit.id)
        )
    )


def realisation(session: Session, period: Period, office: str) -> Figure:
    """Indicator 1/4 (see the module docstring)."""
    items = [item for item, _plan in items_in_period(session, period, office)]
    visited: dict[str, str] = {}
    if items:
        ids = [i.id for i in items]
        for visit_id, item_id in session.execute(
            select(Visit.id, Visit.plan_item_id).where(Visit.deleted.is_(False), Visit.plan_item_id.in_(ids))
        ).tuples():
            if item_id is not None:
                visited.setdefault(item_id, visit_id)
    done = [i.id for i in items if i.id in visited]
    return Figure(
        code="1/4",
        title_fa="میزان تحقق بازرسی‌های برنامه‌ریزی‌شده",
        unit="percent",
        value=_percent(len(done), len(items)),
        numerator=len(done),
        denominator=len(items),
        record_ids={
            "plan_items": [i.id for i in items],
            "visited_plan_items": done,
            "visits": [visited[i] for i in done],
        },
        formula="plan items of the period with a visit / plan items of the period × 100",
    )


def monthly_reports(session: Session, period: Period, office: str, today: _dt.date) -> Figure:
    """Indicator 1/6 (see the module docstring)."""
    inspectors = list(
        session.scalars(
            select(Inspector).where(Inspector.deleted.is_(False), Inspector.office_code == office)
        )
    )
    visits = _office_visits(session, period, office)
    pairs: list[str] = []
    reported: list[str] = []
    month = period_containing(period.start, "month")
    while month.start <= period.end:
        if month.end < today:
            for ins in inspectors:
                if ins.appointed_on > month.end or (ins.term_end is not None and ins.term_end < month.start):
                    continue
                key = f"{ins.id}:{month.code}"
                pairs.append(key)
                mine = [v for v in visits if ins.id in v.inspector_ids and month.contains(v.visit_date)]
                if mine and all(v.status in DONE for v in mine):
                    reported.append(key)
        month = month.next()
    return Figure(
        code="1/6",
        title_fa="گزارش ماهانهٔ بازرسان",
        unit="percent",
        value=_percent(len(reported), len(pairs)),
        numerator=len(reported),
        denominator=len(pairs),
        record_ids={"inspector_months": pairs, "reported_inspector_months": reported},
        formula="inspector-months with all visits reported / finished inspector-months × 100",
    )


def visits_done(session: Session, period: Period, office: str) -> Figure:
    """Indicator 22/1 (see the module docstring)."""
    visits = _office_visits(session, period, office)
    return Figure(
        code="22/1",
        title_fa="بازرسی‌های موردی و ادواری انجام‌شده",
        unit="count",
        value=float(len(visits)),
        numerator=len(visits),
        denominator=None,
        record_ids={
            "periodic": [v.id for v in visits if v.kind != KIND_ADHOC],
            "adhoc": [v.id for v in visits if v.kind == KIND_ADHOC],
        },
        formula="visits dated in the period",
    )


def reports_with_proposals(session: Session, period: Period, office: str) -> Figure:
    """Indicator 22/2 (see the module docstring)."""
    visits = [
        v for v in _office_visits(session, period, office) if v.status in DONE and v.recommendations.strip()
    ]
    return Figure(
        code="22/2",
        title_fa="گزارش‌های نظارتی همراه با پیشنهاد",
        unit="count",
        value=float(len(visits)),
        numerator=len(visits),
        denominator=None,
        record_ids={"visits": [v.id for v in visits]},
        formula="visits of the period reported or closed with recommendations",
    )


def timely_follow_up(session: Session, period: Period, office: str, today: _dt.date) -> Figure:
    """Indicator 22/3 (see the module docstring)."""
    last = min(period.end, today)
    actions = list(
        session.scalars(
            select(CorrectiveAction)
            .join(Finding, CorrectiveAction.finding_id == Finding.id)
            .join(Visit, Finding.visit_id == Visit.id)
            .where(
                CorrectiveAction.deleted.is_(False),
                Finding.deleted.is_(False),
                Visit.deleted.is_(False),
                Visit.office_code == office,
                CorrectiveAction.status != "cancelled",
                CorrectiveAction.due_date >= period.start,
                CorrectiveAction.due_date <= last,
            )
            .order_by(CorrectiveAction.due_date, CorrectiveAction.id)
        )
    )
    on_time = [
        a.id for a in actions if a.status == "done" and a.closed_on is not None and a.closed_on <= a.due_date
    ]
    return Figure(
        code="22/3",
        title_fa="پیگیری به‌موقع اقدام‌های اصلاحی",
        unit="percent",
        value=_percent(len(on_time), len(actions)),
        numerator=len(on_time),
        denominator=len(actions),
        record_ids={"actions_due": [a.id for a in actions], "done_on_time": on_time},
        formula="actions due in the period done by their due date / actions due (not cancelled) × 100",
    )


def adhoc_reviewed(session: Session, period: Period, office: str) -> Figure:
    """Indicator 22/4 (see the module docstring)."""
    adhoc = [v for v in _office_visits(session, period, office) if v.kind == KIND_ADHOC]
    done = [v.id for v in adhoc if v.status in DONE]
    return Figure(
        code="22/4",
        title_fa="بازرسی‌های موردی ارجاعی بررسی‌شده",
        unit="count",
        value=float(len(done)),
        numerator=len(done),
        denominator=None,
        record_ids={"adhoc_visits": [v.id for v in adhoc], "reviewed": done},
        formula="ad hoc visits of the period reported or closed",
    )


def figures_in(session: Session, period: Period, office: str, today: _dt.date) -> list[Figure]:
    """All six figures inside a caller's session (reports use this)."""
    return [
        realisation(session, period, office),
        monthly_reports(session, period, office, today),
        visits_done(session, period, office),
        reports_with_proposals(session, period, office),
        timely_follow_up(session, period, office, today),
        adhoc_reviewed(session, period, office),
    ]


def compute_figures(
    store: Store, actor: Actor, period_code: str, *, today: _dt.date | None = None
) -> list[Figure]:
    """The six figures for the actor's office and a period, for a dashboard or a report."""
    require(actor, "inspections.view")
    period = Period.parse(period_code)
    with store.read() as s:
        return figures_in(s, period, actor.office_code, today or _dt.date.today())


def realisation_rate(store: Store, actor: Actor, period_code: str) -> Figure:
    """Indicator 1/4 alone (the dashboard's realisation rate)."""
    require(actor, "inspections.view")
    period = Period.parse(period_code)
    with store.read() as s:
        return realisation(s, period, actor.office_code)


def refresh_computed(
    store: Store, actor: Actor, period_code: str, *, today: _dt.date | None = None
) -> dict[str, float]:
    """Write the figures that have a value into the indicator checklist; returns what was written."""
    from integrity_desktop.services.computed import write_computed

    period = Period.parse(period_code)
    figures = compute_figures(store, actor, period.code, today=today)
    values = {f.code: (f.value, f.source(period.code)) for f in figures if f.value is not None}
    if values:
        write_computed(store, actor, period.code, {k: (float(v), src) for k, (v, src) in values.items()})
    return {k: float(v) for k, (v, _src) in values.items()}

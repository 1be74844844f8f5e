"""The programme's inspection figures, computed from the plan and the visit log, never typed.

Each figure is defined on the records of one office and one Jalali period and is computed
whenever it is shown (``SOURCE`` registers them with ``services.figures.computed``; nothing writes
them into a checklist but the approval freeze).  The definitions (the catalogue's wording is short, so each is made
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
22/4 «بررسی گزارش موردی ارجاع‌شده» — count of ad hoc (referred) visits dated in the period
    whose report is done (reported or closed).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import (
    CorrectiveAction,
    Finding,
    InspectionPlan,
    Inspector,
    PlanItem,
    Unit,
    Visit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.jalali import Period, period_containing
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.figures.computed import ComputedSource, RecordRow
from integrity_desktop.services.figures.computed import Figure as Figure_
from integrity_desktop.services.inspections.common import KIND_ADHOC, VISIT_KINDS
from integrity_desktop.services.inspections.plans import items_in_period

DONE = ("reported", "closed")
FORMULAS_FA: dict[str, str] = {
    "1/4": "بازدیدهای برنامه‌ریزی‌شدهٔ دوره که بازدیدشان ثبت شده ÷ همهٔ بازدیدهای برنامه‌ریزی‌شدهٔ "
           "دوره × ۱۰۰",
    "1/6": "بازرس‌ماه‌هایی که همهٔ بازدیدهای آن ماه گزارش یا بسته شده است ÷ بازرس‌ماه‌های پایان‌یافتهٔ "
           "دوره در مدت ابلاغ بازرس × ۱۰۰",
    "22/1": "شمار بازدیدهای ادواری و موردی با تاریخ در دوره",
    "22/2": "شمار بازدیدهای دوره که گزارش یا بسته شده‌اند و پیشنهاد اصلاحی دارند",
    "22/3": "اقدام‌های اصلاحی با سررسید در دوره (تا امروز) که تا سررسید انجام شده‌اند ÷ همهٔ "
            "اقدام‌های اصلاحی با سررسید در دوره جز لغوشده‌ها × ۱۰۰",
    "22/4": "شمار بازدیدهای موردی (ارجاعی) دوره که گزارش یا بسته شده‌اند",
}


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
    formula: str = ""  # in Persian (FORMULAS_FA)


def _percent(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _percent_figure(code: str, title_fa: str, num: int, den: int, record_ids: dict[str, list[str]]) -> Figure:
    """Figure ``code`` as ``num`` of ``den`` in percent (no value when ``den`` is 0), with its formula."""
    return Figure(
        code=code,
        title_fa=title_fa,
        unit="percent",
        value=_percent(num, den),
        numerator=num,
        denominator=den,
        record_ids=record_ids,
        formula=FORMULAS_FA[code],
    )


def _count_figure(code: str, title_fa: str, count: int, record_ids: dict[str, list[str]]) -> Figure:
    """Figure ``code`` as a count of ``count`` records, with its formula."""
    return Figure(
        code=code,
        title_fa=title_fa,
        unit="count",
        value=float(count),
        numerator=count,
        denominator=None,
        record_ids=record_ids,
        formula=FORMULAS_FA[code],
    )


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
    return _percent_figure("1/4", "میزان تحقق بازرسی‌های برنامه‌ریزی‌شده", len(done), len(items), {
        "plan_items": [i.id for i in items],
        "visited_plan_items": done,
        "visits": [visited[i] for i in done],
    })


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
    return _percent_figure("1/6", "گزارش ماهانهٔ بازرسان", len(reported), len(pairs),
                           {"inspector_months": pairs, "reported_inspector_months": reported})


def visits_done(session: Session, period: Period, office: str) -> Figure:
    """Indicator 22/1 (see the module docstring)."""
    visits = _office_visits(session, period, office)
    return _count_figure("22/1", "بازرسی‌های موردی و ادواری انجام‌شده", len(visits), {
        "periodic": [v.id for v in visits if v.kind != KIND_ADHOC],
        "adhoc": [v.id for v in visits if v.kind == KIND_ADHOC],
    })


def reports_with_proposals(session: Session, period: Period, office: str) -> Figure:
    """Indicator 22/2 (see the module docstring)."""
    visits = [
        v for v in _office_visits(session, period, office) if v.status in DONE and v.recommendations.strip()
    ]
    return _count_figure("22/2", "گزارش‌های نظارتی همراه با پیشنهاد", len(visits),
                         {"visits": [v.id for v in visits]})


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
    return _percent_figure("22/3", "پیگیری به‌موقع اقدام‌های اصلاحی", len(on_time), len(actions),
                           {"actions_due": [a.id for a in actions], "done_on_time": on_time})


def adhoc_reviewed(session: Session, period: Period, office: str) -> Figure:
    """Indicator 22/4 (see the module docstring)."""
    adhoc = [v for v in _office_visits(session, period, office) if v.kind == KIND_ADHOC]
    done = [v.id for v in adhoc if v.status in DONE]
    return _count_figure("22/4", "بازرسی‌های موردی ارجاعی بررسی‌شده", len(done),
                         {"adhoc_visits": [v.id for v in adhoc], "reviewed": done})


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
        return figures_in(s, period, actor.office_code, today or jalali.today())


def realisation_rate(store: Store, actor: Actor, period_code: str) -> Figure:
    """Indicator 1/4 alone (the dashboard's realisation rate)."""
    require(actor, "inspections.view")
    period = Period.parse(period_code)
    with store.read() as s:
        return realisation(s, period, actor.office_code)


# --------------------------------------------------------------------------- the registry


def _computed(session: Session, office: str, period: Period, today: _dt.date) -> dict[str, Figure_]:
    return {
        f.code: Figure_(f.code, f.value, f.numerator, f.denominator, f.formula)
        for f in figures_in(session, period, office, today)
    }


@cache
def _plans_query() -> Any:
    """1/4 of many offices: plan items dated in the period, and of them those with a visit
    logged (the visited plan items once: a join, not a look into the visits per plan item).
    Built once; the period and the offices are bound parameters."""
    visited = (select(Visit.plan_item_id.label("item_id"))
               .where(Visit.deleted.is_(False), Visit.plan_item_id.is_not(None)).distinct().subquery())
    return (
        select(InspectionPlan.office_code, func.count(),
               func.sum(sql_case((visited.c.item_id.is_not(None), 1), else_=0)))
        .select_from(PlanItem)
        .join(InspectionPlan, PlanItem.plan_id == InspectionPlan.id)
        .outerjoin(visited, visited.c.item_id == PlanItem.id)
        .where(PlanItem.deleted.is_(False), InspectionPlan.deleted.is_(False),
               PlanItem.planned_date >= bindparam("start"), PlanItem.planned_date <= bindparam("end"),
               InspectionPlan.office_code.in_(bindparam("offices", expanding=True)))
        .group_by(InspectionPlan.office_code)
    )


def _computed_all(
    session: Session, offices: Sequence[str], period: Period, today: _dt.date,
    codes: frozenset[str] | None = None,
) -> dict[str, dict[str, Figure_]]:
    """``_computed`` of many offices in one pass: grouped counts for 1/4 and 22/3, and one read
    of the period's visits and the inspectors for the rest (same rules as the functions above).
    With ``codes``, only those figures, and only the queries they need (the map of 1/4 reads
    the plan items alone)."""
    wanted = list(offices)
    asked = set(FORMULAS_FA) if codes is None else set(codes) & set(FORMULAS_FA)
    out: dict[str, dict[str, Figure_]] = {office: {} for office in wanted}

    def put(office: str, code: str, value: float | None, num: int, den: int | None) -> None:
        if code in asked:
            out.setdefault(office, {})[code] = Figure_(code, value, num, den, FORMULAS_FA[code])

    plans: dict[str, tuple[int, int]] = {}
    if "1/4" in asked:
        plans = {office: (int(n), int(done or 0)) for office, n, done in session.execute(
            _plans_query(), {"start": period.start, "end": period.end, "offices": wanted}
        ).tuples()}
    follow: dict[str, tuple[int, int]] = {}
    if "22/3" in asked:
        # 22/3: corrective actions due in the period up to today, and of them those done on time
        last = min(period.end, today)
        on_time = and_(CorrectiveAction.status == "done", CorrectiveAction.closed_on.is_not(None),
                       CorrectiveAction.closed_on <= CorrectiveAction.due_date)
        follow = {office: (int(n), int(done or 0)) for office, n, done in session.execute(
            select(Visit.office_code, func.count(), func.sum(sql_case((on_time, 1), else_=0)))
            .select_from(CorrectiveAction)
            .join(Finding, CorrectiveAction.finding_id == Finding.id)
            .join(Visit, Finding.visit_id == Visit.id)
            .where(CorrectiveAction.deleted.is_(False), Finding.deleted.is_(False), Visit.deleted.is_(False),
                   Visit.office_code.in_(wanted), CorrectiveAction.status != "cancelled",
                   CorrectiveAction.due_date >= period.start, CorrectiveAction.due_date <= last)
            .group_by(Visit.office_code)
        ).tuples()}
    # the period's visits (plain columns) and the inspectors, by office
    visits: dict[str, list[tuple[str, list[str], _dt.date, str, str]]] = {}
    if asked & {"1/6", "22/1", "22/2", "22/4"}:
        for office, kind, ids, day, status, recommendations in session.execute(
            select(Visit.office_code, Visit.kind, Visit.inspector_ids, Visit.visit_date, Visit.status,
                   Visit.recommendations)
            .where(Visit.deleted.is_(False), Visit.office_code.in_(wanted),
                   Visit.visit_date >= period.start, Visit.visit_date <= period.end)
        ).tuples():
            visits.setdefault(office, []).append((kind, list(ids or ()), day, status, recommendations or ""))
    inspectors: dict[str, list[tuple[str, _dt.date, _dt.date | None]]] = {}
    if "1/6" in asked:
        for office, ins_id, appointed, term_end in session.execute(
            select(Inspector.office_code, Inspector.id, Inspector.appointed_on, Inspector.term_end)
            .where(Inspector.deleted.is_(False), Inspector.office_code.in_(wanted))
        ).tuples():
            inspectors.setdefault(office, []).append((ins_id, appointed, term_end))
    months = []
    month = period_containing(period.start, "month")
    while month.start <= period.end:
        if month.end < today:
            months.append(month)
        month = month.next()
    for office in wanted:
        items, done = plans.get(office, (0, 0))
        put(office, "1/4", _percent(done, items), done, items)
        mine = visits.get(office, [])
        if "1/6" in asked:
            # 1/6: (inspector, finished month) pairs whose visits are all reported or closed
            by_inspector: dict[str, list[tuple[_dt.date, str]]] = {}
            for _kind, ids, day, status, _rec in mine:
                for ins_id in ids:
                    by_inspector.setdefault(ins_id, []).append((day, status))
            pairs = reported = 0
            for m in months:
                for ins_id, appointed, term_end in inspectors.get(office, []):
                    if appointed > m.end or (term_end is not None and term_end < m.start):
                        continue
                    pairs += 1
                    theirs = [status for day, status in by_inspector.get(ins_id, []) if m.contains(day)]
                    if theirs and all(status in DONE for status in theirs):
                        reported += 1
            put(office, "1/6", _percent(reported, pairs), reported, pairs)
        put(office, "22/1", float(len(mine)), len(mine), None)
        proposals = sum(1 for _k, _i, _d, status, rec in mine if status in DONE and rec.strip())
        put(office, "22/2", float(proposals), proposals, None)
        due, in_time = follow.get(office, (0, 0))
        put(office, "22/3", _percent(in_time, due), in_time, due)
        adhoc = sum(1 for kind, _i, _d, status, _r in mine if kind == KIND_ADHOC and status in DONE)
        put(office, "22/4", float(adhoc), adhoc, None)
    return out


def _names(session: Session, ids: set[str], model: Any) -> dict[str, str]:
    if not ids:
        return {}
    column = model.full_name if model is Inspector else model.name_fa
    return dict(session.execute(select(model.id, column).where(model.id.in_(ids))).tuples().all())


def _visit_rows(session: Session, visits: list[Visit], counted: set[str]) -> list[RecordRow]:
    units = _names(session, {v.unit_id for v in visits}, Unit)
    return [
        RecordRow(
            "بازدید", v.id, v.visit_date,
            f"بازدید {VISIT_KINDS.get(v.kind, v.kind)} از {units.get(v.unit_id, '—')} "
            f"({VISIT_STATUS_FA.get(v.status, v.status)})",
            v.id in counted,
        )
        for v in visits
    ]


def _records(session: Session, office: str, period: Period, today: _dt.date, code: str) -> list[RecordRow]:
    """The records behind one figure (see the module docstring for what each counts)."""
    if code == "1/4":
        items = [item for item, _plan in items_in_period(session, period, office)]
        visited = set(realisation(session, period, office).record_ids["visited_plan_items"])
        units = _names(session, {i.unit_id for i in items}, Unit)
        return [RecordRow("بازدید برنامه‌ریزی‌شده", i.id, i.planned_date,
                          f"{units.get(i.unit_id, '—')}: {'بازدید ثبت شده' if i.id in visited else 'بی‌بازدید'}",
                          i.id in visited) for i in items]
    if code == "1/6":
        fig = monthly_reports(session, period, office, today)
        reported = set(fig.record_ids["reported_inspector_months"])
        keys = fig.record_ids["inspector_months"]
        names = _names(session, {k.split(":")[0] for k in keys}, Inspector)
        rows = []
        for key in keys:
            inspector_id, month_code = key.split(":")
            month = Period.parse(month_code)
            rows.append(RecordRow(
                "بازرس‌ماه", key, month.start,
                f"{names.get(inspector_id, '—')}، {month.label_fa}: "
                f"{'گزارش شده' if key in reported else 'بی‌گزارش'}", key in reported))
        return rows
    if code == "22/3":
        fig = timely_follow_up(session, period, office, today)
        on_time = set(fig.record_ids["done_on_time"])
        actions = list(session.scalars(select(CorrectiveAction).where(
            CorrectiveAction.id.in_(fig.record_ids["actions_due"])).order_by(CorrectiveAction.due_date)))
        return [RecordRow("اقدام اصلاحی", a.id, a.due_date,
                          f"{a.description[:80]} ({'به‌موقع انجام شد' if a.id in on_time else 'به‌موقع انجام نشد'})",
                          a.id in on_time) for a in actions]
    visits = _office_visits(session, period, office)
    if code == "22/1":
        return _visit_rows(session, visits, {v.id for v in visits})
    if code == "22/2":
        ids = set(reports_with_proposals(session, period, office).record_ids["visits"])
        return _visit_rows(session, [v for v in visits if v.id in ids], ids)
    if code == "22/4":
        fig = adhoc_reviewed(session, period, office)
        adhoc = set(fig.record_ids["adhoc_visits"])
        return _visit_rows(session, [v for v in visits if v.id in adhoc], set(fig.record_ids["reviewed"]))
    return []


VISIT_STATUS_FA = {"open": "باز", "reported": "گزارش‌شده", "closed": "بسته"}

SOURCE = ComputedSource(
    formulas_fa=FORMULAS_FA,
    figures_all=_computed_all,
    figures=_computed,
    records=_records,
    permission="inspections.view",
)

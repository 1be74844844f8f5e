"""Inspection plans: per period, which units are inspected, when, by whom, with which template.

A plan belongs to one office and one period (a quarter, a half, a month or a year).  Every
planned date lies inside the period and every inspector named is appointed on it; a plan and
its items can be saved together so a rejected item saves nothing.  ``timeline`` groups the
items by Jalali month for a calendar view.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import InspectionPlan, Inspector, PlanItem, Template, Unit, Visit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period, format_date, jalali_year, month_name, period_containing
from integrity_desktop.jalali import today as jalali_today
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.inspections.common import (
    VISIT_STATUSES,
    as_date,
    check_paging,
    clean_text,
    count_rows,
    get_unit,
)
from integrity_desktop.services.inspections.inspectors import load_appointed
from integrity_desktop.services.store import records


@dataclass(frozen=True)
class PlanItemInput:
    """One row of a plan being written (dates as ``date`` or typed Jalali text)."""

    unit_id: str
    planned_date: _dt.date | str
    inspector_ids: tuple[str, ...]
    template_id: str | None = None
    record_id: str | None = None  # a fixed id (demo data, imports); random otherwise


@dataclass(frozen=True)
class PlanInfo:
    id: str
    period_code: str
    period_label: str
    title: str
    note: str
    item_count: int
    done_count: int  # items with a visit logged (the realisation rate's numerator)


@dataclass(frozen=True)
class PlanItemInfo:
    id: str
    plan_id: str
    period_code: str
    unit_id: str
    unit_name: str
    planned_date: _dt.date
    inspector_ids: tuple[str, ...]
    inspector_names: tuple[str, ...]
    template_id: str | None
    template_title: str
    visit_id: str | None
    visit_status: str | None  # open | reported | closed, None when not visited yet
    visit_status_fa: str

    @property
    def done(self) -> bool:
        return self.visit_id is not None


@dataclass(frozen=True)
class PlanItemQuery:
    """Which plan items to list: a plan's, or those dated inside a period (the actor's office's
    plans); optionally of one unit or inspector.  ``plan_id`` or ``period_code`` is required."""

    plan_id: str | None = None
    period_code: str | None = None
    unit_id: str | None = None
    inspector_id: str | None = None


@dataclass(frozen=True)
class TimelineMonth:
    """One Jalali month of a plan's calendar, with its items in date order."""

    year: int
    month: int
    label_fa: str
    items: tuple[PlanItemInfo, ...]


def parse_period(code: str) -> Period:
    return Period.parse(code)


def _load_plan(session: Session, plan_id: str) -> InspectionPlan:
    return records.load_live(
        session, InspectionPlan, plan_id,
        "برنامهٔ بازرسی پیدا نشد؛ آن را از فهرست برنامه‌ها برگزینید.",
        "Inspection plan", "plan_missing",
    )


def load_item(session: Session, item_id: str) -> PlanItem:
    return records.load_live(
        session, PlanItem, item_id,
        "ردیف برنامهٔ بازرسی پیدا نشد؛ آن را از برنامه برگزینید.",
        "Plan item", "plan_item_missing",
    )


def _check_template(session: Session, template_id: str | None) -> None:
    if not template_id:
        return
    records.load_live(
        session, Template, template_id,
        "قالب چک‌لیست پیدا نشد؛ قالبی از فهرست قالب‌ها برگزینید.",
        "Template", "template_missing",
    )


def check_in_period(day: _dt.date, period: Period, what_fa: str, what_en: str) -> None:
    """Refuse a date outside the period with both ends of the period in the message."""
    if not period.contains(day):
        raise UserError(
            f"{what_fa} ({format_date(day)}) بیرون از دورهٔ برنامه ({period.label_fa}: "
            f"{format_date(period.start)} تا {format_date(period.end)}) است؛ "
            "تاریخی درون دوره برگزینید.",
            f"{what_en} {day.isoformat()} is outside the period {period.code}.",
            code="date_outside_period",
        )


def _add_item(
    session: Session, store: Store, actor: Actor, plan: InspectionPlan, period: Period, row: PlanItemInput
) -> PlanItem:
    get_unit(session, row.unit_id, "واحد بازرسی‌شونده")
    day = as_date(row.planned_date, "تاریخ برنامه‌ریزی‌شده", "Planned date")
    check_in_period(day, period, "تاریخ برنامه‌ریزی‌شده", "Planned date")
    load_appointed(session, list(row.inspector_ids), day)
    _check_template(session, row.template_id)
    item = PlanItem(
        plan_id=plan.id,
        unit_id=row.unit_id,
        planned_date=day,
        inspector_ids=list(row.inspector_ids),
        template_id=row.template_id or None,
    )
    if row.record_id:
        item.id = row.record_id
    records.add(session, store, actor, item)
    return item


def create_plan(
    store: Store,
    actor: Actor,
    period_code: str,
    *,
    title: str = "",
    note: str = "",
    items: Sequence[PlanItemInput] = (),
    record_id: str | None = None,
) -> PlanInfo:
    """A plan for a period, with its items, in one transaction (one plan per period)."""
    require(actor, "inspections.edit")
    period = parse_period(period_code)
    title_text = clean_text(title, "عنوان برنامه", "Title", required=False, max_len=500)
    note_text = clean_text(note, "توضیح برنامه", "Note", required=False)
    with store.session() as s:
        existing = s.scalar(
            select(InspectionPlan.id).where(
                InspectionPlan.period_code == period.code,
                InspectionPlan.office_code == actor.office_code,
                InspectionPlan.deleted.is_(False),
            )
        )
        if existing is not None:
            raise UserError(
                f"برای {period.label_fa} پیش‌تر برنامهٔ بازرسی ساخته شده است؛ "
                "ردیف‌ها را به همان برنامه بیفزایید.",
                f"A plan for {period.code} already exists.",
                code="plan_exists",
            )
        plan = InspectionPlan(
            period_code=period.code,
            title=title_text or f"برنامهٔ بازرسی {period.label_fa}",
            note=note_text,
        )
        if record_id:
            plan.id = record_id
        records.add(s, store, actor, plan)
        for row in items:
            _add_item(s, store, actor, plan, period, row)
        return _plan_info(s, plan)


def add_plan_item(store: Store, actor: Actor, plan_id: str, row: PlanItemInput) -> PlanItemInfo:
    """Add one planned inspection: date inside the plan's period, inspectors appointed then."""
    require(actor, "inspections.edit")
    with store.session() as s:
        plan = _load_plan(s, plan_id)
        item = _add_item(s, store, actor, plan, parse_period(plan.period_code), row)
        return _item_info(s, item, plan.period_code)


def update_plan_item(store: Store, actor: Actor, item_id: str, row: PlanItemInput) -> PlanItemInfo:
    """Reschedule or reassign a planned inspection (same checks as adding it)."""
    require(actor, "inspections.edit")
    with store.session() as s:
        item = load_item(s, item_id)
        plan = _load_plan(s, item.plan_id)
        period = parse_period(plan.period_code)
        get_unit(s, row.unit_id, "واحد بازرسی‌شونده")
        day = as_date(row.planned_date, "تاریخ برنامه‌ریزی‌شده", "Planned date")
        check_in_period(day, period, "تاریخ برنامه‌ریزی‌شده", "Planned date")
        load_appointed(s, list(row.inspector_ids), day)
        _check_template(s, row.template_id)
        records.update(
            s, store, actor, item,
            unit_id=row.unit_id, planned_date=day, inspector_ids=list(row.inspector_ids),
            template_id=row.template_id or None,
        )  # fmt: skip
        return _item_info(s, item, plan.period_code)


def remove_plan_item(store: Store, actor: Actor, item_id: str) -> None:
    """Take an item off the plan; refused once a visit has been logged for it."""
    require(actor, "inspections.edit")
    with store.session() as s:
        item = load_item(s, item_id)
        if _visit_of(s, item.id) is not None:
            raise UserError(
                "برای این ردیف برنامه بازدید ثبت شده است و نمی‌توان آن را حذف کرد؛ نخست بازدید را حذف کنید.",
                "A visit has been logged for this plan item.",
                code="plan_item_visited",
            )
        records.soft_delete(s, store, actor, item)


def _visit_of(session: Session, item_id: str) -> Visit | None:
    return session.scalar(
        select(Visit)
        .where(Visit.plan_item_id == item_id, Visit.deleted.is_(False))
        .order_by(Visit.visit_date)
    )


def _names(session: Session, ids: Sequence[str]) -> tuple[str, ...]:
    out = []
    for iid in ids:
        row = session.get(Inspector, iid)
        out.append(row.full_name if row else "")
    return tuple(out)


def _item_info(session: Session, item: PlanItem, period_code: str) -> PlanItemInfo:
    unit = session.get(Unit, item.unit_id)
    template = session.get(Template, item.template_id) if item.template_id else None
    visit = _visit_of(session, item.id)
    status = visit.status if visit else None
    return PlanItemInfo(
        id=item.id,
        plan_id=item.plan_id,
        period_code=period_code,
        unit_id=item.unit_id,
        unit_name=unit.name_fa if unit else "",
        planned_date=item.planned_date,
        inspector_ids=tuple(item.inspector_ids),
        inspector_names=_names(session, item.inspector_ids),
        template_id=item.template_id,
        template_title=template.title_fa if template else "",
        visit_id=visit.id if visit else None,
        visit_status=status,
        visit_status_fa=VISIT_STATUSES[status] if status else "انجام‌نشده",
    )


def _items_of(session: Session, plan_id: str) -> list[PlanItem]:
    return list(
        session.scalars(
            select(PlanItem)
            .where(PlanItem.plan_id == plan_id, PlanItem.deleted.is_(False))
            .order_by(PlanItem.planned_date, PlanItem.id)
        )
    )


def _plan_info(session: Session, plan: InspectionPlan) -> PlanInfo:
    items = _items_of(session, plan.id)
    done = 0
    for item in items:
        visit = _visit_of(session, item.id)
        if visit is not None:
            done += 1
    return PlanInfo(
        id=plan.id,
        period_code=plan.period_code,
        period_label=parse_period(plan.period_code).label_fa,
        title=plan.title,
        note=plan.note,
        item_count=len(items),
        done_count=done,
    )


def get_plan(store: Store, actor: Actor, plan_id: str) -> PlanInfo:
    require(actor, "inspections.view")
    with store.read() as s:
        return _plan_info(s, _load_plan(s, plan_id))


def plan_for_period(store: Store, actor: Actor, period_code: str) -> PlanInfo | None:
    """The office's plan for exactly this period, or None."""
    require(actor, "inspections.view")
    period = parse_period(period_code)
    with store.read() as s:
        plan = s.scalar(
            select(InspectionPlan).where(
                InspectionPlan.period_code == period.code,
                InspectionPlan.office_code == actor.office_code,
                InspectionPlan.deleted.is_(False),
            )
        )
        return _plan_info(s, plan) if plan is not None else None


def _plans_query(year: int | None) -> Select[tuple[InspectionPlan]]:
    stmt = select(InspectionPlan).where(InspectionPlan.deleted.is_(False))
    if year is not None:
        stmt = stmt.where(InspectionPlan.period_code.like(f"{year}%"))
    return stmt


def list_plans(
    store: Store, actor: Actor, *, year: int | None = None, offset: int = 0, limit: int = 100
) -> list[PlanInfo]:
    """Plans, newest period first; ``year`` keeps one Jalali year."""
    require(actor, "inspections.view")
    check_paging(offset, limit)
    with store.read() as s:
        plans = list(s.scalars(_plans_query(year)))
        plans.sort(key=lambda p: parse_period(p.period_code), reverse=True)
        return [_plan_info(s, p) for p in plans[offset : offset + limit]]


def count_plans(store: Store, actor: Actor, *, year: int | None = None) -> int:
    require(actor, "inspections.view")
    with store.read() as s:
        return count_rows(s, _plans_query(year))


def items_in_period(
    session: Session, period: Period, office_code: str | None = None
) -> list[tuple[PlanItem, InspectionPlan]]:
    """Every live plan item dated inside ``period`` (of one office when given)."""
    stmt = (
        select(PlanItem, InspectionPlan)
        .join(InspectionPlan, PlanItem.plan_id == InspectionPlan.id)
        .where(
            PlanItem.deleted.is_(False),
            InspectionPlan.deleted.is_(False),
            PlanItem.planned_date >= period.start,
            PlanItem.planned_date <= period.end,
        )
        .order_by(PlanItem.planned_date, PlanItem.id)
    )
    if office_code:
        stmt = stmt.where(InspectionPlan.office_code == office_code)
    return [(item, plan) for item, plan in session.execute(stmt).tuples()]


def list_plan_items(
    store: Store, actor: Actor, query: PlanItemQuery, *, offset: int = 0, limit: int = 200
) -> list[PlanItemInfo]:
    """The plan items ``query`` picks, in date order."""
    require(actor, "inspections.view")
    check_paging(offset, limit)
    with store.read() as s:
        rows = _select_items(s, actor.office_code, query)
        return [_item_info(s, item, plan.period_code) for item, plan in rows[offset : offset + limit]]


def count_plan_items(store: Store, actor: Actor, query: PlanItemQuery) -> int:
    """How many plan items ``list_plan_items`` pages through with the same query."""
    require(actor, "inspections.view")
    with store.read() as s:
        return len(_select_items(s, actor.office_code, query))


def _select_items(session: Session, office_code: str, q: PlanItemQuery) -> list[tuple[PlanItem, InspectionPlan]]:
    if q.plan_id:
        plan = _load_plan(session, q.plan_id)
        rows = [(item, plan) for item in _items_of(session, plan.id)]
    elif q.period_code:
        rows = items_in_period(session, parse_period(q.period_code), office_code)
    else:
        raise ValueError("give plan_id or period_code")
    if q.unit_id:
        rows = [r for r in rows if r[0].unit_id == q.unit_id]
    if q.inspector_id:
        rows = [r for r in rows if q.inspector_id in r[0].inspector_ids]
    return rows


def timeline(store: Store, actor: Actor, period_code: str) -> list[TimelineMonth]:
    """The plan items dated in ``period_code`` grouped by Jalali month (every month listed)."""
    require(actor, "inspections.view")
    period = parse_period(period_code)
    with store.read() as s:
        rows = items_in_period(s, period, actor.office_code)
        infos = [_item_info(s, item, plan.period_code) for item, plan in rows]
    months: list[TimelineMonth] = []
    month = period_containing(period.start, "month")
    while month.start <= period.end:
        items = tuple(i for i in infos if month.contains(i.planned_date))
        label = f"{month_name(month.number)} {to_persian_digits(str(month.year))}"
        months.append(TimelineMonth(month.year, month.number, label, items))
        month = month.next()
    return months


def unvisited_plan_items(store: Store, actor: Actor, today: _dt.date | None = None,
                         ) -> list[PlanItemInfo]:
    """Plan items without a visit, dated this Jalali year or last (``today``'s), in date order:
    the ones a new periodic visit may be recorded against."""
    require(actor, "inspections.view")
    year = jalali_year(today or jalali_today())
    return [item for code in (str(year), str(year - 1))
            for item in list_plan_items(store, actor, PlanItemQuery(period_code=code), limit=1000)
            if not item.done]


def quarter_of(day: _dt.date) -> str:
    """The code of the Jalali quarter ``day`` falls in (``1403-Q3``), a convenience for screens."""
    return period_containing(day, "quarter").code


__all__ = [
    "PlanInfo",
    "PlanItemInfo",
    "PlanItemInput",
    "PlanItemQuery",
    "TimelineMonth",
    "add_plan_item",
    "count_plan_items",
    "count_plans",
    "create_plan",
    "get_plan",
    "items_in_period",
    "list_plan_items",
    "list_plans",
    "plan_for_period",
    "quarter_of",
    "remove_plan_item",
    "timeline",
    "unvisited_plan_items",
    "update_plan_item",
]

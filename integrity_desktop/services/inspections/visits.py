"""Visits (periodic from the plan, or ad hoc), their findings and corrective actions, and the
follow-up list of actions that are still open.

A visit is logged with its findings and actions in one transaction, so a rejected field (a
visit date outside its plan's period, an inspector not appointed that day, a due date before
the visit) saves nothing.  An action is overdue when it is open and its due date has passed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import (
    Case,
    CorrectiveAction,
    Evidence,
    Finding,
    InspectionPlan,
    Inspector,
    Template,
    Unit,
    Visit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period, format_date, period_containing
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.conditions import equal_to
from integrity_desktop.services.inspections.common import (
    ACTION_STATUSES,
    KIND_ADHOC,
    KIND_PERIODIC,
    SEVERITIES,
    SEVERITY_ORDER,
    VISIT_KINDS,
    VISIT_STATUSES,
    as_date,
    check_choice,
    check_indicator,
    check_paging,
    clean_text,
    count_rows,
    get_unit,
)
from integrity_desktop.services.inspections.inspectors import load_appointed
from integrity_desktop.services.inspections.plans import check_in_period, load_item
from integrity_desktop.services.store import offices, records

# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class ActionInput:
    """A corrective action to be written: who, what, by when."""

    responsible_unit_id: str
    description: str
    due_date: _dt.date | str


@dataclass(frozen=True)
class FindingInput:
    """A finding to be written, with its corrective actions."""

    severity: str
    text: str
    indicator_code: str = ""
    actions: tuple[ActionInput, ...] = ()


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class ActionInfo:
    id: str
    finding_id: str
    visit_id: str
    responsible_unit_id: str
    responsible_unit_name: str
    description: str
    due_date: _dt.date
    status: str
    status_fa: str
    closed_on: _dt.date | None
    note: str
    overdue: bool
    days_overdue: int  # 0 unless overdue


@dataclass(frozen=True)
class FindingInfo:
    id: str
    visit_id: str
    severity: str
    severity_fa: str
    indicator_code: str
    text: str
    actions: tuple[ActionInfo, ...]
    evidence_count: int = 0  # files attached (services.inspections.evidence)
    case_id: str | None = None  # the violation case it was referred as (cases.refer_finding)
    case_number: str = ""


@dataclass(frozen=True)
class VisitInfo:
    id: str
    kind: str
    kind_fa: str
    visit_date: _dt.date
    unit_id: str
    unit_name: str
    inspector_ids: tuple[str, ...]
    inspector_names: tuple[str, ...]
    plan_item_id: str | None
    checklist_id: str | None
    status: str
    status_fa: str
    summary: str
    recommendations: str
    finding_count: int
    open_actions: int
    office_code: str = ""
    office_name: str = ""  # the directorate's name (HQ's list shows each visit's province)


@dataclass(frozen=True)
class VisitDetail:
    visit: VisitInfo
    findings: tuple[FindingInfo, ...]


@dataclass(frozen=True)
class FollowUpRow:
    """One corrective action in the follow-up list, with enough of its visit to show it."""

    action: ActionInfo
    finding_text: str
    severity: str
    severity_fa: str
    visit_id: str
    visit_date: _dt.date
    visit_unit_name: str
    office_code: str = ""
    office_name: str = ""  # HQ's list shows each action's province


@dataclass(frozen=True)
class VisitQuery:
    """Filters of the visits list; the screen keeps one and pages with ``offset``/``limit``."""

    period_code: str | None = None
    unit_id: str | None = None
    kind: str | None = None
    status: str | None = None
    inspector_id: str | None = None
    office_code: str | None = None


@dataclass(frozen=True)
class FollowUpQuery:
    """Filters of the follow-up list of corrective actions."""

    status: str | None = "open"  # None lists every status
    overdue_only: bool = False  # open actions past due (ignores ``status``)
    unit_id: str | None = None  # the responsible unit
    visit_id: str | None = None
    severity: str | None = None
    office_code: str | None = None


# --------------------------------------------------------------------------- helpers


def _load_visit(session: Session, visit_id: str) -> Visit:
    return records.load_live(session, Visit, visit_id,
                             "بازدید پیدا نشد؛ آن را از فهرست بازدیدها برگزینید.", "Visit",
                             "visit_missing")


def _load_finding(session: Session, finding_id: str) -> Finding:
    return records.load_live(session, Finding, finding_id,
                             "یافته پیدا نشد؛ آن را از فهرست یافته‌های بازدید برگزینید.", "Finding",
                             "finding_missing")


def _load_action(session: Session, action_id: str) -> CorrectiveAction:
    return records.load_live(session, CorrectiveAction, action_id,
                             "اقدام اصلاحی پیدا نشد؛ آن را از فهرست پیگیری برگزینید.",
                             "Corrective action", "action_missing")


def _today(today: _dt.date | None) -> _dt.date:
    return today or jalali.today()


# A corrective action's usual time: a month from the day it is written (issue 16 item 14; a due
# date of today is overdue tomorrow, before the unit has even heard of it).
ACTION_DAYS = 30


def default_due_date(today: _dt.date | None = None) -> _dt.date:
    """The due date a new corrective action starts with."""
    return _today(today) + _dt.timedelta(days=ACTION_DAYS)


def days_overdue(action: CorrectiveAction, today: _dt.date) -> int:
    """Days past the due date of an open action; 0 when not overdue."""
    if action.status != "open" or action.due_date >= today:
        return 0
    return (today - action.due_date).days


def _unit_name(session: Session, unit_id: str | None) -> str:
    unit = session.get(Unit, unit_id) if unit_id else None
    return unit.name_fa if unit else ""


def _action_info(session: Session, a: CorrectiveAction, visit_id: str, today: _dt.date) -> ActionInfo:
    late = days_overdue(a, today)
    return ActionInfo(
        id=a.id,
        finding_id=a.finding_id,
        visit_id=visit_id,
        responsible_unit_id=a.responsible_unit_id,
        responsible_unit_name=_unit_name(session, a.responsible_unit_id),
        description=a.description,
        due_date=a.due_date,
        status=a.status,
        status_fa=ACTION_STATUSES.get(a.status, a.status),
        closed_on=a.closed_on,
        note=a.note,
        overdue=late > 0,
        days_overdue=late,
    )


def _actions_of(session: Session, finding_id: str) -> list[CorrectiveAction]:
    return list(
        session.scalars(
            select(CorrectiveAction)
            .where(CorrectiveAction.finding_id == finding_id, CorrectiveAction.deleted.is_(False))
            .order_by(CorrectiveAction.due_date, CorrectiveAction.id)
        )
    )


def _findings_of(session: Session, visit_id: str) -> list[Finding]:
    rows = list(
        session.scalars(select(Finding).where(Finding.visit_id == visit_id, Finding.deleted.is_(False)))
    )
    rows.sort(key=lambda f: (SEVERITY_ORDER.index(f.severity) if f.severity in SEVERITY_ORDER else 9, f.id))
    return rows


def _open_action_count(session: Session, visit_id: str) -> int:
    stmt = (
        select(func.count())
        .select_from(CorrectiveAction)
        .join(Finding, CorrectiveAction.finding_id == Finding.id)
        .where(
            Finding.visit_id == visit_id,
            Finding.deleted.is_(False),
            CorrectiveAction.deleted.is_(False),
            CorrectiveAction.status == "open",
        )
    )
    return int(session.scalar(stmt) or 0)


def _visit_info(session: Session, v: Visit) -> VisitInfo:
    names = []
    for iid in v.inspector_ids:
        row = session.get(Inspector, iid)
        names.append(row.full_name if row else "")
    finding_count = session.scalar(
        select(func.count()).select_from(Finding).where(Finding.visit_id == v.id, Finding.deleted.is_(False))
    )
    return VisitInfo(
        id=v.id,
        kind=v.kind,
        kind_fa=VISIT_KINDS.get(v.kind, v.kind),
        visit_date=v.visit_date,
        unit_id=v.unit_id,
        unit_name=_unit_name(session, v.unit_id),
        inspector_ids=tuple(v.inspector_ids),
        inspector_names=tuple(names),
        plan_item_id=v.plan_item_id,
        checklist_id=v.checklist_id,
        status=v.status,
        status_fa=VISIT_STATUSES.get(v.status, v.status),
        summary=v.summary,
        recommendations=v.recommendations,
        finding_count=int(finding_count or 0),
        open_actions=_open_action_count(session, v.id),
        office_code=v.office_code,
        office_name=_office_name(session, v.office_code),
    )


def _office_name(session: Session, code: str) -> str:
    known = session.info.get("office_names")
    if known is None:  # read once per session: a page of visits asks for every row
        known = session.info["office_names"] = offices.names_in(session)
    return str(known.get(code, code))


def offices_with_visits(store: Store, actor: Actor) -> list[tuple[str, str]]:
    """(code, name) of every office that has a visit here, for HQ's province filter."""
    require(actor, "inspections.view")
    return offices.holding(store, Visit)


def _action_and_visit(session: Session, action_id: str) -> tuple[CorrectiveAction, Visit]:
    """A corrective action with the visit it belongs to (through its finding)."""
    action = _load_action(session, action_id)
    return action, _load_visit(session, _load_finding(session, action.finding_id).visit_id)


def _check_due(due: _dt.date, visit_date: _dt.date) -> None:
    if due < visit_date:
        raise UserError(
            f"مهلت اقدام اصلاحی ({format_date(due)}) پیش از تاریخ بازدید ({format_date(visit_date)}) است؛ "
            "مهلتی برابر یا پس از تاریخ بازدید بگذارید.",
            f"The due date {due.isoformat()} is before the visit date {visit_date.isoformat()}.",
            code="due_before_visit",
        )


def _checked_action(session: Session, visit: Visit, row: ActionInput) -> tuple[str, _dt.date]:
    """An action's unit, description and due date checked (the same when added and edited)."""
    get_unit(session, row.responsible_unit_id, "واحد مسئول اقدام اصلاحی")
    description = clean_text(row.description, "شرح اقدام اصلاحی", "Action description")
    due = as_date(row.due_date, "مهلت اقدام اصلاحی", "Due date")
    _check_due(due, visit.visit_date)
    return description, due


def _add_action(
    session: Session, store: Store, actor: Actor, finding: Finding, visit: Visit, row: ActionInput
) -> CorrectiveAction:
    description, due = _checked_action(session, visit, row)
    action = CorrectiveAction(
        finding_id=finding.id,
        responsible_unit_id=row.responsible_unit_id,
        description=description,
        due_date=due,
        status="open",
        closed_on=None,
        note="",
    )
    records.add(session, store, actor, action)
    return action


def check_finding(row: FindingInput) -> tuple[str, str]:
    """A finding's own fields checked before it is kept (a new visit saves its findings later):
    the cleaned text and indicator code, or the Persian refusal."""
    check_choice(row.severity, SEVERITIES, "شدت یافته", "Finding severity")
    return clean_text(row.text, "شرح یافته", "Finding text"), check_indicator(row.indicator_code)


def _add_finding(session: Session, store: Store, actor: Actor, visit: Visit, row: FindingInput) -> Finding:
    text, indicator = check_finding(row)
    finding = Finding(visit_id=visit.id, severity=row.severity, indicator_code=indicator, text=text)
    records.add(session, store, actor, finding)
    for action in row.actions:
        _add_action(session, store, actor, finding, visit, action)
    return finding


def _make_checklist(
    session: Session, store: Store, actor: Actor, template_id: str, unit_id: str, day: _dt.date
) -> str:
    """The checklist filled during the visit, created through the checklists service."""
    from integrity_desktop.services.checklists import filled as checklists

    if session.get(Template, template_id) is None:
        raise UserError(
            "قالب چک‌لیست پیدا نشد؛ قالبی از فهرست قالب‌ها برگزینید.",
            f"Template {template_id!r} does not exist.",
            code="template_missing",
        )
    month = period_containing(day, "month").code
    return checklists.create_in(session, store, actor, template_id, unit_id, month, for_visit=True).id


# --------------------------------------------------------------------------- writing


def log_visit(
    store: Store,
    actor: Actor,
    *,
    kind: str,
    visit_date: _dt.date | str,
    unit_id: str | None = None,
    inspector_ids: Sequence[str] = (),
    plan_item_id: str | None = None,
    template_id: str | None = None,
    checklist_id: str | None = None,
    summary: str = "",
    recommendations: str = "",
    status: str = "open",
    findings: Sequence[FindingInput] = (),
    record_id: str | None = None,
) -> VisitDetail:
    """Log a visit with its findings and actions in one transaction.

    A periodic visit (``kind="periodic"``) carries out a plan item: its date must lie in the
    plan's period, and the unit and inspectors default to the item's.  An ad hoc visit
    (``"adhoc"``) has no plan item.  With ``template_id`` (or the plan item's template) a new
    checklist for the visit's unit and Jalali month is created through the checklists service;
    ``checklist_id`` links one that exists instead.
    """
    require(actor, "inspections.edit")
    check_choice(kind, VISIT_KINDS, "نوع بازرسی", "Visit kind")
    check_choice(status, {k: v for k, v in VISIT_STATUSES.items() if k != "closed"}, "وضعیت بازدید", "Status")
    day = as_date(visit_date, "تاریخ بازدید", "Visit date")
    summary_text = clean_text(summary, "خلاصهٔ بازدید", "Summary", required=False)
    recs = clean_text(recommendations, "پیشنهادها", "Recommendations", required=False)
    with store.session() as s:
        inspectors = list(inspector_ids)
        if kind == KIND_PERIODIC:
            if not plan_item_id:
                raise UserError(
                    "بازرسی ادواری باید از برنامهٔ بازرسی باشد؛ ردیف برنامه را برگزینید "
                    "یا نوع بازرسی را «موردی» بگذارید.",
                    "A periodic visit needs its plan item.",
                    code="plan_item_required",
                )
            item = load_item(s, plan_item_id)
            plan = s.get(InspectionPlan, item.plan_id)
            assert plan is not None
            check_in_period(day, Period.parse(plan.period_code), "تاریخ بازدید", "Visit date")
            taken = s.scalar(
                select(Visit.id).where(Visit.plan_item_id == item.id, Visit.deleted.is_(False)).limit(1)
            )
            if taken is not None:
                raise UserError(
                    "برای این ردیف برنامه پیش‌تر بازدید ثبت شده است؛ همان بازدید را باز کنید.",
                    "A visit is already logged for this plan item.",
                    code="plan_item_visited",
                )
            if unit_id and unit_id != item.unit_id:
                raise UserError(
                    "واحد بازدید با واحد ردیف برنامه یکی نیست؛ واحد برنامه را نگه دارید "
                    "یا بازرسی را «موردی» ثبت کنید.",
                    "The unit differs from the plan item's unit.",
                    code="unit_not_planned",
                )
            unit_id = item.unit_id
            inspectors = inspectors or list(item.inspector_ids)
            template_id = template_id or item.template_id
        elif plan_item_id:
            raise UserError(
                "بازرسی موردی به ردیف برنامه وابسته نیست؛ ردیف برنامه را بردارید یا نوع را «ادواری» بگذارید.",
                "An ad hoc visit has no plan item.",
                code="adhoc_with_plan",
            )
        unit = get_unit(s, unit_id, "واحد بازرسی‌شونده")
        load_appointed(s, inspectors, day)
        visit = Visit(
            plan_item_id=plan_item_id if kind == KIND_PERIODIC else None,
            kind=kind,
            visit_date=day,
            unit_id=unit.id,
            inspector_ids=inspectors,
            checklist_id=None,
            status=status,
            summary=summary_text,
            recommendations=recs,
        )
        if record_id:
            visit.id = record_id
        if checklist_id:
            from integrity_desktop.db.models import Checklist

            found = s.get(Checklist, checklist_id)
            if found is None or found.deleted:
                raise UserError("چک‌لیست پیدا نشد.", f"Checklist {checklist_id!r} does not exist.")
            visit.checklist_id = checklist_id
        elif template_id:
            visit.checklist_id = _make_checklist(s, store, actor, template_id, unit.id, day)
        records.add(s, store, actor, visit)
        for row in findings:
            _add_finding(s, store, actor, visit, row)
        return _detail(s, visit, jalali.today())


def update_visit(
    store: Store,
    actor: Actor,
    visit_id: str,
    *,
    summary: str | None = None,
    recommendations: str | None = None,
    status: str | None = None,
) -> VisitInfo:
    """Edit the visit's text or status; closing needs every corrective action done or cancelled."""
    require(actor, "inspections.edit")
    with store.session() as s:
        visit = _load_visit(s, visit_id)
        changes: dict[str, object] = {}
        if summary is not None:
            changes["summary"] = clean_text(summary, "خلاصهٔ بازدید", "Summary", required=False)
        if recommendations is not None:
            changes["recommendations"] = clean_text(
                recommendations, "پیشنهادها", "Recommendations", required=False
            )
        if status is not None:
            check_choice(status, VISIT_STATUSES, "وضعیت بازدید", "Status")
            if status == "closed":
                open_count = _open_action_count(s, visit.id)
                if open_count:
                    from integrity_desktop.digits import format_number

                    raise UserError(
                        f"این بازدید {format_number(open_count)} اقدام اصلاحی باز دارد؛ "
                        "نخست آن‌ها را انجام‌شده یا لغوشده ثبت کنید، سپس بازدید را ببندید.",
                        f"The visit has {open_count} open corrective actions.",
                        code="visit_has_open_actions",
                    )
            changes["status"] = status
        records.update(s, store, actor, visit, **changes)
        return _visit_info(s, visit)


def add_finding(store: Store, actor: Actor, visit_id: str, row: FindingInput) -> FindingInfo:
    """A finding (with its actions) added to a visit that is not closed."""
    require(actor, "inspections.edit")
    with store.session() as s:
        visit = _load_visit(s, visit_id)
        _check_not_closed(visit)
        finding = _add_finding(s, store, actor, visit, row)
        return _finding_info(s, finding, jalali.today())


def add_action(store: Store, actor: Actor, finding_id: str, row: ActionInput) -> ActionInfo:
    """A corrective action for a finding; the due date may not be before the visit."""
    require(actor, "inspections.edit")
    with store.session() as s:
        finding = _load_finding(s, finding_id)
        visit = _load_visit(s, finding.visit_id)
        _check_not_closed(visit)
        action = _add_action(s, store, actor, finding, visit, row)
        return _action_info(s, action, visit.id, jalali.today())


def update_finding(
    store: Store, actor: Actor, finding_id: str, *, severity: str, text: str, indicator_code: str = ""
) -> FindingInfo:
    """Correct a finding's severity, text or related indicator (the visit must not be closed)."""
    require(actor, "inspections.edit")
    clean, indicator = check_finding(FindingInput(severity, text, indicator_code))
    with store.session() as s:
        finding = _load_finding(s, finding_id)
        _check_not_closed(_load_visit(s, finding.visit_id))
        records.update(s, store, actor, finding, severity=severity, text=clean, indicator_code=indicator)
        return _finding_info(s, finding, jalali.today())


def update_action(store: Store, actor: Actor, action_id: str, row: ActionInput) -> ActionInfo:
    """Correct an open corrective action's unit, description or due date (not before the visit)."""
    require(actor, "inspections.edit")
    with store.session() as s:
        action, visit = _action_and_visit(s, action_id)
        _check_not_closed(visit)
        if action.status != "open":
            raise UserError(
                "این اقدام بسته شده است؛ برای ویرایش، نخست آن را «بازگشایی» کنید.",
                "The action is closed; reopen it to edit it.",
                code="action_closed",
            )
        description, due = _checked_action(s, visit, row)
        records.update(
            s, store, actor, action,
            responsible_unit_id=row.responsible_unit_id, description=description, due_date=due,
        )
        return _action_info(s, action, visit.id, jalali.today())


def _check_not_closed(visit: Visit) -> None:
    if visit.status == "closed":
        raise UserError(
            "این بازدید بسته شده است؛ برای افزودن یافته یا اقدام، نخست وضعیت آن را به «گزارش‌شده» برگردانید.",
            "The visit is closed.",
            code="visit_closed",
        )


def close_action(
    store: Store,
    actor: Actor,
    action_id: str,
    *,
    closed_on: _dt.date | str | None = None,
    status: str = "done",
    note: str = "",
) -> ActionInfo:
    """Mark an action done (or cancelled) on a day between the visit and today."""
    require(actor, "inspections.edit")
    check_choice(status, {k: v for k, v in ACTION_STATUSES.items() if k != "open"}, "وضعیت اقدام", "Status")
    day = jalali.today() if closed_on in (None, "") else as_date(closed_on, "تاریخ انجام", "Closing date")
    note_text = clean_text(note, "توضیح", "Note", required=False)
    with store.session() as s:
        action, visit = _action_and_visit(s, action_id)
        if action.status != "open":
            raise UserError(
                "این اقدام پیش‌تر بسته شده است.",
                "The action is already closed.",
                code="action_closed",
            )
        if day < visit.visit_date:
            raise UserError(
                f"تاریخ انجام ({format_date(day)}) پیش از تاریخ بازدید "
                f"({format_date(visit.visit_date)}) است؛ آن را اصلاح کنید.",
                "The closing date is before the visit.",
                code="closed_before_visit",
            )
        if day > jalali.today():
            raise UserError(
                f"تاریخ انجام ({format_date(day)}) در آینده است؛ اقدام را پس از انجام ببندید.",
                "The closing date is in the future.",
                code="closed_in_future",
            )
        records.update(s, store, actor, action, status=status, closed_on=day, note=note_text or action.note)
        return _action_info(s, action, visit.id, jalali.today())


def reopen_action(store: Store, actor: Actor, action_id: str) -> ActionInfo:
    """Put a closed action back on the follow-up list (closing date cleared)."""
    require(actor, "inspections.edit")
    with store.session() as s:
        action = _load_action(s, action_id)
        finding = _load_finding(s, action.finding_id)
        records.update(s, store, actor, action, status="open", closed_on=None)
        return _action_info(s, action, finding.visit_id, jalali.today())


def delete_visit(store: Store, actor: Actor, visit_id: str) -> None:
    """Tombstone a visit with its findings and actions (the plan item becomes not done)."""
    require(actor, "inspections.edit")
    with store.session() as s:
        visit = _load_visit(s, visit_id)
        for finding in _findings_of(s, visit.id):
            for action in _actions_of(s, finding.id):
                records.soft_delete(s, store, actor, action)
            records.soft_delete(s, store, actor, finding)
        records.soft_delete(s, store, actor, visit)


# --------------------------------------------------------------------------- reading


def _finding_info(session: Session, f: Finding, today: _dt.date) -> FindingInfo:
    referred = session.execute(select(Case.id, Case.case_number).where(
        Case.source_finding_id == f.id, Case.deleted.is_(False)).limit(1)).first()
    return FindingInfo(
        id=f.id,
        visit_id=f.visit_id,
        severity=f.severity,
        severity_fa=SEVERITIES.get(f.severity, f.severity),
        indicator_code=f.indicator_code,
        text=f.text,
        actions=tuple(_action_info(session, a, f.visit_id, today) for a in _actions_of(session, f.id)),
        evidence_count=int(
            session.scalar(
                select(func.count())
                .select_from(Evidence)
                .where(
                    Evidence.owner_type == "finding", Evidence.owner_id == f.id, Evidence.deleted.is_(False)
                )
            )
            or 0
        ),
        case_id=referred[0] if referred else None,
        case_number=referred[1] if referred else "",
    )


def _detail(session: Session, visit: Visit, today: _dt.date) -> VisitDetail:
    return VisitDetail(
        visit=_visit_info(session, visit),
        findings=tuple(_finding_info(session, f, today) for f in _findings_of(session, visit.id)),
    )


def get_visit(store: Store, actor: Actor, visit_id: str, *, today: _dt.date | None = None) -> VisitDetail:
    """A visit with its findings and their actions (overdue judged on ``today``)."""
    require(actor, "inspections.view")
    with store.read() as s:
        return _detail(s, _load_visit(s, visit_id), _today(today))


def _visits_query(q: VisitQuery) -> Select[tuple[Visit]]:
    stmt = select(Visit).where(Visit.deleted.is_(False), *equal_to(
        (Visit.office_code, q.office_code), (Visit.unit_id, q.unit_id), (Visit.kind, q.kind),
        (Visit.status, q.status),
    ))
    if q.period_code:
        period = Period.parse(q.period_code)
        stmt = stmt.where(Visit.visit_date >= period.start, Visit.visit_date <= period.end)
    return stmt


def visits_in(session: Session, query: VisitQuery = VisitQuery()) -> list[Visit]:
    """Live visits, newest first (for reports and figures inside a caller's session)."""
    rows = list(session.scalars(_visits_query(query).order_by(Visit.visit_date.desc(), Visit.id)))
    # inspector_ids is a JSON list: filtered in Python so the same code runs on SQLite and PostgreSQL.
    return [v for v in rows if query.inspector_id in v.inspector_ids] if query.inspector_id else rows


def list_visits(
    store: Store, actor: Actor, query: VisitQuery = VisitQuery(), *, offset: int = 0, limit: int = 100
) -> list[VisitInfo]:
    """Visits newest first, filtered by period, unit, kind, status, inspector or office."""
    require(actor, "inspections.view")
    check_paging(offset, limit)
    with store.read() as s:
        if query.inspector_id:
            rows = visits_in(s, query)[offset : offset + limit]
        else:
            stmt = _visits_query(query)
            stmt = stmt.order_by(Visit.visit_date.desc(), Visit.id).offset(offset).limit(limit)
            rows = list(s.scalars(stmt))
        return [_visit_info(s, v) for v in rows]


def count_visits(store: Store, actor: Actor, query: VisitQuery = VisitQuery()) -> int:
    """How many visits ``list_visits`` pages through with the same query."""
    require(actor, "inspections.view")
    with store.read() as s:
        if query.inspector_id:
            return len(visits_in(s, query))
        return count_rows(s, _visits_query(query))


def _follow_up_query(q: FollowUpQuery, today: _dt.date) -> Select[tuple[CorrectiveAction, Finding, Visit]]:
    stmt = (
        select(CorrectiveAction, Finding, Visit)
        .join(Finding, CorrectiveAction.finding_id == Finding.id)
        .join(Visit, Finding.visit_id == Visit.id)
        .where(CorrectiveAction.deleted.is_(False), Finding.deleted.is_(False), Visit.deleted.is_(False))
    )
    if q.overdue_only:
        stmt = stmt.where(CorrectiveAction.status == "open", CorrectiveAction.due_date < today)
    elif q.status:
        stmt = stmt.where(CorrectiveAction.status == q.status)
    return stmt.where(*equal_to(
        (CorrectiveAction.responsible_unit_id, q.unit_id), (Visit.id, q.visit_id),
        (Finding.severity, q.severity), (Visit.office_code, q.office_code),
    ))


def follow_up(
    store: Store,
    actor: Actor,
    query: FollowUpQuery = FollowUpQuery(),
    *,
    today: _dt.date | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[FollowUpRow]:
    """Corrective actions to follow up, earliest due first; open ones past due (on ``today``)
    are flagged."""
    require(actor, "inspections.view")
    check_paging(offset, limit)
    day = _today(today)
    with store.read() as s:
        stmt = _follow_up_query(query, day)
        stmt = stmt.order_by(CorrectiveAction.due_date, CorrectiveAction.id).offset(offset).limit(limit)
        out = []
        for action, finding, visit in s.execute(stmt).tuples():
            out.append(
                FollowUpRow(
                    action=_action_info(s, action, visit.id, day),
                    finding_text=finding.text,
                    severity=finding.severity,
                    severity_fa=SEVERITIES.get(finding.severity, finding.severity),
                    visit_id=visit.id,
                    visit_date=visit.visit_date,
                    visit_unit_name=_unit_name(s, visit.unit_id),
                    office_code=visit.office_code,
                    office_name=_office_name(s, visit.office_code),
                )
            )
        return out


def count_follow_up(
    store: Store, actor: Actor, query: FollowUpQuery = FollowUpQuery(), *, today: _dt.date | None = None
) -> int:
    """How many actions ``follow_up`` pages through with the same query on the same day."""
    require(actor, "inspections.view")
    with store.read() as s:
        return count_rows(s, _follow_up_query(query, _today(today)))


__all__ = [
    "KIND_ADHOC",
    "KIND_PERIODIC",
    "ActionInfo",
    "ActionInput",
    "FindingInfo",
    "FindingInput",
    "FollowUpQuery",
    "FollowUpRow",
    "VisitDetail",
    "VisitInfo",
    "VisitQuery",
    "add_action",
    "add_finding",
    "close_action",
    "count_follow_up",
    "count_visits",
    "delete_visit",
    "follow_up",
    "get_visit",
    "list_visits",
    "log_visit",
    "offices_with_visits",
    "reopen_action",
    "update_action",
    "update_finding",
    "update_visit",
    "visits_in",
]

"""The demo filler, and the issue's walk-through on the demo content: plan the current quarter,
log a visit with its checklist and findings, close the corrective action, print the monthly
report, and see the realisation rate follow the records."""

from __future__ import annotations

import datetime as _dt
import random
import subprocess
from pathlib import Path

from sqlalchemy import func, select

from integrity_desktop.db.models import InspectionPlan, Inspector, PlanItem, Visit
from integrity_desktop.db.store import Store
from integrity_desktop.jalali import period_containing
from integrity_desktop.nationalid import is_valid_national_code
from integrity_desktop.permissions import system_actor
from integrity_desktop.reports.registry import ReportParams, run_report
from integrity_desktop.services.demo import inspections as demo_inspections
from integrity_desktop.services.inspections import figures, inspectors, plans, visits
from integrity_desktop.services.inspections.plans import PlanItemInput
from integrity_desktop.services.inspections.visits import ActionInput, FindingInput

from .conftest import actor


def _count(store: Store, model: type) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_demo_fill_then_walk_through(store: Store, tmp_path: Path) -> None:
    admin = system_actor(store.office_code)
    counts = demo_inspections.fill(store, admin, random.Random("1403:inspections"), 1)
    assert 4 <= counts["inspectors"] <= 6 and counts["inspection_plans"] == 8 and counts["visits"] > 16
    with store.read() as s:
        codes = list(s.scalars(select(Inspector.national_code)))
        adhoc = s.scalar(select(func.count()).select_from(Visit).where(Visit.kind == "adhoc"))
    assert all(is_valid_national_code(c) for c in codes) and adhoc
    before = {m.__name__: _count(store, m) for m in (Inspector, InspectionPlan, PlanItem, Visit)}
    again = demo_inspections.fill(store, admin, random.Random("1403:inspections"), 1)
    assert again["inspection_plans"] == again["visits"] == 0
    assert {m.__name__: _count(store, m) for m in (Inspector, InspectionPlan, PlanItem, Visit)} == before

    # some demo actions are overdue and show up flagged in the follow-up list
    who = actor("inspector", store.office_code)
    overdue = visits.follow_up(store, who, visits.FollowUpQuery(overdue_only=True))
    assert overdue and all(r.action.days_overdue > 0 for r in overdue)

    # an inspector plans the current quarter, logs a visit with checklist and findings ...
    today = _dt.date.today()
    quarter = period_containing(today, "quarter").code
    people = inspectors.list_inspectors(store, who, inspectors.InspectorQuery(appointed_on=today))
    units = [i.unit_id for i in people if i.unit_id]
    plan = plans.create_plan(store, who, quarter, items=[
        PlanItemInput(units[0], today, (people[0].id,), plans_template_id()),
        PlanItemInput(units[0], period_containing(today, "quarter").end, (people[0].id,)),
    ])  # fmt: skip
    item = plans.list_plan_items(store, who, plans.PlanItemQuery(plan_id=plan.id))[0]
    detail = visits.log_visit(
        store, who, kind="periodic", plan_item_id=item.id, visit_date=today, recommendations="پیشنهاد",
        findings=[FindingInput("high", "دفتر حضور و غیاب ناقص است", "22/1",
                               (ActionInput(units[0], "تکمیل دفتر", today + _dt.timedelta(days=10)),))],
    )  # fmt: skip
    assert detail.visit.checklist_id is not None
    assert figures.realisation_rate(store, who, quarter).value == 50.0

    # ... closes the corrective action and prints the monthly report
    visits.close_action(store, who, detail.findings[0].actions[0].id, closed_on=today)
    assert visits.update_visit(store, who, detail.visit.id, status="closed").status == "closed"
    out = tmp_path / "monthly.pdf"
    month = period_containing(today, "month").code
    run_report(store, who, "inspector-monthly", ReportParams(period=month, subject=people[0].id), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "دفتر" in text  # «دفتر» of the finding (the text layer holds the letters themselves)


def plans_template_id() -> str:
    from integrity_desktop.services.store.seed import template_id

    return template_id("three-year-1398-1400", 1)

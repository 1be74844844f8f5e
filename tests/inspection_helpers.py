"""The inspection scenario of the report tests (an inspector, a plan, two visits with findings
and actions) and each inspection report's parameters for it; shared by the report tests and the
PDF text-layer tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from integrity_desktop.db.models import Unit
from integrity_desktop.db.store import Store
from integrity_desktop.reports.registry import ReportParams
from integrity_desktop.services.inspections import inspectors, plans, visits
from integrity_desktop.services.inspections.plans import PlanItemInput
from integrity_desktop.services.inspections.visits import ActionInput, FindingInput

from .conftest import actor

NAMES = ("inspector-monthly", "inspections-semiannual", "inspection-realisation", "inspector-evaluation")


@dataclass(frozen=True)
class Scenario:
    inspector_id: str
    national_code: str
    visit_ids: tuple[str, ...]


def make_scenario(store: Store) -> Scenario:
    who = actor("inspector", store.office_code)
    with store.read() as s:
        units = list(
            s.scalars(select(Unit.id).where(Unit.office_code == store.office_code).order_by(Unit.id))
        )
    person = inspectors.create_inspector(
        store, who, full_name="مریم احمدی", national_code="0499370899", appointed_on="1402/01/15",
        letter_no="۱۲۳/ب", post="کارشناس بازرسی",
    )  # fmt: skip
    plan = plans.create_plan(store, who, "1403-Q3", items=[
        PlanItemInput(units[0], "1403/07/10", (person.id,)),
        PlanItemInput(units[1], "1403/07/20", (person.id,)),
        PlanItemInput(units[2], "1403/09/10", (person.id,)),
    ])  # fmt: skip
    items = plans.list_plan_items(store, who, plans.PlanItemQuery(plan_id=plan.id))
    v1 = visits.log_visit(
        store, who, kind="periodic", plan_item_id=items[0].id, visit_date="1403/07/11", status="reported",
        recommendations="آموزش کارکنان",
        findings=[FindingInput("critical", "قرارداد بدون استعلام بها بسته شده است", "22/1",
                               (ActionInput(units[0], "بررسی قرارداد در کمیسیون معاملات", "1403/08/01"),))],
    )  # fmt: skip
    v2 = visits.log_visit(
        store, who, kind="adhoc", unit_id=units[3], visit_date="1403/07/25", inspector_ids=[person.id],
        findings=[FindingInput("low", "تابلوی اعلانات به‌روز نیست", "",
                               (ActionInput(units[3], "به‌روزرسانی تابلو", "1403/08/10"),))],
    )  # fmt: skip
    visits.close_action(store, who, v2.findings[0].actions[0].id, closed_on="1403/08/05")
    return Scenario(person.id, person.national_code, (v1.visit.id, v2.visit.id))


def report_params(name: str, sc: Scenario) -> ReportParams:
    return {
        "inspector-monthly": ReportParams(period="1403-M07", subject=sc.inspector_id),
        "inspections-semiannual": ReportParams(period="1403-H2"),
        "inspection-realisation": ReportParams(period="1403-Q3"),
        "inspector-evaluation": ReportParams(period="1403", subject=sc.national_code),
    }[name]

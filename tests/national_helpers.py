"""A small HQ store that imported real signed bundles from three provinces with known values,
for the national figures, the ``national`` report and the HQ screens.

What each province holds in 1403-Q2 (hand-computed national figures in ``EXPECTED``):

| indicator | tehran | isfahan | fars | national |
| --- | --- | --- | --- | --- |
| 4/4 count (typed) | 5 (whole) | 7 (whole) | 2 + 3 (two units) | 17 (sum) |
| 17/4 percent (typed, target ≥ 15) | 20 | 10 | — | 15 (plain mean: no parts) |
| 4/1 count (typed) | 20 | 40 | — | 60 (sum) |
| 1/2 status | done | not done | done + partly (units) → partly | 1 / 1 / 1 |
| 1/4 percent (computed) | 3 of 4 plan items visited | 0 of 1 | no plan | 3 ÷ 5 = 60 % (never (75+0)/2) |
| 6/1 count (computed) | 2 first offences | 1 | 0 | 3 |
| 22/1 count (computed) | 3 visits | 0 | 0 | 3 |

Axis 1 completion (entries 1/2): tehran 1 of 1 point, isfahan 0 of 1, fars 1.5 of 2 (two unit
checklists): national 2.5 ÷ 4 = 62.5 % (the provinces' own: 100, 0, 75; their mean 58.3 is not
the national figure).  On ``TODAY`` one corrective action of isfahan is overdue, and every
case is (reported, no step for more than 30 days): tehran 2, isfahan 1.

(2/2 and 10/3 were used here until issues 21 and 20 made them computed from the training and
complaint registers; 4/4 and 4/1 are typed counts.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from integrity_desktop import catalog
from integrity_desktop.db.models import (
    Checklist,
    ChecklistEntry,
    CorrectiveAction,
    Finding,
    InspectionPlan,
    PlanItem,
    Visit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import records
from integrity_desktop.services.store.seed import template_id

from .sync_helpers import add_unit, admin, export, import_, trust

PERIOD = "1403-Q2"
TODAY = date(2024, 9, 30)  # after the period; the province bundles are written "today" (real clock)
IN_Q2 = date(2024, 7, 10)

EXPECTED = {
    "4/4": 17.0,
    "17/4": 15.0,
    "4/1": 60.0,
    "1/4": 60.0,
    "6/1": 3.0,
    "22/1": 3.0,
}
AXIS_1 = {"national": 62.5, "tehran": 100.0, "isfahan": 0.0, "fars": 75.0}


def _checklist(store: Store, unit_id: str | None, answers: dict[str, tuple[str, float | None]], tag: str) -> None:
    three = catalog.load_three_year()
    tid = template_id(three.code, three.version)
    actor = admin(store)
    with store.session() as s:
        cl = records.add(s, store, actor, Checklist(
            id=records.stable_id("nat-cl", store.office_code, tag), office_code=store.office_code,
            template_id=tid, unit_id=unit_id, period_code=PERIOD))
        for code, (status, value) in answers.items():
            records.add(s, store, actor, ChecklistEntry(
                id=records.stable_id("nat-e", cl.id, code), office_code=store.office_code,
                checklist_id=cl.id, item_id=records.stable_id("item", tid, code), status=status,
                value=value))


def _plan(store: Store, unit_id: str, planned: int, visited: int) -> None:
    actor = admin(store)
    with store.session() as s:
        plan = records.add(s, store, actor, InspectionPlan(period_code=PERIOD, title="برنامه"))
        for i in range(planned):
            item = records.add(s, store, actor, PlanItem(plan_id=plan.id, unit_id=unit_id,
                                                          planned_date=IN_Q2 + timedelta(days=i)))
            if i < visited:
                records.add(s, store, actor, Visit(kind="periodic", visit_date=IN_Q2 + timedelta(days=i),
                                                   unit_id=unit_id, plan_item_id=item.id))


def _case(store: Store, national_code: str, reported: date) -> None:
    cases.register_case(store, admin(store), employee_name="کارمند نمونه", national_code=national_code,
                        reporter="بازرس معتمد", violation_codes=["01"], reported_on=reported, today=TODAY)


def _overdue_action(store: Store, unit_id: str) -> None:
    actor = admin(store)
    with store.session() as s:
        visit = records.add(s, store, actor, Visit(kind="adhoc", visit_date=date(2024, 5, 1), unit_id=unit_id))
        finding = records.add(s, store, actor, Finding(visit_id=visit.id, severity="high", text="تأخیر"))
        records.add(s, store, actor, CorrectiveAction(
            finding_id=finding.id, responsible_unit_id=unit_id, description="پاسخ‌گویی",
            due_date=date(2024, 6, 1)))


def build_hq(fresh: Callable[[Path, str], Store], templates: dict[str, Path], hq_template: Path,
             tmp_path: Path) -> Store:
    """The HQ store with the three provinces' bundles imported (module docstring)."""
    hq = fresh(hq_template, "hq")
    tehran, isfahan, fars = (fresh(templates[c], c) for c in ("tehran", "isfahan", "fars"))
    for p in (tehran, isfahan, fars):
        trust(hq, p)
    u = add_unit(tehran, "مرکز یک")
    _checklist(tehran, None, {"1/2": ("done", None), "4/4": ("done", 5), "17/4": ("done", 20),
                              "4/1": ("done", 20)}, "whole")
    _plan(tehran, u, 4, 3)
    _case(tehran, "0012345679", date(2024, 7, 2))
    _case(tehran, "0084575948", date(2024, 7, 3))
    u = add_unit(isfahan, "مرکز اصفهان")
    _checklist(isfahan, None, {"1/2": ("not_done", None), "4/4": ("done", 7), "17/4": ("done", 10),
                               "4/1": ("done", 40)}, "whole")
    _plan(isfahan, u, 1, 0)
    _case(isfahan, "0012345679", date(2024, 8, 1))
    _overdue_action(isfahan, u)
    a, b = add_unit(fars, "مرکز شیراز"), add_unit(fars, "مرکز مرودشت")
    _checklist(fars, a, {"1/2": ("done", None), "4/4": ("done", 2)}, "a")
    _checklist(fars, b, {"1/2": ("partial", None), "4/4": ("done", 3)}, "b")
    for p in (tehran, isfahan, fars):
        bundle = tmp_path / f"{p.office_code}.zip"
        export(p, bundle)
        import_(hq, bundle)
        PROVINCES[p.office_code] = p
    return hq


PROVINCES: dict[str, Store] = {}  # the last build_hq's province stores


def resend_with_renamed_unit(hq: Store, tmp_path: Path) -> None:
    """Isfahan renames its unit and sends its second bundle."""
    from .sync_helpers import rename_unit

    isfahan = PROVINCES["isfahan"]
    rename_unit(isfahan, records.stable_id("t-unit", "isfahan", "مرکز اصفهان"), "مرکز شمارهٔ ۱ اصفهان")
    bundle = tmp_path / "isfahan-2.zip"
    export(isfahan, bundle)
    import_(hq, bundle)

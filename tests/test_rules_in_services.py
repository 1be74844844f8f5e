"""Rules the screens used to hold, now in the services they call (issue 19, item 2): open cases
per province (HQ console), the dashboard's average completion, the plan items a new periodic
visit may be recorded against (visit editor)."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

from sqlalchemy import select

from integrity_desktop.db.models import Unit
from integrity_desktop.db.store import Store
from integrity_desktop.nationalid import generate_valid_national_code
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.checklists.scoring import AxisScore, average_completion
from integrity_desktop.services.inspections import inspectors, plans, visits
from integrity_desktop.services.inspections.plans import PlanItemInput
from integrity_desktop.sync.hq_console import ProvinceStatus

from .conftest import actor


def _status(by_state: dict[str, int]) -> ProvinceStatus:
    return ProvinceStatus("tehran", "تهران", "تهران", None, None, None, 0, (), True, 0, 0,
                          sum(by_state.values()), by_state)


def test_open_cases_leave_out_the_lifecycle_terminal_states() -> None:
    assert {lc.CLOSED, lc.NOT_PURSUABLE} == lc.TERMINAL_STATES
    every = {state: i + 1 for i, state in enumerate(lc.STATES)}
    open_ = sum(n for s, n in every.items() if s not in (lc.CLOSED, lc.NOT_PURSUABLE))
    assert _status(every).open_cases == open_
    assert _status({}).open_cases == 0
    # a state a newer province sent is not known to be finished: it counts as open
    assert _status({"closed": 3, "future_state": 2}).open_cases == 2


def _axis(completion: float | None) -> AxisScore:
    return AxisScore(1, "محور", completion, 0, 0, 0, 0, 0)


def test_average_completion_leaves_out_axes_with_nothing_scored() -> None:
    assert average_completion([_axis(0.5), _axis(None), _axis(1.0)]) == 0.75
    assert average_completion([_axis(None)]) is None
    assert average_completion([]) is None


def test_the_hq_console_averages_a_province_by_the_dashboard_rule() -> None:
    """A province's figure in the HQ console is the same mean as its own dashboard's headline."""
    from integrity_desktop.services.checklists.scoring import mean_completion
    from integrity_desktop.ui.screens.hq.console import CompletionModel

    model = CompletionModel()
    axes = [SimpleNamespace(number=1, by_office={"tehran": 0.5, "fars": None}),
            SimpleNamespace(number=2, by_office={"tehran": 1.0})]
    model.set_data([("tehran", "تهران"), ("fars", "فارس")], axes)
    assert model.province_mean("tehran") == mean_completion([0.5, 1.0]) == 0.75
    assert model.province_mean("fars") is None  # nothing scored: no figure, not zero


def test_unvisited_plan_items_of_this_jalali_year_and_last(store: Store) -> None:
    who = actor("inspector", store.office_code)
    with store.read() as s:
        u = list(s.scalars(select(Unit.id).where(Unit.office_code == store.office_code).order_by(Unit.id)))
    inspector = inspectors.create_inspector(
        store, who, full_name="مریم احمدی", national_code=generate_valid_national_code(random.Random(3)),
        appointed_on="1402/01/15", letter_no="۱۲۳", post="کارشناس", unit_id=u[0])
    plan = plans.create_plan(store, who, "1403-Q3", items=[
        PlanItemInput(u[0], "1403/07/10", (inspector.id,)),
        PlanItemInput(u[1], "1403/08/15", (inspector.id,)),
    ])
    first, second = plans.list_plan_items(store, who, plans.PlanItemQuery(plan_id=plan.id))
    visits.log_visit(store, who, kind="periodic", plan_item_id=first.id, visit_date="1403/07/12",
                     summary="بازدید", recommendations="")
    in_1403 = dt.date(2024, 12, 1)  # 1403/09/11
    assert [i.id for i in plans.unvisited_plan_items(store, who, in_1403)] == [second.id]
    assert [i.id for i in plans.unvisited_plan_items(store, who, dt.date(2025, 6, 1))] == [second.id]  # 1404
    assert plans.unvisited_plan_items(store, who, dt.date(2026, 6, 1)) == []  # 1405: too old

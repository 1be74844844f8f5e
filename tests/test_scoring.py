"""Completion scores: the formula, axis averages over units, trend and open indicators."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from integrity_desktop.db.models import Unit
from integrity_desktop.db.store import Store
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .conftest import actor

INSPECTOR = actor("inspector")


def test_formula() -> None:
    assert scoring.completion([("done", None), ("not_done", None)]) == 50.0
    assert scoring.completion([("partial", 30), ("", None)]) == 15.0
    assert scoring.completion([("partial", None)]) == 50.0  # no progress given: half
    assert scoring.completion([("done", None), ("na", None)]) == 100.0  # n/a left out
    assert scoring.completion([("na", None), ("na", 40)]) is None
    assert scoring.completion([]) is None
    assert "موضوعیت ندارد" in scoring.SCORE_HELP_FA


def _fill(store: Store, unit: str | None, period: str, statuses: dict[str, str]) -> str:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), unit, period)
    for entry in checklists.get_checklist(store, INSPECTOR, summary.id).entries:
        if entry.item_code in statuses:
            checklists.save_entry(store, INSPECTOR, entry.id, status=statuses[entry.item_code])
    return summary.id


def test_axis_scores_average_over_the_office_checklists(store: Store) -> None:
    with store.read() as s:
        unit = s.scalars(select(Unit.id).where(Unit.office_code == "tehran")).first()
    # axis 11 has three indicators: 11/1, 11/2, 11/3 (axis 2's 2/2 is computed since issue 21)
    a = _fill(store, None, "1403-Q1", {"11/1": "done", "11/2": "done", "11/3": "na"})  # 100 %
    _fill(store, unit, "1403-Q1", {"11/1": "done", "11/2": "not_done", "11/3": "not_done"})  # 33.33 %
    axes = {x.number: x for x in scoring.dashboard_axes(store, INSPECTOR, "1403-Q1")}
    assert axes[11].completion == pytest.approx((100 + 100 / 3) / 2, abs=0.01)
    assert (axes[11].done, axes[11].not_done, axes[11].na, axes[11].total) == (3, 2, 1, 6)
    assert len(axes) == 22
    own = {x.number: x for x in scoring.checklist_axes(store, INSPECTOR, a)}
    assert own[11].completion == 100.0 and own[1].completion == 0.0
    trend = scoring.trend(store, INSPECTOR, 1403)
    assert [p.period_code for p in trend] == ["1403-Q1", "1403-Q2", "1403-Q3", "1403-Q4"]
    assert trend[0].checklists == 2 and trend[1].completion is None
    open_items = scoring.open_indicators(store, INSPECTOR, "1403-Q1", limit=1000)
    codes = [o.item_code for o in open_items]
    assert "11/1" not in codes and "11/3" in codes
    # 134 asked in a first quarter (1/7, 5/3, 10/1 annual; 1/5 six-monthly), 11/1 done everywhere
    assert scoring.count_open_indicators(store, INSPECTOR, "1403-Q1") == len(open_items) == 133
    two_three = next(o for o in open_items if o.item_code == "11/3")
    assert (two_three.open_in, two_three.checklists) == (1, 2) and two_three.lead_unit
    assert [o.item_code for o in scoring.open_indicators(store, INSPECTOR, "1403-Q1", offset=1, limit=2)] \
        == codes[1:3]

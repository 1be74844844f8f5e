"""Indicator values that other areas compute from their records (inspections, cases).

They are written to the office's whole-directorate checklist of the three-year programme for the
period, marked ``computed`` with the records behind them, so nobody overwrites them by hand and
a reader can see where a number came from.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import select

from integrity_desktop.db.models import Checklist, ChecklistEntry, TemplateItem
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services import checklists, records, scoring
from integrity_desktop.services.records import stable_id


def write_computed(
    store: Store, actor: Actor, period_code: str, values: dict[str, tuple[float, dict[str, Any]]]
) -> str:
    """Set computed indicator values for a period; returns the checklist's id.

    ``values`` maps indicator codes (e.g. ``"6/4"``) to ``(value, source)`` where ``source``
    names the records behind it, e.g. ``{"kind": "cases", "ids": [...], "formula": "..."}``.
    The whole-directorate checklist is created when missing.  All values are written in one
    transaction; an unknown code or a bad value writes nothing.
    """
    require(actor, "checklists.compute")
    period = Period.parse(period_code)
    template_id = scoring.three_year_template_id()
    with store.session() as s:
        checklist_id = s.scalar(select(Checklist.id).where(
            Checklist.office_code == actor.office_code, Checklist.template_id == template_id,
            Checklist.period_code == period.code, Checklist.unit_id.is_(None),
            Checklist.deleted.is_(False),
        ).limit(1))
        if checklist_id is None:
            # Creating the checklist is part of recording the figure, whoever computes it.
            checklist = checklists.create_in(
                s, store, actor, template_id, None, period.code, operation="checklists.compute"
            )
        else:
            found = s.get(Checklist, checklist_id)
            assert found is not None
            checklist = found
        checklists.check_editable(checklist)
        items = {
            item.code: item
            for item in s.scalars(select(TemplateItem).where(
                TemplateItem.template_id == template_id, TemplateItem.code.in_(list(values))
            ))
        }
        changed = False
        for code, (value, source) in values.items():
            item = items.get(code)
            if item is None or not item.counts:
                raise UserError(
                    f"شاخص «{code}» در برنامهٔ سه‌ساله شاخص شمارشی نیست.",
                    f"Indicator {code!r} is not a counting indicator of the three-year programme.",
                    code="computed_unknown",
                )
            number = float(value)
            if not math.isfinite(number) or number < 0:
                raise ValueError(f"computed value for {code} must be finite and >= 0: {value!r}")
            entry = s.get(ChecklistEntry, stable_id("entry", checklist.id, item.id))
            assert entry is not None
            changed |= records.update(
                s, store, actor, entry, value=number, computed=True, computed_source=dict(source)
            )
        if changed:
            checklists.refresh_checklist(s, store, actor, checklist)
        return checklist.id

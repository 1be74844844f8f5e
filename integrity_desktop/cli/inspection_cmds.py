"""``inspections``: the visit log as TAB-separated lines for other tools.

One line per visit, newest first:
``ID<TAB>1403/07/15<TAB>unit<TAB>periodic|adhoc<TAB>open|reported|closed``
(the Jalali date with ASCII digits, the unit's Persian name).
"""

from __future__ import annotations

import argparse
from typing import Any

from integrity_desktop.cli.common import actor_for, command, opened, tsv

PAGE = 1000


def register(sub: Any) -> None:
    command(sub, "inspections", run_inspections, help="list inspection visits (TAB-separated, newest first)")


def run_inspections(args: argparse.Namespace) -> int:
    import jdatetime

    from integrity_desktop.services.inspections.visits import list_visits

    with opened(args) as store:
        actor = actor_for(store)
        offset = 0
        while True:
            page = list_visits(store, actor, offset=offset, limit=PAGE)
            for v in page:
                day = jdatetime.date.fromgregorian(date=v.visit_date).strftime("%Y/%m/%d")
                unit = " ".join(v.unit_name.split())  # no TAB or newline may break a line
                print(tsv(v.id, day, unit, v.kind, v.status))
            if len(page) < PAGE:
                break
            offset += PAGE
    return 0

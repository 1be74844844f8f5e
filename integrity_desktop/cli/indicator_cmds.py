"""``indicators``: every indicator of both programmes with the office's figure for a period.

The command's description is ``DESCRIPTION`` (a constant, not this docstring: the frozen build
is compiled without docstrings).
"""

from __future__ import annotations

import argparse
from typing import Any

from integrity_desktop.cli.common import actor_for, command, opened, tsv
from integrity_desktop.digits import VALUE_PLACES, round_half_up

DESCRIPTION = """``indicators``: every indicator of both programmes with the office's figure for a period.

One TAB-separated line per indicator, ASCII digits, for checking the figures from a shell:
``code<TAB>kind<TAB>frequency<TAB>target<TAB>value<TAB>computed|typed`` (empty target or value
when there is none).
"""

EPILOG = """\
fields, TAB-separated, one line per indicator due in the period (three-year programme, then the
administrative-reform programme, whose codes start with R):
  code       6/4, 17/4, R6/5 ...
  kind       status | count | percent | ratio | average_days | score
  frequency  monthly | quarterly | six_monthly | annual | once
  target     the programme's target (17/4: at least 15; 10/3: at most 30 days), empty if none
  value      the office's figure in the period, empty if there is none (status indicators);
             rounded as the screens show it: a percent to 1 decimal, other values to 2
  source     computed (from the records, now; an approved checklist's figure once approved)
             | typed (from the checklists)
period tokens: 1403 (year), 1403-H1 (half), 1403-Q2 (quarter), 1403-M07 (month); Persian digits
are accepted.  Without --period: the latest period with a three-year checklist, else the
current quarter."""


def register(sub: Any) -> None:
    p = command(
        sub, "indicators", run_indicators,
        help="indicators with the office's figures: code, kind, frequency, target, value, source",
        description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--period", help="1403, 1403-H1, 1403-Q2 or 1403-M07 (default: see below)")
    p.add_argument("--office", help="office code (HQ: a province's figures from its records); default: the store's")


def number(value: float | None, places: int = VALUE_PLACES) -> str:
    """``12`` for whole numbers, ``66.67`` otherwise (``places`` decimals at most, rounded half
    away from zero by ``digits``' one rule), empty for None."""
    if value is None:
        return ""
    value = round_half_up(float(value), places)
    if value.is_integer():
        return str(int(value))
    return f"{value:.{places}f}".rstrip("0").rstrip(".")


def run_indicators(args: argparse.Namespace) -> int:
    from integrity_desktop import catalog, jalali
    from integrity_desktop.indicators import places
    from integrity_desktop.services.checklists import filled as checklists
    from integrity_desktop.services.checklists import scoring
    from integrity_desktop.services.figures import achievement

    with opened(args) as store:
        actor = actor_for(store)
        office = args.office or store.office_code
        if args.period:
            period = jalali.Period.parse(args.period)
        else:
            latest = checklists.list_checklists(store, actor, office_code=office, limit=1,
                                                template_id=scoring.three_year_template_id())
            period = jalali.Period.parse(latest[0].period_code) if latest else \
                jalali.period_containing(jalali.today(), "quarter")
        if args.office:
            catalog_codes = {o.code for o in catalog.load_offices()}
            if office not in catalog_codes:
                from integrity_desktop.errors import UserError

                raise UserError(f"کد ادارهٔ «{office}» شناخته نیست.", f"Unknown office {office!r}.",
                                code="unknown_office")
        for programme in (scoring.three_year_code(), scoring.reform_code()):
            for f in achievement.office_figures(store, actor, period.code, office_code=office,
                                                programme=programme):
                d = f.definition
                print(tsv(f.code, d.kind, d.frequency, number(d.target, places(d)), number(f.value, places(d)),
                          f.source))
    return 0

"""``cases``: the case register for other tools, one TAB-separated line per case, no names."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from integrity_desktop.cli.common import actor_for, command, opened, tsv


def register(sub: Any) -> None:
    p = command(sub, "cases", run_cases,
                help="list violation cases: ID, case number, state, Jalali date of last event")
    p.add_argument("--state", help="only cases in this state (e.g. reported, file_formed, closed)")


def ascii_jalali(d: Any) -> str:
    """``2024-10-06`` -> ``1403/07/15`` (ASCII digits: this output is parsed by tools)."""
    if d is None:
        return ""
    from integrity_desktop.digits import to_ascii_digits
    from integrity_desktop.jalali import format_date

    return to_ascii_digits(format_date(d))


def run_cases(args: argparse.Namespace) -> int:
    from integrity_desktop.services.cases import lifecycle as lc
    from integrity_desktop.services.cases import register as cases

    if args.state is not None and args.state not in lc.STAGE_ORDER:
        from integrity_desktop.errors import UserError

        raise UserError(
            f"وضعیت «{args.state}» شناخته نیست؛ یکی از این‌ها را بدهید: {', '.join(lc.STATES)}.",
            f"Unknown state {args.state!r}; use one of: {', '.join(lc.STATES)}.",
            code="case_unknown_state",
        )
    with opened(args) as store:
        query = cases.CaseQuery(state=args.state)
        for c in cases.iter_cases(store, actor_for(store), query):
            print(tsv(c.id, c.case_number, c.state, ascii_jalali(c.last_event_on)))
        sys.stdout.flush()  # a closed pipe (`| head`) is met here; main() ends quietly
    return 0

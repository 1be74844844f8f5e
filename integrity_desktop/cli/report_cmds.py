"""``report``: every report of the app through one command."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from integrity_desktop.cli.common import actor_for, command, opened, tsv


def register(sub: Any) -> None:
    p = command(sub, "report", run_report, db_required=False,
                help="write a report as PDF or Excel (by the file's extension)")
    p.add_argument("--list", action="store_true", help="print the report names")
    p.add_argument("name", nargs="?")
    p.add_argument("--period", help="period code, e.g. 1403, 1403-H1, 1403-Q2, 1403-M07")
    p.add_argument("--unit", help="unit id")
    p.add_argument("--subject", help="id of the record the report is about")
    p.add_argument("--out")


def run_report(args: argparse.Namespace) -> int:
    from integrity_desktop.errors import UserError
    from integrity_desktop.reports.registry import ReportParams, all_reports
    from integrity_desktop.reports.registry import run_report as run

    if args.list:
        for spec in all_reports().values():
            print(tsv(spec.name, "/".join(spec.formats), spec.title_fa))
        return 0
    if not args.name or not args.out:
        raise UserError("نام گزارش و --out را بدهید.", "Give a report NAME and --out FILE.")
    with opened(args) as store:
        if args.period:
            from integrity_desktop.jalali import Period

            Period.parse(args.period)  # a clear message for a wrong period before any work
        params = ReportParams(period=args.period, unit=args.unit, subject=args.subject)
        run(store, actor_for(store), args.name, params, Path(args.out))
    print(args.out)
    return 0

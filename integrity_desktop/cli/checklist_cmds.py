"""Checklist commands: templates, checklists, print-checklist, export-excel, import-excel.

The two list commands print TAB-separated lines with ASCII ids and digits that other tools parse.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from integrity_desktop.cli.common import actor_for, command, opened, tsv


def register(sub: Any) -> None:
    command(sub, "templates", run_templates, help="list checklist templates: ID<TAB>version<TAB>title")

    command(sub, "checklists", run_checklists,
            help="list checklists: ID<TAB>unit<TAB>period<TAB>template ID<TAB>%%")

    p = command(sub, "print-checklist", run_print,
                help="a blank form (--blank --template ID) or a filled checklist")
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--blank", action="store_true", help="a paper form for a visit")
    p.add_argument("--template", help="template ID (with --blank)")
    p.add_argument("--checklist", help="checklist ID")

    p = command(sub, "export-excel", run_export,
                help="checklists to an .xlsx workbook, one sheet per period")
    p.add_argument("--out", required=True)
    p.add_argument("--period", help="only this period, e.g. 1403-Q2")

    p = command(sub, "import-excel", run_import, help="import an exported workbook filled offline")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check only, write nothing")


def run_templates(args: argparse.Namespace) -> int:
    from integrity_desktop.services.checklists import templates

    with opened(args) as store:
        actor = actor_for(store)
        total = templates.count_templates(store, actor)
        for t in templates.list_templates(store, actor, limit=total):
            print(tsv(t.id, t.version, t.title_fa))
    return 0


def run_checklists(args: argparse.Namespace) -> int:
    from integrity_desktop.services.checklists import filled as checklists

    with opened(args) as store:
        actor = actor_for(store)
        total = checklists.count_checklists(store, actor)
        for c in checklists.list_checklists(store, actor, limit=total):
            print(tsv(c.id, c.unit_name, c.period_code, c.template_id, f"{c.completion or 0.0:.1f}"))
    return 0


def run_print(args: argparse.Namespace) -> int:
    from integrity_desktop.errors import UserError
    from integrity_desktop.reports import checklist_pdf

    if args.blank == bool(args.checklist) or (args.blank and not args.template):
        raise UserError(
            "یا --blank --template ID یا --checklist ID را بدهید.",
            "Give either --blank --template ID or --checklist ID.",
        )
    with opened(args) as store:
        actor = actor_for(store)
        if args.blank:
            checklist_pdf.blank_form(store, actor, args.template, Path(args.out))
        else:
            checklist_pdf.filled(store, actor, args.checklist, Path(args.out))
    print(args.out)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from integrity_desktop.reports.checklist_excel import export_workbook

    with opened(args) as store:
        summary = export_workbook(store, actor_for(store), Path(args.out), period_code=args.period)
    print(tsv(summary.path, len(summary.sheets), summary.rows))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from integrity_desktop.services.checklists.excel_import import import_workbook

    with opened(args) as store:
        summary = import_workbook(store, actor_for(store), Path(args.file), dry_run=args.dry_run)
    for problem in summary.problems:
        print(tsv(problem.sheet, problem.cell, problem.fa, problem.en), file=sys.stderr)
    if summary.problems:
        print(f"خطا: فایل وارد نشد؛ {len(summary.problems)} خانه نادرست است. آن‌ها را درست کنید و "
              "دوباره وارد کنید.", file=sys.stderr)
        print(f"error: refused, {len(summary.problems)} invalid cells; nothing was written", file=sys.stderr)
        return 2
    print(tsv("rows", summary.rows))
    print(tsv("updated", summary.updated))
    print(tsv("unchanged", summary.unchanged))
    print(tsv("applied", "yes" if summary.applied else "no (dry run)"))
    return 0

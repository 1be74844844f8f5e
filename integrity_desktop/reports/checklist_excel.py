"""Checklists to Excel and back, so an office can fill them offline.

Export: one right-to-left sheet per period (``excel.RtlWorkbook``: text never a formula,
numbers typed, printed fitted to the page width with the header row on every page and the
office, period and export date in the page header), Persian headers, indicator codes as people
read them (Persian digits; the reform programme's «اصلاح ۶/۱»), status as its Persian label with a drop-down of the labels, Jalali date as text plus
a real date column, each indicator's measure, target and achievement, computed values as the
records give them now (an approved checklist's as approved, with any change since), and the id
the import matches on as the last, hidden column.  Only the indicators the checklist asks are
listed.  The import is ``services.checklists.excel_import``: it writes to the store, and owns the
columns the two share.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from integrity_desktop.db.models import Office
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.excel.workbook import Col, Kind, RtlWorkbook, SheetWriter
from integrity_desktop.indicators import (
    NO_TARGET,
    achievement,
    definition_text_fa,
    display_code,
    target_text_fa,
)
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, require
from integrity_desktop.reports.figure_cells import value_kind
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists.entry_rules import STATUS_LABELS_FA
from integrity_desktop.services.checklists.excel_import import COLUMNS, HEADER
from integrity_desktop.services.checklists.filled import ChecklistSummary, EntryView

_KINDS: dict[str, Kind] = {
    "unit": "wrap", "code": "id", "title": "wrap", "status": "text", "progress": "progress",
    "value": "number", "note": "wrap", "computed": "bool", "changed": "date", "measure": "wrap",
    "target": "text", "achievement": "wrap", "since_approval": "wrap", "id": "key",
}
SHEET_COLUMNS = tuple(Col(label, width, _KINDS[key], hidden=key == "id") for key, label, width in COLUMNS)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    sheets: tuple[str, ...]
    rows: int



# --------------------------------------------------------------------------- export


def export_workbook(
    store: Store, actor: Actor, out: str | os.PathLike[str], *, period_code: str | None = None,
    checklist_ids: Sequence[str] | None = None,
) -> ExportSummary:
    """Write the office's checklists (of one period, or the given ones) to ``out``."""
    require(actor, "checklists.view")
    if checklist_ids is not None:
        summaries = [checklists.get_checklist(store, actor, cid).summary for cid in checklist_ids]
    else:
        total = checklists.count_checklists(store, actor, period_code=period_code)
        summaries = checklists.list_checklists(store, actor, period_code=period_code, limit=total)
    if not summaries:
        raise UserError(
            "چک‌لیستی برای بیرون‌بردن نیست؛ دوره یا پالایه را عوض کنید.",
            "No checklists to export.",
            code="nothing_to_export",
        )
    by_period: dict[str, list[ChecklistSummary]] = defaultdict(list)
    for summary in summaries:
        by_period[summary.period_code].append(summary)
    periods = sorted(by_period, key=Period.parse)
    with store.read() as s:
        office = s.scalar(select(Office.name_fa).where(Office.code == summaries[0].office_code))
    book = RtlWorkbook(
        "چک‌لیست‌ها", [("اداره", office or summaries[0].office_code),
                      ("دوره", "، ".join(Period.parse(p).label_fa for p in periods))],
        title_rows=False,
    )
    rows = 0
    with store.read() as s:
        for code in periods:
            sheet = book.add_sheet(Period.parse(code).label_fa, SHEET_COLUMNS, landscape=True)
            sheet.choices(HEADER["status"], [label for key, label in STATUS_LABELS_FA.items() if key])
            for summary in sorted(by_period[code], key=lambda x: (x.unit_id is not None, x.unit_name)):
                for entry in checklists.entries_in(s, summary.id):
                    if entry.asked:
                        sheet.append(_row(sheet, summary, entry))
            rows += sheet.rows
    return ExportSummary(book.save(out), tuple(book.titles), rows)


def _row(sheet: SheetWriter, summary: ChecklistSummary, e: EntryView) -> list[Any]:
    d = e.definition
    result = achievement(d, e.value)
    measure = definition_text_fa(d) + (f"؛ محاسبه از روی سوابق: {e.formula_fa}" if e.computed else "")
    value = sheet.cell(e.value, value_kind(d, read_back=True))  # a percent stays 0–100 for the import
    return [
        summary.unit_name, display_code(e.item_code), e.title, STATUS_LABELS_FA[e.status] if e.status else "",
        e.progress, value, e.note, e.computed, e.updated_at.date(), measure, target_text_fa(d),
        "" if result.state == NO_TARGET else result.label_fa(d), e.changed_since_approval_fa, e.id,
    ]



"""The report registry: one name per report, each writing PDF or Excel by the file's extension.

An area adds its reports by appending a ``ReportSpec`` to ``REPORT_MODULES``' modules: each
module listed there defines ``REPORTS: list[ReportSpec]``.  Modules are imported only when a
report is listed or run, so start-up stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require


@dataclass(frozen=True)
class ReportParams:
    period: str | None = None  # a Period code such as 1403-Q2
    unit: str | None = None  # a unit id
    subject: str | None = None  # the record a report is about (a case, an inspector, ...)


# writer(store, actor, params, out_path, fmt) where fmt is "pdf" or "xlsx"
Writer = Callable[[Store, Actor, ReportParams, Path, str], None]


@dataclass(frozen=True)
class ReportSpec:
    name: str  # ASCII, stable: other tools call it by this name
    title_fa: str
    formats: tuple[str, ...]
    writer: Writer
    needs_period: bool = False
    needs_subject: bool = False


REPORT_MODULES: list[str] = [
    "integrity_desktop.reports.case_reports",
    "integrity_desktop.reports.checklist_reports",
    "integrity_desktop.reports.inspection_reports",
    "integrity_desktop.reports.hq_reports",
    "integrity_desktop.reports.national_report",
    "integrity_desktop.reports.committee_reports",  # issue 21
    "integrity_desktop.reports.rights_reports",  # issue 20
]


def all_reports() -> dict[str, ReportSpec]:
    out: dict[str, ReportSpec] = {}
    for module in REPORT_MODULES:
        for spec in importlib.import_module(module).REPORTS:
            out[spec.name] = spec
    return out


def run_report(
    store: Store, actor: Actor, name: str, params: ReportParams, out: Path
) -> ReportSpec:
    require(actor, "reports.run")
    reports = all_reports()
    if name not in reports:
        raise UserError(
            f"گزارشی به نام «{name}» نیست. فهرست را با report --list ببینید.",
            f"No report named {name!r}; see `report --list`.",
            code="unknown_report",
        )
    spec = reports[name]
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in spec.formats:
        allowed = "، ".join(spec.formats)
        raise UserError(
            f"این گزارش را فقط با پسوند {allowed} می‌توان ساخت.",
            f"This report can be written as: {', '.join(spec.formats)}.",
            code="report_format",
        )
    if spec.needs_period and not params.period:
        raise UserError("برای این گزارش دوره را با --period بدهید.", "Give --period.")
    if spec.needs_subject and not params.subject:
        raise UserError("برای این گزارش شناسهٔ موضوع را با --subject بدهید.", "Give --subject.")
    spec.writer(store, actor, params, out, fmt)
    return spec

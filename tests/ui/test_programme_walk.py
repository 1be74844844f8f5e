"""The issue's walk on the demo store: log a new visit, add a case step, import the province's
bundle at HQ.  The computed figures change in the checklist, the dashboard, the PDF, the Excel
workbook and the HQ console with no other action, and HQ's figures for the province equal the
province's own.  The demo store is the released one (schema 0001), upgraded on opening."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from integrity_desktop.db.models import Checklist, Inspector, Unit
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.jalali import parse_date
from integrity_desktop.permissions import system_actor
from integrity_desktop.reports import checklist_excel, checklist_pdf
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.figures import achievement
from integrity_desktop.services.inspections import visits
from integrity_desktop.services.store import keys
from integrity_desktop.sync.export import export_bundle
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.dashboard.screen import DashboardScreen
from integrity_desktop.ui.screens.hq.console import HqConsoleScreen
from tests.conftest import actor
from tests.sync_helpers import import_, trust

pytestmark = [pytest.mark.gui, pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler")]
PERIOD = "1403-Q4"  # 2024-12-21 .. 2025-03-20: the demo's last quarter with visits and cases
DEMO_PASSPHRASE = "demo-passphrase"


def _pdf_figures(store: Store, checklist_id: str, out: Path) -> list[str]:
    """The computed value cells of the printed checklist (the line before «(محاسبه‌شده)»)."""
    checklist_pdf.filled(store, actor("inspector", store.office_code), checklist_id, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    # the text layer keeps ZWNJ («محاسبه‌شده»); spaces, ZWNJ and bidi marks are left out to compare
    lines = [re.sub("[ \u200c\u200e\u200f\u202a-\u202e]", "", ln) for ln in unicodedata.normalize("NFKC", text)
             .splitlines() if ln.strip()]
    return [lines[i - 1] for i, ln in enumerate(lines) if "(محاسبهشده" in ln]


def _excel_value(store: Store, checklist_id: str, code: str, out: Path) -> object:
    checklist_excel.export_workbook(store, actor("inspector", store.office_code), out, checklist_ids=[checklist_id])
    ws = openpyxl.load_workbook(out).worksheets[0]
    headers = [c.value for c in ws[1]]
    # indicator codes are text in Persian digits (issue 14's Excel policy)
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True)
               if r[headers.index("کد شاخص")] == to_persian_digits(code))
    return row[headers.index("مقدار")]


def _dashboard(qtbot, ctx: UiContext) -> dict[str, float | None]:  # type: ignore[no-untyped-def]
    screen = DashboardScreen(ctx)
    qtbot.addWidget(screen)
    screen.period.setCurrentIndex(screen.period.findData(PERIOD))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.loaded and not screen.loading, timeout=30000)
    assert screen.data is not None and screen.data.period_code == PERIOD
    return {f.code: f.value for f in screen.data.figures}


def test_demo_walk_figures_follow_the_records_everywhere(  # type: ignore[no-untyped-def]
    qtbot, released_0001: Path, hq_store: Store, tmp_path: Path
) -> None:
    tehran = open_store(str(released_0001))  # the released demo, upgraded to today's schema
    try:
        _walk(qtbot, tehran, hq_store, tmp_path)
    finally:
        tehran.dispose()


def _walk(qtbot, tehran: Store, hq: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inspector = actor("inspector", "tehran")
    ctx = UiContext(tehran, inspector)
    with tehran.read() as s:
        whole = s.scalar(select(Checklist.id).where(
            Checklist.period_code == PERIOD, Checklist.unit_id.is_(None), Checklist.office_code == "tehran"))
        unit = s.scalar(select(Unit.id).where(Unit.office_code == "tehran").order_by(Unit.id).limit(1))
        day = parse_date("1403/11/05")
        person = s.scalar(select(Inspector.id).where(Inspector.appointed_on <= day).limit(1))
    assert whole and unit and person

    def in_checklist() -> dict[str, float | None]:
        return {e.item_code: e.value for e in checklists.get_checklist(tehran, inspector, whole).entries}

    before = in_checklist()
    dash_before = _dashboard(qtbot, ctx)
    pdf_before = _pdf_figures(tehran, whole, tmp_path / "before.pdf")
    assert before["22/1"] == dash_before["22/1"] == _excel_value(tehran, whole, "22/1", tmp_path / "b.xlsx")
    assert before["6/2"] == dash_before["6/2"]
    n221, n62 = int(before["22/1"] or 0), int(before["6/2"] or 0)

    # Log a new visit and a new case with a step, in the quarter.  Nothing else.
    visits.log_visit(tehran, inspector, kind="adhoc", unit_id=unit, visit_date="1403/11/05",
                     inspector_ids=[person])
    officer = actor("case_officer", "tehran")
    case = cases.register_case(tehran, officer, employee_name="کارمند آزمون", national_code="0084575948",
                               reporter="بازرس معتمد", violation_codes=["01"], reported_on="1403/11/06")
    cases.add_event(tehran, officer, case.id, lc.NOT_PURSUABLE, event_date="1403/11/07")

    after = in_checklist()
    assert (after["22/1"], after["6/2"]) == (n221 + 1, n62 + 1)
    assert after["6/11"] == (before["6/11"] or 0) + 2  # the report and the step
    dash_after = _dashboard(qtbot, ctx)
    assert (dash_after["22/1"], dash_after["6/2"]) == (n221 + 1, n62 + 1)
    assert _excel_value(tehran, whole, "22/1", tmp_path / "a.xlsx") == n221 + 1
    pdf_after = _pdf_figures(tehran, whole, tmp_path / "after.pdf")
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    assert f"{n221}بازرسی".translate(digits) in pdf_before
    assert f"{n221 + 1}بازرسی".translate(digits) in pdf_after

    # HQ imports the province's bundle: its console shows the province's own figures.
    trust(hq, tehran)
    key = keys.signing_key(tehran, DEMO_PASSPHRASE)
    export_bundle(tehran, system_actor("tehran"), tmp_path / "tehran.zip", key, full=True)
    import_(hq, tmp_path / "tehran.zip")
    own = {f.code: f.value for f in achievement.office_figures(tehran, inspector, PERIOD)}
    reviewer = actor("reviewer", "hq")
    at_hq = {f.code: f.value for f in achievement.office_figures(hq, reviewer, PERIOD, office_code="tehran")}
    assert at_hq == own
    console = HqConsoleScreen(UiContext(hq, reviewer))
    qtbot.addWidget(console)
    console.period.setCurrentIndex(console.period.findData(PERIOD))
    console.refresh_completion()
    model = console.indicator_model
    qtbot.waitUntil(lambda: bool(model.columns), timeout=60000)
    row = next(i for i, (code, _name) in enumerate(model.provinces) if code == "tehran")
    shown = {model.columns[c - 1].code: model.figure(row, c).value
             for c in range(1, model.columnCount()) if model.figure(row, c) is not None}
    computed_codes = {f.code for f in achievement.office_figures(tehran, inspector, PERIOD)
                      if f.source == achievement.COMPUTED}
    assert {code: shown[code] for code in computed_codes} == {code: own[code] for code in computed_codes}
    assert shown["22/1"] == n221 + 1
    assert scoring.three_year_code()  # the dashboard's programme

"""Inspection reports read back: PDFs through pdftotext, Excel through openpyxl; the CLI's
``inspections`` lines and ``report`` command through a real subprocess."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import parse_date
from integrity_desktop.reports.registry import ReportParams, all_reports, run_report
from integrity_desktop.textnorm import normalize_for_search

from .cli_helpers import run_cli
from .conftest import actor
from .inspection_helpers import NAMES, Scenario, report_params


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return out.stdout


def searchable(text: str) -> str:
    # pdftotext gives presentation forms in visual word order per line: compare words, not phrases
    return normalize_for_search(unicodedata.normalize("NFKC", text))


def test_reports_are_registered() -> None:
    reports = all_reports()
    for name in NAMES:
        assert reports[name].formats == ("pdf", "xlsx")


@pytest.mark.parametrize("name", NAMES)
def test_pdf_reads_back_in_persian(store: Store, scenario: Scenario, tmp_path: Path, name: str) -> None:
    out = tmp_path / f"{name}.pdf"
    run_report(store, actor("viewer", store.office_code), name, report_params(name, scenario), out)
    raw = pdf_text(out)
    assert not re.search(r"[0-9]", raw), "Latin digits in a Persian report"
    words = set(searchable(raw).split())
    assert {"سازمان", "اموزش", "فنی"} <= words or {"سازمان", "آموزش", "فنی"} <= words
    if name == "inspector-monthly":
        assert {"مریم", "احمدی", "قرارداد", "کمیسیون"} <= words
        assert "1403/07/11" in searchable(raw) or "1403/07/11"[::-1] in searchable(raw)
    if name == "inspection-realisation":
        assert "33٫3٪" in searchable(raw)  # one of three plan items visited
    if name == "inspector-evaluation":
        assert {"امتیاز", "معیار", "جمع"} <= words and "100" in searchable(raw)


@pytest.mark.parametrize("name", NAMES)
def test_excel_reads_back_right_to_left(store: Store, scenario: Scenario, tmp_path: Path, name: str) -> None:
    out = tmp_path / f"{name}.xlsx"
    run_report(store, actor("viewer", store.office_code), name, report_params(name, scenario), out)
    book = load_workbook(out)
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    cells = [
        c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None
    ]
    if name == "inspector-monthly":
        assert (
            "مریم احمدی" in cells
            and "۱۴۰۳/۰۷/۱۱" in cells
            and "قرارداد بدون استعلام بها بسته شده است" in cells
        )
    if name == "inspection-realisation":
        summary = list(book["خلاصه"].iter_rows(values_only=True))
        assert summary[3][1] == "۱/۴" and summary[3][2] == pytest.approx(0.333) and summary[3][4:6] == (1, 3)
        assert book["خلاصه"]["C4"].number_format == "0.0%"  # a percent cell, not 33.3 in General
        plan_rows = list(book["ردیف‌های برنامه"].iter_rows(values_only=True))[3:]
        assert [r[4] for r in plan_rows] == ["گزارش‌شده", "انجام‌نشده", "انجام‌نشده"]  # date: 2 cells
    if name == "inspections-semiannual":
        kinds = dict(list(book["بر پایهٔ نوع"].iter_rows(values_only=True))[3:])
        assert kinds == {"ادواری": 1, "موردی": 1}
    if name == "inspector-evaluation":
        rows = list(book["برگهٔ ارزیابی"].iter_rows(values_only=True))
        assert rows[-1][1] == "جمع" and rows[-1][3] == 100


def test_wrong_period_kind_is_refused(store: Store, scenario: Scenario, tmp_path: Path) -> None:
    with pytest.raises(UserError) as e:
        params = ReportParams(period="1403-Q3", subject=scenario.inspector_id)
        run_report(store, actor("viewer", store.office_code), "inspector-monthly", params, tmp_path / "x.pdf")
    assert e.value.code == "period_kind" and "ماه" in e.value.fa
    assert not (tmp_path / "x.pdf").exists()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)  # signed in as the store's administrator


def test_cli_inspections_lines(store: Store, scenario: Scenario) -> None:
    assert store.path is not None
    result = _cli("inspections", "--db", str(store.path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    fields = [line.split("\t") for line in lines]
    assert [f[0] for f in fields] == [scenario.visit_ids[1], scenario.visit_ids[0]]  # newest first
    assert [f[1] for f in fields] == ["1403/07/25", "1403/07/11"]
    assert [f[3] for f in fields] == ["adhoc", "periodic"]
    assert [f[4] for f in fields] == ["open", "reported"]
    assert all(len(f) == 5 and f[0].isascii() and f[2] and not f[2].isascii() for f in fields)
    assert parse_date(fields[1][1]) == parse_date("۱۴۰۳/۰۷/۱۱")


def test_cli_report_list_and_write(store: Store, scenario: Scenario, tmp_path: Path) -> None:
    listed = _cli("report", "--list")
    assert listed.returncode == 0
    names = {line.split("\t")[0] for line in listed.stdout.splitlines()}
    assert set(NAMES) <= names
    assert store.path is not None
    out = tmp_path / "r.xlsx"
    result = _cli(
        "report", "--db", str(store.path), "inspection-realisation", "--period", "1403-Q3", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert load_workbook(out)["خلاصه"]["C4"].value == pytest.approx(0.333)

"""The HQ console's figures per province, and the hq-provinces report read back from its PDF
and Excel files."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from integrity_desktop.db.models import Case, CorrectiveAction, Finding, Visit
from integrity_desktop.db.store import Store
from integrity_desktop.excel.reading import read_rows
from integrity_desktop.reports.registry import ReportParams, run_report
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.store import records
from integrity_desktop.sync import hq_console

from .sync_helpers import add_unit, admin, export, import_, make_checklist, trust

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


def add_inspection_and_case(store: Store, unit_id: str) -> None:
    actor = admin(store)
    with store.session() as s:
        visit = records.add(s, store, actor, Visit(kind="adhoc", visit_date=date(2024, 7, 1),
                                                   unit_id=unit_id))
        finding = records.add(s, store, actor, Finding(visit_id=visit.id, severity="high",
                                                       text="تأخیر در پاسخ به شکایت"))
        records.add(s, store, actor, CorrectiveAction(
            finding_id=finding.id, responsible_unit_id=unit_id, description="پاسخ‌گویی",
            due_date=date(2024, 8, 1)))
        records.add(s, store, actor, Case(
            case_number="1403-0001", year=1403, seq=1, employee_name="کارمند نمونه",
            national_code="0012345679", reported_on=date(2024, 7, 2)))


def test_the_default_period_is_the_newest_that_most_provinces_filled(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, isfahan, hq = fresh(province_template, "t"), fresh(isfahan_template, "i"), fresh(hq_template, "h")
    for province in (tehran, isfahan):
        trust(hq, province)
        make_checklist(province, add_unit(province, "مرکز یک"))  # 1403-Q2
    make_checklist(tehran, add_unit(tehran, "مرکز دو"), period="1403-M12")  # one province's month
    for n, province in enumerate((tehran, isfahan)):
        export(province, tmp_path / f"{n}.zip")
        import_(hq, tmp_path / f"{n}.zip")
    # the month starts after the quarter, but only Tehran filled it
    assert hq_console.latest_period(hq) == "1403-Q2"
    make_checklist(isfahan, add_unit(isfahan, "مرکز دو"), period="1403-M12")
    export(isfahan, tmp_path / "2.zip")
    import_(hq, tmp_path / "2.zip")
    assert hq_console.latest_period(hq) == "1403-M12"  # as many provinces: the newer one


def test_console_figures_and_report(
    fresh: Fresh, province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, hq = fresh(province_template, "t"), fresh(hq_template, "h")
    trust(hq, tehran)
    uid = add_unit(tehran, "مرکز یک")
    make_checklist(tehran, uid)
    add_inspection_and_case(tehran, uid)
    export(tehran, tmp_path / "1.zip")
    add_unit(tehran, "مرکز دو")
    export(tehran, tmp_path / "2.zip")
    import_(hq, tmp_path / "2.zip")
    actor = admin(hq)
    assert hq_console.count_provinces(hq, actor) == 31
    status = {p.office_code: p for p in hq_console.province_statuses(hq, actor)}
    t = status["tehran"]
    assert (t.highest_seq, t.missing_seqs, t.quiet, t.age_days) == (2, (1,), False, 0)
    import_(hq, tmp_path / "1.zip")
    status = {p.office_code: p for p in hq_console.province_statuses(hq, actor)}
    t = status["tehran"]
    assert t.missing_seqs == ()
    assert (t.open_actions, t.overdue_actions, t.cases_by_state) == (1, 1, {"reported": 1})
    assert status["ardabil"].quiet and status["ardabil"].age_days is None
    quiet = hq_console.province_statuses(hq, actor, only_quiet=True, limit=5)
    assert len(quiet) == 5 and all(p.quiet for p in quiet)
    assert hq_console.latest_period(hq) == "1403-Q2"
    axes = hq_console.completion_by_axis(hq, actor, "1403-Q2")
    assert axes[0].number == 1 and axes[0].by_office["tehran"] == 50.0
    assert axes[0].by_office["ardabil"] is None

    pdf = tmp_path / "hq.pdf"
    run_report(hq, actor, "hq-provinces", ReportParams(), pdf)
    text = unicodedata.normalize("NFKC", subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "وضعیت استان‌ها در ستاد".replace("\u200c", "") in text.replace("\u200c", "")
    assert "تهران" in text and "ساکت" in text and "۵۰٪" in text
    xlsx = tmp_path / "hq.xlsx"
    run_report(hq, actor, "hq-provinces", ReportParams(period="1403-Q2"), xlsx)
    rows = {r["استان"]: r for _, r in read_rows(xlsx, "استان‌ها")}
    assert rows["تهران"]["اقدام اصلاحی باز"] == 1 and rows["تهران"]["وضعیت"] == "فعال"
    assert rows["اردبیل"]["وضعیت"] == "ساکت"
    axis_rows = {r["استان"]: r for _, r in read_rows(xlsx, "تکمیل محورها")}
    assert axis_rows["تهران"]["محور ۱"] == pytest.approx(0.5)  # a percent cell: 50%
    book = openpyxl.load_workbook(xlsx)
    tehran_row = next(r for r in book["تکمیل محورها"].iter_rows(min_row=4) if r[0].value == "تهران")
    assert tehran_row[1].number_format == "0%" and tehran_row[1].data_type == "n"
    # the cases sheet: the lifecycle's Persian labels in lifecycle order, then the total
    headers = [c.value for c in book["پرونده‌ها"][3]]
    assert headers == ["استان", *[lc.STATE_LABELS_FA[s] for s in lc.STATES], "جمع"]
    cases = {r["استان"]: r for _, r in read_rows(xlsx, "پرونده‌ها")}
    assert cases["تهران"][lc.STATE_LABELS_FA["reported"]] == 1 and cases["تهران"]["جمع"] == 1
    # the indicators sheet: Tehran's figures, codes as ids in Persian digits, values as numbers of
    # their kind; none for a province whose bundle never arrived (its «0» was never measured)
    figures = [r for _, r in read_rows(xlsx, "شاخص‌ها")]
    assert figures and {r["استان"] for r in figures} == {"تهران"}
    by_code = {r["کد شاخص"]: r for r in figures}
    assert by_code["۶/۱"]["منبع"] == "محاسبه‌شده" and isinstance(by_code["۶/۱"]["مقدار"], int | float)
    sheet = book["شاخص‌ها"]
    header = [c.value for c in sheet[3]]
    values = [r[header.index("مقدار")] for r in sheet.iter_rows(min_row=4)]
    assert all(v.data_type == "n" and v.number_format != "General" for v in values if v.value is not None)
    assert any(v.value is not None for v in values)

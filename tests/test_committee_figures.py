"""Axis 7, axis 12, 2/2, 3/2 and 10/7 computed from the registers (issue 21): each figure by
hand on small known data, against the computed value, the whole-directorate checklist, the
records behind it, the `indicators` command, and HQ's figure for the province after a bundle
(frozen at HQ's approval, «changed since approval» when the records move on)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.committee.register import MemberInput
from integrity_desktop.services.committee.training import CourseInput
from integrity_desktop.services.figures import achievement, computed
from integrity_desktop.sync import hq_console

from .cli_helpers import cli_env
from .committee_helpers import TODAY, D, fill
from .conftest import actor
from .sync_helpers import admin, export, import_, trust

pytest_plugins = ("tests.sync_fixtures",)

PERIOD = "1403-Q1"  # 2024-03-20 .. 2024-06-20
CODES = ("7/1", "7/2", "7/3", "12/1", "12/2", "12/3", "12/4", "2/2", "3/2", "10/7", "12/5")


# By hand, from the data above:
HAND: dict[str, float | None] = {
    "7/1": 0.0,  # a member without a letter
    "7/2": 100 * 2 / 4,  # m1 (text) and m2 (file) of four scheduled (m3 no minutes, m4 cancelled)
    "7/3": 100 * 2 / 3,  # r0 and r3 done of r0, r1, r3 (r2 dropped, r4 due later)
    "12/1": 2, "12/2": 0, "12/3": 0, "12/4": 0, "2/2": 1, "3/2": 0, "10/7": 1,
    "12/5": 100 * 2 / 4,  # two of four courses evaluated
}


def _values(figures: dict[str, computed.Figure]) -> dict[str, float | None]:
    return {c: figures[c].value for c in CODES}


def test_each_figure_by_hand(store: Store, tmp_path: Path) -> None:
    ids = fill(store, tmp_path)
    a = admin(store)
    got = computed.compute(store, a, PERIOD, today=TODAY)
    assert _values(got) == pytest.approx(HAND)
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in got[c].formula_fa) and not any(
        "a" <= ch.lower() <= "z" for ch in got[c].formula_fa) for c in CODES)  # Persian formulas
    # the indicator figure every reader uses (dashboard, reports, `indicators`)
    figs = {f.code: f for f in achievement.office_figures(store, a, PERIOD, today=TODAY)}
    assert {c: figs[c].value for c in CODES} == pytest.approx(HAND)
    assert all(figs[c].source == "computed" for c in CODES)
    # the records behind them
    rows = computed.records_behind(store, a, PERIOD, "7/2", today=TODAY)
    assert (len(rows), sum(r.counted for r in rows)) == (4, 2)
    rows = computed.records_behind(store, a, PERIOD, "7/3", today=TODAY)
    assert (len(rows), sum(r.counted for r in rows)) == (3, 2)
    rows = computed.records_behind(store, a, PERIOD, "12/1", today=TODAY)
    assert len(rows) == 2 and all(r.counted for r in rows)
    assert any("۱۶۰ نفر-ساعت" in r.text for r in rows) and any("۴۰ نفر-ساعت" in r.text for r in rows)
    rows = computed.records_behind(store, a, PERIOD, "12/5", today=TODAY)
    assert rows[0].kind_fa == "میانگین امتیاز" and "۸۵ از ۱۰۰" in rows[0].text  # (80 + 90) / 2
    assert sum(r.counted for r in rows) == 2 and len(rows) == 5
    members = computed.records_behind(store, a, PERIOD, "7/1", today=TODAY)
    assert [r.counted for r in members].count(False) == 1
    # the summary of the register says the same
    summary = training.summarise(training.list_courses(store, a, PERIOD))
    assert summary.evaluated_percent == HAND["12/5"] and summary.mean_score == 85
    by_topic = {t.topic: t for t in summary.topics}
    assert (by_topic["12/1"].courses, by_topic["12/1"].person_hours, by_topic["2/2"].person_hours) == (2, 200, 90)
    # the member gets her letter: 7/1 = 1; the open resolution is done: 7/3 = 100 %
    m = next(x for x in committee.list_members(store, a) if x.id == ids["plain"])
    committee.save_member(store, a, MemberInput(m.full_name, m.member_from, role=m.role, letter_no="۱۰۱/۲",
                                                letter_date=D(2024, 2, 1)), m.id, today=TODAY)
    committee.follow_up(store, a, ids["open_resolution"], status="done", done_on=D(2024, 6, 1), today=TODAY)
    again = computed.compute(store, a, PERIOD, today=TODAY)
    assert (again["7/1"].value, again["7/3"].value) == (1.0, 100.0)
    # a letter dated after the period does not announce the member in it
    committee.save_member(store, a, MemberInput(m.full_name, m.member_from, role=m.role, letter_no="۱۰۱/۲",
                                                letter_date=D(2024, 6, 30)), m.id, today=TODAY)
    assert computed.compute(store, a, PERIOD, today=TODAY)["7/1"].value == 0.0
    assert computed.compute(store, a, "1403-Q2", today=TODAY)["7/1"].value == 1.0


def test_checklist_cli_and_hq_show_the_same_figures_frozen_at_approval(
    fresh: Callable[[Path, str], Store], province_template: Path, hq_template: Path, tmp_path: Path,
) -> None:
    tehran, hq = fresh(province_template, "tehran"), fresh(hq_template, "hq")
    trust(hq, tehran)
    trust(tehran, hq)
    fill(tehran, tmp_path)
    inspector = actor("inspector", "tehran")
    cl = checklists.create_checklist(tehran, inspector, scoring.three_year_template_id(), None, PERIOD)
    view = {e.item_code: e for e in checklists.get_checklist(tehran, inspector, cl.id).entries}
    # the whole-directorate checklist reads them live (Q1 of 1403 is long over, so today's
    # date gives the same figures as TODAY)
    assert {c: view[c].value for c in CODES} == pytest.approx(HAND)
    assert all(view[c].computed and view[c].formula_fa for c in CODES)
    checklists.submit(tehran, inspector, cl.id)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    reviewer = actor("reviewer", "hq")
    at_hq = {f.code: f for f in achievement.figures_by_office(hq, reviewer, PERIOD, ["tehran"])["tehran"]}
    assert {c: at_hq[c].value for c in CODES} == pytest.approx(HAND)
    grid = {col.code: col for col in hq_console.indicators_by_province(hq, reviewer, PERIOD)}
    assert {c: grid[c].by_office["tehran"].value for c in CODES} == pytest.approx(HAND)  # HQ's console
    checklists.approve(hq, reviewer, cl.id)
    import_(tehran, export(hq, tmp_path / "h1.zip", for_office="tehran").path)
    # the province registers another 12/1 course after the approval
    training.save_course(tehran, admin(tehran), CourseInput("دورهٔ دیگر", "12/1", D(2024, 6, 2), D(2024, 6, 2),
                                                            2, 12))
    import_(hq, export(tehran, tmp_path / "t2.zip").path)
    for store, who in ((tehran, inspector), (hq, reviewer)):
        entry = next(e for e in checklists.get_checklist(store, who, cl.id).entries if e.item_code == "12/1")
        assert (entry.value, entry.live_value, entry.changed_since_approval) == (2, 3, True)
        assert "۳" in entry.changed_since_approval_fa
    at_hq = {f.code: f for f in achievement.figures_by_office(hq, reviewer, PERIOD, ["tehran"])["tehran"]}
    assert (at_hq["12/1"].value, at_hq["12/1"].live_value, at_hq["12/5"].value) == (2, 3, 50)
    db = str(tehran.path)
    tehran.dispose()
    out = subprocess.run([sys.executable, "-m", "integrity_desktop", "indicators", "--db", db, "--period", PERIOD],
                         capture_output=True, text=True, check=False, env=cli_env())
    assert out.returncode == 0, out.stderr
    rows = {f[0]: f[1:] for f in (line.split("\t") for line in out.stdout.splitlines())}
    assert rows["7/2"] == ["percent", "quarterly", "", "50", "computed"]
    assert rows["7/3"] == ["percent", "quarterly", "", "66.7", "computed"]
    assert rows["7/1"][0] == "count" and rows["10/7"] == ["count", "quarterly", "", "1", "computed"]
    assert rows["12/1"][3:] == ["2", "computed"]  # the approved figure


def test_annual_report_and_registers_read_back(store: Store, tmp_path: Path) -> None:
    """The committee's annual report (PDF, read back with poppler) and the two workbooks
    (openpyxl) say what the records say, with the figures computed by hand above."""
    import openpyxl

    from integrity_desktop.reports import committee_reports
    from integrity_desktop.reports.registry import ReportParams

    from .pdf_text import norm, poppler_pages

    fill(store, tmp_path)
    a = admin(store)
    out = tmp_path / "annual.pdf"
    committee_reports.write_annual(store, a, ReportParams(period="1403"), out, "pdf", today=TODAY)
    text = norm(" ".join(line for page in poppler_pages(out) for line in page))
    for expected in ("گزارش سالانهٔ کمیتهٔ سلامت اداری", "دوره: سال ۱۴۰۳", "۵۰٪", "۶۶٫۷٪", "کامل نیست",
                     "رئیس کمیته", "دبیر کمیته", "۱۰۰/۲", "برگزارنشده", "لغوشده", "۲ از ۳", "معوق (۳۲ روز)",
                     "کنارگذاشته", "منتفی شد", "جلسه‌های سال: ۶؛ برگزارشده: ۴", "رئیس کمیتهٔ سلامت اداری"):
        assert norm(expected) in text, expected
    book = tmp_path / "committee.xlsx"
    committee_reports.write_register(store, a, ReportParams(period="1403"), book, "xlsx", today=TODAY)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["اعضا", "جلسه‌ها", "مصوبه‌ها"]
    rows = [[c.value for c in r] for r in wb["مصوبه‌ها"].iter_rows()]
    rows = [r for r in rows if any(isinstance(v, str) and v.startswith("مصوبهٔ ") for v in r)]
    assert len(rows) == 5 and sum(1 for r in rows if "معوق" in r) == 1
    assert all(wb[n].sheet_view.rightToLeft for n in wb.sheetnames)
    courses = tmp_path / "training.xlsx"
    committee_reports.write_training(store, a, ReportParams(period=PERIOD), courses, "xlsx")
    wb = openpyxl.load_workbook(courses)
    summary = {r[0].value: [c.value for c in r] for r in wb["خلاصه"].iter_rows() if r[0].value}
    assert summary["۱۲/۱"][2:5] == [2, 30, 200] and summary["۲/۲"][2:5] == [1, 15, 90]
    assert "۲ از ۴" in summary["۱۲/۵"][1] and "۸۵" in summary["۱۲/۵"][1]

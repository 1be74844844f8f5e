"""National figures at HQ against figures computed by hand for three provinces
(tests/national_helpers.py): counts summed, percents recomputed from their parts and never
averaged where the parts are known, statuses as a distribution, completion from the answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.indicators import Definition, default_definition
from integrity_desktop.services.figures import national
from integrity_desktop.services.figures.national import ProvinceFigure, aggregate
from integrity_desktop.services.store.opening import init_store

from .conftest import ADMIN_PASSWORD, PASSPHRASE
from .national_helpers import AXIS_1, EXPECTED, PERIOD, TODAY, build_hq
from .sync_helpers import admin

pytest_plugins = ("tests.sync_fixtures",)


@pytest.fixture(scope="session")
def fars_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template-fars") / "store.sqlite"
    init_store(str(path), "fars", ADMIN_PASSWORD, PASSPHRASE).dispose()
    return path


@pytest.fixture
def three(fresh: Callable[[Path, str], Store], province_template: Path, isfahan_template: Path,
          fars_template: Path, hq_template: Path, tmp_path: Path) -> Store:
    templates = {"tehran": province_template, "isfahan": isfahan_template, "fars": fars_template}
    return build_hq(fresh, templates, hq_template, tmp_path)


def test_national_figures_by_kind(three: Store) -> None:
    pic = national.picture(three, admin(three), PERIOD, today=TODAY)
    for code, value in EXPECTED.items():
        f = pic.figure(code)
        assert f is not None and f.value == pytest.approx(value), code
    f = pic.figure("1/4")
    assert f is not None and f.national.method == national.POOLED
    assert (f.national.numerator, f.national.denominator) == (3, 5)
    t, i, fa = (f.province(c) for c in ("tehran", "isfahan", "fars"))
    assert t and i and fa and (t.value, i.value, fa.value) == (75.0, 0.0, None)
    assert pic.figure("4/4").national.method == national.SUM  # type: ignore[union-attr]
    assert pic.figure("4/4").province("fars").value == 5  # type: ignore[union-attr]  # the units' sum
    assert pic.figure("17/4").national.method == national.MEAN  # type: ignore[union-attr]
    assert pic.figure("17/4").achievement.state == "met"  # type: ignore[union-attr]
    status = pic.figure("1/2")
    assert status is not None and status.national.distribution == {"done": 1, "partial": 1, "not_done": 1}
    assert "انجام شد: ۱" in status.value_fa
    # a province whose bundle never arrived has no figure (not a zero) and is late
    ardabil = pic.figure("6/1").province("ardabil")  # type: ignore[union-attr]
    assert ardabil is not None and ardabil.value is None and not ardabil.received


def test_completion_ranking_late_and_overdue(three: Store) -> None:
    pic = national.picture(three, admin(three), PERIOD, today=TODAY)
    axis1 = next(a for a in pic.axes if a.number == 1)
    assert axis1.completion == AXIS_1["national"]
    assert {c: axis1.by_office[c] for c in ("tehran", "isfahan", "fars")} == {
        c: AXIS_1[c] for c in ("tehran", "isfahan", "fars")}
    rows = {p.office_code: p for p in pic.provinces}
    assert len(rows) == 31
    # tehran: 4 answers all done; fars: 1 + 0.5 + 1 + 1 of 4; isfahan: 3 of 4
    assert (rows["tehran"].completion, rows["fars"].completion, rows["isfahan"].completion) == (100.0, 87.5, 75.0)
    assert [p.office_code for p in pic.ranked] == ["tehran", "fars", "isfahan"]
    assert (rows["tehran"].rank, rows["ardabil"].rank) == (1, None)
    assert len(pic.late) == 28 and not rows["tehran"].late and rows["ardabil"].late
    assert (rows["isfahan"].overdue_actions, rows["tehran"].overdue_actions) == (1, 0)
    assert (rows["tehran"].overdue_cases, rows["isfahan"].overdue_cases, rows["fars"].overdue_cases) == (2, 1, 0)
    # the country's completion from every answer: tehran 4 + isfahan 3 + fars 3.5 of 12 answers
    assert pic.completion == round(10.5 / 12 * 100, 2)
    # achievement: tehran 17/4 met (20 ≥ 15); isfahan not (10)
    assert (rows["tehran"].met, rows["tehran"].with_target) == (1, 1)
    assert (rows["isfahan"].met, rows["isfahan"].with_target) == (0, 1)
    trend = national.completion_trend(three, admin(three), ["1403-Q1", PERIOD])
    assert [v for _p, v in trend] == [None, pic.completion]


def test_indicator_across_one_code_and_axis(three: Store) -> None:
    rows = national.indicator_across(three, admin(three), PERIOD, "6/1", today=TODAY)
    assert [r.code for r in rows] == ["6/1"] and rows[0].value == 3
    assert {p.office_code: p.value for p in rows[0].provinces if p.received} == {
        "tehran": 2, "isfahan": 1, "fars": 0}
    axis6 = national.indicator_across(three, admin(three), PERIOD, axis=6, today=TODAY)
    assert [r.code for r in axis6] == [f"6/{i}" for i in range(1, 12)]


def _p(value: float | None, num: float | None = None, den: float | None = None) -> ProvinceFigure:
    return ProvinceFigure("x", "x", value, num, den)


def test_aggregate_rules() -> None:
    percent = default_definition("percent")
    pooled = aggregate(percent, [_p(75, 3, 4), _p(0, 0, 1), _p(None, 0, 0)])
    assert (pooled.method, pooled.value) == (national.POOLED, 60.0)
    # one province's parts unknown: the plain mean, marked as such
    mixed = aggregate(percent, [_p(75, 3, 4), _p(25)])
    assert (mixed.method, mixed.value) == (national.MEAN, 50.0)
    days = Definition(kind="average_days", min_value=0, max_value=365)
    weighted = aggregate(days, [_p(10, 100, 10), _p(40, 40, 1)])
    assert (weighted.method, weighted.value) == (national.WEIGHTED, pytest.approx(140 / 11))
    ratio = aggregate(default_definition("ratio"), [_p(0.5, 1, 2), _p(1.0, 2, 2)])
    assert ratio.value == 0.75
    assert aggregate(default_definition("count"), [_p(None), _p(None)]).method == national.NONE
    assert aggregate(default_definition("count"), [_p(2), _p(3), _p(None)]).value == 5
    not_received = ProvinceFigure("y", "y", 100.0, received=False)
    assert aggregate(default_definition("count"), [_p(2), not_received]).value == 2


def _pdf_text(path: Path) -> str:
    from .pdf_text import norm, poppler_pages

    return "\n".join(norm(line).replace("\u200c", "") for page in poppler_pages(path) for line in page)


def test_national_report_pdf_and_excel(three: Store, tmp_path: Path) -> None:
    import openpyxl
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from integrity_desktop.excel.reading import read_rows
    from integrity_desktop.reports.registry import ReportParams, run_report

    from .cli_helpers import run_cli
    from .pdf_text import norm

    pdf = tmp_path / "national.pdf"
    done = run_cli("report", "national", "--db", three.location, "--period", PERIOD, "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = _pdf_text(pdf)
    for words in ("گزارش ملی برنامهٔ سلامت اداری", "رتبه‌بندی استان‌ها", "تهران", "اصفهان",
                  "فارس", "۶۰٪", "۶۲٫۵٪", "۸۷٫۵٪", "کشور", "بی‌داده"):
        assert norm(words).replace("\u200c", "") in text, words
    # the map: the 31 provinces and the water as vector paths, no picture on its page
    doc = pdfium.PdfDocument(str(pdf))
    kinds = [obj.type for obj in doc[0].get_objects()]  # the first page: summary and map
    assert kinds.count(pdfium_c.FPDF_PAGEOBJ_PATH) >= 31 + 2
    assert all(pdfium_c.FPDF_PAGEOBJ_IMAGE not in [o.type for o in p.get_objects()] for p in doc)
    doc.close()

    xlsx = tmp_path / "national.xlsx"
    run_report(three, admin(three), "national", ReportParams(period=PERIOD), xlsx)
    rows = {r["کد شاخص"]: r for _, r in read_rows(xlsx, "شاخص‌ها در کشور")}
    assert rows["۶/۱"]["رقم کشور"] == 3 and rows["۴/۴"]["رقم کشور"] == 17
    assert rows["۱/۴"]["رقم کشور"] == pytest.approx(0.6)  # a percent cell: 60%
    assert rows["۱/۲"]["توزیع وضعیت"] == "انجام شد: ۱؛ تا حدی: ۱؛ انجام نشد: ۱"
    book = openpyxl.load_workbook(xlsx)
    sheet = book["شاخص‌ها در کشور"]
    header = [c.value for c in sheet[3]]
    cell = next(r[header.index("رقم کشور")] for r in sheet.iter_rows(min_row=4) if r[0].value == "۱/۴")
    assert cell.data_type == "n" and "%" in cell.number_format
    ranking = [r for _, r in read_rows(xlsx, "رتبه‌بندی")]
    assert [r["استان"] for r in ranking[:3]] == ["تهران", "فارس", "اصفهان"]
    assert ranking[0]["درصد تکمیل"] == pytest.approx(1.0)
    cases = {r["استان"]: r for _, r in read_rows(xlsx, "پرونده‌ها ۶-۱ تا ۶-۱۱")}
    assert cases["کشور"]["۶/۱"] == 3 and cases["تهران"]["۶/۱"] == 2
    inspections = {r["استان"]: r for _, r in read_rows(xlsx, "شاخص‌های بازرسی")}
    assert inspections["کشور"]["۱/۴"] == pytest.approx(0.6) and inspections["تهران"]["۱/۴"] == pytest.approx(0.75)
    axes = {r["محور"]: r for _, r in read_rows(xlsx, "محورها")}
    assert axes[1]["درصد تکمیل کشور"] == pytest.approx(0.625)


def test_what_the_last_bundle_brought(three: Store, tmp_path: Path) -> None:
    from .national_helpers import resend_with_renamed_unit

    rows = {r.office_code: r for r in national.last_imports(three, admin(three))}
    assert len(rows) == 31 and rows["ardabil"].seq is None and rows["ardabil"].text_fa() == ""
    first = rows["isfahan"]
    assert first.seq == 1 and first.created["checklist"] == 1 and first.created["case"] == 1
    assert "چک‌لیست: ۱ تازه" in first.text_fa()
    # a second bundle of isfahan with one renamed unit: only that change is shown for it
    resend_with_renamed_unit(three, tmp_path)
    again = {r.office_code: r for r in national.last_imports(three, admin(three))}["isfahan"]
    assert again.seq == 2 and again.created == {} and again.updated == {"unit": 1}
    assert again.text_fa() == "واحد: ۱ تغییر"


def test_what_a_bundle_brought_names_every_record_type_in_persian() -> None:
    """The HQ dashboard's «what the last bundle brought» line: no record type left in English
    (the committee and rights registers were once missing from its table)."""
    import re

    from integrity_desktop.services.figures.national import LastImport
    from integrity_desktop.sync import bundle_format as bf

    kinds = sorted(bf.models_by_type())
    line = LastImport("tehran", "تهران", 3, None, {k: 1 for k in kinds}, {k: 2 for k in kinds}).text_fa()
    assert not re.search(r"[A-Za-z0-9]", line), line
    assert line.count("؛") == len(kinds) - 1


def test_national_report_of_a_month_has_no_blank_page(three: Store, tmp_path: Path) -> None:
    """A month's report leaves out the case statistics (6/x are not due monthly); their page
    went with them, not as a page with nothing but the header and footer."""
    from .cli_helpers import run_cli
    from .pdf_text import norm, poppler_pages

    pdf = tmp_path / "month.pdf"
    done = run_cli("report", "national", "--db", three.location, "--period", "1403-M05", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    frame = [norm(w).replace("\u200c", "") for w in (
        "سازمان آموزش فنی و حرفه‌ای کشور", "گزارش ملی برنامهٔ سلامت اداری", "دوره", "سامانه سلامت اداری",
        "صفحه", "تاریخ چاپ")]
    pages = poppler_pages(pdf)[:-1]  # pdftotext ends every page with a form feed: the last piece is empty
    body = [[line for line in page if line.strip()
             and not any(f in norm(line).replace("\u200c", "") for f in frame)] for page in pages]
    assert all(body), [i + 1 for i, lines in enumerate(body) if not lines]
    text = "\n".join(norm(line).replace("\u200c", "") for page in pages for line in page)
    assert norm("شاخص‌های بازرسی").replace("\u200c", "") in text  # the inspection figures still have theirs

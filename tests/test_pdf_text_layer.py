"""The PDF text layer: what poppler (pdftotext) and pdfium (Chrome, Edge) extract from every line
of the checklist, case-file and inspection PDFs equals the logical text after NFKC (ZWNJ kept,
ranges and brackets as written, colons and numbers in place); and the page still shows the
same glyphs as before the text layer existed.

The models of both extractors' reordering (``textlayer.poppler_reorder``/``pdfium_reorder``)
are checked against the real readers on drawn lines; the catalogue's every title and legal
basis goes through the models (fast), the reports through the real readers (slower).
"""

from __future__ import annotations

import functools
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from integrity_desktop import catalog
from integrity_desktop.db.store import Store
from integrity_desktop.pdf.document import ReportDocument
from integrity_desktop.pdf.fonts import BOLD, REGULAR, register_fonts
from integrity_desktop.pdf.shaping import visual_line
from integrity_desktop.pdf.textlayer import DrawnLine, for_poppler, layout, pdfium_reorder, poppler_reorder
from integrity_desktop.reports import checklist_pdf
from integrity_desktop.reports.registry import ReportParams, run_report
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .conftest import actor
from .inspection_helpers import NAMES as INSPECTION_REPORTS
from .inspection_helpers import report_params as inspection_params
from .pdf_text import check_lines, drawn_lines, norm

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
INSPECTOR = actor("inspector")
OFFICER = actor("case_officer")

LINES = [
    "چک‌لیست: برنامه عملیاتی سه‌ساله سلامت نظام اداری (۱۳۹۸-۱۴۰۰)",
    "مبنای قانونی: مواد ۹۱ و ۹۲ قانون مدیریت خدمات کشوری",
    "محور ۱: اجرای دستورالعمل (تکمیل ۹۰٫۵٪)",
    "تاریخ چاپ: ۱۴۰۳/۰۷/۱۵ ۱۰:۳۰",
    "فایل report.pdf ثبت شد",
    "report-2024.pdf",
    "«نام» و [کد] حرفه‌ای",
    "نیمهٔ سه‌ماههٔ دوم ۱۴۰۳",
    "۸۰ (محاسبه‌شده)",
    "هر شاخص «انجام شد» یک امتیاز، «تا حدی انجام شد» به اندازهٔ درصد پیشرفتش",
    "مقدار: ۱۲٬۳۴۵٫۶۷ ریال",
    "آمار Excel 2024 و ۱۴۰۳",
    "عبدالله لا الا",
    "@tehran",
    "test-case_officer@tehran (2)",
]


def _marks(text: str) -> str:
    return re.sub("[\u200e\u200f]", "", unicodedata.normalize("NFKC", text))


@functools.cache
def _catalogue_texts() -> list[str]:
    programme = catalog.load_three_year()
    texts = [programme.title_fa]
    for axis in programme.axes:
        texts.append(f"محور {axis.number}: {axis.title_fa}")
        for item in axis.indicators:
            texts += [item.title_fa, item.legal_basis, *item.subtasks]
    return [" ".join(t.split()) for t in texts if t.strip()]


def test_models_give_back_every_catalogue_text() -> None:
    """Whole titles and legal bases (as if on one line) through both models."""
    register_fonts()
    texts = _catalogue_texts() + LINES
    assert len(texts) > 250
    for text in texts:
        assert _marks(poppler_reorder(for_poppler(text))).strip() == text, text
        plan = layout(text, REGULAR)
        if plan.rtl:
            read = "".join(
                piece if actual is None else actual for piece, actual in plan.pieces
            )
            assert pdfium_reorder(read) == unicodedata.normalize("NFKC", text) or \
                norm(pdfium_reorder(read)) == norm(text), text


def test_the_page_shows_the_same_glyphs() -> None:
    """The text layer changes what is extracted, not what is drawn: the visual string is the
    one ``shaping`` drew before, plus zero-width ZWNJ glyphs."""
    register_fonts()
    for text in _catalogue_texts()[:200] + LINES:
        for font in (REGULAR, BOLD):
            assert layout(text, font).visual.replace("\u200c", "") == visual_line(text, font), text


@needs_pdftotext
def test_drawn_lines_read_back_in_both_readers(tmp_path: Path) -> None:
    doc = ReportDocument("آزمون لایهٔ متن (۱۳۹۸-۱۴۰۰)", [("اداره", "اداره کل تهران"), ("دوره", "مهر ۱۴۰۳")])
    for line in LINES:
        doc.paragraph(line)
    log: list[DrawnLine] = []
    target = doc.build(tmp_path / "lines.pdf", text_log=log)
    assert {norm(line) for line in LINES} <= {norm(d.text) for d in log}
    assert check_lines(target, log) == []


def _checked(path: Path, log: list[DrawnLine], minimum: int) -> None:
    assert len(log) >= minimum
    failures = check_lines(path, log)
    assert failures == [], "\n".join(failures[:20])
    assert any("\u200c" in line.text for line in log)  # ZWNJ was there to lose


@needs_pdftotext
def test_checklist_pdfs_read_back_line_by_line(store: Store, tmp_path: Path) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None, "1403-Q2")
    view = checklists.get_checklist(store, INSPECTOR, summary.id)
    for entry, status in zip(view.entries[:40], ("done", "partial", "not_done", "na") * 10, strict=False):
        checklists.save_entry(store, INSPECTOR, entry.id, status=status,
                              progress=35 if status == "partial" else None,
                              note="پرونده‌ها به هیئت بدوی (مادهٔ ۱۸) ارسال شد: ۱۲ مورد")
    filled = tmp_path / "filled.pdf"
    log = drawn_lines(lambda: checklist_pdf.filled(store, INSPECTOR, summary.id, filled))
    _checked(filled, log, 500)
    blank = tmp_path / "blank.pdf"
    log = drawn_lines(lambda: checklist_pdf.blank_form(store, INSPECTOR, scoring.three_year_template_id(), blank))
    _checked(blank, log, 500)


@needs_pdftotext
def test_case_file_reads_back_line_by_line(store: Store, tmp_path: Path) -> None:
    case = cases.register_case(
        store, OFFICER, employee_name="مهدی یزدانی", national_code="0084575948", employee_post="انباردار",
        reporter="بازرس معتمد مرکز", violation_codes=["10"], reported_on="1403/02/10",
        summary="گزارش دربارهٔ کسری انبار (۱۲ قلم) در سه‌ماههٔ اول؛ پیگیری با مادهٔ ۸ قانون",
    )
    cases.add_event(store, OFFICER, case.id, lc.FILE_FORMED, event_date="1403/02/20")
    out = tmp_path / "case.pdf"
    log = drawn_lines(lambda: run_report(store, OFFICER, "case-file", ReportParams(subject=case.id), out))
    _checked(out, log, 30)


@needs_pdftotext
@pytest.mark.parametrize("name", INSPECTION_REPORTS)
def test_inspection_pdfs_read_back_line_by_line(
    store: Store, scenario: Any, tmp_path: Path, name: str
) -> None:
    out = tmp_path / f"{name}.pdf"
    log = drawn_lines(lambda: run_report(store, actor("viewer", store.office_code), name,
                                    inspection_params(name, scenario), out))
    assert len(log) >= 20
    failures = check_lines(out, log)
    assert failures == [], "\n".join(failures[:20])



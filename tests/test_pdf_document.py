"""The shared PDF layout: shaping, a real 3-page report read back with pdftotext (no Qt)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from integrity_desktop.errors import UserError
from integrity_desktop.pdf.document import (
    Cell,
    CheckBox,
    Choices,
    Column,
    ReportDocument,
    WriteHere,
    cell_text,
)
from integrity_desktop.pdf.fonts import REGULAR, register_fonts
from integrity_desktop.pdf.shaping import reshape, rtl_markup, visual_line, visual_lines
from integrity_desktop.textnorm import normalize_for_search as norm

TITLE = "گزارش بازرسی سلامت اداری"
PLAIN_CELL = "بررسی پرونده در واحد مالی"
MEHR_15 = dt.date(2024, 10, 6)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


# ------------------------------------------------------------------ shaping


def test_letters_are_joined_and_line_is_reversed() -> None:
    shaped = reshape("بازرسی")
    assert shaped != "بازرسی" and norm(shaped) == "بازرسی"
    words = visual_line("بازرسی سالانه").split(" ")
    assert [norm(w[::-1]) for w in words] == ["سالانه", "بازرسی"]


def test_brackets_are_mirrored_and_latin_keeps_its_direction() -> None:
    line = visual_line("گزارش (Excel) نهایی")
    assert "(Excel)" in line
    guillemets = visual_line("موارد «پرخطر»")
    assert guillemets.startswith("«") and "»" in guillemets  # mirrored for left-to-right drawing


def test_allah_ligature_is_off_and_isolates_do_not_crash() -> None:
    assert "\ufdf2" not in reshape("عبدالله")
    assert "\u2067" not in visual_line("نام: \u2067علی\u2069")


def test_missing_presentation_glyph_falls_back_to_the_letter() -> None:
    # Vazirmatn has no isolated HEH WITH YEH ABOVE (U+FBA4): the plain letter is used.
    assert "\ufba4" in reshape("درۀ")  # after reh the letter stands alone
    assert "\ufba4" not in reshape("درۀ", REGULAR)
    assert "\u06c0" in reshape("درۀ", REGULAR)


def test_wrapped_lines_fit_the_width() -> None:
    text = "این متن بلند باید در چند سطر شکسته شود تا در عرض ستون جا بگیرد. " * 4
    lines = visual_lines(text, REGULAR, 10, 120)
    assert len(lines) > 3
    assert all(stringWidth(line, REGULAR, 10) <= 120 for line in lines)
    # a word longer than the line is cut instead of overflowing
    long_word = visual_lines("ب" * 80 + " x", REGULAR, 10, 60)
    assert all(stringWidth(line, REGULAR, 10) <= 60 for line in long_word)


def test_markup_is_escaped_and_joined_with_br() -> None:
    markup = rtl_markup("الف <b>&\nب", REGULAR, 10, 400)
    assert "<br/>" in markup and "&lt;b&gt;" in markup and "&amp;" in markup


def test_cell_text_uses_persian_digits_and_jalali() -> None:
    assert cell_text(MEHR_15) == "۱۴۰۳/۰۷/۱۵"
    assert cell_text(1234567) == "۱٬۲۳۴٬۵۶۷"
    assert cell_text(None) == ""
    assert cell_text("Excel 2019") == "Excel ۲۰۱۹"


# ------------------------------------------------------------------ a real report


def _three_page_report() -> ReportDocument:
    doc = ReportDocument(
        TITLE,
        [("اداره", "اداره کل استان تهران"), ("دوره", "مهر ۱۴۰۳"), ("تاریخ", MEHR_15)],
        printed_at=dt.datetime(2024, 10, 6, 14, 30),
    )
    doc.heading("خلاصه وضعیت")
    doc.paragraph("این گزارش بر پایه بازدید میدانی تهیه شده است (نسخه نهایی) و در Excel ثبت شد.")
    doc.fields([("نام بازرس", "علی رضایی"), ("تاریخ بازدید", MEHR_15)])
    columns = [
        Column("ردیف", 0.5, "center"),
        Column("شرح", 3),
        Column("تاریخ", 1.2, "center"),
        Column("وضعیت", 1.2),
        Column("توضیح", 1.5),
    ]
    rows = [
        [1, PLAIN_CELL, MEHR_15, CheckBox(True, "انجام شد"), "ثبت در [Excel] (نهایی)"],
        [2, "بازدید از انبار", MEHR_15, Choices(("بله", "خیر"), "خیر"), WriteHere(2)],
        [3, Cell("مورد فوری", bold=True), None, CheckBox(False), ""],
    ]
    doc.table(columns, rows)
    doc.page_break()
    doc.heading("جزئیات")
    doc.table(columns, [], empty_text="موردی برای نمایش نیست.")
    doc.page_break()
    doc.signatures(["بازرس", "رئیس واحد", "مدیر کل"])
    return doc


def _squashed(text: str) -> str:
    """Normalised with no spaces: pdftotext drops the space next to a run of digits."""
    return norm(text).replace(" ", "")


def _page_text(path: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return norm(out.stdout)


@needs_pdftotext
def test_three_page_report_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    assert _three_page_report().build(target) == target
    assert len(PdfReader(target).pages) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary left over

    first = _page_text(target, 1)
    assert norm(TITLE) in first
    assert norm(PLAIN_CELL) in first  # a plain Persian line in logical order
    assert "1403/07/15" in first  # the date, Persian digits, read the right way round
    assert "excel" in first
    assert norm("مورد فوری") in first
    for page in (1, 2, 3):
        text = _page_text(target, page)
        assert _squashed(f"صفحه {page} از 3") in text.replace(" ", "")
        assert norm(TITLE) in text  # header on every page
        assert norm("تاریخ چاپ") in text and "14:30" in text
    assert norm("موردی برای نمایش نیست") in _page_text(target, 2)
    assert norm("رئیس واحد") in _page_text(target, 3)


@needs_pdftotext
def test_long_table_repeats_its_header(tmp_path: Path) -> None:
    doc = ReportDocument(TITLE, [("دوره", "۱۴۰۳")], landscape=True)
    columns = [Column("ستون اول", 1), Column("ستون دوم", 2)]
    doc.table(columns, [[i, f"ردیف شماره {i}"] for i in range(1, 121)])
    target = doc.build(tmp_path / "long.pdf")
    pages = len(PdfReader(target).pages)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = _page_text(target, page)
        assert norm("ستون دوم") in text
        assert _squashed(f"صفحه {page} از {pages}") in text.replace(" ", "")


class _Broken(Flowable):
    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        raise RuntimeError("boom")


def test_failed_build_leaves_no_file(tmp_path: Path) -> None:
    doc = _three_page_report()
    doc.add(_Broken())
    target = tmp_path / "report.pdf"
    with pytest.raises(RuntimeError):
        doc.build(target)
    assert list(tmp_path.iterdir()) == []


def test_failed_build_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    doc = ReportDocument(TITLE)
    doc.add(_Broken())
    with pytest.raises(RuntimeError):
        doc.build(target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    doc = ReportDocument(TITLE)
    doc.paragraph("متن")
    with pytest.raises(UserError) as info:
        doc.build(tmp_path / "no-such-folder" / "report.pdf")
    assert info.value.code == "write_failed"

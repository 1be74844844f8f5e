"""Pagination read back from the drawn pages: no axis heading alone at the foot of a page,
continued tables repeat their axis title and header row, the signature block never alone on
the last page.  Lines are taken from ``ReportDocument.build(text_log=...)`` (page and height
of every line drawn) and the page count from the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.pdf.document import APP_NAME, ORGANISATION, Column, ReportDocument
from integrity_desktop.pdf.textlayer import DrawnLine
from integrity_desktop.reports import checklist_pdf
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .conftest import actor
from .pdf_text import drawn_lines

INSPECTOR = actor("inspector")
AXIS = re.compile(r"^محور [۰-۹]+: ")
CODE = re.compile(r"^[۰-۹]+/[۰-۹]+$")
FOOTER_BELOW = 45.0  # the footer's baseline (points from the page bottom) is under this


def _furniture(line: DrawnLine) -> bool:
    """Drawn on every page: organisation, title, header fields, footer."""
    return (line.baseline < FOOTER_BELOW or line.text in (ORGANISATION, APP_NAME)
            or line.text.startswith(("چک‌لیست: ", "اداره: ", "آزمون ")))


def _body(log: list[DrawnLine], page: int) -> list[DrawnLine]:
    """The lines of a page's body, top to bottom (header and footer left out)."""
    lines = [d for d in log if d.page == page and not _furniture(d)]
    return sorted(lines, key=lambda d: -d.baseline)


@pytest.fixture
def filled_log(store: Store, tmp_path: Path) -> tuple[Path, list[DrawnLine]]:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None, "1403-Q2")
    view = checklists.get_checklist(store, INSPECTOR, summary.id)
    for entry in view.entries[::3]:
        checklists.save_entry(store, INSPECTOR, entry.id, status="partial", progress=50,
                              note="یادداشتی بلند برای آن که ردیف‌ها بلندتر شوند و جدول به صفحهٔ بعد برود " * 2)
    out = tmp_path / "filled.pdf"
    log = drawn_lines(lambda: checklist_pdf.filled(store, INSPECTOR, summary.id, out))
    return out, log


def test_no_axis_heading_alone_and_continued_tables_repeat_title(filled_log: tuple[Path, list[DrawnLine]]) -> None:
    path, log = filled_log
    pages = len(PdfReader(path).pages)
    assert pages >= 8
    continued = 0
    for page in range(1, pages + 1):
        body = _body(log, page)
        for i, line in enumerate(body):
            if AXIS.match(line.text):
                # under every axis title on this page: its header row and at least one indicator
                below = [d.text for d in body[i + 1:]]
                assert "شاخص و مبنای قانونی" in below, (page, line.text)
                assert any(CODE.match(t) for t in below), (page, line.text)
        codes = [i for i, d in enumerate(body) if CODE.match(d.text)]
        if codes:
            above = [d.text for d in body[: codes[0]]]
            # an indicator row on a page always sits under its axis title and the header row
            assert any(AXIS.match(t) for t in above), page
            assert "شاخص و مبنای قانونی" in above, page
            axis, number = body[codes[0]].text.split("/")
            if number != "۱" and body[0].text.startswith(f"محور {axis}: "):
                continued += 1  # an axis table begun on an earlier page: its title repeated
    assert continued >= 1


def test_signatures_are_never_alone_on_the_last_page(tmp_path: Path) -> None:
    """Whatever the length of the table before it, the last page holds table rows too."""
    columns = [Column("ردیف", 0.6, "center"), Column("شرح", 5)]
    for rows in range(28, 52):
        doc = ReportDocument("آزمون امضا", [("اداره", "تهران")])
        doc.table(columns, [[i, f"ردیف شمارهٔ {to_persian_digits(str(i))}"] for i in range(1, rows + 1)],
                  title="جدول آزمون")
        doc.signatures(["تهیه‌کننده", "مدیرکل"])
        log: list[DrawnLine] = []
        path = doc.build(tmp_path / f"s{rows}.pdf", text_log=log)
        last = len(PdfReader(path).pages)
        body = [d.text for d in _body(log, last)]
        assert "مدیرکل" in body, rows
        assert any(t.startswith("ردیف شمارهٔ") for t in body), (rows, body)  # not alone
        assert "جدول آزمون" in body  # and the continued table shows its title


def test_heading_before_text_keeps_with_it(tmp_path: Path) -> None:
    """A heading followed by a paragraph moves to the next page with it."""
    for filler in range(30, 48):
        doc = ReportDocument("آزمون عنوان", [])
        for i in range(filler):
            doc.paragraph(f"بند {to_persian_digits(str(i))} از متن پیش از عنوان")
        doc.heading("عنوانی که نباید تنها بماند", 2)
        doc.paragraph("متن زیر عنوان")
        log: list[DrawnLine] = []
        doc.build(tmp_path / f"h{filler}.pdf", text_log=log)
        (heading,) = [d for d in log if d.text == "عنوانی که نباید تنها بماند"]
        (text,) = [d for d in log if d.text == "متن زیر عنوان"]
        assert heading.page == text.page, filler

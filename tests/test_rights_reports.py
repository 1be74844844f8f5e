"""Reports of the people's rights registers read back (pdftotext, openpyxl) and the
confidentiality promise: a viewer finds no complainant name or contact in any report, Excel
file or command output."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from integrity_desktop.db.store import Store
from integrity_desktop.reports.registry import ReportParams, run_report
from integrity_desktop.services.accounts import users
from integrity_desktop.services.rights import complaints, oversight, surveys
from integrity_desktop.services.rights.complaints import ComplaintInput
from integrity_desktop.services.rights.oversight import LetterInput
from integrity_desktop.services.rights.surveys import SurveyInput

from .cli_helpers import run_cli
from .conftest import actor
from .pdf_text import norm

NAME, CONTACT = "فرشته یزدان‌پناه", "۰۹۱۲۷۷۷۶۶۵۵"
TODAY = dt.date(2025, 1, 10)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


@pytest.fixture
def filled(store: Store) -> Store:
    who = actor("inspector")
    cid = complaints.register_complaint(store, who, ComplaintInput(
        received_on="1403/04/05", channel="samad", category="fees", tracking_number="SMD-4455",
        person_name=NAME, person_contact=CONTACT, subject=f"شکایت {NAME} از شهریه"), today=TODAY)
    complaints.answer_complaint(store, who, cid, answered_on="1403/05/20", outcome="upheld", satisfaction=4,
                                answer_note=f"پاسخ به {NAME}", today=TODAY)
    complaints.register_complaint(store, who, ComplaintInput(
        received_on="1403/04/10", channel="phone", category="conduct", tracking_number="TEL-9"), today=TODAY)
    oversight.add_letter(store, who, LetterInput("gio", "۸۸/ب", "1403/04/02", subject="پیگیری گزارش",
                                                 due_on="1403/04/12", out_number="۹۹", out_date="1403/04/20"),
                         today=TODAY)
    surveys.add_survey(store, who, SurveyInput("1403-Q2", "1403/05/01", "paper", 40, 72.5,
                                               actions_taken="آموزش کارکنان پذیرش"), today=TODAY)
    return store


def _pdf(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return norm(unicodedata.normalize("NFKC", out)).replace(" ", "")


def _cells(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    try:
        return [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
                if v is not None]
    finally:
        book.close()


def _leaks(text: str) -> list[str]:
    squeezed = norm(unicodedata.normalize("NFKC", text)).replace(" ", "")
    hits = [w for w in NAME.split() if norm(w).replace(" ", "") in squeezed]
    return hits + [c for c in (CONTACT, "09127776655", "۷۷۷۶۶۵۵") if c in text or c in squeezed]


@needs_pdftotext
@pytest.mark.parametrize("name", ["complaint-register", "oversight-register", "survey-register"])
def test_reports_read_back(filled: Store, tmp_path: Path, name: str) -> None:
    inspector = actor("inspector")
    pdf, xlsx = tmp_path / f"{name}.pdf", tmp_path / f"{name}.xlsx"
    run_report(filled, inspector, name, ReportParams(period="1403-Q2"), pdf)
    run_report(filled, inspector, name, ReportParams(period="1403-Q2"), xlsx)
    text, cells = _pdf(pdf), _cells(xlsx)
    expected = {"complaint-register": ("SMD-۴۴۵۵", "شهریه"), "oversight-register": ("سازمانبازرسیکلکشور", "۸۸/ب"),
                "survey-register": ("آموزشکارکنانپذیرش", "۴۰")}[name]
    for word in expected:
        assert norm(word).replace(" ", "") in text, word
    if name == "complaint-register":
        assert NAME in cells and "SMD-۴۴۵۵" in cells  # the inspector has the right
    if name == "oversight-register":
        # one letter, answered after its due date: 100% answered, 0% on time
        assert "۱۰۰٪" in text and "۰٪" in text


@needs_pdftotext
def test_a_viewer_finds_no_name_or_contact_anywhere(filled: Store, tmp_path: Path) -> None:
    viewer = actor("viewer")
    for name in ("complaint-register", "oversight-register", "survey-register"):
        for ext in ("pdf", "xlsx"):
            out = tmp_path / f"{name}.{ext}"
            run_report(filled, viewer, name, ReportParams(), out)
            text = _pdf(out) if ext == "pdf" else "\n".join(_cells(out))
            assert not _leaks(text), (name, ext)
            if name == "complaint-register" and ext == "xlsx":
                assert "TEL-۹" in text and "محرمانه" in text
    rows = complaints.list_complaints(filled, viewer, today=TODAY)
    assert not _leaks(repr(rows))
    users.create_user(filled, actor("admin", username="admin"), "zahra", "زهرا", "viewer", "viewer password 1",
                      must_change=False)
    db = str(filled.path)
    filled.dispose()
    out_file = tmp_path / "cli.xlsx"
    done = run_cli("report", "complaint-register", "--db", db, "--out", str(out_file), user="zahra",
                   password="viewer password 1")
    assert done.returncode == 0, done.stderr
    assert not _leaks(done.stdout + done.stderr) and not _leaks("\n".join(_cells(out_file)))
    figures = run_cli("indicators", "--db", db, "--period", "1403-Q2", user="zahra", password="viewer password 1")
    assert figures.returncode == 0 and not _leaks(figures.stdout)

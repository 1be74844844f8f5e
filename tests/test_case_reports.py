"""Case reports read back (pdftotext, pypdf, openpyxl) and the ``cases`` command's exact format.

The confidentiality rule is checked where it matters: in the text of a viewer's PDF and in
every cell of a viewer's workbook, no employee name and no national code in any digit form.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor
from integrity_desktop.reports.registry import ReportParams, all_reports, run_report
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.textnorm import normalize_for_search as norm

from .cli_helpers import run_cli
from .conftest import actor

OFFICER = actor("case_officer")
VIEWER = actor("viewer")
NAME = "مهدی یزدانی"
CODE = "0084575948"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


@pytest.fixture
def case_id(store: Store) -> str:
    c = cases.register_case(
        store, OFFICER, employee_name=NAME, national_code=CODE, employee_post="انباردار",
        reporter="بازرس معتمد مرکز", violation_codes=["10"], reported_on="1403/02/10",
        summary=f"گزارش دربارهٔ {NAME}",
    )
    cases.add_event(store, OFFICER, c.id, lc.FILE_FORMED, event_date="1403/02/20")
    cases.add_event(store, OFFICER, c.id, lc.PRELIMINARY_VERDICT, event_date="1403/03/20",
                    penalty_code="02", board_code="01", note=f"رأی بدوی برای {NAME}")
    return c.id


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return norm(out.stdout).replace(" ", "")


def _forbidden(text: str) -> list[str]:
    flat = unicodedata.normalize("NFKC", text)
    squeezed = norm(flat).replace(" ", "")
    hits = [w for w in NAME.split() if norm(w) in squeezed]
    hits += [c for c in (CODE, to_persian_digits(CODE)) if c in flat or norm(c) in squeezed]
    return hits


def _cells(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    try:
        return [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                for v in row if v is not None]
    finally:
        book.close()


def test_reports_are_registered() -> None:
    reports = all_reports()
    assert reports["case-file"].formats == ("pdf",) and reports["case-file"].needs_subject
    assert reports["case-statistics"].formats == ("pdf", "xlsx") and reports["case-statistics"].needs_period
    assert "case-register" in reports


@needs_pdftotext
def test_case_file_pdf_for_an_officer_has_everything(store: Store, case_id: str, tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    run_report(store, OFFICER, "case-file", ReportParams(subject=case_id), out)
    text = _pdf_text(out)
    for needle in (NAME, to_persian_digits(CODE), "۱۴۰۳/۰۰۰۱", "رأی بدوی", "پرونده تشکیل شد",
                   "توبیخ کتبی با درج در پروندهٔ استخدامی", "هیئت بدوی",
                   "روند پرونده", "مستندات", "۱۴۰۳/۰۳/۲۰"):
        assert norm(needle).replace(" ", "") in text, needle
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert re.findall(r"[0-9]", raw.replace(OFFICER.label, "")) == []  # Persian digits only
    assert len(PdfReader(out).pages) == 1


@needs_pdftotext
@pytest.mark.parametrize("role", ["viewer", "inspector", "reviewer"])
def test_case_file_pdf_for_other_roles_has_no_name(
    store: Store, case_id: str, tmp_path: Path, role: str
) -> None:
    out = tmp_path / f"case-{role}.pdf"
    run_report(store, actor(role), "case-file", ReportParams(subject=case_id), out)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert _forbidden(raw) == []
    reader_text = "".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert _forbidden(reader_text) == []
    assert norm("محرمانه").replace(" ", "") in _pdf_text(out)
    assert norm("رأی بدوی").replace(" ", "") in _pdf_text(out)  # the steps are still there


def test_statistics_pdf_and_excel(store: Store, case_id: str, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    run_report(store, VIEWER, "case-statistics", ReportParams(period="1403"), pdf)
    run_report(store, VIEWER, "case-statistics", ReportParams(period="1403"), xlsx)
    if shutil.which("pdftotext"):
        text = _pdf_text(pdf)
        assert norm("آراء بدوی").replace(" ", "") in text and norm("سال ۱۴۰۳").replace(" ", "") in text
        assert _forbidden(text) == []
    book = load_workbook(xlsx, read_only=True)
    try:
        assert book.sheetnames[0] == "شاخص‌ها"
        rows = list(book["شاخص‌ها"].iter_rows(values_only=True))
    finally:
        book.close()
    assert rows[2] == ("عنوان شاخص", "کد شاخص", "مقدار", "دوره")  # under the two title rows
    values = {r[1]: r[2] for r in rows[3:]}
    assert values["۶/۱"] == 1 and values["۶/۳"] == 1 and values["۶/۵"] == 1 and values["۶/۱۱"] == 3
    assert len(values) == 11
    assert _forbidden(" ".join(_cells(xlsx))) == []


def test_register_excel_names_only_for_personal_roles(store: Store, case_id: str, tmp_path: Path) -> None:
    mine, theirs = tmp_path / "officer.xlsx", tmp_path / "viewer.xlsx"
    run_report(store, OFFICER, "case-register", ReportParams(period="1403"), mine)
    run_report(store, VIEWER, "case-register", ReportParams(period="1403"), theirs)
    assert NAME in _cells(mine) and to_persian_digits(CODE) in _cells(mine)
    viewer_cells = _cells(theirs)
    assert _forbidden(" ".join(viewer_cells)) == [] and "محرمانه" in viewer_cells
    assert "۱۴۰۳/۰۰۰۱" in viewer_cells


def test_case_file_needs_a_known_case(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        run_report(store, OFFICER, "case-file", ReportParams(subject="nope"), tmp_path / "x.pdf")
    assert err.value.code == "case_missing"
    assert not (tmp_path / "x.pdf").exists()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)  # signed in as the store's administrator


def test_cases_command_prints_the_exact_format(store: Store, case_id: str) -> None:
    other = cases.register_case(
        store, Actor("o", "case_officer", "tehran"), employee_name="رضا احمدی", national_code=CODE,
        reporter="بازرس", violation_codes=["01"], reported_on="1402/12/29",
    )
    store.dispose()
    out = _cli("cases", "--db", store.location)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines == [
        f"{case_id}\t1403/0001\tpreliminary_verdict\t1403/03/20",
        f"{other.id}\t1402/0001\treported\t1402/12/29",
    ]
    assert NAME not in out.stdout and CODE not in out.stdout
    only = _cli("cases", "--db", store.location, "--state", "reported")
    assert only.stdout.splitlines() == [f"{other.id}\t1402/0001\treported\t1402/12/29"]
    bad = _cli("cases", "--db", store.location, "--state", "open")
    assert bad.returncode == 2 and "شناخته نیست" in bad.stderr and bad.stdout == ""


def test_report_command_writes_a_case_file(store: Store, case_id: str, tmp_path: Path) -> None:
    store.dispose()
    out = _cli("report", "case-file", "--db", store.location, "--subject", case_id,
               "--out", str(tmp_path / "f.pdf"))
    assert out.returncode == 0, out.stderr
    assert PdfReader(tmp_path / "f.pdf").pages


@needs_pdftotext
def test_documents_are_listed_and_their_names_hidden_from_viewers(
    store: Store, case_id: str, tmp_path: Path
) -> None:
    letter = tmp_path / f"نامه {NAME}.txt"
    letter.write_text("متن نامهٔ ابلاغ رأی", encoding="utf-8")
    verdict = cases.get_case_file(store, OFFICER, case_id).steps[-1]
    doc = cases.attach_document(store, OFFICER, case_id, letter, event_id=verdict.id)
    assert doc.event_id == verdict.id and doc.size == letter.stat().st_size
    with pytest.raises(UserError):
        cases.attach_document(store, OFFICER, case_id, letter, event_id="not-a-step")
    f = cases.get_case_file(store, OFFICER, case_id)
    assert [d.filename for d in f.documents] == [letter.name]
    assert f.steps[-1].documents == f.documents
    out = tmp_path / "with-doc.pdf"
    run_report(store, OFFICER, "case-file", ReportParams(subject=case_id), out)
    assert norm(f"نامه {NAME}").replace(" ", "") in _pdf_text(out)
    hidden = cases.get_case_file(store, VIEWER, case_id)
    assert [d.filename for d in hidden.documents] == [cases.CONFIDENTIAL]
    out = tmp_path / "viewer-doc.pdf"
    run_report(store, VIEWER, "case-file", ReportParams(subject=case_id), out)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert _forbidden(raw) == []
    with pytest.raises(UserError):
        cases.attach_document(store, VIEWER, case_id, letter)


@needs_pdftotext
def test_case_file_names_the_person_not_the_login(store: Store, case_id: str, tmp_path: Path) -> None:
    from integrity_desktop.services.accounts import users

    users.create_user(store, actor("admin"), OFFICER.username, "زهرا کریمی", "case_officer",
                      "a-long-pass-phrase-1")
    timeline = cases.get_case_file(store, OFFICER, case_id).timeline
    assert {e.actor_name for e in timeline} == {"زهرا کریمی (کارشناس پرونده‌های تخلف)"}
    out = tmp_path / "case.pdf"
    run_report(store, OFFICER, "case-file", ReportParams(subject=case_id), out)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert norm("زهرا کریمی").replace(" ", "") in _pdf_text(out)
    assert OFFICER.label not in raw and "@" not in raw

"""Reading the audit log: filters (user, action, record, local-day date range), paging, and the
Excel export read back (right to left, Jalali times with Persian digits)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.services.store import offices

from .conftest import actor

ADMIN = actor("admin")


def test_filters_and_pages(store: Store) -> None:
    for i in range(7):
        offices.add_unit(store, actor("admin", username="neda"), f"واحد {i}")
    f = audit_view.AuditFilter(actor="NEDA", action="create", entity="unit")
    assert audit_view.count_entries(store, ADMIN, f) == 7
    first = audit_view.list_entries(store, ADMIN, f, limit=5)
    second = audit_view.list_entries(store, ADMIN, f, offset=5, limit=5)
    assert [r.seq for r in first] == sorted((r.seq for r in first), reverse=True)  # newest first
    assert len(second) == 2 and {r.seq for r in first}.isdisjoint(r.seq for r in second)
    assert first[0].action_fa == "ایجاد" and "name_fa: واحد 6" in first[0].changes
    today = jalali.today()
    in_range = audit_view.AuditFilter(actor="neda", date_from=today, date_to=today)
    assert audit_view.count_entries(store, ADMIN, in_range) == 7
    tomorrow = today + dt.timedelta(days=1)
    later = audit_view.AuditFilter(actor="neda", date_from=tomorrow)
    assert audit_view.count_entries(store, ADMIN, later) == 0
    assert audit_view.count_entries(store, ADMIN, audit_view.AuditFilter(actor="%")) == 0  # no wildcards


def test_reversed_dates_are_refused_in_persian(store: Store) -> None:
    bad = audit_view.AuditFilter(date_from=dt.date(2024, 5, 2), date_to=dt.date(2024, 5, 1))
    with pytest.raises(UserError) as err:
        audit_view.list_entries(store, ADMIN, bad)
    assert err.value.code == "audit_dates" and "«از»" in err.value.fa


def test_export_reads_back(store: Store, tmp_path: Path) -> None:
    offices.add_unit(store, actor("admin", username="omid"), "واحد خروجی")
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "audit.xlsx"
    assert audit_view.export_excel(store, ADMIN, audit_view.AuditFilter(actor="omid"), out) == 1
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A4"
    header, row = [c.value for c in ws[3]], [c.value for c in ws[4]]
    assert header == audit_view.HEADERS
    assert row[3] == "omid — " + offices.office_name(store, "tehran") and row[-1] == "omid@tehran"
    assert row[5] == "ایجاد" and row[6] == "واحد" and "نام: واحد خروجی" in row[7]
    assert not re.search(r"[0-9]", str(row[1])) and str(row[1]).startswith(jalali.format_date(jalali.today()))
    assert isinstance(row[2], dt.datetime)  # the real time beside the Jalali text
    assert [p.name for p in folder.iterdir()] == ["audit.xlsx"]  # no temporary file left
    with pytest.raises(UserError) as err:
        audit_view.export_excel(store, ADMIN, audit_view.AuditFilter(), tmp_path / "missing" / "a.xlsx")
    assert err.value.code == "export_folder"


def test_changes_in_peoples_words(store: Store) -> None:
    from integrity_desktop.services.audit import words as audit_words

    before = '{"status": "draft", "due_date": "2024-10-06", "progress": 12.0, "hlc": "a", "name_fa": "الف"}'
    after = '{"status": "approved", "due_date": "2024-10-07", "progress": 87.5, "hlc": "b", "name_fa": "الف"}'
    text = audit_words.describe_changes(before, after, "checklist")
    assert "وضعیت: پیش‌نویس → تأییدشده" in text
    assert "مهلت: ۱۴۰۳/۰۷/۱۵ → ۱۴۰۳/۰۷/۱۶" in text
    assert "پیشرفت (درصد): ۱۲ → ۸۷٫۵" in text
    assert not re.search(r"[0-9A-Za-z]", text)  # no field code, no Latin digit, no stamp
    offices.add_unit(store, actor("admin", username="neda"), "واحد ۷")
    row = audit_view.list_entries(store, ADMIN, audit_view.AuditFilter(actor="neda"), limit=1)[0]
    assert row.entity_fa == "واحد" and "نام: واحد ۷" in row.changes_fa


def test_register_codes_by_their_names() -> None:
    from integrity_desktop.services.audit import words as audit_words
    from integrity_desktop.services.rights import oversight

    code, (name, _) = next(iter(oversight.BODIES.items()))
    text = audit_words.describe_changes("", f'{{"body": "{code}", "in_date": "2024-10-06"}}', "oversight_letter")
    assert text == f"تاریخ ورود: ۱۴۰۳/۰۷/۱۵؛ مرجع: {name}"


def test_record_numbers_read_in_persian_digits_and_typed_codes_stay() -> None:
    """A case number or a letter's number is a number people read: Persian digits, as on every
    screen, also inside a nested value (the case file's «viewed» entry); a typed code stays."""
    from integrity_desktop.services.audit import words as audit_words

    text = audit_words.describe_changes("", '{"case_number": "1404/0006", "letter_no": "12-7"}', "case")
    assert text == "شمارهٔ نامه: ۱۲-۷؛ شمارهٔ پرونده: ۱۴۰۴/۰۰۰۶"  # sorted by the Persian label
    assert audit_words.shown_value({"personal": True, "case_number": "1404/0006"}) == \
        "با اطلاعات شخصی: بله، شمارهٔ پرونده: ۱۴۰۴/۰۰۰۶"
    assert audit_words.shown_value("A2") == "A2"


def test_nested_values_read_as_jalali_dates_and_persian_names() -> None:
    from integrity_desktop.services.audit import words as audit_words

    nested = {"due_date": "2024-10-06", "items": [1, 2.5], "at": "2024-10-06T10:30:00Z"}
    text = audit_words.shown_value(nested)
    assert "مهلت: ۱۴۰۳/۰۷/۱۵" in text and "۱، ۲٫۵" in text and "۱۴۰۳/۰۷/۱۵ " in text
    assert not re.search(r"[0-9]", text) and "2024" not in text


def test_how_a_person_signed_in_reads_in_persian() -> None:
    """A sign-in's entry says whether it came through the program's window or the command line
    in Persian (it showed «cli»); the command's name stays as it is typed."""
    from integrity_desktop.services.audit import words as audit_words

    assert audit_words.describe_changes("", '{"via": "cli", "command": "report"}', "user") == \
        "از راه: خط فرمان؛ فرمان: report"
    assert audit_words.describe_changes("", '{"via": "gui"}', "") == "از راه: پنجرهٔ برنامه"
    assert audit_words.shown_value({"via": "cli", "at": "2024-10-06T10:30:00Z"}).startswith(
        "از راه: خط فرمان، ")

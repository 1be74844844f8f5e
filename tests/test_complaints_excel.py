"""Complaints imported from Excel: the register's own export goes back in, a changed answer
updates, and one bad row writes nothing at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from integrity_desktop.db.models import AuditEntry
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.reports.registry import ReportParams, run_report
from integrity_desktop.services.rights import complaints
from integrity_desktop.services.rights import excel_import as complaints_import
from integrity_desktop.services.rights.complaints import ComplaintInput
from integrity_desktop.services.store.offices import list_units

from .conftest import actor

TODAY = dt.date(2025, 1, 10)


def _fill(store: Store) -> None:
    who = actor("inspector")
    unit = list_units(store, "tehran")[0].id
    for k in range(5):
        cid = complaints.register_complaint(store, who, ComplaintInput(
            received_on=dt.date(2024, 7, 1 + k), channel="samad", category="fees", unit_id=unit,
            tracking_number=f"SMD-{k}", person_name=f"شهروند {k}", person_contact="۰۲۱۸۸۸۸",
            subject="شهریهٔ دوره"), today=TODAY)
        if k % 2:
            complaints.answer_complaint(store, who, cid, answered_on=dt.date(2024, 7, 20 + k), outcome="guided",
                                        satisfaction=k, today=TODAY)


def _audit_count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_the_register_export_imports_back(store: Store, make_store, province_template: Path, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "register.xlsx"
    run_report(store, actor("inspector"), "complaint-register", ReportParams(), out)
    again = complaints_import.import_complaints(store, actor("inspector"), out, today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    other = make_store(province_template, "other")
    done = complaints_import.import_complaints(other, actor("inspector"), out, today=TODAY)
    assert done.created == 5
    strip = ("id", "unit_id")

    def rows(s: Store) -> list[tuple[object, ...]]:
        return sorted(tuple(v for k, v in vars(r).items() if k not in strip)
                      for r in complaints.list_complaints(s, actor("admin"), today=TODAY))
    assert rows(other) == rows(store)


def test_an_answer_typed_in_the_sheet_updates_the_complaint(store: Store, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "register.xlsx"
    run_report(store, actor("inspector"), "complaint-register", ReportParams(), out)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    header_row = next(r for r in range(1, 6) if sheet.cell(r, 1).value == "نوع")
    headers = {sheet.cell(header_row, c).value: c for c in range(1, sheet.max_column + 1)}
    target = next(r for r in range(header_row + 1, sheet.max_row + 1)
                  if sheet.cell(r, headers["شمارهٔ پیگیری"]).value == "SMD-۰")
    sheet.cell(target, headers["تاریخ پاسخ"]).value = "۱۴۰۳/۰۵/۱۰"
    sheet.cell(target, headers["نتیجه"]).value = "وارد نبود"
    book.save(out)
    result = complaints_import.import_complaints(store, actor("inspector"), out, today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 4)
    found = complaints.list_complaints(store, actor("admin"), complaints.ComplaintQuery(text="SMD-0"), today=TODAY)
    assert found[0].answered_on == dt.date(2024, 7, 31) and found[0].outcome == "rejected"


def test_one_bad_row_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "office.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["نوع", "تاریخ دریافت", "مجرا", "شمارهٔ پیگیری", "موضوع", "نام متقاضی", "تاریخ پاسخ", "نتیجه", "رضایت"])
    sheet.append(["شکایت", "۱۴۰۳/۰۴/۰۱", "سامد", "A1", "رفتار کارکنان", "علی", None, None, None])
    sheet.append(["پیشنهاد", "1403/04/02", "وبگاه", "A2", "سایر", "", "1403/04/05", "راهنمایی و اطلاع‌رسانی شد", "راضی"])
    sheet.append(["شکایت", "1403/04/03", "فکس", "A3", "سایر", "", None, None, None])  # unknown channel
    sheet.append(["شکایت", "1403/13/40", "سامد", "A4", "سایر", "", None, None, None])  # not a date
    book.save(path)
    before = (complaints.count_complaints(store, actor("admin")), _audit_count(store))
    with pytest.raises(UserError) as e:
        complaints_import.import_complaints(store, actor("inspector"), path, today=TODAY)
    assert "ردیف ۴" in e.value.fa and "ردیف ۵" in e.value.fa and "هیچ شکایتی ثبت نشد" in e.value.fa
    assert (complaints.count_complaints(store, actor("admin")), _audit_count(store)) == before
    sheet.delete_rows(4, 2)
    book.save(path)
    result = complaints_import.import_complaints(store, actor("inspector"), path, today=TODAY)
    assert result.created == 2
    with pytest.raises(PermissionDenied):
        complaints_import.import_complaints(store, actor("viewer"), path, today=TODAY)
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError) as e:
        complaints_import.import_complaints(store, actor("inspector"), tmp_path / "broken.xlsx", today=TODAY)
    assert e.value.code == "bad_excel"

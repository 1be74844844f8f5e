"""Suggested export names carry the Jalali day, safe on every file system."""

from __future__ import annotations

import datetime as dt

from integrity_desktop import filenames, jalali


def test_dated_name_is_jalali_and_safe() -> None:
    day = dt.date(2024, 10, 6)  # 1403/07/15
    assert filenames.dated_name("audit-log", ".xlsx", day) == "audit-log-1403-07-15.xlsx"
    assert filenames.dated_name("case-1403/0006", "pdf", day) == "case-1403-0006-1403-07-15.pdf"
    assert filenames.dated_name('گزارش: "ملی"?', ".pdf", day) == "گزارش- -ملی-1403-07-15.pdf"
    assert filenames.dated_name("///", ".itb", day) == "export-1403-07-15.itb"
    today = filenames.jalali_stamp()
    assert today == jalali.format_date(jalali.today()).translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹/", "0123456789-"))

"""Right-to-left Excel exports and the import reader (no Qt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from integrity_desktop.errors import UserError
from integrity_desktop.excel import RtlWorkbook, read_rows, sanitize_sheet_title

HEADERS = ["اداره", "تاریخ بازدید", "تعداد موارد", "توضیح"]


def _export(path: Path) -> Path:
    book = RtlWorkbook()
    sheet = book.add_sheet("خلاصهٔ بازرسی‌ها", HEADERS, [30, 14, 12, 40])
    sheet.append(["اداره کل تهران", dt.date(2024, 10, 6), 12, "ثبت در Excel"])
    sheet.append(["اداره کل کرج", None, 3, ""])
    book.add_sheet("خلاصهٔ بازرسی‌ها", ["ستون"])  # same title: made unique
    return book.save(path)


def test_export_reads_back_right_to_left(tmp_path: Path) -> None:
    target = _export(tmp_path / "out.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    book = load_workbook(target)
    assert book.sheetnames == ["خلاصهٔ بازرسی‌ها", "خلاصهٔ بازرسی‌ها (2)"]
    ws = book["خلاصهٔ بازرسی‌ها"]
    assert ws.sheet_view.rightToLeft is True
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.bold for c in ws[1])
    assert ws.auto_filter.ref == "A1:D3"
    assert ws.column_dimensions["A"].width == 30
    assert ws.column_dimensions["D"].width == 40
    assert [c.value for c in ws[2]] == ["اداره کل تهران", "۱۴۰۳/۰۷/۱۵", 12, "ثبت در Excel"]
    assert book["خلاصهٔ بازرسی‌ها (2)"].sheet_view.rightToLeft is True


def test_read_rows_gives_dicts_by_header(tmp_path: Path) -> None:
    target = _export(tmp_path / "out.xlsx")
    rows = list(read_rows(target, "خلاصهٔ بازرسی‌ها"))
    assert rows[0] == (
        2,
        {"اداره": "اداره کل تهران", "تاریخ بازدید": "۱۴۰۳/۰۷/۱۵", "تعداد موارد": 12, "توضیح": "ثبت در Excel"},
    )
    assert rows[1][0] == 3 and rows[1][1]["تاریخ بازدید"] is None and rows[1][1]["توضیح"] is None
    assert len(rows) == 2
    first_sheet = list(read_rows(target))  # no sheet name: the first sheet
    assert first_sheet[0][1]["اداره"] == "اداره کل تهران"


def test_read_rows_skips_empty_rows_and_strips(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append([" نام ", "کد", None])
    ws.append(["  علی ", 7, "x"])
    ws.append([None, None, None])
    ws.append(["رضا", None, None])
    book.save(tmp_path / "in.xlsx")
    assert list(read_rows(tmp_path / "in.xlsx")) == [
        (2, {"نام": "علی", "کد": 7}),
        (4, {"نام": "رضا", "کد": None}),
    ]


@pytest.mark.parametrize("content", [b"", b"not a spreadsheet", b"PK\x03\x04broken zip"])
def test_bad_file_is_a_user_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    with pytest.raises(UserError) as info:
        read_rows(bad)
    assert info.value.code == "bad_excel"
    assert "اکسل" in info.value.fa


def test_missing_file_or_sheet_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        read_rows(tmp_path / "missing.xlsx")
    target = _export(tmp_path / "out.xlsx")
    with pytest.raises(UserError) as info:
        read_rows(target, "برگه‌ای که نیست")
    assert "برگه" in info.value.fa


def test_save_into_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    book = RtlWorkbook()
    book.add_sheet("الف", ["ب"])
    with pytest.raises(UserError) as info:
        book.save(tmp_path / "nope" / "out.xlsx")
    assert info.value.code == "write_failed"
    book.save(tmp_path / "retry.xlsx")  # another folder still works
    assert load_workbook(tmp_path / "retry.xlsx")["الف"]["A1"].value == "ب"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("گزارش [مهر]: ۱۴۰۳/۰۷", "گزارش مهر ۱۴۰۳ ۰۷"),
        ("a*b?c\\d", "a b c d"),
        ("'quoted'", "quoted"),
        ("", "Sheet"),
        ("History", "History 1"),
        ("ب" * 40, "ب" * 31),
    ],
)
def test_sheet_titles_follow_excel_rules(title: str, expected: str) -> None:
    assert sanitize_sheet_title(title) == expected


def test_sheet_titles_are_unique_within_31_chars() -> None:
    long = "ب" * 40
    first = sanitize_sheet_title(long)
    second = sanitize_sheet_title(long, [first])
    third = sanitize_sheet_title(long, [first, second])
    assert len({first, second, third}) == 3
    assert all(len(t) <= 31 for t in (first, second, third))
    assert sanitize_sheet_title("Summary", ["summary"]) == "Summary (2)"

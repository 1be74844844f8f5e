"""Right-to-left Excel exports and the import reader (no Qt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from integrity_desktop.errors import UserError
from integrity_desktop.excel.reading import read_rows
from integrity_desktop.excel.workbook import Col, RtlWorkbook, looks_like_formula, sanitize_sheet_title

HEADERS = ["اداره", "تاریخ بازدید", "تعداد موارد", "توضیح"]


def _export(path: Path) -> Path:
    book = RtlWorkbook("خلاصهٔ بازرسی‌ها", [("اداره", "تهران")], exported_at=dt.datetime(2024, 10, 6, 9, 5))
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
    # two title rows (what; office and the export date in Jalali), then the header row
    assert ws["A1"].value == "خلاصهٔ بازرسی‌ها" and ws["A1"].font.bold
    assert ws["A2"].value == "اداره: تهران    تاریخ خروجی: ۱۴۰۳/۰۷/۱۵ ۰۹:۰۵"
    assert ws.freeze_panes == "A4"
    assert [c.value for c in ws[3]] == HEADERS
    assert all(c.font.bold for c in ws[3])
    assert ws.auto_filter.ref == "A3:D5"
    assert ws.column_dimensions["A"].width == 30
    assert ws.column_dimensions["D"].width == 40
    assert [c.value for c in ws[4]] == ["اداره کل تهران", "۱۴۰۳/۰۷/۱۵", 12, "ثبت در Excel"]
    assert ws["C4"].data_type == "n" and ws["C4"].number_format == "#,##0"
    assert book["خلاصهٔ بازرسی‌ها (2)"].sheet_view.rightToLeft is True


def test_print_setup(tmp_path: Path) -> None:
    """Printed: A4, landscape when wide, one page wide, header row on every page, «صفحه n از m»."""
    book = RtlWorkbook("گزارش", [("دوره", "۱۴۰۳")])
    narrow = book.add_sheet("باریک", [Col("الف", 30, "text"), Col("ب", 10, "count")])
    wide = book.add_sheet("پهن", [Col(f"ستون {i}", 20, "wrap") for i in range(8)])
    narrow.append(["x", 1])
    wide.append(["متن بلند " * 30] + ["کوتاه"] * 7)
    target = book.save(tmp_path / "print.xlsx")
    loaded = load_workbook(target)
    for name, orientation in (("باریک", "portrait"), ("پهن", "landscape")):
        ws = loaded[name]
        assert ws.page_setup.orientation == orientation
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$3:$3"
        assert ws.oddFooter.center.text == "صفحه &P از &N"
        assert "گزارش" in ws.oddHeader.center.text
    ws = loaded["پهن"]
    # the wrapped long text grows its row (LibreOffice does not do it by itself)
    assert ws.row_dimensions[4].height and ws.row_dimensions[4].height > 30
    assert ws["A4"].alignment.wrap_text


HOSTILE = [
    '=HYPERLINK("http://example.invalid","نام")', "=2*3", "=1+2", "+1", "-1", "@SUM(A1)", "\t=1",
    "\r=1", " =1", "\u200f=1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\ufe621", "\ufe631", "\ufe661",
    "\u22121", "\uff20SUM(A1)", "\u066a1", "=cmd|' /C calc'!A0", "\x01=1",
]


def test_user_text_is_never_a_formula(tmp_path: Path) -> None:
    book = RtlWorkbook("آزمون")
    kinds = ("text", "wrap", "id", "key", "auto")
    sheet = book.add_sheet("برگه", [Col(k, 20, k) for k in kinds] + [Col("عدد", 10, "number")])  # type: ignore[arg-type]
    for text in HOSTILE:
        sheet.append([text] * len(kinds) + [-2.5])
    target = book.save(tmp_path / "hostile.xlsx")
    ws = load_workbook(target)["برگه"]
    data = list(ws.iter_rows(min_row=4))
    assert len(data) == len(HOSTILE)
    for text, row in zip(HOSTILE, data, strict=True):
        for cell in row[:len(kinds)]:
            assert cell.data_type == "s", (text, cell.coordinate)
            assert str(cell.value).startswith(text.lstrip("\x01")[:1]) or cell.value
            if looks_like_formula(text):
                assert cell.quotePrefix, (text, cell.coordinate)
        assert row[-1].data_type == "n" and row[-1].value == -2.5  # real numbers stay numbers
    assert data[0][0].value == HOSTILE[0]
    assert data[1][0].value == "=2*3"


def test_numbers_percents_and_dates_are_typed(tmp_path: Path) -> None:
    book = RtlWorkbook("آزمون")
    sheet = book.add_sheet("برگه", [Col("درصد", 10, "percent"), Col("مقدار", 10, "number"),
                                    Col("تعداد", 10, "count"), Col("تاریخ", 12, "date"),
                                    Col("کد", 8, "id"), Col("شناسه", 38, "key")])
    sheet.append([94.86, 33.333, 1234, dt.date(2024, 10, 6), "6/1", "0e24b2e0-7e33"])
    sheet.append([90.0, 12.0, 0, None, "22/5", None])
    target = book.save(tmp_path / "typed.xlsx")
    ws = load_workbook(target)["برگه"]
    assert [c.value for c in ws[3]] == ["درصد", "مقدار", "تعداد", "تاریخ", "تاریخ (میلادی)", "کد", "شناسه"]
    percent, value, count, jalali_text, real_date, code, key = ws[4]
    assert percent.value == pytest.approx(0.949) and percent.number_format == "0.0%"
    assert ws["A5"].value == pytest.approx(0.9) and ws["A5"].number_format == "0%"  # no trailing .0
    assert value.value == 33.33 and value.number_format == "#,##0.00"
    assert ws["B5"].value == 12 and ws["B5"].number_format == "#,##0"
    assert count.value == 1234 and count.number_format == "#,##0"
    assert jalali_text.value == "۱۴۰۳/۰۷/۱۵" and jalali_text.data_type == "s"
    assert real_date.is_date and real_date.value.date() == dt.date(2024, 10, 6)
    assert code.value == "۶/۱" and code.data_type == "s"
    assert key.value == "0e24b2e0-7e33"


def test_choices_are_a_drop_down(tmp_path: Path) -> None:
    book = RtlWorkbook("آزمون")
    sheet = book.add_sheet("برگه", [Col("وضعیت", 16, "text")])
    sheet.choices("وضعیت", ["انجام شد", "انجام نشد"])
    sheet.append(["انجام شد"])
    sheet.append([""])
    ws = load_workbook(book.save(tmp_path / "dv.xlsx"))["برگه"]
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"انجام شد,انجام نشد"'
    assert str(validation.sqref) == "A4:A5"


def test_read_rows_gives_dicts_by_header(tmp_path: Path) -> None:
    target = _export(tmp_path / "out.xlsx")
    rows = list(read_rows(target, "خلاصهٔ بازرسی‌ها"))  # the title rows are skipped
    assert rows[0] == (
        4,
        {"اداره": "اداره کل تهران", "تاریخ بازدید": "۱۴۰۳/۰۷/۱۵", "تعداد موارد": 12, "توضیح": "ثبت در Excel"},
    )
    assert rows[1][0] == 5 and rows[1][1]["تاریخ بازدید"] is None and rows[1][1]["توضیح"] is None
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
    assert load_workbook(tmp_path / "retry.xlsx")["الف"]["A3"].value == "ب"  # under the title rows


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

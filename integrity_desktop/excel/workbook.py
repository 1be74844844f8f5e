"""Excel files the Persian way: right-to-left sheets for exports (the reader is ``excel_reading``).

Exports use openpyxl's write-only mode so that 100k-row exports stay in bounded memory; every
sheet reads right to left with title rows (what, office, period, export date), a bold,
frozen, filterable header that repeats on every printed page, and prints fitted to the page
width with «صفحه n از m» in the footer.

The policy for what goes into cells (docs/ARCHITECTURE.md "Excel exports"), applied by the
column kinds of ``Col``:

* text a person typed is always a *string* cell (never a formula, whatever it starts with);
  when it starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR or their full-width and
  small look-alikes) the cell also gets Excel's quote prefix, so editing it in Excel or
  LibreOffice does not turn it into one either;
* identifiers people read (case numbers, national codes, indicator codes) are text in Persian
  digits (``id``); machine keys (UUIDs) are text as they are (``key``);
* counts and values are numbers with a number format, percents are fractions with a percent
  format, rounded by the one rule of ``digits`` and shown with just the decimals they have;
* a date is two cells: the Jalali date as text, and beside it the real date.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from integrity_desktop import atomic
from integrity_desktop.digits import (
    PERCENT_PLACES,
    VALUE_PLACES,
    excel_number_format,
    round_half_up,
    to_persian_digits,
)
from integrity_desktop.jalali import format_date, format_datetime

MAX_TITLE = 31
MAX_CELL_TEXT = 32767  # Excel's limit; longer text makes Excel "repair" the file
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML
_HEADER_FONT = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=13)
_HEADER_FILL = PatternFill("solid", fgColor="DFE6EF")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")
_TITLE_ALIGN = Alignment(horizontal="right", vertical="center")

# Characters that start a formula in Excel or LibreOffice, and the look-alikes that some
# versions, input methods or a CSV round trip turn into them: full-width (FF1D FF0B FF0D FF20),
# small forms (FE62 FE63 FE66), the minus sign (2212), heavy plus/minus (2795 2796); the
# Arabic percent sign (066A) and % and | start DDE/percent entries in some locales.
FORMULA_STARTS = frozenset(
    "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\u2212\u2795\u2796\u066a%|"
)
# What may come before such a character without changing how the cell is read.
_INVISIBLE_LEAD = " \u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

Kind = Literal["text", "wrap", "key", "id", "count", "number", "percent", "progress", "date", "datetime",
               "bool", "auto"]


@dataclass(frozen=True)
class Col:
    """One column of an export: its Persian header, width in characters and kind.

    Kinds: ``text`` (short text), ``wrap`` (long text, wrapped; rows grow to fit), ``key``
    (a machine key such as a UUID, as is), ``id`` (an identifier people read: text, Persian
    digits), ``count`` (whole number), ``number`` (a value, up to two decimals), ``percent``
    (given on the 0–100 scale, written as a fraction with a percent format), ``progress`` (a
    percent kept on the 0–100 scale, shown «40%», for a sheet that is imported back), ``date`` and
    ``datetime`` (two columns: Jalali text, then the real date headed «… (میلادی)»),
    ``bool`` (بله/خیر), ``auto`` (by the value's type; dates as Jalali text only).
    """

    header: str
    width: float = 14.0
    kind: Kind = "auto"
    hidden: bool = False  # not shown or printed (a key the import needs, say)


def sheet_headers(columns: Sequence[Col]) -> list[str]:
    """The header row ``columns`` make: a date column is two cells, «X» and «X (میلادی)»."""
    out: list[str] = []
    for col in columns:
        out.append(col.header)
        if col.kind in ("date", "datetime"):
            out.append(f"{col.header} (میلادی)")
    return out


def sanitize_sheet_title(title: str, taken: Sequence[str] = ()) -> str:
    """A valid, unused Excel sheet name: at most 31 characters, none of []:*?/\\, unique.

    Excel compares names without case; a name may not start or end with an apostrophe, and
    "History" is reserved.
    """
    base = _FORBIDDEN.sub(" ", title)
    base = re.sub(r"\s+", " ", base).strip().strip("'").strip() or "Sheet"
    if base.casefold() == "history":
        base += " 1"
    used = {t.casefold() for t in taken}
    candidate = base[:MAX_TITLE].rstrip()
    number = 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = base[: MAX_TITLE - len(suffix)].rstrip() + suffix
        number += 1
    return candidate


def looks_like_formula(text: str) -> bool:
    """Whether ``text`` starts (after spaces and invisible marks) like a formula."""
    stripped = text.lstrip(_INVISIBLE_LEAD)
    return bool(stripped) and stripped[0] in FORMULA_STARTS


def clean_text(text: str) -> str:
    """``text`` as a cell can hold it: no XML-illegal control characters, at most 32,767."""
    text = _ILLEGAL.sub("", text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def text_cell(sheet: WriteOnlyWorksheet, value: Any, alignment: Alignment | None = None) -> Any:
    """A string cell holding ``value`` as text, whatever it looks like (never a formula).

    Plain text is returned as a str (openpyxl stores it as a string); text that starts like
    a formula becomes a cell forced to the string type with the quote prefix set.
    """
    text = clean_text(str(value))
    if not looks_like_formula(text) and alignment is None:
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl made "=…" a formula; the value stays the text
    if looks_like_formula(text):
        cell.quotePrefix = True
    if alignment is not None:
        cell.alignment = alignment
    return cell


def excel_value(value: Any) -> Any:
    """What goes into an ``auto`` cell: Jalali text for dates, numbers unchanged, "" for None."""
    if type(value) is str:  # most cells; a register export calls this a million times
        return value
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    return value


def _number_cell(sheet: WriteOnlyWorksheet, value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return text_cell(sheet, value)
    if isinstance(value, float) and not math.isfinite(value):
        return text_cell(sheet, "—")
    if kind == "count":
        number: float = int(round_half_up(float(value)))
        fmt = "#,##0"
    elif kind == "progress":
        number = round_half_up(float(value), PERCENT_PLACES)
        number = int(number) if number == int(number) else number
        fmt = excel_number_format(number, PERCENT_PLACES) + '"%"'
    elif kind == "percent":
        number = round(round_half_up(float(value), PERCENT_PLACES) / 100, PERCENT_PLACES + 2)
        fmt = excel_number_format(number, PERCENT_PLACES, percent=True)
    else:
        number = round_half_up(float(value), VALUE_PLACES)
        if number == int(number):
            number = int(number)
        fmt = excel_number_format(number, VALUE_PLACES)
    cell = WriteOnlyCell(sheet, value=number)
    cell.number_format = fmt
    return cell


def _date_cell(sheet: WriteOnlyWorksheet, value: Any, with_time: bool) -> Any:
    if not isinstance(value, _dt.date):
        return None
    if not with_time and isinstance(value, _dt.datetime):
        value = value.date()
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "yyyy-mm-dd hh:mm" if with_time else "yyyy-mm-dd"
    return cell


def _line_count(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide (Persian
    letters are about as wide as the default font's digits; 10% kept for word breaks)."""
    chars = max(1.0, width * 0.9)
    return sum(max(1, math.ceil(len(line) / chars)) for line in text.split("\n")) if text else 1


class SheetWriter:
    """Appends rows to one right-to-left sheet of an ``RtlWorkbook``."""

    ROW_HEIGHT = 15.0  # points per line of text (LibreOffice does not grow wrapped rows)

    def __init__(
        self,
        sheet: WriteOnlyWorksheet,
        columns: Sequence[Col],
        *,
        title_lines: Sequence[str] = (),
        page_title: str = "",
        landscape: bool | None = None,
    ) -> None:
        self._sheet = sheet
        self.columns = tuple(columns)
        self._cells: list[tuple[str, float, str]] = []  # sheet columns: (header, width, kind)
        for col in self.columns:
            if col.kind in ("date", "datetime"):
                self._cells += [(col.header, col.width, "j" + col.kind),
                                (f"{col.header} (میلادی)", 16 if col.kind == "datetime" else 12,
                                 "g" + col.kind)]
            else:
                self._cells.append((col.header, col.width, col.kind))
        self.headers = [header for header, _, _ in self._cells]
        self.rows = 0
        self._validations: list[tuple[int, DataValidation]] = []
        sheet.sheet_view.rightToLeft = True
        last = get_column_letter(max(1, len(self._cells)))
        hidden = {col.header for col in self.columns if col.hidden}
        for index, (header, width, _) in enumerate(self._cells, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
            if header in hidden:
                sheet.column_dimensions[get_column_letter(index)].hidden = True
        # the view and page set-up are written with the sheet's first row: set them first
        self.header_row = len(title_lines) + 1
        sheet.freeze_panes = f"A{self.header_row + 1}"
        self._print_setup(page_title, landscape)
        row = 1
        for number, line in enumerate(title_lines):
            cell = WriteOnlyCell(sheet, value=clean_text(line))
            cell.data_type = "s"
            cell.font = _TITLE_FONT if number == 0 else Font(bold=False)
            cell.alignment = _TITLE_ALIGN
            sheet.row_dimensions[row].height = 20 if number == 0 else 16
            sheet.append([cell])
            if len(self._cells) > 1:
                sheet.merged_cells.add(f"A{row}:{last}{row}")
            row += 1
        lines = max((_line_count(h, w) for h, w, _ in self._cells), default=1)
        sheet.row_dimensions[self.header_row].height = self.ROW_HEIGHT * lines + 4
        sheet.append([self._header_cell(h) for h in self.headers])

    def _print_setup(self, page_title: str, landscape: bool | None) -> None:
        """A4, landscape when wide, fitted to the page width, header row on every page."""
        sheet = self._sheet
        wide = sum(width for _, width, _ in self._cells) > 110
        setup = sheet.page_setup
        setup.paperSize = 9  # A4
        setup.orientation = "landscape" if (wide if landscape is None else landscape) else "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0  # as many pages down as needed
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_title_rows = f"{self.header_row}:{self.header_row}"
        sheet.print_options.gridLines = True
        margins = sheet.page_margins  # inches; the page header and footer sit in the top/bottom margin
        margins.left = margins.right = 0.4
        margins.top = margins.bottom = 0.8
        margins.header = margins.footer = 0.3
        if page_title:
            sheet.oddHeader.center.text = page_title.replace("&", "&&")
        sheet.oddFooter.center.text = "صفحه &P از &N"

    def _header_cell(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet, value=clean_text(text))
        cell.data_type = "s"
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        return cell

    def cell(self, value: Any, kind: Kind) -> Any:
        """A cell of ``kind`` for a column whose rows differ (a value that is a percent in one
        row and a count in the next); ``append`` takes it as it is."""
        return self._cell(value, kind)

    def _cell(self, value: Any, kind: str) -> Any:
        sheet = self._sheet
        if isinstance(value, Cell):
            return value
        if kind in ("count", "number", "percent", "progress"):
            return _number_cell(sheet, value, kind)
        if kind in ("jdate", "jdatetime"):
            if not isinstance(value, _dt.date):
                return None if value is None else text_cell(sheet, value)
            text = format_datetime(value) if kind == "jdatetime" and isinstance(value, _dt.datetime) \
                else format_date(value)
            return text
        if kind in ("gdate", "gdatetime"):
            return _date_cell(sheet, value, kind == "gdatetime")
        if value is None:
            return None
        if kind == "bool":
            return "بله" if value else "خیر"
        if kind == "id":
            return text_cell(sheet, to_persian_digits(str(value)), _TOP)
        if kind == "key":
            return text_cell(sheet, value, _TOP)
        if kind == "wrap":
            return text_cell(sheet, value, _WRAP)
        if kind == "auto" and not isinstance(value, str):
            if isinstance(value, int | float) and not isinstance(value, bool):
                return _number_cell(sheet, value, "count" if isinstance(value, int) else "number")
            value = excel_value(value)
            if not isinstance(value, str):
                return value
        return text_cell(sheet, value)

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        """Append every row, in order."""
        for row in rows:
            self.append(row)

    def append(self, row: Sequence[Any]) -> None:
        """Add one data row, one value per ``Col`` (a date fills its two cells)."""
        values: list[Any] = []
        for col, value in zip(self.columns, list(row) + [None] * (len(self.columns) - len(row)),
                              strict=False):
            values.append(value)
            if col.kind in ("date", "datetime"):
                values.append(value)
        lines = 1
        cells = []
        for value, (_, width, kind) in zip(values, self._cells, strict=False):
            cells.append(self._cell(value, kind))
            if kind == "wrap" and value:
                lines = max(lines, _line_count(str(value), width))
        number = self.header_row + self.rows + 1
        if lines > 1:
            self._sheet.row_dimensions[number].height = min(409.0, self.ROW_HEIGHT * lines + 2)
        self._sheet.append(cells)
        self.rows += 1

    def choices(self, header: str, options: Sequence[str], *, allow_blank: bool = True) -> None:
        """A drop-down list (data validation) on every data cell of column ``header``."""
        column = self.headers.index(header) + 1
        listed = ",".join(o.replace(",", " ").replace('"', "") for o in options)
        validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=allow_blank,
                                    showDropDown=False, showErrorMessage=True, errorStyle="stop")
        validation.errorTitle = "مقدار نادرست"
        validation.error = "یکی از گزینه‌های فهرست را برگزینید: " + "، ".join(options)
        validation.promptTitle = header
        validation.prompt = "از فهرست برگزینید"
        validation.showInputMessage = True
        self._validations.append((column, validation))

    def finish(self) -> None:
        """Set the auto-filter and the drop-downs over the data rows (known only at the end)."""
        if not self._cells:
            return
        first, last_row = self.header_row, self.header_row + max(self.rows, 1)
        self._sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(self._cells))}{self.header_row + self.rows}"
        for column, validation in self._validations:
            letter = get_column_letter(column)
            validation.add(f"{letter}{first + 1}:{letter}{last_row}")
            self._sheet.data_validations.append(validation)



# What to do when the file cannot be written (atomic.write_failed says where and why).
_EXCEL_ADVICE = (
    "اگر در اکسل باز است آن را ببندید، "
    "یا پوشهٔ دیگری برگزینید."
)

class RtlWorkbook:
    """A write-only workbook of right-to-left sheets, saved atomically once.

    ``heading`` and ``fields`` («اداره», «دوره» …) make the title rows of every sheet, with the
    export date (Jalali) after the fields; ``title_rows=False`` puts them in the printed page
    header only and starts each sheet with its header row (a workbook that is imported back).

    >>> book = RtlWorkbook("گزارش", [("اداره", "تهران")])
    >>> sheet = book.add_sheet("خلاصه", [Col("اداره", 30, "text"), Col("تعداد", 12, "count")])
    >>> sheet.append(["تهران", 12])
    >>> book.save(path)  # doctest: +SKIP
    """

    def __init__(
        self,
        heading: str = "",
        fields: Sequence[tuple[str, Any]] = (),
        *,
        exported_at: _dt.datetime | None = None,
        title_rows: bool = True,
    ) -> None:
        self._book = Workbook(write_only=True)
        self._writers: list[SheetWriter] = []
        self._titles: list[str] = []
        self.heading = heading
        self.title_rows = title_rows
        shown = [f"{key}: {excel_value(value) if value not in (None, '') else '—'}" for key, value in fields]
        shown.append(f"تاریخ خروجی: {format_datetime(exported_at or _dt.datetime.now())}")
        self.fields_line = "    ".join(shown)

    def add_sheet(
        self,
        title: str,
        columns: Sequence[Col | str],
        widths: Sequence[float] | None = None,
        *,
        landscape: bool | None = None,
    ) -> SheetWriter:
        """A new sheet (title made valid and unique) with its title and header rows written.

        ``columns`` are ``Col``s; plain header strings (with ``widths``) are ``auto`` columns.
        """
        clean = sanitize_sheet_title(title, self._titles)
        self._titles.append(clean)
        cols = [c if isinstance(c, Col) else Col(c, (widths[i] if widths and i < len(widths) else 14.0))
                for i, c in enumerate(columns)]
        heading = self.heading or title
        lines = [heading, self.fields_line] if self.title_rows else []
        page_title = f"{heading} — {self.fields_line}" if self.heading else heading
        writer = SheetWriter(self._book.create_sheet(clean), cols, title_lines=lines,
                             page_title=page_title, landscape=landscape)
        self._writers.append(writer)
        return writer

    def _close_sheets(self) -> None:
        for sheet in self._book.worksheets:
            if not sheet.closed:
                sheet.close()

    @property
    def titles(self) -> list[str]:
        return list(self._titles)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write to a temporary file beside ``path`` then rename it, so no half file is left."""
        target = Path(path)
        if not self._writers:
            self.add_sheet("Sheet", [Col("")])
        for writer in self._writers:
            writer.finish()
        started = False
        try:
            with atomic.replacing(target, ".xlsx.tmp") as tmp:
                started = True
                _save_book(self._book, str(tmp))
        except OSError as exc:
            if not started:  # no temporary file: close the sheets so nothing is left dangling
                self._close_sheets()
            raise atomic.write_failed(target, exc, _EXCEL_ADVICE) from exc
        return target


def _save_book(book: Workbook, filename: str) -> None:
    """openpyxl's ``save_workbook``, but the ZIP is closed on failure too: on a full disk it
    was left to the garbage collector, whose second failing close printed a traceback."""
    archive = zipfile.ZipFile(filename, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    book.properties.modified = _dt.datetime.now(tz=_dt.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(book, archive).save()  # closes the archive when all went well
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            archive.close()  # fails again on a full disk, but marks the archive closed
        raise

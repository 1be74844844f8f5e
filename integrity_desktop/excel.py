"""Excel files the Persian way: right-to-left sheets for exports, a forgiving reader for imports.

Exports use openpyxl's write-only mode so that 100k-row exports stay in bounded memory; every
sheet reads right to left with a bold, frozen, filterable header.  Dates are written as Jalali
text (Excel knows no Jalali calendar); numbers stay numbers so that people can sum them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from integrity_desktop.errors import UserError
from integrity_desktop.jalali import format_date, format_datetime

MAX_TITLE = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DFE6EF")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


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


def excel_value(value: Any) -> Any:
    """What goes into a cell: Jalali text for dates, numbers and text unchanged, "" for None."""
    if type(value) is str:  # most cells; a register export calls this a million times
        return value
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    return value


class SheetWriter:
    """Appends rows to one right-to-left sheet of an ``RtlWorkbook``."""

    def __init__(
        self, sheet: WriteOnlyWorksheet, headers: Sequence[str], widths: Sequence[float] | None
    ) -> None:
        self._sheet = sheet
        self._columns = len(headers)
        self.rows = 0
        sheet.sheet_view.rightToLeft = True
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths or [], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.append([self._header_cell(h) for h in headers])

    def _header_cell(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet, value=text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        return cell

    def append(self, row: Sequence[Any]) -> None:
        """Add one data row, values in header order."""
        self._sheet.append([excel_value(v) for v in row])
        self.rows += 1

    def finish(self) -> None:
        """Set the auto-filter over the header and every data row (known only at the end)."""
        if self._columns:
            last = get_column_letter(self._columns)
            self._sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"


class RtlWorkbook:
    """A write-only workbook of right-to-left sheets, saved atomically once.

    >>> book = RtlWorkbook()
    >>> sheet = book.add_sheet("خلاصه", ["اداره", "تعداد"], [30, 12])
    >>> sheet.append(["تهران", 12])
    >>> book.save(path)  # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._book = Workbook(write_only=True)
        self._writers: list[SheetWriter] = []
        self._titles: list[str] = []

    def add_sheet(
        self, title: str, headers: Sequence[str], widths: Sequence[float] | None = None
    ) -> SheetWriter:
        """A new sheet (title made valid and unique) with its header row written."""
        clean = sanitize_sheet_title(title, self._titles)
        self._titles.append(clean)
        writer = SheetWriter(self._book.create_sheet(clean), headers, widths)
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
            self.add_sheet("Sheet", [])
        for writer in self._writers:
            writer.finish()
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx.tmp", dir=target.parent)
        except OSError as exc:
            self._close_sheets()  # so a retry can still save, and nothing is left dangling
            raise _write_error(target, exc) from exc
        os.close(fd)
        try:
            _save_book(self._book, tmp_name)
            os.replace(tmp_name, target)
        except OSError as exc:
            _remove_quietly(tmp_name)
            raise _write_error(target, exc) from exc
        except BaseException:
            _remove_quietly(tmp_name)
            raise
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


def read_rows(path: str | os.PathLike[str], sheet: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(row_number, {header: value})`` for each non-empty data row of ``sheet``.

    The first row holds the headers; ``row_number`` is Excel's (the first data row is 2), so
    an importer can say «ردیف ۷». Strings are stripped and empty cells are None.  ``sheet``
    None means the first sheet.  A missing or broken file or sheet raises ``UserError`` at
    once, before the first row is asked for.
    """
    target = Path(path)
    try:
        book = load_workbook(target, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UserError(
            f"فایل «{target.name}» یک فایل اکسل معتبر (‎.xlsx) نیست یا باز نمی‌شود.",
            f"{target} is not a readable .xlsx file: {exc}",
            code="bad_excel",
        ) from exc
    if sheet is not None and sheet not in book.sheetnames:
        book.close()
        raise UserError(
            f"برگهٔ «{sheet}» در فایل «{target.name}» نیست.",
            f"Sheet {sheet!r} is missing from {target}.",
            code="bad_excel",
        )
    return _records(book, book[sheet] if sheet is not None else book.worksheets[0])


def _records(book: Any, worksheet: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of ``worksheet`` as dicts by header; closes ``book`` when done."""
    try:
        rows = worksheet.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            return
        headers = [_clean(h) for h in header_row]
        for number, values in enumerate(rows, start=2):
            record = {str(h): _clean(v) for h, v in zip(headers, values, strict=False) if h is not None}
            if any(v is not None for v in record.values()):
                yield number, record
    finally:
        book.close()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(name)


def _write_error(target: Path, exc: OSError) -> UserError:
    return UserError(
        f"فایل «{target}» نوشته نشد ({exc.strerror or exc}). اگر در اکسل باز است آن را ببندید، "
        "یا پوشهٔ دیگری برگزینید.",
        f"Could not write {target}: {exc}",
        code="write_failed",
    )

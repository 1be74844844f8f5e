"""Excel files people fill in and give back: a forgiving reader, and the limits that keep a
hostile workbook from exhausting memory before a row is read (the importers in
``services.checklists.excel_import`` and ``services.rights.excel_import`` use both).
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError

# What openpyxl raises on a damaged or hostile file, while opening it or reading its rows:
# a broken ZIP or deflate stream, broken XML (ParseError is a SyntaxError), missing parts, and
# values of the wrong shape.  tests/test_fuzz.py feeds the importers random and mutated files.
# A damaged .xlsx surfaces as any of these (a flipped header byte can even be an "unsupported
# zip version" NotImplementedError); all of them mean "not a workbook we can read".
BROKEN_FILE = (InvalidFileException, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError,
                TypeError, IndexError, AttributeError, SyntaxError, OSError, NotImplementedError,
                struct.error, OverflowError)


def not_excel(path: Path, exc: Exception) -> UserError:
    return UserError(
        f"فایل «{path.name}» یک فایل اکسل معتبر (‎.xlsx) نیست یا باز نمی‌شود.",
        f"{path} is not a readable .xlsx file: {exc}",
        code="bad_excel",
    )


# Limits of a workbook to import, checked before its sheets are read (a 1.5 MB file can
# unpack to a 1.5 GB sheet) and again while rows stream in (by the importer).  The largest real workbook is a
# province's year: about 50 units x 138 indicators x 4 quarters = 27,600 rows of 11 cells.
MAX_ROWS = 100_000
MAX_CELLS = 2_000_000
MAX_UNPACKED = 256 << 20  # all parts of the workbook, uncompressed
MAX_SHARED_STRINGS = 64 << 20  # openpyxl holds this part in memory whole
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+:[A-Z]+(\d+)\"")


def too_big(path: Path, fa: str, en: str) -> UserError:
    return UserError(
        f"فایل «{path.name}» برای ورود بیش از اندازه بزرگ است: {fa} آن را به چند فایل کوچک‌تر "
        "(مثلاً یک فایل برای هر دوره) بشکنید.",
        f"{path} is too large to import: {en}",
        code="excel_too_large",
    )


def check_import_size(path: Path) -> None:
    """Refuse a workbook that unpacks too large, before openpyxl reads any of it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_UNPACKED:
                raise too_big(path, f"بازشدهٔ آن {to_persian_digits(str(unpacked >> 20))} مگابایت "
                               f"است (بیشینه {to_persian_digits(str(MAX_UNPACKED >> 20))}).",
                               f"{unpacked} bytes unpacked (limit {MAX_UNPACKED})")
            for info in infos:
                name = info.filename.lower()
                if name.endswith("sharedstrings.xml") and info.file_size > MAX_SHARED_STRINGS:
                    raise too_big(path, "متن‌های آن بیش از اندازه است.",
                                   f"shared strings of {info.file_size} bytes")
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with zf.open(info) as part:
                        head = part.read(4096)
                    match = _DIMENSION.search(head)
                    if match and int(match.group(1)) > MAX_ROWS + 1:
                        raise too_big(path, f"{to_persian_digits(match.group(1).decode())} ردیف "
                                       f"دارد (بیشینه {to_persian_digits(f'{MAX_ROWS:,}')}).",
                                       f"{match.group(1).decode()} rows (limit {MAX_ROWS})")
    except UserError:
        raise
    except BROKEN_FILE as exc:
        raise not_excel(path, exc) from exc




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
        raise not_excel(target, exc) from exc
    if sheet is not None and sheet not in book.sheetnames:
        book.close()
        raise UserError(
            f"برگهٔ «{sheet}» در فایل «{target.name}» نیست.",
            f"Sheet {sheet!r} is missing from {target}.",
            code="bad_excel",
        )
    return _records(book, book[sheet] if sheet is not None else book.worksheets[0])


def _records(book: Any, worksheet: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of ``worksheet`` as dicts by header; closes ``book`` when done.

    The header is the first row with two or more cells filled (title rows above it hold one
    merged cell); a sheet whose first rows all hold one cell has its header in row 1.
    """
    try:
        rows = worksheet.iter_rows(values_only=True)
        seen: list[tuple[Any, ...]] = []
        header_row = None
        for values in rows:
            seen.append(values)
            if sum(1 for v in values if clean_cell(v) is not None) >= 2 or len(seen) >= 10:
                break
        if not seen:
            return
        at = next((i for i, v in enumerate(seen) if sum(1 for x in v if clean_cell(x) is not None) >= 2), 0)
        header_row = seen[at]
        pending = seen[at + 1:]
        headers = [clean_cell(h) for h in header_row]

        def rest() -> Iterator[tuple[Any, ...]]:
            yield from pending
            yield from rows

        for number, values in enumerate(rest(), start=at + 2):
            record = {str(h): clean_cell(v) for h, v in zip(headers, values, strict=False) if h is not None}
            if any(v is not None for v in record.values()):
                yield number, record
    finally:
        book.close()


def clean_cell(value: Any) -> Any:
    """A cell's value as imports read it: text trimmed, and empty text no value at all."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


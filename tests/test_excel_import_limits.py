"""The checklist workbook import against hostile workbooks (issue 13, finding 7).

Before: a formula cell was read as empty and erased the stored answer (re-importing the app's
own export erased a note starting with «=»); 300,000 rows ended in a traceback (``too many SQL
variables``); a 1.5 MB zip-bomb workbook (1.5 GB sheet) took 1.6 GB of memory and was
accepted.  Workbooks here are written as raw SpreadsheetML (fast at any size), read back by
the real import.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.excel import reading as excel_reading
from integrity_desktop.reports import checklist_excel
from integrity_desktop.services.checklists import excel_import as checklist_import
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .checklist_helpers import digest
from .conftest import actor

INSPECTOR = actor("inspector")
ROOT = Path(__file__).resolve().parents[1]

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Q1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


# The columns the raw rows below fill, in their order (the import finds columns by label).
RAW_COLUMNS = ("id", "unit", "code", "title", "status", "progress", "value", "note")


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_raw_workbook(path: Path, rows: Iterable[list[str]], *, dimension: str | None = None,
                       level: int = 6) -> Path:
    """A minimal .xlsx: one sheet, a header of the import's columns, then ``rows``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="'
                        b'http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            header = "".join(_cell(f"{chr(65 + i)}1", checklist_import.HEADER[key])
                             for i, key in enumerate(RAW_COLUMNS))
            sheet.write(f'<row r="1">{header}</row>'.encode())
            batch: list[str] = []
            for n, values in enumerate(rows, start=2):
                cells = "".join(_cell(f"{chr(65 + i)}{n}", v) for i, v in enumerate(values))
                batch.append(f'<row r="{n}">{cells}</row>')
                if len(batch) >= 5000:
                    sheet.write("".join(batch).encode())
                    batch.clear()
            sheet.write("".join(batch).encode())
            sheet.write(b"</sheetData></worksheet>")
    return path


def _fake_rows(n: int) -> Iterator[list[str]]:
    for i in range(n):
        yield [f"00000000-0000-4000-8000-{i:012d}", "واحد", "۱/۱", "عنوان", "", "", "", ""]


@pytest.fixture
def exported(store: Store, tmp_path: Path) -> tuple[Store, Path, str]:
    q1 = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None, "1403-Q1")
    entry = checklists.get_checklist(store, INSPECTOR, q1.id).entries[0]
    checklists.save_entry(store, INSPECTOR, entry.id, status="partial", progress=30,
                          note="=ارزیابی با هیئت؛ نه فرمول")
    out = checklist_excel.export_workbook(store, INSPECTOR, tmp_path / "q1.xlsx")
    return store, out.path, entry.id


def test_a_formula_cell_is_refused_with_its_address(exported: tuple[Store, Path, str]) -> None:
    store, path, entry_id = exported
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    note_col = headers.index("یادداشت") + 1
    id_col = get_column_letter(headers.index("شناسه") + 1)
    row = next(c.row for c in sheet[id_col] if c.value == entry_id)
    sheet.cell(row=row, column=note_col, value="=1+1")  # openpyxl writes a real formula
    sheet.cell(row=row + 1, column=headers.index("درصد پیشرفت") + 1, value="=HYPERLINK(\"x\")")
    book.save(path)
    before = digest(store)
    summary = checklist_import.import_workbook(store, INSPECTOR, path)
    assert not summary.applied and digest(store) == before
    formula = [p for p in summary.problems if "فرمول" in p.fa]
    letter = openpyxl.utils.get_column_letter(note_col)
    assert {p.cell for p in formula} >= {f"{letter}{row}"}
    assert len(formula) == 2
    assert checklists.get_entry(store, INSPECTOR, entry_id).note == "=ارزیابی با هیئت؛ نه فرمول"


def test_the_apps_own_export_never_erases_a_note_starting_with_equals(
    exported: tuple[Store, Path, str],
) -> None:
    store, path, entry_id = exported
    summary = checklist_import.import_workbook(store, INSPECTOR, path)
    # Refused with the cell named (while the writer writes such a note as a formula), or
    # imported unchanged: never read as empty.
    assert summary.applied or any("فرمول" in p.fa for p in summary.problems)
    assert checklists.get_entry(store, INSPECTOR, entry_id).note == "=ارزیابی با هیئت؛ نه فرمول"


def test_too_many_rows_are_refused_with_a_message(store: Store, tmp_path: Path) -> None:
    before = digest(store)
    declared = write_raw_workbook(tmp_path / "declared.xlsx", _fake_rows(10),
                                  dimension="A1:H300001")
    with pytest.raises(UserError) as err:
        checklist_import.import_workbook(store, INSPECTOR, declared)
    assert err.value.code == "excel_too_large" and "ردیف" in err.value.fa
    hidden = write_raw_workbook(tmp_path / "300k.xlsx", _fake_rows(300_000))  # no dimension
    with pytest.raises(UserError) as err:
        checklist_import.import_workbook(store, INSPECTOR, hidden)
    assert err.value.code == "excel_too_large"
    assert digest(store) == before


def test_many_rows_within_the_limit_need_no_more_sql_variables_than_allowed(
    store: Store, tmp_path: Path
) -> None:
    # SQLite's default limit of bound variables is 32,766 (SQLCipher's build here allows 250,000
    # and has no setlimit): the import must not depend on a generous build, so no statement it
    # runs may bind more than the default allows.
    from sqlalchemy import event

    widest: list[int] = [0]

    def count(_conn: object, _cursor: object, _statement: str, parameters: object,
              _context: object, executemany: bool) -> None:
        rows = parameters if executemany and isinstance(parameters, list | tuple) else [parameters]
        for row in rows:
            if isinstance(row, list | tuple | dict):
                widest[0] = max(widest[0], len(row))

    event.listen(store.engine, "before_cursor_execute", count)
    path = write_raw_workbook(tmp_path / "40k.xlsx", _fake_rows(40_000))
    summary = checklist_import.import_workbook(store, INSPECTOR, path)
    assert not summary.applied and len(summary.problems) == 40_000
    assert 0 < widest[0] <= 32_766, widest
    assert summary.problems[0].cell == "A2"


_MEASURE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from integrity_desktop.db.store import open_store
    from integrity_desktop.errors import UserError
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.checklists.excel_import import import_workbook
    from integrity_desktop.services.accounts.unlock import unlock
    unlock(sys.argv[1], "admin", "admin-password-1")  # the store is encrypted: a sign-in opens it
    store = open_store(sys.argv[1])
    outcome = "imported"
    try:
        summary = import_workbook(store, Actor("i", "inspector", "tehran"), Path(sys.argv[2]),
                                  dry_run=True)
        outcome = f"problems:{len(summary.problems)}"
    except UserError as exc:
        outcome = exc.code
    # VmHWM: this process's own peak (ru_maxrss would carry the forking parent's over exec)
    status = Path("/proc/self/status").read_text()
    peak = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:"))) // 1024
    print(json.dumps({"outcome": outcome, "peak_mb": peak}))
""")


def _measure(store: Store, path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _MEASURE, store.location, str(path)],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(store: Store, tmp_path: Path) -> None:
    """A small file whose sheet unpacks past the limit (and no dimension to warn of it)."""
    def padding() -> Iterator[list[str]]:
        filler = "ب" * 9000
        for i in range(16_000):  # 280 MB of sheet in under a megabyte
            yield [f"x{i}", filler, "", "", "", "", "", ""]

    bomb = write_raw_workbook(tmp_path / "bomb.xlsx", padding(), level=9)
    unpacked = sum(i.file_size for i in zipfile.ZipFile(bomb).infolist())
    assert bomb.stat().st_size < 1 << 20 and unpacked > excel_reading.MAX_UNPACKED
    store.dispose()
    result = _measure(store, bomb)
    print(f"\nzip bomb: {bomb.stat().st_size} bytes packed, {unpacked >> 20} MB unpacked: "
          f"{result}")
    assert result["outcome"] == "excel_too_large"
    assert int(str(result["peak_mb"])) < 300  # reading the sheet took 1.6 GB before

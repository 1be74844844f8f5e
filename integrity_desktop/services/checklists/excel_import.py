"""Checklists back from Excel: a workbook exported by ``reports.checklist_excel``, filled offline.

The whole workbook is checked first with the editor's own validators; every problem is listed
with its sheet and cell; nothing is written unless the whole file is valid, then every row is
applied in one transaction.  The sheet starts with its header row (no title rows) so that a
file exported before still imports.  Columns are found by their Persian header, so their
order may change; the export writes them from ``COLUMNS`` here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from integrity_desktop.db.models import Checklist, ChecklistEntry, TemplateItem
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.excel.reading import (
    BROKEN_FILE,
    MAX_CELLS,
    MAX_ROWS,
    check_import_size,
    clean_cell,
    not_excel,
    too_big,
)
from integrity_desktop.indicators import REFORM_PREFIX, REFORM_PREFIX_FA, display_code, shown
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.checklists import entry_rules
from integrity_desktop.services.checklists import filled as checklists

# (key, Persian header, width); the import finds columns by header, so order may change.
# The id comes last (and hidden): people read the unit and the indicator first.
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("unit", "واحد", 26),
    ("code", "کد شاخص", 9),
    ("title", "عنوان شاخص", 55),
    ("status", "وضعیت", 16),
    ("progress", "درصد پیشرفت", 11),
    ("value", "مقدار", 10),
    ("note", "یادداشت", 40),
    ("computed", "محاسبه‌شده", 11),
    ("changed", "آخرین تغییر", 12),
    ("measure", "سنجه", 30),
    ("target", "هدف", 16),
    ("achievement", "دستیابی", 22),
    ("since_approval", "تغییر پس از تأیید", 22),
    ("id", "شناسه", 38),
)
HEADER = {key: label for key, label, _ in COLUMNS}
EDITABLE = ("status", "progress", "value", "note")


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str  # e.g. "D7"
    fa: str
    en: str

    @property
    def message_fa(self) -> str:
        return f"برگهٔ «{self.sheet}» خانهٔ {self.cell}: {self.fa}"

    @property
    def message_en(self) -> str:
        return f"sheet {self.sheet!r} cell {self.cell}: {self.en}"


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    updated: int
    unchanged: int
    problems: tuple[Problem, ...]
    applied: bool  # False when refused (problems) or a dry run




@dataclass(frozen=True)
class _Row:
    sheet: str
    number: int
    values: dict[str, Any]  # by column key
    letters: dict[str, str]  # column key -> letter

    def cell(self, key: str) -> str:
        return f"{self.letters.get(key, 'A')}{self.number}"


def _read(path: Path) -> tuple[list[_Row], list[Problem]]:
    check_import_size(path)
    # We own the file handle: openpyxl leaves its ZIP open when a damaged workbook fails half-way.
    try:
        with path.open("rb") as fh:
            return _read_open(path, fh)
    except OSError as exc:
        raise not_excel(path, exc) from exc


def _read_open(path: Path, fh: Any) -> tuple[list[_Row], list[Problem]]:
    try:
        # Not data_only: a formula must be seen as one (its cached value, or none, would be
        # taken for what a person typed and could erase a stored answer).
        book = load_workbook(fh, read_only=True, data_only=False)
    except BROKEN_FILE as exc:
        raise not_excel(path, exc) from exc
    rows: list[_Row] = []
    problems: list[Problem] = []
    by_label = {label: key for key, label, _ in COLUMNS}
    seen_rows = seen_cells = 0
    try:
        for sheet in book.worksheets:
            it = sheet.iter_rows()
            first = next(it, None)
            if first is None:
                continue
            header = [c.value for c in first]
            letters = {by_label[str(h).strip()]: get_column_letter(i)
                       for i, h in enumerate(header, start=1) if h is not None and str(h).strip() in by_label}
            positions = {by_label[str(h).strip()]: i
                         for i, h in enumerate(header) if h is not None and str(h).strip() in by_label}
            if "id" not in positions:
                problems.append(Problem(sheet.title, "A1", f"ستون «{HEADER['id']}» در این برگه نیست؛ "
                                        "برگه را همان‌گونه که بیرون آمده بود نگه دارید.",
                                        "the id column is missing"))
                continue
            for number, cells in enumerate(it, start=2):
                seen_rows += 1
                seen_cells += len(cells)
                if seen_rows > MAX_ROWS or seen_cells > MAX_CELLS:
                    raise too_big(path, f"بیش از {to_persian_digits(f'{MAX_ROWS:,}')} ردیف یا "
                                   f"{to_persian_digits(f'{MAX_CELLS:,}')} خانه دارد.",
                                   f"more than {MAX_ROWS} rows or {MAX_CELLS} cells")
                for cell in cells:
                    if getattr(cell, "data_type", "") == "f":
                        column = getattr(cell, "column_letter", None) or get_column_letter(
                            getattr(cell, "column", 1) or 1)
                        problems.append(Problem(
                            sheet.title, f"{column}{number}",
                            "این خانه فرمول دارد و فرمول پذیرفته نیست؛ به جای آن خودِ مقدار را "
                            "بنویسید (اگر متن با «=» آغاز می‌شود، پیش از آن یک ' بگذارید).",
                            "a formula is not accepted; type the value itself"))
                values = [c.value for c in cells]
                record = {key: clean_cell(values[i]) if i < len(values) else None for key, i in positions.items()}
                if any(v is not None for v in record.values()):
                    rows.append(_Row(sheet.title, number, record, letters))
    except UserError:
        raise
    except BROKEN_FILE as exc:
        raise not_excel(path, exc) from exc
    finally:
        book.close()
    return rows, problems


_ID_CHUNK = 500


def _chunked(s: Any, model: Any, ids: Any) -> list[Any]:
    wanted = sorted({str(i) for i in ids})
    out: list[Any] = []
    for start in range(0, len(wanted), _ID_CHUNK):
        out.extend(s.scalars(select(model).where(model.id.in_(wanted[start:start + _ID_CHUNK]))))
    return out


def _code_key(code: Any) -> str:
    """An indicator code compared in one form: «اصلاح ۶/۱», «R۶/۱» and «R6/1» are the same."""
    text = to_ascii_digits(str(code)).replace(REFORM_PREFIX_FA, REFORM_PREFIX)
    return "".join(text.split())


def _same(a: Any, b: Any) -> bool:
    return a == b or (a in (None, "") and b in (None, ""))


def import_workbook(
    store: Store, actor: Actor, path: str | os.PathLike[str], *, dry_run: bool = False
) -> ImportSummary:
    """Check the whole workbook, then (unless ``dry_run`` or any problem) apply it at once."""
    require(actor, "checklists.edit")
    rows, problems = _read(Path(path))
    changes: dict[str, dict[str, Any]] = {}
    unchanged = 0
    with store.read() as s:
        ids = [str(r.values["id"]) for r in rows if r.values.get("id") is not None]
        # In chunks: SQLite refuses more than a few thousand variables in one statement.
        entries = {e.id: e for e in _chunked(s, ChecklistEntry, ids)}
        items = {i.id: i for i in _chunked(s, TemplateItem, {e.item_id for e in entries.values()})}
        lists = {c.id: c for c in _chunked(s, Checklist, {e.checklist_id for e in entries.values()})}
        seen: dict[str, str] = {}
        for row in rows:
            def problem(key: str, fa: str, en: str, row: _Row = row) -> None:
                problems.append(Problem(row.sheet, row.cell(key), fa, en))

            entry_id = row.values.get("id")
            entry = entries.get(str(entry_id)) if entry_id is not None else None
            if entry is None or entry.deleted or lists[entry.checklist_id].deleted:
                problem("id", "این ردیف با هیچ شاخصِ چک‌لیستی در این پایگاه داده جور نیست؛ شناسه را "
                        "تغییر ندهید و ردیف تازه نیفزایید.", f"unknown entry id {entry_id!r}")
                continue
            if str(entry_id) in seen:
                problem("id", f"این شاخص در ردیف {to_persian_digits(seen[str(entry_id)])} هم آمده است.",
                        "duplicate row")
                continue
            seen[str(entry_id)] = str(row.number)
            item = items[entry.item_id]
            code = row.values.get("code")
            # the export writes codes as people read them (Persian digits, «اصلاح ۶/۱»); any
            # digit form, and the stored «R6/1», is the same code
            if "code" in row.values and code is not None and _code_key(code) != _code_key(item.code):
                problem("code", f"کد شاخص باید «{display_code(item.code)}» باشد؛ کد را تغییر ندهید.",
                        f"indicator code must stay {item.code}")
                continue
            fields: dict[str, Any] = {}
            for key in EDITABLE:
                if key not in row.values:
                    continue
                raw = row.values[key]
                try:
                    if key == "status":
                        fields[key] = entry_rules.status(raw)
                    elif key == "progress":
                        fields[key] = entry_rules.progress(raw)
                    elif key == "value":
                        fields[key] = checklists.import_value(s, entry, raw)
                    else:
                        fields[key] = entry_rules.note(raw)
                except UserError as exc:
                    problem(key, exc.fa, exc.en)
            current = {"status": entry.status, "progress": entry.progress, "value": entry.value,
                       "note": entry.note}
            diff = {k: v for k, v in fields.items() if not _same(current[k], v)}
            # the export wrote the value rounded by the one rule: that rounding is not an edit
            if "value" in diff and isinstance(entry.value, float) and \
                    diff["value"] == shown(item.definition, entry.value):
                del diff["value"]
            if diff and lists[entry.checklist_id].status == "approved":
                problem("id", "این چک‌لیست تأیید شده و قفل است؛ ردیف‌های آن را تغییر ندهید.",
                        "the checklist is approved and locked")
                continue
            if diff:
                changes[entry.id] = diff
            else:
                unchanged += 1
    if problems or dry_run:
        return ImportSummary(len(rows), len(changes), unchanged, tuple(problems), applied=False)
    with store.session() as s:
        touched: set[str] = set()
        for entry_id, fields in changes.items():
            entry = s.get(ChecklistEntry, entry_id)
            assert entry is not None
            checklists.apply_in(s, store, actor, entry, fields)
            touched.add(entry.checklist_id)
        for checklist_id in sorted(touched):
            checklist = s.get(Checklist, checklist_id)
            assert checklist is not None
            checklists.refresh_checklist(s, store, actor, checklist)
    return ImportSummary(len(rows), len(changes), unchanged, (), applied=True)

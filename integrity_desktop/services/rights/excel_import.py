"""Complaints from a spreadsheet: many offices already keep them in Excel.

The import reads the same columns the complaint register exports (``rights_reports``), so a
register exported, extended in Excel and imported again works.  Nothing is written unless the
whole file is valid: every row is validated first (the same rules as the entry screen) and every
problem is listed with its row; then all rows are written in one transaction.  A row whose
channel, tracking number and received date match a complaint already in the register updates it
(an answer added in the spreadsheet), so importing the same file twice adds nothing twice; a
«محرمانه» cell (an export made by a role without the right) keeps the stored value.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from integrity_desktop import jalali
from integrity_desktop.db.models import Complaint, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.excel.reading import MAX_ROWS, check_import_size, read_rows
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.rights import complaints as cm
from integrity_desktop.services.store import records
from integrity_desktop.textnorm import normalize_for_search

# header -> ComplaintInput field (the exported register's headers)
COLUMNS: dict[str, str] = {
    "نوع": "kind", "تاریخ دریافت": "received_on", "مجرا": "channel", "شمارهٔ پیگیری": "tracking_number",
    "واحد": "unit", "موضوع": "category", "نام متقاضی": "person_name", "تماس": "person_contact",
    "شرح": "subject", "مهلت پاسخ": "due_on", "تاریخ پاسخ": "answered_on", "نتیجه": "outcome",
    "ارجاع به": "referred_to", "رضایت": "satisfaction",
}
REQUIRED = ("تاریخ دریافت", "مجرا", "موضوع")
MAX_PROBLEMS = 200


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _day(value: Any) -> _dt.date | str | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = _text(value)
    return text or None


def _satisfaction(value: Any) -> int | None:
    text = _text(value)
    if not text:
        return None
    by_label = {normalize_for_search(v): k for k, v in cm.SATISFACTION.items()}
    if normalize_for_search(text) in by_label:
        return by_label[normalize_for_search(text)]
    try:
        return int(to_ascii_digits(text))
    except ValueError:
        return 0  # refused by validation with its message


def import_complaints(store: Store, actor: Actor, path: str | Path, *, today: _dt.date | None = None,
                      dry_run: bool = False) -> ImportResult:
    """Validate every row, then write them all (or nothing: ``UserError`` listing each problem)."""
    require(actor, "complaints.edit")
    target = Path(path)
    check_import_size(target)
    today = today or jalali.today()
    period = cm.answer_days(store)
    result = ImportResult()
    with store.session() as s:
        units = {normalize_for_search(name): uid for uid, name in s.execute(
            select(Unit.id, Unit.name_fa).where(Unit.deleted.is_(False)))}
        existing = {(c, normalize_for_search(t), d): cid for cid, c, t, d in s.execute(select(
            Complaint.id, Complaint.channel, Complaint.tracking_number, Complaint.received_on).where(
            Complaint.office_code == actor.office_code, Complaint.deleted.is_(False),
            Complaint.tracking_number != ""))}
        planned: list[tuple[str | None, dict[str, Any]]] = []
        seen_header = False
        for number, row in read_rows(target):
            if number > MAX_ROWS + 1:
                raise UserError(f"فایل بیش از {to_persian_digits(f'{MAX_ROWS:,}')} ردیف دارد؛ آن را بشکنید.",
                                f"More than {MAX_ROWS} rows.", code="excel_too_large")
            if not seen_header:
                missing = [h for h in REQUIRED if h not in row]
                if missing:
                    raise UserError(
                        "این فایل ستون‌های دفتر شکایات را ندارد: " + "، ".join(f"«{h}»" for h in missing)
                        + ". سرستون‌ها را مانند خروجی اکسل دفتر شکایات بنویسید.",
                        f"Missing columns: {missing}", code="complaint_import_columns")
                seen_header = True
            values = {key: row.get(header) for header, key in COLUMNS.items()}
            unit_name = _text(values.pop("unit"))
            try:
                unit_id = None
                if unit_name:
                    unit_id = units.get(normalize_for_search(unit_name))
                    if unit_id is None:
                        raise UserError(f"واحد «{unit_name}» در فهرست واحدهای این اداره نیست.",
                                        f"Unknown unit {unit_name!r}.", code="complaint_unit")
                data = cm.ComplaintInput(
                    received_on=_day(values["received_on"]), channel=_text(values["channel"]),
                    category=_text(values["category"]), kind=_text(values["kind"]) or "complaint",
                    unit_id=unit_id, tracking_number=_text(values["tracking_number"]),
                    person_name=_text(values["person_name"]), person_contact=_text(values["person_contact"]),
                    subject=_text(values["subject"]), due_on=_day(values["due_on"]),
                    answered_on=_day(values["answered_on"]), outcome=_text(values["outcome"]) or None,
                    referred_to=_text(values["referred_to"]), satisfaction=_satisfaction(values["satisfaction"]),
                )
                clean = cm.validate(s, data, today=today, answer_period=period)
            except UserError as e:
                result.problems.append(f"ردیف {to_persian_digits(str(number))}: {e.fa}")
                if len(result.problems) >= MAX_PROBLEMS:
                    break
                continue
            key = (clean["channel"], normalize_for_search(clean["tracking_number"]), clean["received_on"])
            planned.append((existing.get(key) if clean["tracking_number"] else None, clean))
        if not seen_header:
            raise UserError("فایل هیچ ردیفی ندارد.", "The file has no rows.", code="complaint_import_empty")
        if result.problems:
            shown = "\n".join(result.problems[:20])
            more = len(result.problems) - 20
            raise UserError(
                f"هیچ شکایتی ثبت نشد؛ این ردیف‌ها را درست کنید و دوباره وارد کنید:\n{shown}"
                + (f"\n… و {to_persian_digits(str(more))} ردیف دیگر" if more > 0 else ""),
                f"Nothing imported: {len(result.problems)} rows have problems.", code="complaint_import_invalid")
        for cid, clean in planned:
            if cid is None:
                records.add(s, store, actor, Complaint(**clean))
                result.created += 1
                continue
            stored = s.get(Complaint, cid)
            assert stored is not None
            clean["answer_note"] = stored.answer_note  # not a column of the file
            for personal in ("person_name", "person_contact", "subject"):
                if clean[personal] == cm.CONFIDENTIAL:
                    clean[personal] = getattr(stored, personal)
            clean.update(cm.search_texts(clean["tracking_number"], clean["category"], clean["person_name"],
                                         clean["person_contact"], clean["subject"]))
            if records.update(s, store, actor, stored, **clean):
                result.updated += 1
            else:
                result.unchanged += 1
        if dry_run:
            s.rollback()
    return result

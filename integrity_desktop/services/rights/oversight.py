"""Correspondence with oversight bodies (axis 16): a letter in and this office's answer out.

16/2-16/8 are computed from it (``services.rights.figures``): letters of a body received in the
period that were answered by their due date, as a percent of all its letters of the period."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import OversightLetter
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store import records

# body code -> (Persian name, indicator it is measured by)
BODIES: dict[str, tuple[str, str]] = {
    "gio": ("سازمان بازرسی کل کشور", "16/2"),
    "audit_court": ("دیوان محاسبات کشور", "16/3"),
    "justice_court": ("دیوان عدالت اداری", "16/4"),
    "plan_budget": ("سازمان برنامه و بودجه", "16/5"),
    "parliament": ("معاونت نظارت و کمیسیون‌های مجلس", "16/6"),
    "aeo": ("سازمان اداری و استخدامی کشور", "16/7"),
    "president": ("نهاد ریاست جمهوری", "16/8"),
}
STATUSES: dict[str, str] = {"open": "در جریان", "answered": "پاسخ داده شد", "closed": "بایگانی (بی‌نیاز از پاسخ)"}
DEFAULT_DAYS = 15


@dataclass(frozen=True)
class LetterInput:
    body: str
    in_number: str
    in_date: _dt.date | str | None
    subject: str = ""
    due_on: _dt.date | str | None = None  # default: 15 days after the letter
    out_number: str = ""
    out_date: _dt.date | str | None = None
    status: str | None = None  # default: answered when there is an answer date, else open


def _err(fa: str, en: str, code: str = "oversight_invalid") -> UserError:
    return UserError(fa, en, code=code)


def _day(value: _dt.date | str | None, label_fa: str) -> _dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day = jalali.parse_date(value) if isinstance(value, str) else value
    if isinstance(day, _dt.datetime):
        day = day.date()
    if not isinstance(day, _dt.date):
        raise _err(f"{label_fa} تاریخ درستی نیست.", f"{label_fa}: not a date.", "invalid_date")
    return day


def validate(data: LetterInput, *, today: _dt.date) -> dict[str, Any]:
    body = (data.body or "").strip()
    if body not in BODIES:
        body = {name: code for code, (name, _) in BODIES.items()}.get(body, "")
    if not body:
        raise _err("مرجع نظارتی را از فهرست برگزینید: " + "، ".join(n for n, _ in BODIES.values()) + ".",
                   "Unknown oversight body.")
    number = " ".join((data.in_number or "").split())
    if not number or len(number) > 60:
        raise _err("شمارهٔ نامهٔ رسیده را (تا ۶۰ نویسه) بنویسید.", "The letter number is required (60 characters).")
    received = _day(data.in_date, "تاریخ نامهٔ رسیده")
    if received is None:
        raise _err("تاریخ نامهٔ رسیده را بنویسید.", "The letter date is required.")
    if received > today:
        raise _err(f"تاریخ نامهٔ رسیده ({jalali.format_date(received)}) در آینده است.", "Letter date in the future.")
    due = _day(data.due_on, "مهلت پاسخ") or received + _dt.timedelta(days=DEFAULT_DAYS)
    if due < received:
        raise _err("مهلت پاسخ پیش از تاریخ نامه است؛ آن را درست کنید.", "Due date before the letter.")
    out_date = _day(data.out_date, "تاریخ پاسخ")
    out_number = " ".join((data.out_number or "").split())
    if len(out_number) > 60:
        raise _err("شمارهٔ نامهٔ پاسخ بیش از ۶۰ نویسه است.", "Answer number too long.")
    if out_date is not None:
        if out_date < received:
            raise _err("تاریخ پاسخ پیش از تاریخ نامهٔ رسیده است؛ آن را درست کنید.", "Answer before the letter.")
        if out_date > today:
            raise _err(f"تاریخ پاسخ ({jalali.format_date(out_date)}) در آینده است.", "Answer date in the future.")
        if not out_number:
            raise _err("شمارهٔ نامهٔ پاسخ را بنویسید.", "The answer number is required with its date.")
    status = data.status or ("answered" if out_date else "open")
    if status not in STATUSES:
        status = {v: k for k, v in STATUSES.items()}.get(status, "")
    if not status:
        raise _err("وضعیت نامه را از فهرست برگزینید.", "Unknown status.")
    if status == "answered" and out_date is None:
        raise _err("برای نامهٔ پاسخ‌داده، تاریخ و شمارهٔ پاسخ را بنویسید.", "An answered letter needs its answer date.")
    subject = (data.subject or "").strip()
    if len(subject) > 4000:
        raise _err("موضوع نامه بیش از ۴۰۰۰ نویسه است؛ آن را کوتاه کنید.", "Subject too long.")
    return {"body": body, "in_number": number, "in_date": received, "subject": subject, "due_on": due,
            "out_number": out_number, "out_date": out_date, "status": status}


def _load(s: Session, actor: Actor, letter_id: str) -> OversightLetter:
    row = records.load_live(s, OversightLetter, letter_id, "این نامه در سامانه نیست.", "Letter", "oversight_missing")
    if row.office_code != actor.office_code:
        raise _err("نامهٔ ادارهٔ دیگری را نمی‌توان تغییر داد.", "Foreign letter.", "oversight_foreign")
    return row


def add_letter(store: Store, actor: Actor, data: LetterInput, *, today: _dt.date | None = None,
               letter_id: str | None = None) -> str:
    require(actor, "oversight.edit")
    with store.session() as s:
        return records.add(s, store, actor, OversightLetter(id=letter_id, **validate(data, today=today or jalali.today()))).id


def update_letter(store: Store, actor: Actor, letter_id: str, *, today: _dt.date | None = None,
                  **changes: Any) -> bool:
    require(actor, "oversight.edit")
    with store.session() as s:
        row = _load(s, actor, letter_id)
        data = replace(LetterInput(**{f.name: getattr(row, f.name) for f in fields(LetterInput)}), **changes)
        if "out_date" in changes and "status" not in changes and row.status == "open":
            data = replace(data, status=None)
        return records.update(s, store, actor, row, **validate(data, today=today or jalali.today()))


def answer_letter(store: Store, actor: Actor, letter_id: str, *, out_number: str, out_date: _dt.date | str,
                  today: _dt.date | None = None) -> bool:
    return update_letter(store, actor, letter_id, today=today, out_number=out_number, out_date=out_date,
                         status="answered")


def delete_letter(store: Store, actor: Actor, letter_id: str) -> None:
    require(actor, "oversight.edit")
    with store.session() as s:
        records.soft_delete(s, store, actor, _load(s, actor, letter_id))


@dataclass(frozen=True)
class LetterRow:
    id: str
    office_code: str
    body: str
    in_number: str
    in_date: _dt.date
    subject: str
    due_on: _dt.date
    out_number: str
    out_date: _dt.date | None
    status: str
    overdue: bool  # open and past its due date
    on_time: bool  # answered by its due date


def list_letters(store: Store, actor: Actor, *, office_code: str | None = None, body: str | None = None,
                 period_code: str | None = None, today: _dt.date | None = None) -> list[LetterRow]:
    require(actor, "complaints.view")
    today = today or jalali.today()
    conds: list[ColumnElement[bool]] = [OversightLetter.deleted.is_(False)]
    if office_code:
        conds.append(OversightLetter.office_code == office_code)
    if body:
        conds.append(OversightLetter.body == body)
    if period_code:
        period = jalali.Period.parse(period_code)
        conds += [OversightLetter.in_date >= period.start, OversightLetter.in_date <= period.end]
    with store.read() as s:
        rows = s.scalars(select(OversightLetter).where(*conds)
                         .order_by(OversightLetter.in_date.desc(), OversightLetter.id)).all()
        return [LetterRow(r.id, r.office_code, r.body, r.in_number, r.in_date, r.subject, r.due_on,
                          r.out_number, r.out_date, r.status,
                          overdue=r.status == "open" and r.due_on < today,
                          on_time=r.out_date is not None and r.out_date <= r.due_on) for r in rows]

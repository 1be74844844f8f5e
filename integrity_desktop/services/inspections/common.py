"""What the inspection services share: kinds, statuses and severities with their Persian labels,
and the small checks (a date, a unit, some text) every inspection form needs.

The services themselves live in ``inspectors`` (the registry), ``inspection_plans`` (plans per
period) and ``visits`` (visits, findings, corrective actions and the follow-up list).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from integrity_desktop import catalog
from integrity_desktop.db.models import Unit
from integrity_desktop.digits import format_number, to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import EXAMPLE_DATE, parse_date

KIND_PERIODIC, KIND_ADHOC = "periodic", "adhoc"
VISIT_KINDS: dict[str, str] = {KIND_PERIODIC: "ادواری", KIND_ADHOC: "موردی"}

VISIT_STATUSES: dict[str, str] = {
    "open": "در جریان",
    "reported": "گزارش‌شده",
    "closed": "بسته‌شده",
}

SEVERITIES: dict[str, str] = {
    "low": "کم",
    "medium": "متوسط",
    "high": "زیاد",
    "critical": "بحرانی",
}
SEVERITY_ORDER: tuple[str, ...] = ("critical", "high", "medium", "low")

ACTION_STATUSES: dict[str, str] = {
    "open": "باز",
    "done": "انجام‌شده",
    "cancelled": "لغوشده",
}

INSPECTOR_STATUSES: dict[str, str] = {
    "active": "فعال",
    "suspended": "معلق",
    "ended": "پایان مأموریت",
}

MAX_TEXT = 4000
MAX_LIMIT = 1000


def as_date(value: _dt.date | str | None, field_fa: str, field_en: str) -> _dt.date:
    """A ``date`` as given, or typed Jalali text parsed; a clear message when it is missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise UserError(
            f"{field_fa} را وارد کنید؛ به شکل {EXAMPLE_DATE}.",
            f"{field_en} is required (e.g. 1403/07/15).",
            code="date_missing",
        )
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return parse_date(value)


def clean_text(
    value: str | None, field_fa: str, field_en: str, *, required: bool = True, max_len: int = MAX_TEXT
) -> str:
    """Trimmed text; refuses an empty required field and overlong text with Persian messages."""
    text = (value or "").strip()
    if required and not text:
        raise UserError(
            f"{field_fa} را بنویسید؛ این خانه نمی‌تواند خالی بماند.",
            f"{field_en} is required.",
            code="text_missing",
        )
    if len(text) > max_len:
        raise UserError(
            f"{field_fa} بیش از اندازه بلند است؛ آن را کوتاه‌تر کنید (حداکثر {format_number(max_len)} نویسه).",
            f"{field_en} is longer than {max_len} characters.",
            code="text_long",
        )
    return text


def check_choice(value: str, choices: dict[str, str], field_fa: str, field_en: str) -> str:
    """``value`` when it is one of ``choices``; otherwise a message listing the Persian options."""
    if value not in choices:
        options = "، ".join(choices.values())
        raise UserError(
            f"{field_fa} نامعتبر است؛ یکی از این‌ها را برگزینید: {options}.",
            f"{field_en} must be one of: {', '.join(choices)}.",
            code="bad_choice",
        )
    return value


def get_unit(session: Session, unit_id: str | None, field_fa: str = "واحد") -> Unit:
    """The (not deleted) unit with this id, or a message asking to choose one from the list."""
    unit = session.get(Unit, unit_id) if unit_id else None
    if unit is None or unit.deleted:
        raise UserError(
            f"{field_fa} پیدا نشد؛ آن را از فهرست واحدها برگزینید.",
            f"Unit {unit_id!r} does not exist.",
            code="unit_missing",
        )
    return unit


def check_indicator(code: str | None) -> str:
    """An indicator code of the three-year programme (``"22/1"``), or "" for none."""
    text = (code or "").strip()
    if not text:
        return ""
    text = to_ascii_digits(text).replace(" ", "")
    try:
        catalog.load_three_year().indicator(text)
    except KeyError:
        raise UserError(
            f"شاخص «{to_persian_digits(str(code))}» در برنامهٔ سه‌ساله نیست؛ "
            "شمارهٔ شاخص را به شکل ۲۲/۱ از فهرست شاخص‌ها برگزینید.",
            f"Indicator {code!r} is not in the three-year programme.",
            code="indicator_unknown",
        ) from None
    return text


def indicator_choices() -> list[tuple[str, str]]:
    """Every indicator of the three-year programme as (code, Persian title), in catalogue order:
    what a finding's related indicator is chosen from."""
    return [(i.code, i.title_fa) for i in catalog.load_three_year().indicators]


def check_paging(offset: int, limit: int) -> None:
    """Paging parameters of list functions (a bug of the caller when wrong, not of the user)."""
    if offset < 0 or not 0 < limit <= MAX_LIMIT:
        raise ValueError(f"offset must be >= 0 and 0 < limit <= {MAX_LIMIT}")


def count_rows(session: Session, stmt: Select[Any]) -> int:
    """How many rows ``stmt`` selects: what a list function pages through, for its count."""
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

"""Numbers and dates as a person sees them in the current language."""

from __future__ import annotations

import datetime as _dt

from integrity_desktop import jalali
from integrity_desktop.digits import format_number, to_ascii_digits, to_persian_digits
from integrity_desktop.ui.app import current_lang


def shown_number(value: object) -> str:
    """Persian digits in the Persian UI (numbers, versions, codes), as-is in English."""
    if current_lang() != "fa":
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return to_persian_digits(str(value))


def shown_date(value: _dt.date | None) -> str:
    if value is None:
        return ""
    text = jalali.format_date(value)
    return text if current_lang() == "fa" else to_ascii_digits(text)

"""Numbers and dates as a person sees them in the current language."""

from __future__ import annotations

import datetime as _dt

from integrity_desktop import jalali
from integrity_desktop.digits import (
    format_number,
    percent_text,
    to_ascii_digits,
    to_persian_digits,
    value_text,
)
from integrity_desktop.ui.app import current_lang


def shown_number(value: object) -> str:
    """Persian digits in the Persian UI (numbers, versions, codes), as-is in English."""
    if current_lang() != "fa":
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return to_persian_digits(str(value))


def shown_percent(value: float | None) -> str:
    """A percentage (0–100) by the one rounding rule of ``digits``: «۹۴٫۹٪», «۹۰٪», «—»."""
    text = percent_text(value)
    return text if current_lang() == "fa" else to_ascii_digits(text).replace("\u066a", "%").replace("\u066b", ".")


def shown_value(value: float | None, empty: str = "") -> str:
    """A value by the one rounding rule: up to two decimals, none trailing («۱۲», «۳۳٫۳»)."""
    if value is None:
        return empty
    text = value_text(value)
    if current_lang() == "fa":
        return text
    return to_ascii_digits(text).replace("\u066b", ".").replace("\u066c", ",")


def shown_date(value: _dt.date | None) -> str:
    if value is None:
        return ""
    text = jalali.format_date(value)
    return text if current_lang() == "fa" else to_ascii_digits(text)

"""Persian and Latin digits, and numbers written the Persian way.

Every number a person reads in the app (tables, PDFs, Excel labels) goes through here, so that
the same value never shows up with two digit forms.

The one rounding rule (screens, PDF and Excel alike): half away from zero on the decimal
value (not on its binary float), percents to ``PERCENT_PLACES`` decimals and other values to
``VALUE_PLACES``, and no trailing zero decimals («۹۰٪», not «۹۰٫۰٪»).  ``round_half_up`` is
the rounding, ``percent_text`` and ``value_text`` the writing; Excel cells hold the rounded
number with ``excel_number_format`` (as many decimals as the value has).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

THOUSANDS_SEPARATOR = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR
DECIMAL_SEPARATOR = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR
PERCENT_SIGN = "\u066a"  # ٪ ARABIC PERCENT SIGN

_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, ASCII_DIGITS * 2)
_SEPARATORS = str.maketrans({",": THOUSANDS_SEPARATOR, ".": DECIMAL_SEPARATOR})

PERCENT_PLACES = 1
VALUE_PLACES = 2


def to_persian_digits(s: str) -> str:
    """Write every Latin or Arabic-Indic digit in ``s`` as a Persian digit; nothing else changes."""
    return s.translate(_TO_PERSIAN)


def to_ascii_digits(s: str) -> str:
    """Write every Persian or Arabic-Indic digit in ``s`` as a Latin digit (for parsing)."""
    return s.translate(_TO_ASCII)


def format_number(n: int | float, decimals: int = 0) -> str:
    """``1234567.5`` -> ``۱٬۲۳۴٬۵۶۷٫۵`` (with ``decimals=1``): Persian digits and separators."""
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    latin = f"{n:,.{decimals}f}"
    if latin.startswith("-") and not latin.strip("-0.,"):
        latin = latin[1:]  # "-0" reads oddly
    return to_persian_digits(latin.translate(_SEPARATORS))


def format_percent(x: float, decimals: int = PERCENT_PLACES) -> str:
    """A ratio as a Persian percentage by the one rule: ``0.425`` -> ``۴۲٫۵٪``, ``0.9`` -> ``۹۰٪``."""
    return percent_text(x * 100, decimals)


def round_half_up(x: float, places: int = 0) -> float:
    """``x`` rounded half away from zero to ``places`` decimals, as written in decimal:
    ``round_half_up(2.675, 2) == 2.68`` (Python's ``round`` gives 2.67, the float being
    2.67499…), ``round_half_up(0.25, 1) == 0.3``."""
    if not math.isfinite(x):
        return x
    try:
        quantum = Decimal(1).scaleb(-places)
        return float(Decimal(repr(float(x))).quantize(quantum, rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return x


def _trimmed(x: float, places: int) -> str:
    """Rounded by the rule, thousands separated, without trailing zero decimals (Latin)."""
    value = round_half_up(x, places)
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    return text


def value_text(x: float | None, places: int = VALUE_PLACES, empty: str = "—") -> str:
    """A value as people read it: ``1234.5`` -> ``۱٬۲۳۴٫۵``, ``12.0`` -> ``۱۲``, None -> ``—``."""
    if x is None:
        return empty
    return to_persian_digits(_trimmed(float(x), places).translate(_SEPARATORS))


def percent_text(percent: float | None, places: int = PERCENT_PLACES, empty: str = "—") -> str:
    """A percentage given on the 0–100 scale: ``94.86`` -> ``۹۴٫۹٪``, ``90.0`` -> ``۹۰٪``."""
    if percent is None:
        return empty
    return value_text(percent, places) + PERCENT_SIGN


def excel_number_format(x: float, places: int = VALUE_PLACES, percent: bool = False) -> str:
    """The Excel number format that shows ``x`` (already rounded by the rule; a fraction of 1
    when ``percent``) with just the decimals it has: ``#,##0``, ``#,##0.5``-style ``#,##0.0``,
    ``0.0%`` …"""
    shown = x * 100 if percent else x
    decimals = 0
    for d in range(places, 0, -1):
        if round_half_up(shown, d) != round_half_up(shown, d - 1):
            decimals = d
            break
    tail = "." + "0" * decimals if decimals else ""
    return f"0{tail}%" if percent else f"#,##0{tail}"

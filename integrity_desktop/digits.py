"""Persian and Latin digits, and numbers written the Persian way.

Every number a person reads in the app (tables, PDFs, Excel labels) goes through here, so that
the same value never shows up with two digit forms.
"""

from __future__ import annotations

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

THOUSANDS_SEPARATOR = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR
DECIMAL_SEPARATOR = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR
PERCENT_SIGN = "\u066a"  # ٪ ARABIC PERCENT SIGN

_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, ASCII_DIGITS * 2)
_SEPARATORS = str.maketrans({",": THOUSANDS_SEPARATOR, ".": DECIMAL_SEPARATOR})


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


def format_percent(x: float, decimals: int = 0) -> str:
    """A ratio as a Persian percentage: ``0.425`` -> ``۴۲٫۵٪`` with ``decimals=1``."""
    return format_number(x * 100, decimals) + PERCENT_SIGN

"""Iranian national code (کد ملی): the check-digit rule, normalisation and demo codes.

A national code is ten digits; the last is a check digit over the first nine.  People type it
with Persian, Arabic-Indic or Latin digits and sometimes with dashes or spaces, so input is
normalised to ten ASCII digits before it is checked or stored.  Codes of one repeated digit
(0000000000, 1111111111, ...) pass the arithmetic but are never issued, so they are refused.

Rule: s = Σ d[i]·(10 − i) for i = 0..8; r = s mod 11; the check digit is r when r < 2,
otherwise 11 − r.
"""

from __future__ import annotations

import random

from integrity_desktop.digits import to_ascii_digits
from integrity_desktop.errors import UserError

__all__ = [
    "check_digit",
    "generate_valid_national_code",
    "is_valid_national_code",
    "normalize_national_code",
]

_SEPARATORS = str.maketrans("", "", " -\u200c\u200e\u200f\u00a0\t")


def check_digit(first_nine: str) -> int:
    """The check digit for nine ASCII digits."""
    if len(first_nine) != 9 or not first_nine.isascii() or not first_nine.isdigit():
        raise ValueError("check_digit needs exactly nine ASCII digits")
    s = sum(int(c) * (10 - i) for i, c in enumerate(first_nine))
    r = s % 11
    return r if r < 2 else 11 - r


def _clean(text: str) -> str:
    return to_ascii_digits(text.strip()).translate(_SEPARATORS)


def _is_valid_ascii(code: str) -> bool:
    if len(code) != 10 or not code.isascii() or not code.isdigit():
        return False
    if code == code[0] * 10:
        return False
    return check_digit(code[:9]) == int(code[9])


def is_valid_national_code(text: str) -> bool:
    """True when ``text`` (any digit form, dashes and spaces allowed) is a valid national code."""
    return _is_valid_ascii(_clean(text))


def normalize_national_code(text: str) -> str:
    """Ten ASCII digits for storage; raises ``UserError`` with a Persian message otherwise."""
    code = _clean(text or "")
    if not code:
        raise UserError(
            "کد ملی را وارد کنید (ده رقم).",
            "Enter the national code (ten digits).",
            code="national_code_missing",
        )
    if not code.isascii() or not code.isdigit():
        raise UserError(
            "کد ملی فقط از رقم تشکیل می‌شود؛ حروف و نشانه‌های دیگر را پاک کنید.",
            "A national code contains digits only; remove the other characters.",
            code="national_code_chars",
        )
    if len(code) != 10:
        raise UserError(
            "کد ملی باید دقیقاً ده رقم باشد؛ اگر با صفر شروع می‌شود، صفرهای اول را هم وارد کنید.",
            "A national code has exactly ten digits; include its leading zeros.",
            code="national_code_length",
        )
    if not _is_valid_ascii(code):
        raise UserError(
            "کد ملی واردشده معتبر نیست (رقم کنترل آن درست نیست)؛ آن را با کارت ملی مقایسه و اصلاح کنید.",
            "The national code is not valid (its check digit does not match); compare it with the ID card.",
            code="national_code_invalid",
        )
    return code


def generate_valid_national_code(rng: random.Random) -> str:
    """A random valid code (for demo data and tests), deterministic from ``rng``."""
    while True:
        first = "".join(str(rng.randrange(10)) for _ in range(9))
        code = first + str(check_digit(first))
        if code != code[0] * 10:
            return code

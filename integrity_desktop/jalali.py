"""Jalali (Solar Hijri) dates and reporting periods, on top of jdatetime.

The app stores Gregorian ``datetime.date`` values everywhere; people read and type Jalali dates
with Persian digits.  This module is the one place that converts between the two, so that a
date is never shown with Latin digits or parsed with different rules in two screens.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Literal, get_args

import jdatetime

from integrity_desktop.digits import to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError

PeriodKind = Literal["year", "half", "quarter", "month"]

MONTH_NAMES: tuple[str, ...] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
_ORDINALS = ("اول", "دوم", "سوم", "چهارم")
_KIND_RANK: dict[str, int] = {"year": 0, "half": 1, "quarter": 2, "month": 3}
_COUNT: dict[str, int] = {"year": 1, "half": 2, "quarter": 4, "month": 12}
_MONTHS_PER: dict[str, int] = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_LETTER: dict[str, str] = {"half": "H", "quarter": "Q", "month": "M"}
_KIND_OF_LETTER: dict[str, PeriodKind] = {"H": "half", "Q": "quarter", "M": "month"}

EXAMPLE_DATE = "۱۴۰۳/۰۷/۱۵"
_INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_DATE_RE = re.compile(r"([0-9]{4})\s*[/\-.\u066b]\s*([0-9]{1,2})\s*[/\-.\u066b]\s*([0-9]{1,2})")
_PERIOD_RE = re.compile(r"([0-9]{4})(?:-([HQM])([0-9]{1,2}))?")


def _to_jalali(d: _dt.date) -> jdatetime.date:
    if isinstance(d, _dt.datetime):
        d = d.date()
    return jdatetime.date.fromgregorian(date=d)


def format_date(d: _dt.date | None) -> str:
    """``2024-10-06`` -> ``۱۴۰۳/۰۷/۱۵``; ``None`` -> ``""`` (an empty cell, not «None»)."""
    if d is None:
        return ""
    if isinstance(d, _dt.datetime):
        d = d.date()
    return _format_day(d)


@functools.lru_cache(maxsize=8192)
def _format_day(d: _dt.date) -> str:
    """Cached: a register of 100,000 cases has a few thousand distinct days, and the Jalali
    conversion was a fifth of its Excel export."""
    return to_persian_digits(_to_jalali(d).strftime("%Y/%m/%d"))


def format_date_long(d: _dt.date | None) -> str:
    """``2024-10-06`` -> ``۱۵ مهر ۱۴۰۳``, for letters and report headings."""
    if d is None:
        return ""
    j = _to_jalali(d)
    return to_persian_digits(f"{j.day} {MONTH_NAMES[j.month - 1]} {j.year}")


def format_datetime(dt: _dt.datetime | None) -> str:
    """``2024-10-06 14:30`` -> ``۱۴۰۳/۰۷/۱۵ ۱۴:۳۰`` (local wall time as given)."""
    if dt is None:
        return ""
    return f"{format_date(dt.date())} {to_persian_digits(f'{dt:%H:%M}')}"


def _invalid_date(text: str) -> UserError:
    if not text.strip():
        return UserError(
            f"تاریخ را بنویسید؛ به شکل {EXAMPLE_DATE}.",
            "A date is required, e.g. 1403/07/15.",
            code="invalid_date",
        )
    return UserError(
        f"تاریخ «{to_persian_digits(text.strip())}» معتبر نیست؛ آن را به شکل {EXAMPLE_DATE} بنویسید.",
        f"Date {text.strip()!r} is not valid; write it as 1403/07/15.",
        code="invalid_date",
    )


def parse_date(text: str) -> _dt.date:
    """Read a Jalali date typed by a person (any digits; ``/``, ``-`` or ``.``) as a Gregorian date.

    Raises ``UserError`` with a Persian message showing the expected form for anything invalid,
    including days that do not exist such as 1402/12/30.
    """
    cleaned = to_ascii_digits(_INVISIBLE.sub("", text)).strip()
    match = _DATE_RE.fullmatch(cleaned)
    if match is None:
        raise _invalid_date(text)
    year, month, day = (int(g) for g in match.groups())
    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError) as exc:
        raise _invalid_date(text) from exc


def today() -> _dt.date:
    """Today's date (Gregorian, local time), the single clock the core asks."""
    return _dt.date.today()


def jalali_year(d: _dt.date) -> int:
    """The Jalali year that ``d`` falls in (2024-03-19 -> 1402, 2024-03-20 -> 1403)."""
    return int(_to_jalali(d).year)


def month_name(m: int) -> str:
    """Persian name of Jalali month ``m`` (1 -> فروردین ... 12 -> اسفند)."""
    if not 1 <= m <= 12:
        raise ValueError(f"month out of range: {m}")
    return MONTH_NAMES[m - 1]


@functools.lru_cache(maxsize=4096)  # a period's start and end are asked per record in loops
@functools.lru_cache(maxsize=4096)  # every period's start and end: figures ask for them per record
def _jalali_month_start(year: int, month: int) -> _dt.date:
    """First day of Jalali ``year/month``; month 13 means the next year's Farvardin."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return jdatetime.date(year, month, 1).togregorian()


@functools.total_ordering
@dataclass(frozen=True, eq=True, order=False)
class Period:
    """A reporting period of a Jalali year: the whole year, a half, a quarter or a month.

    ``code`` is the stable text form stored in the database and files ("1403", "1403-H1",
    "1403-Q2", "1403-M07"); ``label_fa`` is what people read.  Periods sort by (start, kind),
    the larger kind first when two start on the same day.
    """

    year: int
    kind: PeriodKind
    number: int = 1

    def __post_init__(self) -> None:
        if self.kind not in get_args(PeriodKind):
            raise ValueError(f"unknown period kind: {self.kind!r}")
        if not 1 <= self.number <= _COUNT[self.kind]:
            raise ValueError(f"{self.kind} number out of range: {self.number}")
        if not jdatetime.MINYEAR <= self.year < jdatetime.MAXYEAR:
            raise ValueError(f"year out of range: {self.year}")

    @property
    def code(self) -> str:
        """Stable ASCII code, e.g. ``1403-M07``."""
        if self.kind == "year":
            return str(self.year)
        width = 2 if self.kind == "month" else 1
        return f"{self.year}-{_LETTER[self.kind]}{self.number:0{width}d}"

    @classmethod
    def parse(cls, code: str) -> Period:
        """Inverse of ``code``; accepts Persian digits and lower case. Raises ``UserError``."""
        cleaned = to_ascii_digits(_INVISIBLE.sub("", code)).strip().upper()
        match = _PERIOD_RE.fullmatch(cleaned)
        if match is not None:
            year = int(match.group(1))
            letter, number = match.group(2), match.group(3)
            kind = _KIND_OF_LETTER[letter] if letter is not None else "year"
            try:
                return cls(year, kind, int(number) if number else 1)
            except ValueError:
                pass
        raise UserError(
            f"دورهٔ «{to_persian_digits(code.strip())}» معتبر نیست؛ "
            "آن را به شکل ۱۴۰۳ یا ۱۴۰۳-Q2 یا ۱۴۰۳-M07 بنویسید.",
            f"Period {code.strip()!r} is not valid; write it as 1403, 1403-H1, 1403-Q2 or 1403-M07.",
            code="invalid_period",
        )

    @property
    def _first_month(self) -> int:
        return (self.number - 1) * _MONTHS_PER[self.kind] + 1

    @property
    def start(self) -> _dt.date:
        """Gregorian date of the period's first day."""
        return _jalali_month_start(self.year, self._first_month)

    @property
    def end(self) -> _dt.date:
        """Gregorian date of the period's last day (inclusive)."""
        next_start = _jalali_month_start(self.year, self._first_month + _MONTHS_PER[self.kind])
        return next_start - _dt.timedelta(days=1)

    def contains(self, d: _dt.date) -> bool:
        """Whether ``d`` (Gregorian) falls within the period, both ends included."""
        if isinstance(d, _dt.datetime):
            d = d.date()
        return self.start <= d <= self.end

    @property
    def label_fa(self) -> str:
        """Persian label: «سال ۱۴۰۳», «نیمهٔ اول ۱۴۰۳», «سه‌ماههٔ دوم ۱۴۰۳», «مهر ۱۴۰۳»."""
        year = to_persian_digits(str(self.year))
        if self.kind == "year":
            return f"سال {year}"
        if self.kind == "half":
            return f"نیمهٔ {_ORDINALS[self.number - 1]} {year}"
        if self.kind == "quarter":
            return f"سه\u200cماههٔ {_ORDINALS[self.number - 1]} {year}"
        return f"{MONTH_NAMES[self.number - 1]} {year}"

    def previous(self) -> Period:
        """The period of the same kind just before this one (crossing the year if needed)."""
        if self.number > 1:
            return Period(self.year, self.kind, self.number - 1)
        return Period(self.year - 1, self.kind, _COUNT[self.kind])

    def next(self) -> Period:
        """The period of the same kind just after this one."""
        if self.number < _COUNT[self.kind]:
            return Period(self.year, self.kind, self.number + 1)
        return Period(self.year + 1, self.kind, 1)

    def _sort_key(self) -> tuple[_dt.date, int]:
        return (self.start, _KIND_RANK[self.kind])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __str__(self) -> str:
        return self.code


def periods_of_year(year: int, kind: PeriodKind) -> list[Period]:
    """All periods of ``kind`` in Jalali ``year``, in order (1, 2, 4 or 12 of them)."""
    if kind not in _COUNT:
        raise ValueError(f"unknown period kind: {kind!r}")
    return [Period(year, kind, n) for n in range(1, _COUNT[kind] + 1)]


def period_containing(d: _dt.date, kind: PeriodKind) -> Period:
    """The period of ``kind`` that Gregorian date ``d`` falls in."""
    if kind not in _MONTHS_PER:
        raise ValueError(f"unknown period kind: {kind!r}")
    j = _to_jalali(d)
    return Period(int(j.year), kind, (int(j.month) - 1) // _MONTHS_PER[kind] + 1)

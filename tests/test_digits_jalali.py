"""Digits, Jalali dates and reporting periods (no Qt)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrity_desktop.digits import format_number, format_percent, to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import (
    Period,
    format_date,
    format_date_long,
    format_datetime,
    jalali_year,
    month_name,
    parse_date,
    period_containing,
    periods_of_year,
    today,
)

MEHR_15 = dt.date(2024, 10, 6)  # ۱۴۰۳/۰۷/۱۵


# ------------------------------------------------------------------ digits


def test_digit_round_trip() -> None:
    assert to_persian_digits("0123456789") == "۰۱۲۳۴۵۶۷۸۹"
    assert to_persian_digits("٠١٢٣٤٥٦٧٨٩") == "۰۱۲۳۴۵۶۷۸۹"
    assert to_ascii_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert to_persian_digits("Excel 2019 و ۳ مورد") == "Excel ۲۰۱۹ و ۳ مورد"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, 0, "۰"),
        (7, 0, "۷"),
        (1234, 0, "۱٬۲۳۴"),
        (1234567, 0, "۱٬۲۳۴٬۵۶۷"),
        (1234567.456, 2, "۱٬۲۳۴٬۵۶۷٫۴۶"),
        (0.5, 1, "۰٫۵"),
        (-1234, 0, "-۱٬۲۳۴"),
        (-0.001, 2, "۰٫۰۰"),
    ],
)
def test_format_number(value: float, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_percent() -> None:
    assert format_percent(0.425, 1) == "۴۲٫۵٪"
    assert format_percent(1) == "۱۰۰٪"


# ------------------------------------------------------------------ dates


def test_format_date_and_friends() -> None:
    assert format_date(MEHR_15) == "۱۴۰۳/۰۷/۱۵"
    assert format_date(None) == ""
    assert format_date_long(MEHR_15) == "۱۵ مهر ۱۴۰۳"
    assert format_date_long(dt.date(2024, 3, 20)) == "۱ فروردین ۱۴۰۳"
    assert format_datetime(dt.datetime(2024, 10, 6, 14, 30)) == "۱۴۰۳/۰۷/۱۵ ۱۴:۳۰"
    assert format_datetime(None) == ""


@pytest.mark.parametrize(
    "text",
    [
        "1403/07/15",
        "۱۴۰۳/۰۷/۱۵",
        "١٤٠٣/٠٧/١٥",
        "1403-07-15",
        "1403.07.15",
        "۱۴۰۳-۷-۱۵",
        "1403/7/15",
        " ۱۴۰۳ / ۰۷ / ۱۵ ",
        "\u200e1403/07/15",
    ],
)
def test_parse_date_accepts_digit_forms_and_separators(text: str) -> None:
    assert parse_date(text) == MEHR_15


def test_leap_years() -> None:
    assert parse_date("1403/12/30") == dt.date(2025, 3, 20)
    assert format_date(dt.date(2025, 3, 20)) == "۱۴۰۳/۱۲/۳۰"
    with pytest.raises(UserError):
        parse_date("1402/12/30")
    assert parse_date("1402/12/29") == dt.date(2024, 3, 19)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "1402/12/30", "1403/13/01", "1403/00/10", "1403/07/32", "14030715", "03/07/15"],
)
def test_invalid_dates_raise_user_error_in_persian(text: str) -> None:
    with pytest.raises(UserError) as info:
        parse_date(text)
    assert info.value.code == "invalid_date"
    assert "تاریخ" in info.value.fa
    assert "۱۴۰۳/۰۷/۱۵" in info.value.fa  # shows the expected form
    assert info.value.en


def test_invalid_date_message_shows_the_input() -> None:
    with pytest.raises(UserError) as info:
        parse_date("1402/12/30")
    assert info.value.fa == "تاریخ «۱۴۰۲/۱۲/۳۰» معتبر نیست؛ آن را به شکل ۱۴۰۳/۰۷/۱۵ بنویسید."


def test_year_month_today() -> None:
    assert jalali_year(dt.date(2024, 3, 19)) == 1402
    assert jalali_year(dt.date(2024, 3, 20)) == 1403
    assert month_name(1) == "فروردین"
    assert month_name(7) == "مهر"
    assert month_name(12) == "اسفند"
    with pytest.raises(ValueError):
        month_name(13)
    assert isinstance(today(), dt.date)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_format_parse_round_trip(d: dt.date) -> None:
    text = format_date(d)
    assert parse_date(text) == d
    assert parse_date(to_ascii_digits(text)) == d
    assert parse_date(to_ascii_digits(text).replace("/", "-")) == d


# ------------------------------------------------------------------ periods


@pytest.mark.parametrize(
    ("code", "start", "end", "label"),
    [
        ("1403", dt.date(2024, 3, 20), dt.date(2025, 3, 20), "سال ۱۴۰۳"),
        ("1403-H1", dt.date(2024, 3, 20), dt.date(2024, 9, 21), "نیمهٔ اول ۱۴۰۳"),
        ("1403-H2", dt.date(2024, 9, 22), dt.date(2025, 3, 20), "نیمهٔ دوم ۱۴۰۳"),
        ("1403-Q1", dt.date(2024, 3, 20), dt.date(2024, 6, 20), "سه\u200cماههٔ اول ۱۴۰۳"),
        ("1403-Q2", dt.date(2024, 6, 21), dt.date(2024, 9, 21), "سه\u200cماههٔ دوم ۱۴۰۳"),
        ("1403-Q4", dt.date(2024, 12, 21), dt.date(2025, 3, 20), "سه\u200cماههٔ چهارم ۱۴۰۳"),
        ("1403-M07", dt.date(2024, 9, 22), dt.date(2024, 10, 21), "مهر ۱۴۰۳"),
        ("1402-M12", dt.date(2024, 2, 20), dt.date(2024, 3, 19), "اسفند ۱۴۰۲"),
    ],
)
def test_period_codes_bounds_labels(code: str, start: dt.date, end: dt.date, label: str) -> None:
    period = Period.parse(code)
    assert period.code == code
    assert period.start == start
    assert period.end == end
    assert period.label_fa == label
    assert period.contains(start) and period.contains(end)
    assert not period.contains(start - dt.timedelta(days=1))
    assert not period.contains(end + dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۴۰۳-Q۲", Period(1403, "quarter", 2)),
        ("1403-q2", Period(1403, "quarter", 2)),
        ("1403-M7", Period(1403, "month", 7)),
        (" ۱۴۰۳ ", Period(1403, "year", 1)),
    ],
)
def test_period_parse_is_forgiving(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1403-Q5", "1403-H3", "1403-M13", "1403-M00", "1403-X1", "03"])
def test_period_parse_rejects(text: str) -> None:
    with pytest.raises(UserError) as info:
        Period.parse(text)
    assert info.value.code == "invalid_period"
    assert "دوره" in info.value.fa


def test_period_previous_next_and_lists() -> None:
    assert Period(1403, "month", 1).previous() == Period(1402, "month", 12)
    assert Period(1403, "quarter", 3).previous() == Period(1403, "quarter", 2)
    assert Period(1403, "half", 1).previous() == Period(1402, "half", 2)
    assert Period(1403, "year").previous() == Period(1402, "year")
    assert Period(1403, "month", 12).next() == Period(1404, "month", 1)
    assert [p.code for p in periods_of_year(1403, "half")] == ["1403-H1", "1403-H2"]
    months = periods_of_year(1403, "month")
    assert len(months) == 12 and months[0].start == Period(1403, "year").start
    for earlier, later in itertools.pairwise(months):
        assert earlier.end + dt.timedelta(days=1) == later.start
    with pytest.raises(ValueError):
        Period(1403, "quarter", 5)


def test_period_containing() -> None:
    assert period_containing(dt.date(2024, 3, 19), "quarter") == Period(1402, "quarter", 4)
    assert period_containing(dt.date(2024, 3, 20), "quarter") == Period(1403, "quarter", 1)
    assert period_containing(MEHR_15, "month").code == "1403-M07"
    assert period_containing(MEHR_15, "half").code == "1403-H2"
    assert period_containing(MEHR_15, "year").code == "1403"


def test_periods_sort_by_start_then_kind() -> None:
    periods = [
        Period(1403, "month", 1),
        Period(1403, "quarter", 2),
        Period(1403, "year"),
        Period(1402, "month", 12),
        Period(1403, "half", 1),
        Period(1403, "quarter", 1),
    ]
    assert [p.code for p in sorted(periods)] == [
        "1402-M12", "1403", "1403-H1", "1403-Q1", "1403-M01", "1403-Q2",
    ]  # fmt: skip
    assert len({Period(1403, "year"), Period.parse("1403")}) == 1

"""Edges of the clock and of Jalali dates that the rest of the suite does not reach (part of
the coverage gate on clock.py and jalali.py, issue 19)."""

from __future__ import annotations

import datetime as dt

import pytest

from integrity_desktop import jalali
from integrity_desktop.clock import HybridClock, parse_stamp
from integrity_desktop.jalali import Period


def test_ten_thousand_stamps_in_one_millisecond_borrow_from_the_next() -> None:
    clock = HybridClock("tehran", last="1700000000000-9998-tehran", wall=lambda: 1.0)  # wall behind
    first, second, third = clock.now(), clock.now(), clock.now()
    assert [parse_stamp(s)[:2] for s in (first, second, third)] == [
        (1700000000000, 9999), (1700000000001, 0), (1700000000001, 1)]
    assert first < second < third


def test_dates_and_datetimes_alike() -> None:
    moment = dt.datetime(2024, 10, 6, 23, 59)
    assert jalali.format_date(None) == "" and jalali.format_date_long(None) == ""
    assert jalali.format_date(moment) == "۱۴۰۳/۰۷/۱۵"
    assert jalali.format_date_long(moment) == "۱۵ مهر ۱۴۰۳"
    assert jalali.jalali_year(moment) == 1403
    assert Period(1403, "month", 7).contains(moment)
    assert not Period(1403, "month", 8).contains(moment)


def test_periods_refuse_what_does_not_exist() -> None:
    with pytest.raises(ValueError, match="kind"):
        Period(1403, "week", 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="out of range"):
        Period(1403, "quarter", 5)
    with pytest.raises(ValueError, match="year out of range"):
        Period(0, "year")
    with pytest.raises(ValueError, match="kind"):
        jalali.periods_of_year(1403, "week")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind"):
        jalali.period_containing(dt.date(2024, 10, 6), "week")  # type: ignore[arg-type]


def test_periods_step_across_years_and_sort() -> None:
    assert Period(1403, "quarter", 1).previous() == Period(1402, "quarter", 4)
    assert Period(1403, "month", 12).next() == Period(1404, "month", 1)
    assert Period(1403, "half", 1).next() == Period(1403, "half", 2)
    assert Period(1403, "half", 2).previous() == Period(1403, "half", 1)
    assert str(Period(1403, "month", 7)) == "1403-M07"
    assert sorted([Period(1403, "month", 1), Period(1403, "year"), Period(1403, "quarter", 1)]) == [
        Period(1403, "year"), Period(1403, "quarter", 1), Period(1403, "month", 1)]
    assert Period(1403, "year").__lt__("1403") is NotImplemented
    assert [p.label_fa for p in jalali.periods_of_year(1403, "half")] == ["نیمهٔ اول ۱۴۰۳", "نیمهٔ دوم ۱۴۰۳"]

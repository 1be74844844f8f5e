"""The filter conditions the registers and lists share (cases, complaints, inspection visits and
their follow-up): a column equal to a chosen value, a date column inside a range.  A choice left
empty (None, or "" for a list's "any") filters nothing."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute


def equal_to(*filters: tuple[InstrumentedAttribute[Any], object]) -> list[ColumnElement[bool]]:
    """``column == value`` for each (column, value) whose value is chosen."""
    return [column == value for column, value in filters if value]


def within(
    column: InstrumentedAttribute[_dt.date], start: _dt.date | None, end: _dt.date | None
) -> list[ColumnElement[bool]]:
    """``column`` from ``start`` to ``end``, both days included; a missing end leaves that side open."""
    conds: list[ColumnElement[bool]] = []
    if start is not None:
        conds.append(column >= start)
    if end is not None:
        conds.append(column <= end)
    return conds

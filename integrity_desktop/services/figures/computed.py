"""Indicators computed from records, on read: the registry of sources and their figures.

A computed indicator is never typed and never stored as it changes: every screen, report and
command asks ``figures_in`` for the figure the records give *now*.  The records travel in sync
bundles, so HQ computes a province's figures from the province's own records and gets the same
numbers.  The only time a figure is written is the approval freeze (``services.checklists.filled``):
an approved checklist keeps the figures it was approved with, and a later change of the records
is shown beside them («تغییر پس از تأیید: اکنون …»), never applied.

Registry: ``COMPUTED_SOURCES`` lists ``"module:ATTRIBUTE"`` of each register that computes
indicators (inspections, cases; complaints, committees and trainings plug in with one line
each).  A source is a ``ComputedSource``: the programme code and item codes it answers, the
Persian formula of each, a function giving the figures of many offices in one period (one pass
over their records, grouped queries), where it pays a quicker one for a single office, and a
function listing the records behind one figure (called only when someone opens them).
Computed indicators are asked in the whole-directorate checklist of their programme, in any
version of its template: an indicator keeps its identity by its code.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, require

THREE_YEAR = "three-year-1398-1400"

COMPUTED_SOURCES: list[str] = [
    "integrity_desktop.services.inspections.figures:SOURCE",
    "integrity_desktop.services.cases.stats:SOURCE",
    "integrity_desktop.services.committee.figures:SOURCE",  # issue 21: axes 7, 12, 2/2, 3/2, 10/7
    "integrity_desktop.services.rights.figures:SOURCE",  # axes 9, 10, 16 (issue 20)
]


@dataclass(frozen=True)
class Figure:
    """One computed value: ``value`` is None when the period has nothing to measure."""

    code: str
    value: float | None
    numerator: int
    denominator: int | None  # None for counts
    formula_fa: str

    def as_source(self, **extra: object) -> dict[str, object]:
        """What the approval freeze stores in ``ChecklistEntry.computed_source``."""
        return {"formula_fa": self.formula_fa, "numerator": self.numerator,
                "denominator": self.denominator, **extra}


@dataclass(frozen=True)
class RecordRow:
    """One record behind a figure, as the records dialog lists it."""

    kind_fa: str  # «بازدید», «مرحلهٔ پرونده», ...
    record_id: str
    day: _dt.date | None
    text: str  # Persian description, no personal names
    counted: bool = True  # in the numerator (False: only in the denominator of a rate)


FiguresFn = Callable[[Session, str, Period, _dt.date], dict[str, Figure]]
RecordsFn = Callable[[Session, str, Period, _dt.date, str], list[RecordRow]]


class AllFiguresFn(Protocol):
    """(session, offices, period, today, codes) -> {office: {code: Figure}}: the same figures of
    many offices; ``codes`` (None: all of the source's) are the ones the caller reads, so a
    source may leave the others out (and the queries only they need)."""

    def __call__(self, session: Session, offices: Sequence[str], period: Period, today: _dt.date,
                 codes: frozenset[str] | None = None, /) -> dict[str, dict[str, Figure]]: ...


@dataclass(frozen=True)
class ComputedSource:
    formulas_fa: Mapping[str, str]  # item code -> formula in Persian
    # the figures of many offices in one pass (grouped queries), for HQ's national figures
    figures_all: AllFiguresFn
    records: RecordsFn  # (session, office, period, today, code) -> rows
    permission: str  # the one to open the records behind a figure
    programme: str = THREE_YEAR  # template code the codes belong to
    # one office's figures by a path of its own; None: ``figures_all`` of that office alone
    figures: FiguresFn | None = None

    def figures_of(self, session: Session, offices: Sequence[str], period: Period,
                   today: _dt.date, codes: frozenset[str] | None = None) -> dict[str, dict[str, Figure]]:
        """office -> its figures, every office in ``offices`` in one pass; with ``codes``, at
        least those (a source may compute only them)."""
        return self.figures_all(session, offices, period, today, codes)

    def office_figures(self, session: Session, office: str, period: Period, today: _dt.date) -> dict[str, Figure]:
        """The figures of one office."""
        if self.figures is not None:
            return self.figures(session, office, period, today)
        return self.figures_all(session, [office], period, today)[office]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.formulas_fa)


@cache
def sources() -> tuple[ComputedSource, ...]:
    out = []
    for spec in COMPUTED_SOURCES:
        module, attr = spec.split(":")
        out.append(getattr(importlib.import_module(module), attr))
    return tuple(out)


def source_for(programme: str, code: str) -> ComputedSource | None:
    for source in sources():
        if source.programme == programme and code in source.formulas_fa:
            return source
    return None


def computed_codes(programme: str) -> frozenset[str]:
    """Item codes of ``programme`` (a template code) computed from records."""
    return frozenset(code for s in sources() if s.programme == programme for code in s.codes)


def formula_fa(programme: str, code: str) -> str:
    source = source_for(programme, code)
    return source.formulas_fa[code] if source else ""


def figures_in(
    session: Session, programme: str, office: str, period: Period, today: _dt.date | None = None,
    codes: Iterable[str] | None = None,
) -> dict[str, Figure]:
    """The figures of ``office`` in ``period`` for ``codes`` (default: every computed code)."""
    wanted = None if codes is None else set(codes)
    day = today or jalali.today()
    out: dict[str, Figure] = {}
    for source in sources():
        if source.programme != programme or (wanted is not None and not wanted & set(source.codes)):
            continue
        for code, figure in source.office_figures(session, office, period, day).items():
            if wanted is None or code in wanted:
                out[code] = figure
    return out


def figures_by_office(
    session: Session, programme: str, offices: Sequence[str], period: Period, today: _dt.date | None = None,
    codes: Iterable[str] | None = None,
) -> dict[str, dict[str, Figure]]:
    """``figures_in`` of every office in ``offices`` at once: each source answers for all of
    them in one pass (HQ's national figures), with the same numbers office by office."""
    wanted = None if codes is None else set(codes)
    day = today or jalali.today()
    out: dict[str, dict[str, Figure]] = {office: {} for office in offices}
    if not offices:
        return out
    for source in sources():
        if source.programme != programme or (wanted is not None and not wanted & set(source.codes)):
            continue
        mine_codes = None if wanted is None else frozenset(wanted & set(source.codes))
        for office, figures in source.figures_of(session, list(offices), period, day, mine_codes).items():
            mine = out.setdefault(office, {})
            for code, figure in figures.items():
                if wanted is None or code in wanted:
                    mine[code] = figure
    return out


def compute(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    programme: str = THREE_YEAR, today: _dt.date | None = None,
) -> dict[str, Figure]:
    """Every computed figure of an office (default: the actor's) in a period."""
    require(actor, "checklists.view")
    with store.read() as s:
        return figures_in(s, programme, office_code or actor.office_code, Period.parse(period_code), today)


def records_behind(
    store: Store, actor: Actor, period_code: str, code: str, *, office_code: str | None = None,
    programme: str = THREE_YEAR, today: _dt.date | None = None,
) -> list[RecordRow]:
    """The records a computed figure counts (and, for a rate, the ones it only divides by)."""
    require(actor, "checklists.view")
    source = source_for(programme, code)
    if source is None:
        return []
    require(actor, source.permission)
    with store.read() as s:
        return source.records(s, office_code or actor.office_code, Period.parse(period_code),
                              today or jalali.today(), code)

"""What the HQ console shows of every province side by side: the latest bundle received and
its age, sequence gaps, offices gone quiet, checklist completion per axis, the indicators'
figures with their achievement, open corrective actions and cases by state.  Plain values for
the console screen and the ``hq-provinces`` report; everything is read from the merged records
and the import log: a province's computed figures are computed here from the province's own
records, the same numbers the province sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from integrity_desktop import jalali
from integrity_desktop.db.models import Case, Checklist, CorrectiveAction, ImportLog, Office
from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.figures import achievement
from integrity_desktop.services.store.records import utcnow
from integrity_desktop.services.store.seed import HQ
from integrity_desktop.sync.import_log import missing_sequences, seen_sequences

QUIET_DAYS = 30


@dataclass(frozen=True)
class ProvinceStatus:
    office_code: str
    name_fa: str
    province_fa: str  # the short name, for tables and charts
    last_imported_at: datetime | None  # when HQ imported its newest bundle
    last_created_at: datetime | None  # when the province wrote it
    age_days: int | None  # days since the province wrote its newest bundle
    highest_seq: int
    missing_seqs: tuple[int, ...]  # bundles that never arrived (the first 20)
    quiet: bool  # no bundle, or none for QUIET_DAYS days
    open_actions: int
    overdue_actions: int
    cases_total: int
    cases_by_state: dict[str, int] = field(default_factory=dict)
    missing_count: int = 0  # all bundles that never arrived

    @property
    def open_cases(self) -> int:
        """Cases not yet in a terminal state of the lifecycle (an unknown state counts as open)."""
        return sum(n for state, n in self.cases_by_state.items() if state not in lc.TERMINAL_STATES)


@dataclass(frozen=True)
class AxisRow:
    """Completion of one axis in every province (None: no checklist answered)."""

    number: int
    title: str
    by_office: dict[str, float | None]


def _provinces(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as s:
        return [(c, n, p or n) for c, n, p in s.execute(
            select(Office.code, Office.name_fa, Office.province_fa)
            .where(Office.kind == "province", Office.deleted.is_(False))
            .order_by(Office.sort_order, Office.code)
        ).all()]


def count_provinces(store: Store, actor: Actor) -> int:
    require(actor, "reports.run")
    return len(_provinces(store))


def province_statuses(
    store: Store, actor: Actor, *, quiet_days: int = QUIET_DAYS, today: date | None = None,
    offset: int = 0, limit: int = 100, only_quiet: bool = False,
) -> list[ProvinceStatus]:
    """One row per province in the catalogue's order (paged; ``only_quiet`` filters)."""
    require(actor, "reports.run")
    now = utcnow()
    today = today or now.date()
    out: list[ProvinceStatus] = []
    with store.read() as s:
        latest = {
            office: (imported, created, seq)
            for office, imported, created, seq in s.execute(
                select(ImportLog.source_office, func.max(ImportLog.imported_at),
                       func.max(ImportLog.created_at), func.max(ImportLog.seq))
                .where(ImportLog.outcome == "accepted")
                .group_by(ImportLog.source_office)
            ).all()
        }
        open_actions = dict(s.execute(
            select(CorrectiveAction.office_code, func.count())
            .where(CorrectiveAction.status == "open", CorrectiveAction.deleted.is_(False))
            .group_by(CorrectiveAction.office_code)
        ).tuples().all())
        overdue = dict(s.execute(
            select(CorrectiveAction.office_code, func.count())
            .where(CorrectiveAction.status == "open", CorrectiveAction.deleted.is_(False),
                   CorrectiveAction.due_date < today)
            .group_by(CorrectiveAction.office_code)
        ).tuples().all())
        cases: dict[str, dict[str, int]] = {}
        for office, state, n in s.execute(
            select(Case.office_code, Case.state, func.count())
            .where(Case.deleted.is_(False)).group_by(Case.office_code, Case.state)
        ).tuples().all():
            cases.setdefault(office, {})[state] = n
        for code, name, short in _provinces(store):
            imported, created, _ = latest.get(code, (None, None, 0))
            seen = seen_sequences(s, code, HQ)
            top = max(seen, default=0)
            # Never a set of every number up to ``top``: a signed manifest may say 2**31 - 1.
            first, missing_count = missing_sequences(seen, top)
            missing = tuple(first)
            stamp = created or imported
            age = (today - stamp.date()).days if stamp else None
            quiet = age is None or age >= quiet_days
            if only_quiet and not quiet:
                continue
            by_state = cases.get(code, {})
            out.append(ProvinceStatus(
                code, name, short, imported, created, age, top, missing, quiet,
                open_actions.get(code, 0), overdue.get(code, 0), sum(by_state.values()),
                dict(sorted(by_state.items())), missing_count,
            ))
    return out[offset:offset + limit]


def latest_period(store: Store) -> str | None:
    """The HQ screens' default period: the newest of those the most provinces filled a
    checklist for.  Not simply the newest: a month that two provinces filled (a monthly
    checklist) starts after the quarter all of them did, and showed HQ 29 empty rows."""
    with store.read() as s:
        filled = s.execute(
            select(Checklist.period_code, func.count(Checklist.office_code.distinct()))
            .where(Checklist.deleted.is_(False), Checklist.office_code != HQ)
            .group_by(Checklist.period_code)).tuples().all()
    if not filled:
        return None
    return max((provinces, jalali.Period.parse(code)) for code, provinces in filled)[1].code


def offered_periods(latest: str | None) -> list[jalali.Period]:
    """The periods the HQ screens offer, newest first: the quarters of this Jalali year and the
    last, those two years, and ``latest`` (``latest_period``) in front when it is none of them."""
    this_year = jalali.jalali_year(jalali.today())
    periods = [p for y in (this_year, this_year - 1) for p in reversed(jalali.periods_of_year(y, "quarter"))]
    periods += [jalali.Period(y, "year") for y in (this_year, this_year - 1)]
    if latest and all(p.code != latest for p in periods):
        periods.insert(0, jalali.Period.parse(latest))
    return periods


def completion_by_axis(store: Store, actor: Actor, period_code: str) -> list[AxisRow]:
    """Axis × province completion for one period (the same formula as each province's own
    dashboard, applied to the checklists HQ has received)."""
    require(actor, "reports.run")
    axes: dict[int, AxisRow] = {}
    codes = [code for code, _, _ in _provinces(store)]
    for code in codes:
        for a in scoring.dashboard_axes(store, actor, period_code, office_code=code):
            row = axes.setdefault(a.number, AxisRow(a.number, a.title, {}))
            row.by_office[code] = a.completion
    for row in axes.values():  # every province has a cell, None where nothing was answered
        for code in codes:
            row.by_office.setdefault(code, None)
    return [axes[n] for n in sorted(axes)]


@dataclass(frozen=True)
class IndicatorColumn:
    """One indicator of the console's indicator table: computed ones and those with a target."""

    code: str
    title: str
    unit_fa: str
    target_fa: str
    by_office: dict[str, achievement.IndicatorFigure]


def indicators_by_province(store: Store, actor: Actor, period_code: str) -> list[IndicatorColumn]:
    """Province × indicator figures for one period (every indicator computed from records or
    with a target, in programme order), from the same rule as each province's own dashboard."""
    require(actor, "reports.run")
    from integrity_desktop.indicators import target_text_fa

    codes = [code for code, _, _ in _provinces(store)]
    figures = achievement.figures_by_office(store, actor, period_code, codes)
    columns: dict[str, IndicatorColumn] = {}
    for office, rows in figures.items():
        for f in rows:
            if f.source != achievement.COMPUTED and f.definition.target is None:
                continue
            column = columns.setdefault(f.code, IndicatorColumn(
                f.code, f.title, f.definition.unit_fa, target_text_fa(f.definition), {}))
            column.by_office[office] = f
    order = {code: i for i, code in enumerate(
        f.code for rows in figures.values() for f in sorted(rows, key=lambda r: (r.axis_number, r.sort_order)))}
    return sorted(columns.values(), key=lambda c: order.get(c.code, 0))

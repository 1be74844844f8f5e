"""National figures at HQ: every province's figure of an indicator beside the country's, national
completion and achievement per axis, provinces ranked, late provinces, overdue items, case
statistics and inspection figures per province and national.

Plain Python over the merged records (no Qt): the HQ dashboard, the «indicator across
provinces» screen, the map and the ``national`` report all read it.

How a national figure is made from the provinces' (``aggregate``), by the indicator's kind:

* ``count`` — the provinces' values summed;
* ``percent`` and ``ratio`` — recomputed from the provinces' parts (Σ numerators ÷ Σ
  denominators) when every province's figure has them (computed indicators); never the mean
  of the provinces' percents.  A typed percent has no parts: its national figure is the
  provinces' plain mean, and says so (``MEAN``);
* ``average_days`` — weighted by each province's denominator (Σ numerators ÷ Σ denominators)
  when known, else the plain mean, marked as such;
* ``score`` — the plain mean of the provinces' scores (a score has no parts);
* ``status`` — a distribution: how many provinces answered done, partly, not done, …

Only provinces whose bundle has arrived count (a province never heard from has no figure,
not a zero).  National completion of an axis is recomputed from the answers of every
province's checklists (Σ points ÷ Σ counted answers), not averaged over provinces.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Float, Integer, String, cast, func, literal, null, select, true, union_all
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import (
    Case,
    Checklist,
    ChecklistEntry,
    CorrectiveAction,
    ImportLog,
    Office,
    Template,
    TemplateItem,
    TemplateSection,
)
from integrity_desktop.db.store import Store
from integrity_desktop.indicators import (
    AVERAGE_DAYS,
    COUNT,
    MET,
    NOT_MET,
    PERCENT,
    RATIO,
    STATUS,
    Achievement,
    Definition,
    achievement,
    format_value,
)
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.audit.words import ENTITY_LABELS_FA
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.checklists.scoring import asked_sql, three_year_code, with_asked
from integrity_desktop.services.figures import achievement as ach

_T = TypeVar("_T")

SUM, POOLED, WEIGHTED, MEAN, DISTRIBUTION, NONE = "sum", "pooled", "weighted", "mean", "distribution", "none"
METHOD_LABELS_FA: dict[str, str] = {
    SUM: "جمع استان‌ها",
    POOLED: "از جمع صورت‌ها و مخرج‌های استان‌ها",
    WEIGHTED: "میانگین وزنی استان‌ها",
    MEAN: "میانگین سادهٔ استان‌ها (اجزای رقم در دست نیست)",
    DISTRIBUTION: "شمار استان‌ها در هر وضعیت",
    NONE: "بی‌مقدار",
}
STATUS_ORDER: tuple[str, ...] = ("done", "partial", "not_done", "na", "")
STATUS_LABELS_FA: dict[str, str] = {
    "done": "انجام شد", "partial": "تا حدی", "not_done": "انجام نشد", "na": "موضوعیت ندارد", "": "بی‌پاسخ",
}
LATE_DAYS = 30  # a province whose newest bundle is this old is late (as the HQ console's «quiet»)
CASE_CODES: tuple[str, ...] = tuple(f"6/{i}" for i in range(1, 12))
INSPECTION_CODES: tuple[str, ...] = ("1/4", "1/6", "22/1", "22/2", "22/3", "22/4")


_Parts = dict[tuple[str, int], list[tuple[float, int]]]  # (office, axis) -> [(points, counted)] per checklist


# --------------------------------------------------------------------------- provinces


@dataclass(frozen=True)
class Province:
    code: str
    name_fa: str
    short_fa: str  # the province's name alone («تهران»), for tables and the map
    received: bool  # at least one of its bundles was accepted here
    last_created_at: _dt.datetime | None  # when the province wrote its newest accepted bundle


@cache
def _provinces_query() -> Any:
    """The statement of ``provinces`` (built once: it has no parameters)."""
    latest = (
        select(ImportLog.source_office.label("office"),
               func.max(func.coalesce(ImportLog.created_at, ImportLog.imported_at)).label("last"))
        .where(ImportLog.outcome == "accepted").group_by(ImportLog.source_office).subquery()
    )
    return (select(Office.code, Office.name_fa, Office.province_fa, latest.c.last)
            .outerjoin(latest, latest.c.office == Office.code)
            .where(Office.kind == "province", Office.deleted.is_(False))
            .order_by(Office.sort_order, Office.code))


def provinces(session: Session) -> list[Province]:
    """The 31 provinces of the offices catalogue, in its order, with what HQ has received (one
    statement: the newest accepted bundle of each joined to the catalogue)."""
    return [Province(code, name, short or name, last is not None, last)
            for code, name, short, last in session.execute(_provinces_query()).tuples()]


# --------------------------------------------------------------------------- aggregation


@dataclass(slots=True)
class ProvinceFigure:
    """One province's figure of one indicator (``value`` None: no figure; ``status`` for a
    status indicator: the province's answer).  Not frozen, as ``IndicatorFigure``: one per
    indicator and province in every picture."""

    office_code: str
    province_fa: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    status: str | None = None
    received: bool = True


@dataclass(frozen=True)
class Aggregate:
    method: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    distribution: dict[str, int] = field(default_factory=dict)
    reporting: int = 0  # provinces whose figure went into it


def aggregate(definition: Definition, rows: Iterable[ProvinceFigure]) -> Aggregate:
    """The national figure of one indicator from the provinces' (module docstring)."""
    rows = [r for r in rows if r.received]
    if definition.kind == STATUS:
        answered = [r.status for r in rows if r.status is not None]
        counts = Counter(answered)
        return Aggregate(DISTRIBUTION, None, distribution={s: counts[s] for s in STATUS_ORDER if counts[s]},
                         reporting=len(answered))
    valued = [r for r in rows if r.value is not None]
    with_parts = [r for r in rows if r.numerator is not None and r.denominator is not None]
    if definition.kind == COUNT:
        if not valued:
            return Aggregate(NONE, None)
        return Aggregate(SUM, float(sum(r.value or 0 for r in valued)), reporting=len(valued))
    if definition.kind in (PERCENT, RATIO, AVERAGE_DAYS) and with_parts and all(
        r.numerator is not None and r.denominator is not None for r in valued
    ):
        num = sum(r.numerator or 0 for r in with_parts)
        den = sum(r.denominator or 0 for r in with_parts)
        scale = 100.0 if definition.kind == PERCENT else 1.0
        method = WEIGHTED if definition.kind == AVERAGE_DAYS else POOLED
        reporting = sum(1 for r in with_parts if r.denominator)
        return Aggregate(method, scale * num / den if den else None, num, den, reporting=reporting)
    if not valued:
        return Aggregate(NONE, None)
    return Aggregate(MEAN, sum(r.value or 0 for r in valued) / len(valued), reporting=len(valued))


@dataclass(frozen=True)
class NationalFigure:
    """One indicator across provinces, and the country's figure."""

    code: str
    title: str
    axis_number: int
    sort_order: int
    definition: Definition
    source: str  # typed | computed
    national: Aggregate
    provinces: tuple[ProvinceFigure, ...]

    @property
    def value(self) -> float | None:
        return self.national.value

    @property
    def achievement(self) -> Achievement:
        return achievement(self.definition, self.national.value)

    @property
    def value_fa(self) -> str:
        if self.definition.kind == STATUS:
            return distribution_text(self.national.distribution)
        return format_value(self.definition, self.national.value)

    @property
    def method_fa(self) -> str:
        return METHOD_LABELS_FA[self.national.method]

    def province(self, office: str) -> ProvinceFigure | None:
        return next((p for p in self.provinces if p.office_code == office), None)


def distribution_text(distribution: dict[str, int]) -> str:
    """«انجام شد: ۳؛ انجام نشد: ۱»; empty when no province answered."""
    from integrity_desktop.digits import format_number

    return "؛ ".join(f"{STATUS_LABELS_FA[s]}: {format_number(n)}" for s, n in distribution.items())


def _status_answers(session: Session, programme: str, period: Period, offices: Sequence[str],
                    codes: set[str] | None = None) -> dict[tuple[str, str], str]:
    """(office, code) -> the office's answer of a status indicator in the period (``_status_of``).

    Counted in SQL per office, indicator and kind of checklist (whole or unit), so no answer
    row comes to Python."""
    status = func.coalesce(ChecklistEntry.status, "")

    def n(value: str) -> Any:
        return func.sum(sql_case((status == value, 1), else_=0))

    whole = Checklist.unit_id.is_(None)
    return _status_of(session.execute(
        select(Checklist.office_code, TemplateItem.code, whole, func.max(status), func.count(),
               n(""), n("na"), n("done"), n("partial"))
        .join(ChecklistEntry, ChecklistEntry.checklist_id == Checklist.id)
        .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
        .join(Template, Template.id == Checklist.template_id)
        .where(Template.code == programme, Checklist.period_code == period.code,
               Checklist.office_code.in_(list(offices)), Checklist.deleted.is_(False),
               ChecklistEntry.deleted.is_(False), TemplateItem.kind == STATUS,
               TemplateItem.code.in_(sorted(codes)) if codes is not None else true())
        .group_by(Checklist.office_code, TemplateItem.code, whole)
    ).tuples())


def _status_of(rows: Iterable[tuple[Any, ...]]) -> dict[tuple[str, str], str]:
    """(office, code) -> the office's answer, from (office, code, whole?, its answer, answers,
    unanswered, not applicable, done, partly) counted per office, indicator and kind of
    checklist: the whole-directorate checklist's answer; else from its units (all done: done;
    any done or partly: partly; otherwise not done; all not applicable: not applicable)."""
    out: dict[tuple[str, str], str] = {}
    units: dict[tuple[str, str], tuple[int, int, int, int, int]] = {}
    for office, code, is_whole, answer, total, empty, na, done, partial in rows:
        if is_whole:
            out[(office, code)] = answer or ""
        else:
            units[(office, code)] = (int(total), int(empty or 0), int(na or 0), int(done or 0), int(partial or 0))
    for key, (total, empty, na, done, partial) in units.items():
        if key in out:
            continue
        answered = total - na
        if empty == total:
            out[key] = ""
        elif not answered:
            out[key] = "na"
        elif done == answered:
            out[key] = "done"
        elif done or partial:
            out[key] = "partial"
        elif empty == answered:
            out[key] = ""
        else:
            out[key] = "not_done"
    return out


@dataclass(frozen=True)
class _Answers:
    """The period's answers of the received provinces, read in one pass (``_period_answers``)."""

    titles: dict[int, str]  # axis number -> title
    parts: _Parts  # (office, axis) -> [(points, counted)] per checklist
    statuses: dict[tuple[str, str], str]  # (office, code) -> answer of a status indicator
    values: dict[str, list[tuple[str, float]]]  # checklist -> (code, value) of its answers with a value


def _read_through_indexes(session: Session) -> None:
    """On PostgreSQL, for the rest of this read transaction: plan as if the pages are in memory
    (random reads cost about what sequential ones do) and in one process.  The period's
    checklists hold a few percent of a national store's entries; with the default costs the
    planner reads every entry in a parallel scan (~75 ms of the server's time and three
    processes at 31 provinces) instead of each checklist's entries through its index (~20 ms,
    one process).  ``set_config(..., true)`` is ``SET LOCAL``: it ends with the transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.set_config("random_page_cost", "1.1", True),
                               func.set_config("max_parallel_workers_per_gather", "0", True)))


def _period_answers(session: Session, programme: str, period: Period, offices: Sequence[str]) -> _Answers:
    """Completion parts, status answers and typed values of the period in one statement: the
    answers (with their indicator, axis and whether their checklist asks them) gathered once in
    a common table expression, then three aggregates over it.  Each is what ``scoring._axis_rows``,
    ``_status_answers`` and ``achievement.figures_in`` read on their own; reading the answers
    once instead of three times is most of the national picture's cost."""
    _read_through_indexes(session)
    status = func.coalesce(ChecklistEntry.status, "")
    # the period's answers with whether their checklist asks them (``scoring.asked_sql``: joins
    # on the period and the items, no list of checklist ids)
    joined, asked = asked_sql(
        select(ChecklistEntry.checklist_id.label("cid"), Checklist.office_code.label("office"),
               sql_case((Checklist.unit_id.is_(None), 1), else_=0).label("whole"),
               TemplateItem.code.label("code"),
               sql_case((TemplateItem.kind == STATUS, 1), else_=0).label("is_status"),
               TemplateSection.number.label("axis"), TemplateSection.title_fa.label("title"),
               status.label("status"), ChecklistEntry.progress.label("progress"),
               ChecklistEntry.value.label("value"))
        .select_from(ChecklistEntry)
        .join(Checklist, Checklist.id == ChecklistEntry.checklist_id)
        .join(Template, Template.id == Checklist.template_id)
        .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
        .join(TemplateSection, TemplateSection.id == TemplateItem.section_id)
        .where(Template.code == programme, Checklist.period_code == period.code,
               Checklist.office_code.in_(list(offices)), Checklist.deleted.is_(False),
               ChecklistEntry.deleted.is_(False)),
        programme, [period.code])
    answers = (
        joined.add_columns(sql_case((asked, 1), else_=0).label("asked"))
        .cte("period_answers").prefix_with("MATERIALIZED")
    )
    a = answers.c

    def n(value: str) -> Any:
        return cast(func.sum(sql_case((a.status == value, 1), else_=0)), Integer)

    def none(kind: Any) -> Any:
        return cast(null(), kind)

    points = sql_case((a.status == "done", 1.0),
                      (a.status == "partial", func.coalesce(a.progress, 50) * 0.01), else_=0.0)
    by_axis = (select(literal("a"), a.cid, a.office, cast(a.axis, Integer), cast(func.max(a.title), String),
                      cast(func.sum(points), Float), cast(func.count() - n("na"), Integer),
                      none(Integer), none(Integer), none(Integer), none(Integer))
               .where(a.asked > 0).group_by(a.cid, a.office, a.axis))
    # (``> 0``, not ``== 1``: PostgreSQL guesses that an equality on a common table expression's
    # column keeps 0.5 % of its rows, and sorts thousands of rows it took for a handful, where a
    # range keeps a third and it hashes them)
    by_status = (select(literal("s"), a.office, a.code, cast(a.whole, Integer), cast(func.max(a.status), String),
                        none(Float), cast(func.count(), Integer), n(""), n("na"), n("done"), n("partial"))
                 .where(a.is_status > 0).group_by(a.office, a.code, a.whole))
    valued = (select(literal("v"), a.cid, a.code, none(Integer), none(String), cast(a.value, Float),
                     none(Integer), none(Integer), none(Integer), none(Integer), none(Integer))
              .where(a.value.is_not(None)))
    titles: dict[int, str] = {}
    parts: _Parts = defaultdict(list)
    status_rows = []
    values: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for part, key, code, number, text, amount, count, empty, na, done, partial in session.execute(
        union_all(by_axis, by_status, valued)
    ).tuples().all():  # fetched at once (row by row costs a call per row with psycopg)
        if part == "a":  # key: the checklist, code: its office
            titles[number] = text
            parts[(code, number)].append((float(amount or 0), int(count)))
        elif part == "s":
            status_rows.append((key, code, number, text, count, empty, na, done, partial))
        else:
            values[key].append((code, float(amount or 0)))
    return _Answers(titles, parts, _status_of(status_rows), dict(values))


def figures_in(
    session: Session, programme: str, period: Period, today: _dt.date, codes: Iterable[str] | None = None,
    provs: Sequence[Province] | None = None, answers: _Answers | Callable[[], _Answers] | None = None,
) -> list[NationalFigure]:
    """Every indicator of ``programme`` due in ``period`` (or ``codes``) across the provinces
    (``provs`` and ``answers``: what ``provinces`` and ``_period_answers`` give, when the caller
    has read them already, or a function that gives the answers once they are read)."""
    provs = provinces(session) if provs is None else provs
    received = [p.code for p in provs if p.received]
    wanted = None if codes is None else set(codes)
    given = answers

    def read_answers() -> _Answers:
        assert given is not None
        return given() if callable(given) else given

    by_office = ach.figures_in(session, programme, period, received, today, wanted,
                               entries=None if answers is None else lambda: read_answers().values,
                               ) if received else {}
    # the indicators, from any received province (all carry the same list), else the programme's
    template_rows = next((rows for rows in by_office.values() if rows), None)
    if template_rows is None:
        template_rows = ach.figures_in(session, programme, period, ["-none-"], today, wanted).get("-none-", [])
    asked = {f.code for f in template_rows if f.definition.kind == STATUS}
    if answers is not None and wanted is None:
        statuses = read_answers().statuses
    else:
        statuses = (_status_answers(session, programme, period, received, None if wanted is None else asked)
                    if received and asked else {})
    values = {(office, f.code): f for office, rows in by_office.items() for f in rows}
    out = []
    for f in template_rows:
        if wanted is not None and f.code not in wanted:
            continue
        cells = []
        for p in provs:
            mine = values.get((p.code, f.code)) if p.received else None
            if mine is None:
                cells.append(ProvinceFigure(p.code, p.short_fa, None, received=p.received,
                                            status=statuses.get((p.code, f.code)) if p.received else None))
                continue
            parts = (mine.numerator, mine.denominator)
            if mine.frozen and mine.value != mine.live_value:
                parts = (None, None)  # an approved figure the records have moved from: its parts are gone
            if mine.definition.kind == COUNT:
                parts = (None, None)
            status = statuses.get((p.code, f.code), "") if f.definition.kind == STATUS else None
            cells.append(ProvinceFigure(p.code, p.short_fa, mine.value, *parts, status=status))
        out.append(NationalFigure(f.code, f.title, f.axis_number, f.sort_order, f.definition, f.source,
                                  aggregate(f.definition, cells), tuple(cells)))
    return out


def indicator_across(
    store: Store, actor: Actor, period_code: str, code: str | None = None, *,
    programme: str | None = None, axis: int | None = None, today: _dt.date | None = None,
) -> list[NationalFigure]:
    """One indicator (``code``), every indicator of an ``axis``, or all of them, in every
    province and the country, for a period of ``programme`` (default: the three-year one)."""
    require(actor, "reports.run")
    period = Period.parse(period_code)
    with store.read() as s:
        rows = figures_in(s, programme or three_year_code(), period, today or jalali.today(),
                          None if code is None else [code])
    return [r for r in rows if axis is None or r.axis_number == axis]


# --------------------------------------------------------------------------- completion


@dataclass(frozen=True)
class AxisNational:
    """An axis: completion in each province and the country's (recomputed from the answers),
    and achievement of its indicators with a target."""

    number: int
    title: str
    completion: float | None  # national: Σ points ÷ Σ counted answers of every province
    by_office: dict[str, float | None]  # each province's, as its own dashboard computes it
    with_target: int = 0  # indicators of the axis with a target
    met: int = 0  # of them, met by the national figure
    province_met: int = 0  # (province, indicator) pairs met
    province_with_value: int = 0  # (province, indicator) pairs with a target and a value


def _axes(titles: dict[int, str], parts: _Parts, provs: Sequence[str],
          figures: Sequence[NationalFigure] | None) -> list[AxisNational]:
    """Per axis: the country's completion from every answer, each province's own, achievement."""
    out = []
    for number in sorted(titles):
        by_office: dict[str, float | None] = {}
        points = counted = 0.0
        for office in provs:
            mine = [(pt, n) for pt, n in parts.get((office, number), []) if n]
            # the province's own dashboard: the mean over its checklists
            by_office[office] = round(sum(pt / n * 100 for pt, n in mine) / len(mine), 2) if mine else None
            points += sum(pt for pt, _ in mine)
            counted += sum(n for _, n in mine)
        row = AxisNational(number, titles[number], round(points / counted * 100, 2) if counted else None,
                           by_office)
        if figures is not None:
            targeted = [f for f in figures if f.axis_number == number and f.definition.target is not None]
            pairs = [achievement(f.definition, p.value) for f in targeted for p in f.provinces if p.received]
            row = AxisNational(
                row.number, row.title, row.completion, row.by_office, len(targeted),
                sum(1 for f in targeted if f.achievement.state == MET),
                sum(1 for a in pairs if a.state == MET),
                sum(1 for a in pairs if a.state in (MET, NOT_MET)),
            )
        out.append(row)
    return out


def _overall(parts: _Parts) -> float | None:
    """The country's completion over every axis: Σ points ÷ Σ counted answers."""
    points = sum(pt for rows in parts.values() for pt, _ in rows)
    counted = sum(n for rows in parts.values() for _, n in rows)
    return round(points / counted * 100, 2) if counted else None


def completion_trend(
    store: Store, actor: Actor, period_codes: Sequence[str], *, programme: str | None = None,
) -> list[tuple[Period, float | None]]:
    """The country's completion (all axes, recomputed from the answers) in each period: one
    grouped read of every period's answers (``scoring._axis_rows`` decides per checklist which
    answers its period asks)."""
    require(actor, "reports.run")
    code = programme or three_year_code()
    periods = [Period.parse(c) for c in period_codes]
    status = ChecklistEntry.status
    score = sql_case((status == "done", 1.0),
                     (status == "partial", func.coalesce(ChecklistEntry.progress, 50) * 0.01), else_=0.0)
    answered = func.sum(sql_case((status == "na", 0), else_=1))
    with store.read() as s:
        provs = [p.code for p in provinces(s) if p.received]
        # the programme's versions by id: the planner then knows how many checklists it reads
        templates = list(s.scalars(select(Template.id).where(Template.code == code)))
        # one aggregate by period over the asked answers (``scoring.with_asked``: joins, no id lists)
        query = (
            select(Checklist.period_code, cast(func.sum(score), Float), cast(answered, Integer))
            .select_from(ChecklistEntry)
            .join(Checklist, Checklist.id == ChecklistEntry.checklist_id)
            .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
            .where(Checklist.template_id.in_(templates),
                   Checklist.period_code.in_([p.code for p in periods]),
                   Checklist.office_code.in_(provs), Checklist.deleted.is_(False),
                   ChecklistEntry.deleted.is_(False))
            .group_by(Checklist.period_code)
        )
        sums: dict[str, tuple[float, int]] = {
            period_code: (float(pts or 0), int(n or 0))
            for period_code, pts, n in s.execute(with_asked(query, code, [p.code for p in periods])).tuples()
        }
    out = []
    for period in periods:
        points, counted = sums.get(period.code, (0.0, 0.0))
        out.append((period, round(points / counted * 100, 2) if counted else None))
    return out


# --------------------------------------------------------------------------- ranking, late, overdue


@dataclass(frozen=True)
class ProvinceRow:
    """One province in the national picture (the ranking, the late list, the overdue table)."""

    office_code: str
    province_fa: str
    received: bool
    age_days: int | None  # days since it wrote its newest bundle (None: never received)
    late: bool
    completion: float | None  # all its answers of the period (Σ points ÷ Σ counted)
    with_target: int
    met: int
    overdue_actions: int
    open_actions: int
    overdue_cases: int
    open_cases: int
    rank: int | None = None  # 1 = highest completion; None: no figure

    @property
    def achievement_share(self) -> float | None:
        return 100.0 * self.met / self.with_target if self.with_target else None


def _overdue(session: Session, store: Store, today: _dt.date) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """office -> (overdue, open) corrective actions, and the same for cases (a case is overdue
    when it has stayed in its state longer than the store's deadline for that state)."""
    actions = {
        office: (int(late or 0), int(n))
        for office, late, n in session.execute(
            select(CorrectiveAction.office_code,
                   func.sum(sql_case((CorrectiveAction.due_date < today, 1), else_=0)), func.count())
            .where(CorrectiveAction.status == "open", CorrectiveAction.deleted.is_(False))
            .group_by(CorrectiveAction.office_code)
        ).tuples()
    }
    limits = lc.deadlines(store, session)
    overdue = sql_case(*(
        (Case.state == state, sql_case((Case.last_event_on < today - _dt.timedelta(days=days), 1), else_=0))
        for state, days in limits.items()
    ), else_=0)
    cases = {
        office: (int(late or 0), int(n))
        for office, late, n in session.execute(
            select(Case.office_code, func.sum(overdue), func.count())
            .where(Case.deleted.is_(False), Case.state.in_(lc.OPEN_STATES))
            .group_by(Case.office_code)
        ).tuples()
    }
    return actions, cases


def _rows(
    provs: Sequence[Province], parts: _Parts, figures: Sequence[NationalFigure],
    overdue: tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]], today: _dt.date, late_days: int,
) -> list[ProvinceRow]:
    actions, cases = overdue
    by_office: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for (office, _n), rows_ in parts.items():
        by_office[office].extend(rows_)
    states: dict[str, list[str]] = defaultdict(list)  # office -> achievement of its targeted figures
    for f in figures:
        if f.definition.target is not None:
            for c in f.provinces:
                if c.received:
                    states[c.office_code].append(achievement(f.definition, c.value).state)
    rows = []
    for p in provs:
        mine = by_office.get(p.code, [])
        counted = sum(n for _, n in mine)
        completion = round(sum(pt for pt, _ in mine) / counted * 100, 2) if counted else None
        pairs = states.get(p.code, [])
        age = (today - p.last_created_at.date()).days if p.last_created_at else None
        a_late, a_open = actions.get(p.code, (0, 0))
        c_late, c_open = cases.get(p.code, (0, 0))
        rows.append(ProvinceRow(
            p.code, p.short_fa, p.received, age, age is None or age >= late_days, completion,
            sum(1 for a in pairs if a in (MET, NOT_MET)), sum(1 for a in pairs if a == MET),
            a_late, a_open, c_late, c_open,
        ))
    order = {p.code: i for i, p in enumerate(provs)}
    ranked = sorted((r for r in rows if r.completion is not None),
                    key=lambda r: (-(r.completion or 0), -r.met, order[r.office_code]))
    rank = {r.office_code: i + 1 for i, r in enumerate(ranked)}
    return [ProvinceRow(**{**r.__dict__, "rank": rank.get(r.office_code)}) for r in rows]


# --------------------------------------------------------------------------- the whole picture


@dataclass(frozen=True)
class NationalPicture:
    """Everything the HQ dashboard and the national report show for one period."""

    period: Period
    programme: str
    provinces: list[ProvinceRow]
    axes: list[AxisNational]
    figures: list[NationalFigure]  # every indicator due in the period
    completion: float | None  # the country's, all axes (Σ points ÷ Σ counted answers)

    @property
    def ranked(self) -> list[ProvinceRow]:
        return sorted((p for p in self.provinces if p.rank is not None), key=lambda p: p.rank or 0)

    @property
    def late(self) -> list[ProvinceRow]:
        return [p for p in self.provinces if p.late]

    @property
    def with_target(self) -> int:
        return sum(1 for f in self.figures if f.definition.target is not None)

    @property
    def met(self) -> int:
        return sum(1 for f in self.figures if f.definition.target is not None and f.achievement.state == MET)

    def figure(self, code: str) -> NationalFigure | None:
        return next((f for f in self.figures if f.code == code), None)

    @property
    def case_figures(self) -> list[NationalFigure]:
        return [f for code in CASE_CODES if (f := self.figure(code)) is not None]

    @property
    def inspection_figures(self) -> list[NationalFigure]:
        return [f for code in INSPECTION_CODES if (f := self.figure(code)) is not None]

    @property
    def computed_figures(self) -> list[NationalFigure]:
        return [f for f in self.figures if f.source == ach.COMPUTED]


@contextmanager
def _alongside(store: Store, session: Session, read: Callable[[Session], _T]) -> Iterator[Callable[[], _T]]:
    """``read``'s result, for the block to ask for when it needs it.  On PostgreSQL ``read`` runs
    on a second connection beside the block (each statement there sees its own snapshot anyway:
    READ COMMITTED), so the server reads the period's answers while this thread computes the
    other figures; on SQLite it runs first, in ``session`` (one snapshot for the whole picture)."""
    if store.engine.dialect.name != "postgresql":
        result = read(session)
        yield lambda: result
        return

    def beside() -> _T:
        with store.read() as other:
            return read(other)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="national-answers") as pool:
        yield pool.submit(beside).result


def picture(
    store: Store, actor: Actor, period_code: str, *, programme: str | None = None,
    today: _dt.date | None = None, late_days: int = LATE_DAYS,
) -> NationalPicture:
    """The national picture of one period (see ``NationalPicture``)."""
    require(actor, "reports.run")
    period = Period.parse(period_code)
    code = programme or three_year_code()
    day = today or jalali.today()
    # one pass: the provinces, their answers' completion and the overdue items read once each
    with store.read() as s:
        provs = provinces(s)
        received = [p.code for p in provs if p.received]
        with _alongside(store, s, lambda session: _period_answers(session, code, period, received)) as later:
            # the overdue items first: they need no answers, so on PostgreSQL they are read
            # while the answers still are, not after them
            overdue = _overdue(s, store, day)
            figures = figures_in(s, code, period, day, provs=provs, answers=later)
            answers = later()
    axes = _axes(answers.titles, answers.parts, received, figures)
    rows = _rows(provs, answers.parts, figures, overdue, day, late_days)
    return NationalPicture(period, code, rows, axes, figures, _overall(answers.parts))


# measures the map and the ranking can colour provinces by
MAP_MEASURES: dict[str, str] = {
    "completion": "درصد تکمیل چک‌لیست‌ها",
    "achievement": "سهم شاخص‌های هدف‌دار محقق‌شده",
    "overdue_actions": "اقدام‌های اصلاحی سررسیدگذشته",
    "overdue_cases": "پرونده‌های سررسیدگذشته",
    "age_days": "عمر آخرین بسته (روز)",
}


def measure(row: ProvinceRow, key: str) -> float | None:
    """A province's value of a map measure (``MAP_MEASURES``)."""
    if key == "completion":
        return row.completion
    if key == "achievement":
        return row.achievement_share
    if not row.received:
        return None
    if key == "overdue_actions":
        return float(row.overdue_actions)
    if key == "overdue_cases":
        return float(row.overdue_cases)
    if key == "age_days":
        return None if row.age_days is None else float(row.age_days)
    raise KeyError(key)


def indicator_measure(figure: NationalFigure) -> dict[str, float | None]:
    """office -> its value of an indicator (status: 100 done, 50 partly, 0 not done)."""
    if figure.definition.kind == STATUS:
        points = {"done": 100.0, "partial": 50.0, "not_done": 0.0}
        return {p.office_code: points.get(p.status or "-") for p in figure.provinces}
    return {p.office_code: p.value for p in figure.provinces}



# --------------------------------------------------------------------------- what a bundle brought

# Every record type a bundle brings, named as the audit log names it (one table of names).
RECORD_TYPE_LABELS_FA: dict[str, str] = ENTITY_LABELS_FA


@dataclass(frozen=True)
class LastImport:
    """What the newest accepted bundle of a province brought: new and changed records by type."""

    office_code: str
    province_fa: str
    seq: int | None  # None: no bundle accepted yet
    imported_at: _dt.datetime | None
    created: dict[str, int]  # record type -> new records
    updated: dict[str, int]  # record type -> changed records

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    def text_fa(self) -> str:
        """«چک‌لیست: ۲ تازه، ۱ تغییر؛ بازدید: ۳ تازه»; empty when the bundle changed nothing."""
        from integrity_desktop.digits import format_number

        parts = []
        for kind in sorted(set(self.created) | set(self.updated), key=lambda k: list(RECORD_TYPE_LABELS_FA).index(k)
                           if k in RECORD_TYPE_LABELS_FA else 99):
            bits = []
            if self.created.get(kind):
                bits.append(f"{format_number(self.created[kind])} تازه")
            if self.updated.get(kind):
                bits.append(f"{format_number(self.updated[kind])} تغییر")
            parts.append(f"{RECORD_TYPE_LABELS_FA.get(kind, kind)}: {'، '.join(bits)}")
        return "؛ ".join(parts)


def last_imports(store: Store, actor: Actor) -> list[LastImport]:
    """Every province with what its newest accepted bundle brought (from the import log: the
    counts the merge itself recorded, so they are what the bundle actually changed here)."""
    require(actor, "reports.run")
    with store.read() as s:
        provs = provinces(s)
        newest: dict[str, ImportLog] = {}
        for row in s.scalars(select(ImportLog).where(ImportLog.outcome == "accepted")
                             .order_by(ImportLog.imported_at, ImportLog.seq)):
            newest[row.source_office] = row  # the last one wins
        out = []
        for p in provs:
            last = newest.get(p.code)
            counts = (last.summary or {}).get("counts", {}) if last is not None else {}
            created = {k: int(v.get("created", 0)) for k, v in counts.items() if v.get("created")}
            updated = {k: int(v.get("updated", 0)) for k, v in counts.items() if v.get("updated")}
            out.append(LastImport(p.code, p.short_fa, last.seq if last else None,
                                  last.imported_at if last else None, created, updated))
    return out

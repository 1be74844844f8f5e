"""Completion scores of checklists and axes, and the dashboard's figures built on them.

One formula everywhere (see ``SCORE_HELP_FA``): done = 1, partly done = progress/100 (0.5 when
no progress is given), not done = 0, unanswered = 0, not applicable left out of both sides.
Only the indicators a checklist *asks* are scored (``is_asked``: due in its period by the
indicator's frequency; computed ones only in the whole-directorate checklist).

A programme is joined across its template versions by the template's code and each indicator
by its item code, so a version-2 template shows on the dashboard beside version 1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from integrity_desktop.db.models import (
    Checklist,
    ChecklistEntry,
    Office,
    Template,
    TemplateItem,
    TemplateSection,
    Unit,
    Visit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.indicators import DUE_RULE_FA, FREQUENCIES, ONCE, due
from integrity_desktop.jalali import Period, PeriodKind, periods_of_year
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.figures.computed import computed_codes
from integrity_desktop.services.store.records import stable_id

SCORE_HELP_FA = (
    "درصد تکمیل هر محور و هر چک‌لیست چنین حساب می‌شود: هر شاخص «انجام شد» یک امتیاز، "
    "«تا حدی انجام شد» به اندازهٔ درصد پیشرفتش (اگر درصدی نوشته نشده باشد نیم امتیاز)، "
    "«انجام نشد» و شاخص بی‌پاسخ صفر امتیاز می‌گیرند. شاخص‌های «موضوعیت ندارد» نه در صورت و "
    "نه در مخرج شمرده می‌شوند. درصد تکمیل = مجموع امتیازها ÷ شمار شاخص‌های شمرده‌شده × ۱۰۰. "
    "در داشبورد، درصد هر محور میانگین درصد آن محور در چک‌لیست‌های واحدهای اداره در همان دوره است. "
    + DUE_RULE_FA + " شاخص‌هایی که در دورهٔ چک‌لیست پرسیده نمی‌شوند در درصد تکمیل شمرده نمی‌شوند."
)
SCORE_HELP_EN = (
    "Completion = sum of points / number of counted indicators × 100, where done = 1, partly "
    "done = progress/100 (0.5 without a progress), not done and unanswered = 0; not applicable "
    "indicators are left out. Only the indicators a checklist asks count: those due in its period "
    "by their frequency (monthly; quarterly; six-monthly in quarters 2 and 4; annual in the last "
    "quarter or the year's checklist), computed ones only in the whole-directorate checklist; a "
    "visit's checklist checks every indicator. "
    "Dashboard axis figures average the office's checklists."
)

OPEN_STATUSES = ("", "not_done", "partial")


def is_asked(
    programme: str, code: str, frequency: str, period: Period, whole_directorate: bool,
    for_visit: bool = False,
) -> bool:
    """Whether a checklist of ``period`` asks (and scores) an indicator.

    Computed indicators are asked only in the whole-directorate checklist (they count the
    office's records).  A checklist filled during an inspection visit checks the unit against
    every other indicator of its template: a visit is not a period's report, so the due rule
    is not applied to it.  ``once`` indicators are asked by the checklists that hold them:
    whether an earlier checklist answered one done is decided when a checklist is made."""
    if not whole_directorate and code in computed_codes(programme):
        return False
    if for_visit or frequency == ONCE:
        return True
    return due(frequency, period)


def visit_checklist(checklist_id: Any) -> Any:
    """SQL: whether a live visit was filled with this checklist."""
    return exists().where(Visit.checklist_id == checklist_id, Visit.deleted.is_(False))


def entry_hundredths(status: str, progress: int | None) -> int | None:
    """Points of one answer in hundredths (done 100, partly done its progress or 50, else 0),
    or None when it does not count (not applicable).  Whole numbers, so a sum is exact in
    Python and in SQL alike (``hundredths_sql``): the same completion wherever it is computed."""
    if status == "na":
        return None
    if status == "done":
        return 100
    if status == "partial":
        return 50 if progress is None else max(0, min(100, int(progress)))
    return 0


def entry_points(status: str, progress: int | None) -> float | None:
    """Points of one answer, or None when it does not count (not applicable)."""
    hundredths = entry_hundredths(status, progress)
    return None if hundredths is None else hundredths / 100


def completion_of(hundredths: int, counted: int) -> float | None:
    """Percent from the summed hundredths of the counted answers; None when none counted."""
    return round(hundredths / counted, 2) if counted else None


def completion(answers: Iterable[tuple[str, int | None]]) -> float | None:
    """Percent (0..100) over (status, progress) pairs; None if every answer is not applicable."""
    total = 0
    counted = 0
    for status, progress in answers:
        points = entry_hundredths(status, progress)
        if points is not None:
            total += points
            counted += 1
    return completion_of(total, counted)


def hundredths_sql() -> Any:
    """SQL of ``entry_hundredths`` over ``checklist_entries`` (0 for not applicable, which
    ``counted_sql`` leaves out)."""
    status, progress = ChecklistEntry.status, ChecklistEntry.progress
    partial = case((progress.is_(None), 50), (progress < 0, 0), (progress > 100, 100), else_=progress)
    return case((status == "done", 100), (status == "partial", partial), else_=0)


def counted_sql() -> Any:
    """SQL: 1 for an answer that counts in completion (anything but not applicable)."""
    return case((ChecklistEntry.status == "na", 0), else_=1)


@dataclass(frozen=True)
class AxisScore:
    """Completion of one axis (in one checklist, or averaged over several)."""

    number: int
    title: str
    completion: float | None
    done: int
    partial: int
    not_done: int
    na: int
    unanswered: int

    @property
    def total(self) -> int:
        return self.done + self.partial + self.not_done + self.na + self.unanswered


def mean_completion(values: Iterable[float | None]) -> float | None:
    """The plain mean of the axes' completions, axes with nothing scored left out (None: none
    scored): the dashboard's headline figure and each province's in the HQ console."""
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else None


def average_completion(axes: Sequence[AxisScore]) -> float | None:
    """The dashboard's headline figure: ``mean_completion`` of its axes."""
    return mean_completion(a.completion for a in axes)


@dataclass(frozen=True)
class TrendPoint:
    period_code: str
    period_label: str
    completion: float | None  # average over the checklists of the period
    checklists: int


@dataclass(frozen=True)
class OpenIndicator:
    """An indicator still open in at least one checklist of the period, with its lead unit."""

    item_code: str
    sort_order: int
    axis_number: int
    title: str
    lead_unit: str
    open_in: int  # checklists where it is not done, partly done or unanswered
    checklists: int
    units: tuple[str, ...]  # where it is open (unit names; the office for whole-directorate)




def asked_clause(session: Session, checklist_ids: Sequence[str]) -> ColumnElement[bool]:
    """SQL over entries joined to their items: the entries their checklists ask (``is_asked``).

    Checklists are grouped by what decides it (the frequencies due in their period, the
    computed codes left to the whole directorate), so the filter stays a few IN lists and
    scoring aggregates in SQL instead of looking at rows one by one."""
    groups: dict[tuple[tuple[str, ...], frozenset[str]], list[str]] = defaultdict(list)
    periods: dict[str, Period] = {}
    for cid, programme, period_code, unit_id, for_visit in session.execute(
        select(Checklist.id, Template.code, Checklist.period_code, Checklist.unit_id,
               visit_checklist(Checklist.id))
        .join(Template, Template.id == Checklist.template_id)
        .where(Checklist.id.in_(list(checklist_ids)))
    ).tuples():
        period = periods.get(period_code) or periods.setdefault(period_code, Period.parse(period_code))
        frequencies = tuple(f for f in FREQUENCIES if for_visit or due(f, period))
        left_out = computed_codes(programme) if unit_id is not None else frozenset()
        groups[(frequencies, left_out)].append(cid)
    clauses = []
    for (frequencies, left_out), ids in groups.items():
        clause = and_(ChecklistEntry.checklist_id.in_(ids), TemplateItem.frequency.in_(frequencies))
        if left_out:
            clause = and_(clause, TemplateItem.code.not_in(sorted(left_out)))
        clauses.append(clause)
    return or_(*clauses) if clauses else false()


def _constants(name: str, rows: Sequence[tuple[Any, ...]], columns: Sequence[tuple[str, Any]]) -> Any:
    """A small constant table (``SELECT … UNION ALL SELECT …``: SQLite takes no column names
    on a VALUES list) to join on; one row of NULLs when ``rows`` is empty, which joins nothing."""
    selects = [select(*(cast(literal(v), kind).label(c) for v, (c, kind) in zip(row, columns, strict=True)))
               for row in rows or [tuple(None for _ in columns)]]
    return (union_all(*selects) if len(selects) > 1 else selects[0]).subquery(name)


def _asked_tables(programme: str, period_codes: Iterable[str]) -> tuple[Any, Any, Any, Any]:
    """What decides whether a checklist asks an entry, as tables to join (``asked_sql``)."""
    bits = {f: 1 << i for i, f in enumerate(FREQUENCIES)}
    masks = [(code, sum(bit for f, bit in bits.items() if due(f, Period.parse(code))))
             for code in sorted(set(period_codes))]
    due_in = _constants("due_in", masks, (("period_code", String), ("mask", Integer)))
    frequency = _constants("frequency_bit", sorted(bits.items()), (("frequency", String), ("bit", Integer)))
    left_out = _constants("left_out", [(c,) for c in sorted(computed_codes(programme))], (("code", String),))
    visited = (select(Visit.checklist_id.label("checklist_id"))
               .where(Visit.deleted.is_(False), Visit.checklist_id.is_not(None)).distinct().subquery("visited"))
    return due_in, frequency, left_out, visited


def asked_sql(query: Select[Any], programme: str, period_codes: Iterable[str]) -> tuple[Select[Any], Any]:
    """``query`` over entries joined to their checklist and item, with the checklists a live
    visit was filled with outer-joined to it, and the SQL of whether its checklist asks an
    entry (``is_asked``) — without lists of checklist ids: the frequencies due in each period
    as a bit mask by period code, the item's frequency as a bit, the programme's computed codes
    left to the whole-directorate checklist, and a checklist filled in a visit asking every
    frequency.  The same rule as ``asked_clause``; only checklists of ``period_codes`` and of
    ``programme`` (a template code) are asked anything.  Written as expressions, not joins to
    constant tables: PostgreSQL plans each joined table (a few milliseconds for a national
    picture)."""
    bits = {f: 1 << i for i, f in enumerate(FREQUENCIES)}
    masks = {code: sum(bit for f, bit in bits.items() if due(f, Period.parse(code))) for code in set(period_codes)}
    visited = (select(Visit.checklist_id.label("checklist_id"))
               .where(Visit.deleted.is_(False), Visit.checklist_id.is_not(None)).distinct().subquery("visited"))
    bit = case(bits, value=TemplateItem.frequency, else_=None)
    mask = case(masks, value=Checklist.period_code, else_=None) if masks else cast(None, Integer)
    asked = and_(bit.is_not(None), mask.is_not(None),
                 or_(visited.c.checklist_id.is_not(None), mask.op("&")(bit) != 0),
                 or_(Checklist.unit_id.is_(None), TemplateItem.code.not_in(sorted(computed_codes(programme)))))
    return query.outerjoin(visited, visited.c.checklist_id == Checklist.id), asked


def with_asked(query: Select[Any], programme: str, period_codes: Iterable[str]) -> Select[Any]:
    """``query`` narrowed to the entries their checklists ask (as ``asked_sql``; inner joins
    where an entry that is not asked may drop out)."""
    due_in, frequency, left_out, visited = _asked_tables(programme, period_codes)
    return (
        query.join(due_in, due_in.c.period_code == Checklist.period_code)
        .join(frequency, frequency.c.frequency == TemplateItem.frequency)
        .outerjoin(visited, visited.c.checklist_id == Checklist.id)
        .outerjoin(left_out, left_out.c.code == TemplateItem.code)
        .where(or_(visited.c.checklist_id.is_not(None), due_in.c.mask.op("&")(frequency.c.bit) != 0),
               or_(Checklist.unit_id.is_(None), left_out.c.code.is_(None)))
    )


def _axis_rows(session: Session, checklist_ids: list[str]) -> list[tuple[Any, ...]]:
    """Per checklist and axis, aggregated in SQL over the asked entries: points, counted
    answers and the number of each status."""
    if not checklist_ids:
        return []
    status = ChecklistEntry.status
    points = case((status == "done", 1.0),
                  (status == "partial", func.coalesce(ChecklistEntry.progress, 50) * 0.01), else_=0.0)

    def n(*values: str) -> Any:
        return func.sum(case((status.in_(values), 1), else_=0))

    query = (
        select(ChecklistEntry.checklist_id, TemplateSection.number, func.max(TemplateSection.title_fa),
               cast(func.sum(points), Float), func.count() - n("na"), n("done"), n("partial"),
               n("not_done"), n("na"), func.count())
        .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
        .join(TemplateSection, TemplateSection.id == TemplateItem.section_id)
        .where(ChecklistEntry.checklist_id.in_(checklist_ids), ChecklistEntry.deleted.is_(False),
               asked_clause(session, checklist_ids))
        .group_by(ChecklistEntry.checklist_id, TemplateSection.number)
    )
    return [tuple(r) for r in session.execute(query).tuples()]


def _axis_scores(rows: list[tuple[Any, ...]]) -> list[AxisScore]:
    """Per axis: completion averaged over checklists, status counts summed."""
    titles: dict[int, str] = {}
    per_checklist: dict[int, list[float]] = defaultdict(list)
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for _checklist_id, number, title, points, counted, done, partial, not_done, na, total in rows:
        titles[number] = title
        if counted:
            per_checklist[number].append(round(float(points or 0) / counted * 100, 2))
        c = counts[number]
        unanswered = int(total) - int(done) - int(partial) - int(not_done) - int(na)
        for i, value in enumerate((done, partial, not_done, na, unanswered)):
            c[i] += int(value)
    out = []
    for number in sorted(titles):
        scores = per_checklist[number]
        average = round(sum(scores) / len(scores), 2) if scores else None
        out.append(AxisScore(number, titles[number], average, *counts[number]))
    return out


def checklist_axes(store: Store, actor: Actor, checklist_id: str) -> list[AxisScore]:
    """Completion per axis of one checklist."""
    require(actor, "checklists.view")
    with store.read() as s:
        return _axis_scores(_axis_rows(s, [checklist_id]))


def three_year_template_id() -> str:
    """Id of the catalogue's three-year programme template, version 1 (what new checklists use
    unless another published version is chosen)."""
    from integrity_desktop import catalog

    programme = catalog.load_three_year()
    return stable_id("template", programme.code, str(programme.version))


def three_year_code() -> str:
    """Template code of the three-year programme (every version of it)."""
    from integrity_desktop import catalog

    return catalog.load_three_year().code


def reform_code() -> str:
    from integrity_desktop import catalog

    return catalog.load_reform().code


def _which(template_id: str | None, programme: str | None) -> Any:
    """The checklists of one template version, or of every version of a programme."""
    if template_id is not None:
        return Checklist.template_id == template_id
    return Checklist.template_id.in_(select(Template.id).where(Template.code == (programme or three_year_code())))


def _period_checklists(
    store: Store, office_code: str, period_code: str, template_id: str | None, programme: str | None = None,
) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Checklist.id).where(
            Checklist.office_code == office_code, Checklist.period_code == Period.parse(period_code).code,
            _which(template_id, programme), Checklist.deleted.is_(False),
        )))


def dashboard_axes(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    template_id: str | None = None, programme: str | None = None,
) -> list[AxisScore]:
    """Completion per axis for a period, averaged over the office's checklists (units and whole)
    of every published version of ``programme`` (default: the three-year programme), or of one
    ``template_id``; axes are joined across versions by their number."""
    require(actor, "checklists.view")
    ids = _period_checklists(store, office_code or actor.office_code, period_code, template_id, programme)
    with store.read() as s:
        return _axis_scores(_axis_rows(s, ids))


def trend(
    store: Store, actor: Actor, year: int, kind: PeriodKind = "quarter", *,
    office_code: str | None = None, template_id: str | None = None, programme: str | None = None,
) -> list[TrendPoint]:
    """Average completion of the office's checklists in each period of a Jalali year."""
    require(actor, "checklists.view")
    office = office_code or actor.office_code
    which = _which(template_id, programme)
    points = []
    with store.read() as s:
        for period in periods_of_year(year, kind):
            values = list(s.scalars(select(Checklist.completion).where(
                Checklist.office_code == office, Checklist.period_code == period.code,
                which, Checklist.deleted.is_(False),
            )))
            scored = [v for v in values if v is not None]
            average = round(sum(scored) / len(scored), 2) if scored else None
            points.append(TrendPoint(period.code, period.label_fa, average, len(values)))
    return points


def _open_indicators(
    store: Store, actor: Actor, period_code: str, office_code: str | None, template_id: str | None,
    programme: str | None = None,
) -> list[OpenIndicator]:
    """One row per indicator code (versions of a template share their codes), aggregated in SQL."""
    office = office_code or actor.office_code
    ids = _period_checklists(store, office, period_code, template_id, programme)
    if not ids:
        return []
    is_open = ChecklistEntry.status.in_(OPEN_STATUSES)
    base = (
        select(TemplateItem.code)
        .join(ChecklistEntry, ChecklistEntry.item_id == TemplateItem.id)
        .join(TemplateSection, TemplateSection.id == TemplateItem.section_id)
        .where(ChecklistEntry.checklist_id.in_(ids), ChecklistEntry.deleted.is_(False))
    )
    with store.read() as s:
        asked = asked_clause(s, ids)
        office_name = s.scalar(select(Office.name_fa).where(Office.code == office)) or office
        summary = s.execute(
            base.add_columns(func.min(TemplateItem.sort_order), func.min(TemplateSection.number),
                             func.max(TemplateItem.title_fa), func.max(TemplateItem.lead_unit), func.count(),
                             func.sum(case((is_open, 1), else_=0)))
            .where(asked).group_by(TemplateItem.code).having(func.sum(case((is_open, 1), else_=0)) > 0)
        ).tuples().all()
        where: dict[str, list[str]] = defaultdict(list)
        for code, unit_name in s.execute(
            base.add_columns(Unit.name_fa)
            .join(Checklist, Checklist.id == ChecklistEntry.checklist_id)
            .outerjoin(Unit, Unit.id == Checklist.unit_id)
            .where(asked, is_open)
        ).tuples():
            where[code].append(unit_name or office_name)
    out = [
        OpenIndicator(code, order, axis, title, lead, int(opened), int(total), tuple(sorted(where[code])))
        for code, order, axis, title, lead, total, opened in summary
    ]
    return sorted(out, key=lambda o: (o.axis_number, o.sort_order))


def open_indicator_list(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    programme: str | None = None,
) -> list[OpenIndicator]:
    """Every open indicator of the period at once (the dashboard counts and pages them itself)."""
    require(actor, "checklists.view")
    return _open_indicators(store, actor, period_code, office_code, None, programme)


def open_indicators(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    template_id: str | None = None, programme: str | None = None, offset: int = 0, limit: int = 100,
) -> list[OpenIndicator]:
    """Indicators not yet done in some checklist of the period, in catalogue order."""
    require(actor, "checklists.view")
    found = _open_indicators(store, actor, period_code, office_code, template_id, programme)
    return found[max(0, offset): max(0, offset) + max(0, limit)]


def count_open_indicators(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    template_id: str | None = None, programme: str | None = None,
) -> int:
    require(actor, "checklists.view")
    return len(_open_indicators(store, actor, period_code, office_code, template_id, programme))


@dataclass(frozen=True)
class LinkRow:
    """A reform programme beside the three-year axes that carry it out (programme-links.json)."""

    reform_number: int
    reform_title: str
    theme: str
    reform_completion: float | None  # its items in the office's reform checklists of the period
    axes: tuple[int, ...]
    axes_completion: float | None  # mean completion of those axes in the three-year checklists
    reform_period: str = ""  # the period the reform figure is of (its year when the period has none)


def programmes_together(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    three_year_axes: list[AxisScore] | None = None,
) -> list[LinkRow]:
    """Where the two programmes meet, side by side for one office and period
    (``three_year_axes``: the period's axes when the caller has them already)."""
    from integrity_desktop import catalog

    require(actor, "checklists.view")
    if three_year_axes is None:
        three_year_axes = dashboard_axes(store, actor, period_code, office_code=office_code,
                                         programme=three_year_code())
    three = {a.number: a.completion for a in three_year_axes}
    # The reform's items are annual: a quarter without a reform checklist reads its year's.
    period = Period.parse(period_code)
    reform_period = period
    reform_axes = dashboard_axes(store, actor, period.code, office_code=office_code, programme=reform_code())
    if not reform_axes and period.kind != "year":
        reform_period = Period(period.year, "year")
        reform_axes = dashboard_axes(store, actor, reform_period.code, office_code=office_code,
                                     programme=reform_code())
    reform = {a.number: a.completion for a in reform_axes}
    out = []
    for link in catalog.load_links():
        values = [three[n] for n in link.axes if three.get(n) is not None]
        mean = round(sum(v for v in values if v is not None) / len(values), 2) if values else None
        out.append(LinkRow(link.reform, catalog.load_reform().programme(link.reform).title_fa, link.theme_fa,
                           reform.get(link.reform), link.axes, mean, reform_period.label_fa))
    return out

"""An office's figure for every indicator of a programme in a period, and its achievement
against the indicator's target: what the dashboard, the HQ console, the reports and the
``indicators`` command show beside completion.

The office's figure of an indicator (one rule for every reader):

* computed from records (``services.figures.computed``): the figure the records give now — or, when
  the office's whole-directorate checklist of the period is approved, the figure it was
  approved with, with the current one beside it (``changed_since_approval``);
* typed: its value in the office's whole-directorate checklist of the period; where only unit
  checklists answer it, the sum of their values for a count and their mean for any other kind;
* status indicators carry no value.

Every version of the programme's template counts (an indicator keeps its identity by its code);
the definitions are those of the version the period's checklists use (the whole-directorate
one first), else of the newest published version.  Only indicators due in the period are listed.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import bindparam, false, or_, select, true
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Checklist, ChecklistEntry, Template, TemplateItem, TemplateSection
from integrity_desktop.db.store import Store
from integrity_desktop.indicators import (
    COUNT,
    MET,
    NOT_MET,
    Achievement,
    Definition,
    achievement,
    due,
    format_value,
)
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.checklists.scoring import three_year_code
from integrity_desktop.services.figures import computed

TYPED, COMPUTED = "typed", "computed"


@dataclass(slots=True)
class IndicatorFigure:
    """One indicator of one office in one period.  (Not frozen: HQ builds one per indicator and
    province for every picture, and a frozen dataclass's ``__init__`` costs five times as much.)"""

    code: str
    title: str
    axis_number: int
    sort_order: int
    definition: Definition
    value: float | None  # the office's figure (an approved checklist's figure when approved)
    source: str  # typed | computed
    live_value: float | None = None  # computed: what the records give now
    frozen: bool = False  # computed and approved: ``value`` is the approved figure
    answered_in: int = 0  # checklists whose answer made a typed value
    # computed: the parts of the live figure (numerator; denominator None for a count), so a
    # national figure recomputes a percent from its parts instead of averaging percents
    numerator: float | None = None
    denominator: float | None = None

    @property
    def achievement(self) -> Achievement:
        return achievement(self.definition, self.value)

    @property
    def changed_since_approval(self) -> bool:
        return self.frozen and self.live_value != self.value

    @property
    def value_fa(self) -> str:
        return format_value(self.definition, self.value)

    @property
    def changed_fa(self) -> str:
        if not self.changed_since_approval:
            return ""
        return f"تغییر پس از تأیید: اکنون {format_value(self.definition, self.live_value) or 'بی‌مقدار'}"

    @property
    def achievement_fa(self) -> str:
        return self.achievement.label_fa(self.definition)


@dataclass(frozen=True)
class AchievementSummary:
    with_target: int
    met: int
    not_met: int
    no_value: int


def summarise(figures: Iterable[IndicatorFigure]) -> AchievementSummary:
    states = [f.achievement.state for f in figures if f.definition.target is not None]
    return AchievementSummary(len(states), states.count(MET), states.count(NOT_MET),
                              len(states) - states.count(MET) - states.count(NOT_MET))


# --------------------------------------------------------------------------- reading


class _Item(NamedTuple):
    """What the figures read of a template item (plain columns: no ORM row, no JSON decoded)."""

    id: str
    template_id: str
    code: str
    title_fa: str
    sort_order: int
    frequency: str
    definition: Definition


@cache
def _items_query(with_codes: bool, with_newest: bool) -> Any:
    """The statement of ``_item_rows`` (built once per shape; the values are bound parameters)."""
    t = TemplateItem
    newest_id = (select(Template.id).where(
        Template.code == bindparam("programme"), Template.status == "published", Template.deleted.is_(False),
    ).order_by(Template.version.desc()).limit(1).scalar_subquery())
    wanted = t.template_id.in_(bindparam("templates", expanding=True))
    return (
        select(t.id, t.template_id, t.code, t.title_fa, t.sort_order, t.kind, t.unit_fa, t.frequency,
               t.direction, t.min_value, t.max_value, t.target, t.measurement_fa, TemplateSection.number,
               (t.template_id == newest_id) if with_newest else false())
        .join(TemplateSection, TemplateSection.id == t.section_id)
        .where(or_(wanted, t.template_id == newest_id) if with_newest else wanted, t.deleted.is_(False),
               t.code.in_(bindparam("codes", expanding=True)) if with_codes else true())
        .order_by(TemplateSection.number, t.sort_order)
    )


def _item_rows(session: Session, template_ids: Sequence[str], codes: Iterable[str] | None = None,
               programme: str | None = None) -> tuple[dict[str, list[tuple[_Item, int]]], str | None]:
    """template id -> its items (only ``codes`` when given) with their section (axis) numbers,
    in order; with ``programme``, the items of its newest published version too, and that
    version's id (one statement)."""
    out: dict[str, list[tuple[_Item, int]]] = defaultdict(list)
    params: dict[str, Any] = {"templates": list(template_ids)}
    if codes is not None:
        params["codes"] = sorted(codes)
    if programme is not None:
        params["programme"] = programme
    newest: str | None = None
    for (item_id, template_id, code, title, sort_order, kind, unit_fa, frequency, direction, low, high,
         target, measurement, number, is_newest) in session.execute(
        _items_query(codes is not None, programme is not None), params
    ).tuples():
        if is_newest:
            newest = template_id
        definition = Definition(kind=kind, unit_fa=unit_fa, frequency=frequency, direction=direction,
                                min_value=low, max_value=high, target=target, measurement_fa=measurement)
        out[template_id].append((_Item(item_id, template_id, code, title, sort_order, frequency, definition),
                                 number))
    return out, newest


class _Checklist(NamedTuple):
    """What the figures read of a checklist (plain columns)."""

    id: str
    office_code: str
    template_id: str
    unit_id: str | None
    status: str


@cache
def _checklists_query() -> Any:
    """The statement of ``_checklists`` (built once; the values are bound parameters)."""
    return (
        select(Checklist.id, Checklist.office_code, Checklist.template_id, Checklist.unit_id, Checklist.status)
        .join(Template, Template.id == Checklist.template_id)
        .where(Template.code == bindparam("programme"), Checklist.period_code == bindparam("period"),
               Checklist.office_code.in_(bindparam("offices", expanding=True)), Checklist.deleted.is_(False))
        .order_by(Checklist.unit_id.is_(None).desc(), Checklist.updated_at.desc())
    )


def _checklists(session: Session, programme: str, period: Period, offices: Sequence[str]) -> list[_Checklist]:
    params = {"programme": programme, "period": period.code, "offices": list(offices)}
    return [_Checklist._make(row) for row in session.execute(_checklists_query(), params).tuples()]


def figures_in(
    session: Session, programme: str, period: Period, offices: Sequence[str], today: _dt.date,
    codes: Iterable[str] | None = None,
    entries: Mapping[str, list[tuple[str, float]]] | Callable[[], Mapping[str, list[tuple[str, float]]]] | None = None,
) -> dict[str, list[IndicatorFigure]]:
    """office -> its figure of every indicator due in ``period`` (module docstring); only those
    of ``codes`` when given (one indicator across provinces reads only its own answers).
    ``entries``: checklist -> (code, value) of every answer with a value of the period's
    checklists of ``offices``, when the caller has read them (HQ's one pass), or a function
    that gives them (asked for only after the computed figures)."""
    only = None if codes is None else set(codes)
    lists = _checklists(session, programme, period, offices)
    by_office: dict[str, list[_Checklist]] = defaultdict(list)
    for c in lists:
        by_office[c.office_code].append(c)
    # the items of the checklists' versions and of the newest published one (for offices with
    # no checklist), and which that is, in one statement
    items, newest = _item_rows(session, sorted({c.template_id for c in lists}), only, programme)
    live_codes = computed.computed_codes(programme)
    bases = {office: by_office[office][0].template_id if by_office.get(office) else newest for office in offices}
    due_items = {base: [(i, n) for i, n in items.get(base, [])
                        if due(i.frequency, period) and (only is None or i.code in only)]
                 for base in set(bases.values()) if base is not None}
    # every office's computed figures at once (each source answers for all of them in one pass)
    needed_by = {office: {i.code for i, _n in due_items[base]} & live_codes
                 for office, base in bases.items() if base is not None}
    asking = [office for office in offices if needed_by.get(office)]
    live_by = computed.figures_by_office(session, programme, asking, period, today,
                                      set().union(*needed_by.values())) if asking else {}
    # checklist -> (code, value) of its answers that carry a value (plain columns: no ORM rows);
    # computed indicators alone need only the approved whole-directorate checklists' (frozen) ones
    any_typed = only is None or bool(only - live_codes)
    read = [c.id for c in lists if any_typed or (c.unit_id is None and c.status == "approved")]
    valued: dict[str, list[tuple[str, float]]] = defaultdict(list)
    if entries is not None and only is None:  # read last: the caller may still be reading them
        valued.update(entries() if callable(entries) else entries)
    elif read:
        for checklist_id, code, stored in session.execute(
            select(ChecklistEntry.checklist_id, TemplateItem.code, ChecklistEntry.value)
            .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
            .where(ChecklistEntry.checklist_id.in_(read), ChecklistEntry.deleted.is_(False),
                   ChecklistEntry.value.is_not(None),
                   # by item id, so the index on the checklist still picks the rows
                   ChecklistEntry.item_id.in_(sorted(i.id for rows in items.values() for i, _n in rows
                                                     if i.code in only)) if only is not None else true())
        ).tuples():
            valued[checklist_id].append((code, float(stored or 0)))
    # one (immutable) definition per item, shared by every office's figure
    definitions = {i.id: i.definition for rows in due_items.values() for i, _n in rows}
    out: dict[str, list[IndicatorFigure]] = {}
    for office in offices:
        mine = by_office.get(office, [])
        base = bases[office]
        if base is None:
            out[office] = []
            continue
        wanted = due_items[base]
        figures = live_by.get(office, {})
        whole = [c for c in mine if c.unit_id is None]
        approved = next((c for c in whole if c.status == "approved"), None)
        frozen = dict(valued.get(approved.id, [])) if approved else {}
        answers: dict[str, list[tuple[bool, float]]] = defaultdict(list)  # code -> (whole?, value)
        for c in mine:
            for code, typed in valued.get(c.id, []):
                if not (code in live_codes and c.unit_id is None):
                    answers[code].append((c.unit_id is None, typed))
        rows = []
        for item, number in wanted:
            d = definitions[item.id]
            if item.code in live_codes:
                figure = figures.get(item.code)
                live = figure.value if figure is not None else None
                num = float(figure.numerator) if figure is not None else None
                den = float(figure.denominator) if figure is not None and figure.denominator is not None else None
                if approved is not None:  # the approved figure (none frozen: nothing was approved)
                    rows.append(IndicatorFigure(item.code, item.title_fa, number, item.sort_order, d,
                                                frozen.get(item.code), COMPUTED, live, True,
                                                numerator=num, denominator=den))
                else:
                    rows.append(IndicatorFigure(item.code, item.title_fa, number, item.sort_order, d,
                                                live, COMPUTED, live, numerator=num, denominator=den))
                continue
            given = answers.get(item.code, []) if d.takes_value else []
            from_whole = [v for is_whole, v in given if is_whole]
            values = from_whole[:1] or [v for _w, v in given]
            value: float | None = None
            if values:
                value = sum(values) if d.kind == COUNT or from_whole else sum(values) / len(values)
                value = round(value, 4)
            rows.append(IndicatorFigure(item.code, item.title_fa, number, item.sort_order, d, value, TYPED,
                                        answered_in=len(values)))
        out[office] = rows
    return out


def office_figures(
    store: Store, actor: Actor, period_code: str, *, office_code: str | None = None,
    programme: str | None = None, today: _dt.date | None = None,
) -> list[IndicatorFigure]:
    """Every indicator of ``programme`` (default: the three-year one) due in the period, with the
    office's figure and its achievement (default office: the actor's)."""
    require(actor, "checklists.view")
    office = office_code or actor.office_code
    with store.read() as s:
        return figures_in(s, programme or three_year_code(), Period.parse(period_code), [office],
                          today or jalali.today())[office]


def figures_by_office(
    store: Store, actor: Actor, period_code: str, offices: Sequence[str], *,
    programme: str | None = None, today: _dt.date | None = None,
) -> dict[str, list[IndicatorFigure]]:
    """``office_figures`` of several offices at once (the HQ console and its report)."""
    require(actor, "reports.run")
    with store.read() as s:
        return figures_in(s, programme or three_year_code(), Period.parse(period_code), list(offices),
                          today or jalali.today())

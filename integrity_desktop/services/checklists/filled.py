"""Filled checklists: create one per (unit, template, period), answer its indicators, list them.

Every answer is saved in its own transaction the moment it is given (there is no "save"
button), and the checklist's cached completion is refreshed in the same transaction.
``save_entry`` returns the values it replaced, so a screen can undo by saving them back.

A checklist asks the indicators due in its period (``scoring.is_asked``; entries are made only
for those).  A value must fit its indicator's kind and bounds (``entry_rules.value``).
Indicators computed from records (``services.figures.computed``) are read live: ``EntryView.value`` is
the figure the records give now, except in an approved checklist, which keeps the figure it
was approved with (``approve`` freezes it) and shows the current one beside it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali, textnorm
from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.base import new_id
from integrity_desktop.db.models import (
    Checklist,
    ChecklistEntry,
    Evidence,
    Office,
    Template,
    TemplateItem,
    TemplateSection,
    Unit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.indicators import ONCE, Definition, display_code
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, allowed, require
from integrity_desktop.services.checklists import entry_rules, scoring
from integrity_desktop.services.checklists.entry_rules import STATUS_LABELS_FA, STATUSES
from integrity_desktop.services.figures import computed
from integrity_desktop.services.store import records
from integrity_desktop.services.store.offices import names_in as office_names_in
from integrity_desktop.services.store.records import stable_id

__all__ = ["STATUSES", "STATUS_LABELS_FA"]

ENTRY_OWNER = "checklist_entry"  # Evidence.owner_type of an answer's attachments
CHECKLIST_STATUSES = ("draft", "submitted", "approved")
CHECKLIST_STATUS_LABELS_FA = {"draft": "پیش‌نویس", "submitted": "ارسال‌شده", "approved": "تأییدشده"}
WHOLE_DIRECTORATE = ""  # pass as ``unit_id`` filter to list only whole-directorate checklists


@dataclass(frozen=True)
class ChecklistSummary:
    """One row of a checklist list."""

    id: str
    office_code: str
    template_id: str
    template_code: str
    template_version: int
    template_title: str
    unit_id: str | None
    unit_name: str  # the office's name for a whole-directorate checklist
    period_code: str
    period_label: str
    status: str
    completion: float | None
    approved_by: str | None
    updated_at: datetime
    review_note: str = ""  # HQ's note when it returned the checklist for correction
    office_name: str = ""  # the directorate's name (HQ's lists show the province of each row)

    @property
    def status_label(self) -> str:
        return CHECKLIST_STATUS_LABELS_FA.get(self.status, self.status)


@dataclass(frozen=True)
class EntryView:
    """One indicator of a checklist with its answer, ready for an editor row."""

    id: str
    checklist_id: str
    item_id: str
    item_code: str
    sort_order: int
    axis_number: int
    axis_title: str
    title: str
    legal_basis: str
    lead_unit: str
    subtasks: tuple[str, ...]
    counts: bool
    status: str
    progress: int | None
    value: float | None
    note: str
    subtasks_done: tuple[int, ...]
    computed: bool  # computed from records (value read live, or frozen by the approval)
    computed_source: dict[str, Any] | None  # formula_fa, numerator, denominator (+ frozen)
    evidence_count: int
    updated_at: datetime
    definition: Definition = field(default_factory=Definition)
    asked: bool = True  # False: not asked in this period; shown only because it holds an answer
    live_value: float | None = None  # computed: the figure the records give now
    frozen: bool = False  # computed, in an approved checklist: ``value`` is the approved figure
    programme_code: str = ""  # the template's code (every version shares it)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS_FA[self.status]

    @property
    def is_open(self) -> bool:
        return self.status in ("", "not_done", "partial")

    @property
    def code_fa(self) -> str:
        """The code as people read it (``اصلاح ۶/۱`` for the reform programme)."""
        return display_code(self.item_code)

    @property
    def formula_fa(self) -> str:
        return str((self.computed_source or {}).get("formula_fa", ""))

    @property
    def changed_since_approval(self) -> bool:
        """An approved figure that the records no longer give."""
        return self.frozen and self.live_value != self.value

    @property
    def changed_since_approval_fa(self) -> str:
        """«تغییر پس از تأیید: اکنون ۵» (empty when nothing changed)."""
        if not self.changed_since_approval:
            return ""
        from integrity_desktop.indicators import format_value

        now = format_value(self.definition, self.live_value) or "بی‌مقدار"
        return f"تغییر پس از تأیید: اکنون {now}"


@dataclass(frozen=True)
class ChecklistView:
    summary: ChecklistSummary
    entries: tuple[EntryView, ...]


@dataclass(frozen=True)
class EntryValues:
    """The editable values of an answer; what ``save_entry`` takes and what undo needs."""

    status: str
    progress: int | None
    value: float | None
    note: str
    subtasks_done: tuple[int, ...]

    def as_fields(self) -> dict[str, Any]:
        return {
            "status": self.status, "progress": self.progress, "value": self.value,
            "note": self.note, "subtasks_done": list(self.subtasks_done),
        }


@dataclass(frozen=True)
class SaveResult:
    entry: EntryView
    previous: EntryValues  # save these back to undo
    completion: float | None  # the checklist's new completion in percent
    changed: bool


# --------------------------------------------------------------------------- reading


def _summary_query() -> Select[Any]:
    return (
        select(Checklist, Template, Unit.name_fa)
        .join(Template, Template.id == Checklist.template_id)
        .outerjoin(Unit, Unit.id == Checklist.unit_id)
    )


def _summary(row: Any, offices: dict[str, str]) -> ChecklistSummary:
    checklist, template, unit_name = row
    return ChecklistSummary(
        id=checklist.id, office_code=checklist.office_code, template_id=template.id,
        template_code=template.code, template_version=template.version,
        template_title=template.title_fa, unit_id=checklist.unit_id,
        unit_name=unit_name or offices.get(checklist.office_code, checklist.office_code),
        period_code=checklist.period_code, period_label=Period.parse(checklist.period_code).label_fa,
        status=checklist.status, completion=checklist.completion,
        approved_by=checklist.approved_by, updated_at=checklist.updated_at,
        review_note=checklist.review_note or "",
        office_name=offices.get(checklist.office_code, checklist.office_code),
    )


def _live_checklist(session: Session, checklist_id: str) -> Checklist:
    return records.load_live(
        session, Checklist, checklist_id,
        "این چک‌لیست پیدا نشد؛ شاید حذف شده است. فهرست را تازه کنید.",
        "Checklist", "checklist_missing",
    )


def summary_in(session: Session, checklist_id: str) -> ChecklistSummary:
    _live_checklist(session, checklist_id)
    row = session.execute(_summary_query().where(Checklist.id == checklist_id)).one()
    return _summary(row, office_names_in(session))


def _has_answer(e: ChecklistEntry) -> bool:
    return bool(e.status or e.value is not None or e.note or e.subtasks_done)


def entries_in(
    session: Session, checklist_id: str, entry_ids: Iterable[str] | None = None, *,
    today: _dt.date | None = None,
) -> list[EntryView]:
    """The entries of a checklist (or only ``entry_ids``) in the template's order.

    Without ``entry_ids``: the indicators it asks, plus any it does not ask but holds an
    answer for (checklists made before the due rule; shown with ``asked`` False).  Computed
    values are the figures the records give now (see the module docstring)."""
    checklist = _live_checklist(session, checklist_id)
    template = session.get(Template, checklist.template_id)
    programme = template.code if template is not None else ""
    period = Period.parse(checklist.period_code)
    whole = checklist.unit_id is None
    for_visit = bool(session.scalar(select(scoring.visit_checklist(checklist.id))))
    query = (
        select(ChecklistEntry, TemplateItem, TemplateSection)
        .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
        .join(TemplateSection, TemplateSection.id == TemplateItem.section_id)
        .where(ChecklistEntry.checklist_id == checklist_id, ChecklistEntry.deleted.is_(False))
        .order_by(TemplateSection.number, TemplateItem.sort_order)
    )
    explicit = entry_ids is not None
    if entry_ids is not None:
        query = query.where(ChecklistEntry.id.in_(list(entry_ids)))
    rows = []
    for e, i, sec in session.execute(query).tuples():
        asked = scoring.is_asked(programme, i.code, i.frequency, period, whole, for_visit)
        if asked or explicit or _has_answer(e):
            rows.append((e, i, sec, asked))
    ids = [entry.id for entry, _, _, _ in rows]
    evidence: dict[str, int] = {}
    if ids:
        evidence = dict(session.execute(
            select(Evidence.owner_id, func.count())
            .where(Evidence.owner_type == ENTRY_OWNER, Evidence.deleted.is_(False),
                   Evidence.owner_id.in_(ids))
            .group_by(Evidence.owner_id)
        ).tuples().all())
    live_codes = [i.code for _e, i, _s, asked in rows if asked and whole] if whole else []
    wanted = computed.computed_codes(programme) & set(live_codes)
    figures = computed.figures_in(session, programme, checklist.office_code, period, today,
                                  wanted) if wanted else {}
    approved = checklist.status == "approved"
    return [
        _entry_view(e, i, sec, evidence.get(e.id, 0), asked, programme,
                    figures.get(i.code) if asked and i.code in wanted else None,
                    i.code in wanted, approved)
        for e, i, sec, asked in rows
    ]


def _entry_view(
    e: ChecklistEntry, i: TemplateItem, s: TemplateSection, evidence: int, asked: bool, programme: str,
    figure: computed.Figure | None, is_computed: bool, approved: bool,
) -> EntryView:
    value, live, source, frozen = e.value, None, dict(e.computed_source) if e.computed_source else None, False
    if is_computed:
        live = figure.value if figure is not None else None
        formula = computed.formula_fa(programme, i.code)
        if approved:  # the approved figure stays; the current one is shown beside it
            frozen = True
            source = {"formula_fa": formula, **(source or {}), "frozen": True}
        else:
            value = live
            source = figure.as_source() if figure is not None else {"formula_fa": formula}
    return EntryView(
        id=e.id, checklist_id=e.checklist_id, item_id=i.id, item_code=i.code,
        sort_order=i.sort_order, axis_number=s.number, axis_title=s.title_fa, title=i.title_fa,
        legal_basis=i.legal_basis, lead_unit=i.lead_unit, subtasks=tuple(i.subtasks or ()),
        counts=i.definition.takes_value, status=e.status, progress=e.progress, value=value, note=e.note,
        subtasks_done=tuple(e.subtasks_done or ()), computed=is_computed,
        computed_source=source if is_computed else None,
        evidence_count=evidence, updated_at=e.updated_at, definition=i.definition, asked=asked,
        live_value=live, frozen=frozen, programme_code=programme,
    )


def get_checklist(store: Store, actor: Actor, checklist_id: str) -> ChecklistView:
    """A checklist with every indicator and its answer, for the editor."""
    require(actor, "checklists.view")
    with store.read() as s:
        return ChecklistView(summary_in(s, checklist_id), tuple(entries_in(s, checklist_id)))


def get_entry(store: Store, actor: Actor, entry_id: str) -> EntryView:
    require(actor, "checklists.view")
    with store.read() as s:
        entry = _live_entry(s, entry_id)
        return entries_in(s, entry.checklist_id, [entry_id])[0]


def _filtered(
    query: Select[Any], *, office_code: str | None, unit_id: str | None, period_code: str | None,
    template_id: str | None, status: str | None, search: str | None,
) -> Select[Any]:
    query = query.where(Checklist.deleted.is_(False))
    if office_code is not None:
        query = query.where(Checklist.office_code == office_code)
    if unit_id == WHOLE_DIRECTORATE:
        query = query.where(Checklist.unit_id.is_(None))
    elif unit_id is not None:
        query = query.where(Checklist.unit_id == unit_id)
    if period_code:
        query = query.where(Checklist.period_code == Period.parse(period_code).code)
    if template_id is not None:
        query = query.where(Checklist.template_id == template_id)
    if status:
        query = query.where(Checklist.status == status)
    for word in textnorm.normalize_for_search(textnorm.check_search(search or "")).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Checklist.search_text.like(f"%{escaped}%", escape="\\"))
    return query


def offices_with_checklists(store: Store, actor: Actor) -> list[tuple[str, str]]:
    """(code, name) of every office that has a checklist in this store, for HQ's filter."""
    require(actor, "checklists.view")
    with store.read() as s:
        names = office_names_in(s)
        codes = s.scalars(select(Checklist.office_code).where(Checklist.deleted.is_(False))
                          .distinct()).all()
    return sorted(((c, names.get(c, c)) for c in codes), key=lambda pair: pair[1])


def list_checklists(
    store: Store, actor: Actor, *, office_code: str | None = None, unit_id: str | None = None,
    period_code: str | None = None, template_id: str | None = None, status: str | None = None,
    search: str | None = None, offset: int = 0, limit: int = 100,
) -> list[ChecklistSummary]:
    """Checklists, newest period first; ``unit_id=WHOLE_DIRECTORATE`` for whole-directorate ones.

    ``search`` matches every word regardless of yeh/kaf forms, ZWNJ and digit forms.
    """
    require(actor, "checklists.view")
    query = _filtered(
        _summary_query(), office_code=office_code, unit_id=unit_id, period_code=period_code,
        template_id=template_id, status=status, search=search,
    ).order_by(Checklist.period_code.desc(), Checklist.office_code, Unit.name_fa.nulls_first(),
               Template.code, Checklist.id)
    with store.read() as s:
        offices = office_names_in(s)
        rows = s.execute(query.offset(max(0, offset)).limit(max(0, limit))).all()
        return [_summary(r, offices) for r in rows]


def count_checklists(
    store: Store, actor: Actor, *, office_code: str | None = None, unit_id: str | None = None,
    period_code: str | None = None, template_id: str | None = None, status: str | None = None,
    search: str | None = None,
) -> int:
    require(actor, "checklists.view")
    query = _filtered(
        select(func.count()).select_from(Checklist), office_code=office_code, unit_id=unit_id,
        period_code=period_code, template_id=template_id, status=status, search=search,
    )
    with store.read() as s:
        return int(s.scalar(query) or 0)


# --------------------------------------------------------------------------- creating


def find_existing(
    session: Session, office: str, unit_id: str | None, template_id: str, period: str
) -> str | None:
    """The id of the live checklist of this office, unit, template and period, if any."""
    query = select(Checklist.id).where(
        Checklist.office_code == office, Checklist.template_id == template_id,
        Checklist.period_code == period, Checklist.deleted.is_(False),
        Checklist.unit_id.is_(None) if unit_id is None else Checklist.unit_id == unit_id,
    )
    return session.scalar(query.limit(1))


def search_text(session: Session, checklist: Checklist) -> str:
    """Unit (or office) name, template title, period label and code, and every note, normalised."""
    template = session.get(Template, checklist.template_id)
    unit = session.get(Unit, checklist.unit_id) if checklist.unit_id else None
    if unit is not None:
        place = unit.name_fa
    else:
        place = session.scalar(select(Office.name_fa).where(Office.code == checklist.office_code)) or ""
    notes = session.scalars(
        select(ChecklistEntry.note).where(
            ChecklistEntry.checklist_id == checklist.id, ChecklistEntry.note != ""
        )
    ).all()
    period = Period.parse(checklist.period_code)
    parts = [place, template.title_fa if template else "", period.label_fa, period.code, *notes]
    return textnorm.normalize_for_search(" ".join(parts))


def create_in(
    session: Session, store: Store, actor: Actor, template_id: str, unit_id: str | None,
    period_code: str, *, checklist_id: str | None = None,
    answers: dict[str, dict[str, Any]] | None = None, operation: str = "checklists.edit",
    for_visit: bool = False,
) -> Checklist:
    """Create a checklist inside the caller's transaction (see ``create_checklist``); with
    ``for_visit`` it is the checklist of an inspection visit (``scoring.is_asked``).

    ``answers`` maps item codes to initial field values (used by the demo filler); they go
    through the same validators as ``save_entry``.
    """
    require(actor, operation)
    period = Period.parse(period_code)
    template = session.get(Template, template_id)
    if template is None or template.deleted:
        raise UserError(
            "الگوی چک‌لیست پیدا نشد.", f"Template {template_id} not found.", code="template_missing"
        )
    if template.status != "published":
        raise UserError(
            "این الگو هنوز پیش‌نویس است؛ نخست ستاد باید آن را منتشر کند.",
            "The template is a draft; HQ must publish it first.",
            code="template_draft",
        )
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.deleted or unit.office_code != actor.office_code:
            raise UserError(
                "واحد انتخاب‌شده از واحدهای ادارهٔ شما نیست.",
                f"Unit {unit_id} is not a unit of office {actor.office_code}.",
                code="unit_missing",
            )
    existing = find_existing(session, actor.office_code, unit_id, template_id, period.code)
    if existing is not None:
        raise UserError(
            f"برای این واحد و این الگو در {period.label_fa} از پیش چک‌لیستی هست؛ "
            "همان را از فهرست باز کنید.",
            f"A checklist for this unit, template and period {period.code} already exists ({existing}).",
            code="checklist_exists",
        )
    checklist = Checklist(
        id=checklist_id or new_id(), office_code=actor.office_code,
        template_id=template_id, unit_id=unit_id, period_code=period.code, status="draft",
    )
    items = [
        item for item in session.scalars(
            select(TemplateItem)
            .where(TemplateItem.template_id == template_id, TemplateItem.deleted.is_(False))
            .order_by(TemplateItem.sort_order)
        )
        if scoring.is_asked(template.code, item.code, item.frequency, period, unit_id is None, for_visit)
    ]
    done_once = set() if for_visit else _done_once(session, actor.office_code, unit_id, template.code, period)
    items = [i for i in items if not (i.frequency == ONCE and i.code in done_once)]
    if not items:
        raise UserError(
            f"در {period.label_fa} هیچ شاخصی از این الگو پرسیده نمی‌شود (شاخص‌های آن سالانه یا "
            "شش‌ماهه‌اند)؛ چک‌لیست را برای کل سال یا سه‌ماههٔ پایانی آن بسازید.",
            f"No indicator of this template is due in {period.code}.",
            code="nothing_due",
        )
    records.add(session, store, actor, checklist)
    live = computed.computed_codes(template.code) if unit_id is None else frozenset()
    answers = answers or {}
    pairs: list[tuple[str, int | None]] = []
    for item in items:
        fields = _validated(item, None, answers.get(item.code, {}), item.code in live)
        entry = ChecklistEntry(
            id=stable_id("entry", checklist.id, item.id), office_code=actor.office_code,
            checklist_id=checklist.id, item_id=item.id, status=fields.get("status", ""),
            progress=fields.get("progress"), value=fields.get("value"), note=fields.get("note", ""),
            subtasks_done=fields.get("subtasks_done", []), computed=False,
        )
        records.add(session, store, actor, entry)
        pairs.append((entry.status, entry.progress))
    checklist.completion = scoring.completion(pairs)
    checklist.search_text = search_text(session, checklist)
    session.flush()
    return checklist


def _done_once(
    session: Session, office: str, unit_id: str | None, programme: str, period: Period
) -> set[str]:
    """Codes of ``once`` indicators an earlier checklist of this office and unit answered done."""
    rows = session.execute(
        select(TemplateItem.code, Checklist.period_code)
        .join(ChecklistEntry, ChecklistEntry.item_id == TemplateItem.id)
        .join(Checklist, Checklist.id == ChecklistEntry.checklist_id)
        .join(Template, Template.id == Checklist.template_id)
        .where(
            Template.code == programme, TemplateItem.frequency == ONCE, ChecklistEntry.status == "done",
            ChecklistEntry.deleted.is_(False), Checklist.deleted.is_(False), Checklist.office_code == office,
            Checklist.unit_id.is_(None) if unit_id is None else Checklist.unit_id == unit_id,
        )
    ).tuples().all()
    return {code for code, period_code in rows if Period.parse(period_code).start < period.start}


def create_checklist(
    store: Store, actor: Actor, template_id: str, unit_id: str | None, period_code: str
) -> ChecklistSummary:
    """A new checklist with one empty answer per indicator; ``unit_id`` None = whole directorate.

    Refused when the office already has one for the same unit, template and period.
    """
    with store.session() as s:
        checklist = create_in(s, store, actor, template_id, unit_id, period_code)
        return summary_in(s, checklist.id)


# --------------------------------------------------------------------------- answering


def _live_entry(session: Session, entry_id: str) -> ChecklistEntry:
    entry = session.get(ChecklistEntry, entry_id)
    if entry is None or entry.deleted:
        raise UserError("این ردیف چک‌لیست پیدا نشد.", f"Entry {entry_id} not found.", code="entry_missing")
    return entry


def check_editable(checklist: Checklist, actor: Actor | None = None) -> None:
    """The answers change only in a draft, and only at the office that owns the checklist: a
    submitted one waits for the review, an approved one is locked, and HQ never edits a
    province's answers itself (it returns the checklist with a note; docs/SYNC.md)."""
    if checklist.status == "approved":
        raise UserError(
            "این چک‌لیست تأیید شده و قفل است؛ برای تغییر، ستاد باید تأیید را بازگرداند.",
            "The checklist is approved and locked; HQ must reopen it first.",
            code="checklist_locked",
        )
    if checklist.status == "submitted":
        raise UserError(
            "این چک‌لیست برای بررسی ارسال شده است و تا بازگردانده نشود ویرایش نمی‌شود؛ "
            "اگر اصلاحی لازم است، از ستاد بخواهید آن را برای اصلاح بازگرداند.",
            "The checklist was sent for review; ask HQ to return it for correction to edit it.",
            code="checklist_submitted",
        )
    if actor is not None and actor.office_code == HQ and checklist.office_code != HQ:
        raise UserError(
            "ستاد پاسخ‌های چک‌لیست استان را مستقیم تغییر نمی‌دهد؛ آن را با یادداشت برای اصلاح "
            "به استان بازگردانید.",
            "HQ does not edit a province's answers; return the checklist for correction instead.",
            code="checklist_not_hq",
        )


def _validated(
    item: TemplateItem, entry: ChecklistEntry | None, fields: dict[str, Any], is_computed: bool = False,
) -> dict[str, Any]:
    entry_rules.check_fields(fields)
    out: dict[str, Any] = {}
    if "status" in fields:
        out["status"] = entry_rules.status(fields["status"])
    if "progress" in fields:
        out["progress"] = entry_rules.progress(fields["progress"])
    if "value" in fields:
        if is_computed and fields["value"] not in (None, ""):
            raise entry_rules.computed_value(item.code, item.title_fa)
        out["value"] = entry_rules.value(fields["value"], item.definition, item.code, item.title_fa)
    if "note" in fields:
        out["note"] = entry_rules.note(fields["note"])
    if "subtasks_done" in fields:
        out["subtasks_done"] = entry_rules.subtasks_done(fields["subtasks_done"], item.subtasks or [])
    return out


def values_of(entry: ChecklistEntry) -> EntryValues:
    return EntryValues(
        status=entry.status, progress=entry.progress, value=entry.value, note=entry.note,
        subtasks_done=tuple(entry.subtasks_done or ()),
    )


def is_computed_in(session: Session, checklist: Checklist, item: TemplateItem) -> bool:
    """Whether ``item`` is computed from records in this checklist (a whole-directorate one)."""
    if checklist.unit_id is not None:
        return False
    template = session.get(Template, checklist.template_id)
    return template is not None and item.code in computed.computed_codes(template.code)


def asked_answers(session: Session, checklist: Checklist) -> list[tuple[str, int | None]]:
    """(status, progress) of the answers the checklist asks, the ones its completion counts."""
    template = session.get(Template, checklist.template_id)
    programme = template.code if template is not None else ""
    period = Period.parse(checklist.period_code)
    for_visit = bool(session.scalar(select(scoring.visit_checklist(checklist.id))))
    rows = session.execute(
        select(ChecklistEntry.status, ChecklistEntry.progress, TemplateItem.code, TemplateItem.frequency)
        .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
        .where(ChecklistEntry.checklist_id == checklist.id, ChecklistEntry.deleted.is_(False))
    ).tuples().all()
    return [(status, progress) for status, progress, code, frequency in rows
            if scoring.is_asked(programme, code, frequency, period, checklist.unit_id is None, for_visit)]


def refresh_derived(session: Session, checklist_ids: Iterable[str]) -> None:
    """After a sync import: each touched checklist's cached completion from the answers the
    store now holds (the winners of both sides may differ from either side's cache).  Derived,
    like a case's state: no new version and no audit entry (``audit.DERIVED_FIELDS``).

    Summed in SQL over the asked answers (``scoring.asked_clause``, the rule of
    ``asked_answers``), per chunk of 500 checklists: an HQ import touches every checklist of a
    province, and reading each answer into Python cost a seventh of the merge.  Hundredths are
    whole numbers, so the figure equals ``scoring.completion`` exactly."""
    ids = sorted(set(checklist_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        lists = {c.id: c for c in session.scalars(
            select(Checklist).where(Checklist.id.in_(chunk), Checklist.deleted.is_(False)))}
        if not lists:
            continue
        sums = {cid: (int(points or 0), int(counted or 0)) for cid, points, counted in session.execute(
            select(ChecklistEntry.checklist_id, func.sum(scoring.hundredths_sql()),
                   func.sum(scoring.counted_sql()))
            .join(TemplateItem, TemplateItem.id == ChecklistEntry.item_id)
            .where(ChecklistEntry.checklist_id.in_(list(lists)), ChecklistEntry.deleted.is_(False),
                   scoring.asked_clause(session, list(lists)))
            .group_by(ChecklistEntry.checklist_id)
        ).tuples()}
        for cid, checklist in lists.items():
            completion = scoring.completion_of(*sums.get(cid, (0, 0)))
            if checklist.completion != completion:
                checklist.completion = completion
    session.flush()


def refresh_checklist(session: Session, store: Store, actor: Actor, checklist: Checklist) -> float | None:
    """Recompute the cached completion and search text after answers changed."""
    completion = scoring.completion(asked_answers(session, checklist))
    records.update(
        session, store, actor, checklist, completion=completion,
        search_text=search_text(session, checklist),
    )
    return completion


def apply_in(
    session: Session, store: Store, actor: Actor, entry: ChecklistEntry, fields: dict[str, Any]
) -> tuple[EntryValues, bool]:
    """Validate and apply ``fields`` to one answer inside the caller's transaction."""
    checklist = _live_checklist(session, entry.checklist_id)
    check_editable(checklist, actor)
    item = session.get(TemplateItem, entry.item_id)
    assert item is not None  # a foreign key guarantees it
    previous = values_of(entry)
    changes = _validated(item, entry, fields, is_computed_in(session, checklist, item))
    return previous, records.update(session, store, actor, entry, **changes)


def import_value(session: Session, entry: ChecklistEntry, raw: Any) -> float | None:
    """The value cell of an imported row, checked like an edit (kind, bounds, indicator named).

    A computed indicator's cell is shown for reading and ignored: the stored value comes back."""
    item = session.get(TemplateItem, entry.item_id)
    checklist = session.get(Checklist, entry.checklist_id)
    assert item is not None and checklist is not None  # foreign keys guarantee them
    if is_computed_in(session, checklist, item):
        return entry.value
    return entry_rules.value(raw, item.definition, item.code, item.title_fa)


def save_entry(store: Store, actor: Actor, entry_id: str, **fields: Any) -> SaveResult:
    """Validate and save some fields of one answer at once, in its own transaction.

    Fields: ``status`` ("", done, partial, not_done, na), ``progress`` (0..100), ``value``
    (fitting the indicator's kind and bounds; never for computed ones), ``note`` (≤ 4000
    characters), ``subtasks_done`` (indices).  A refused value leaves the store as it was.
    """
    require(actor, "checklists.edit")
    with store.session() as s:
        entry = _live_entry(s, entry_id)
        previous, changed = apply_in(s, store, actor, entry, fields)
        checklist = _live_checklist(s, entry.checklist_id)
        completion = refresh_checklist(s, store, actor, checklist) if changed else checklist.completion
        view = entries_in(s, entry.checklist_id, [entry_id])[0]
    return SaveResult(entry=view, previous=previous, completion=completion, changed=changed)


# --------------------------------------------------------------------------- life cycle


def _checklist_in(session: Session, checklist_id: str, status: str, fa: str, en: str) -> Checklist:
    """The live checklist, refused with ``fa``/``en`` unless it is ``status``: each step of the
    life cycle follows exactly one state."""
    checklist = _live_checklist(session, checklist_id)
    if checklist.status != status:
        raise UserError(fa, en, code="checklist_state")
    return checklist


def _require_hq_review(actor: Actor, fa: str, en: str) -> None:
    """Approving and returning are HQ's review: the permission, and HQ's office (refused with
    ``fa``/``en`` elsewhere) — ``can_approve`` and ``can_return`` say the same for screens."""
    require(actor, "checklists.approve")
    if actor.office_code != HQ:
        raise UserError(fa, en, code="hq_only")


def submit(store: Store, actor: Actor, checklist_id: str) -> ChecklistSummary:
    """The office sends a finished checklist for HQ's review."""
    require(actor, "checklists.edit")
    with store.session() as s:
        checklist = _checklist_in(s, checklist_id, "draft", "فقط چک‌لیست پیش‌نویس را می‌توان ارسال کرد.",
                                  "Only a draft checklist can be submitted.")
        records.update(s, store, actor, checklist, status="submitted")
        return summary_in(s, checklist_id)


def approve(store: Store, actor: Actor, checklist_id: str) -> ChecklistSummary:
    """HQ approves a submitted checklist; ``approved_hlc`` marks the version approved."""
    _require_hq_review(actor, "تأیید چک‌لیست فقط در ستاد انجام می‌شود.", "Only HQ can approve checklists.")
    with store.session() as s:
        checklist = _checklist_in(s, checklist_id, "submitted",
                                  "فقط چک‌لیستی را که اداره ارسال کرده است می‌توان تأیید کرد.",
                                  "Only a submitted checklist can be approved.")
        # The figures are frozen first: the entries' versions then precede the approval's stamp,
        # so a store that merges them with the approval never takes them for later edits.
        _freeze(s, store, actor, checklist)
        records.update(
            s, store, actor, checklist, status="approved", approved_by=actor.label,
            approved_hlc=store.clock.now(), review_note="",
        )
        return summary_in(s, checklist_id)


def _freeze(session: Session, store: Store, actor: Actor, checklist: Checklist) -> None:
    """Write the computed figures into the checklist being approved: they stay what was approved."""
    for view in entries_in(session, checklist.id):
        if not (view.computed and view.asked):
            continue
        entry = session.get(ChecklistEntry, view.id)
        assert entry is not None
        source = {**(view.computed_source or {}), "frozen": True, "approved_on": jalali.today().isoformat()}
        records.update(session, store, actor, entry, value=view.live_value, computed=True,
                       computed_source=source)


REVIEW_NOTE_MAX = 2000


def can_edit(actor: Actor, summary: ChecklistSummary) -> bool:
    """Whether ``actor`` may change the answers (``check_editable``'s rule, for screens)."""
    return (allowed(actor, "checklists.edit") and summary.status == "draft"
            and not (actor.office_code == HQ and summary.office_code != HQ))


def can_approve(actor: Actor, summary: ChecklistSummary) -> bool:
    return allowed(actor, "checklists.approve") and actor.office_code == HQ and summary.status == "submitted"


def can_return(actor: Actor, summary: ChecklistSummary) -> bool:
    return (allowed(actor, "checklists.approve") and actor.office_code == HQ
            and summary.status in ("submitted", "approved"))


def reopen(store: Store, actor: Actor, checklist_id: str, note: str = "") -> ChecklistSummary:
    """HQ sends a submitted or approved checklist back to draft so the office can edit it; the
    note says what to correct (required when returning a submitted one for correction)."""
    _require_hq_review(actor, "بازگرداندن چک‌لیست فقط در ستاد انجام می‌شود.", "Only HQ can reopen.")
    note = " ".join(note.split())
    if len(note) > REVIEW_NOTE_MAX:
        raise UserError(
            f"یادداشت بازگرداندن حداکثر {to_persian_digits(str(REVIEW_NOTE_MAX))} نویسه است.",
            f"The return note is at most {REVIEW_NOTE_MAX} characters.", code="note_too_long",
        )
    with store.session() as s:
        checklist = _live_checklist(s, checklist_id)
        if checklist.status == "submitted" and not note:
            raise UserError(
                "بنویسید چه چیزی باید اصلاح شود؛ این یادداشت به اداره می‌رسد.",
                "Write what needs correcting; the note goes to the office.", code="note_required",
            )
        # approved_hlc stays: the stamp of the newest approval, so this version orders after
        # that approval in every store's merge (docs/SYNC.md, "Approval").
        records.update(s, store, actor, checklist, status="draft", approved_by=None, review_note=note)
        for entry in s.scalars(select(ChecklistEntry).where(
            ChecklistEntry.checklist_id == checklist_id, ChecklistEntry.computed.is_(True),
            ChecklistEntry.deleted.is_(False),
        )):  # the approval's figures go with it: the live ones show again
            records.update(s, store, actor, entry, value=None, computed=False, computed_source=None)
        return summary_in(s, checklist_id)


def delete_checklist(store: Store, actor: Actor, checklist_id: str) -> None:
    """Soft delete (a tombstone that travels); an approved checklist stays."""
    require(actor, "checklists.edit")
    with store.session() as s:
        checklist = _live_checklist(s, checklist_id)
        check_editable(checklist, actor)
        records.soft_delete(s, store, actor, checklist)

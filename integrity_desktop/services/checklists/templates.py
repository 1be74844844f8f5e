"""Checklist templates: the catalogue's programmes and the ones HQ authors.

HQ writes a new template (or a new version of one) as a draft, edits its axes and indicators,
then publishes it.  A version that any checklist has used is never changed in place, so the
answers of every filled checklist keep meaning what they meant; change means a new version.
Ids are UUIDv5 of (code, version, ...) so a template is the same record in every store.
An indicator keeps its identity across versions by its code: a new version copies every item
with its code and definition (kind, unit, frequency, direction, bounds, target), and the
dashboard, the computed indicators and the reports join versions on the code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.models import Checklist, Template, TemplateItem, TemplateSection
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.indicators import (
    DEFAULT_BOUNDS,
    DEFAULT_UNITS_FA,
    KIND_LABELS_FA,
    REFORM_PREFIX,
    Definition,
    display_code,
)
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store import records
from integrity_desktop.services.store.records import stable_id
from integrity_desktop.services.store.seed import template_id

_CODE = re.compile(r"[a-z0-9][a-z0-9\-]{1,79}")
_ITEM_CODE = re.compile(rf"{REFORM_PREFIX}?[0-9]{{1,3}}/[0-9]{{1,3}}")
DEFINITION_FIELDS = ("kind", "unit_fa", "frequency", "direction", "min_value", "max_value", "target",
                     "measurement_fa")
ITEM_FIELDS = ("title_fa", "legal_basis", "lead_unit", "partner_units", "subtasks", "counts", "sort_order",
               *DEFINITION_FIELDS)


@dataclass(frozen=True)
class TemplateSummary:
    id: str
    code: str
    version: int
    title_fa: str
    title_en: str
    origin: str  # catalog | authored
    status: str  # draft | published
    item_count: int
    used: bool
    based_on_id: str | None


@dataclass(frozen=True)
class ItemView:
    id: str
    section_id: str
    code: str
    sort_order: int
    title_fa: str
    subtasks: tuple[str, ...]
    legal_basis: str
    lead_unit: str
    partner_units: tuple[str, ...]
    counts: bool
    definition: Definition = field(default_factory=Definition)


@dataclass(frozen=True)
class SectionView:
    id: str
    number: int
    title_fa: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class TemplateView:
    summary: TemplateSummary
    sections: tuple[SectionView, ...]

    @property
    def items(self) -> tuple[ItemView, ...]:
        return tuple(i for s in self.sections for i in s.items)


@dataclass(frozen=True)
class ProgrammeContext:
    """What the reform programme says around one of its programmes: shown where it is filled."""

    programme_title: str
    number: int
    title_fa: str
    quantitative_goal: str
    policy_references: tuple[str, ...]
    outcomes: tuple[str, ...]
    goals: tuple[str, ...]
    strategies: tuple[str, ...]


def programme_context(template_code: str, section_number: int) -> ProgrammeContext | None:
    """The goals, strategies and outcomes around a section of the reform programme (any version
    of its template); None for any other template."""
    from integrity_desktop import catalog

    reform = catalog.load_reform()
    if template_code != reform.code:
        return None
    try:
        prog = reform.programme(section_number)
    except KeyError:
        return None
    return ProgrammeContext(reform.title_fa, prog.number, prog.title_fa, prog.quantitative_goal,
                            prog.policy_references, prog.outcomes, reform.goals, reform.strategies)


def _used(session: Session, tid: str) -> bool:
    """Whether any checklist (even a deleted one: its answers still point here) uses it."""
    return session.scalar(select(Checklist.id).where(Checklist.template_id == tid).limit(1)) is not None


def _summary(session: Session, t: Template) -> TemplateSummary:
    count = session.scalar(select(func.count()).select_from(TemplateItem).where(
        TemplateItem.template_id == t.id, TemplateItem.deleted.is_(False)
    ))
    return TemplateSummary(t.id, t.code, t.version, t.title_fa, t.title_en, t.origin, t.status,
                           int(count or 0), _used(session, t.id), t.based_on_id)


def list_templates(
    store: Store, actor: Actor, *, include_drafts: bool = True, offset: int = 0, limit: int = 100
) -> list[TemplateSummary]:
    """Templates by code and version (drafts only when asked)."""
    require(actor, "checklists.view")
    query = select(Template).where(Template.deleted.is_(False))
    if not include_drafts:
        query = query.where(Template.status == "published")
    query = query.order_by(Template.code, Template.version).offset(max(0, offset)).limit(max(0, limit))
    with store.read() as s:
        return [_summary(s, t) for t in s.scalars(query)]


def count_templates(store: Store, actor: Actor, *, include_drafts: bool = True) -> int:
    require(actor, "checklists.view")
    query = select(func.count()).select_from(Template).where(Template.deleted.is_(False))
    if not include_drafts:
        query = query.where(Template.status == "published")
    with store.read() as s:
        return int(s.scalar(query) or 0)


def _template(session: Session, tid: str) -> Template:
    t = session.get(Template, tid)
    if t is None or t.deleted:
        raise UserError("الگوی چک‌لیست پیدا نشد.", f"Template {tid} not found.", code="template_missing")
    return t


def get_template(store: Store, actor: Actor, tid: str) -> TemplateView:
    """A template with its axes and indicators in order."""
    require(actor, "checklists.view")
    with store.read() as s:
        t = _template(s, tid)
        sections = s.scalars(select(TemplateSection).where(
            TemplateSection.template_id == tid, TemplateSection.deleted.is_(False)
        ).order_by(TemplateSection.number)).all()
        items = s.scalars(select(TemplateItem).where(
            TemplateItem.template_id == tid, TemplateItem.deleted.is_(False)
        ).order_by(TemplateItem.sort_order)).all()
        views = tuple(
            SectionView(sec.id, sec.number, sec.title_fa, tuple(
                ItemView(i.id, i.section_id, i.code, i.sort_order, i.title_fa, tuple(i.subtasks or ()),
                         i.legal_basis, i.lead_unit, tuple(i.partner_units or ()), i.counts, i.definition)
                for i in items if i.section_id == sec.id
            ))
            for sec in sections
        )
        return TemplateView(_summary(s, t), views)


# --------------------------------------------------------------------------- authoring


def _require_hq(actor: Actor) -> None:
    require(actor, "templates.author")
    if actor.office_code != HQ:
        raise UserError(
            "الگوی چک‌لیست فقط در ستاد نوشته می‌شود؛ اداره‌ها الگوها را با همگام‌سازی می‌گیرند.",
            "Only HQ authors checklist templates.",
            code="hq_only",
        )


def _editable(session: Session, t: Template) -> None:
    if t.status != "draft" or _used(session, t.id):
        raise UserError(
            f"نسخهٔ {to_persian_digits(str(t.version))} این الگو منتشر یا به کار رفته است و تغییر "
            "نمی‌کند؛ برای تغییر، نسخهٔ تازه‌ای از آن بسازید.",
            f"Version {t.version} of {t.code} is published or used and cannot change; make a new version.",
            code="template_frozen",
        )


def _checked_code(code: str, pattern: re.Pattern[str], fa: str, en: str, error_code: str) -> str:
    """A template's or an indicator's code, trimmed; refused unless the whole of it matches."""
    code = (code or "").strip()
    if not pattern.fullmatch(code):
        raise UserError(fa, en, code=error_code)
    return code


def _title(text: str) -> str:
    title = (text or "").strip()
    if not title:
        raise UserError("عنوان را بنویسید.", "A title is required.", code="title_required")
    if len(title) > 500:
        raise UserError("عنوان بیش از ۵۰۰ نویسه است؛ کوتاه‌ترش کنید.", "Title too long.", code="title_long")
    return title


def create_template(
    store: Store, actor: Actor, code: str, title_fa: str, title_en: str = "", description: str = ""
) -> TemplateSummary:
    """HQ starts a new template (version 1, draft).  ``code`` is a lower-case ASCII slug."""
    _require_hq(actor)
    code = _checked_code(
        code, _CODE, "کد الگو باید با حروف کوچک لاتین، رقم و خط تیره نوشته شود (مثلاً service-desk).",
        "The template code must be a lower-case slug such as service-desk.", "template_code",
    )
    with store.session() as s:
        if s.scalar(select(Template.id).where(Template.code == code).limit(1)) is not None:
            raise UserError(
                f"الگویی با کد «{code}» هست؛ برای تغییر آن نسخهٔ تازه بسازید.",
                f"A template with code {code!r} exists; make a new version instead.",
                code="template_exists",
            )
        t = Template(
            id=template_id(code, 1), office_code=HQ, code=code, version=1, title_fa=_title(title_fa),
            title_en=title_en.strip(), origin="authored", status="draft", description=description,
        )
        records.add(s, store, actor, t)
        return _summary(s, t)


def new_version(store: Store, actor: Actor, tid: str, title_fa: str | None = None) -> TemplateSummary:
    """A draft copy of a template's axes and indicators as the code's next version."""
    _require_hq(actor)
    with store.session() as s:
        base = _template(s, tid)
        version = int(s.scalar(select(func.max(Template.version)).where(Template.code == base.code)) or 0) + 1
        t = Template(
            id=template_id(base.code, version), office_code=HQ, code=base.code, version=version,
            title_fa=_title(title_fa or base.title_fa), title_en=base.title_en, origin="authored",
            status="draft", description=base.description, based_on_id=base.id,
        )
        records.add(s, store, actor, t)
        section_ids: dict[str, str] = {}
        for sec in s.scalars(select(TemplateSection).where(
            TemplateSection.template_id == base.id, TemplateSection.deleted.is_(False)
        )):
            new = TemplateSection(id=stable_id("section", t.id, str(sec.number)), office_code=HQ,
                                  template_id=t.id, number=sec.number, title_fa=sec.title_fa)
            records.add(s, store, actor, new)
            section_ids[sec.id] = new.id
        for i in s.scalars(select(TemplateItem).where(
            TemplateItem.template_id == base.id, TemplateItem.deleted.is_(False)
        )):
            records.add(s, store, actor, TemplateItem(
                id=stable_id("item", t.id, i.code), office_code=HQ, template_id=t.id,
                section_id=section_ids[i.section_id], code=i.code, sort_order=i.sort_order,
                title_fa=i.title_fa, subtasks=list(i.subtasks or []), legal_basis=i.legal_basis,
                lead_unit=i.lead_unit, partner_units=list(i.partner_units or []), counts=i.counts,
                **{name: getattr(i, name) for name in DEFINITION_FIELDS},
            ))
        return _summary(s, t)


def add_section(store: Store, actor: Actor, tid: str, number: int, title_fa: str) -> str:
    """Add an axis to a draft template; returns the section id."""
    _require_hq(actor)
    with store.session() as s:
        t = _template(s, tid)
        _editable(s, t)
        sid = stable_id("section", tid, str(number))
        existing = s.get(TemplateSection, sid)
        if existing is not None and not existing.deleted:
            raise UserError(
                f"محور شمارهٔ {to_persian_digits(str(number))} در این الگو هست.",
                f"Axis {number} already exists.",
                code="section_exists",
            )
        if existing is not None:
            records.update(s, store, actor, existing, deleted=False, title_fa=_title(title_fa))
        else:
            records.add(s, store, actor, TemplateSection(
                id=sid, office_code=HQ, template_id=tid, number=number, title_fa=_title(title_fa)
            ))
        return sid


def _checked_definition(code: str, definition: Definition) -> Definition:
    """A definition HQ gives an indicator, or a Persian refusal saying what is wrong."""
    if definition.problems():
        raise UserError(
            f"تعریف شاخص {display_code(code)} درست نیست: نوع، تناوب و جهت را از فهرست برگزینید؛ "
            "کران پایین از کران بالا بیشتر نباشد، هدف میان دو کران باشد و شاخص «وضعیت اجرا» "
            "کران و هدف نگیرد.",
            f"Definition of {code}: {'; '.join(definition.problems())}",
            code="item_definition",
        )
    if definition.takes_value and not definition.unit_fa.strip():
        raise UserError(
            f"برای شاخص {display_code(code)} از نوع «{KIND_LABELS_FA[definition.kind]}» واحد را بنویسید "
            "(مثلاً «جلسه» یا «درصد»).",
            f"Indicator {code} needs a unit.",
            code="item_unit",
        )
    return definition


def definition_for_kind(kind: str) -> dict[str, Any]:
    """The definition fields of a new indicator of ``kind`` (the documented defaults)."""
    low, high = DEFAULT_BOUNDS[kind]
    return {"kind": kind, "unit_fa": DEFAULT_UNITS_FA[kind], "min_value": low, "max_value": high,
            "target": None}


def _item_fields(fields: dict[str, Any], current: Definition | None = None, code: str = "") -> dict[str, Any]:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"unknown item fields: {sorted(unknown)}")
    out = dict(fields)
    if "counts" in out and "kind" not in out:  # the older switch: counting or not
        wanted = bool(out.pop("counts"))
        if wanted != (current or Definition()).takes_value:
            out = {**definition_for_kind("count" if wanted else "status"), **out}
    if set(out) & set(DEFINITION_FIELDS):
        base = current or Definition()
        merged = Definition(**{name: out.get(name, getattr(base, name)) for name in DEFINITION_FIELDS})
        for name in ("min_value", "max_value", "target"):
            value = getattr(merged, name)
            if value is not None:
                merged = Definition(**{**merged.__dict__, name: float(value)})
        merged = _checked_definition(code, merged)
        out.update({name: getattr(merged, name) for name in DEFINITION_FIELDS})
        out["counts"] = merged.takes_value
    if "title_fa" in out:
        out["title_fa"] = _title(out["title_fa"])
    for key in ("subtasks", "partner_units"):
        if key in out:
            out[key] = [str(x).strip() for x in out[key] if str(x).strip()]
    for key in ("legal_basis", "lead_unit"):
        if key in out:
            out[key] = str(out[key] or "").strip()
    if "counts" in out:
        out["counts"] = bool(out["counts"])
    return out


def add_item(
    store: Store, actor: Actor, section_id: str, code: str, title_fa: str, *, legal_basis: str = "",
    lead_unit: str = "", partner_units: Sequence[str] = (), subtasks: Sequence[str] = (),
    counts: bool = False, **definition: Any,
) -> str:
    """Add an indicator (code like ``9/6``) to an axis of a draft template; returns its id.

    ``definition`` holds any of ``DEFINITION_FIELDS``; without a ``kind`` the indicator is a
    status one, or a count when ``counts`` is given (the documented defaults)."""
    _require_hq(actor)
    code = _checked_code(code, _ITEM_CODE, "کد شاخص را به شکل «محور/شماره» بنویسید، مثلاً 9/6.",
                         "Write the indicator code as axis/number, e.g. 9/6.", "item_code")
    unknown = set(definition) - set(DEFINITION_FIELDS)
    if unknown:
        raise TypeError(f"unknown definition fields: {sorted(unknown)}")
    with store.session() as s:
        section = s.get(TemplateSection, section_id)
        if section is None or section.deleted:
            raise UserError("محور پیدا نشد.", f"Section {section_id} not found.", code="section_missing")
        t = _template(s, section.template_id)
        _editable(s, t)
        iid = stable_id("item", t.id, code)
        existing = s.get(TemplateItem, iid)
        if existing is not None and not existing.deleted:
            raise UserError(
                f"شاخص «{code}» در این الگو هست.", f"Indicator {code} exists.", code="item_exists"
            )
        order = int(s.scalar(select(func.max(TemplateItem.sort_order)).where(
            TemplateItem.template_id == t.id
        )) or 0) + 1
        kind = str(definition.get("kind", "count" if counts else "status"))
        if kind not in DEFAULT_BOUNDS:
            _checked_definition(code, Definition(kind=kind))  # refuses, naming the indicator
        fields = _item_fields({
            "title_fa": title_fa, "legal_basis": legal_basis, "lead_unit": lead_unit,
            "partner_units": partner_units, "subtasks": subtasks,
            **definition_for_kind(kind), **definition,
        }, code=code)
        if existing is not None:  # an indicator removed earlier comes back under the same id
            records.update(s, store, actor, existing, deleted=False, section_id=section_id,
                           sort_order=order, **fields)
        else:
            records.add(s, store, actor, TemplateItem(
                id=iid, office_code=HQ, template_id=t.id, section_id=section_id, code=code,
                sort_order=order, **fields,
            ))
        return iid


def update_item(store: Store, actor: Actor, item_id: str, **fields: Any) -> None:
    """Change an indicator of a draft, unused template (title, basis, units, sub-tasks, ...)."""
    _require_hq(actor)
    with store.session() as s:
        item = s.get(TemplateItem, item_id)
        if item is None or item.deleted:
            raise UserError("شاخص پیدا نشد.", f"Item {item_id} not found.", code="item_missing")
        _editable(s, _template(s, item.template_id))
        if "kind" in fields and fields["kind"] in DEFAULT_BOUNDS and fields["kind"] != item.kind:
            fields = {**definition_for_kind(str(fields["kind"])), **fields}  # a new kind's defaults
        records.update(s, store, actor, item, **_item_fields(fields, item.definition, item.code))


def remove_item(store: Store, actor: Actor, item_id: str) -> None:
    _require_hq(actor)
    with store.session() as s:
        item = s.get(TemplateItem, item_id)
        if item is None or item.deleted:
            return
        _editable(s, _template(s, item.template_id))
        records.soft_delete(s, store, actor, item)


def publish(store: Store, actor: Actor, tid: str) -> TemplateSummary:
    """Make a draft available for checklists; it must have at least one indicator."""
    _require_hq(actor)
    with store.session() as s:
        t = _template(s, tid)
        _editable(s, t)
        if _summary(s, t).item_count == 0:
            raise UserError(
                "الگوی بدون شاخص منتشر نمی‌شود؛ نخست شاخص‌ها را بیفزایید.",
                "A template without indicators cannot be published.",
                code="template_empty",
            )
        records.update(s, store, actor, t, status="published")
        return _summary(s, t)

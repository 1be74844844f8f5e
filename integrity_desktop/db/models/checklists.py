"""Checklist templates (from the catalogue or authored at HQ) and filled checklists."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import ID, Base, Synced
from integrity_desktop.indicators import Definition


class Template(Synced, Base):
    """One version of a checklist template; a version that has been used never changes."""

    __tablename__ = "templates"
    __sync_type__ = "template"
    __table_args__ = (UniqueConstraint("code", "version"),)

    code: Mapped[str] = mapped_column(String(80))
    version: Mapped[int]
    title_fa: Mapped[str] = mapped_column(String(500))
    title_en: Mapped[str] = mapped_column(String(500), default="")
    origin: Mapped[str] = mapped_column(String(16), default="catalog")  # catalog | authored
    status: Mapped[str] = mapped_column(String(16), default="published")  # draft | published
    description: Mapped[str] = mapped_column(Text, default="")
    based_on_id: Mapped[str | None] = mapped_column(ID)


class TemplateSection(Synced, Base):
    """An axis of the three-year programme, or a programme of the reform catalogue."""

    __tablename__ = "template_sections"
    __sync_type__ = "template_section"

    template_id: Mapped[str] = mapped_column(ForeignKey("templates.id"), index=True)
    number: Mapped[int]
    title_fa: Mapped[str] = mapped_column(String(500))


class TemplateItem(Synced, Base):
    """An indicator (e.g. ``6/4``, or ``R6/1`` of the reform programme) with its legal basis,
    lead unit, partners and definition (``indicators.Definition``: kind, unit, frequency,
    direction, bounds, target).  An indicator keeps its identity across template versions by
    its code."""

    __tablename__ = "template_items"
    __sync_type__ = "template_item"

    template_id: Mapped[str] = mapped_column(ForeignKey("templates.id"), index=True)
    section_id: Mapped[str] = mapped_column(ForeignKey("template_sections.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    sort_order: Mapped[int]
    title_fa: Mapped[str] = mapped_column(Text)
    subtasks: Mapped[list[str]] = mapped_column(default=list)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    lead_unit: Mapped[str] = mapped_column(String(500), default="")
    partner_units: Mapped[list[str]] = mapped_column(default=list)
    counts: Mapped[bool] = mapped_column(default=False)  # kind != "status" (kept for schema 0001)
    kind: Mapped[str] = mapped_column(String(16), default="status", server_default="status")
    unit_fa: Mapped[str] = mapped_column(String(80), default="", server_default="")
    frequency: Mapped[str] = mapped_column(String(16), default="quarterly", server_default="quarterly")
    direction: Mapped[str] = mapped_column(String(8), default="higher", server_default="higher")
    min_value: Mapped[float | None]
    max_value: Mapped[float | None]
    target: Mapped[float | None]
    measurement_fa: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def definition(self) -> Definition:
        return Definition(
            kind=self.kind, unit_fa=self.unit_fa, frequency=self.frequency, direction=self.direction,
            min_value=self.min_value, max_value=self.max_value, target=self.target,
            measurement_fa=self.measurement_fa,
        )


class Checklist(Synced, Base):
    """A template filled in for one unit (or the whole directorate) and one Jalali period."""

    __tablename__ = "checklists"
    __sync_type__ = "checklist"

    template_id: Mapped[str] = mapped_column(ForeignKey("templates.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    period_code: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|submitted|approved
    completion: Mapped[float | None]  # cached score in percent, refreshed on every entry save
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_hlc: Mapped[str | None] = mapped_column(String(48))
    # HQ's note when it returns the checklist for correction (issue 16): shown to the office
    review_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # normalised for Persian search


class ChecklistEntry(Synced, Base):
    """The answer for one indicator; id is UUIDv5 of (checklist, item) so it is unique."""

    __tablename__ = "checklist_entries"
    __sync_type__ = "checklist_entry"

    checklist_id: Mapped[str] = mapped_column(ForeignKey("checklists.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("template_items.id"))
    status: Mapped[str] = mapped_column(String(16), default="")  # ""|done|partial|not_done|na
    progress: Mapped[int | None]
    value: Mapped[float | None]
    note: Mapped[str] = mapped_column(Text, default="")
    subtasks_done: Mapped[list[int]] = mapped_column(default=list)
    computed: Mapped[bool] = mapped_column(default=False)
    computed_source: Mapped[dict[str, Any] | None]

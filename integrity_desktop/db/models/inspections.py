"""Inspectors, inspection plans, visits, findings and corrective actions (axes 1 and 22)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import Base, Synced


class Inspector(Synced, Base):
    """A trusted inspector appointed under articles 91 and 92 of the Civil Service Law."""

    __tablename__ = "inspectors"
    __sync_type__ = "inspector"

    full_name: Mapped[str]
    national_code: Mapped[str] = mapped_column(String(10))
    post: Mapped[str] = mapped_column(default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    letter_no: Mapped[str] = mapped_column(String(80), default="")
    appointed_on: Mapped[date]
    term_end: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="active")  # active|suspended|ended


class InspectionPlan(Synced, Base):
    """The inspections planned for one period."""

    __tablename__ = "inspection_plans"
    __sync_type__ = "inspection_plan"

    period_code: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PlanItem(Synced, Base):
    """One planned inspection: which unit, when, by whom, with which template."""

    __tablename__ = "plan_items"
    __sync_type__ = "plan_item"

    plan_id: Mapped[str] = mapped_column(ForeignKey("inspection_plans.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    planned_date: Mapped[date]
    inspector_ids: Mapped[list[str]] = mapped_column(default=list)
    template_id: Mapped[str | None] = mapped_column(ForeignKey("templates.id"))


class Visit(Synced, Base):
    """An inspection carried out: periodic (ادواری, from the plan) or ad hoc (موردی)."""

    __tablename__ = "visits"
    __sync_type__ = "visit"

    plan_item_id: Mapped[str | None] = mapped_column(ForeignKey("plan_items.id"))
    kind: Mapped[str] = mapped_column(String(16))  # periodic | adhoc
    visit_date: Mapped[date] = mapped_column(index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    inspector_ids: Mapped[list[str]] = mapped_column(default=list)
    checklist_id: Mapped[str | None] = mapped_column(ForeignKey("checklists.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | reported | closed
    summary: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")


class Finding(Synced, Base):
    """Something an inspection found, tied to an indicator where it fits."""

    __tablename__ = "findings"
    __sync_type__ = "finding"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    severity: Mapped[str] = mapped_column(String(16))  # low | medium | high | critical
    indicator_code: Mapped[str] = mapped_column(String(16), default="")
    text: Mapped[str] = mapped_column(Text)


class CorrectiveAction(Synced, Base):
    """What a responsible unit must do about a finding, by when, and whether it did."""

    __tablename__ = "corrective_actions"
    __sync_type__ = "corrective_action"

    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    responsible_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    description: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done | cancelled
    closed_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

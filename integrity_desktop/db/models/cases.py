"""Administrative-violation cases and the immutable events that make their history (axis 6)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import ID, Base, Synced


class Case(Synced, Base):
    """A case file; its state is derived from its events, never stored as the truth."""

    __tablename__ = "cases"
    __sync_type__ = "case"
    __table_args__ = (
        UniqueConstraint("office_code", "case_number"),
        Index("ix_cases_year_seq", "year", "seq"),  # the register's order, paged at 100k cases
        # The register's count and Persian name search read this index, not the wide rows, and
        # its page still comes in (year, seq) order; at 100k cases (bench/case_list.py): count
        # 41 -> 11 ms, name count 65 -> 36 ms, first page 21 ms as before.
        Index("ix_cases_deleted_name", "deleted", "year", "seq", "employee_name_norm"),
    )

    case_number: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(index=True)
    seq: Mapped[int]
    employee_name: Mapped[str]
    employee_name_norm: Mapped[str] = mapped_column(default="", index=True)  # for search
    national_code: Mapped[str] = mapped_column(String(10))
    employee_post: Mapped[str] = mapped_column(default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    reporter: Mapped[str] = mapped_column(default="")
    violation_codes: Mapped[list[str]] = mapped_column(default=list)
    reported_on: Mapped[date] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    # The finding of an inspection visit this case was referred from (issue 16 item 8), if any.
    source_finding_id: Mapped[str | None] = mapped_column(ForeignKey("findings.id"), default=None,
                                                          index=True)
    # Derived from the events (see services.cases.register); kept for fast lists and filters.
    state: Mapped[str] = mapped_column(String(24), default="reported", index=True)
    last_event_on: Mapped[date | None]


class CaseEvent(Synced, Base):
    """One step of a case; a correction is a new event that follows it, never an edit."""

    __tablename__ = "case_events"
    __sync_type__ = "case_event"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    stage: Mapped[str] = mapped_column(String(24))
    follows_id: Mapped[str | None] = mapped_column(ID)
    event_date: Mapped[date] = mapped_column(index=True)  # statistics select steps by period
    note: Mapped[str] = mapped_column(Text, default="")
    penalty_code: Mapped[str | None] = mapped_column(String(40))
    board_code: Mapped[str | None] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(120), default="")


class CaseStep(Base):
    """A step that counts in its case's derived history, on the date it counts (a correction's,
    when corrected): ``lifecycle.derive_state``'s ``applied`` kept, as a case's ``state`` is,
    so the statistics (6/2–6/11) count rows instead of replaying every case they touch.

    Derived data of this store: never in a bundle, no version stamp, no audit entry; rebuilt in
    the transaction that changes its case's events (``services.cases.register``) and checked
    against the events by ``audit verify``."""

    __tablename__ = "case_steps"
    __table_args__ = (
        # statistics select steps by period, then join their (live) case for its office
        Index("ix_case_steps_counted_on", "counted_on", "stage"),
    )

    event_id: Mapped[str] = mapped_column(ID, primary_key=True)  # the step's own event
    case_id: Mapped[str] = mapped_column(ID, index=True)  # no foreign key: rebuilt, never edited
    stage: Mapped[str] = mapped_column(String(24))
    counted_on: Mapped[date]
    penalty_code: Mapped[str | None] = mapped_column(String(40))

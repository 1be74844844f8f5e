"""People's rights registers (axes 9, 10 and 16): complaints and people's letters, satisfaction
survey rounds, and correspondence with oversight bodies.  Each is a synced record owned by the
office that registered it; the indicators of the three axes are computed from them on read
(``services.rights.figures``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import Base, Synced


class Complaint(Synced, Base):
    """A complaint, letter or suggestion from a person; name and contact are personal data."""

    __tablename__ = "complaints"
    __sync_type__ = "complaint"
    __table_args__ = (
        # The register at 100,000 rows (bench/complaint_list.py): its page comes in this index's
        # order, and a search's count reads the index, not the wide rows.
        Index("ix_complaints_deleted_received", "deleted", "received_on", "id", "search_norm", "person_norm"),
        # the overdue filter: open (no answer) and past the due date
        Index("ix_complaints_open_due", "deleted", "answered_on", "due_on"),
        Index("ix_complaints_office_received", "office_code", "received_on"),
    )

    kind: Mapped[str] = mapped_column(String(16), default="complaint")  # complaint|letter|suggestion
    received_on: Mapped[date] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(16))  # samad|letter|in_person|phone|website
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    category: Mapped[str] = mapped_column(String(24))
    tracking_number: Mapped[str] = mapped_column(String(40), default="")
    person_name: Mapped[str] = mapped_column(String(200), default="")
    person_contact: Mapped[str] = mapped_column(String(200), default="")
    # Normalised search text of the non-personal fields (tracking number, category) and of the
    # personal ones (name, contact, the free text that may name the person), kept apart so a
    # role without the right never matches them.
    # Both at most 400 letters: they are in an index (PostgreSQL limits an index row's size).
    search_norm: Mapped[str] = mapped_column(String(400), default="")
    person_norm: Mapped[str] = mapped_column(String(400), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(index=True)
    answered_on: Mapped[date | None] = mapped_column(index=True)
    outcome: Mapped[str | None] = mapped_column(String(24))
    answer_note: Mapped[str] = mapped_column(Text, default="")
    referred_to: Mapped[str] = mapped_column(String(200), default="")
    satisfaction: Mapped[int | None]  # 1 (very dissatisfied) .. 5 (very satisfied), if asked


class SurveyRound(Synced, Base):
    """One satisfaction survey of a unit (or the whole office) for a period, and what was done
    about its results (9/7)."""

    __tablename__ = "survey_rounds"
    __sync_type__ = "survey_round"

    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    period_code: Mapped[str] = mapped_column(String(16), index=True)
    conducted_on: Mapped[date] = mapped_column(index=True)
    method: Mapped[str] = mapped_column(String(16))  # paper|phone|online|in_person
    sample_size: Mapped[int]
    mean_score: Mapped[float] = mapped_column(Float)  # 0-100
    distribution: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # level "1".."5" -> n
    questions: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"text": .., "score": ..}]
    actions_taken: Mapped[str] = mapped_column(Text, default="")


class OversightLetter(Synced, Base):
    """A letter from an oversight body and this office's answer (axis 16)."""

    __tablename__ = "oversight_letters"
    __sync_type__ = "oversight_letter"
    __table_args__ = (Index("ix_oversight_letters_office_in", "office_code", "in_date"),)

    body: Mapped[str] = mapped_column(String(24), index=True)
    in_number: Mapped[str] = mapped_column(String(60))
    in_date: Mapped[date] = mapped_column(index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date]
    out_number: Mapped[str] = mapped_column(String(60), default="")
    out_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|answered|closed

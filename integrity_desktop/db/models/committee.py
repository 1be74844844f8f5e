"""The administrative-health committee (axis 7) and training courses (axis 12, 2/2, 3/2, 10/7).

Members are appointed by a letter (number, Jalali date; the letter itself is an evidence
record owned by the member) and hold office from one day to another; meetings are planned on
the year's schedule and held (attendees from the members, quorum, minutes as text and as an
evidence file); a meeting's resolutions are followed up to done or dropped.  Training courses
carry the indicator they serve.  Every figure of axes 7 and 12 is computed from these
(``services.committee.figures``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integrity_desktop.db.base import Base, Synced


class CommitteeMember(Synced, Base):
    """A member of the office's administrative-health committee for one term."""

    __tablename__ = "committee_members"
    __sync_type__ = "committee_member"

    full_name: Mapped[str] = mapped_column(String(200))
    post: Mapped[str] = mapped_column(String(200), default="")  # the job post («معاون توسعه مدیریت»)
    role: Mapped[str] = mapped_column(String(16), default="member")  # chair | secretary | member
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    letter_no: Mapped[str] = mapped_column(String(80), default="")
    letter_date: Mapped[date | None]
    member_from: Mapped[date]
    member_to: Mapped[date | None]  # None: still a member
    note: Mapped[str] = mapped_column(Text, default="")


class CommitteeMeeting(Synced, Base):
    """A meeting on the year's schedule, and what happened at it."""

    __tablename__ = "committee_meetings"
    __sync_type__ = "committee_meeting"

    title: Mapped[str] = mapped_column(String(300), default="")
    planned_date: Mapped[date | None] = mapped_column(index=True)  # None: an extra meeting
    held_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned | held | cancelled
    attendee_ids: Mapped[list[str]] = mapped_column(default=list)  # committee_member ids
    quorum_met: Mapped[bool | None]
    minutes: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class CommitteeResolution(Synced, Base):
    """A resolution of a meeting: who must carry it out, by when, and how it went."""

    __tablename__ = "committee_resolutions"
    __sync_type__ = "committee_resolution"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("committee_meetings.id"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    text: Mapped[str] = mapped_column(Text)
    responsible_unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    due_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done | dropped
    done_on: Mapped[date | None]
    drop_reason: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")


class TrainingCourse(Synced, Base):
    """A training course or workshop held, with the indicator it serves (12/1 … 10/7)."""

    __tablename__ = "training_courses"
    __sync_type__ = "training_course"

    title: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(String(8), index=True)  # indicator code: 12/1 … 10/7
    start_date: Mapped[date] = mapped_column(index=True)
    end_date: Mapped[date]
    hours: Mapped[float] = mapped_column(Float)  # hours each participant attended
    trainer: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    participant_count: Mapped[int] = mapped_column(default=0)
    participant_names: Mapped[list[str]] = mapped_column(default=list)
    eval_method: Mapped[str] = mapped_column(String(16), default="")  # "" = not evaluated
    eval_score: Mapped[float | None] = mapped_column(Float)  # 0–100
    note: Mapped[str] = mapped_column(Text, default="")

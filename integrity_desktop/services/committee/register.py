"""The administrative-health committee register (axis 7): members, meetings, resolutions.

Everything is written through ``services.store.records`` (stamped, owned, audited) and travels in
sync bundles.  A province keeps its own committee; HQ reads every province's (``office``
``None`` at HQ lists all offices).  A meeting's state is derived where it is read:
«برگزارشده» once held, «لغوشده» when cancelled, «برگزارنشده» when its planned day has
passed without it, else «برنامه‌ریزی‌شده».  A resolution is overdue when it is open past its
due date (``overdue`` is derived on read, never stored, so it is never stale).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.models import CommitteeMeeting, CommitteeMember, CommitteeResolution
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period, format_date
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.inspections.common import as_date, check_choice, clean_text, get_unit
from integrity_desktop.services.store import records

MEMBER_ROLES: dict[str, str] = {"chair": "رئیس کمیته", "secretary": "دبیر کمیته", "member": "عضو"}
MEETING_STATUSES: dict[str, str] = {"planned": "برنامه‌ریزی‌شده", "held": "برگزارشده",
                                    "cancelled": "لغوشده"}
MISSED_FA = "برگزارنشده"
RESOLUTION_STATUSES: dict[str, str] = {"open": "باز", "done": "انجام‌شده", "dropped": "کنارگذاشته"}
OVERDUE_FA = "معوق"
MAX_NAME = 200


def _today(today: _dt.date | None) -> _dt.date:
    return today or jalali.today()


def _not_future(day: _dt.date, field_fa: str, today: _dt.date) -> None:
    if day > today:
        raise UserError(
            f"{field_fa} ({format_date(day)}) پس از امروز ({format_date(today)}) است؛ "
            "تاریخی تا امروز بنویسید.",
            f"{field_fa} {day.isoformat()} is in the future.", code="date_in_future")


def _scope(stmt: Select, model: type, actor: Actor, office: str | None) -> Select:
    """A province sees its own records; HQ sees one office's, or every office's (``None``)."""
    if actor.office_code != HQ:
        return stmt.where(model.office_code == actor.office_code)  # type: ignore[attr-defined]
    if office:
        return stmt.where(model.office_code == office)  # type: ignore[attr-defined]
    return stmt


def _own(actor: Actor, row: CommitteeMember | CommitteeMeeting | CommitteeResolution) -> None:
    if row.office_code != actor.office_code:
        raise UserError("این رکورد از ادارهٔ دیگری است و فقط همان اداره می‌تواند آن را تغییر دهد.",
                        "The record belongs to another office.", code="foreign_record")


# ------------------------------------------------------------------------------ members

@dataclass(frozen=True)
class MemberInput:
    full_name: str
    member_from: _dt.date | str
    role: str = "member"
    post: str = ""
    unit_id: str | None = None
    letter_no: str = ""
    letter_date: _dt.date | str | None = None
    member_to: _dt.date | str | None = None
    note: str = ""


@dataclass(frozen=True)
class MemberInfo:
    id: str
    office_code: str
    full_name: str
    role: str
    role_fa: str
    post: str
    unit_id: str | None
    letter_no: str
    letter_date: _dt.date | None
    member_from: _dt.date
    member_to: _dt.date | None
    note: str

    def in_office(self, day: _dt.date) -> bool:
        return self.member_from <= day and (self.member_to is None or self.member_to >= day)

    @property
    def announced(self) -> bool:
        """Appointed by a letter with its number and date."""
        return bool(self.letter_no) and self.letter_date is not None


def _member_info(m: CommitteeMember) -> MemberInfo:
    return MemberInfo(m.id, m.office_code, m.full_name, m.role, MEMBER_ROLES.get(m.role, m.role),
                      m.post, m.unit_id, m.letter_no, m.letter_date, m.member_from, m.member_to,
                      m.note)


def _member_fields(session: Session, data: MemberInput, today: _dt.date) -> dict[str, object]:
    name = clean_text(data.full_name, "نام عضو کمیته", "Member name", max_len=MAX_NAME)
    check_choice(data.role, MEMBER_ROLES, "نقش در کمیته", "Committee role")
    start = as_date(data.member_from, "تاریخ آغاز عضویت", "Membership start")
    end = as_date(data.member_to, "تاریخ پایان عضویت", "Membership end") if data.member_to else None
    if end is not None and end < start:
        raise UserError(
            f"پایان عضویت ({format_date(end)}) پیش از آغاز آن ({format_date(start)}) است؛ "
            "تاریخ پایان را برابر یا پس از آغاز بنویسید.",
            "Membership ends before it starts.", code="membership_dates")
    letter_no = clean_text(data.letter_no, "شمارهٔ نامهٔ ابلاغ", "Letter number", required=False, max_len=80)
    letter_date = as_date(data.letter_date, "تاریخ نامهٔ ابلاغ", "Letter date") if data.letter_date else None
    if letter_date is not None:
        _not_future(letter_date, "تاریخ نامهٔ ابلاغ", today)
    if bool(letter_no) != (letter_date is not None):
        raise UserError("شماره و تاریخ نامهٔ ابلاغ را با هم بنویسید (یا هیچ‌کدام را).",
                        "Give the letter's number and date together.", code="letter_incomplete")
    if data.unit_id:
        get_unit(session, data.unit_id, "واحد عضو کمیته")
    return {
        "full_name": name, "role": data.role,
        "post": clean_text(data.post, "سمت", "Post", required=False, max_len=MAX_NAME),
        "unit_id": data.unit_id or None, "letter_no": letter_no, "letter_date": letter_date,
        "member_from": start, "member_to": end,
        "note": clean_text(data.note, "یادداشت", "Note", required=False),
    }


def save_member(store: Store, actor: Actor, data: MemberInput, member_id: str | None = None,
                *, today: _dt.date | None = None, record_id: str | None = None) -> str:
    """Add a member (``member_id`` None) or change one (a new term, its end, a new letter)."""
    require(actor, "committee.edit")
    with store.session() as s:
        fields = _member_fields(s, data, _today(today))
        if member_id is None:
            row = CommitteeMember(id=record_id, **fields)
            records.add(s, store, actor, row)
            return row.id
        row = _load(s, CommitteeMember, member_id)
        _own(actor, row)
        records.update(s, store, actor, row, **fields)
        return row.id


def list_members(store: Store, actor: Actor, *, office: str | None = None,
                 on: _dt.date | None = None) -> list[MemberInfo]:
    """The committee's members (every term), or only those in office on ``on``."""
    require(actor, "committee.view")
    with store.read() as s:
        stmt = _scope(select(CommitteeMember).where(CommitteeMember.deleted.is_(False)),
                      CommitteeMember, actor, office)
        if on is not None:
            stmt = stmt.where(CommitteeMember.member_from <= on,
                              or_(CommitteeMember.member_to.is_(None), CommitteeMember.member_to >= on))
        rows = s.scalars(stmt.order_by(CommitteeMember.office_code, CommitteeMember.member_from,
                                       CommitteeMember.full_name, CommitteeMember.id))
        order = list(MEMBER_ROLES)
        out = [_member_info(m) for m in rows]
        out.sort(key=lambda m: (m.office_code, order.index(m.role) if m.role in order else 9))
        return out


def members_in_office(session: Session, office: str, day: _dt.date) -> list[CommitteeMember]:
    return list(session.scalars(select(CommitteeMember).where(
        CommitteeMember.deleted.is_(False), CommitteeMember.office_code == office,
        CommitteeMember.member_from <= day,
        or_(CommitteeMember.member_to.is_(None), CommitteeMember.member_to >= day),
    ).order_by(CommitteeMember.full_name, CommitteeMember.id)))


# ------------------------------------------------------------------------------ meetings

@dataclass(frozen=True)
class MeetingInput:
    planned_date: _dt.date | str | None = None
    title: str = ""
    held_date: _dt.date | str | None = None
    attendee_ids: Sequence[str] = ()
    quorum_met: bool | None = None  # None with a held date: worked out from the attendance
    minutes: str = ""
    cancelled: bool = False
    note: str = ""


@dataclass(frozen=True)
class MeetingInfo:
    id: str
    office_code: str
    title: str
    planned_date: _dt.date | None
    held_date: _dt.date | None
    status: str  # planned | held | cancelled | missed
    status_fa: str
    attendee_ids: tuple[str, ...]
    attendee_names: tuple[str, ...]
    members_then: int  # members in office on the day it was held (or planned)
    quorum_met: bool | None
    minutes: str
    note: str
    resolutions: int = 0
    open_resolutions: int = 0
    overdue_resolutions: int = 0

    @property
    def day(self) -> _dt.date | None:
        return self.held_date or self.planned_date

    @property
    def has_minutes(self) -> bool:
        return bool(self.minutes.strip())


def meeting_status(m: CommitteeMeeting, today: _dt.date) -> str:
    if m.status in ("held", "cancelled"):
        return m.status
    if m.planned_date is not None and m.planned_date < today:
        return "missed"
    return "planned"


def status_fa(status: str) -> str:
    return MISSED_FA if status == "missed" else MEETING_STATUSES.get(status, status)


def quorum(attending: int, members: int) -> bool:
    """More than half of the members in office attended."""
    return members > 0 and attending * 2 > members


def _meeting_fields(session: Session, actor: Actor, data: MeetingInput, today: _dt.date) -> dict[str, object]:
    planned = as_date(data.planned_date, "تاریخ برنامه‌ریزی‌شدهٔ جلسه", "Planned date") if data.planned_date else None
    held = as_date(data.held_date, "تاریخ برگزاری جلسه", "Held date") if data.held_date else None
    if planned is None and held is None:
        raise UserError("تاریخ برنامه‌ریزی‌شده یا تاریخ برگزاری جلسه را بنویسید.",
                        "A meeting needs a planned or a held date.", code="meeting_date_missing")
    if held is not None:
        _not_future(held, "تاریخ برگزاری جلسه", today)
        if data.cancelled:
            raise UserError("جلسهٔ برگزارشده را نمی‌توان لغوشده ثبت کرد؛ یکی را برگزینید.",
                            "A held meeting cannot be cancelled.", code="meeting_held_cancelled")
    attendees = list(dict.fromkeys(data.attendee_ids))
    quorum_met = data.quorum_met
    if held is None:
        if attendees:
            raise UserError("حاضران را پس از نوشتن تاریخ برگزاری جلسه برگزینید.",
                            "Attendees need a held date.", code="attendees_without_meeting")
        quorum_met = None
    else:
        members = {m.id for m in members_in_office(session, actor.office_code, held)}
        strangers = [a for a in attendees if a not in members]
        if strangers:
            raise UserError(
                f"{format_number(len(strangers))} نفر از حاضران در تاریخ {format_date(held)} عضو کمیته "
                "نبوده‌اند؛ حاضران را از فهرست اعضای همان روز برگزینید.",
                "Attendees must be members in office on the day.", code="attendee_not_member")
        if quorum_met is None:
            quorum_met = quorum(len(attendees), len(members))
    return {
        "planned_date": planned, "held_date": held,
        "status": "held" if held else ("cancelled" if data.cancelled else "planned"),
        "title": clean_text(data.title, "عنوان جلسه", "Title", required=False, max_len=300),
        "attendee_ids": attendees, "quorum_met": quorum_met,
        "minutes": clean_text(data.minutes, "متن صورتجلسه", "Minutes", required=False, max_len=20000),
        "note": clean_text(data.note, "یادداشت", "Note", required=False),
    }


def save_meeting(store: Store, actor: Actor, data: MeetingInput, meeting_id: str | None = None,
                 *, today: _dt.date | None = None, record_id: str | None = None) -> str:
    """Plan a meeting, record it as held (date, attendees, quorum, minutes) or cancel it."""
    require(actor, "committee.edit")
    with store.session() as s:
        fields = _meeting_fields(s, actor, data, _today(today))
        if meeting_id is None:
            row = CommitteeMeeting(id=record_id, **fields)
            records.add(s, store, actor, row)
            return row.id
        row = _load(s, CommitteeMeeting, meeting_id)
        _own(actor, row)
        if fields["held_date"] is None and _live_resolutions(s, row.id):
            raise UserError("این جلسه مصوبه دارد؛ تاریخ برگزاری آن را نمی‌توان پاک کرد.",
                            "A meeting with resolutions stays held.", code="meeting_has_resolutions")
        records.update(s, store, actor, row, **fields)
        return row.id


def _live_resolutions(session: Session, meeting_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(CommitteeResolution).where(
        CommitteeResolution.meeting_id == meeting_id, CommitteeResolution.deleted.is_(False))) or 0)


def _names(session: Session, ids: set[str]) -> dict[tuple[str, str], str]:
    """(office, member id) -> name: a meeting names only its own office's members (a bundle
    could list another office's member ids as attendees; they show as «—»)."""
    if not ids:
        return {}
    return {(office, mid): name for mid, office, name in session.execute(
        select(CommitteeMember.id, CommitteeMember.office_code, CommitteeMember.full_name)
        .where(CommitteeMember.id.in_(ids))).tuples()}


def _meeting_infos(session: Session, rows: list[CommitteeMeeting], today: _dt.date) -> list[MeetingInfo]:
    names = _names(session, {a for m in rows for a in m.attendee_ids})
    counts: dict[str, list[int]] = {}
    if rows:
        for mid, status, due in session.execute(select(
                CommitteeResolution.meeting_id, CommitteeResolution.status, CommitteeResolution.due_date)
                .where(CommitteeResolution.deleted.is_(False),
                       CommitteeResolution.meeting_id.in_([m.id for m in rows]))).tuples():
            c = counts.setdefault(mid, [0, 0, 0])
            c[0] += 1
            c[1] += status == "open"
            c[2] += status == "open" and due < today
    out = []
    for m in rows:
        status = meeting_status(m, today)
        day = m.held_date or m.planned_date
        members = len(members_in_office(session, m.office_code, day)) if day else 0
        c = counts.get(m.id, [0, 0, 0])
        out.append(MeetingInfo(
            m.id, m.office_code, m.title, m.planned_date, m.held_date, status, status_fa(status),
            tuple(m.attendee_ids), tuple(names.get((m.office_code, a), "—") for a in m.attendee_ids), members,
            m.quorum_met, m.minutes, m.note, c[0], c[1], c[2]))
    return out


def meetings_in(session: Session, office: str | None, start: _dt.date, end: _dt.date) -> list[CommitteeMeeting]:
    """Meetings planned or held between two days (both included), by their day."""
    stmt = select(CommitteeMeeting).where(
        CommitteeMeeting.deleted.is_(False),
        or_(CommitteeMeeting.planned_date.between(start, end), CommitteeMeeting.held_date.between(start, end)))
    if office:
        stmt = stmt.where(CommitteeMeeting.office_code == office)
    rows = list(session.scalars(stmt))
    rows.sort(key=lambda m: (m.office_code, m.held_date or m.planned_date or start, m.id))
    return rows


def list_meetings(store: Store, actor: Actor, year: int, *, office: str | None = None,
                  today: _dt.date | None = None) -> list[MeetingInfo]:
    """The year's meetings (Jalali ``year``), planned and held, in date order."""
    require(actor, "committee.view")
    period = Period(year, "year")
    scope = actor.office_code if actor.office_code != HQ else office
    with store.read() as s:
        return _meeting_infos(s, meetings_in(s, scope, period.start, period.end), _today(today))


@dataclass(frozen=True)
class ResolutionInfo:
    id: str
    office_code: str
    meeting_id: str
    meeting_day: _dt.date | None
    number: int
    text: str
    responsible_unit_id: str | None
    responsible_unit: str
    due_date: _dt.date
    status: str
    status_fa: str
    done_on: _dt.date | None
    drop_reason: str
    follow_up: str
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingInfo
    resolutions: list[ResolutionInfo] = field(default_factory=list)


def get_meeting(store: Store, actor: Actor, meeting_id: str, *, today: _dt.date | None = None) -> MeetingDetail:
    require(actor, "committee.view")
    day = _today(today)
    with store.read() as s:
        row = _load(s, CommitteeMeeting, meeting_id)
        if actor.office_code not in (HQ, row.office_code):
            raise _missing(CommitteeMeeting)
        info = _meeting_infos(s, [row], day)[0]
        res = s.scalars(_resolution_query().where(CommitteeResolution.meeting_id == meeting_id))
        return MeetingDetail(info, _resolution_infos(s, list(res), day))


# ------------------------------------------------------------------------------ resolutions

@dataclass(frozen=True)
class ResolutionInput:
    meeting_id: str
    text: str
    due_date: _dt.date | str
    responsible_unit_id: str | None = None
    number: int | None = None  # None: the next number in the meeting


def days_overdue(status: str, due: _dt.date, today: _dt.date) -> int:
    return (today - due).days if status == "open" and due < today else 0


def _resolution_query() -> Select[tuple[CommitteeResolution]]:
    return select(CommitteeResolution).where(CommitteeResolution.deleted.is_(False)).order_by(
        CommitteeResolution.due_date, CommitteeResolution.number, CommitteeResolution.id)


def _resolution_infos(session: Session, rows: list[CommitteeResolution], today: _dt.date) -> list[ResolutionInfo]:
    from integrity_desktop.db.models import Unit

    unit_ids = {r.responsible_unit_id for r in rows if r.responsible_unit_id}
    units = dict(session.execute(select(Unit.id, Unit.name_fa).where(Unit.id.in_(unit_ids))).tuples().all()) \
        if unit_ids else {}
    meeting_ids = {r.meeting_id for r in rows}
    days = {mid: held or planned for mid, held, planned in session.execute(
        select(CommitteeMeeting.id, CommitteeMeeting.held_date, CommitteeMeeting.planned_date)
        .where(CommitteeMeeting.id.in_(meeting_ids))).tuples()} if meeting_ids else {}
    out = []
    for r in rows:
        late = days_overdue(r.status, r.due_date, today)
        out.append(ResolutionInfo(
            r.id, r.office_code, r.meeting_id, days.get(r.meeting_id), r.number, r.text,
            r.responsible_unit_id, units.get(r.responsible_unit_id or "", ""), r.due_date, r.status,
            OVERDUE_FA if late else RESOLUTION_STATUSES.get(r.status, r.status), r.done_on,
            r.drop_reason, r.follow_up, late > 0, late))
    return out


def save_resolution(store: Store, actor: Actor, data: ResolutionInput, resolution_id: str | None = None,
                    *, record_id: str | None = None) -> str:
    """Record a resolution of a held meeting (or correct its text, unit, due date)."""
    require(actor, "committee.edit")
    with store.session() as s:
        meeting = _load(s, CommitteeMeeting, data.meeting_id)
        _own(actor, meeting)
        if meeting.held_date is None:
            raise UserError("مصوبه فقط برای جلسهٔ برگزارشده ثبت می‌شود؛ نخست تاریخ برگزاری جلسه را ثبت کنید.",
                            "Resolutions belong to a held meeting.", code="meeting_not_held")
        text = clean_text(data.text, "متن مصوبه", "Resolution text")
        due = as_date(data.due_date, "مهلت اجرای مصوبه", "Due date")
        if due < meeting.held_date:
            raise UserError(
                f"مهلت اجرای مصوبه ({format_date(due)}) پیش از تاریخ جلسه ({format_date(meeting.held_date)}) "
                "است؛ مهلتی برابر یا پس از تاریخ جلسه بگذارید.", "Due date before the meeting.",
                code="due_before_meeting")
        if data.responsible_unit_id:
            get_unit(s, data.responsible_unit_id, "واحد مسئول اجرای مصوبه")
        fields: dict[str, object] = {"text": text, "due_date": due,
                                     "responsible_unit_id": data.responsible_unit_id or None}
        if data.number is not None:
            if not 1 <= data.number <= 10000:
                raise UserError("شمارهٔ مصوبه باید عددی از ۱ تا ۱۰٬۰۰۰ باشد.", "Resolution number 1–10000.",
                                code="resolution_number")
            fields["number"] = data.number
        if resolution_id is None:
            if "number" not in fields:
                top = s.scalar(select(func.max(CommitteeResolution.number)).where(
                    CommitteeResolution.meeting_id == meeting.id, CommitteeResolution.deleted.is_(False)))
                fields["number"] = int(top or 0) + 1
            row = CommitteeResolution(id=record_id, meeting_id=meeting.id, status="open", **fields)
            records.add(s, store, actor, row)
            return row.id
        row = _load(s, CommitteeResolution, resolution_id)
        _own(actor, row)
        records.update(s, store, actor, row, **fields)
        return row.id


def follow_up(store: Store, actor: Actor, resolution_id: str, *, note: str = "", status: str | None = None,
              done_on: _dt.date | str | None = None, drop_reason: str = "",
              today: _dt.date | None = None) -> ResolutionInfo:
    """Add a dated follow-up note and/or change the status (done on a day, dropped with a
    reason, or open again).  Notes are appended, never replaced."""
    require(actor, "committee.edit")
    day = _today(today)
    with store.session() as s:
        row = _load(s, CommitteeResolution, resolution_id)
        _own(actor, row)
        changes: dict[str, object] = {}
        text = clean_text(note, "یادداشت پیگیری", "Follow-up note", required=False)
        if text:
            line = f"{format_date(day)}: {text}"
            changes["follow_up"] = f"{row.follow_up}\n{line}" if row.follow_up else line
        if status is not None and status != row.status:
            check_choice(status, RESOLUTION_STATUSES, "وضعیت مصوبه", "Resolution status")
            changes["status"] = status
        new_status = str(changes.get("status", row.status))
        if new_status == "done":
            finished = as_date(done_on, "تاریخ انجام مصوبه", "Done on") if done_on else (row.done_on or day)
            _not_future(finished, "تاریخ انجام مصوبه", day)
            changes["done_on"] = finished
            changes["drop_reason"] = ""
        elif new_status == "dropped":
            reason = clean_text(drop_reason or row.drop_reason, "دلیل کنار گذاشتن مصوبه", "Drop reason")
            changes["drop_reason"] = reason
            changes["done_on"] = None
        else:
            changes["done_on"] = None
            changes["drop_reason"] = ""
        if not text and set(changes) <= {"done_on", "drop_reason"} and status in (None, row.status) \
                and all(getattr(row, k) == v for k, v in changes.items()):
            raise UserError("چیزی برای ثبت نیست؛ یادداشت پیگیری بنویسید یا وضعیت را تغییر دهید.",
                            "Nothing to record.", code="nothing_to_follow_up")
        records.update(s, store, actor, row, **changes)
        return _resolution_infos(s, [row], day)[0]


def list_resolutions(store: Store, actor: Actor, *, year: int | None = None, overdue_only: bool = False,
                     office: str | None = None, today: _dt.date | None = None) -> list[ResolutionInfo]:
    """Resolutions (of meetings held in Jalali ``year`` when given), overdue ones only on request."""
    require(actor, "committee.view")
    day = _today(today)
    with store.read() as s:
        stmt = _scope(_resolution_query(), CommitteeResolution, actor, office)
        if year is not None:
            period = Period(year, "year")
            stmt = stmt.join(CommitteeMeeting, CommitteeMeeting.id == CommitteeResolution.meeting_id).where(
                CommitteeMeeting.held_date.between(period.start, period.end))
        if overdue_only:
            stmt = stmt.where(CommitteeResolution.status == "open", CommitteeResolution.due_date < day)
        return _resolution_infos(s, list(s.scalars(stmt)), day)


# ------------------------------------------------------------------------------ removal

_MODELS: dict[str, type[CommitteeMember] | type[CommitteeMeeting] | type[CommitteeResolution]] = {
    "committee_member": CommitteeMember, "committee_meeting": CommitteeMeeting,
    "committee_resolution": CommitteeResolution}
_MISSING_FA: dict[type, str] = {CommitteeMember: "عضو کمیته", CommitteeMeeting: "جلسهٔ کمیته", CommitteeResolution: "مصوبه"}


def _missing(model: type) -> UserError:
    return UserError(f"{_MISSING_FA[model]} پیدا نشد؛ آن را از فهرست برگزینید.",
                     f"{model.__name__} does not exist.", code="committee_record_missing")


M = TypeVar("M", CommitteeMember, CommitteeMeeting, CommitteeResolution)


def _load(session: Session, model: type[M], record_id: str) -> M:
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise _missing(model)
    return row


def remove(store: Store, actor: Actor, record_type: str, record_id: str) -> None:
    """Delete a member, meeting or resolution (a tombstone that travels).  A meeting with
    resolutions, or a member who attended a meeting, stays: end the membership instead."""
    require(actor, "committee.edit")
    model = _MODELS.get(record_type)
    if model is None:
        raise ValueError(f"not a committee record type: {record_type!r}")
    with store.session() as s:
        row: CommitteeMember | CommitteeMeeting | CommitteeResolution = _load(s, model, record_id)  # type: ignore[type-var]
        _own(actor, row)
        if isinstance(row, CommitteeMeeting) and _live_resolutions(s, row.id):
            raise UserError("این جلسه مصوبه دارد؛ نخست مصوبه‌های آن را حذف کنید.",
                            "The meeting has resolutions.", code="meeting_has_resolutions")
        if isinstance(row, CommitteeMember):
            attended = [m for m in s.scalars(select(CommitteeMeeting).where(
                CommitteeMeeting.deleted.is_(False), CommitteeMeeting.office_code == row.office_code,
                CommitteeMeeting.held_date.is_not(None))) if row.id in m.attendee_ids]
            if attended:
                raise UserError("این عضو در جلسه‌ای حاضر بوده است؛ به جای حذف، تاریخ پایان عضویت را بنویسید.",
                                "The member attended meetings; end the membership instead.",
                                code="member_attended")
        records.soft_delete(s, store, actor, row)

"""The inspector registry: trusted inspectors appointed under articles 91 and 92 of the Civil
Service Management Law, with their appointment letter, term and status.

Whether an inspector may be put on a plan item or a visit is decided by ``is_appointed_on``:
appointed on or before that date, term not ended by then, and not suspended.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Inspector, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import format_date
from integrity_desktop.nationalid import normalize_national_code
from integrity_desktop.permissions import Actor, allowed, require
from integrity_desktop.services.inspections.common import (
    INSPECTOR_STATUSES,
    as_date,
    check_choice,
    check_paging,
    clean_text,
    count_rows,
    get_unit,
)
from integrity_desktop.services.store import records
from integrity_desktop.textnorm import check_search, normalize_for_search


@dataclass(frozen=True)
class InspectorInfo:
    """An inspector as screens and reports see it."""

    id: str
    full_name: str
    national_code: str
    post: str
    unit_id: str | None
    unit_name: str
    letter_no: str
    appointed_on: _dt.date
    term_end: _dt.date | None
    status: str
    status_fa: str


def is_appointed_on(inspector: Inspector | InspectorInfo, day: _dt.date) -> bool:
    """True when the inspector holds a valid appointment on ``day``.

    Appointed on or before ``day``, the term (if any) not ended before it, and not currently
    suspended.  An ended appointment is judged by its ``term_end`` so past visits stay valid.
    """
    if inspector.status == "suspended":
        return False
    if day < inspector.appointed_on:
        return False
    return inspector.term_end is None or day <= inspector.term_end


CONFIDENTIAL = "محرمانه"


def sees_national_codes(actor: Actor) -> bool:
    """Inspectors' national codes are personal data: only those who keep the registry (the
    roles that may edit inspections) see them; viewers, reviewers and case officers do not."""
    return allowed(actor, "inspections.edit")


def _info(session: Session, row: Inspector, actor: Actor | None = None) -> InspectorInfo:
    unit = session.get(Unit, row.unit_id) if row.unit_id else None
    shown = actor is None or sees_national_codes(actor)
    return InspectorInfo(
        id=row.id,
        full_name=row.full_name,
        national_code=row.national_code if shown else CONFIDENTIAL,
        post=row.post,
        unit_id=row.unit_id,
        unit_name=unit.name_fa if unit else "",
        letter_no=row.letter_no,
        appointed_on=row.appointed_on,
        term_end=row.term_end,
        status=row.status,
        status_fa=INSPECTOR_STATUSES.get(row.status, row.status),
    )


def _load(session: Session, inspector_id: str) -> Inspector:
    return records.load_live(
        session, Inspector, inspector_id,
        "بازرس پیدا نشد؛ او را از فهرست بازرسان برگزینید.",
        "Inspector", "inspector_missing",
    )


def _check_unique_code(session: Session, code: str, except_id: str | None) -> None:
    query = select(Inspector.id).where(Inspector.national_code == code, Inspector.deleted.is_(False))
    if except_id:
        query = query.where(Inspector.id != except_id)
    if session.scalar(query.limit(1)) is not None:
        raise UserError(
            "بازرسی با این کد ملی پیش‌تر ثبت شده است؛ به جای ثبت دوباره، همان بازرس را ویرایش کنید.",
            "An inspector with this national code is already registered.",
            code="inspector_duplicate",
        )


def _check_term(appointed_on: _dt.date, term_end: _dt.date | None) -> None:
    if term_end is not None and term_end < appointed_on:
        raise UserError(
            f"پایان دورهٔ مأموریت ({format_date(term_end)}) پیش از تاریخ ابلاغ "
            f"({format_date(appointed_on)}) است؛ یکی از دو تاریخ را اصلاح کنید.",
            "The term ends before the appointment date.",
            code="term_before_appointment",
        )


def create_inspector(
    store: Store,
    actor: Actor,
    *,
    full_name: str,
    national_code: str,
    appointed_on: _dt.date | str,
    letter_no: str,
    post: str = "",
    unit_id: str | None = None,
    term_end: _dt.date | str | None = None,
    status: str = "active",
    record_id: str | None = None,
) -> InspectorInfo:
    """Register an inspector with a validated national code and appointment letter."""
    require(actor, "inspections.edit")
    name = clean_text(full_name, "نام و نام خانوادگی بازرس", "Full name", max_len=200)
    code = normalize_national_code(national_code)
    appointed = as_date(appointed_on, "تاریخ ابلاغ انتصاب", "Appointment date")
    letter = clean_text(letter_no, "شمارهٔ نامهٔ ابلاغ", "Appointment letter number", max_len=80)
    post_text = clean_text(post, "سمت", "Post", required=False, max_len=200)
    end = as_date(term_end, "پایان دوره", "Term end") if term_end not in (None, "") else None
    _check_term(appointed, end)
    check_choice(status, INSPECTOR_STATUSES, "وضعیت بازرس", "Inspector status")
    with store.session() as s:
        if unit_id:
            get_unit(s, unit_id, "واحد محل خدمت بازرس")
        _check_unique_code(s, code, None)
        row = Inspector(
            full_name=name,
            national_code=code,
            post=post_text,
            unit_id=unit_id or None,
            letter_no=letter,
            appointed_on=appointed,
            term_end=end,
            status=status,
        )
        if record_id:
            row.id = record_id
        records.add(s, store, actor, row)
        return _info(s, row)


def update_inspector(
    store: Store,
    actor: Actor,
    inspector_id: str,
    *,
    full_name: str | None = None,
    national_code: str | None = None,
    post: str | None = None,
    unit_id: str | None = None,
    letter_no: str | None = None,
    appointed_on: _dt.date | str | None = None,
    term_end: _dt.date | str | None = None,
    clear_term_end: bool = False,
    status: str | None = None,
) -> InspectorInfo:
    """Change the fields given (None leaves a field as it is); ending sets the term end."""
    require(actor, "inspections.edit")
    with store.session() as s:
        row = _load(s, inspector_id)
        changes: dict[str, object] = {}
        if full_name is not None:
            changes["full_name"] = clean_text(full_name, "نام و نام خانوادگی بازرس", "Full name", max_len=200)
        if national_code is not None:
            code = normalize_national_code(national_code)
            _check_unique_code(s, code, row.id)
            changes["national_code"] = code
        if post is not None:
            changes["post"] = clean_text(post, "سمت", "Post", required=False, max_len=200)
        if unit_id is not None:
            changes["unit_id"] = get_unit(s, unit_id, "واحد محل خدمت بازرس").id if unit_id else None
        if letter_no is not None:
            changes["letter_no"] = clean_text(letter_no, "شمارهٔ نامهٔ ابلاغ", "Letter number", max_len=80)
        appointed = (
            as_date(appointed_on, "تاریخ ابلاغ انتصاب", "Appointment date")
            if appointed_on is not None
            else row.appointed_on
        )
        changes["appointed_on"] = appointed
        end = row.term_end
        if clear_term_end:
            end = None
        elif term_end is not None:
            end = as_date(term_end, "پایان دوره", "Term end")
        if status is not None:
            check_choice(status, INSPECTOR_STATUSES, "وضعیت بازرس", "Inspector status")
            changes["status"] = status
            if status == "ended" and end is None:
                end = max(jalali.today(), appointed)
        _check_term(appointed, end)
        changes["term_end"] = end
        records.update(s, store, actor, row, **changes)
        return _info(s, row)


def get_inspector(store: Store, actor: Actor, inspector_id: str) -> InspectorInfo:
    require(actor, "inspections.view")
    with store.read() as s:
        return _info(s, _load(s, inspector_id), actor)


def find_by_national_code(store: Store, actor: Actor, code: str) -> InspectorInfo | None:
    """The inspector with exactly this national code (a report's ``--subject``), shown as the
    actor may see it.  An exact code is asked for, never searched by part."""
    require(actor, "inspections.view")
    with store.read() as s:
        row = s.scalar(select(Inspector).where(Inspector.national_code == code.strip(),
                                               Inspector.deleted.is_(False)).limit(1))
        return _info(s, row, actor) if row is not None else None


def signed_in_inspector(store: Store, actor: Actor, day: _dt.date | None = None) -> str | None:
    """The id of the appointed inspector who is the signed-in person (the account's full name
    is the inspector's, spelled either way), so a new visit starts with them ticked; None when
    the person is not an appointed inspector on ``day`` or the name is ambiguous."""
    require(actor, "inspections.view")
    name = normalize_for_search(actor.full_name or "").replace(" ", "")
    if not name:
        return None
    day = day or jalali.today()
    with store.read() as s:
        matches = [row.id for row in s.scalars(_filtered("active", day))
                   if normalize_for_search(row.full_name).replace(" ", "") == name]
    return matches[0] if len(matches) == 1 else None


def _filtered(status: str | None, appointed_on: _dt.date | None) -> Select[tuple[Inspector]]:
    stmt = select(Inspector).where(Inspector.deleted.is_(False))
    if status:
        stmt = stmt.where(Inspector.status == status)
    if appointed_on is not None:
        stmt = stmt.where(
            Inspector.status != "suspended",
            Inspector.appointed_on <= appointed_on,
            or_(Inspector.term_end.is_(None), Inspector.term_end >= appointed_on),
        )
    return stmt


@dataclass(frozen=True)
class InspectorQuery:
    """Filters of the inspector registry; the screen keeps one and pages with ``offset``/``limit``."""

    status: str | None = None
    text: str | None = None  # part of the name, or (for those who may see it) of the national code
    appointed_on: _dt.date | None = None  # appointed on this day (see ``is_appointed_on``)


def _matches(row: Inspector, needle: str, by_code: bool = True) -> bool:
    """A name match, or (for those who may see it) a national-code match: a search by code
    must not let others find out whose code it is."""
    return needle in normalize_for_search(row.full_name) or (by_code and needle in row.national_code)


def list_inspectors(
    store: Store, actor: Actor, query: InspectorQuery = InspectorQuery(), *, offset: int = 0, limit: int = 100
) -> list[InspectorInfo]:
    """Inspectors by name; filter by status, a name/national-code search, or appointed on a day."""
    require(actor, "inspections.view")
    check_paging(offset, limit)
    with store.read() as s:
        stmt = _filtered(query.status, query.appointed_on).order_by(Inspector.full_name, Inspector.id)
        rows = list(s.scalars(stmt))
        if query.text and query.text.strip():
            needle = normalize_for_search(check_search(query.text))
            rows = [r for r in rows if _matches(r, needle, sees_national_codes(actor))]
        return [_info(s, r, actor) for r in rows[offset : offset + limit]]


def count_inspectors(store: Store, actor: Actor, query: InspectorQuery = InspectorQuery()) -> int:
    """How many inspectors ``list_inspectors`` would page through with the same query."""
    require(actor, "inspections.view")
    with store.read() as s:
        stmt = _filtered(query.status, query.appointed_on)
        if query.text and query.text.strip():
            needle = normalize_for_search(check_search(query.text))
            by_code = sees_national_codes(actor)
            return sum(1 for r in s.scalars(stmt) if _matches(r, needle, by_code))
        return count_rows(s, stmt)


def load_appointed(session: Session, inspector_ids: list[str], day: _dt.date) -> list[Inspector]:
    """The inspectors named, each checked to be appointed on ``day`` (used by plans and visits)."""
    if not inspector_ids:
        raise UserError(
            "دست‌کم یک بازرس برگزینید.",
            "Choose at least one inspector.",
            code="inspectors_missing",
        )
    if len(set(inspector_ids)) != len(inspector_ids):
        raise UserError(
            "یک بازرس دو بار برگزیده شده است؛ نام تکراری را بردارید.",
            "An inspector is listed twice.",
            code="inspector_twice",
        )
    out = []
    for iid in inspector_ids:
        row = _load(session, iid)
        if not is_appointed_on(row, day):
            raise UserError(
                f"بازرس «{row.full_name}» در تاریخ {format_date(day)} حکم بازرسی معتبر ندارد "
                f"(ابلاغ: {format_date(row.appointed_on)}"
                + (f"، پایان دوره: {format_date(row.term_end)}" if row.term_end else "")
                + (f"، وضعیت: {INSPECTOR_STATUSES[row.status]}" if row.status == "suspended" else "")
                + ")؛ بازرس دیگری برگزینید یا تاریخ را اصلاح کنید.",
                f"Inspector {row.full_name} is not appointed on {day.isoformat()}.",
                code="inspector_not_appointed",
            )
        out.append(row)
    return out

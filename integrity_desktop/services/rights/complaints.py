"""The register of people's complaints, letters and suggestions (axis 10; 10/10 satisfaction).

Writing goes through ``services.store.records`` (stamped, owned, audited).  Confidentiality is decided
here, once: roles without ``complaints.view_personal`` get every row with the person's name and
contact as «محرمانه», and their search never looks at names (so a search cannot reveal who
complained).  A complaint's due date is its received date plus the office's answer period (30 days
unless the administrator changed it), fixed when it is registered so changing the period later
does not move the deadlines of complaints already received.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import Boolean, ColumnElement, String, and_, bindparam, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Complaint, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, allowed, require
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.conditions import equal_to, within
from integrity_desktop.services.store import records
from integrity_desktop.textnorm import check_search, normalize_for_search

CONFIDENTIAL = "محرمانه"
MAX_LIMIT = 1000
MAX_TEXT = 4000
ANSWER_DAYS_META_KEY = "complaints.answer_days"
DEFAULT_ANSWER_DAYS = 30

KINDS: dict[str, str] = {"complaint": "شکایت", "letter": "نامهٔ مردمی", "suggestion": "پیشنهاد"}
CHANNELS: dict[str, str] = {
    "samad": "سامد", "letter": "نامه", "in_person": "حضوری", "phone": "تلفن", "website": "وبگاه",
}
CATEGORIES: dict[str, str] = {
    "service_delay": "تأخیر در ارائهٔ خدمت",
    "conduct": "رفتار کارکنان",
    "registration": "ثبت‌نام و پذیرش",
    "certificate": "گواهی‌نامه و مدرک",
    "fees": "هزینه و شهریه",
    "training_quality": "کیفیت آموزش",
    "facilities": "فضا و امکانات",
    "misconduct": "فساد و تخلف اداری",
    "other": "سایر",
}
OUTCOMES: dict[str, str] = {
    "upheld": "حق با متقاضی بود",
    "partly": "تا اندازه‌ای حق با متقاضی بود",
    "rejected": "وارد نبود",
    "guided": "راهنمایی و اطلاع‌رسانی شد",
    "referred": "به مرجع دیگر ارجاع شد",
}
SATISFACTION: dict[int, str] = {1: "خیلی ناراضی", 2: "ناراضی", 3: "بی‌نظر", 4: "راضی", 5: "خیلی راضی"}
STATES: dict[str, str] = {"open": "در جریان", "overdue": "گذشته از مهلت", "answered": "پاسخ‌داده"}


# ------------------------------------------------------------------------------ settings


def answer_days(store: Store) -> int:
    """The office's answer period in days (30 unless the administrator set another)."""
    raw = store.get_meta(ANSWER_DAYS_META_KEY, "")
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_ANSWER_DAYS
    return value if 1 <= value <= 365 else DEFAULT_ANSWER_DAYS


def set_answer_days(store: Store, actor: Actor, days: int) -> int:
    """Change the answer period for complaints registered from now on."""
    require(actor, "complaints.configure")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
        raise UserError(
            "مهلت پاسخ به شکایت باید عددی درست از ۱ تا ۳۶۵ روز باشد.",
            "The answer period must be a whole number of days from 1 to 365.", code="complaint_answer_days",
        )
    with store.session() as s:
        store.set_meta(ANSWER_DAYS_META_KEY, str(days), s)
        audit.append(s, store, actor, "complaint.answer_days", "store_meta", ANSWER_DAYS_META_KEY,
                     None, {"days": days})
    return days


# ------------------------------------------------------------------------------ validation


@dataclass(frozen=True)
class ComplaintInput:
    """What a person types for one complaint (a screen, an Excel row, the demo)."""

    received_on: _dt.date | str | None
    channel: str
    category: str
    kind: str = "complaint"
    unit_id: str | None = None
    tracking_number: str = ""
    person_name: str = ""
    person_contact: str = ""
    subject: str = ""
    due_on: _dt.date | str | None = None  # default: received + answer period
    answered_on: _dt.date | str | None = None
    outcome: str | None = None
    answer_note: str = ""
    referred_to: str = ""
    satisfaction: int | None = None


def _text(value: str | None, label_fa: str, label_en: str, limit: int, *, required: bool = False) -> str:
    text = (value or "").strip() if limit > 200 else " ".join((value or "").split())
    if required and not text:
        raise UserError(f"{label_fa} را بنویسید.", f"{label_en} is required.", code="complaint_required")
    if len(text) > limit:
        raise UserError(
            f"{label_fa} بیش از {to_persian_digits(str(limit))} نویسه است؛ آن را کوتاه کنید.",
            f"{label_en} is longer than {limit} characters.", code="complaint_too_long",
        )
    return text


def _date(value: _dt.date | str | None, label_fa: str, label_en: str, *, required: bool) -> _dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise UserError(f"{label_fa} را بنویسید.", f"{label_en} is required.", code="complaint_required")
        return None
    d = jalali.parse_date(value) if isinstance(value, str) else value
    if isinstance(d, _dt.datetime):
        d = d.date()
    if not isinstance(d, _dt.date):
        raise UserError(f"{label_fa} تاریخ درستی نیست.", f"{label_en} is not a date.", code="invalid_date")
    return d


def _choice(value: str | None, choices: Mapping[str, str], label_fa: str, label_en: str) -> str:
    code = (value or "").strip()
    if code not in choices:
        # a label typed in Persian (Excel) is accepted as its code
        by_label = {normalize_for_search(v): k for k, v in choices.items()}
        code = by_label.get(normalize_for_search(code), "")
    if not code:
        listed = "، ".join(choices.values())
        raise UserError(
            f"{label_fa} «{value or ''}» در فهرست نیست؛ یکی از این‌ها را برگزینید: {listed}.",
            f"Unknown {label_en} {value!r}.", code="complaint_unknown_choice",
        )
    return code


def validate(
    session: Session, data: ComplaintInput, *, today: _dt.date, answer_period: int,
) -> dict[str, Any]:
    """The stored values of ``data``, or the ``UserError`` that says which field to fix."""
    received = _date(data.received_on, "تاریخ دریافت", "Received date", required=True)
    assert received is not None
    if received > today:
        raise UserError(
            f"تاریخ دریافت ({jalali.format_date(received)}) در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.",
            "The received date is in the future.", code="complaint_future_date",
        )
    kind = _choice(data.kind or "complaint", KINDS, "نوع", "kind")
    channel = _choice(data.channel, CHANNELS, "مجرای دریافت", "channel")
    category = _choice(data.category, CATEGORIES, "موضوع", "subject category")
    unit_id = data.unit_id or None
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.deleted:
            raise UserError("واحد برگزیده در سامانه نیست؛ واحد دیگری برگزینید.",
                            f"Unit {unit_id!r} does not exist.", code="complaint_unit")
    due = _date(data.due_on, "مهلت پاسخ", "Due date", required=False) or (
        received + _dt.timedelta(days=answer_period))
    if due < received:
        raise UserError("مهلت پاسخ پیش از تاریخ دریافت است؛ آن را درست کنید.",
                        "The due date is before the received date.", code="complaint_due_before")
    answered = _date(data.answered_on, "تاریخ پاسخ", "Answer date", required=False)
    outcome = None
    satisfaction = None
    if answered is not None:
        if answered < received:
            raise UserError(
                f"تاریخ پاسخ ({jalali.format_date(answered)}) پیش از تاریخ دریافت "
                f"({jalali.format_date(received)}) است؛ آن را درست کنید.",
                "The answer date is before the received date.", code="complaint_answer_before")
        if answered > today:
            raise UserError(
                f"تاریخ پاسخ ({jalali.format_date(answered)}) در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.",
                "The answer date is in the future.", code="complaint_future_date")
        outcome = _choice(data.outcome, OUTCOMES, "نتیجهٔ رسیدگی", "outcome")
    elif data.outcome or data.satisfaction is not None:
        raise UserError("نتیجه و رضایت را پس از نوشتن تاریخ پاسخ ثبت کنید.",
                        "An outcome or satisfaction needs an answer date.", code="complaint_no_answer")
    if data.satisfaction is not None and data.satisfaction != "":
        try:
            satisfaction = int(str(data.satisfaction).strip())
        except ValueError:
            satisfaction = 0
        if satisfaction not in SATISFACTION:
            raise UserError(
                "رضایت از پاسخ باید یکی از ۱ (خیلی ناراضی) تا ۵ (خیلی راضی) باشد؛ اگر پرسیده نشده خالی بگذارید.",
                "Satisfaction must be 1 to 5, or empty.", code="complaint_satisfaction")
    referred = _text(data.referred_to, "مرجع ارجاع", "Referral", 200)
    if outcome == "referred" and not referred:
        raise UserError("مرجعی را که شکایت به آن ارجاع شد بنویسید.", "Name the body it was referred to.",
                        code="complaint_required")
    name = _text(data.person_name, "نام متقاضی", "Person's name", 200)
    contact = _text(data.person_contact, "نشانی یا تلفن تماس", "Contact", 200)
    # an identifier: stored with ASCII digits (exports show Persian ones; both are accepted)
    tracking = to_ascii_digits(_text(data.tracking_number, "شمارهٔ پیگیری", "Tracking number", 40))
    subject = _text(data.subject, "شرح موضوع", "Subject", MAX_TEXT)
    return {
        "kind": kind, "received_on": received, "channel": channel, "category": category,
        "unit_id": unit_id, "tracking_number": tracking, "person_name": name, "person_contact": contact,
        "subject": subject, "due_on": due, "answered_on": answered, "outcome": outcome,
        "answer_note": _text(data.answer_note, "شرح پاسخ", "Answer", MAX_TEXT), "referred_to": referred,
        "satisfaction": satisfaction,
        **search_texts(tracking, category, name, contact, subject),
    }


def search_texts(tracking: str, category: str, name: str, contact: str, subject: str) -> dict[str, str]:
    """The two search columns: what every role may search, and that plus the personal fields
    (searched alone by roles with the right: one column to scan, measured 94 -> 56 ms at 100k)."""
    public = normalize_for_search(f"{tracking} {CATEGORIES.get(category, category)}")[:400]
    return {"search_norm": public,
            "person_norm": normalize_for_search(f"{public} {name} {contact} {subject}")[:400]}


class _Contains(ColumnElement[bool]):
    """``needle`` occurs in ``column``: ``instr`` on SQLite, ``strpos`` on PostgreSQL.  Both
    texts are normalised (``normalize_for_search``), so no LIKE case folding or escaping is
    needed, and a plain substring test scans a 100k-row index faster than LIKE."""

    inherit_cache = True
    type = Boolean()

    def __init__(self, column: Any, needle: str) -> None:
        self.column = column
        self.needle = bindparam(None, needle, type_=String())


@compiles(_Contains)
def _contains_pg(element: _Contains, compiler: Any, **kw: Any) -> str:
    return f"strpos({compiler.process(element.column, **kw)}, {compiler.process(element.needle, **kw)}) > 0"


@compiles(_Contains, "sqlite")
def _contains_sqlite(element: _Contains, compiler: Any, **kw: Any) -> str:
    return f"instr({compiler.process(element.column, **kw)}, {compiler.process(element.needle, **kw)}) > 0"


# ------------------------------------------------------------------------------ writing


def register_complaint(
    store: Store, actor: Actor, data: ComplaintInput, *, today: _dt.date | None = None,
    complaint_id: str | None = None,
) -> str:
    """Register a new complaint (or letter, or suggestion); returns its id."""
    require(actor, "complaints.edit")
    period = answer_days(store)
    with store.session() as s:
        values = validate(s, data, today=today or jalali.today(), answer_period=period)
        row = records.add(s, store, actor, Complaint(id=complaint_id, **values))
        return row.id


def _load(s: Session, complaint_id: str) -> Complaint:
    return records.load_live(s, Complaint, complaint_id, "این شکایت در سامانه نیست یا حذف شده است.",
                             "Complaint", "complaint_missing")


def _load_own(s: Session, actor: Actor, complaint_id: str, foreign_fa: str, foreign_en: str) -> Complaint:
    """The complaint, refused with ``foreign_fa``/``foreign_en`` unless the actor's office wrote
    it: only that office changes it, for editing and deleting alike."""
    row = _load(s, complaint_id)
    if row.office_code != actor.office_code:
        raise UserError(foreign_fa, foreign_en, code="complaint_foreign")
    return row


def _as_input(row: Complaint) -> ComplaintInput:
    return ComplaintInput(**{f.name: getattr(row, f.name) for f in fields(ComplaintInput)})


def update_complaint(
    store: Store, actor: Actor, complaint_id: str, *, today: _dt.date | None = None, **changes: Any,
) -> bool:
    """Change some fields of a complaint (the rest kept); validated as a whole."""
    require(actor, "complaints.edit")
    with store.session() as s:
        row = _load_own(s, actor, complaint_id, "شکایت ادارهٔ دیگری را نمی‌توان ویرایش کرد.",
                        "A complaint of another office cannot be edited.")
        data = replace(_as_input(row), **changes)
        values = validate(s, data, today=today or jalali.today(), answer_period=answer_days(store))
        return records.update(s, store, actor, row, **values)


def answer_complaint(
    store: Store, actor: Actor, complaint_id: str, *, answered_on: _dt.date | str, outcome: str,
    answer_note: str = "", referred_to: str = "", satisfaction: int | None = None,
    today: _dt.date | None = None,
) -> bool:
    """Record the answer (date, outcome, referral, satisfaction if asked)."""
    return update_complaint(store, actor, complaint_id, today=today, answered_on=answered_on,
                            outcome=outcome, answer_note=answer_note, referred_to=referred_to,
                            satisfaction=satisfaction)


def delete_complaint(store: Store, actor: Actor, complaint_id: str) -> None:
    """Delete (a tombstone that travels)."""
    require(actor, "complaints.edit")
    with store.session() as s:
        row = _load_own(s, actor, complaint_id, "شکایت ادارهٔ دیگری را نمی‌توان حذف کرد.",
                        "A complaint of another office cannot be deleted.")
        records.soft_delete(s, store, actor, row)


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class ComplaintQuery:
    """Filters of the register; the screen keeps one and pages with ``offset``/``limit``."""

    text: str = ""  # tracking number, category (and, for personal roles, name, contact, subject)
    kind: str | None = None
    channel: str | None = None
    category: str | None = None
    state: str | None = None  # open | overdue | answered
    unit_id: str | None = None
    office_code: str | None = None
    received_from: _dt.date | None = None
    received_to: _dt.date | None = None


@dataclass(frozen=True)
class ComplaintRow:
    """One row of the register; ``person_*`` are «محرمانه» when ``anonymised``."""

    id: str
    office_code: str
    kind: str
    received_on: _dt.date
    channel: str
    category: str
    unit_id: str | None
    unit_name: str
    tracking_number: str
    person_name: str
    person_contact: str
    subject: str
    due_on: _dt.date
    answered_on: _dt.date | None
    outcome: str | None
    answer_note: str
    referred_to: str
    satisfaction: int | None
    overdue: bool  # not answered and past its due date
    late: bool  # answered after its due date
    anonymised: bool
    days_to_answer: int | None = field(default=None)

    @property
    def state(self) -> str:
        return "answered" if self.answered_on else ("overdue" if self.overdue else "open")


def _conditions(actor: Actor, q: ComplaintQuery, today: _dt.date) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Complaint.deleted.is_(False)]
    for value, choices, column, label in (
        (q.kind, KINDS, Complaint.kind, "نوع"), (q.channel, CHANNELS, Complaint.channel, "مجرا"),
        (q.category, CATEGORIES, Complaint.category, "موضوع"),
    ):
        if value:
            if value not in choices:
                raise UserError(f"{label} «{value}» شناخته نیست.", f"Unknown filter value {value!r}.",
                                code="complaint_unknown_choice")
            conds.append(column == value)
    if q.state:
        if q.state == "answered":
            conds.append(Complaint.answered_on.is_not(None))
        elif q.state == "open":
            conds.append(and_(Complaint.answered_on.is_(None), Complaint.due_on >= today))
        elif q.state == "overdue":
            conds.append(and_(Complaint.answered_on.is_(None), Complaint.due_on < today))
        else:
            raise UserError(f"وضعیت «{q.state}» شناخته نیست.", f"Unknown state {q.state!r}.",
                            code="complaint_unknown_choice")
    conds += equal_to((Complaint.unit_id, q.unit_id), (Complaint.office_code, q.office_code))
    conds += within(Complaint.received_on, q.received_from, q.received_to)
    if q.text and q.text.strip():
        needle = normalize_for_search(check_search(q.text))
        column = Complaint.person_norm if allowed(actor, "complaints.view_personal") else Complaint.search_norm
        conds.append(_Contains(column, needle))
    return conds


_COLUMNS = (
    Complaint.id, Complaint.office_code, Complaint.kind, Complaint.received_on, Complaint.channel,
    Complaint.category, Complaint.unit_id, Unit.name_fa, Complaint.tracking_number,
    Complaint.person_name, Complaint.person_contact, Complaint.subject, Complaint.due_on,
    Complaint.answered_on, Complaint.outcome, Complaint.answer_note, Complaint.referred_to,
    Complaint.satisfaction,
)


def _row(r: Any, today: _dt.date, personal: bool) -> ComplaintRow:
    (cid, office, kind, received, channel, category, unit_id, unit_name, tracking, name, contact,
     subject, due, answered, outcome, note, referred, satisfaction) = r
    return ComplaintRow(
        id=cid, office_code=office, kind=kind, received_on=received, channel=channel, category=category,
        unit_id=unit_id, unit_name=unit_name or "", tracking_number=tracking,
        person_name=name if personal or not name else CONFIDENTIAL,
        person_contact=contact if personal or not contact else CONFIDENTIAL,
        # free text may name the person: masked like a case's summary
        subject=subject if personal or not subject else CONFIDENTIAL,
        due_on=due, answered_on=answered, outcome=outcome,
        answer_note=note if personal or not note else CONFIDENTIAL, referred_to=referred,
        satisfaction=satisfaction, overdue=answered is None and due < today,
        late=answered is not None and answered > due, anonymised=not personal,
        days_to_answer=(answered - received).days if answered else None,
    )


def count_complaints(
    store: Store, actor: Actor, query: ComplaintQuery = ComplaintQuery(), *, today: _dt.date | None = None,
) -> int:
    require(actor, "complaints.view")
    conds = _conditions(actor, query, today or jalali.today())
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Complaint).where(*conds)) or 0)


def list_complaints(
    store: Store, actor: Actor, query: ComplaintQuery = ComplaintQuery(), *, offset: int = 0,
    limit: int = 100, today: _dt.date | None = None,
) -> list[ComplaintRow]:
    """One page of the register, newest received first; anonymised for non-personal roles."""
    require(actor, "complaints.view")
    today = today or jalali.today()
    conds = _conditions(actor, query, today)
    limit = max(0, min(limit, MAX_LIMIT))
    personal = allowed(actor, "complaints.view_personal")
    with store.read() as s:
        rows = s.execute(
            select(*_COLUMNS).outerjoin(Unit, Unit.id == Complaint.unit_id).where(*conds)
            .order_by(Complaint.received_on.desc(), Complaint.id.desc()).offset(max(0, offset)).limit(limit)
        ).all()
    return [_row(r, today, personal) for r in rows]


def iter_complaints(
    store: Store, actor: Actor, query: ComplaintQuery = ComplaintQuery(), *, today: _dt.date | None = None,
) -> Iterator[ComplaintRow]:
    """Every matching row in register order, page by page (exports and reports)."""
    offset = 0
    while True:
        page = list_complaints(store, actor, query, offset=offset, limit=MAX_LIMIT, today=today)
        yield from page
        if len(page) < MAX_LIMIT:
            return
        offset += MAX_LIMIT


def get_complaint(store: Store, actor: Actor, complaint_id: str, *, today: _dt.date | None = None) -> ComplaintRow:
    require(actor, "complaints.view")
    with store.read() as s:
        r = s.execute(select(*_COLUMNS).outerjoin(Unit, Unit.id == Complaint.unit_id).where(
            Complaint.id == complaint_id, Complaint.deleted.is_(False))).first()
    if r is None:
        raise UserError("این شکایت در سامانه نیست یا حذف شده است.", f"Complaint {complaint_id!r} does not exist.",
                        code="complaint_missing")
    return _row(r, today or jalali.today(), allowed(actor, "complaints.view_personal"))


def get_person(store: Store, actor: Actor, complaint_id: str) -> tuple[str, str]:
    """The person's name and contact (roles with the right only; the answer letter needs them)."""
    require(actor, "complaints.view_personal")
    with store.read() as s:
        row = _load(s, complaint_id)
        return row.person_name, row.person_contact

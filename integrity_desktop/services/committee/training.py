"""The training register (axis 12, and the workshops of 2/2, 3/2 and 10/7).

Each course names the indicator it serves (``TOPICS``), its days, the hours each participant
attended, the trainer, how many took part (and, optionally, who, from the office's staff), its
attendance sheet (an evidence record owned by the course) and an effectiveness evaluation
(method and a score out of 100) for 12/5.  Person-hours are ``hours × participant_count``.
A course counts in the period its last day falls in.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.models import TrainingCourse
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, to_ascii_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period, format_date
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.inspections.common import as_date, check_choice, clean_text, get_unit
from integrity_desktop.services.store import records

# The indicator each course serves, with the programme's own words (the catalogue's titles).
TOPICS: dict[str, str] = {
    "12/1": "دورهٔ آموزشی سلامت اداری",
    "12/2": "آموزش دستورالعمل مواد ۹۱ و ۹۲ قانون مدیریت خدمات کشوری",
    "12/3": "آشنایی کارکنان با مصوبهٔ حقوق شهروندی",
    "12/4": "دورهٔ آموزشی اخلاقی، فرهنگی و اجتماعی",
    "2/2": "کارگاه آموزشی شفافیت",
    "3/2": "کارگاه آموزشی تعارض منافع",
    "10/7": "آموزش تخصصی کاربران سامد و بهبود مدیریت",
}
EVAL_METHODS: dict[str, str] = {
    "questionnaire": "پرسش‌نامهٔ واکنش شرکت‌کنندگان",
    "test": "آزمون پیش و پس از دوره",
    "observation": "مشاهدهٔ رفتار در کار",
    "interview": "مصاحبه با مدیران",
    "other": "روش دیگر",
}
MAX_HOURS = 1000.0
MAX_PARTICIPANTS = 100_000
MAX_NAMES = 1000


@dataclass(frozen=True)
class CourseInput:
    title: str
    topic: str
    start_date: _dt.date | str
    end_date: _dt.date | str | None
    hours: float | str
    participant_count: int | str
    trainer: str = ""
    unit_id: str | None = None
    participant_names: Sequence[str] = ()
    eval_method: str = ""
    eval_score: float | str | None = None
    note: str = ""


@dataclass(frozen=True)
class CourseInfo:
    id: str
    office_code: str
    title: str
    topic: str
    topic_fa: str
    start_date: _dt.date
    end_date: _dt.date
    hours: float
    trainer: str
    unit_id: str | None
    participant_count: int
    participant_names: tuple[str, ...]
    eval_method: str
    eval_method_fa: str
    eval_score: float | None
    note: str

    @property
    def person_hours(self) -> float:
        return self.hours * self.participant_count

    @property
    def evaluated(self) -> bool:
        return bool(self.eval_method) and self.eval_score is not None


def info(c: TrainingCourse) -> CourseInfo:
    return CourseInfo(
        c.id, c.office_code, c.title, c.topic, TOPICS.get(c.topic, c.topic), c.start_date, c.end_date,
        float(c.hours), c.trainer, c.unit_id, int(c.participant_count), tuple(c.participant_names),
        c.eval_method, EVAL_METHODS.get(c.eval_method, c.eval_method),
        None if c.eval_score is None else float(c.eval_score), c.note)


def _number(value: float | int | str | None, field_fa: str, field_en: str, low: float, high: float,
            *, whole: bool) -> float:
    text = to_ascii_digits(str(value if value is not None else "")).strip().replace("٫", ".").replace(",", "")
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    bad = not math.isfinite(number) or not low <= number <= high or (whole and number != int(number))
    if bad:
        kind = "عددی درست" if whole else "عددی"
        raise UserError(
            f"{field_fa} باید {kind} از {format_number(low)} تا {format_number(high)} باشد.",
            f"{field_en} must be a {'whole ' if whole else ''}number from {low:g} to {high:g}.",
            code="training_number")
    return number


def _fields(session: Session, data: CourseInput, today: _dt.date) -> dict[str, object]:
    title = clean_text(data.title, "عنوان دوره", "Course title", max_len=300)
    topic = to_ascii_digits(data.topic or "").strip()
    check_choice(topic, TOPICS, "شاخصی که دوره برای آن است", "Course topic")
    start = as_date(data.start_date, "تاریخ آغاز دوره", "Start date")
    end = as_date(data.end_date, "تاریخ پایان دوره", "End date") if data.end_date else start
    if end < start:
        raise UserError(
            f"پایان دوره ({format_date(end)}) پیش از آغاز آن ({format_date(start)}) است؛ "
            "تاریخ پایان را برابر یا پس از آغاز بنویسید.", "The course ends before it starts.",
            code="course_dates")
    if end > today:
        raise UserError(
            f"پایان دوره ({format_date(end)}) پس از امروز است؛ دوره را پس از برگزاری ثبت کنید.",
            "Register a course once it is held.", code="date_in_future")
    hours = _number(data.hours, "ساعت آموزش هر شرکت‌کننده", "Hours", 0.5, MAX_HOURS, whole=False)
    count = int(_number(data.participant_count, "شمار شرکت‌کنندگان", "Participants", 1, MAX_PARTICIPANTS,
                        whole=True))
    names = [clean_text(n, "نام شرکت‌کننده", "Participant name", max_len=200)
             for n in data.participant_names if n and n.strip()]
    if len(names) > MAX_NAMES:
        raise UserError(f"بیش از {format_number(MAX_NAMES)} نام؛ فهرست کامل را در برگهٔ حضور پیوست کنید.",
                        "Too many names.", code="too_many_names")
    if len(names) > count:
        raise UserError(
            f"{format_number(len(names))} نام نوشته شده اما شمار شرکت‌کنندگان {format_number(count)} است؛ "
            "شمار را دست‌کم برابر نام‌ها بنویسید.", "More names than participants.",
            code="names_exceed_count")
    method = (data.eval_method or "").strip()
    score: float | None = None
    if method:
        check_choice(method, EVAL_METHODS, "روش سنجش اثربخشی", "Evaluation method")
        if data.eval_score in (None, ""):
            raise UserError("امتیاز اثربخشی دوره (از ۰ تا ۱۰۰) را بنویسید یا روش سنجش را خالی بگذارید.",
                            "An evaluation needs its score.", code="score_missing")
        score = _number(data.eval_score, "امتیاز اثربخشی", "Effectiveness score", 0, 100, whole=False)
    elif data.eval_score not in (None, ""):
        raise UserError("برای امتیاز اثربخشی، روش سنجش آن را هم برگزینید.",
                        "A score needs its evaluation method.", code="method_missing")
    if data.unit_id:
        get_unit(session, data.unit_id, "واحد برگزارکننده")
    return {
        "title": title, "topic": topic, "start_date": start, "end_date": end, "hours": hours,
        "trainer": clean_text(data.trainer, "مدرس", "Trainer", required=False, max_len=200),
        "unit_id": data.unit_id or None, "participant_count": count, "participant_names": names,
        "eval_method": method, "eval_score": score,
        "note": clean_text(data.note, "یادداشت", "Note", required=False),
    }


def _load(session: Session, course_id: str) -> TrainingCourse:
    return records.load_live(session, TrainingCourse, course_id,
                             "دورهٔ آموزشی پیدا نشد؛ آن را از فهرست دوره‌ها برگزینید.", "Course",
                             "course_missing")


def _own(actor: Actor, row: TrainingCourse) -> None:
    if row.office_code != actor.office_code:
        raise UserError("این دوره از ادارهٔ دیگری است و فقط همان اداره می‌تواند آن را تغییر دهد.",
                        "The course belongs to another office.", code="foreign_record")


def save_course(store: Store, actor: Actor, data: CourseInput, course_id: str | None = None,
                *, today: _dt.date | None = None, record_id: str | None = None) -> str:
    """Register a course held (``course_id`` None) or correct one (its evaluation, say)."""
    require(actor, "training.edit")
    with store.session() as s:
        fields = _fields(s, data, today or jalali.today())
        if course_id is None:
            row = TrainingCourse(id=record_id, **fields)
            records.add(s, store, actor, row)
            return row.id
        row = _load(s, course_id)
        _own(actor, row)
        records.update(s, store, actor, row, **fields)
        return row.id


def remove_course(store: Store, actor: Actor, course_id: str) -> None:
    require(actor, "training.edit")
    with store.session() as s:
        row = _load(s, course_id)
        _own(actor, row)
        records.soft_delete(s, store, actor, row)


def courses_in(session: Session, office: str | None, start: _dt.date, end: _dt.date,
               topic: str | None = None) -> list[TrainingCourse]:
    """Courses whose last day falls between two days (both included)."""
    stmt = select(TrainingCourse).where(TrainingCourse.deleted.is_(False),
                                        TrainingCourse.end_date.between(start, end))
    if office:
        stmt = stmt.where(TrainingCourse.office_code == office)
    if topic:
        stmt = stmt.where(TrainingCourse.topic == topic)
    return list(session.scalars(stmt.order_by(TrainingCourse.office_code, TrainingCourse.end_date,
                                              TrainingCourse.id)))


def list_courses(store: Store, actor: Actor, period: str | None = None, *, topic: str | None = None,
                 office: str | None = None) -> list[CourseInfo]:
    """The register: courses ending in ``period`` (default: all), a province's own; HQ every
    province's or one (``office``)."""
    require(actor, "training.view")
    scope = actor.office_code if actor.office_code != HQ else office
    start, end = (_dt.date(1900, 1, 1), _dt.date(2999, 12, 31))
    if period:
        p = Period.parse(period)
        start, end = p.start, p.end
    with store.read() as s:
        return [info(c) for c in courses_in(s, scope, start, end, topic)]


@dataclass(frozen=True)
class TopicSummary:
    topic: str
    topic_fa: str
    courses: int
    participants: int
    person_hours: float


@dataclass(frozen=True)
class Summary:
    topics: list[TopicSummary]
    courses: int
    evaluated: int
    mean_score: float | None

    @property
    def evaluated_percent(self) -> float | None:
        return 100.0 * self.evaluated / self.courses if self.courses else None


def summarise(courses: Sequence[CourseInfo]) -> Summary:
    """Courses, participants and person-hours per topic; the share evaluated and mean score."""
    rows = []
    for topic, label in TOPICS.items():
        mine = [c for c in courses if c.topic == topic]
        rows.append(TopicSummary(topic, label, len(mine), sum(c.participant_count for c in mine),
                                 sum(c.person_hours for c in mine)))
    scored = [c.eval_score for c in courses if c.evaluated and c.eval_score is not None]
    return Summary(rows, len(courses), len(scored), sum(scored) / len(scored) if scored else None)

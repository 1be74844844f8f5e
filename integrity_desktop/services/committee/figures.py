"""Axis 7, axis 12, 2/2, 3/2 and 10/7, computed from the committee and training registers.

Computed whenever they are shown (``SOURCE`` registers them with ``services.figures.computed``), on
one office's records in one Jalali period.  The catalogue notes (``resources/catalog``) hold
the same definitions with the programme's words:

7/1 «تشکیل یا استمرار فعالیت کمیته و ابلاغ اعضای آن» — 1 when, on the period's last day (or
    today while the period runs), the committee has a chair and a secretary in office and
    every member in office was announced by a letter (number and date) dated on or before that
    day; else 0.
7/2 «برگزاری جلسات زمان‌بندی‌شدهٔ کمیته در طول سال و تنظیم صورتجلسات» — percent: meetings
    planned in the period that were held and have minutes (text or an attached file) ÷
    meetings planned in the period whose day has come (or that were held early) × 100.
    Cancelled and missed meetings stay in the divisor; a meeting with no planned date is in
    neither.  None due: no value.
7/3 «پیگیری اجرای مصوبات کمیته» — percent: resolutions due in the period up to today that
    are done ÷ resolutions due in the period up to today × 100; dropped ones (with a reason)
    are in neither.  None due: no value.
12/1–12/4, 2/2, 3/2, 10/7 — the number of courses of that topic whose last day falls in the
    period (their participants and person-hours are listed with the records).
12/5 «ارزیابی و سنجش میزان اثربخشی دوره‌های آموزشی برگزارشده» — percent: courses of every
    topic held in the period with an effectiveness evaluation (method and score) ÷ courses
    held in the period × 100 (the mean score is listed with the records).  None held: no value.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import (
    CommitteeMeeting,
    CommitteeMember,
    CommitteeResolution,
    Evidence,
    TrainingCourse,
)
from integrity_desktop.digits import format_number, value_text
from integrity_desktop.jalali import Period, format_date
from integrity_desktop.services.committee.register import RESOLUTION_STATUSES, members_in_office
from integrity_desktop.services.committee.training import TOPICS, courses_in
from integrity_desktop.services.figures.computed import ComputedSource, Figure, RecordRow

COURSE_CODES = tuple(TOPICS)  # 12/1 … 10/7
FORMULAS_FA: dict[str, str] = {
    "7/1": "۱ اگر در پایان دوره (یا امروز) کمیته رئیس و دبیر دارد و همهٔ اعضای آن روز با نامهٔ ابلاغ "
           "(شماره و تاریخ) معرفی شده‌اند، وگرنه ۰",
    "7/2": "جلسه‌های برنامه‌ریزی‌شدهٔ دوره که برگزار شده و صورتجلسه دارند ÷ جلسه‌های برنامه‌ریزی‌شدهٔ "
           "دوره که روزشان رسیده است × ۱۰۰",
    "7/3": "مصوبه‌های با مهلت در دوره (تا امروز) که انجام شده‌اند ÷ همهٔ مصوبه‌های با مهلت در دوره "
           "(تا امروز) جز کنارگذاشته‌ها × ۱۰۰",
    **{code: f"شمار دوره‌های «{label}» که روز پایانشان در دوره است"
       for code, label in TOPICS.items()},
    "12/5": "دوره‌های برگزارشدهٔ دوره که اثربخشی‌شان سنجیده شده است ÷ همهٔ دوره‌های برگزارشدهٔ "
            "دوره × ۱۰۰",
}


_Row = TypeVar("_Row", CommitteeMember, CommitteeMeeting, CommitteeResolution, TrainingCourse)


def _percent(num: int, den: int) -> float | None:
    return 100.0 * num / den if den else None


def _day(period: Period, today: _dt.date) -> _dt.date:
    return min(period.end, today)


def _formed(members: Sequence[CommitteeMember], day: _dt.date) -> tuple[int, int, bool]:
    """(members in office, of them announced, formed and announced)."""
    announced = [m for m in members if m.letter_no and m.letter_date is not None and m.letter_date <= day]
    roles = {m.role for m in members}
    ok = bool(members) and {"chair", "secretary"} <= roles and len(announced) == len(members)
    return len(members), len(announced), ok


def _scheduled(session: Session, office: str, period: Period, today: _dt.date) -> list[CommitteeMeeting]:
    return _scheduled_in(session, [office], period, today)


def _scheduled_in(session: Session, offices: Sequence[str], period: Period, today: _dt.date,
                  ) -> list[CommitteeMeeting]:
    rows = session.scalars(select(CommitteeMeeting).where(
        CommitteeMeeting.deleted.is_(False), CommitteeMeeting.office_code.in_(list(offices)),
        CommitteeMeeting.planned_date.between(period.start, period.end),
    ).order_by(CommitteeMeeting.planned_date, CommitteeMeeting.id))
    return [m for m in rows if m.planned_date is not None and (m.planned_date <= today or m.held_date is not None)]


def _with_minutes(session: Session, meetings: list[CommitteeMeeting]) -> set[str]:
    held = [m for m in meetings if m.held_date is not None and m.status == "held"]
    out = {m.id for m in held if m.minutes.strip()}
    rest = [m.id for m in held if m.id not in out]
    if rest:
        out |= set(session.scalars(select(Evidence.owner_id).where(
            Evidence.deleted.is_(False), Evidence.owner_type == "committee_meeting", Evidence.owner_id.in_(rest))))
    return out


def _due(session: Session, office: str, period: Period, today: _dt.date) -> list[CommitteeResolution]:
    return _due_in(session, [office], period, today)


def _due_in(session: Session, offices: Sequence[str], period: Period, today: _dt.date,
            ) -> list[CommitteeResolution]:
    last = _day(period, today)
    if last < period.start:
        return []
    return list(session.scalars(select(CommitteeResolution).where(
        CommitteeResolution.deleted.is_(False), CommitteeResolution.office_code.in_(list(offices)),
        CommitteeResolution.status != "dropped",
        CommitteeResolution.due_date.between(period.start, last),
    ).order_by(CommitteeResolution.due_date, CommitteeResolution.number, CommitteeResolution.id)))


def _by_office(rows: Iterable[_Row]) -> dict[str, list[_Row]]:
    out: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        out[row.office_code].append(row)
    return out


def _figures_all(
    session: Session, offices: Sequence[str], period: Period, today: _dt.date,
    _codes: frozenset[str] | None = None,  # computes all its figures (they share their queries)
) -> dict[str, dict[str, Figure]]:
    """The figures of every office in ``offices``, each register read once for all of them."""
    wanted = list(offices)
    day = _day(period, today)
    members = _by_office(session.scalars(select(CommitteeMember).where(
        CommitteeMember.deleted.is_(False), CommitteeMember.office_code.in_(wanted),
        CommitteeMember.member_from <= day,
        or_(CommitteeMember.member_to.is_(None), CommitteeMember.member_to >= day),
    )))
    all_scheduled = _scheduled_in(session, wanted, period, today)
    done = _with_minutes(session, all_scheduled)
    scheduled = _by_office(all_scheduled)
    due_by = _by_office(_due_in(session, wanted, period, today))
    courses_by = _by_office(session.scalars(select(TrainingCourse).where(
        TrainingCourse.deleted.is_(False), TrainingCourse.office_code.in_(wanted),
        TrainingCourse.end_date.between(period.start, period.end))))
    result: dict[str, dict[str, Figure]] = {}
    for office in wanted:
        out: dict[str, Figure] = {}
        _, _, ok = _formed(members.get(office, []), day)
        out["7/1"] = Figure("7/1", 1.0 if ok else 0.0, 1 if ok else 0, None, FORMULAS_FA["7/1"])
        held = [m for m in scheduled.get(office, []) if m.id in done]
        planned = len(scheduled.get(office, []))
        out["7/2"] = Figure("7/2", _percent(len(held), planned), len(held), planned, FORMULAS_FA["7/2"])
        due = due_by.get(office, [])
        carried = [r for r in due if r.status == "done"]
        out["7/3"] = Figure("7/3", _percent(len(carried), len(due)), len(carried), len(due), FORMULAS_FA["7/3"])
        courses = courses_by.get(office, [])
        for code in COURSE_CODES:
            n = sum(1 for c in courses if c.topic == code)
            out[code] = Figure(code, float(n), n, None, FORMULAS_FA[code])
        evaluated = sum(1 for c in courses if c.eval_method and c.eval_score is not None)
        out["12/5"] = Figure("12/5", _percent(evaluated, len(courses)), evaluated, len(courses),
                             FORMULAS_FA["12/5"])
        result[office] = out
    return result


def _course_row(c: TrainingCourse, counted: bool) -> RecordRow:
    hours = float(c.hours) * int(c.participant_count)
    text = (f"{c.title} ({TOPICS.get(c.topic, c.topic)})، {format_number(c.participant_count)} نفر، "
            f"{value_text(hours)} نفر-ساعت")
    if c.eval_method and c.eval_score is not None:
        text += f"، امتیاز اثربخشی {value_text(c.eval_score)}"
    return RecordRow("دورهٔ آموزشی", c.id, c.end_date, text, counted)


def _records(session: Session, office: str, period: Period, today: _dt.date, code: str) -> list[RecordRow]:
    """The records behind one figure (see the module docstring for what each counts)."""
    if code == "7/1":
        day = _day(period, today)
        return [RecordRow(
            "عضو کمیته", m.id, m.member_from,
            f"{m.full_name} ({m.post or m.role})، " + (
                f"ابلاغ {m.letter_no} مورخ {format_date(m.letter_date)}"
                if m.letter_no and m.letter_date is not None and m.letter_date <= day else "بی‌نامهٔ ابلاغ"),
            bool(m.letter_no and m.letter_date is not None and m.letter_date <= day))
            for m in members_in_office(session, office, day)]
    if code == "7/2":
        scheduled = _scheduled(session, office, period, today)
        done = _with_minutes(session, scheduled)
        rows = []
        for m in scheduled:
            if m.id in done:
                state = f"برگزار شد {format_date(m.held_date)} با صورتجلسه"
            elif m.held_date is not None:
                state = "برگزار شد، بی‌صورتجلسه"
            else:
                state = "لغو شد" if m.status == "cancelled" else "برگزار نشد"
            rows.append(RecordRow("جلسهٔ کمیته", m.id, m.planned_date, f"{m.title or 'جلسهٔ کمیته'}: {state}",
                                  m.id in done))
        return rows
    if code == "7/3":
        return [RecordRow("مصوبهٔ کمیته", r.id, r.due_date,
                          f"{r.text[:80]} ({RESOLUTION_STATUSES.get(r.status, r.status)})", r.status == "done")
                for r in _due(session, office, period, today)]
    courses = courses_in(session, office, period.start, period.end)
    if code == "12/5":
        scored = [float(c.eval_score) for c in courses if c.eval_method and c.eval_score is not None]
        rows = [_course_row(c, bool(c.eval_method and c.eval_score is not None)) for c in courses]
        if scored:  # the mean score, first, as a row that counts in neither
            mean = sum(scored) / len(scored)
            rows.insert(0, RecordRow("میانگین امتیاز", "", None,
                                     f"میانگین امتیاز اثربخشی {format_number(len(scored))} دورهٔ سنجیده: "
                                     f"{value_text(mean)} از ۱۰۰", False))
        return rows
    if code in COURSE_CODES:
        return [_course_row(c, True) for c in courses if c.topic == code]
    return []


SOURCE = ComputedSource(
    formulas_fa=FORMULAS_FA,
    figures_all=_figures_all,
    records=_records,
    permission="committee.view",
)

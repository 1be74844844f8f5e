"""Demo content of the committee and training registers (``services.demo.content.FILLERS``).

Years 1402 and 1403: a committee of seven appointed by letters (one member replaced in the
middle of 1403), four meetings planned a year (one missed, one cancelled, one without a
quorum), their resolutions followed up (done, dropped, a few still open and so overdue), and
courses of every topic with their evaluations.  Written through the services (audited), with
ids from ``stable_id("demo", ...)``: a second run adds nothing.
"""

from __future__ import annotations

import datetime as _dt
import random

from sqlalchemy import select

from integrity_desktop import jalali
from integrity_desktop.db.models import CommitteeMember, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.jalali import Period, periods_of_year
from integrity_desktop.permissions import Actor
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.committee.register import MeetingInput, MemberInput, ResolutionInput
from integrity_desktop.services.committee.training import CourseInput
from integrity_desktop.services.store.records import stable_id

YEARS = (1402, 1403)
MEMBERS = (
    ("محمدرضا کریمی", "chair", "مدیرکل"),
    ("زهرا احمدی", "secretary", "رئیس ادارهٔ مدیریت عملکرد"),
    ("علی رضایی", "member", "معاون توسعهٔ مدیریت و منابع"),
    ("فاطمه موسوی", "member", "رئیس حراست"),
    ("حسین نوری", "member", "رئیس ادارهٔ آموزش"),
    ("مریم صادقی", "member", "کارشناس حقوقی"),
    ("رضا جعفری", "member", "نمایندهٔ مراکز آموزشی"),
)
NEW_MEMBER = ("سمیه کاظمی", "member", "رئیس ادارهٔ منابع انسانی")
TOPICS_TEXT = (
    "برگزاری دورهٔ آموزشی سلامت اداری برای کارکنان مراکز",
    "تهیهٔ گزارش پیشرفت برنامهٔ سلامت اداری برای ستاد",
    "بازنگری فرایند پاسخ به شکایت‌های مردمی",
    "پیگیری گزارش‌های بازرسان معتمد در مراکز",
    "به‌روزرسانی منشور اخلاقی و نصب آن در مراکز",
    "اعلام نقاط آسیب‌پذیر و گلوگاه‌های فسادخیز به واحدها",
    "تشکیل کارگروه شفافیت و انتشار اطلاعات",
)
COURSES = {
    "12/1": ("سلامت اداری و پیشگیری از فساد", "دکتر حمید شریفی"),
    "12/2": ("دستورالعمل اجرایی مواد ۹۱ و ۹۲", "مهندس لیلا یزدانی"),
    "12/3": ("حقوق شهروندی در نظام اداری", "دکتر کامران مرادی"),
    "12/4": ("اخلاق حرفه‌ای در خدمت‌رسانی", "حجت‌الاسلام اکبری"),
    "2/2": ("کارگاه شفافیت و دسترسی آزاد به اطلاعات", "دکتر نرگس فرهادی"),
    "3/2": ("کارگاه مدیریت تعارض منافع", "دکتر بهروز سلیمانی"),
    "10/7": ("آموزش کاربران سامانهٔ سامد", "مهندس پیمان قربانی"),
}


def _day(period: Period, offset: int) -> _dt.date:
    return period.start + _dt.timedelta(days=offset)


def fill(store: Store, actor: Actor, rng: random.Random, scale: int) -> dict[str, int]:
    """The demo filler (see ``services.demo.content.FILLERS``)."""
    office = actor.office_code
    today = jalali.today()
    first_id = stable_id("demo", "committee_member", office, "0")
    with store.read() as s:
        if s.get(CommitteeMember, first_id) is not None:
            return {"committee_members": 0, "committee_meetings": 0, "committee_resolutions": 0,
                    "training_courses": 0}
        units = list(s.scalars(select(Unit.id).where(Unit.office_code == office, Unit.deleted.is_(False))
                               .order_by(Unit.id)))
    start = Period(YEARS[0], "year").start + _dt.timedelta(days=14)
    members: list[tuple[str, _dt.date, _dt.date | None]] = []
    replaced_on = Period(YEARS[1], "half", 2).start
    for i, (name, role, post) in enumerate(MEMBERS):
        ends = replaced_on - _dt.timedelta(days=1) if i == len(MEMBERS) - 1 else None
        mid = committee.save_member(store, actor, MemberInput(
            name, start, role=role, post=post, letter_no=f"۷/{1200 + i}", letter_date=start - _dt.timedelta(days=5),
            member_to=ends), today=today, record_id=stable_id("demo", "committee_member", office, str(i)))
        members.append((mid, start, ends))
    name, role, post = NEW_MEMBER
    mid = committee.save_member(store, actor, MemberInput(
        name, replaced_on, role=role, post=post, letter_no="۷/۱۴۹۰", letter_date=replaced_on - _dt.timedelta(days=3)),
        today=today, record_id=stable_id("demo", "committee_member", office, "new"))
    members.append((mid, replaced_on, None))
    meetings = resolutions = courses = 0
    for year in YEARS:
        for q in periods_of_year(year, "quarter"):
            planned = _day(q, 40 + rng.randint(0, 10))
            if planned > today:
                continue
            key = stable_id("demo", "committee_meeting", office, q.code)
            missed = (year, q.number) == (YEARS[0], 3)
            cancelled = (year, q.number) == (YEARS[1], 4)
            if missed or cancelled:
                committee.save_meeting(store, actor, MeetingInput(
                    planned_date=planned, title=f"جلسهٔ {q.label_fa}", cancelled=cancelled,
                    note="به دلیل مأموریت رئیس کمیته لغو شد" if cancelled else ""), today=today, record_id=key)
                meetings += 1
                continue
            held = planned + _dt.timedelta(days=rng.choice((0, 0, 1, 3)))
            present = [m for m, s_, e in members if s_ <= held and (e is None or e >= held)]
            few = (year, q.number) == (YEARS[1], 1)
            attendees = present[:3] if few else [m for m in present if rng.random() < 0.85] or present[:5]
            meeting = committee.save_meeting(store, actor, MeetingInput(
                planned_date=planned, held_date=held, title=f"جلسهٔ {q.label_fa}", attendee_ids=attendees,
                minutes=(f"جلسهٔ کمیتهٔ سلامت اداری در {q.label_fa} با حضور اعضا برگزار شد. گزارش پیشرفت "
                         "برنامهٔ سلامت اداری و گزارش‌های بازرسان معتمد بررسی و مصوبه‌های زیر گرفته شد.")),
                today=today, record_id=key)
            meetings += 1
            for n in range(rng.randint(2, 3)):
                due = held + _dt.timedelta(days=rng.choice((30, 45, 60, 90)))
                rid = committee.save_resolution(store, actor, ResolutionInput(
                    meeting, TOPICS_TEXT[rng.randrange(len(TOPICS_TEXT))], due,
                    responsible_unit_id=units[rng.randrange(len(units))] if units else None),
                    record_id=stable_id("demo", "committee_resolution", office, q.code, str(n)))
                resolutions += 1
                roll = rng.random()
                if due < today and roll < 0.7:
                    done = min(today, due + _dt.timedelta(days=rng.randint(-20, 10)))
                    committee.follow_up(store, actor, rid, note="نامهٔ پیگیری به واحد مسئول فرستاده شد",
                                        today=min(today, held + _dt.timedelta(days=15)))
                    committee.follow_up(store, actor, rid, note="گزارش انجام دریافت شد", status="done",
                                        done_on=max(done, held), today=max(done, held))
                elif roll < 0.8:
                    committee.follow_up(store, actor, rid, status="dropped",
                                        drop_reason="با تصمیم ستاد موضوع منتفی شد", today=min(today, due))
                elif due < today:
                    committee.follow_up(store, actor, rid, note="واحد مسئول مهلت بیشتری خواست",
                                        today=min(today, due + _dt.timedelta(days=5)))
            for n in range(rng.randint(2, 3) * max(1, scale)):
                topic = list(COURSES)[rng.randrange(len(COURSES))]
                title, trainer = COURSES[topic]
                begin = _day(q, rng.randint(5, 75))
                end = begin + _dt.timedelta(days=rng.choice((0, 0, 1, 2)))
                if end > today:
                    continue
                evaluated = rng.random() < 0.65
                training.save_course(store, actor, CourseInput(
                    title, topic, begin, end, rng.choice((2, 4, 6, 8, 12, 16)), rng.randint(12, 60), trainer=trainer,
                    unit_id=units[rng.randrange(len(units))] if units else None,
                    eval_method=rng.choice(("questionnaire", "test", "observation")) if evaluated else "",
                    eval_score=round(rng.uniform(62, 95), 1) if evaluated else None),
                    today=today, record_id=stable_id("demo", "training_course", office, q.code, str(n)))
                courses += 1
    return {"committee_members": len(members), "committee_meetings": meetings,
            "committee_resolutions": resolutions, "training_courses": courses}

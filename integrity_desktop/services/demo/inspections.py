"""Demo inspections: inspectors, quarterly plans for 1402–1403, visits with findings and actions.

Everything goes through the real services (so the demo obeys every validation rule) with ids
from ``stable_id("demo", ...)``; a quarter whose plan exists is skipped, so a second run adds
nothing.  All random draws happen before the existence check, so the content stays the same
whatever was there before.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass

from sqlalchemy import select

from integrity_desktop import jalali
from integrity_desktop.db.models import InspectionPlan, Inspector, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.jalali import Period, periods_of_year
from integrity_desktop.nationalid import generate_valid_national_code
from integrity_desktop.permissions import Actor
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.inspections.plans import PlanItemInput
from integrity_desktop.services.inspections.visits import ActionInput, FindingInput
from integrity_desktop.services.store.records import stable_id
from integrity_desktop.services.store.seed import template_id

YEARS = (1402, 1403)

# (name, post, appointed, term end or "")
INSPECTORS = [
    ("مریم احمدی", "کارشناس ارشد مدیریت عملکرد", "1401/11/15", ""),
    ("محمدرضا کاظمی", "کارشناس بازرسی", "1401/12/01", ""),
    ("فاطمه حسینی", "کارشناس امور اداری", "1402/01/20", ""),
    ("حمید نوروزی", "کارشناس آموزش", "1401/10/10", "1403/06/31"),
    ("سمیه رحیمی", "کارشناس حقوقی", "1402/07/01", ""),
    ("علیرضا جعفری", "کارشناس مالی", "1403/01/15", ""),
]

# (severity, indicator, finding, action)
FINDINGS = [
    ("high", "22/1", "دفتر ثبت حضور و غیاب کارکنان به‌طور کامل تکمیل نشده است.",
     "تکمیل و امضای روزانهٔ دفتر حضور و غیاب و ارسال گزارش آن"),
    ("medium", "", "تابلوی اعلانات حقوق شهروندی به‌روز نیست.",
     "نصب منشور حقوق شهروندی و به‌روزرسانی تابلوی اعلانات"),
    ("critical", "", "قرارداد خرید تجهیزات کارگاه بدون استعلام قیمت منعقد شده است.",
     "بررسی قرارداد در کمیسیون معاملات و گزارش نتیجه به اداره کل"),
    ("low", "", "پرونده‌های کارآموزان بایگانی منظم ندارد.",
     "ساماندهی بایگانی پرونده‌های کارآموزان بر پایهٔ شمارهٔ دوره"),
    ("high", "1/3", "برنامهٔ زمان‌بندی بازرسی‌های داخلی مرکز تدوین نشده است.",
     "تدوین برنامهٔ زمان‌بندی بازرسی داخلی و ارسال آن به دفتر مدیریت عملکرد"),
    ("medium", "22/3", "به شکایت‌های ثبت‌شدهٔ مراجعان در مهلت مقرر پاسخ داده نشده است.",
     "پاسخ به شکایت‌های معوق و تعیین مسئول پیگیری شکایت‌ها"),
    ("medium", "", "صورت‌جلسهٔ تحویل اموال کارگاه به امضای مسئول کارگاه نرسیده است.",
     "تنظیم صورت‌جلسهٔ تحویل اموال و امضای آن"),
    ("low", "", "ساعت کاری واحد روی در ورودی نصب نشده است.",
     "نصب ساعت کاری و شمارهٔ تماس پاسخ‌گویی در ورودی واحد"),
    ("critical", "", "کارت حضور یکی از کارکنان توسط همکار دیگری ثبت شده است.",
     "بررسی موضوع در هیئت رسیدگی و گزارش نتیجه"),
    ("high", "22/2", "گزارش پیشنهادهای بازرسی پیشین پیگیری نشده است.",
     "پیگیری پیشنهادهای بازرسی پیشین و ارسال گزارش پیشرفت"),
]  # fmt: skip

SUMMARIES = [
    "بازدید در ساعت اداری انجام شد و مسئول واحد در جلسه حضور داشت.",
    "بازدید با حضور رئیس مرکز و مسئولان کارگاه‌ها انجام شد.",
    "مستندات اداری و مالی نمونه‌گیری و بررسی شد.",
]
RECOMMENDATIONS = [
    "برگزاری دورهٔ آموزشی سلامت اداری برای کارکنان واحد پیشنهاد می‌شود.",
    "ثبت منظم مکاتبات در سامانهٔ اتوماسیون اداری و پرهیز از مکاتبهٔ کاغذی.",
    "تعیین یک نفر مسئول پیگیری اقدام‌های اصلاحی در واحد.",
]


@dataclass(frozen=True)
class _VisitPlan:
    kind: str
    day: _dt.date
    unit: str
    inspectors: tuple[str, ...]
    findings: tuple[tuple[int, int], ...]  # (finding index, due in days)
    closes: tuple[int | None, ...]  # per finding: days after the due date it was done, None = open
    summary: str
    recommendations: str
    stay_open: bool  # the report is still being written


def _ensure_inspectors(store: Store, actor: Actor, rng: random.Random, units: list[str]) -> list[str]:
    ids = []
    for n, (name, post, appointed, term_end) in enumerate(INSPECTORS):
        code = generate_valid_national_code(rng)
        unit = units[rng.randrange(len(units))]
        iid = stable_id("demo", "inspector", actor.office_code, str(n))
        ids.append(iid)
        with store.read() as s:
            if s.get(Inspector, iid) is not None:
                continue
        inspectors.create_inspector(
            store, actor, full_name=name, national_code=code, appointed_on=appointed,
            letter_no=f"{1400 + n * 7}/ب/{rng.randint(100, 999)}", post=post, unit_id=unit,
            term_end=term_end or None, status="active" if not term_end else "ended", record_id=iid,
        )  # fmt: skip
    return ids


def _draw_quarter(
    rng: random.Random, office: str, quarter: Period, units: list[str], people: list[Inspector], scale: int
) -> tuple[list[PlanItemInput], list[_VisitPlan | None], list[_VisitPlan]]:
    length = (quarter.end - quarter.start).days
    items: list[PlanItemInput] = []
    planned_visits: list[_VisitPlan | None] = []
    for k in range(rng.randint(3, 5) * scale):
        day = quarter.start + _dt.timedelta(days=rng.randrange(length - 3))
        able = [p.id for p in people if inspectors.is_appointed_on(p, day)]
        team = tuple(rng.sample(able, min(len(able), rng.choice((1, 1, 2)))))
        unit = units[rng.randrange(len(units))]
        template = template_id("three-year-1398-1400", 1) if k == 0 else None
        iid = stable_id("demo", "plan_item", office, quarter.code, str(k))
        items.append(PlanItemInput(unit, day, team, template, record_id=iid))
        done = rng.random() < 0.85
        visit_day = min(day + _dt.timedelta(days=rng.randrange(3)), quarter.end)
        planned_visits.append(_draw_visit(rng, "periodic", visit_day, unit, team) if done else None)
    adhoc = []
    for _ in range(rng.randint(0, 2) * scale):
        day = quarter.start + _dt.timedelta(days=rng.randrange(length))
        able = [p.id for p in people if inspectors.is_appointed_on(p, day)]
        adhoc.append(_draw_visit(rng, "adhoc", day, units[rng.randrange(len(units))], (rng.choice(able),)))
    return items, planned_visits, adhoc


def _draw_visit(rng: random.Random, kind: str, day: _dt.date, unit: str, team: tuple[str, ...]) -> _VisitPlan:
    picks = rng.sample(range(len(FINDINGS)), rng.randint(0, 3))
    findings = tuple((i, rng.choice((15, 30, 45, 60))) for i in picks)
    closes = tuple(rng.choice((None, -5, -2, 0, 3, 10)) if rng.random() < 0.8 else None for _ in picks)
    summary, recommendations = rng.choice(SUMMARIES), rng.choice(RECOMMENDATIONS)
    return _VisitPlan(kind, day, unit, team, findings, closes, summary, recommendations, rng.random() < 0.1)


def _write_visit(
    store: Store, actor: Actor, vp: _VisitPlan, vid: str, item_id: str | None, today: _dt.date
) -> int:
    detail = visits.log_visit(
        store, actor, kind=vp.kind, visit_date=vp.day, unit_id=None if item_id else vp.unit,
        inspector_ids=vp.inspectors, plan_item_id=item_id, summary=vp.summary,
        recommendations=vp.recommendations, record_id=vid,
        findings=[
            FindingInput(
                FINDINGS[i][0], FINDINGS[i][2], FINDINGS[i][1],
                (ActionInput(vp.unit, FINDINGS[i][3], vp.day + _dt.timedelta(days=due)),),
            )
            for i, due in vp.findings
        ],
    )  # fmt: skip
    by_text = {f.text: f for f in detail.findings}
    all_closed = True
    for (i, _due), late in zip(vp.findings, vp.closes, strict=True):
        action = by_text[FINDINGS[i][2]].actions[0]
        closed_on = action.due_date + _dt.timedelta(days=late) if late is not None else None
        if closed_on is None or closed_on > today:
            all_closed = False
            continue
        visits.close_action(
            store, actor, action.id, closed_on=max(closed_on, vp.day), note="انجام و مستند شد."
        )
    recent = (today - vp.day).days < 20
    status = "open" if recent or vp.stay_open else ("closed" if all_closed else "reported")
    visits.update_visit(store, actor, detail.visit.id, status=status)
    return len(vp.findings)


def fill(store: Store, actor: Actor, rng: random.Random, scale: int) -> dict[str, int]:
    """The demo filler (see ``services.demo.content.FILLERS``)."""
    today = jalali.today()
    with store.read() as s:
        units = list(
            s.scalars(
                select(Unit.id)
                .where(Unit.office_code == actor.office_code, Unit.deleted.is_(False))
                .order_by(Unit.id)
            )
        )
    if not units:
        return {"inspectors": 0, "inspection_plans": 0, "visits": 0, "findings": 0}
    ids = _ensure_inspectors(store, actor, rng, units)
    with store.read() as s:
        people = [p for p in (s.get(Inspector, i) for i in ids) if p is not None]
    plans = visit_count = finding_count = 0
    for year in YEARS:
        for quarter in periods_of_year(year, "quarter"):
            if quarter.start > today:
                continue
            items, planned, adhoc = _draw_quarter(
                rng, actor.office_code, quarter, units, people, max(1, scale)
            )
            pid = stable_id("demo", "inspection_plan", actor.office_code, quarter.code)
            with store.read() as s:
                if s.get(InspectionPlan, pid) is not None:
                    continue
            inspection_plans.create_plan(
                store, actor, quarter.code, items=items, record_id=pid,
                note="برنامهٔ بازرسی ادواری واحدهای تابعه بر پایهٔ دستورالعمل اجرایی مواد ۹۱ و ۹۲",
            )  # fmt: skip
            plans += 1
            for n, (item, vp) in enumerate(zip(items, planned, strict=True)):
                if vp is None:
                    continue
                vid = stable_id("demo", "visit", actor.office_code, quarter.code, "p", str(n))
                finding_count += _write_visit(store, actor, vp, vid, item.record_id, today)
                visit_count += 1
            for n, vp in enumerate(adhoc):
                vid = stable_id("demo", "visit", actor.office_code, quarter.code, "a", str(n))
                finding_count += _write_visit(store, actor, vp, vid, None, today)
                visit_count += 1
    return {
        "inspectors": len(people),
        "inspection_plans": plans,
        "visits": visit_count,
        "findings": finding_count,
        "referred_findings": _link_a_referral(store, actor),
    }


def _link_a_referral(store: Store, actor: Actor) -> int:
    """Show a referred finding (issue 16 item 8) without changing any figure: the newest case
    still «گزارش‌شده» is marked as referred from a serious finding of a visit to the same unit
    before its report date.  Once per store (a case already linked is left alone)."""
    from integrity_desktop.db.models import Case, Finding, Visit
    from integrity_desktop.services.store import records

    with store.session() as s:
        if s.scalar(select(Case.id).where(Case.office_code == actor.office_code,
                                          Case.source_finding_id.is_not(None)).limit(1)):
            return 0
        candidates = s.scalars(select(Case).where(
            Case.office_code == actor.office_code, Case.state == "reported", Case.deleted.is_(False),
            Case.unit_id.is_not(None)).order_by(Case.reported_on.desc(), Case.id).limit(50)).all()
        for case in candidates:
            finding = s.scalar(
                select(Finding).join(Visit, Visit.id == Finding.visit_id)
                .where(Visit.unit_id == case.unit_id, Visit.visit_date <= case.reported_on,
                       Visit.deleted.is_(False), Finding.deleted.is_(False),
                       Finding.severity.in_(("critical", "high")))
                .order_by(Visit.visit_date.desc(), Finding.id).limit(1))
            if finding is not None:
                records.update(s, store, actor, case, source_finding_id=finding.id)
                return 1
    return 0

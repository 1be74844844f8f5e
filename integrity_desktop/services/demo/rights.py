"""Demo content of the people's rights registers (``services.demo.content.FILLERS``): complaints and
people's letters over the last two years (most answered, some late, some still open), a survey
round per unit and quarter, and letters from the oversight bodies.  Deterministic from ``rng``,
with ids from ``stable_id("demo", ...)`` so running it twice adds nothing twice.

Complaints are inserted in blocks with one audit statement each (as the case filler does), with
the columns ``records.add`` gives; they pass the services' own validation (``complaints.validate``).
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any, cast

from sqlalchemy import Table, insert, select

from integrity_desktop import jalali
from integrity_desktop.db.models import Complaint, OversightLetter, SurveyRound, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.demo.cases import FIRST_NAMES, LAST_NAMES
from integrity_desktop.services.rights import complaints as cm
from integrity_desktop.services.rights.oversight import BODIES
from integrity_desktop.services.store.records import add, as_dict, stable_id, stamp_columns

COMPLAINTS_PER_SCALE = 300
LETTERS_PER_SCALE = 40
_BLOCK = 2000
SUBJECTS = (
    "تأخیر در صدور گواهی‌نامهٔ مهارت", "برخورد نامناسب کارمند پذیرش", "دریافت شهریهٔ بیش از تعرفه",
    "لغو دوره بدون اطلاع قبلی", "کمبود تجهیزات کارگاه", "نبود پاسخ در سامانهٔ تلفنی",
    "پیشنهاد برگزاری دورهٔ شبانه", "درخواست بازنگری نمرهٔ آزمون", "نظافت نامناسب کلاس‌ها",
)
ACTIONS = ("آموزش مهارت‌های ارتباطی به کارکنان پذیرش", "بازنگری فرایند صدور گواهی‌نامه",
           "نصب میز خدمت در ورودی مرکز", "تشویق کارکنان واحد برتر")


def _complaint(store: Store, actor: Actor, rng: random.Random, i: int, units: list[str],
               today: _dt.date, answer_days: int) -> dict[str, Any]:
    received = today - _dt.timedelta(days=rng.randint(0, 720))
    kind = rng.choices(tuple(cm.KINDS), weights=(70, 18, 12))[0]
    waited = int(rng.triangular(2, 75, 18))
    answered: _dt.date | None = received + _dt.timedelta(days=waited)
    if answered is None or answered > today or rng.random() < 0.04:
        answered = None
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    channel = rng.choices(tuple(cm.CHANNELS), weights=(45, 15, 15, 15, 10))[0]
    subject = rng.choice(SUBJECTS)
    category = rng.choice(tuple(cm.CATEGORIES))
    tracking = f"{'SMD' if channel == 'samad' else 'IN'}-{jdate_year(received) % 100:02d}{i:06d}"
    outcome = rng.choice(tuple(cm.OUTCOMES)) if answered else None
    contact = f"09{rng.randint(10, 39)}{rng.randint(1000000, 9999999)}"
    return {
        "id": stable_id("demo", "complaint", actor.office_code, str(i)), **stamp_columns(store, actor),
        "kind": kind, "received_on": received, "channel": channel, "category": category,
        "unit_id": rng.choice(units) if units and rng.random() < 0.9 else None,
        "tracking_number": tracking, "person_name": name, "person_contact": contact,
        "subject": subject, "due_on": received + _dt.timedelta(days=answer_days),
        "answered_on": answered, "outcome": outcome,
        "answer_note": "پاسخ کتبی فرستاده شد." if answered else "",
        "referred_to": "ادارهٔ کل امور مالی" if outcome == "referred" else "",
        "satisfaction": rng.choices((1, 2, 3, 4, 5), weights=(8, 12, 20, 35, 25))[0]
        if answered and rng.random() < 0.6 else None,
        **cm.search_texts(tracking, category, name, contact, subject),
    }


def fill(store: Store, actor: Actor, rng: random.Random, scale: int) -> dict[str, int]:
    """The demo filler (see ``services.demo.content.FILLERS``)."""
    today = jalali.today()
    answer_days = cm.answer_days(store)
    with store.read() as s:
        units = sorted(s.scalars(select(Unit.id).where(
            Unit.office_code == actor.office_code, Unit.deleted.is_(False))))
    table = cast(Table, Complaint.__table__)
    total = COMPLAINTS_PER_SCALE * max(1, scale)
    added = 0
    for start in range(0, total, _BLOCK):
        rows = [_complaint(store, actor, rng, i, units, today, answer_days)
                for i in range(start, min(total, start + _BLOCK))]
        with store.session() as s:
            existing = set(s.scalars(select(Complaint.id).where(
                Complaint.id.in_([r["id"] for r in rows[:500]]))))
            for k in range(500, len(rows), 500):
                existing.update(s.scalars(select(Complaint.id).where(
                    Complaint.id.in_([r["id"] for r in rows[k:k + 500]]))))
            new = [r for r in rows if r["id"] not in existing]
            if new:
                s.execute(insert(table), new)
                stored: list[Complaint] = []
                for k in range(0, len(new), 500):
                    stored.extend(s.scalars(select(Complaint).where(
                        Complaint.id.in_([r["id"] for r in new[k:k + 500]]))))
                audit.append_many(s, actor, "create", (("complaint", r.id, None, as_dict(r)) for r in stored))
                for r in stored:
                    s.expunge(r)
            added += len(new)
    rounds = letters = 0
    with store.session() as s:
        current = jalali.Period(jdate_year(today), "quarter", (jdate_month(today) - 1) // 3 + 1)
        periods = []
        p = current
        for _ in range(6):  # the six quarters before the current one
            p = p.previous()
            periods.append(p)
        for unit in units[: 2 + scale]:
            for period in periods:
                rid = stable_id("demo", "survey", actor.office_code, unit, period.code)
                if s.get(SurveyRound, rid) is not None:
                    continue
                sample = rng.randint(20, 120)
                shares = [rng.randint(1, 10) for _ in range(5)]
                dist = {str(k + 1): sample * shares[k] // sum(shares) for k in range(5)}
                dist["5"] += sample - sum(dist.values())
                dist = {k: v for k, v in dist.items() if v}
                mean = round(sum((int(k) - 1) * 25 * v for k, v in dist.items()) / sample, 2)
                add(s, store, actor, SurveyRound(
                    id=rid, unit_id=unit, period_code=period.code, conducted_on=period.end - _dt.timedelta(days=5),
                    method=rng.choice(("paper", "phone", "online", "in_person")), sample_size=sample,
                    mean_score=mean, distribution=dist,
                    questions=[{"text": "رفتار کارکنان", "score": min(100.0, mean + 5)},
                               {"text": "زمان انجام کار", "score": max(0.0, mean - 8)}],
                    actions_taken=rng.choice(ACTIONS)))
                rounds += 1
        for i in range(LETTERS_PER_SCALE * max(1, scale)):
            lid = stable_id("demo", "oversight", actor.office_code, str(i))
            received = today - _dt.timedelta(days=rng.randint(0, 700))
            due = received + _dt.timedelta(days=rng.choice((7, 10, 15, 20)))
            out = received + _dt.timedelta(days=int(rng.triangular(1, 30, 8)))
            answered = out <= today and rng.random() < 0.92
            if s.get(OversightLetter, lid) is not None:
                continue
            add(s, store, actor, OversightLetter(
                id=lid, body=rng.choice(tuple(BODIES)), in_number=f"{rng.randint(100, 999)}/{i + 1}",
                in_date=received, subject=rng.choice(("درخواست گزارش عملکرد", "پیگیری شکایت واصله",
                                                      "استعلام وضعیت پرداخت‌ها", "درخواست مدارک حسابرسی")),
                due_on=due, out_number=f"ص/{i + 1}" if answered else "", out_date=out if answered else None,
                status="answered" if answered else "open"))
            letters += 1
    return {"complaints": added, "survey_rounds": rounds, "oversight_letters": letters}


def jdate_year(day: _dt.date) -> int:
    import jdatetime

    return int(jdatetime.date.fromgregorian(date=day).year)


def jdate_month(day: _dt.date) -> int:
    import jdatetime

    return int(jdatetime.date.fromgregorian(date=day).month)

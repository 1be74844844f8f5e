"""Satisfaction survey rounds (9/5) and the actions taken on their results (9/7).

A round is one survey of a unit (or the whole office when no unit is given) for a period: how it
was asked, how many answered, the mean score on 0-100, the distribution of answers over the five
levels (optional), the questions with their own mean (optional) and what was done about it."""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import SurveyRound, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store import records

METHODS: dict[str, str] = {"paper": "پرسش‌نامهٔ کاغذی", "phone": "تلفنی", "online": "برخط",
                           "in_person": "گفت‌وگوی حضوری"}
LEVELS = ("1", "2", "3", "4", "5")
MAX_SAMPLE = 1_000_000
MAX_QUESTIONS = 50


@dataclass(frozen=True)
class SurveyInput:
    period_code: str
    conducted_on: _dt.date | str | None
    method: str
    sample_size: int | str
    mean_score: float | str | None = None  # default: from the distribution
    unit_id: str | None = None
    distribution: dict[str, int] = field(default_factory=dict)
    questions: list[dict[str, Any]] = field(default_factory=list)
    actions_taken: str = ""


def _err(fa: str, en: str, code: str = "survey_invalid") -> UserError:
    return UserError(fa, en, code=code)


def _number(value: Any, label_fa: str, low: float, high: float, *, whole: bool) -> float:
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        number = float("nan")
    if isinstance(value, bool) or number != number or not low <= number <= high or (whole and number != int(number)):
        kind = "عددی درست" if whole else "عددی"
        raise _err(f"{label_fa} باید {kind} از {to_persian_digits(str(int(low)))} تا "
                   f"{to_persian_digits(str(int(high)))} باشد.", f"{label_fa}: out of range {low}-{high}.")
    return number


def validate(session: Session, data: SurveyInput, *, today: _dt.date) -> dict[str, Any]:
    period = jalali.Period.parse(data.period_code or "")
    when = data.conducted_on
    day = jalali.parse_date(when) if isinstance(when, str) and when.strip() else when
    if not isinstance(day, _dt.date):
        raise _err("تاریخ انجام نظرسنجی را بنویسید.", "The survey date is required.")
    if day > today:
        raise _err(f"تاریخ انجام نظرسنجی ({jalali.format_date(day)}) در آینده است.", "Survey date in the future.")
    if day < period.start:
        raise _err("نظرسنجی پیش از آغاز دورهٔ خود انجام نمی‌شود؛ تاریخ یا دوره را درست کنید.",
                   "The survey date is before its period.")
    method = (data.method or "").strip()
    if method not in METHODS:
        by_label = {v: k for k, v in METHODS.items()}
        method = by_label.get(method, "")
    if not method:
        raise _err(f"روش نظرسنجی را از این فهرست برگزینید: {'، '.join(METHODS.values())}.", "Unknown method.")
    sample = int(_number(data.sample_size, "اندازهٔ نمونه", 1, MAX_SAMPLE, whole=True))
    distribution: dict[str, int] = {}
    for level, count in (data.distribution or {}).items():
        if str(level) not in LEVELS:
            raise _err("توزیع پاسخ‌ها فقط سطح‌های ۱ تا ۵ را دارد.", f"Unknown level {level!r}.")
        n = int(_number(count, f"شمار پاسخ‌های سطح {to_persian_digits(str(level))}", 0, MAX_SAMPLE, whole=True))
        if n:
            distribution[str(level)] = n
    if distribution and sum(distribution.values()) != sample:
        raise _err(f"جمع توزیع پاسخ‌ها ({to_persian_digits(str(sum(distribution.values())))}) با اندازهٔ "
                   f"نمونه ({to_persian_digits(str(sample))}) برابر نیست.", "Distribution does not add up.")
    if data.mean_score is None or data.mean_score == "":
        if not distribution:
            raise _err("میانگین امتیاز (۰ تا ۱۰۰) یا توزیع پاسخ‌ها را بنویسید.", "A mean score or distribution is needed.")
        mean = sum((int(k) - 1) * 25 * n for k, n in distribution.items()) / sample
    else:
        mean = _number(data.mean_score, "میانگین امتیاز", 0, 100, whole=False)
    questions = []
    for q in (data.questions or [])[:MAX_QUESTIONS + 1]:
        text = " ".join(str(q.get("text", "")).split())
        if not text or len(text) > 500:
            raise _err("متن هر پرسش را (تا ۵۰۰ نویسه) بنویسید.", "Question text missing or too long.")
        questions.append({"text": text, "score": _number(q.get("score"), "امتیاز پرسش", 0, 100, whole=False)})
    if len(questions) > MAX_QUESTIONS:
        raise _err("بیش از ۵۰ پرسش نمی‌توان ثبت کرد.", "At most 50 questions.")
    if data.unit_id:
        unit = session.get(Unit, data.unit_id)
        if unit is None or unit.deleted:
            raise _err("واحد برگزیده در سامانه نیست.", "Unknown unit.")
    actions = (data.actions_taken or "").strip()
    if len(actions) > 4000:
        raise _err("شرح اقدام‌ها بیش از ۴۰۰۰ نویسه است؛ آن را کوتاه کنید.", "Actions text too long.")
    return {"period_code": period.code, "conducted_on": day, "method": method, "sample_size": sample,
            "mean_score": round(mean, 2), "unit_id": data.unit_id or None, "distribution": distribution,
            "questions": questions, "actions_taken": actions}


def add_survey(store: Store, actor: Actor, data: SurveyInput, *, today: _dt.date | None = None,
               survey_id: str | None = None) -> str:
    require(actor, "surveys.edit")
    with store.session() as s:
        values = validate(s, data, today=today or jalali.today())
        return records.add(s, store, actor, SurveyRound(id=survey_id, **values)).id


def _load_own(s: Session, actor: Actor, survey_id: str, foreign_fa: str) -> SurveyRound:
    """The survey, refused with ``foreign_fa`` unless the actor's office wrote it: only that
    office changes it, for editing and deleting alike."""
    row = records.load_live(s, SurveyRound, survey_id, "این نظرسنجی در سامانه نیست.", "Survey", "survey_missing")
    if row.office_code != actor.office_code:
        raise _err(foreign_fa, "Foreign survey.", "survey_foreign")
    return row


def update_survey(store: Store, actor: Actor, survey_id: str, *, today: _dt.date | None = None,
                  **changes: Any) -> bool:
    require(actor, "surveys.edit")
    with store.session() as s:
        row = _load_own(s, actor, survey_id, "نظرسنجی ادارهٔ دیگری را نمی‌توان ویرایش کرد.")
        data = replace(SurveyInput(**{f.name: getattr(row, f.name) for f in fields(SurveyInput)}), **changes)
        return records.update(s, store, actor, row, **validate(s, data, today=today or jalali.today()))


def delete_survey(store: Store, actor: Actor, survey_id: str) -> None:
    require(actor, "surveys.edit")
    with store.session() as s:
        row = _load_own(s, actor, survey_id, "نظرسنجی ادارهٔ دیگری را نمی‌توان حذف کرد.")
        records.soft_delete(s, store, actor, row)


@dataclass(frozen=True)
class SurveyRow:
    id: str
    office_code: str
    unit_name: str
    period_code: str
    conducted_on: _dt.date
    method: str
    sample_size: int
    mean_score: float
    distribution: dict[str, int]
    questions: list[dict[str, Any]]
    actions_taken: str


def list_surveys(store: Store, actor: Actor, *, office_code: str | None = None,
                 period_code: str | None = None) -> list[SurveyRow]:
    """Survey rounds, newest first (rounds of a period's sub-periods when a period is given)."""
    require(actor, "complaints.view")
    conds: list[ColumnElement[bool]] = [SurveyRound.deleted.is_(False)]
    if office_code:
        conds.append(SurveyRound.office_code == office_code)
    period = jalali.Period.parse(period_code) if period_code else None
    with store.read() as s:
        rows = s.execute(select(SurveyRound, Unit.name_fa).outerjoin(Unit, Unit.id == SurveyRound.unit_id)
                         .where(*conds).order_by(SurveyRound.conducted_on.desc(), SurveyRound.id)).all()
        out = []
        for r, unit in rows:
            if period is not None and not within(r.period_code, period):
                continue
            out.append(SurveyRow(r.id, r.office_code, unit or "", r.period_code, r.conducted_on, r.method,
                                 r.sample_size, r.mean_score, dict(r.distribution or {}),
                                 list(r.questions or []), r.actions_taken))
    return out


@functools.lru_cache(maxsize=4096)  # asked per survey round by every picture's figures
def within(code: str, period: jalali.Period) -> bool:
    """Whether a round's period lies inside ``period``."""
    try:
        own = jalali.Period.parse(code)
    except UserError:
        return False
    return period.start <= own.start and own.end <= period.end

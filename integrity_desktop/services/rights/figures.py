"""Indicators of axes 9, 10 and 16 computed from the people's rights registers whenever they are
shown (``SOURCE`` registers them with ``services.figures.computed``).  The definitions, with the
programme's words they rest on, are in the catalogue notes (resources/catalog); in short:

- 9/5: mean score (0-100) of the survey rounds whose period lies inside the period, weighted by
  sample size.
- 10/1: complaints received in the period ÷ those received in the same period a year earlier.
- 10/2: of the complaints received in the period, those answered ÷ all of them.
- 10/3: mean days from received to answered over the complaints received in the period that
  have an answer (inverse, target 30).
- 10/6: letters and suggestions whose review (answer) date falls in the period.
- 10/10: mean satisfaction with the answer (levels 1-5 as 0, 25, 50, 75, 100) over the records
  answered in the period whose satisfaction was asked.
- 16/2-16/8: letters of each body received in the period (archived ones that need no answer
  left out) answered by their due date, as a percent of them.

Complaints count by kind «شکایت» for 10/1-10/3; 10/6 counts the other two kinds.  Records list
tracking numbers and dates, never names.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integrity_desktop import jalali
from integrity_desktop.db.models import Complaint, OversightLetter, SurveyRound
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.services.figures.computed import ComputedSource, Figure, RecordRow
from integrity_desktop.services.rights import complaints as cm
from integrity_desktop.services.rights.oversight import BODIES
from integrity_desktop.services.rights.surveys import within

BODY_OF_CODE = {code: body for body, (_, code) in BODIES.items()}

FORMULAS_FA: dict[str, str] = {
    "9/5": "میانگین امتیاز رضایت (۰ تا ۱۰۰) نظرسنجی‌های دوره، وزن‌دار به اندازهٔ نمونه",
    "10/1": "شکایت‌های دریافت‌شده در دوره ÷ شکایت‌های دریافت‌شده در همان دورهٔ سال پیش",
    "10/2": "شکایت‌های دریافت‌شده در دوره که پاسخ داده شده‌اند ÷ همهٔ شکایت‌های دریافت‌شده در دوره",
    "10/3": "میانگین روزهای دریافت تا پاسخ، در شکایت‌های دریافت‌شدهٔ دوره که پاسخ گرفته‌اند",
    "10/6": "شمار نامه‌ها و پیشنهادهای مردمی که در دوره بررسی و پاسخ داده شده‌اند",
    "10/10": "میانگین رضایت از پاسخ (خیلی ناراضی ۰ … خیلی راضی ۱۰۰) در پاسخ‌های دوره که رضایتشان پرسیده شده",
    **{code: f"نامه‌های {BODIES[body][0]} در دوره که تا مهلت پاسخ گرفته‌اند ÷ همهٔ نامه‌های آن در دوره × ۱۰۰"
       for code, body in BODY_OF_CODE.items()},
}
CODES = tuple(FORMULAS_FA)


def _year_before(d: _dt.date) -> _dt.date:
    """The same Jalali day a year earlier (the last day of the month when it has fewer days)."""
    import jdatetime

    j = jdatetime.date.fromgregorian(date=d)
    try:
        return jdatetime.date(j.year - 1, j.month, j.day).togregorian()
    except ValueError:
        return jdatetime.date(j.year - 1, j.month, j.day - 1).togregorian()


def _complaint_counts(session: Session, offices: Sequence[str], start: _dt.date, end: _dt.date) -> dict[str, int]:
    """office -> complaints (kind «شکایت») received in [start, end]."""
    return {office: int(n) for office, n in session.execute(
        select(Complaint.office_code, func.count()).where(
            Complaint.office_code.in_(list(offices)), Complaint.deleted.is_(False), Complaint.kind == "complaint",
            Complaint.received_on >= start, Complaint.received_on <= end)
        .group_by(Complaint.office_code)).tuples()}


def _figures_all(
    session: Session, offices: Sequence[str], period: jalali.Period, _today: _dt.date,
    _codes: frozenset[str] | None = None,  # computes all its figures (they share their queries)
) -> dict[str, dict[str, Figure]]:
    """The figures of every office in ``offices``: each register read once, grouped by office."""
    start, end = period.start, period.end
    wanted = list(offices)
    result: dict[str, dict[str, Figure]] = {office: {} for office in wanted}

    def put(office: str, code: str, value: float | None, num: int, den: int | None) -> None:
        result.setdefault(office, {})[code] = Figure(code, value, num, den, FORMULAS_FA[code])

    # 9/5
    surveys: dict[str, tuple[float, int]] = {}
    for office, code, n, mean in session.execute(select(
            SurveyRound.office_code, SurveyRound.period_code, SurveyRound.sample_size, SurveyRound.mean_score).where(
            SurveyRound.office_code.in_(wanted), SurveyRound.deleted.is_(False),
            SurveyRound.conducted_on >= start)):
        if within(code, period):
            weighted, sample = surveys.get(office, (0.0, 0))
            surveys[office] = (weighted + n * mean, sample + n)
    # 10/1
    now_by = _complaint_counts(session, wanted, start, end)
    before_by = _complaint_counts(session, wanted, _year_before(start), _year_before(end))
    # 10/2, 10/3
    answers: dict[str, tuple[int, int]] = {}
    for office, received, answered_on in session.execute(
            select(Complaint.office_code, Complaint.received_on, Complaint.answered_on).where(
            Complaint.office_code.in_(wanted), Complaint.deleted.is_(False), Complaint.kind == "complaint",
            Complaint.received_on >= start, Complaint.received_on <= end, Complaint.answered_on.is_not(None))):
        answered, total_days = answers.get(office, (0, 0))
        answers[office] = (answered + 1, total_days + (answered_on - received).days)
    # 10/6
    reviewed_by = {office: int(n) for office, n in session.execute(
        select(Complaint.office_code, func.count()).where(
            Complaint.office_code.in_(wanted), Complaint.deleted.is_(False),
            Complaint.kind.in_(("letter", "suggestion")),
            Complaint.answered_on >= start, Complaint.answered_on <= end)
        .group_by(Complaint.office_code)).tuples()}
    # 10/10: levels 1-5 as 0, 25, ..., 100
    satisfaction = {office: (int(total or 0), int(n)) for office, total, n in session.execute(
        select(Complaint.office_code, func.sum(Complaint.satisfaction), func.count()).where(
            Complaint.office_code.in_(wanted), Complaint.deleted.is_(False), Complaint.satisfaction.is_not(None),
            Complaint.answered_on >= start, Complaint.answered_on <= end)
        .group_by(Complaint.office_code)).tuples()}
    # 16/2-16/8
    counts: dict[str, dict[str, list[int]]] = {}
    for office, body, due, out_date, status in session.execute(select(
            OversightLetter.office_code, OversightLetter.body, OversightLetter.due_on, OversightLetter.out_date,
            OversightLetter.status).where(
            OversightLetter.office_code.in_(wanted), OversightLetter.deleted.is_(False),
            OversightLetter.in_date >= start, OversightLetter.in_date <= end)):
        mine = counts.setdefault(office, {b: [0, 0] for b in BODIES})
        if body not in mine or status == "closed":
            continue
        mine[body][1] += 1
        if out_date is not None and out_date <= due:
            mine[body][0] += 1
    for office in wanted:
        weighted, sample = surveys.get(office, (0.0, 0))
        put(office, "9/5", weighted / sample if sample else None, sample, None)
        now, before = now_by.get(office, 0), before_by.get(office, 0)
        put(office, "10/1", now / before if before else None, now, before)
        answered, total_days = answers.get(office, (0, 0))
        put(office, "10/2", answered / now if now else None, answered, now)
        put(office, "10/3", total_days / answered if answered else None, total_days, answered)
        reviewed = reviewed_by.get(office, 0)
        put(office, "10/6", float(reviewed), reviewed, None)
        total, n = satisfaction.get(office, (0, 0))
        put(office, "10/10", (total - n) * 25 / n if n else None, n, None)
        letters = counts.get(office, {})
        for code, body in BODY_OF_CODE.items():
            on_time, received = letters.get(body, [0, 0])
            put(office, code, on_time / received * 100 if received else None, on_time, received)
    return result


def _records(session: Session, office: str, period: jalali.Period, _today: _dt.date, code: str) -> list[RecordRow]:
    """The records behind a figure: tracking numbers, dates and categories, never names."""
    start, end = period.start, period.end
    live = (Complaint.office_code == office, Complaint.deleted.is_(False))
    rows: list[RecordRow] = []
    if code == "9/5":
        for r in session.scalars(select(SurveyRound).where(
                SurveyRound.office_code == office, SurveyRound.deleted.is_(False))):
            if within(r.period_code, period):
                rows.append(RecordRow("نظرسنجی", r.id, r.conducted_on,
                                      f"نمونهٔ {to_persian_digits(str(r.sample_size))} نفر، میانگین "
                                      f"{to_persian_digits(f'{r.mean_score:g}')}"))
        return sorted(rows, key=lambda r: (r.day or start, r.record_id))

    def describe(c: Complaint) -> str:
        text = f"{cm.KINDS[c.kind]} {to_persian_digits(c.tracking_number) or '—'}: {cm.CATEGORIES.get(c.category, c.category)}"
        if c.answered_on is not None:
            text += f"، پاسخ پس از {to_persian_digits(str((c.answered_on - c.received_on).days))} روز"
        return text

    if code in ("10/1", "10/2", "10/3"):
        query = select(Complaint).where(*live, Complaint.kind == "complaint")
        if code == "10/1":
            for c in session.scalars(query.where(Complaint.received_on >= _year_before(start),
                                                 Complaint.received_on <= end)):
                this_year = c.received_on >= start
                if this_year or c.received_on <= _year_before(end):
                    rows.append(RecordRow("شکایت", c.id, c.received_on, describe(c), counted=this_year))
        else:
            for c in session.scalars(query.where(Complaint.received_on >= start, Complaint.received_on <= end)):
                rows.append(RecordRow("شکایت", c.id, c.received_on, describe(c),
                                      counted=c.answered_on is not None))
    elif code in ("10/6", "10/10"):
        query = select(Complaint).where(*live, Complaint.answered_on >= start, Complaint.answered_on <= end)
        query = query.where(Complaint.kind.in_(("letter", "suggestion")) if code == "10/6"
                            else Complaint.satisfaction.is_not(None))
        for c in session.scalars(query):
            text = describe(c)
            if code == "10/10" and c.satisfaction:
                text += f"، رضایت: {cm.SATISFACTION[c.satisfaction]}"
            rows.append(RecordRow(cm.KINDS[c.kind], c.id, c.answered_on, text))
    elif code in BODY_OF_CODE:
        for letter in session.scalars(select(OversightLetter).where(
                OversightLetter.office_code == office, OversightLetter.deleted.is_(False),
                OversightLetter.body == BODY_OF_CODE[code], OversightLetter.status != "closed",
                OversightLetter.in_date >= start, OversightLetter.in_date <= end)):
            on_time = letter.out_date is not None and letter.out_date <= letter.due_on
            state = ("پاسخ به‌موقع" if on_time else "پاسخ پس از مهلت" if letter.out_date else "بی‌پاسخ")
            rows.append(RecordRow("نامهٔ نظارتی", letter.id, letter.in_date,
                                  f"نامهٔ {to_persian_digits(letter.in_number)}: {state}", counted=on_time))
    return sorted(rows, key=lambda r: (r.day or start, r.record_id))


SOURCE = ComputedSource(
    formulas_fa=FORMULAS_FA,
    figures_all=_figures_all,
    records=_records,
    permission="complaints.view",
)

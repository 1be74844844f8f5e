"""The committee's annual report (PDF) and the committee and training registers (Excel).

``committee-annual`` is one office's year (the year of ``--period``): the axis-7 figures as the
records give them now, the members, the meetings with their attendance and quorum, each
member's attendance, and the resolutions with their status (overdue ones marked).  At HQ
``--subject`` names the province (its code); elsewhere it is the office's own.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from reportlab.lib import colors

from integrity_desktop import jalali
from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, percent_text, value_text
from integrity_desktop.excel.workbook import Col, RtlWorkbook
from integrity_desktop.jalali import Period
from integrity_desktop.pdf.document import Cell, Column, ReportDocument
from integrity_desktop.permissions import Actor
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.figures import computed
from integrity_desktop.services.store.offices import office_name

OVERDUE = colors.HexColor("#b3261e")  # overdue resolutions in red, as corrective actions


def _office(actor: Actor, params: ReportParams) -> str:
    if actor.office_code == HQ and params.subject:
        return params.subject.strip()
    return actor.office_code


def _year(params: ReportParams, today: _dt.date) -> int:
    return Period.parse(params.period).year if params.period else jalali.jalali_year(today)


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("بله" if value else "خیر")


def annual_data(store: Store, actor: Actor, office: str, year: int, today: _dt.date) -> dict[str, object]:
    """What the annual report shows, through the services (their permissions apply)."""
    period = Period(year, "year")
    members = [m for m in committee.list_members(store, actor, office=office)
               if m.member_from <= period.end and (m.member_to is None or m.member_to >= period.start)]
    meetings = committee.list_meetings(store, actor, year, office=office, today=today)
    resolutions = committee.list_resolutions(store, actor, year=year, office=office, today=today)
    figures = computed.compute(store, actor, period.code, office_code=office, today=today)
    return {"members": members, "meetings": meetings, "resolutions": resolutions, "figures": figures,
            "period": period}


def write_annual(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str,
                 *, today: _dt.date | None = None) -> None:
    day = today or jalali.today()
    office = _office(actor, params)
    year = _year(params, day)
    data = annual_data(store, actor, office, year, day)
    period: Period = data["period"]  # type: ignore[assignment]
    members: list[committee.MemberInfo] = data["members"]  # type: ignore[assignment]
    meetings: list[committee.MeetingInfo] = data["meetings"]  # type: ignore[assignment]
    resolutions: list[committee.ResolutionInfo] = data["resolutions"]  # type: ignore[assignment]
    figures: dict[str, computed.Figure] = data["figures"]  # type: ignore[assignment]
    doc = ReportDocument("گزارش سالانهٔ کمیتهٔ سلامت اداری",
                         [("اداره", office_name(store, office)), ("دوره", period.label_fa)], landscape=True)
    held = [m for m in meetings if m.status == "held"]
    doc.heading("شاخص‌های محور ۷ (محاسبه از ثبت‌ها)")
    f71, f72, f73 = figures.get("7/1"), figures.get("7/2"), figures.get("7/3")
    doc.table(
        [Column("کد", 0.6, "center"), Column("شاخص", 3.2), Column("مقدار", 1.1, "center"), Column("روش محاسبه", 5)],
        [
            ["۷/۱", "تشکیل یا استمرار فعالیت کمیته و ابلاغ اعضای آن",
             "—" if f71 is None or f71.value is None else ("تشکیل و ابلاغ شده" if f71.value else "کامل نیست"),
             f71.formula_fa if f71 else ""],
            ["۷/۲", "برگزاری جلسات زمان‌بندی‌شدهٔ کمیته و تنظیم صورتجلسات",
             percent_text(f72.value if f72 else None), f72.formula_fa if f72 else ""],
            ["۷/۳", "پیگیری اجرای مصوبات کمیته", percent_text(f73.value if f73 else None),
             f73.formula_fa if f73 else ""],
        ], font_size=8.5)
    doc.paragraph(
        f"جلسه‌های سال: {format_number(len(meetings))}؛ برگزارشده: {format_number(len(held))}؛ "
        f"برگزارنشده: {format_number(sum(m.status == 'missed' for m in meetings))}؛ "
        f"لغوشده: {format_number(sum(m.status == 'cancelled' for m in meetings))}. "
        f"مصوبه‌ها: {format_number(len(resolutions))}؛ انجام‌شده: "
        f"{format_number(sum(r.status == 'done' for r in resolutions))}؛ معوق: "
        f"{format_number(sum(r.overdue for r in resolutions))}.")
    doc.heading("اعضای کمیته")
    doc.table(
        [Column("نام", 2), Column("نقش", 1.2), Column("سمت", 2), Column("نامهٔ ابلاغ", 1.4, "center"),
         Column("تاریخ ابلاغ", 1.2, "center"), Column("از", 1.1, "center"), Column("تا", 1.1, "center")],
        [[m.full_name, m.role_fa, m.post, m.letter_no or "—", m.letter_date, m.member_from,
          m.member_to or "—"] for m in members], empty_text="عضوی ثبت نشده است.")
    doc.heading("جلسه‌ها و حضور")
    doc.table(
        [Column("تاریخ برنامه", 1.1, "center"), Column("تاریخ برگزاری", 1.1, "center"), Column("عنوان", 2.2),
         Column("وضعیت", 1.1, "center"), Column("حاضران", 1, "center"), Column("حد نصاب", 0.9, "center"),
         Column("صورتجلسه", 0.9, "center"), Column("مصوبه‌ها", 0.9, "center")],
        [[m.planned_date or "—", m.held_date or "—", m.title or "جلسهٔ کمیته", m.status_fa,
          f"{format_number(len(m.attendee_ids))} از {format_number(m.members_then)}" if m.held_date else "—",
          _yes_no(m.quorum_met), _yes_no(m.has_minutes) if m.held_date else "—",
          format_number(m.resolutions)] for m in meetings], empty_text="جلسه‌ای در این سال نیست.")
    doc.heading("حضور اعضا در جلسه‌های برگزارشده در مدت عضویتشان")
    rows = []
    for m in members:
        theirs = [x for x in held if x.held_date is not None and m.in_office(x.held_date)]
        came = sum(m.id in x.attendee_ids for x in theirs)
        rows.append([m.full_name, m.role_fa, f"{format_number(came)} از {format_number(len(theirs))}",
                     percent_text(100 * came / len(theirs) if theirs else None)])
    doc.table([Column("نام", 3), Column("نقش", 1.5), Column("حضور", 1.2, "center"),
               Column("درصد حضور", 1.2, "center")], rows, empty_text="عضوی ثبت نشده است.")
    doc.heading("مصوبه‌ها و وضعیت اجرا")
    doc.table(
        [Column("جلسه", 1, "center"), Column("شماره", 0.6, "center"), Column("مصوبه", 3.4),
         Column("واحد مسئول", 1.6), Column("مهلت", 1, "center"), Column("وضعیت", 1, "center"),
         Column("انجام / دلیل کنار گذاشتن", 1.8)],
        [[r.meeting_day or "—", format_number(r.number), r.text, r.responsible_unit or "—", r.due_date,
          Cell(f"{r.status_fa} ({format_number(r.days_overdue)} روز)", bold=True, color=OVERDUE) if r.overdue else r.status_fa,
          r.done_on or r.drop_reason or "—"] for r in resolutions],
        empty_text="مصوبه‌ای در این سال نیست.")
    doc.signatures(["دبیر کمیتهٔ سلامت اداری", "رئیس کمیتهٔ سلامت اداری"])
    doc.build(out)


MEMBER_COLUMNS = [
    Col("نام", 24, "text"), Col("نقش", 12, "text"), Col("سمت", 24, "text"), Col("شمارهٔ نامهٔ ابلاغ", 14, "id"),
    Col("تاریخ ابلاغ", 12, "date"), Col("آغاز عضویت", 12, "date"), Col("پایان عضویت", 12, "date"),
    Col("اداره", 10, "text"), Col("شناسه", 38, "key"),
]
MEETING_COLUMNS = [
    Col("تاریخ برنامه", 12, "date"), Col("تاریخ برگزاری", 12, "date"), Col("عنوان", 30, "wrap"),
    Col("وضعیت", 14, "text"), Col("شمار حاضران", 10, "count"), Col("اعضای آن روز", 10, "count"),
    Col("حد نصاب", 8, "bool"), Col("صورتجلسه دارد", 10, "bool"), Col("مصوبه‌ها", 8, "count"),
    Col("مصوبه‌های معوق", 10, "count"), Col("اداره", 10, "text"), Col("شناسه", 38, "key"),
]
RESOLUTION_COLUMNS = [
    Col("تاریخ جلسه", 12, "date"), Col("شماره", 8, "count"), Col("مصوبه", 50, "wrap"),
    Col("واحد مسئول", 24, "text"), Col("مهلت", 12, "date"), Col("وضعیت", 12, "text"),
    Col("روزهای تأخیر", 10, "count"), Col("تاریخ انجام", 12, "date"), Col("دلیل کنار گذاشتن", 30, "wrap"),
    Col("پیگیری‌ها", 50, "wrap"), Col("اداره", 10, "text"), Col("شناسه", 38, "key"),
]


def write_register(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str,
                   *, today: _dt.date | None = None) -> None:
    """Members, the year's meetings and resolutions (every office's at HQ unless --subject)."""
    day = today or jalali.today()
    year = _year(params, day)
    office = params.subject.strip() if actor.office_code == HQ and params.subject else None
    scope = office or (None if actor.office_code == HQ else actor.office_code)
    book = RtlWorkbook("دفتر کمیتهٔ سلامت اداری", [
        ("اداره", office_name(store, scope) if scope else "همهٔ استان‌ها"),
        ("دوره", Period(year, "year").label_fa)])
    sheet = book.add_sheet("اعضا", MEMBER_COLUMNS)
    for m in committee.list_members(store, actor, office=office):
        sheet.append([m.full_name, m.role_fa, m.post, m.letter_no, m.letter_date, m.member_from, m.member_to,
                      m.office_code, m.id])
    sheet = book.add_sheet("جلسه‌ها", MEETING_COLUMNS)
    for x in committee.list_meetings(store, actor, year, office=office, today=day):
        sheet.append([x.planned_date, x.held_date, x.title, x.status_fa, len(x.attendee_ids) if x.held_date else None,
                      x.members_then, x.quorum_met, x.has_minutes if x.held_date else None, x.resolutions,
                      x.overdue_resolutions, x.office_code, x.id])
    sheet = book.add_sheet("مصوبه‌ها", RESOLUTION_COLUMNS)
    for r in committee.list_resolutions(store, actor, year=year, office=office, today=day):
        sheet.append([r.meeting_day, r.number, r.text, r.responsible_unit, r.due_date, r.status_fa,
                      r.days_overdue or None, r.done_on, r.drop_reason, r.follow_up, r.office_code, r.id])
    book.save(out)


COURSE_COLUMNS = [
    Col("عنوان دوره", 30, "wrap"), Col("کد شاخص", 8, "id"), Col("موضوع", 30, "wrap"),
    Col("آغاز", 12, "date"), Col("پایان", 12, "date"), Col("ساعت", 8, "number"), Col("مدرس", 20, "text"),
    Col("شرکت‌کنندگان", 10, "count"), Col("نفر-ساعت", 10, "number"), Col("روش سنجش اثربخشی", 22, "text"),
    Col("امتیاز اثربخشی", 10, "number"), Col("نام شرکت‌کنندگان", 40, "wrap"), Col("اداره", 10, "text"),
    Col("شناسه", 38, "key"),
]
SUMMARY_COLUMNS = [
    Col("کد شاخص", 8, "id"), Col("موضوع", 40, "wrap"), Col("دوره‌ها", 10, "count"),
    Col("شرکت‌کنندگان", 12, "count"), Col("نفر-ساعت", 12, "number"),
]


def write_training(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """The training register of the period (default: every course) and its summary per topic."""
    office = params.subject.strip() if actor.office_code == HQ and params.subject else None
    courses = training.list_courses(store, actor, params.period, office=office)
    scope = office or (None if actor.office_code == HQ else actor.office_code)
    fields = [("اداره", office_name(store, scope) if scope else "همهٔ استان‌ها")]
    if params.period:
        fields.append(("دوره", Period.parse(params.period).label_fa))
    book = RtlWorkbook("دفتر دوره‌های آموزشی", fields)
    sheet = book.add_sheet("دوره‌ها", COURSE_COLUMNS)
    for c in courses:
        sheet.append([c.title, c.topic, c.topic_fa, c.start_date, c.end_date, c.hours, c.trainer,
                      c.participant_count, c.person_hours, c.eval_method_fa, c.eval_score,
                      "، ".join(c.participant_names), c.office_code, c.id])
    summary = training.summarise(courses)
    sheet = book.add_sheet("خلاصه", SUMMARY_COLUMNS)
    for t in summary.topics:
        sheet.append([t.topic, t.topic_fa, t.courses, t.participants, t.person_hours])
    sheet.append(["۱۲/۵", f"سنجش اثربخشی: {format_number(summary.evaluated)} از {format_number(summary.courses)} "
                  f"دوره ({percent_text(summary.evaluated_percent)})، میانگین امتیاز "
                  f"{value_text(summary.mean_score)}", summary.evaluated, None, None])
    book.save(out)


REPORTS: list[ReportSpec] = [
    ReportSpec("committee-annual", "گزارش سالانهٔ کمیتهٔ سلامت اداری", ("pdf",), write_annual, needs_period=True),
    ReportSpec("committee-register", "دفتر کمیتهٔ سلامت اداری (اعضا، جلسه‌ها، مصوبه‌ها)", ("xlsx",), write_register),
    ReportSpec("training-register", "دفتر دوره‌های آموزشی", ("xlsx",), write_training),
]

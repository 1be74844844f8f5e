"""Reports of the people's rights registers: the complaint register, the oversight
correspondence register (with each body's response rate and timeliness) and the survey rounds.

Personal data comes from ``services.rights.complaints``, which already writes «محرمانه» for roles
without ``complaints.view_personal``; these writers never read the table themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib import colors

from integrity_desktop import colours, jalali
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, percent_text
from integrity_desktop.excel.workbook import Col, RtlWorkbook
from integrity_desktop.pdf.document import Cell, Column, ReportDocument
from integrity_desktop.permissions import Actor, allowed
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.rights import complaints as cm
from integrity_desktop.services.rights import oversight, surveys
from integrity_desktop.services.store.offices import office_name

ANONYMISED_NOTE = "نسخهٔ بی‌نام: نام، نشانی تماس و شرح‌ها برای نقش شما محرمانه است."
RED = colors.HexColor(colours.OVERDUE)


def _fields(store: Store, actor: Actor, params: ReportParams) -> list[tuple[str, Any]]:
    fields: list[tuple[str, Any]] = [("اداره", office_name(store, actor.office_code))]
    if params.period:
        fields.append(("دوره", jalali.Period.parse(params.period).label_fa))
    return fields


# ------------------------------------------------------------------------------ complaints

COMPLAINT_COLUMNS = [
    Col("نوع", 12, "text"), Col("تاریخ دریافت", 12, "date"), Col("مجرا", 10, "text"),
    Col("شمارهٔ پیگیری", 16, "id"), Col("واحد", 24, "wrap"), Col("موضوع", 22, "text"),
    Col("نام متقاضی", 20, "text"), Col("تماس", 18, "text"), Col("شرح", 40, "wrap"),
    Col("مهلت پاسخ", 12, "date"), Col("تاریخ پاسخ", 12, "date"), Col("روز تا پاسخ", 10, "count"),
    Col("نتیجه", 20, "text"), Col("ارجاع به", 18, "text"), Col("رضایت", 12, "text"),
    Col("مهلت‌گذشته", 10, "bool"),
]


def complaint_query(params: ReportParams) -> cm.ComplaintQuery:
    if params.period:
        period = jalali.Period.parse(params.period)
        return cm.ComplaintQuery(unit_id=params.unit, received_from=period.start, received_to=period.end)
    return cm.ComplaintQuery(unit_id=params.unit)


def complaint_rows(store: Store, actor: Actor, params: ReportParams) -> Iterator[list[Any]]:
    for c in cm.iter_complaints(store, actor, complaint_query(params)):
        yield [
            cm.KINDS[c.kind], c.received_on, cm.CHANNELS.get(c.channel, c.channel), c.tracking_number,
            c.unit_name, cm.CATEGORIES.get(c.category, c.category), c.person_name, c.person_contact,
            c.subject, c.due_on, c.answered_on, c.days_to_answer,
            cm.OUTCOMES.get(c.outcome or "", ""), c.referred_to,
            cm.SATISFACTION.get(c.satisfaction or 0, ""), c.overdue or c.late,
        ]


def write_complaints(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """Every complaint (received in the period, if one is given); anonymised as usual."""
    fields = _fields(store, actor, params)
    personal = allowed(actor, "complaints.view_personal")
    if fmt == "xlsx":
        book = RtlWorkbook("دفتر شکایات و نامه‌های مردمی", fields)
        sheet = book.add_sheet("شکایات", COMPLAINT_COLUMNS)
        sheet.extend(complaint_rows(store, actor, params))
        book.save(out)
        return
    doc = ReportDocument("دفتر شکایات و نامه‌های مردمی", fields, landscape=True)
    if not personal:
        doc.paragraph(ANONYMISED_NOTE, size=9)
    rows = []
    for r in complaint_rows(store, actor, params):
        late = r[-1]
        colour = RED if late else None
        rows.append([Cell(r[3] or "—", color=colour), r[0], r[1], r[2], r[5], r[4], r[6], r[9],
                     Cell(r[10], color=colour) if r[10] else Cell("بی‌پاسخ", color=colour), r[12]])
    doc.table(
        [Column("شمارهٔ پیگیری", 1.6), Column("نوع", 1.1), Column("دریافت", 1.2, "center"),
         Column("مجرا", 0.9), Column("موضوع", 1.8), Column("واحد", 2.2), Column("متقاضی", 1.8),
         Column("مهلت", 1.2, "center"), Column("پاسخ", 1.2, "center"), Column("نتیجه", 2)],
        rows, font_size=8, title="شکایات و نامه‌ها (سرخ: پس از مهلت یا بی‌پاسخ و مهلت‌گذشته)",
    )
    doc.build(out)


# ------------------------------------------------------------------------------ oversight


def body_rates(letters: list[oversight.LetterRow]) -> list[tuple[str, str, int, int, int, str, str]]:
    """Per body: name, indicator, received, answered, on time, response rate, timeliness."""
    out = []
    for body, (name, code) in oversight.BODIES.items():
        own = [x for x in letters if x.body == body and x.status != "closed"]
        answered = sum(1 for x in own if x.out_date is not None)
        on_time = sum(1 for x in own if x.on_time)
        out.append((name, code, len(own), answered, on_time,
                    percent_text(answered / len(own) * 100) if own else "—",
                    percent_text(on_time / len(own) * 100) if own else "—"))
    return out


LETTER_COLUMNS = [
    Col("مرجع", 30, "text"), Col("شمارهٔ نامه", 16, "id"), Col("تاریخ نامه", 12, "date"),
    Col("موضوع", 40, "wrap"), Col("مهلت", 12, "date"), Col("شمارهٔ پاسخ", 16, "id"),
    Col("تاریخ پاسخ", 12, "date"), Col("وضعیت", 18, "text"), Col("به‌موقع", 10, "bool"),
]


def write_letters(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    letters = oversight.list_letters(store, actor, period_code=params.period)
    fields = _fields(store, actor, params)
    rates = body_rates(letters)
    rows = [[oversight.BODIES[x.body][0], x.in_number, x.in_date, x.subject, x.due_on, x.out_number,
             x.out_date, oversight.STATUSES[x.status], x.on_time] for x in letters]
    if fmt == "xlsx":
        book = RtlWorkbook("مکاتبات با نهادهای نظارتی", fields)
        sheet = book.add_sheet("پاسخگویی هر مرجع", [
            Col("مرجع", 34, "text"), Col("شاخص", 8, "id"), Col("نامه‌های رسیده", 12, "count"),
            Col("پاسخ‌داده", 12, "count"), Col("پاسخ به‌موقع", 12, "count"),
            Col("نرخ پاسخ", 12, "text"), Col("نرخ پاسخ به‌موقع", 14, "text")])
        for rate in rates:
            sheet.append(list(rate))
        sheet = book.add_sheet("نامه‌ها", LETTER_COLUMNS)
        sheet.extend(rows)
        book.save(out)
        return
    doc = ReportDocument("مکاتبات با نهادهای نظارتی", fields, landscape=True)
    doc.table([Column("مرجع", 3.4), Column("شاخص", 0.8, "center"), Column("رسیده", 1, "center"),
               Column("پاسخ‌داده", 1, "center"), Column("به‌موقع", 1, "center"),
               Column("نرخ پاسخ", 1.2, "center"), Column("نرخ به‌موقع", 1.2, "center")],
              rates, title="پاسخگویی هر مرجع (شاخص‌های ۱۶/۲ تا ۱۶/۸)")
    doc.table([Column("مرجع", 2.6), Column("شمارهٔ نامه", 1.4), Column("تاریخ", 1.1, "center"),
               Column("موضوع", 3.2), Column("مهلت", 1.1, "center"), Column("شمارهٔ پاسخ", 1.4),
               Column("تاریخ پاسخ", 1.1, "center"), Column("وضعیت", 1.6)],
              [[*r[:7], Cell(r[7], color=None if r[8] or r[6] is None else RED)] for r in rows],
              font_size=8, title="نامه‌ها")
    doc.build(out)


# ------------------------------------------------------------------------------ surveys


def write_surveys(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    rounds = surveys.list_surveys(store, actor, period_code=params.period)
    fields = _fields(store, actor, params)
    rows = [[r.unit_name or "کل اداره", jalali.Period.parse(r.period_code).label_fa, r.conducted_on,
             surveys.METHODS.get(r.method, r.method), r.sample_size, r.mean_score,
             "، ".join(f"{cm.SATISFACTION[int(k)]}: {format_number(v)}" for k, v in sorted(r.distribution.items())),
             r.actions_taken] for r in rounds]
    if fmt == "xlsx":
        book = RtlWorkbook("نظرسنجی‌های رضایت مردم", fields)
        sheet = book.add_sheet("نظرسنجی‌ها", [
            Col("واحد", 28, "wrap"), Col("دوره", 18, "text"), Col("تاریخ", 12, "date"), Col("روش", 16, "text"),
            Col("اندازهٔ نمونه", 12, "count"), Col("میانگین امتیاز", 12, "number"),
            Col("توزیع پاسخ‌ها", 40, "wrap"), Col("اقدام‌های انجام‌شده", 50, "wrap")])
        sheet.extend(rows)
        book.save(out)
        return
    doc = ReportDocument("نظرسنجی‌های رضایت مردم", fields, landscape=True)
    doc.table([Column("واحد", 2.4), Column("دوره", 1.6), Column("تاریخ", 1.1, "center"), Column("روش", 1.3),
               Column("نمونه", 0.9, "center"), Column("میانگین", 0.9, "center"), Column("توزیع", 2.6),
               Column("اقدام‌ها", 3.2)], rows, font_size=8)
    doc.build(out)


REPORTS: list[ReportSpec] = [
    ReportSpec("complaint-register", "دفتر شکایات و نامه‌های مردمی", ("pdf", "xlsx"), write_complaints),
    ReportSpec("oversight-register", "مکاتبات با نهادهای نظارتی", ("pdf", "xlsx"), write_letters),
    ReportSpec("survey-register", "نظرسنجی‌های رضایت مردم", ("pdf", "xlsx"), write_surveys),
]

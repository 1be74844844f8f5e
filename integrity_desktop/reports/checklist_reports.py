"""Checklist reports for the registry: one checklist, a blank form, completion per axis with the
indicators' figures and their achievement against the programme's targets."""

from __future__ import annotations

from pathlib import Path

from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, percent_text, to_persian_digits
from integrity_desktop.excel.workbook import Col, RtlWorkbook
from integrity_desktop.indicators import display_code, target_text_fa
from integrity_desktop.jalali import Period
from integrity_desktop.pdf.document import Column, ReportDocument
from integrity_desktop.permissions import Actor
from integrity_desktop.reports.figure_cells import value_kind
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.figures import achievement
from integrity_desktop.services.store.offices import office_name


def _checklist(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    assert params.subject is not None
    if fmt == "pdf":
        from integrity_desktop.reports.checklist_pdf import filled

        filled(store, actor, params.subject, out)
    else:
        from integrity_desktop.reports.checklist_excel import export_workbook

        export_workbook(store, actor, out, checklist_ids=[params.subject])


def _blank(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    from integrity_desktop.reports.checklist_pdf import blank_form

    assert params.subject is not None
    blank_form(store, actor, params.subject, out, unit_id=params.unit, period_code=params.period)


FIGURE_HEADERS = ["کد", "شاخص", "مقدار", "واحد", "هدف", "دستیابی", "منبع", "تغییر پس از تأیید"]
FIGURE_COLUMNS = [
    Col("کد", 10, "id"), Col("شاخص", 60, "wrap"), Col("مقدار", 12, "number"), Col("واحد", 12, "text"),
    Col("هدف", 16, "text"), Col("دستیابی", 26, "wrap"), Col("منبع", 12, "text"),
    Col("تغییر پس از تأیید", 24, "wrap"),
]


def _figure_row(f: achievement.IndicatorFigure) -> list[object]:
    return [display_code(f.code), f.title, f.value_fa or "—", f.definition.unit_fa,
            target_text_fa(f.definition) or "—",
            f.achievement_fa if f.definition.target is not None else "—",
            "محاسبه‌شده" if f.source == achievement.COMPUTED else "ثبت‌شده", f.changed_fa]


def _axis_completion(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    assert params.period is not None
    period = Period.parse(params.period)
    axes = scoring.dashboard_axes(store, actor, period.code)
    figures = [f for f in achievement.office_figures(store, actor, period.code) if f.definition.takes_value]
    summary = achievement.summarise(figures)
    headers = ["محور", "عنوان", "درصد تکمیل", "انجام شد", "تا حدی", "انجام نشد", "بی‌پاسخ", "موضوعیت ندارد"]
    office = office_name(store, actor.office_code)
    if fmt == "xlsx":
        book = RtlWorkbook("درصد تکمیل محورهای برنامهٔ سه‌ساله", [("اداره", office), ("دوره", period.label_fa)])
        sheet = book.add_sheet(period.label_fa, [
            Col(headers[0], 8, "id"), Col(headers[1], 60, "wrap"), Col(headers[2], 12, "percent"),
            *[Col(h, 10 if h != headers[-1] else 14, "count") for h in headers[3:]],
        ])
        for a in axes:
            sheet.append([a.number, a.title, a.completion, a.done, a.partial, a.not_done, a.unanswered, a.na])
        sheet = book.add_sheet("شاخص‌های کمّی و هدف‌ها", FIGURE_COLUMNS)
        for f in figures:
            row = _figure_row(f)
            row[2] = sheet.cell(f.value, value_kind(f.definition))  # the value as a number
            sheet.append(row)
        book.save(out)
        return
    doc = ReportDocument("درصد تکمیل محورهای برنامهٔ سه‌ساله", [("اداره", office), ("دوره", period.label_fa)])
    rows = [
        [to_persian_digits(str(a.number)), a.title,
         percent_text(a.completion),
         a.done, a.partial, a.not_done, a.unanswered, a.na]
        for a in axes
    ]
    widths = [0.6, 4.0, 1.0, 0.8, 0.8, 0.8, 0.8, 1.0]
    doc.table([Column(h, w, "center" if i != 1 else "right") for i, (h, w) in enumerate(zip(headers, widths,
              strict=True))], rows, empty_text="در این دوره چک‌لیستی پر نشده است.")
    doc.paragraph(scoring.SCORE_HELP_FA, size=8.5)
    doc.heading("شاخص‌های کمّی دوره و دستیابی به هدف‌ها")
    doc.paragraph(
        f"از {format_number(summary.with_target)} شاخص هدف‌دار، {format_number(summary.met)} محقق شد، "
        f"{format_number(summary.not_met)} محقق نشد و {format_number(summary.no_value)} مقداری ندارد. "
        "شاخص‌های محاسبه‌شده از روی پرونده‌ها و بازرسی‌های همین دوره حساب شده‌اند.", size=8.5)
    widths = [0.6, 3.4, 0.9, 0.8, 1.1, 1.5, 0.8, 1.3]
    doc.table([Column(h, w, "right" if i == 1 else "center") for i, (h, w) in enumerate(
        zip(FIGURE_HEADERS, widths, strict=True))], [_figure_row(f) for f in figures], font_size=8,
        empty_text="در این دوره شاخص کمّی پرسیده نمی‌شود.")
    doc.build(out)


REPORTS: list[ReportSpec] = [
    ReportSpec("checklist", "چک‌لیست تکمیل‌شده", ("pdf", "xlsx"), _checklist, needs_subject=True),
    ReportSpec("blank-checklist", "فرم خام چک‌لیست برای بازدید", ("pdf",), _blank, needs_subject=True),
    ReportSpec("axis-completion", "درصد تکمیل محورها در دوره", ("pdf", "xlsx"), _axis_completion,
               needs_period=True),
]

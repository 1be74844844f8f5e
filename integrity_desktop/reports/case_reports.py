"""Reports of the case register: a case file, the 6/x statistics of a period, the register.

Everything personal comes from ``services.cases.register``, which already replaces names, national
codes and free text with «محرمانه» for roles without ``cases.view_personal``; these writers
never read the ``cases`` table themselves, so an anonymised report cannot leak by accident.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib import colors

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, value_text
from integrity_desktop.errors import UserError
from integrity_desktop.excel.workbook import Col, RtlWorkbook, sheet_headers
from integrity_desktop.pdf.document import Cell, Column, ReportDocument
from integrity_desktop.permissions import Actor
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.cases import stats as case_stats
from integrity_desktop.services.store.offices import office_name

ANONYMISED_NOTE = "نسخهٔ بی‌نام: نام، کد ملی و شرح‌ها برای نقش شما محرمانه است."


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{value_text(n / (1024 * 1024), 1)} مگابایت"
    if n >= 1024:
        return f"{value_text(n / 1024, 0)} کیلوبایت"
    return f"{format_number(n)} بایت"


def _step_label(kind: str) -> str:
    return lc.KIND_LABELS_FA.get(kind, kind)


# ------------------------------------------------------------------------------ case file


def write_case_file(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """All events, verdicts and documents of one case (``params.subject`` = case id)."""
    if not params.subject:
        raise UserError("شناسهٔ پرونده را بدهید.", "Give the case id as --subject.")
    f = cases.get_case_file(store, actor, params.subject)  # audited as a view
    c = f.case
    doc = ReportDocument(
        f"پروندهٔ تخلف اداری شمارهٔ {c.case_number_fa}",
        [("اداره", office_name(store, c.office_code)), ("وضعیت", c.state_label)],
    )
    if c.anonymised:
        doc.paragraph(ANONYMISED_NOTE, size=9)
    due = jalali.format_date(c.due_on)
    if c.overdue:
        due += " (مهلت گذشته است)"
    doc.fields([
        ("شمارهٔ پرونده", c.case_number_fa),
        ("وضعیت", c.state_label),
        ("نام کارمند", c.employee_name),
        ("کد ملی", c.national_code),
        ("سمت", c.employee_post),
        ("واحد", c.unit_name or "—"),
        ("گزارش‌دهنده", c.reporter),
        ("تاریخ گزارش", c.reported_on),
        ("تاریخ آخرین مرحله", c.last_event_on),
        ("مهلت مرحلهٔ بعد", due or "—"),
        *([("ارجاع از", f"یافتهٔ بازدید از {f.source.unit_name or '—'} در "
                       f"{jalali.format_date(f.source.visit_date)}")] if f.source is not None else []),
    ])
    doc.heading("تخلف‌های منتسب", 2)
    doc.table(
        [Column("ردیف", 0.6, "center"), Column("نوع تخلف (مادهٔ ۸ قانون)", 8)],
        [(i, v.title_fa) for i, v in enumerate(f.violations, start=1)],
    )
    if f.summary:
        doc.heading("خلاصهٔ گزارش", 2)
        doc.paragraph(f.summary)
    doc.heading("روند پرونده", 2)
    doc.table(
        [Column("ردیف", 0.6, "center"), Column("مرحله", 2.2), Column("تاریخ", 1.3, "center"),
         Column("شرح", 4), Column("ثبت‌کننده", 1.8), Column("اعتبار", 1.6)],
        [
            (i, _step_label(e.kind), e.event_date, e.note, e.actor_name or e.actor, Cell(
                lc.STATUS_LABELS_FA.get(e.status, e.status),
                color=None if e.status in ("applied", "amendment") else colors.HexColor("#8a2b1f"),
            ))
            for i, e in enumerate(f.timeline, start=1)
        ],
        font_size=8.5,
    )
    verdicts = [e for e in f.steps if e.kind in lc.VERDICT_STAGES]
    doc.heading("آراء", 2)
    doc.table(
        [Column("مرحله", 2), Column("تاریخ", 1.2, "center"), Column("مجازات", 4), Column("مرجع رأی", 2.5)],
        [(_step_label(e.kind), e.event_date, e.penalty_label, e.board_label) for e in verdicts],
        empty_text="هنوز رأیی صادر نشده است.",
    )
    steps = {e.id: _step_label(e.kind) for e in f.timeline}
    doc.heading("مستندات", 2)
    doc.table(
        [Column("ردیف", 0.6, "center"), Column("نام پرونده", 4.5), Column("اندازه", 1.5, "center"),
         Column("مرحله", 2.2)],
        [
            (i, d.filename, _size(d.size), steps.get(d.event_id or "", "پرونده"))
            for i, d in enumerate(f.documents, start=1)
        ],
        empty_text="مستندی پیوست نشده است.",
    )
    doc.build(out)


# ------------------------------------------------------------------------------ statistics


def _stats_tables(
    store: Store, actor: Actor, period_code: str
) -> tuple[case_stats.CaseStatistics, list[tuple[str, str, int]], list[case_stats.OpenCasesRow]]:
    stats = case_stats.compute(store, actor, period_code)
    titles = case_stats.indicator_titles()
    indicators = [(code, titles.get(code, ""), value) for code, value in stats.values.items()]
    open_rows = case_stats.open_cases_by_state_and_age(store, actor, office_code=stats.office_code)
    return stats, indicators, open_rows


def _lookup_title(store: Store, kind: str) -> dict[str, str]:
    return {i.code: i.title_fa for i in cases.lookup_items(store, kind)}


def write_statistics(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """Indicators 6/1–6/11 of a period, open cases by state and age, penalties, violations."""
    if not params.period:
        raise UserError("دوره را بدهید.", "Give --period.")
    stats, indicators, open_rows = _stats_tables(store, actor, params.period)
    penalties = _lookup_title(store, "penalty")
    violations = _lookup_title(store, "violation_type")
    ages = case_stats.AGE_BUCKETS
    by_penalty = [(penalties.get(k, k), v) for k, v in stats.by_penalty.items()]
    by_violation = sorted(
        ((violations.get(k, k), v) for k, v in stats.by_violation.items()), key=lambda r: -r[1]
    )
    office = office_name(store, stats.office_code)
    if fmt == "xlsx":
        book = RtlWorkbook("آمار رسیدگی به تخلفات اداری (محور ۶)",
                           [("اداره", office), ("دوره", stats.period_label)])
        sheet = book.add_sheet("شاخص‌ها", [Col("عنوان شاخص", 70, "wrap"), Col("کد شاخص", 10, "id"),
                                           Col("مقدار", 10, "count"), Col("دوره", 18, "text")])
        for code, title, value in indicators:
            sheet.append([title, code, value, stats.period_label])
        sheet = book.add_sheet(
            "پرونده‌های باز",
            [Col("وضعیت", 34, "text"), *[Col(label, 14, "count") for _, label, _ in ages],
             Col("جمع", 10, "count"), Col("مهلت‌گذشته", 12, "count")],
        )
        for row in open_rows:
            sheet.append([row.state_label, *[row.by_age[k] for k, _, _ in ages], row.total, row.overdue])
        sheet = book.add_sheet("مجازات‌ها", [Col("مجازات", 70, "wrap"), Col("تعداد آراء", 12, "count")])
        for label, n in by_penalty:
            sheet.append([label, n])
        sheet = book.add_sheet("انواع تخلف", [Col("نوع تخلف", 80, "wrap"), Col("تعداد پرونده", 12, "count")])
        for label, n in by_violation:
            sheet.append([label, n])
        book.save(out)
        return
    doc = ReportDocument("آمار رسیدگی به تخلفات اداری (محور ۶)", [("اداره", office), ("دوره", stats.period_label)])
    doc.heading("شاخص‌های ۶/۱ تا ۶/۱۱", 2)
    doc.table(
        [Column("کد", 0.8, "center"), Column("عنوان شاخص", 7), Column("مقدار", 1.2, "center")],
        indicators,
    )
    doc.heading("پرونده‌های باز بر پایهٔ وضعیت و سن پرونده", 2)
    doc.table(
        [Column("وضعیت", 3), *[Column(label, 1.3, "center") for _, label, _ in ages],
         Column("جمع", 1, "center"), Column("مهلت‌گذشته", 1.3, "center")],
        [(r.state_label, *[r.by_age[k] for k, _, _ in ages], r.total, r.overdue) for r in open_rows],
        font_size=8.5,
    )
    doc.heading("آراء دوره بر پایهٔ مجازات", 2)
    doc.table([Column("مجازات", 7), Column("تعداد آراء", 1.5, "center")], by_penalty)
    doc.heading("پرونده‌های گزارش‌شده در دوره بر پایهٔ نوع تخلف", 2)
    doc.table([Column("نوع تخلف", 7), Column("تعداد پرونده", 1.5, "center")], by_violation)
    doc.build(out)


# ------------------------------------------------------------------------------ register


REGISTER_COLUMNS = [
    Col("شمارهٔ پرونده", 14, "id"), Col("وضعیت", 22, "text"), Col("نام کارمند", 24, "text"),
    Col("کد ملی", 14, "id"), Col("سمت", 20, "text"), Col("واحد", 30, "wrap"), Col("تخلف‌ها", 50, "wrap"),
    Col("تاریخ گزارش", 12, "date"), Col("تاریخ آخرین مرحله", 12, "date"), Col("مهلت", 12, "date"),
    Col("مهلت‌گذشته", 12, "bool"),
]
REGISTER_HEADERS = sheet_headers(REGISTER_COLUMNS)
REGISTER_WIDTHS = [c.width for c in REGISTER_COLUMNS]


def register_rows(store: Store, actor: Actor, params: ReportParams) -> Iterator[list[Any]]:
    """The register's rows, cell values in header order (cases reported in the period, if one
    is given); anonymised as usual."""
    query = cases.CaseQuery(unit_id=params.unit)
    if params.period:
        period = jalali.Period.parse(params.period)
        query = cases.CaseQuery(unit_id=params.unit, reported_from=period.start, reported_to=period.end)
    violations = _lookup_title(store, "violation_type")
    for c in cases.iter_cases(store, actor, query):
        yield [
            c.case_number_fa, c.state_label, c.employee_name,
            c.national_code,
            c.employee_post, c.unit_name,
            "؛ ".join(violations.get(v, v) for v in c.violation_codes),
            c.reported_on, c.last_event_on, c.due_on, c.overdue,
        ]


def write_register(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """Every case (reported in the period, if one is given) as Excel rows; anonymised as usual."""
    fields: list[tuple[str, str]] = [("اداره", office_name(store, actor.office_code))]
    if params.period:
        fields.append(("دوره", jalali.Period.parse(params.period).label_fa))
    book = RtlWorkbook("دفتر پرونده‌های تخلف اداری", fields)
    sheet = book.add_sheet("دفتر پرونده‌ها", REGISTER_COLUMNS)
    sheet.extend(register_rows(store, actor, params))
    book.save(out)


REPORTS: list[ReportSpec] = [
    ReportSpec("case-file", "پروندهٔ تخلف اداری", ("pdf",), write_case_file, needs_subject=True),
    ReportSpec(
        "case-statistics", "آمار رسیدگی به تخلفات اداری (۶/۱ تا ۶/۱۱)", ("pdf", "xlsx"),
        write_statistics, needs_period=True,
    ),
    ReportSpec("case-register", "دفتر پرونده‌های تخلف اداری", ("xlsx",), write_register),
]

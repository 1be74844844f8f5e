"""Inspection reports: an inspector's monthly report, the six-monthly analysis, the realisation
of planned inspections (indicator 1/4), and the annual inspector evaluation sheet.

Each is written as PDF (``ReportDocument``) or Excel (``RtlWorkbook``) from the same data
(``inspection_data``), so both forms always agree.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak

from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, format_percent, percent_text, to_persian_digits
from integrity_desktop.excel.workbook import Col, RtlWorkbook, SheetWriter, sheet_headers
from integrity_desktop.jalali import Period, format_date
from integrity_desktop.pdf.document import Cell, Column, ReportDocument, WriteHere
from integrity_desktop.permissions import Actor, require
from integrity_desktop.reports import inspection_data as data
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.inspections.figures import Figure
from integrity_desktop.services.inspections.inspectors import InspectorInfo
from integrity_desktop.services.inspections.visits import VisitDetail
from integrity_desktop.services.store.offices import office_name

OVERDUE = colors.HexColor("#8a2b1f")
MISSING = "—"


def _section(doc: ReportDocument, title: str, level: int = 2) -> None:
    """A heading that never sits alone at the foot of a page."""
    doc.add(CondPageBreak(35 * mm))
    doc.heading(title, level)


def _value(f: Figure) -> str:
    if f.value is None:
        return "بدون مورد"
    if f.unit == "percent":
        return percent_text(f.value)
    return format_number(int(f.value))


def _basis(f: Figure) -> str:
    if f.denominator is None:
        return format_number(f.numerator)
    return f"{format_number(f.numerator)} از {format_number(f.denominator)}"


def _inspector_document(store: Store, actor: Actor, title: str, inspector: InspectorInfo) -> ReportDocument:
    """The PDF of a form on one inspector: ``title``, with the office and the inspector in its header."""
    return ReportDocument(title, [("اداره", office_name(store, actor.office_code)), ("بازرس", inspector.full_name)])


def _inspector_identity(inspector: InspectorInfo) -> list[tuple[str, object]]:
    """Who the inspector is, first in the fields of a form on one inspector: name, national code, post."""
    return [
        ("نام بازرس", inspector.full_name),
        ("کد ملی", inspector.national_code),
        ("سمت", inspector.post or MISSING),
    ]


def _names(names: tuple[str, ...]) -> str:
    return "، ".join(n for n in names if n) or MISSING


def _code(code: str) -> str:
    return to_persian_digits(code) if code else MISSING


# ------------------------------------------------------------------------------ monthly


def write_inspector_monthly(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """One inspector's month (``--period 1403-M07 --subject <inspector id or national code>``)."""
    require(actor, "inspections.view")
    m = data.inspector_month(store, actor, params.period, params.subject)
    if fmt == "xlsx":
        _monthly_excel(m, out, office_name(store, actor.office_code))
        return
    doc = _inspector_document(store, actor, f"گزارش ماهانهٔ بازرس — {m.period.label_fa}", m.inspector)
    doc.fields(
        [
            *_inspector_identity(m.inspector),
            ("شمارهٔ ابلاغ", m.inspector.letter_no),
            ("تاریخ ابلاغ", m.inspector.appointed_on),
            ("دوره", m.period.label_fa),
        ]
    )
    _section(doc, "خلاصه", 2)
    doc.table(
        [Column(label, 1, "center") for label in (
            "بازرسی برنامه‌ریزی‌شده", "بازرسی برنامه انجام‌شده", "بازدید ثبت‌شده", "یافته",
            "اقدام اصلاحی", "اقدام باز", "اقدام با مهلت گذشته",
        )],
        [(len(m.planned), sum(1 for i in m.planned if i.done), len(m.visits), m.findings, m.actions,
          m.open_actions, m.overdue_actions)],
        zebra=False,
    )  # fmt: skip
    _section(doc, "بازدیدها", 2)
    doc.table(
        [Column("ردیف", 0.6, "center"), Column("تاریخ", 1.3, "center"), Column("واحد", 3.2),
         Column("نوع", 1, "center"), Column("وضعیت", 1.3, "center"), Column("یافته‌ها", 1, "center")],
        [
            (i, d.visit.visit_date, d.visit.unit_name, d.visit.kind_fa, d.visit.status_fa, len(d.findings))
            for i, d in enumerate(m.visits, start=1)
        ],
        empty_text="در این ماه بازدیدی ثبت نشده است.",
    )  # fmt: skip
    _findings_table(doc, m.visits)
    _section(doc, "برنامهٔ ماه", 2)
    doc.table(
        [Column("تاریخ برنامه", 1.3, "center"), Column("واحد", 3.5), Column("وضعیت", 1.5, "center")],
        [(i.planned_date, i.unit_name, i.visit_status_fa) for i in m.planned],
        empty_text="برای این ماه بازرسی برنامه‌ریزی نشده است.",
    )
    doc.signatures(["بازرس", "ناظر ارشد"])
    doc.build(out)


def _findings_table(doc: ReportDocument, details: list[VisitDetail]) -> None:
    _section(doc, "یافته‌ها و اقدام‌های اصلاحی", 2)
    rows = []
    for d in details:
        for f in d.findings:
            for a in f.actions or (None,):
                status: str | Cell = MISSING
                if a is not None:
                    status = a.status_fa
                    if a.overdue:
                        status = Cell(
                            f"{a.status_fa}؛ {format_number(a.days_overdue)} روز گذشته", color=OVERDUE
                        )
                rows.append(
                    (
                        d.visit.unit_name,
                        f.severity_fa,
                        _code(f.indicator_code),
                        f.text,
                        a.description if a else MISSING,
                        a.responsible_unit_name if a else MISSING,
                        a.due_date if a else MISSING,
                        status,
                    )
                )
    doc.table(
        [Column("واحد", 2), Column("شدت", 1, "center"), Column("شاخص", 1.1, "center"), Column("یافته", 3.2),
         Column("اقدام اصلاحی", 3), Column("واحد مسئول", 1.8), Column("مهلت", 1.6, "center"),
         Column("وضعیت", 1.5, "center")],
        rows,
        font_size=8,
        empty_text="یافته‌ای ثبت نشده است.",
    )  # fmt: skip


def _action_rows(details: list[VisitDetail]) -> list[list[object]]:
    rows: list[list[object]] = []
    for d in details:
        for f in d.findings:
            for a in f.actions or (None,):
                rows.append(
                    [
                        d.visit.visit_date,
                        d.visit.unit_name,
                        f.severity_fa,
                        f.indicator_code,
                        f.text,
                        a.description if a else "",
                        a.responsible_unit_name if a else "",
                        a.due_date if a else None,
                        a.status_fa if a else "",
                        a.closed_on if a else None,
                        a.days_overdue if a else 0,
                    ]
                )
    return rows


_ACTION_COLUMNS = [
    Col("تاریخ بازدید", 12, "date"), Col("واحد", 30, "wrap"), Col("شدت", 10, "text"), Col("شاخص", 8, "id"),
    Col("یافته", 50, "wrap"), Col("اقدام اصلاحی", 45, "wrap"), Col("واحد مسئول", 25, "wrap"),
    Col("مهلت", 12, "date"), Col("وضعیت", 12, "text"), Col("تاریخ انجام", 12, "date"),
    Col("روزهای گذشته از مهلت", 12, "count"),
]  # fmt: skip
_ACTION_HEADERS = sheet_headers(_ACTION_COLUMNS)
# the visit id is the last column: people read the date and unit first
_VISIT_COLUMNS = [
    Col("تاریخ", 12, "date"), Col("واحد", 30, "wrap"), Col("نوع", 10, "text"), Col("وضعیت", 12, "text"),
    Col("بازرسان", 30, "wrap"), Col("یافته‌ها", 10, "count"), Col("اقدام‌های باز", 12, "count"),
    Col("پیشنهادها", 50, "wrap"), Col("شناسه", 38, "key"),
]  # fmt: skip
_VISIT_HEADERS = sheet_headers(_VISIT_COLUMNS)


def _visit_row(d: VisitDetail) -> list[object]:
    v = d.visit
    return [
        v.visit_date, v.unit_name, v.kind_fa, v.status_fa, _names(v.inspector_names),
        v.finding_count, v.open_actions, v.recommendations, v.id,
    ]  # fmt: skip


def _monthly_excel(m: data.InspectorMonth, out: Path, office: str) -> None:
    book = RtlWorkbook(f"گزارش ماهانهٔ بازرس — {m.period.label_fa}",
                       [("اداره", office), ("بازرس", m.inspector.full_name), ("دوره", m.period.label_fa)])
    head = book.add_sheet("خلاصه", [Col("عنوان", 40, "text"), Col("مقدار", 40, "auto")])
    for row in (
        ("بازرس", m.inspector.full_name),
        ("کد ملی", to_persian_digits(m.inspector.national_code)),
        ("دوره", m.period.label_fa),
        ("بازرسی‌های برنامه‌ریزی‌شده", len(m.planned)),
        ("بازرسی‌های برنامه انجام‌شده", sum(1 for i in m.planned if i.done)),
        ("بازدیدهای ثبت‌شده", len(m.visits)),
        ("یافته‌ها", m.findings),
        ("اقدام‌های اصلاحی", m.actions),
        ("اقدام‌های باز", m.open_actions),
        ("اقدام‌های با مهلت گذشته", m.overdue_actions),
    ):
        head.append(row)
    _visit_sheets(book, m.visits)
    book.save(out)


# ------------------------------------------------------------------------------ six-monthly


def _analysis_fields(store: Store, actor: Actor, a: data.Analysis, params: ReportParams) -> list[tuple[str, object]]:
    """The header of a report on a period's inspections: the office, the period, and the unit when one is asked."""
    fields: list[tuple[str, object]] = [
        ("اداره", office_name(store, actor.office_code)),
        ("دوره", a.period.label_fa),
    ]
    if params.unit:
        fields.append(("واحد", a.unit_name or MISSING))
    return fields


def write_semiannual(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """The analytical report of a half-year (``--period 1403-H1``, optionally ``--unit``)."""
    require(actor, "inspections.view")
    period = data.period_of_kind(params.period, ("half",), "1403-H1")
    a = data.analysis(store, actor, period, params.unit)
    fields = _analysis_fields(store, actor, a, params)
    if fmt == "xlsx":
        _analysis_excel(a, out, fields)
        return
    doc = ReportDocument(f"گزارش تحلیلی شش‌ماههٔ بازرسی‌ها — {period.label_fa}", fields)
    r = a.realisation
    findings = sum(len(d.findings) for d in a.visits)
    doc.paragraph(
        f"در {period.label_fa}، {format_number(len(a.visits))} بازدید ثبت شده و {format_number(findings)} "
        f"یافته به دست آمده است. از {format_number(r.denominator or 0)} بازرسی برنامه‌ریزی‌شده "
        f"{format_number(r.numerator)} مورد انجام شده است (میزان تحقق: {_value(r)}). "
        f"{format_number(len(a.overdue))} اقدام اصلاحی از مهلت خود گذشته و هنوز باز است."
    )
    _section(doc, "بازدیدها بر پایهٔ نوع", 2)
    doc.table([Column("نوع بازرسی", 4), Column("تعداد", 1.2, "center")], a.by_kind)
    _section(doc, "بازدیدها بر پایهٔ واحد", 2)
    doc.table(
        [Column("واحد", 5), Column("بازدید", 1, "center"), Column("یافته", 1, "center"),
         Column("اقدام باز", 1.2, "center")],
        a.by_unit,
        empty_text="بازدیدی ثبت نشده است.",
    )  # fmt: skip
    _section(doc, "یافته‌ها بر پایهٔ شدت", 2)
    doc.table([Column("شدت", 4), Column("تعداد", 1.2, "center")], a.by_severity)
    if a.by_indicator:
        _section(doc, "یافته‌ها بر پایهٔ شاخص برنامه", 2)
        doc.table([Column("شاخص", 2, "center"), Column("تعداد یافته", 1.2, "center")],
                  [(_code(c), n) for c, n in a.by_indicator])  # fmt: skip
    if a.figures:
        _figures_table(doc, a.figures)
    _section(doc, "اقدام‌های اصلاحی با مهلت گذشته", 2)
    doc.table(
        [Column("واحد مسئول", 2.2), Column("اقدام", 4), Column("مهلت", 1.2, "center"),
         Column("روزهای گذشته", 1.1, "center"), Column("شدت یافته", 1, "center")],
        [
            (o.action.responsible_unit_name, o.action.description, o.action.due_date,
             Cell(o.action.days_overdue, color=OVERDUE), o.severity_fa)
            for o in a.overdue
        ],
        empty_text="اقدام اصلاحیِ گذشته از مهلت نیست.",
    )  # fmt: skip
    doc.signatures(["تهیه‌کننده", "ناظر ارشد", "مدیرکل"])
    doc.build(out)


def _figures_table(doc: ReportDocument, figures: list[Figure]) -> None:
    _section(doc, "شاخص‌های برنامه (محاسبه‌شده از سوابق)", 2)
    doc.table(
        [Column("شاخص", 0.8, "center"), Column("عنوان", 4), Column("مقدار", 1.2, "center"),
         Column("مبنا", 1.4, "center")],
        [(_code(f.code), f.title_fa, _value(f), _basis(f)) for f in figures],
    )  # fmt: skip


_FIGURE_COLUMNS = [
    Col("عنوان", 45, "wrap"), Col("کد شاخص", 10, "id"), Col("مقدار", 10, "number"), Col("واحد", 8, "text"),
    Col("صورت", 10, "count"), Col("مخرج", 10, "count"),
]  # fmt: skip
_FIGURE_HEADERS = sheet_headers(_FIGURE_COLUMNS)


def _figure_rows(sheet: SheetWriter, figures: list[Figure]) -> list[list[object]]:
    """Figures as rows: a percent is a percent cell, a count a whole number."""
    return [
        [f.title_fa, f.code, sheet.cell(f.value, "percent" if f.unit == "percent" else "count"),
         "درصد" if f.unit == "percent" else "تعداد", f.numerator, f.denominator]
        for f in figures
    ]


def _visit_sheets(book: RtlWorkbook, visits: list[VisitDetail]) -> None:
    """The two sheets every inspection workbook ends with: its visits, then findings and actions."""
    book.add_sheet("بازدیدها", _VISIT_COLUMNS).extend(_visit_row(d) for d in visits)
    book.add_sheet("یافته‌ها و اقدام‌ها", _ACTION_COLUMNS).extend(_action_rows(visits))


def _analysis_excel(a: data.Analysis, out: Path, fields: list[tuple[str, object]]) -> None:
    book = RtlWorkbook(f"گزارش تحلیلی شش‌ماههٔ بازرسی‌ها — {a.period.label_fa}", fields)
    book.add_sheet("بر پایهٔ نوع", [Col("نوع بازرسی", 30, "text"), Col("تعداد", 12, "count")]).extend(a.by_kind)
    book.add_sheet("بر پایهٔ واحد", [Col("واحد", 40, "wrap"), Col("بازدید", 10, "count"),
                                     Col("یافته", 10, "count"), Col("اقدام باز", 10, "count")]).extend(a.by_unit)
    book.add_sheet("بر پایهٔ شدت", [Col("شدت", 20, "text"), Col("تعداد", 12, "count")]).extend(a.by_severity)
    sheet = book.add_sheet("شاخص‌ها", _FIGURE_COLUMNS)
    sheet.extend(_figure_rows(sheet, a.figures or [a.realisation]))
    _visit_sheets(book, a.visits)
    book.save(out)


# ------------------------------------------------------------------------------ realisation


def write_realisation(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """Indicator 1/4 for any period: every plan item and whether it was visited."""
    require(actor, "inspections.view")
    period = Period.parse(params.period or "")
    a = data.analysis(store, actor, period, params.unit)
    r = a.realisation
    per_unit: dict[str, list[int]] = {}
    for item in a.planned:
        row = per_unit.setdefault(item.unit_name, [0, 0])
        row[0] += 1
        row[1] += int(item.done)
    unit_rows = [
        (u, n, d, format_percent(d / n) if n else MISSING) for u, (n, d) in sorted(per_unit.items())
    ]
    fields = _analysis_fields(store, actor, a, params)
    if fmt == "xlsx":
        book = RtlWorkbook(f"میزان تحقق بازرسی‌های برنامه‌ریزی‌شده (شاخص ۱/۴) — {period.label_fa}", fields)
        head = book.add_sheet("خلاصه", _FIGURE_COLUMNS)
        head.extend(_figure_rows(head, [r]))
        sheet = book.add_sheet(
            "ردیف‌های برنامه",
            [Col("تاریخ برنامه", 12, "date"), Col("واحد", 40, "wrap"), Col("بازرسان", 40, "wrap"),
             Col("وضعیت", 14, "text"), Col("شناسهٔ ردیف", 38, "key"), Col("شناسهٔ بازدید", 38, "key")],
        )  # fmt: skip
        for i in a.planned:
            sheet.append(
                [i.planned_date, i.unit_name, _names(i.inspector_names), i.visit_status_fa, i.id, i.visit_id]
            )
        units = book.add_sheet(
            "بر پایهٔ واحد",
            [Col("واحد", 40, "wrap"), Col("برنامه‌ریزی‌شده", 14, "count"), Col("انجام‌شده", 14, "count"),
             Col("درصد تحقق", 12, "percent")],
        )
        for u, n, d, _p in unit_rows:
            units.append([u, n, d, 100 * d / n if n else None])
        book.save(out)
        return
    doc = ReportDocument(f"میزان تحقق بازرسی‌های برنامه‌ریزی‌شده (شاخص ۱/۴) — {period.label_fa}", fields)
    doc.table(
        [Column(label, 1, "center") for label in (
            "بازرسی برنامه‌ریزی‌شده", "انجام‌شده", "میزان تحقق", "بازدید موردی (بیرون از برنامه)",
        )],
        [(r.denominator or 0, r.numerator, _value(r), sum(1 for d in a.visits if d.visit.kind == "adhoc"))],
        zebra=False,
    )  # fmt: skip
    doc.paragraph(
        "میزان تحقق از سوابق محاسبه می‌شود: شمار ردیف‌های برنامه در این دوره که بازدیدشان ثبت شده، "
        "بخش بر شمار همهٔ ردیف‌های برنامه در این دوره.",
        size=9,
    )
    _section(doc, "بر پایهٔ واحد", 2)
    doc.table(
        [Column("واحد", 4), Column("برنامه‌ریزی‌شده", 1.3, "center"), Column("انجام‌شده", 1.2, "center"),
         Column("درصد تحقق", 1.2, "center")],
        unit_rows,
        empty_text="در این دوره بازرسی برنامه‌ریزی نشده است.",
    )  # fmt: skip
    _section(doc, "ردیف‌های برنامه", 2)
    doc.table(
        [Column("ردیف", 0.6, "center"), Column("تاریخ برنامه", 1.3, "center"), Column("واحد", 3),
         Column("بازرسان", 3), Column("وضعیت", 1.4, "center")],
        [
            (n, i.planned_date, i.unit_name, _names(i.inspector_names),
             i.visit_status_fa if i.done else Cell(i.visit_status_fa, color=OVERDUE))
            for n, i in enumerate(a.planned, start=1)
        ],
        empty_text="در این دوره بازرسی برنامه‌ریزی نشده است.",
    )  # fmt: skip
    if a.figures:
        _figures_table(doc, a.figures)
    doc.build(out)


# ------------------------------------------------------------------------------ evaluation


def write_evaluation(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    """The annual evaluation sheet of one inspector (``--period 1403 --subject <inspector>``)."""
    require(actor, "inspections.view")
    e = data.evaluation(store, actor, params.period, params.subject)
    total = sum(c.max_score for c in e.criteria)
    if fmt == "xlsx":
        book = RtlWorkbook(
            f"برگهٔ ارزیابی سالانهٔ بازرس — {e.period.label_fa}",
            [("اداره", office_name(store, actor.office_code)), ("بازرس", e.inspector.full_name),
             ("کد ملی", to_persian_digits(e.inspector.national_code))],
        )
        sheet = book.add_sheet(
            "برگهٔ ارزیابی",
            [Col("ردیف", 6, "count"), Col("معیار", 45, "wrap"), Col("سوابق ثبت‌شده", 40, "wrap"),
             Col("حداکثر امتیاز", 14, "count"), Col("امتیاز", 10, "number"), Col("توضیح", 40, "wrap")],
        )  # fmt: skip
        for n, c in enumerate(e.criteria, start=1):
            sheet.append([n, c.title, c.evidence, c.max_score, None, None])
        sheet.append(["", "جمع", "", total, None, None])
        book.save(out)
        return
    doc = _inspector_document(store, actor, f"برگهٔ ارزیابی سالانهٔ بازرس — {e.period.label_fa}", e.inspector)
    doc.fields(
        [
            *_inspector_identity(e.inspector),
            ("واحد", e.inspector.unit_name or MISSING),
            ("شمارهٔ ابلاغ", e.inspector.letter_no),
            ("تاریخ ابلاغ", e.inspector.appointed_on),
            ("پایان دوره", format_date(e.inspector.term_end) or MISSING),
            ("وضعیت", e.inspector.status_fa),
        ]
    )
    _section(doc, "کارنامهٔ سال از روی سوابق", 2)
    doc.fields(
        [
            ("بازدیدهای ادواری", e.periodic),
            ("بازدیدهای موردی", e.adhoc),
            ("یافته‌ها", e.findings),
            ("گزارش‌های همراه با پیشنهاد", e.with_recommendations),
        ]
    )
    _section(doc, "معیارهای ارزیابی", 2)
    doc.table(
        [Column("ردیف", 0.7, "center"), Column("معیار", 3.2), Column("سوابق ثبت‌شده", 2.8),
         Column("حداکثر امتیاز", 1, "center"), Column("امتیاز", 1, "center"), Column("توضیح", 2.2)],
        [
            *[(n, c.title, c.evidence, c.max_score, WriteHere(1), WriteHere(1))
              for n, c in enumerate(e.criteria, start=1)],
            (Cell("", background=None), Cell("جمع", bold=True), "", Cell(total, bold=True), WriteHere(1), ""),
        ],
        zebra=False,
    )  # fmt: skip
    _section(doc, "نظر ارزیاب", 2)
    doc.table([Column("نقاط قوت و پیشنهادها", 1)], [(WriteHere(4),)], zebra=False)
    doc.signatures(["بازرس", "ناظر ارشد", "مدیرکل"])
    doc.build(out)


REPORTS: list[ReportSpec] = [
    ReportSpec(
        "inspector-monthly", "گزارش ماهانهٔ بازرس", ("pdf", "xlsx"), write_inspector_monthly,
        needs_period=True, needs_subject=True,
    ),
    ReportSpec(
        "inspections-semiannual", "گزارش تحلیلی شش‌ماههٔ بازرسی‌ها", ("pdf", "xlsx"), write_semiannual,
        needs_period=True,
    ),
    ReportSpec(
        "inspection-realisation", "میزان تحقق بازرسی‌های برنامه‌ریزی‌شده (شاخص ۱/۴)", ("pdf", "xlsx"),
        write_realisation, needs_period=True,
    ),
    ReportSpec(
        "inspector-evaluation", "برگهٔ ارزیابی سالانهٔ بازرس", ("pdf", "xlsx"), write_evaluation,
        needs_period=True, needs_subject=True,
    ),
]  # fmt: skip

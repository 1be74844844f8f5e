"""The HQ console as a report: every province side by side (bundles received, quiet offices,
checklist completion per axis with a chart, the indicators' figures and achievement, open
corrective actions, cases by state)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, percent_text, to_persian_digits
from integrity_desktop.excel.workbook import Col, RtlWorkbook
from integrity_desktop.indicators import display_code
from integrity_desktop.jalali import Period, format_date
from integrity_desktop.pdf.document import Cell, Column, ReportDocument
from integrity_desktop.pdf.fonts import REGULAR
from integrity_desktop.pdf.textlayer import draw_text, text_width
from integrity_desktop.permissions import Actor
from integrity_desktop.reports.figure_cells import value_kind
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.sync import hq_console as hq

STATUS_HEADERS = ["استان", "آخرین بسته", "عمر (روز)", "شمارهٔ آخرین بسته", "بسته‌های نرسیده",
                  "اقدام اصلاحی باز", "سررسید گذشته", "پرونده‌ها", "وضعیت"]
STATUS_COLUMNS = [
    Col("استان", 24, "text"), Col("آخرین بسته", 12, "date"), Col("عمر (روز)", 10, "count"),
    Col("شمارهٔ آخرین بسته", 12, "count"), Col("بسته‌های نرسیده", 18, "wrap"),
    Col("اقدام اصلاحی باز", 12, "count"), Col("سررسید گذشته", 12, "count"), Col("پرونده‌ها", 10, "count"),
    Col("وضعیت", 8, "text"),
]


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _percent(value: float | None) -> str:
    return percent_text(value)


def _fa_int(n: int | None) -> str:
    return "—" if n is None else format_number(n)


class _Bars(Flowable):
    """Horizontal bars, right to left: the province's name at the right, its bar to the left."""

    def __init__(self, items: list[tuple[str, float | None]], width: float) -> None:
        super().__init__()
        self.items = items
        self.width = width
        self.row = 11.0
        self.height = self.row * len(items) + 4

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        label_w = max((text_width(n, REGULAR, 7.5) for n, _ in self.items), default=0.0) + 8
        bar_max = self.width - label_w - 50
        c.setFont(REGULAR, 7.5)
        for i, (name, value) in enumerate(self.items):
            y = self.height - (i + 1) * self.row
            c.setFillColor(colors.black)
            draw_text(c, self.width, y + 2, name, REGULAR, 7.5)
            length = bar_max * (value or 0) / 100
            right = self.width - label_w
            c.setFillColor(colors.HexColor("#4a7fb5"))
            c.rect(right - length, y + 1, length, self.row - 3, stroke=0, fill=1)
            c.setFillColor(colors.black)
            draw_text(c, right - length - 3, y + 2, _percent(value), REGULAR, 7.5)
        c.setStrokeColor(colors.grey)
        c.line(self.width - label_w, 0, self.width - label_w, self.height)


def _data(store: Store, actor: Actor, params: ReportParams) -> tuple[
    Period | None, list[hq.ProvinceStatus], list[hq.AxisRow], list[hq.IndicatorColumn]
]:
    code = params.period or hq.latest_period(store)
    period = Period.parse(code) if code else None
    statuses = hq.province_statuses(store, actor, limit=1000)
    axes = hq.completion_by_axis(store, actor, period.code) if period else []
    indicators = hq.indicators_by_province(store, actor, period.code) if period else []
    return period, statuses, axes, indicators


def _figure(column: hq.IndicatorColumn, p: hq.ProvinceStatus) -> Any:
    """A province's figure, or None when no bundle of it has arrived: a count of 0 would be a
    figure nobody measured (as the console's indicator tab shows it)."""
    return column.by_office.get(p.office_code) if p.highest_seq else None


def _figure_text(f: Any) -> str:
    """A province's figure: the value, then what is wrong with it against its target."""
    if f is None or f.value is None:
        return "—"
    text = f.value_fa
    if f.definition.target is not None:
        text += f"\n{f.achievement_fa}"
    if f.changed_since_approval:
        text += f"\n{f.changed_fa}"
    return text


def _status_row(p: hq.ProvinceStatus) -> list[Any]:
    return [
        p.province_fa,
        format_date(p.last_created_at.date()) if p.last_created_at else "—",
        _fa_int(p.age_days),
        _fa_int(p.highest_seq) if p.highest_seq else "—",
        "، ".join(to_persian_digits(str(n)) for n in p.missing_seqs) or "—",
        _fa_int(p.open_actions),
        _fa_int(p.overdue_actions),
        _fa_int(p.cases_total),
        Cell("ساکت", bold=True, color=colors.HexColor("#b00020")) if p.quiet else "فعال",
    ]


def write_provinces(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    period, statuses, axes, indicators = _data(store, actor, params)
    if fmt == "xlsx":
        _excel(out, statuses, axes, period, indicators)
        return
    fields = [("دوره", period.label_fa if period else "—"),
              ("آستانهٔ سکوت", f"{to_persian_digits(str(hq.QUIET_DAYS))} روز")]
    doc = ReportDocument("وضعیت استان‌ها در ستاد", fields, landscape=True)
    doc.heading("بسته‌های دریافتی، اقدام‌های اصلاحی و پرونده‌ها")
    widths = [1.4, 1.2, 0.8, 1.0, 1.4, 1.0, 1.0, 0.9, 0.8]
    doc.table([Column(h, w, "right" if i == 0 else "center")
               for i, (h, w) in enumerate(zip(STATUS_HEADERS, widths, strict=True))],
              [_status_row(p) for p in statuses], font_size=8)
    doc.page_break()
    doc.heading("میانگین درصد تکمیل چک‌لیست‌ها در هر استان")
    means = [(p.province_fa, _mean([a.by_office.get(p.office_code) for a in axes]))
             for p in statuses]
    doc.add(_Bars(means, doc.width))
    doc.page_break()
    doc.heading("درصد تکمیل هر محور در هر استان")
    columns = [Column("استان", 2.2), Column("میانگین", 1.1, "center")] + [
        Column(to_persian_digits(str(a.number)), 0.7, "center") for a in axes]
    rows = [[p.province_fa, _percent(m)] + [_percent(a.by_office.get(p.office_code)) for a in axes]
            for p, (_, m) in zip(statuses, means, strict=True)]
    doc.table(columns, rows, font_size=6.5,
              empty_text="در این دوره چک‌لیستی از استان‌ها دریافت نشده است.")
    doc.paragraph("شمارهٔ ستون‌ها شمارهٔ محور برنامهٔ سه‌ساله است: " + "؛ ".join(
        f"{to_persian_digits(str(a.number))}. {a.title}" for a in axes), size=7)
    _indicator_pages(doc, statuses, indicators)
    doc.build(out)


def _indicator_pages(doc: ReportDocument, statuses: list[hq.ProvinceStatus],
                     indicators: list[hq.IndicatorColumn]) -> None:
    """The indicators computed from records or with a target, per province, a page of columns at a time."""
    if not indicators:
        return
    per_page = 9
    for start in range(0, len(indicators), per_page):
        part = indicators[start:start + per_page]
        doc.page_break()
        doc.heading("شاخص‌های محاسبه‌شده و هدف‌دار در هر استان")
        columns = [Column("استان", 1.6)] + [Column(display_code(c.code), 1.0, "center") for c in part]
        rows = [[p.province_fa] + [_figure_text(_figure(c, p)) for c in part] for p in statuses]
        doc.table(columns, rows, font_size=6.5)
        doc.paragraph("؛ ".join(
            f"{display_code(c.code)}: {c.title}" + (f" (هدف: {c.target_fa})" if c.target_fa else "")
            for c in part), size=7)


def case_states(statuses: list[hq.ProvinceStatus]) -> list[str]:
    """The case states of the «پرونده‌ها» sheet: the lifecycle's, in lifecycle order, then
    any unknown code a newer province sent (by name, so it is not lost)."""
    seen = {s for p in statuses for s in p.cases_by_state}
    return [s for s in lc.STATES] + sorted(seen - set(lc.STATES))


def _excel(out: Path, statuses: list[hq.ProvinceStatus], axes: list[hq.AxisRow],
           period: Period | None, indicators: list[hq.IndicatorColumn]) -> None:
    book = RtlWorkbook("وضعیت استان‌ها در ستاد", [("دوره", period.label_fa if period else "—")])
    sheet = book.add_sheet("استان‌ها", STATUS_COLUMNS)
    for p in statuses:
        sheet.append([p.province_fa, p.last_created_at, p.age_days, p.highest_seq or None,
                      "، ".join(to_persian_digits(str(n)) for n in p.missing_seqs), p.open_actions,
                      p.overdue_actions, p.cases_total, "ساکت" if p.quiet else "فعال"])
    sheet = book.add_sheet(
        "تکمیل محورها",
        [Col("استان", 24, "text")] + [Col(f"محور {to_persian_digits(str(a.number))}", 10, "percent") for a in axes],
    )
    for p in statuses:
        sheet.append([p.province_fa] + [a.by_office.get(p.office_code) for a in axes])
    states = case_states(statuses)
    sheet = book.add_sheet(
        "پرونده‌ها",
        [Col("استان", 24, "text")] + [Col(lc.STATE_LABELS_FA.get(s, s), 14, "count") for s in states]
        + [Col("جمع", 10, "count")],
    )
    for p in statuses:
        sheet.append([p.province_fa] + [p.cases_by_state.get(s, 0) for s in states]
                     + [p.cases_total])
    sheet = book.add_sheet("شاخص‌ها", [
        Col("استان", 24, "text"), Col("کد شاخص", 10, "id"), Col("شاخص", 50, "wrap"), Col("مقدار", 10, "number"),
        Col("واحد", 12, "text"), Col("هدف", 16, "text"), Col("دستیابی", 24, "wrap"), Col("منبع", 12, "text"),
        Col("تغییر پس از تأیید", 24, "wrap"),
    ])
    for p in statuses:
        for c in indicators:
            f = _figure(c, p)
            if f is None:
                continue
            sheet.append([p.province_fa, display_code(c.code), c.title,
                          sheet.cell(f.value, value_kind(f.definition)), c.unit_fa, c.target_fa,
                          f.achievement_fa if f.definition.target is not None else "",
                          "محاسبه‌شده" if f.source == "computed" else "ثبت‌شده", f.changed_fa])
    book.save(out)


REPORTS = [
    ReportSpec("hq-provinces", "وضعیت استان‌ها در ستاد", ("pdf", "xlsx"), write_provinces),
]

"""The national programme report for the ministry (``report national``): a summary, the map,
national completion and achievement per axis, the provinces ranked, the computed indicators
and those with a target across the country, overdue items, case statistics (6/1–6/11) and
inspection figures per province with the national figure.  Every number is read from
``services.figures.national`` (the HQ dashboard's figures)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors

from integrity_desktop import iran_map
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, percent_text, to_persian_digits
from integrity_desktop.excel.workbook import Col, RtlWorkbook
from integrity_desktop.indicators import display_code, format_value, target_text_fa
from integrity_desktop.jalali import Period
from integrity_desktop.pdf.document import NOTHING_TO_SHOW, Cell, Column, ReportDocument
from integrity_desktop.permissions import Actor
from integrity_desktop.reports.figure_cells import value_kind
from integrity_desktop.reports.map_drawing import MapFlowable
from integrity_desktop.reports.registry import ReportParams, ReportSpec
from integrity_desktop.services.figures import national
from integrity_desktop.services.figures.national import NationalFigure, NationalPicture, ProvinceRow
from integrity_desktop.sync import hq_console

TITLE = "گزارش ملی برنامهٔ سلامت اداری"


def _fa(n: int | None) -> str:
    return "—" if n is None else format_number(n)


def _pct(value: float | None) -> str:
    return percent_text(value) if value is not None else "—"


def picture_for(store: Store, actor: Actor, params: ReportParams) -> NationalPicture:
    code = params.period or hq_console.latest_period(store) or Period.parse("1403").code
    return national.picture(store, actor, code)


def summary_pairs(pic: NationalPicture) -> list[tuple[str, str]]:
    received = sum(1 for p in pic.provinces if p.received)
    return [
        ("دوره", pic.period.label_fa),
        ("بستهٔ رسیده", f"{_fa(received)} استان از {_fa(len(pic.provinces))}"),
        ("درصد تکمیل کشور", _pct(pic.completion)),
        ("هدف‌های محقق‌شده", f"{_fa(pic.met)} از {_fa(pic.with_target)} شاخص هدف‌دار"),
        ("استان‌های دیرکرد", f"{_fa(len(pic.late))} (بی‌بسته یا بستهٔ کهنه‌تر از "
                             f"{to_persian_digits(str(national.LATE_DAYS))} روز)"),
        ("اقدام اصلاحی سررسیدگذشته", _fa(sum(p.overdue_actions for p in pic.provinces))),
        ("پروندهٔ سررسیدگذشته", _fa(sum(p.overdue_cases for p in pic.provinces))),
    ]


def _figure_cell(f: NationalFigure, value: float | None) -> str:
    return format_value(f.definition, value) or "—"


def _table_page(
    doc: ReportDocument, heading: str, columns: list[Column], rows: Iterable[Sequence[Any]], *,
    font_size: float, empty_text: str = NOTHING_TO_SHOW,
) -> None:
    """A new page of the report: ``heading`` over one table (the heading becomes the table's
    title row, repeated on every page the table runs on)."""
    doc.page_break()
    doc.heading(heading)
    doc.table(columns, rows, font_size=font_size, empty_text=empty_text)


def _province_table(doc: ReportDocument, pic: NationalPicture, figures: list[NationalFigure], heading: str) -> None:
    """On a page of its own, province × figures with the national row last (only provinces
    heard from); no page when the period has none of these figures."""
    if not figures:
        return
    doc.page_break()
    doc.heading(heading)
    columns = [Column("استان", 1.6)] + [Column(display_code(f.code), 0.8, "center") for f in figures]
    rows: list[list[Any]] = []
    for p in pic.provinces:
        if not p.received:
            continue
        rows.append([p.province_fa] + [_figure_cell(f, (f.province(p.office_code) or _none).value) for f in figures])
    rows.append([Cell("کشور", bold=True)] + [Cell(_figure_cell(f, f.value), bold=True) for f in figures])
    doc.table(columns, rows, font_size=7)
    doc.paragraph("؛ ".join(f"{display_code(f.code)}: {f.title} ({f.method_fa})" for f in figures), size=7)


_none = national.ProvinceFigure("", "", None, received=False)


def write_national(store: Store, actor: Actor, params: ReportParams, out: Path, fmt: str) -> None:
    pic = picture_for(store, actor, params)
    if fmt == "xlsx":
        _excel(pic, out)
        return
    doc = ReportDocument(TITLE, [("دوره", pic.period.label_fa)], landscape=True)
    doc.heading("خلاصه")
    doc.fields(summary_pairs(pic)[1:], per_row=3, size=9)
    doc.heading("درصد تکمیل چک‌لیست‌ها در استان‌ها", level=2)
    values = {p.office_code: p.completion for p in pic.provinces}
    scale = iran_map.scale_for(values, percent_text)
    labels = {code: percent_text(v) for code, v in values.items() if v is not None}
    doc.add(MapFlowable(values, scale, "درصد تکمیل", doc.width, 290, labels))
    _table_page(
        doc, "تکمیل و دستیابی در هر محور (کشور)",
        [Column("محور", 0.6, "center"), Column("عنوان", 4.0), Column("درصد تکمیل کشور", 1.1, "center"),
         Column("شاخص‌های هدف‌دار", 1.0, "center"), Column("محقق‌شده (کشور)", 1.0, "center"),
         Column("استان‌ها: محقق از دارای مقدار", 1.4, "center")],
        [[to_persian_digits(str(a.number)), a.title, _pct(a.completion), _fa(a.with_target), _fa(a.met),
          f"{_fa(a.province_met)} از {_fa(a.province_with_value)}" if a.with_target else "—"] for a in pic.axes],
        font_size=7.5, empty_text="در این دوره چک‌لیستی از استان‌ها دریافت نشده است.")
    doc.paragraph("درصد تکمیل کشور از همهٔ پاسخ‌های چک‌لیست‌های استان‌ها حساب شده است (جمع امتیازها ÷ "
                  "جمع پاسخ‌های شمرده‌شده)، نه میانگین درصد استان‌ها.", size=7.5)
    _table_page(
        doc, "رتبه‌بندی استان‌ها",
        [Column("رتبه", 0.5, "center"), Column("استان", 1.6), Column("درصد تکمیل", 0.9, "center"),
         Column("محقق از هدف‌دار", 1.0, "center"), Column("عمر آخرین بسته (روز)", 1.0, "center"),
         Column("وضعیت", 0.8, "center")],
        [_rank_row(p) for p in sorted(pic.provinces, key=lambda p: (p.rank is None, p.rank or 0))],
        font_size=7.5)
    targeted = [f for f in pic.figures if f.source == "computed" or f.definition.target is not None]
    _table_page(
        doc, "شاخص‌های محاسبه‌شده و هدف‌دار در کشور",
        [Column("کد", 0.7, "center"), Column("شاخص", 3.6), Column("رقم کشور", 1.0, "center"),
         Column("هدف", 1.0, "center"), Column("دستیابی", 1.3, "center"), Column("روش", 2.0),
         Column("استان‌ها", 0.6, "center")],
        [[display_code(f.code), f.title, f.value_fa or "—", target_text_fa(f.definition) or "—",
          f.achievement.label_fa(f.definition) if f.definition.target is not None else "—", f.method_fa,
          _fa(f.national.reporting)] for f in targeted],
        font_size=7)
    rows: list[list[Any]] = [
        [p.province_fa, _fa(p.overdue_actions), _fa(p.open_actions), _fa(p.overdue_cases), _fa(p.open_cases)]
        for p in pic.provinces if p.received]
    rows.append([Cell("کشور", bold=True)] + [Cell(_fa(sum(getattr(p, k) for p in pic.provinces)), bold=True)
                                              for k in ("overdue_actions", "open_actions", "overdue_cases", "open_cases")])
    _table_page(
        doc, "اقدام‌های اصلاحی و پرونده‌های سررسیدگذشته",
        [Column("استان", 1.6), Column("اقدام سررسیدگذشته", 1.0, "center"), Column("اقدام باز", 1.0, "center"),
         Column("پروندهٔ سررسیدگذشته", 1.0, "center"), Column("پروندهٔ باز", 1.0, "center")],
        rows, font_size=7.5)
    _province_table(doc, pic, pic.case_figures, "آمار پرونده‌های تخلف اداری (۶/۱ تا ۶/۱۱) در استان‌ها و کشور")
    _province_table(doc, pic, pic.inspection_figures, "شاخص‌های بازرسی (۱/۴، ۱/۶، ۲۲/۱ تا ۲۲/۴) در استان‌ها و کشور")
    doc.build(out)


def _rank_row(p: ProvinceRow) -> list[Any]:
    share = f"{_fa(p.met)} از {_fa(p.with_target)}" if p.with_target else "—"
    state = Cell("دیرکرد", bold=True, color=colors.HexColor("#b00020")) if p.late else "به‌موقع"
    return [_fa(p.rank), p.province_fa, _pct(p.completion), share, _fa(p.age_days), state]


def _excel(pic: NationalPicture, out: Path) -> None:
    book = RtlWorkbook(TITLE, [("دوره", pic.period.label_fa)])
    sheet = book.add_sheet("خلاصه", [Col("موضوع", 50, "text"), Col("مقدار", 20, "text")])
    for key, value in summary_pairs(pic):
        sheet.append([key, value])
    sheet = book.add_sheet("محورها", [
        Col("محور", 8, "count"), Col("عنوان", 50, "wrap"), Col("درصد تکمیل کشور", 14, "percent"),
        Col("شاخص‌های هدف‌دار", 12, "count"), Col("محقق‌شده (کشور)", 12, "count"),
        Col("استان‌ها: محقق", 12, "count"), Col("استان‌ها: دارای مقدار", 12, "count")])
    for a in pic.axes:
        sheet.append([a.number, a.title, a.completion, a.with_target, a.met, a.province_met, a.province_with_value])
    sheet = book.add_sheet("رتبه‌بندی", [
        Col("رتبه", 8, "count"), Col("استان", 24, "text"), Col("درصد تکمیل", 12, "percent"),
        Col("محقق", 10, "count"), Col("هدف‌دار", 10, "count"), Col("عمر آخرین بسته (روز)", 12, "count"),
        Col("وضعیت", 10, "text"), Col("اقدام سررسیدگذشته", 12, "count"), Col("اقدام باز", 10, "count"),
        Col("پروندهٔ سررسیدگذشته", 12, "count"), Col("پروندهٔ باز", 10, "count")])
    for p in sorted(pic.provinces, key=lambda p: (p.rank is None, p.rank or 0)):
        sheet.append([p.rank, p.province_fa, p.completion, p.met, p.with_target, p.age_days,
                      "دیرکرد" if p.late else "به‌موقع", p.overdue_actions, p.open_actions,
                      p.overdue_cases, p.open_cases])
    sheet = book.add_sheet("شاخص‌ها در کشور", [
        Col("کد شاخص", 10, "id"), Col("شاخص", 50, "wrap"), Col("رقم کشور", 12, "number"),
        Col("توزیع وضعیت", 30, "text"), Col("هدف", 16, "text"), Col("دستیابی", 22, "text"),
        Col("روش", 30, "text"), Col("استان‌ها", 10, "count"), Col("منبع", 12, "text")])
    for f in pic.figures:
        sheet.append([display_code(f.code), f.title, sheet.cell(f.value, value_kind(f.definition)),
                      national.distribution_text(f.national.distribution), target_text_fa(f.definition),
                      f.achievement.label_fa(f.definition) if f.definition.target is not None else "",
                      f.method_fa, f.national.reporting, "محاسبه‌شده" if f.source == "computed" else "ثبت‌شده"])
    sheet = book.add_sheet("شاخص‌ها در استان‌ها", [
        Col("استان", 24, "text"), Col("کد شاخص", 10, "id"), Col("مقدار", 12, "number"), Col("وضعیت", 14, "text")])
    for p in pic.provinces:
        if not p.received:
            continue
        for f in pic.figures:
            mine = f.province(p.office_code)
            if mine is None or (mine.value is None and mine.status is None):
                continue
            status = national.STATUS_LABELS_FA.get(mine.status, "") if mine.status is not None else ""
            sheet.append([p.province_fa, display_code(f.code), sheet.cell(mine.value, value_kind(f.definition)), status])
    for title, figures in (("پرونده‌ها ۶-۱ تا ۶-۱۱", pic.case_figures), ("شاخص‌های بازرسی", pic.inspection_figures)):
        sheet = book.add_sheet(title, [Col("استان", 24, "text")] + [
            Col(display_code(f.code), 10, "percent" if f.definition.kind == "percent" else "count") for f in figures])
        for p in pic.provinces:
            if p.received:
                sheet.append([p.province_fa] + [(f.province(p.office_code) or _none).value for f in figures])
        sheet.append(["کشور"] + [f.value for f in figures])
    book.save(out)


REPORTS = [
    ReportSpec("national", TITLE, ("pdf", "xlsx"), write_national),
]

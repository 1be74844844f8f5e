"""Checklists on paper: a blank form for a visit, and a filled checklist with its evidence list.

Both are grouped by axis, carry each indicator's legal basis, unit and target, and use the
app's one page layout (``ReportDocument``: A4, right to left, header with office/unit/period,
«صفحه ۱ از ۹»).  A filled checklist prints computed figures as the records give them now (or
as approved, with the change since), and each target's achievement.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from sqlalchemy import select

from integrity_desktop.db.models import Evidence, Office, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, percent_text, to_persian_digits
from integrity_desktop.indicators import (
    NO_TARGET,
    Definition,
    achievement,
    definition_text_fa,
    display_code,
    due,
    value_text_fa,
)
from integrity_desktop.jalali import Period
from integrity_desktop.pdf.document import Cell, CheckBox, Column, ReportDocument, WriteHere
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring, templates
from integrity_desktop.services.checklists.entry_rules import STATUS_LABELS_FA
from integrity_desktop.services.checklists.filled import ENTRY_OWNER, EntryView

WHOLE_DIRECTORATE_FA = "کل اداره"
SIGNATURES = ("تکمیل‌کننده", "ناظر ارشد سلامت اداری", "مدیرکل")
STATUS_FILL = {
    "done": colors.HexColor("#dcefdc"),
    "partial": colors.HexColor("#fbefd0"),
    "not_done": colors.HexColor("#f6d9d9"),
    "na": colors.HexColor("#e6e6e6"),
}
BLANK_OPTIONS = ("done", "partial", "not_done", "na")
_SHORT = {"done": "انجام شد", "partial": "تا حدی", "not_done": "انجام نشد", "na": "موضوعیت ندارد"}


def _office_name(store: Store, code: str) -> str:
    with store.read() as s:
        return s.scalar(select(Office.name_fa).where(Office.code == code)) or code


def _person(store: Store, login: str | None) -> str:
    """Who approved, by name and post (services.accounts.people), never the login."""
    if not login:
        return "—"
    from integrity_desktop.services.accounts import people

    with store.read() as s:
        return people.display_name(s, login, store.office_code)


def _indicator_text(
    title: str, legal_basis: str, subtasks: tuple[str, ...], done: tuple[int, ...] | None = None,
    definition: Definition | None = None, asked: bool = True, formula: str = "",
) -> str:
    """Title, sub-tasks (marked done/left when ``done`` is given), the legal basis and how the
    indicator is measured (kind, unit, frequency, target)."""
    lines = [title]
    for i, task in enumerate(subtasks):
        if done is None:
            lines.append(f"– {task}")
        else:
            lines.append(f"{'انجام‌شده' if i in done else 'مانده'}: {task}")
    if legal_basis:
        lines.append(f"مبنای قانونی: {legal_basis}")
    if definition is not None:
        lines.append(f"سنجه: {definition_text_fa(definition)}")
    if formula:
        lines.append(f"محاسبه از روی سوابق: {formula}")
    if not asked:
        lines.append("در این دوره پرسیده نمی‌شود؛ پاسخ پیشین نگه داشته شده و در درصد تکمیل شمرده نمی‌شود.")
    return "\n".join(lines)


def blank_form(
    store: Store, actor: Actor, template_id: str, out: str | os.PathLike[str], *,
    unit_id: str | None = None, period_code: str | None = None,
) -> Path:
    """A paper form for a visit: boxes to tick per status, lines to write, signature boxes."""
    require(actor, "checklists.view")
    view = templates.get_template(store, actor, template_id)
    unit_name = "........................"
    if unit_id is not None:
        with store.read() as s:
            unit = s.get(Unit, unit_id)
            unit_name = unit.name_fa if unit is not None else unit_name
    period = Period.parse(period_code).label_fa if period_code else "........................"
    doc = ReportDocument(
        f"فرم چک‌لیست: {view.summary.title_fa}",
        [("اداره", _office_name(store, actor.office_code)), ("واحد", unit_name), ("دوره", period),
         ("نسخهٔ الگو", view.summary.version)],
    )
    doc.paragraph(
        "برای هر شاخص یکی از خانه‌های وضعیت را علامت بزنید؛ در ستون «مقدار / درصد» برای شاخص‌های "
        "شمارشی عدد و برای کارهای نیمه‌تمام درصد پیشرفت را بنویسید.", size=9,
    )
    columns = [Column("کد", 0.55, "center"), Column("شاخص و مبنای قانونی", 4.2)]
    columns += [Column(_SHORT[s], 0.9 if s == "na" else 0.62, "center") for s in BLANK_OPTIONS]
    columns += [Column("مقدار / درصد", 0.9), Column("توضیحات", 2.0)]
    asked_period = Period.parse(period_code) if period_code else None
    for section in view.sections:
        items = [i for i in section.items if asked_period is None or due(i.definition.frequency, asked_period)]
        if not items:
            continue
        doc.heading(f"محور {to_persian_digits(str(section.number))}: {section.title_fa}", level=2)
        rows = []
        for item in items:
            text = _indicator_text(item.title_fa, item.legal_basis, item.subtasks, definition=item.definition)
            rows.append([display_code(item.code), text, *[CheckBox() for _ in BLANK_OPTIONS],
                         WriteHere(1), WriteHere(2)])
        doc.table(columns, rows, font_size=8.5, zebra=False)
    doc.signatures(list(SIGNATURES))
    return doc.build(out)


def _status_cell(entry: EntryView) -> Cell:
    return Cell(STATUS_LABELS_FA[entry.status], align="center", background=STATUS_FILL.get(entry.status))


def _value_text(entry: EntryView) -> str:
    """The value with its unit, marked computed, its achievement, and any change since approval."""
    d = entry.definition
    if not d.takes_value:
        return ""
    lines = [value_text_fa(d, entry.value) or "—"]
    if entry.computed:
        lines.append("(محاسبه‌شده، تأییدشده)" if entry.frozen else "(محاسبه‌شده)")
    if entry.changed_since_approval:
        lines.append(entry.changed_since_approval_fa)
    result = achievement(d, entry.value)
    if result.state != NO_TARGET:
        lines.append(result.label_fa(d))
    return "\n".join(lines)


def filled(store: Store, actor: Actor, checklist_id: str, out: str | os.PathLike[str]) -> Path:
    """A filled checklist: status, progress, value (computed ones marked), note, evidence."""
    require(actor, "checklists.view")
    view = checklists.get_checklist(store, actor, checklist_id)
    summary = view.summary
    axes = {a.number: a for a in scoring.checklist_axes(store, actor, checklist_id)}
    doc = ReportDocument(
        f"چک‌لیست: {summary.template_title}",
        [("اداره", _office_name(store, summary.office_code)),
         ("واحد", summary.unit_name if summary.unit_id else WHOLE_DIRECTORATE_FA),
         ("دوره", summary.period_label), ("وضعیت", summary.status_label)],
    )
    completion = percent_text(summary.completion)
    asked = [e for e in view.entries if e.asked]
    counts = {code: sum(1 for e in asked if e.status == code) for code in STATUS_LABELS_FA}
    doc.fields([
        ("درصد تکمیل", completion), ("شاخص‌های این دوره", len(asked)),
        ("انجام شد", counts["done"]), ("تا حدی انجام شد", counts["partial"]),
        ("انجام نشد", counts["not_done"]), ("بی‌پاسخ", counts[""]),
        ("موضوعیت ندارد", counts["na"]), ("تأییدکننده", _person(store, summary.approved_by)),
    ])
    # «مقدار و دستیابی» is wide enough for «(محاسبه‌شده)» on one line at 8.5 pt; «کد» for «اصلاح ۶/۱»
    columns = [Column("کد", 0.65, "center"), Column("شاخص و مبنای قانونی", 3.6),
               Column("وضعیت", 1.0, "center"), Column("پیشرفت", 0.8, "center"),
               Column("مقدار و دستیابی", 1.3, "center"), Column("یادداشت", 1.85), Column("پیوست", 0.7, "center")]
    by_axis: dict[int, list[EntryView]] = {}
    for entry in view.entries:
        by_axis.setdefault(entry.axis_number, []).append(entry)
    for number, entries in by_axis.items():
        score = axes.get(number)
        rate = "" if score is None or score.completion is None else \
            f" (تکمیل {percent_text(score.completion)})"
        doc.heading(f"محور {to_persian_digits(str(number))}: {entries[0].axis_title}{rate}", level=2)
        rows = []
        for e in entries:
            text = _indicator_text(e.title, e.legal_basis, e.subtasks, e.subtasks_done, e.definition, e.asked,
                                   e.formula_fa)
            progress = "" if e.progress is None else percent_text(e.progress)
            rows.append([e.code_fa, text, _status_cell(e), progress, _value_text(e), e.note,
                         format_number(e.evidence_count) if e.evidence_count else ""])
        doc.table(columns, rows, font_size=8.5)
    _evidence_list(store, doc, view.entries)
    doc.paragraph(scoring.SCORE_HELP_FA, size=8)
    doc.signatures(list(SIGNATURES))
    return doc.build(out)


def _evidence_list(store: Store, doc: ReportDocument, entries: tuple[EntryView, ...]) -> None:
    codes = {e.id: e.code_fa for e in entries if e.evidence_count}
    if not codes:
        return
    with store.read() as s:
        rows = s.scalars(select(Evidence).where(
            Evidence.owner_type == ENTRY_OWNER, Evidence.owner_id.in_(list(codes)),
            Evidence.deleted.is_(False),
        ).order_by(Evidence.updated_at)).all()
    order = {entry_id: i for i, entry_id in enumerate(codes)}
    rows = sorted(rows, key=lambda r: order[r.owner_id])
    doc.heading("فهرست پیوست‌ها", level=2)
    doc.table(
        [Column("کد شاخص", 0.8, "center"), Column("نام فایل", 3.0), Column("اندازه", 1.0, "center"),
         Column("تاریخ", 1.0, "center")],
        [[codes[r.owner_id], r.filename, f"{format_number(max(1, round(r.size / 1024)))} کیلوبایت",
          r.updated_at.date()] for r in rows],
        font_size=8.5,
    )

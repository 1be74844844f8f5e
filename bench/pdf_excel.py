"""Reports: a filled 138-indicator checklist as PDF against bare ReportLab drawing a table of
the same shape and text (no shaping, no bidi), and the case register as Excel against bare
openpyxl write-only (lxml installed) writing the same cells.  Both baselines run in the same
process and round as the report they are compared with.

Goals: the PDF under 1 s and at most 1.5 x bare ReportLab; the Excel at most 1.3 x bare
openpyxl; the Excel's peak memory flat in the row count (the child process's ``ru_maxrss`` at
half and at all the rows).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench import workload
from bench.common import Figure, Options, emit, median_time, peak_rss_mb, run_child


def _checklist_id(store: Path) -> str:
    """The checklist with the most indicators (138 in the three-year programme's template)."""
    from integrity_desktop.db import cipher
    from integrity_desktop.services.accounts.unlock import unlock

    unlock(str(store), "admin", workload.DEMO_PASSWORD)  # encrypted like any store since issue 18
    with cipher.connect(store) as con:
        (cid, _n) = con.execute(
            "SELECT checklist_id, count(*) FROM checklist_entries GROUP BY checklist_id "
            "ORDER BY count(*) DESC, checklist_id LIMIT 1"
        ).fetchone()
    return str(cid)


def bare_reportlab(out: Path, sections: list[tuple[str, list[list[str]]]]) -> None:
    """The same tables drawn with ReportLab alone: same font, columns, text and headings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from integrity_desktop.pdf.fonts import register_fonts

    register_fonts()
    style = ParagraphStyle("c", fontName="Vazirmatn", fontSize=8.5, leading=11)
    head = ParagraphStyle("h", fontName="Vazirmatn-Bold", fontSize=11, leading=14)
    weights = [0.8, 2.1, 0.8, 0.85, 1.0, 4.0, 0.55]
    width = A4[0] - 30 * mm
    widths = [width * w / sum(weights) for w in weights]
    story: list[Any] = []
    for title, rows in sections:
        story.append(Paragraph(title, head))
        data = [[Paragraph(text, style) for text in reversed(row)] for row in rows]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "#888888"),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def pdf_figures(store_path: Path, work: Path, repeats: int) -> list[Figure]:
    from integrity_desktop.permissions import Actor
    from integrity_desktop.reports import checklist_pdf
    from integrity_desktop.reports.checklist_pdf import _indicator_text
    from integrity_desktop.services.checklists import filled as checklists
    from integrity_desktop.services.checklists.entry_rules import STATUS_LABELS_FA

    store = workload.open_unlocked(store_path)
    actor = Actor("bench", "admin", store.office_code)
    cid = _checklist_id(store_path)
    out, bare_out = work / "checklist-bench.pdf", work / "checklist-bare.pdf"
    view = checklists.get_checklist(store, actor, cid)
    sections: dict[str, list[list[str]]] = {}
    for e in view.entries:
        sections.setdefault(e.axis_title, [["کد", "شاخص", "وضعیت", "پیشرفت", "مقدار", "یادداشت",
                                            "پیوست"]]).append(
            [e.item_code, _indicator_text(e.title, e.legal_basis, e.subtasks, e.subtasks_done),
             STATUS_LABELS_FA[e.status], str(e.progress or ""), str(e.value or ""), e.note or "",
             str(e.evidence_count or "")])
    cold_start = time.perf_counter()
    checklist_pdf.filled(store, actor, cid, out)  # first build: fonts and caches warm up
    cold = time.perf_counter() - cold_start
    bare_reportlab(bare_out, list(sections.items()))
    t_app, t_bare = [], []
    for _ in range(repeats):  # alternated, so both see the same load
        t_app.append(median_time(lambda: checklist_pdf.filled(store, actor, cid, out), 1)[0])
        t_bare.append(median_time(lambda: bare_reportlab(bare_out, list(sections.items())), 1)[0])
    store.dispose()
    app, bare = statistics.median(t_app), statistics.median(t_bare)
    note = f"{len(view.entries)} indicators, median of {repeats}; first build {cold:.2f}s"
    return [
        Figure("pdf", "filled checklist", app, "s", "< 1 s", app < 1.0, note=note),
        Figure("pdf", "filled checklist vs bare ReportLab", app, "s", "<= 1.5 x bare",
               app <= 1.5 * bare, baseline=bare, ratio=app / bare),
    ]


def excel_child(argv: list[str]) -> None:
    """``--child STORE OUT MODE``: the register report of every case (``app``) or bare openpyxl
    writing the same cells (``bare``); prints seconds and peak memory."""
    store_path, out, mode = Path(argv[0]), Path(argv[1]), argv[2]
    from integrity_desktop.permissions import Actor
    from integrity_desktop.reports import case_reports
    from integrity_desktop.reports.registry import ReportParams
    from integrity_desktop.services.accounts.unlock import unlock
    from integrity_desktop.services.demo.content import DEMO_PASSWORD
    from integrity_desktop.services.store.opening import open_initialised

    unlock(str(store_path), "admin", DEMO_PASSWORD)  # a demo store, encrypted like any other
    store = open_initialised(str(store_path))
    actor = Actor("bench", "case_officer", store.office_code)
    if mode == "app":
        start = time.perf_counter()
        case_reports.write_register(store, actor, ReportParams(), out, "xlsx")
        seconds = time.perf_counter() - start
    else:
        from openpyxl import Workbook

        from integrity_desktop.excel.workbook import excel_value

        # Exactly the report's cell values (Jalali text for dates, Persian digits, violation
        # titles), made by the report's own row function before timing.
        rows = [[excel_value(v) for v in row]
                for row in case_reports.register_rows(store, actor, ReportParams())]
        start = time.perf_counter()
        book = Workbook(write_only=True)
        sheet = book.create_sheet("دفتر پرونده‌ها")
        sheet.append(case_reports.REGISTER_HEADERS)
        for row in rows:
            sheet.append(row)
        book.save(out)
        seconds = time.perf_counter() - start
    store.dispose()
    emit({"seconds": seconds, "peak_mb": peak_rss_mb()})


def excel_figures(work: Path, n: int, repeats: int) -> list[Figure]:
    out = work / "register-bench.xlsx"
    full, half_store = workload.cases_store(n, work), workload.cases_store(n // 2, work)

    def child(store: Path, mode: str, target: Path = out) -> dict[str, Any]:
        return run_child(["-m", "bench.pdf_excel", "--child", str(store), str(target), mode])

    app_runs, bare_runs = [], []
    for _ in range(repeats):  # alternated, so both see the same load
        bare_runs.append(child(full, "bare", work / "register-bare.xlsx"))
        app_runs.append(child(full, "app"))
    half = child(half_store, "app", work / "register-bench-half.xlsx")
    app = statistics.median(r["seconds"] for r in app_runs)
    bare = statistics.median(r["seconds"] for r in bare_runs)
    mem_all = max(r["peak_mb"] for r in app_runs)
    growth = mem_all / half["peak_mb"]
    return [
        Figure("excel", f"case register, {n} rows", app, "s", "<= 1.3 x bare openpyxl",
               app <= 1.3 * bare, baseline=bare, ratio=app / bare,
               note=f"median of {repeats}; the app's time includes reading the cases, "
                    "the baseline's does not"),
        Figure("excel", f"peak memory {n // 2} -> {n} rows", mem_all, "MB", "flat (<= 1.1 x)",
               growth <= 1.1, baseline=half["peak_mb"], ratio=growth),
    ]


def pdf_run(opts: Options) -> list[Figure]:
    province = workload.province_store(workload.province_codes(1)[0], opts.scale or 1, opts.work)
    return pdf_figures(province, opts.work, 3 if opts.quick else opts.repeats)


def excel_run(opts: Options) -> list[Figure]:
    n = 2_000 if opts.quick else 100_000
    return excel_figures(opts.work, n, 2 if opts.quick else min(opts.repeats, 3))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        excel_child(sys.argv[2:])

"""Statistics of the case register: indicators 6/1–6/11 of a period, open cases by state and age.

Everything is computed by ``services.cases.stats`` off the GUI thread (the register may hold
100,000 cases); exports go through ``reports.case_reports`` the same way.  Counts only: no
names here, whatever the role.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.filenames import dated_name
from integrity_desktop.services.cases import stats as case_stats
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import error_text, show_info
from integrity_desktop.ui.widgets.panels import panel, split


def _item(text: str, centre: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if centre:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    return table


class CaseStatsPanel(QWidget):
    """Period pickers, the two tables and the export buttons (6/1–6/11 reach the checklist by
    themselves: the checklist computes them from the register whenever it is shown)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats: case_stats.CaseStatistics | None = None
        self.open_rows: list[case_stats.OpenCasesRow] = []
        self._generation = 0
        self.loading = False
        self.last_export: Path | None = None
        this_year = jalali.jalali_year(jalali.today())
        self.year = choice_combo(name="stats_year")
        for y in range(this_year, this_year - 8, -1):
            self.year.addItem(shown_number(str(y)), y)
        self.period = choice_combo(name="stats_period")
        self.period.addItem(self.tr("Whole year"), "")
        kinds: tuple[tuple[Literal["half", "quarter"], int, str], ...] = (("half", 2, "H"), ("quarter", 4, "Q"))
        for kind, parts, prefix in kinds:
            for n in range(1, parts + 1):  # «نیمهٔ اول», «سه‌ماههٔ دوم»: the year is chosen beside
                label = jalali.Period(this_year, kind, n).label_fa
                self.period.addItem(label.replace(shown_number(str(this_year)), "").strip(), f"{prefix}{n}")
        for n in range(1, 13):
            self.period.addItem(jalali.month_name(n), f"M{n:02d}")
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pdf_button = push_button(self.tr("Export PDF…"), tip=self.tr("Save these statistics as a PDF"),
                                      on_click=lambda: self.export("pdf"))
        self.xlsx_button = push_button(self.tr("Export Excel…"),
                                       tip=self.tr("Save these statistics as an Excel workbook"),
                                       on_click=lambda: self.export("xlsx"))
        bar = button_row(QLabel(self.tr("Year:")), self.year, QLabel(self.tr("Period:")), self.period,
                         end=(self.pdf_button, self.xlsx_button))
        self.status = text_label("stats_status")

        self.indicators = _table([self.tr("Code"), self.tr("Indicator"), self.tr("Value")])
        self.indicators.setObjectName("indicators")
        h = self.indicators.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        ages = [label for _k, label, _d in case_stats.AGE_BUCKETS]
        self.open_table = _table([self.tr("State"), *ages, self.tr("Total"), self.tr("Overdue")])
        self.open_table.setObjectName("open_cases")
        h = self.open_table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        open_title = QLabel(self.tr("Open cases by state and age since the report"))
        open_title.setStyleSheet("font-weight: bold")
        self.indicators_title = QLabel()
        self.indicators_title.setStyleSheet("font-weight: bold")
        splitter = split(Qt.Orientation.Vertical, panel(self.indicators_title, self.indicators),
                         panel(open_title, self.open_table), sizes=(380, 320))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def period_code(self) -> str:
        year = int(self.year.currentData())
        part = str(self.period.currentData() or "")
        return f"{year}-{part}" if part else str(year)

    # ------------------------------------------------------------------ computing
    def refresh(self, wait: bool = False) -> None:
        """Compute the period's figures off the GUI thread; ``wait`` computes here (screenshots)."""
        store, actor, code = self.ctx.store, self.ctx.actor, self.period_code()

        def work(_report: object) -> tuple[case_stats.CaseStatistics, list[case_stats.OpenCasesRow]]:
            return (
                case_stats.compute(store, actor, code),
                case_stats.open_cases_by_state_and_age(store, actor),
            )

        self._generation += 1
        generation = self._generation
        self.loading = True
        self.status.setText(self.tr("Computing…"))
        self.status.show()
        if wait:
            self._show(generation, work(None))
            return
        run_task(
            self,
            work,
            lambda result: self._show(generation, result),
            lambda exc: self._failed(generation, exc),
            modal_progress=False,
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self.loading = False
            self.status.setText(error_text(exc, self.ctx.lang))

    def _show(
        self, generation: int, result: tuple[case_stats.CaseStatistics, list[case_stats.OpenCasesRow]]
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # closed, or a newer period was chosen meanwhile
        self.stats, self.open_rows = result
        self.loading = False
        self.status.setText("")
        self.status.hide()
        titles = case_stats.indicator_titles()
        self.indicators_title.setText(
            self.tr("Indicators 6/1–6/11 of {period}").format(period=self.stats.period_label)
        )
        values = list(self.stats.values.items())
        self.indicators.setRowCount(len(values))
        for i, (code, value) in enumerate(values):
            self.indicators.setItem(i, 0, _item(shown_number(code), True))
            self.indicators.setItem(i, 1, _item(titles.get(code, "")))
            self.indicators.setItem(i, 2, _item(shown_number(value), True))
        self.indicators.resizeRowsToContents()
        keys = [k for k, _l, _d in case_stats.AGE_BUCKETS]
        self.open_table.setRowCount(len(self.open_rows) + 1)
        totals = [0] * (len(keys) + 2)
        for i, row in enumerate(self.open_rows):
            cells = [row.by_age[k] for k in keys] + [row.total, row.overdue]
            self.open_table.setItem(i, 0, _item(row.state_label))
            for j, n in enumerate(cells):
                item = _item(shown_number(n), True)
                if j == len(cells) - 1 and n:
                    item.setForeground(QColor(palette.ERROR))
                self.open_table.setItem(i, j + 1, item)
                totals[j] += n
        last = len(self.open_rows)
        total_item = _item(self.tr("All open cases"))
        font = total_item.font()
        font.setBold(True)
        total_item.setFont(font)
        self.open_table.setItem(last, 0, total_item)
        for j, n in enumerate(totals):
            item = _item(shown_number(n), True)
            item.setFont(font)
            self.open_table.setItem(last, j + 1, item)

    # ------------------------------------------------------------------ actions
    def export(self, fmt: str, out: Path | None = None) -> None:
        """The statistics report of the period as PDF or Excel, written off the GUI thread."""
        code = self.period_code()
        if out is None:
            filters = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the statistics"), dated_name(f"case-statistics-{code}", fmt), filters[fmt]
            )
            if not name:
                return
            out = Path(name)
            if out.suffix.lower() != f".{fmt}":
                out = out.with_suffix(f".{fmt}")
        from integrity_desktop.reports import case_reports
        from integrity_desktop.reports.registry import ReportParams

        store, actor, target = self.ctx.store, self.ctx.actor, out

        def work(_report: object) -> Path:
            case_reports.write_statistics(store, actor, ReportParams(period=code), target, fmt)
            return target

        def done(path: Path) -> None:
            self.last_export = path
            show_info(self, self.tr("Statistics"), self.tr("Saved: {path}").format(path=isolate(path)))

        run_task(self, work, done, title=self.tr("Writing the statistics…"))

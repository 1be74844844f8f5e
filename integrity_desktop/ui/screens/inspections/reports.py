"""The inspections screen's reports tab: the inspection reports of the report registry, each for
the periods it is drawn up for, written off the GUI thread (``reports.registry.run_report``)."""

from __future__ import annotations

import datetime as _dt
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.errors import UserError
from integrity_desktop.filenames import dated_name
from integrity_desktop.services.inspections import inspectors
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.inspections.common import make_button, period_choices
from integrity_desktop.ui.screens.inspections.dialogs import select_data
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.messages import error_text, show_exception

REPORTS_MODULE = "integrity_desktop.reports.inspection_reports"
ALL_KINDS: tuple[str, ...] = ("month", "quarter", "half", "year")
# The period each report is drawn up for; others accept any period.
REPORT_PERIOD_KINDS: dict[str, tuple[str, ...]] = {
    "inspector-monthly": ("month",),
    "inspections-semiannual": ("half",),
    "inspector-evaluation": ("year",),
}


def month_choices(today: _dt.date, since_year: int | None = None) -> list[tuple[str, str]]:
    """(label, code) of the months from ``since_year`` (default: last year) to now, newest first."""
    month = jalali.period_containing(today, "month")
    first = min(since_year or month.year - 1, month.year - 1)
    out = []
    while month.year >= first:
        out.append((month.label_fa, month.code))
        month = month.previous()
    return out


class InspectionReportsTab(QWidget):
    """The report list, its period, inspector and unit, and the PDF and Excel buttons.

    ``last_report`` is the path of the last report written.
    """

    def __init__(
        self, ctx: UiContext, today: _dt.date, plan_years: Iterable[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.plan_years = set(plan_years)
        self.last_report: Path | None = None
        self.report_list = QListWidget()
        self.report_list.setObjectName("report_list")
        self.report_list.setMaximumHeight(160)
        self.report_period = choice_combo(name="report_period")
        self.report_inspector = choice_combo(name="report_inspector")
        self.report_unit = unit_combo(self.ctx, optional=True, none_text=self.tr("Whole office"))
        self.report_hint = QLabel()
        self.report_hint.setWordWrap(True)
        self.report_error = error_line()
        self.pdf_button = make_button(
            self.tr("Preview PDF…"), "report_pdf", lambda: self.run_selected_report("pdf"),
            tip=self.tr("Show the chosen report as a PDF, ready to print"),
        )
        self.xlsx_button = make_button(
            self.tr("Save as Excel…"), "report_xlsx", lambda: self.run_selected_report("xlsx"),
            tip=self.tr("Save the chosen report as an Excel workbook"),
        )
        self.report_list.currentRowChanged.connect(lambda _r: self._report_chosen())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Report:"), self.report_list)
        form.addRow(self.tr("Period:"), self.report_period)
        form.addRow(self.tr("Inspector:"), self.report_inspector)
        form.addRow(self.tr("Unit:"), self.report_unit)
        form.addRow(self.report_hint)
        form.addRow(button_row(self.pdf_button, self.xlsx_button))
        form.addRow(self.report_error)
        layout.addLayout(form)
        layout.addStretch(1)

    def _inspection_reports(self) -> list[Any]:
        from integrity_desktop.reports.registry import all_reports

        try:
            specs = all_reports().values()
        except ImportError:
            return []
        return [s for s in specs if getattr(s.writer, "__module__", "") == REPORTS_MODULE]

    def reload(self) -> None:
        keep = self.report_list.currentRow()
        self.report_list.clear()
        for spec in self._inspection_reports():
            item = QListWidgetItem(spec.title_fa)
            item.setData(Qt.ItemDataRole.UserRole, spec)
            self.report_list.addItem(item)
        current = self.report_inspector.currentData()
        self.report_inspector.clear()
        for info in inspectors.list_inspectors(self.ctx.store, self.ctx.actor, limit=1000):
            self.report_inspector.addItem(info.full_name, info.id)
        select_data(self.report_inspector, current)
        if self.report_list.count():
            self.report_list.setCurrentRow(max(keep, 0))
            self.report_hint.setText("")
        else:
            self.report_hint.setText(self.tr("The inspection reports are not installed yet."))
        self._report_chosen()

    def _report_chosen(self) -> None:
        item = self.report_list.currentItem()
        spec = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._fill_report_periods(REPORT_PERIOD_KINDS.get(spec.name, ALL_KINDS) if spec else ALL_KINDS)
        self.report_inspector.setEnabled(bool(spec and spec.needs_subject))
        self.pdf_button.setEnabled(bool(spec and "pdf" in spec.formats))
        self.xlsx_button.setEnabled(bool(spec and "xlsx" in spec.formats))
        self.report_error.setText("")

    def _fill_report_periods(self, kinds: tuple[str, ...]) -> None:
        """Periods of the kinds the report is made for (months for the monthly report, ...)."""
        previous = self.report_period.currentData()
        self.report_period.blockSignals(True)
        self.report_period.clear()
        choices: list[tuple[str, str]] = []
        if "month" in kinds:
            choices += month_choices(self.today, min(self.plan_years, default=None))
        choices += [
            (label, code)
            for label, code in period_choices(self.today, self.plan_years)
            if jalali.Period.parse(code).kind in kinds
        ]
        for label, code in choices:
            self.report_period.addItem(label, code)
        select_data(self.report_period, previous)
        self.report_period.blockSignals(False)

    def run_selected_report(self, fmt: str, out: Path | None = None) -> None:
        from integrity_desktop.reports.registry import ReportParams, run_report

        item = self.report_list.currentItem()
        if item is None:
            return
        spec = item.data(Qt.ItemDataRole.UserRole)
        if out is None:
            if fmt == "pdf":
                out = Path(tempfile.mkdtemp(prefix="integrity-report-")) / f"{spec.name}.pdf"
            else:
                name, _f = QFileDialog.getSaveFileName(
                    self, self.tr("Save report"), dated_name(spec.name, ".xlsx"), self.tr("Excel workbook (*.xlsx)")
                )
                if not name:
                    return
                out = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
        params = ReportParams(
            period=self.report_period.currentData(),
            unit=self.report_unit.currentData(),
            subject=self.report_inspector.currentData() if spec.needs_subject else None,
        )
        store, actor, target = self.ctx.store, self.ctx.actor, out
        self.report_error.setText("")

        def work(_report: Callable[[int, int, str], None]) -> Path:
            run_report(store, actor, spec.name, params, target)
            return target

        run_task(self, work, self._report_done, self._report_failed, title=self.tr("Writing the report…"))

    def _report_done(self, path: Path) -> None:
        self.last_report = path
        if path.suffix.lower() == ".pdf":
            # The preview is modal: open it after the task's callback has returned, so its
            # nested event loop does not run inside the finished job's signal.
            title = self.report_list.currentItem().text() if self.report_list.currentItem() else ""
            QTimer.singleShot(0, lambda: self._preview(path, title))
        else:
            self.report_hint.setText(self.tr("Saved: {path}").format(path=isolate(path)))

    def _preview(self, path: Path, title: str) -> None:
        from integrity_desktop.ui.widgets import pdf_preview

        pdf_preview.preview_pdf(self, path, title)

    def _report_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.report_error.setText(error_text(exc, self.ctx.lang))
        else:
            QTimer.singleShot(0, lambda: show_exception(self, exc))

"""Reports: every report in the registry, with a period, a unit or a subject where it needs one,
written as PDF or Excel off the GUI thread and opened when done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.filenames import dated_name
from integrity_desktop.reports.registry import ReportParams, all_reports
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.i18n import QT_TRANSLATE_NOOP
from integrity_desktop.ui.screens.sync.common import ltr
from integrity_desktop.ui.text import join_list, shown_number
from integrity_desktop.ui.widgets import report_export
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.panels import split
from integrity_desktop.ui.widgets.table_models import ListTableModel, plain_table

PERIOD_KINDS: list[tuple[str, str]] = [
    ("quarter", QT_TRANSLATE_NOOP("ReportsScreen", "Quarter")),
    ("half", QT_TRANSLATE_NOOP("ReportsScreen", "Half year")),
    ("month", QT_TRANSLATE_NOOP("ReportsScreen", "Month")),
    ("year", QT_TRANSLATE_NOOP("ReportsScreen", "Whole year")),
]
FORMAT_NAMES = {"pdf": "PDF", "xlsx": "Excel"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportsScreen", text)


class ReportsScreen(QWidget):
    """Pick a report on one side; its period, unit or subject and the format on the other."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reports")
        self.open_file = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.choose_path = self._choose_path  # replaced in tests
        self.specs: dict[str, Any] = {}
        self.list_model = ListTableModel(
            [
                (self.tr("Report"), lambda spec: spec.title_fa),
                (self.tr("Formats"), lambda spec: join_list(FORMAT_NAMES.get(f, f) for f in spec.formats)),
            ]
        )
        self.list_view = plain_table(self.list_model, "report_list")
        header = self.list_view.horizontalHeader()  # the title takes the width the list has
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._picked(cur.row()))

        self.title = text_label("report_title")
        self.year = choice_combo(name="year")
        this_year = jalali.jalali_year(jalali.today())
        for y in range(this_year, this_year - 8, -1):
            self.year.addItem(shown_number(str(y)), y)
        self.kind = choice_combo(name="kind")
        for kind, label in PERIOD_KINDS:
            self.kind.addItem(tr(label), kind)
        self.period = choice_combo(name="period")
        self.year.currentIndexChanged.connect(lambda _i: self._fill_periods())
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_periods())
        period_row = QHBoxLayout()
        period_row.addWidget(self.year)
        period_row.addWidget(self.kind)
        period_row.addWidget(self.period, 1)
        self.unit = unit_combo(ctx, optional=True, none_text=self.tr("The whole office"), name="unit")
        self.subject = text_field("subject")
        self.subject.setPlaceholderText(self.tr("the record's identifier"))
        ltr(self.subject)
        # The subject is picked by name (a case, checklist, template or inspector); the
        # identifier field stays hidden behind it for a subject the list does not hold.
        self.subject_pick = choice_combo(name="subject_pick")
        self.subject_pick.currentIndexChanged.connect(self._subject_picked)
        self.pdf = QRadioButton("PDF")
        self.pdf.setObjectName("format_pdf")
        self.xlsx = QRadioButton("Excel")
        self.xlsx.setObjectName("format_xlsx")
        self.formats = QButtonGroup(self)
        self.formats.addButton(self.pdf)
        self.formats.addButton(self.xlsx)
        self.pdf.setChecked(True)
        format_row = button_row(self.pdf, self.xlsx)
        self.run_button = push_button(self.tr("Make the report…"), name="run_report",
                                      tip=self.tr("Make the chosen report with these settings"),
                                      on_click=self.run)
        self.error = error_line("error")
        self.done = text_label("done", selectable=True)

        form_box = QWidget()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Period:"), period_row)
        self.form.addRow(self.tr("Unit:"), self.unit)
        subject_box = QVBoxLayout()
        subject_box.setContentsMargins(0, 0, 0, 0)
        subject_box.addWidget(self.subject_pick)
        subject_box.addWidget(self.subject)
        self.form.addRow(self.tr("Subject:"), subject_box)
        self.form.addRow(self.tr("Format:"), format_row)
        right = QVBoxLayout(form_box)
        right.addWidget(self.title)
        right.addLayout(self.form)
        buttons = button_row(self.run_button)
        right.addLayout(buttons)
        right.addWidget(self.error)
        right.addWidget(self.done)
        right.addStretch(1)
        splitter = split(Qt.Orientation.Horizontal, self.list_view, form_box, stretch=(2, 3))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.year.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self._fill_periods()
        current = jalali.period_containing(jalali.today(), "quarter").code
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self._set_enabled(None)

    # ----------------------------------------------------------------------- choices
    def _fill_periods(self) -> None:
        year, kind = self.year.currentData(), self.kind.currentData()
        if year is None or kind is None:
            return
        keep = self.period.currentIndex()
        self.period.clear()
        for p in jalali.periods_of_year(int(year), kind):
            self.period.addItem(p.label_fa, p.code)
        self.period.setCurrentIndex(max(0, min(keep, self.period.count() - 1)))

    def selected_spec(self) -> Any:
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        return self.list_model.row_at(index.row())

    def select_report(self, name: str) -> None:
        for i in range(self.list_model.rowCount()):
            if self.list_model.row_at(i).name == name:
                self.list_view.setCurrentIndex(self.list_model.index(i, 0))
                return

    def _picked(self, row: int) -> None:
        self.error.clear()
        self.done.clear()
        spec = self.list_model.row_at(row) if 0 <= row < self.list_model.rowCount() else None
        self._set_enabled(spec)

    def _set_enabled(self, spec: Any) -> None:
        if spec is None:
            self.title.setText(self.tr("Choose a report from the list."))
            for w in (
                self.year,
                self.kind,
                self.period,
                self.unit,
                self.subject,
                self.pdf,
                self.xlsx,
                self.run_button,
            ):
                w.setEnabled(False)
            return
        self.title.setText(f"<b>{spec.title_fa}</b>")
        for w in (self.year, self.kind, self.period):
            w.setEnabled(spec.needs_period)
        self.unit.setEnabled(True)
        self.subject.setEnabled(spec.needs_subject)
        self._fill_subjects(spec.name if spec.needs_subject else "")
        self.pdf.setEnabled("pdf" in spec.formats)
        self.xlsx.setEnabled("xlsx" in spec.formats)
        if not self.pdf.isEnabled():
            self.xlsx.setChecked(True)
        elif not self.xlsx.isEnabled():
            self.pdf.setChecked(True)
        self.run_button.setEnabled(True)

    def screenshot_states(self) -> list[tuple[str, QWidget]]:
        """A case file chosen: its subject picked from the list of cases."""
        self.select_report("case-file")
        return [("case-file", self.window())]

    def _subject_choices(self, name: str) -> list[tuple[str, str]]:
        """(what a person reads, the identifier the report takes) for the report's subject."""
        from integrity_desktop.errors import PermissionDenied
        from integrity_desktop.services.cases import register as cases
        from integrity_desktop.services.checklists import filled as checklists
        from integrity_desktop.services.checklists import templates
        from integrity_desktop.services.inspections import inspectors

        store, actor = self.ctx.store, self.ctx.actor
        try:
            if name == "case-file":
                return [(f"{shown_number(c.case_number)} — {c.employee_name} — {c.state_label}", c.id)
                        for c in cases.list_cases(store, actor, limit=500)]
            if name == "checklist":
                return [(f"{c.template_title} — {c.unit_name} — {c.period_label}", c.id)
                        for c in checklists.list_checklists(store, actor, limit=500)]
            if name == "blank-checklist":
                return [(f"{t.title_fa} ({shown_number(t.version)})", t.id)
                        for t in templates.list_templates(store, actor, include_drafts=False)]
            if name in ("inspector-monthly", "inspector-evaluation"):
                return [(i.full_name, i.id) for i in inspectors.list_inspectors(store, actor, limit=1000)]
        except PermissionDenied:
            return []
        return []

    def _fill_subjects(self, name: str) -> None:
        choices = self._subject_choices(name) if name else []
        self.subject_pick.blockSignals(True)
        self.subject_pick.clear()
        for label, value in choices:
            self.subject_pick.addItem(label, value)
        self.subject_pick.blockSignals(False)
        self.subject_pick.setVisible(bool(choices))
        self.subject_pick.setEnabled(bool(choices))
        self.subject.setVisible(not choices)
        self.subject.setText("")
        if choices:
            self._subject_picked(0)

    def _subject_picked(self, index: int) -> None:
        value = self.subject_pick.itemData(index) if index >= 0 else None
        if value:
            self.subject.setText(str(value))

    def params(self, spec: Any) -> ReportParams:
        return ReportParams(
            period=str(self.period.currentData()) if spec.needs_period else None,
            unit=self.unit.currentData(),
            subject=self.subject.text().strip() or None,
        )

    # ----------------------------------------------------------------------- running
    def _choose_path(self, default: Path, fmt: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(default),
                                              report_export.file_filter(fmt))
        return Path(path).with_suffix("." + fmt) if path else None

    def run(self) -> None:
        spec = self.selected_spec()
        if spec is None:
            return
        self.error.clear()
        self.done.clear()
        fmt = "xlsx" if self.xlsx.isChecked() else "pdf"
        params = self.params(spec)
        stem = "-".join(p for p in (spec.name, params.period) if p)
        out = self.choose_path(Path.home() / dated_name(stem, fmt), fmt)
        if out is None:
            return
        report_export.write_report(self, (self.run_button,), spec.name, params, out,
                                   self.tr("Making the report…"), self.done, self.error, self.open_file)

    def refresh(self) -> None:
        name = getattr(self.selected_spec(), "name", None)
        self.specs = all_reports()
        self.list_model.set_items(sorted(self.specs.values(), key=lambda s: s.title_fa))
        if name:
            self.select_report(name)
        elif self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.list_model.index(0, 0))

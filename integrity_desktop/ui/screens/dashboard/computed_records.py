"""The records behind a computed figure: its Persian formula and every record it counts (and,
for a rate, the ones it only divides by), read from ``services.figures.computed``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.errors import UserError
from integrity_desktop.services.checklists.filled import EntryView
from integrity_desktop.services.figures import computed
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import error_text
from integrity_desktop.ui.widgets.table_models import Column, RowsModel


def records_model(rows: list[computed.RecordRow], rate: bool, parent: QObject | None = None) -> RowsModel:
    """``RecordRow`` values: kind, date, description and, for a rate, whether it is counted
    (the ones it only divides by are greyed)."""
    columns = [
        Column(QCoreApplication.translate("RecordsModel", "Record"), lambda r: r.kind_fa),
        Column(QCoreApplication.translate("RecordsModel", "Date"), lambda r: shown_date(r.day)),
        Column(QCoreApplication.translate("RecordsModel", "Description"), lambda r: r.text, 480),
    ]
    if rate:
        columns.append(Column(QCoreApplication.translate("RecordsModel", "Counted"),
                              lambda r: QCoreApplication.translate("RecordsModel", "yes") if r.counted
                              else QCoreApplication.translate("RecordsModel", "no")))
    model = RowsModel(columns, lambda r: None if r.counted or not rate else QColor(palette.QUIET_BG), None)
    model.setParent(parent)
    model.set_rows(rows)
    return model


class ComputedRecordsDialog(QDialog):
    """Attributes for tests: ``formula_label``, ``summary_label``, ``table``, ``model``."""

    def __init__(
        self, ctx: UiContext, entry: EntryView, period_code: str, office_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("computed_records")
        self.setWindowTitle(self.tr("Records behind indicator {code}").format(code=entry.code_fa))
        self.resize(900, 520)
        source = entry.computed_source or {}
        denominator = source.get("denominator")
        rate = denominator is not None
        try:
            rows = computed.records_behind(ctx.store, ctx.actor, period_code, entry.item_code,
                                           office_code=office_code, programme=entry.programme_code)
        except UserError as exc:
            rows = []
            self.error = error_text(exc, ctx.lang)
        else:
            self.error = ""
        title = QLabel(f"<b>{entry.code_fa} — {entry.title}</b>")
        title.setWordWrap(True)
        self.formula_label = text_label(
            "formula", self.tr("Formula: {formula}").format(formula=entry.formula_fa))
        counted = sum(1 for r in rows if r.counted)
        if rate:
            text = self.tr("{counted} of {total} records count; the figure now is {value}.").format(
                counted=shown_number(counted), total=shown_number(len(rows)),
                value=_value(entry.live_value, entry))
        else:
            text = self.tr("{total} records; the figure now is {value}.").format(
                total=shown_number(len(rows)), value=_value(entry.live_value, entry))
        if entry.frozen:
            text += " " + self.tr("The checklist was approved with {value}.").format(
                value=_value(entry.value, entry))
        self.summary_label = text_label("summary", self.error or text)
        self.model = records_model(rows, rate, self)
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (title, self.formula_label, self.summary_label):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def _value(value: float | None, entry: EntryView) -> str:
    from integrity_desktop.indicators import value_text_fa

    return shown_number(value_text_fa(entry.definition, value)) if value is not None else "—"

"""The list page of the checklists screen: filters, Persian search, the action buttons and the
table of checklists, fetched page by page.

The table is a ``QAbstractTableModel`` fed from ``checklists.list_checklists`` (offset/limit) and
``count_checklists`` through ``canFetchMore``/``fetchMore``.  Opening a checklist is the screen's
business: the page emits ``open_requested`` with the checklist's id.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from integrity_desktop import jalali
from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.jalali import Period
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import templates
from integrity_desktop.services.checklists.filled import CHECKLIST_STATUS_LABELS_FA, ChecklistSummary
from integrity_desktop.services.store import offices
from integrity_desktop.ui import text as ui_text
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.checklists.actions import (
    export_checklists,
    import_workbook,
    print_blank_form,
    print_filled_checklist,
)
from integrity_desktop.ui.screens.checklists.dialogs import NewChecklistDialog
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.messages import show_info
from integrity_desktop.ui.widgets.search import after_typing, search_field
from integrity_desktop.ui.widgets.table_models import KeyedModel, current_row, record_table

PAGE = 100
ALL = object()  # "no filter" in the filter combos

PERIOD_KINDS = ("year", "half", "quarter", "month")


def shown_percent(value: float | None) -> str:
    return ui_text.shown_percent(value)  # the one rounding rule (digits)


def recent_periods(years: int = 3) -> list[Period]:
    """Periods of the current Jalali year and the ones before, newest first (for filters)."""
    this_year = jalali.jalali_year(jalali.today())
    out: list[Period] = []
    for year in range(this_year, this_year - years, -1):
        for kind in PERIOD_KINDS:
            out.extend(jalali.periods_of_year(year, kind))  # type: ignore[arg-type]
    return sorted(out, reverse=True)


# --------------------------------------------------------------------------- list model


# how a checklist becomes the text of each column
TEXT: dict[str, Callable[[ChecklistSummary], str]] = {
    "office": lambda r: r.office_name,
    "unit": lambda r: r.unit_name,
    "template": lambda r: r.template_title,
    "period": lambda r: r.period_label,
    "status": lambda r: r.status_label,
    "completion": lambda r: shown_percent(r.completion),
    "updated": lambda r: shown_date(r.updated_at.date()),
}


class ChecklistTableModel(KeyedModel):
    """Checklists matching the filters, fetched ``PAGE`` rows at a time."""

    COLUMNS: tuple[str, ...] = ("unit", "template", "period", "status", "completion", "updated")

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ChecklistSummary] = []
        self.filters: dict[str, Any] = {}
        # HQ holds every province's checklists: each row says whose it is (issue 16, item 2).
        self.at_hq = ctx.store.office_code == HQ
        if self.at_hq:
            self.COLUMNS = ("office", *type(self).COLUMNS)
        self.headers = [
            *([self.tr("Province")] if self.at_hq else []),
            self.tr("Unit"),
            self.tr("Template"),
            self.tr("Period"),
            self.tr("Status"),
            self.tr("Completion"),
            self.tr("Last change"),
        ]

    def set_filters(self, **filters: Any) -> None:
        self.beginResetModel()
        self.filters = filters
        self.total = checklists.count_checklists(self.ctx.store, self.ctx.actor, **filters)
        self.rows = self.fetch_page(0)
        self.endResetModel()

    def fetch_page(self, offset: int) -> list[ChecklistSummary]:
        return list(checklists.list_checklists(
            self.ctx.store, self.ctx.actor, offset=offset, limit=PAGE, **self.filters
        ))

    def cell(self, r: ChecklistSummary, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return TEXT[column](r)
        if role == Qt.ItemDataRole.ToolTipRole and column == "template":
            return r.template_title
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


# --------------------------------------------------------------------------- the list page


class ChecklistListPage(QWidget):
    """Filters, action buttons and the table of checklists.

    Signals: ``open_requested(checklist_id)`` when a checklist is to be opened (activated,
    “Open”, or just created).
    """

    open_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded_filters = False
        self.search = search_field("search", self.tr("Search unit, template, period or notes…"))
        self._search_timer = after_typing(self, self.search, self.apply_filters)
        self.search.returnPressed.connect(self.apply_filters)
        self.unit_filter = choice_combo(name="unit_filter")
        self.period_filter = choice_combo(name="period_filter")
        self.template_filter = choice_combo(name="template_filter")
        self.template_filter.setMaximumWidth(320)
        self.status_filter = choice_combo(name="status_filter")
        self.office_filter = choice_combo(name="office_filter")
        for combo in (self.unit_filter, self.period_filter, self.template_filter, self.status_filter,
                      self.office_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Search:")))
        filters.addWidget(self.search, 2)
        if self.ctx.store.office_code == HQ:  # only HQ holds other offices' checklists
            filters.addWidget(QLabel(self.tr("Province:")))
            filters.addWidget(self.office_filter, 1)
        else:
            self.office_filter.setVisible(False)
        filters.addWidget(QLabel(self.tr("Unit:")))
        filters.addWidget(self.unit_filter, 1)
        filters.addWidget(QLabel(self.tr("Period:")))
        filters.addWidget(self.period_filter)
        filters.addWidget(QLabel(self.tr("Template:")))
        filters.addWidget(self.template_filter, 1)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_filter)

        self.new_button = push_button(self.tr("New checklist…"),
                                      tip=self.tr("Make a checklist for a unit and a period (Ctrl+N)"),
                                      on_click=self.new_checklist)
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setVisible(self.ctx.can("checklists.edit"))
        self.open_button = push_button(self.tr("Open"),
                                       tip=self.tr("Open the selected checklist to fill it in"),
                                       on_click=self.open_current)
        self.print_button = push_button(self.tr("Print…"),
                                        tip=self.tr("Show the selected checklist as a PDF, ready to print"),
                                        on_click=self.print_current)
        self.blank_button = push_button(self.tr("Blank form…"),
                                        tip=self.tr("A paper form of the chosen template for a visit"),
                                        on_click=self.print_blank)
        self.export_button = push_button(self.tr("Export to Excel…"),
                                         tip=self.tr("Save the listed checklists as an Excel workbook"),
                                         on_click=self.export_shown)
        self.import_button = push_button(
            self.tr("Import workbook…"), tip=self.tr("Read back a workbook filled in outside the program"),
            on_click=lambda: import_workbook(self, self.ctx, on_applied=lambda _s: self.apply_filters()))
        self.import_button.setVisible(self.ctx.can("checklists.edit"))
        self.count_label = QLabel()
        buttons = button_row(self.new_button, self.open_button, self.print_button, self.blank_button,
                             self.export_button, self.import_button, end=[self.count_label])

        self.model = ChecklistTableModel(self.ctx, self)
        self.table = record_table(self.model, "checklist_table", self.model.COLUMNS.index("template"))
        self.table.setAlternatingRowColors(True)
        self.table.activated.connect(lambda _i: self.open_current())
        self.empty_label = QLabel(
            self.tr("No checklist matches. Create one with “New checklist…” or clear the filters.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {palette.FAINT}")

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        order = [
            self.search,
            self.unit_filter,
            self.period_filter,
            self.template_filter,
            self.status_filter,
            self.new_button,
            self.open_button,
            self.print_button,
            self.blank_button,
            self.export_button,
            self.import_button,
            self.table,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    # ------------------------------------------------------------------ filters
    def _fill_filters(self) -> None:
        combos = (self.unit_filter, self.period_filter, self.template_filter, self.status_filter,
                  self.office_filter)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.office_filter.addItem(self.tr("All provinces"), ALL)
        if self.ctx.store.office_code == HQ:
            for code, name in checklists.offices_with_checklists(self.ctx.store, self.ctx.actor):
                self.office_filter.addItem(name, code)
        self.unit_filter.addItem(self.tr("All units"), ALL)
        self.unit_filter.addItem(self.tr("The whole directorate"), checklists.WHOLE_DIRECTORATE)
        for u in offices.list_units(self.ctx.store):
            self.unit_filter.addItem(u.name_fa, u.id)
        self.period_filter.addItem(self.tr("All periods"), ALL)
        for p in recent_periods():
            self.period_filter.addItem(p.label_fa, p.code)
        self.template_filter.addItem(self.tr("All templates"), ALL)
        for t in templates.list_templates(self.ctx.store, self.ctx.actor, include_drafts=False):
            self.template_filter.addItem(t.title_fa, t.id)
            self.template_filter.setItemData(
                self.template_filter.count() - 1, t.title_fa, Qt.ItemDataRole.ToolTipRole
            )
        self.status_filter.addItem(self.tr("All states"), ALL)
        for code, label in CHECKLIST_STATUS_LABELS_FA.items():
            self.status_filter.addItem(label, code)
        for combo in combos:
            combo.blockSignals(False)
        self._loaded_filters = True

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, combo in (
            ("unit_id", self.unit_filter),
            ("period_code", self.period_filter),
            ("template_id", self.template_filter),
            ("status", self.status_filter),
            ("office_code", self.office_filter),
        ):
            value = combo.currentData()
            if value is not ALL and combo.currentIndex() > 0:
                out[key] = value
        text = self.search.text().strip()
        if text:
            out["search"] = text
        return out

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if not attempt(self, lambda: self.model.set_filters(**self.filters())):
            return
        self.count_label.setText(self.tr("{count} checklists").format(count=shown_number(self.model.total)))
        self.empty_label.setVisible(self.model.total == 0)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def refresh(self) -> None:
        if not self._loaded_filters:
            self._fill_filters()
        self.apply_filters()

    # ------------------------------------------------------------------ actions
    def current_id(self) -> str | None:
        row = current_row(self.table)
        return None if row is None else str(row.id)

    def new_checklist(self) -> None:
        dialog = NewChecklistDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.apply_filters()
            self.open_requested.emit(dialog.created.id)

    def open_current(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is not None:
            self.open_requested.emit(checklist_id)

    def print_current(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is not None:
            print_filled_checklist(self, self.ctx, checklist_id)

    def print_blank(self) -> None:
        template_id = self.template_filter.currentData()
        if template_id is ALL or self.template_filter.currentIndex() <= 0:
            index = self.table.currentIndex()
            if not index.isValid():
                show_info(
                    self,
                    self.tr("Blank form"),
                    self.tr("Choose a template in the filter, or a checklist in the list."),
                )
                return
            row = self.model.rows[index.row()]
            print_blank_form(self, self.ctx, row.template_id, row.unit_id, row.period_code)
            return
        period = self.period_filter.currentData()
        print_blank_form(self, self.ctx, str(template_id), period_code=None if period is ALL else str(period))

    def export_shown(self) -> None:
        ids = [r.id for r in self.model.rows]
        while self.model.canFetchMore():
            self.model.fetchMore()
            ids = [r.id for r in self.model.rows]
        if not ids:
            show_info(self, self.tr("Export to Excel"), self.tr("There is no checklist to export."))
            return
        export_checklists(self, self.ctx, ids)

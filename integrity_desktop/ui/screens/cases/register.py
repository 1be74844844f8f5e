"""Violation cases: the register (paged model, filters), a case file, and the statistics.

The register may hold 100,000 cases: ``CaseTableModel`` holds only the pages fetched so far and
every query (count plus first page, each further page) runs off the GUI thread; typing in the
name box waits for a short pause before querying.  Roles without ``cases.view_personal`` get
«محرمانه» from the service in every personal column and cannot search by name.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import offices
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.cases.detail import CaseDetailWidget
from integrity_desktop.ui.screens.cases.dialogs import RegisterCaseDialog
from integrity_desktop.ui.screens.cases.stats import CaseStatsPanel
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.panels import lay_out
from integrity_desktop.ui.widgets.province_filter import at_hq, province_filter
from integrity_desktop.ui.widgets.search import after_typing, search_field
from integrity_desktop.ui.widgets.table_models import RegisterModel, current_row

DEBOUNCE_MS = 300



class CaseTableModel(RegisterModel):
    """The register, page by page from ``cases.list_cases``; queries run on a worker thread.

    Signals: ``loaded(total)`` after a new query's first page arrived; ``failed(text)`` with the
    Persian message of a refused query.
    """

    COLUMNS: tuple[str, ...] = (
        "case_number",
        "state",
        "employee_name",
        "national_code",
        "unit",
        "reported_on",
        "last_event_on",
        "due_on",
    )
    CENTRED = ("case_number", "national_code", "reported_on", "last_event_on", "due_on")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, cases.CaseQuery(), parent)
        self.rows: list[cases.CaseSummary] = []
        # HQ holds every province's cases: each row says whose it is (issue 16, item 2).
        self.office_names: dict[str, str] = {}
        province = []
        if at_hq(ctx):
            self.COLUMNS = ("office", *type(self).COLUMNS)
            self.office_names = offices.names(ctx.store)
            province = [self.tr("Province")]
        self.headers = [
            *province,
            self.tr("Case number"),
            self.tr("State"),
            self.tr("Employee"),
            self.tr("National code"),
            self.tr("Unit"),
            self.tr("Reported on"),
            self.tr("Last step"),
            self.tr("Next step due"),
        ]

    # ------------------------------------------------------------------ loading (on a worker)
    def count(self, query: cases.CaseQuery) -> int:
        return cases.count_cases(self.ctx.store, self.ctx.actor, query)

    def page(self, query: cases.CaseQuery, offset: int, limit: int) -> list[cases.CaseSummary]:
        return cases.list_cases(self.ctx.store, self.ctx.actor, query, offset=offset, limit=limit)

    # ------------------------------------------------------------------ Qt model
    def text(self, c: cases.CaseSummary, key: str) -> str:
        if key == "case_number":
            return c.case_number_fa
        if key == "state":
            return c.state_label
        if key == "employee_name":
            return c.employee_name
        if key == "national_code":
            return c.national_code if c.anonymised else shown_number(c.national_code)
        if key == "unit":
            return c.unit_name
        if key == "office":
            return self.office_names.get(c.office_code, c.office_code)
        value: _dt.date | None = getattr(c, key)
        return shown_date(value)

    def red(self, c: cases.CaseSummary, key: str) -> bool:
        return c.overdue and key == "due_on"

    def warning(self, c: cases.CaseSummary) -> str | None:
        return self.tr("The next step was due on {date}").format(date=shown_date(c.due_on)) if c.overdue else None


class CaseRegister(QWidget):
    """Filters, the paged table and the count.  Signal: ``open_requested(case_id)``."""

    open_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.personal = ctx.can("cases.view_personal")
        self.model = CaseTableModel(ctx, self)
        self.state = choice_combo(name="state_filter")
        self.state.addItem(self.tr("All states"), None)
        for state in lc.STATES:
            self.state.addItem(lc.STATE_LABELS_FA[state], state)
        this_year = jalali.jalali_year(jalali.today())
        self.year = choice_combo(name="year_filter")
        self.year.addItem(self.tr("All years"), None)
        for y in range(this_year, this_year - 12, -1):
            self.year.addItem(shown_number(str(y)), y)
        self.name = search_field("name_filter", self.tr("Search the employee's name…"))
        self.name.setMinimumWidth(220)
        self.name.setVisible(self.personal)  # a name search would reveal who has a case
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.overdue.setObjectName("overdue_filter")
        self.new_button = push_button(self.tr("Register a report…"), name="new_case",
                                      tip=self.tr("Register a new violation report as a case"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.clicked.connect(self.register_case)
        self.new_button.setVisible(ctx.can("cases.edit"))
        self.open_button = push_button(self.tr("Open case file"), name="open_case",
                                       tip=self.tr("Open the selected case"), on_click=self.open_current)

        self.debounce = after_typing(self, self.name, self.apply_filters, DEBOUNCE_MS)
        self.state.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.year.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue.toggled.connect(lambda _b: self.apply_filters())
        self.at_hq = at_hq(ctx)
        self.office = province_filter(cases.offices_with_cases(ctx.store, ctx.actor) if self.at_hq else [])
        self.office.setVisible(self.at_hq)
        self.office.currentIndexChanged.connect(lambda _i: self.apply_filters())

        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The unit takes what is left (long names end in «…», the whole name in the tooltip):
        # every column, the next step's deadline last, fits a 1280-pixel screen without
        # scrolling sideways.
        header.setStretchLastSection(False)
        widths = {"office": 120, "case_number": 95, "state": 170, "employee_name": 165, "national_code": 105,
                  "unit": 0, "reported_on": 95, "last_event_on": 95, "due_on": 110}
        columns = self.model.COLUMNS
        for col, key in enumerate(columns):
            self.table.setColumnWidth(col, widths[key])
        header.setSectionResizeMode(columns.index("unit"), QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(columns.index("national_code"), not self.personal)
        self.table.activated.connect(lambda _i: self.open_current())  # Enter or double-click

        self.count = QLabel()
        self.count.setObjectName("case_count")
        self.message = error_line("case_message")
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State:")))
        filters.addWidget(self.state)
        filters.addWidget(QLabel(self.tr("Year:")))
        filters.addWidget(self.year)
        filters.addWidget(self.name, 1)
        filters.addWidget(self.overdue)
        if not self.personal:
            filters.addStretch(1)
        filters.addWidget(self.open_button)
        filters.addWidget(self.new_button)
        legend = QLabel(self.tr("Rows in red: the next step is overdue"))
        legend.setStyleSheet(f"color: {palette.ERROR_STRONG}")
        bottom = button_row(self.count, end=[legend])
        # At HQ the province picker has a row of its own: the state, year and search row already
        # fills 1280 pixels.
        province = [button_row(QLabel(self.tr("Province:")), self.office)] if self.at_hq else []
        layout = lay_out(self, *province, filters, self.message, (self.table, 1), bottom)
        if not self.personal:
            note = QLabel(self.tr("Your role sees counts only: names and national codes are confidential."))
            note.setObjectName("confidential_note")
            layout.addWidget(note)
        self.setTabOrder(self.state, self.year)
        self.setTabOrder(self.year, self.name)
        self.setTabOrder(self.name, self.overdue)
        self.setTabOrder(self.overdue, self.open_button)
        self.setTabOrder(self.open_button, self.new_button)
        self.setTabOrder(self.new_button, self.table)

    def current_query(self) -> cases.CaseQuery:
        name = self.name.text().strip() if self.personal else ""
        return cases.CaseQuery(
            state=self.state.currentData(),
            year=self.year.currentData(),
            name=name or None,
            overdue=self.overdue.isChecked(),
            office_code=self.office.currentData(),
        )

    def apply_filters(self, wait: bool = False) -> None:
        self.debounce.stop()
        self.message.setText("")
        self.message.hide()
        self.count.setText(self.tr("Searching…"))
        self.model.set_query(self.current_query(), wait=wait)

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("{n} cases").format(n=shown_number(total)))

    def _failed(self, text: str) -> None:
        self.count.setText("")
        self.message.setText(text)
        self.message.show()

    def current_case_id(self) -> str | None:
        row = current_row(self.table)
        return None if row is None else str(row.id)

    def open_current(self) -> None:
        case_id = self.current_case_id()
        if case_id:
            self.open_requested.emit(case_id)

    def register_case(self) -> None:
        dialog = RegisterCaseDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.registered is not None:
            self.apply_filters()
            self.open_requested.emit(dialog.registered.id)


class CasesScreen(QWidget):
    """Tabs: the register (with the case file in place of the table) and the statistics."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.register = CaseRegister(ctx)
        self.detail = CaseDetailWidget(ctx)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.register)
        self.pages.addWidget(self.detail)
        self.stats = CaseStatsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.addTab(self.pages, self.tr("Register"))
        self.tabs.addTab(self.stats, self.tr("Statistics (6/1–6/11)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.register.open_requested.connect(self.open_case)
        self.detail.closed.connect(self.show_register)
        self.detail.changed.connect(self._changed)
        self._loaded_once = False
        self._stats_stale = True

    def refresh(self, wait: bool = False) -> None:
        self.register.apply_filters(wait=wait)
        self._stats_stale = True
        if self.tabs.currentWidget() is self.stats:
            self.stats.refresh(wait=wait)
            self._stats_stale = False

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.stats and self._stats_stale:
            self._stats_stale = False
            self.stats.refresh()

    def _changed(self) -> None:
        self._stats_stale = True
        self.register.apply_filters()

    def open_case(self, case_id: str) -> None:
        self.detail.load(case_id)
        if self.detail.case_file is not None:
            self.pages.setCurrentWidget(self.detail)
            self.detail.back_button.setFocus()

    def show_register(self) -> None:
        self.pages.setCurrentWidget(self.register)
        self.register.table.setFocus()

    # ------------------------------------------------------------------ screenshots
    def screenshot_states(self) -> list[tuple[str, QWidget]]:
        """The register filled, a case timeline, the statistics, the register dialog."""
        self.refresh(wait=True)
        out: list[tuple[str, QWidget]] = [("register", self.window())]
        size = self.size()
        best = self._richest_case()
        if best is not None:
            detail = CaseDetailWidget(self.ctx)
            detail.resize(size)
            detail.load(best)
            out.append(("timeline", detail))
        stats = CaseStatsPanel(self.ctx)
        stats.resize(size)
        stats.year.setCurrentIndex(self._busiest_year_index(stats))
        stats.refresh(wait=True)
        out.append(("statistics", stats))
        if self.ctx.can("cases.edit"):
            dialog = RegisterCaseDialog(self.ctx, self)
            dialog.adjustSize()
            out.append(("register-dialog", dialog))
        overdue = CaseRegister(self.ctx)
        overdue.resize(size)
        overdue.overdue.blockSignals(True)
        overdue.overdue.setChecked(True)
        overdue.overdue.blockSignals(False)
        overdue.apply_filters(wait=True)
        out.append(("overdue", overdue))
        return out

    def _richest_case(self) -> str | None:
        """A case far along its path (a verdict at least), for the timeline screenshot."""
        for state in (
            lc.FINAL_DECISION,
            lc.APPEAL_VERDICT,
            lc.OBJECTION,
            lc.CLOSED,
            lc.PRELIMINARY_VERDICT,
            None,
        ):
            rows = cases.list_cases(self.ctx.store, self.ctx.actor, cases.CaseQuery(state=state), limit=1)
            if rows:
                return rows[0].id
        return None

    def _busiest_year_index(self, stats: CaseStatsPanel) -> int:
        for i in range(stats.year.count()):
            year = int(stats.year.itemData(i))
            if cases.count_cases(self.ctx.store, self.ctx.actor, cases.CaseQuery(year=year)):
                return i
        return 0

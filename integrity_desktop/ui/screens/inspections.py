"""Inspections (axes 1 and 22): the inspector registry, the plan of a period with its Jalali
month grid, the visit log, the follow-up list of corrective actions, and the reports.

Every list is a model fed page by page by the inspection services; every rule (national code,
dates inside the period, appointed inspectors, due dates) is the services'.
"""

from __future__ import annotations

import datetime as _dt
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.errors import UserError
from integrity_desktop.services import inspection_figures, inspection_plans, inspectors, visits
from integrity_desktop.services.inspections import (
    ACTION_STATUSES,
    INSPECTOR_STATUSES,
    VISIT_KINDS,
    VISIT_STATUSES,
)
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.inspection_dialogs import (
    DONE_BG,
    LATE_BG,
    OVERDUE_BG,
    CloseActionDialog,
    InspectorDialog,
    PlanItemDialog,
    error_label,
    select_data,
    unit_combo,
)
from integrity_desktop.ui.screens.visit_editor import VisitEditor, current_row, make_table
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.messages import confirm, show_exception
from integrity_desktop.ui.widgets.table_models import Column, Index, PagedModel

REPORTS_MODULE = "integrity_desktop.reports.inspection_reports"
ALL_KINDS: tuple[str, ...] = ("month", "quarter", "half", "year")
# The period each report is drawn up for; others accept any period.
REPORT_PERIOD_KINDS: dict[str, tuple[str, ...]] = {
    "inspector-monthly": ("month",),
    "inspections-semiannual": ("half",),
    "inspector-evaluation": ("year",),
}


def period_choices(today: _dt.date, extra_years: Iterable[int] = ()) -> list[tuple[str, str]]:
    """(label, code) of the quarters, halves and years of this Jalali year, the last, and the
    years that have plans, newest year first."""
    year = jalali.jalali_year(today)
    out: list[tuple[str, str]] = []
    for y in sorted({year, year - 1, *extra_years}, reverse=True):
        for kind in ("quarter", "half", "year"):
            for p in jalali.periods_of_year(y, kind):
                out.append((p.label_fa, p.code))
    return out


def month_choices(today: _dt.date, since_year: int | None = None) -> list[tuple[str, str]]:
    """(label, code) of the months from ``since_year`` (default: last year) to now, newest first."""
    month = jalali.period_containing(today, "month")
    first = min(since_year or month.year - 1, month.year - 1)
    out = []
    while month.year >= first:
        out.append((month.label_fa, month.code))
        month = month.previous()
    return out


def _button(text: str, name: str, slot: Callable[[], None], enabled: bool = True) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    button.setEnabled(enabled)
    return button


def _row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    return layout


class TimelineModel(QAbstractTableModel):
    """The plan as a grid: units as rows, Jalali months as columns, days planned in the cells.

    A cell is green when every inspection in it has a visit, orange when one is past its date
    without a visit.  Columns run right to left with the application's direction.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[inspection_plans.TimelineMonth] = []
        self.units: list[str] = []
        self.cells: dict[tuple[int, int], list[inspection_plans.PlanItemInfo]] = {}
        self.today = _dt.date.today()

    def set_timeline(self, months: list[inspection_plans.TimelineMonth]) -> None:
        self.beginResetModel()
        self.months = months
        names = sorted({i.unit_name for m in months for i in m.items})
        self.units = names
        self.cells = {}
        for c, month in enumerate(months):
            for item in month.items:
                self.cells.setdefault((names.index(item.unit_name), c), []).append(item)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.months)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        items = self.cells.get((index.row(), index.column()), [])
        if not items:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "، ".join(
                shown_number(int(jalali.format_date(i.planned_date)[-2:])) + (" ✓" if i.done else "")
                for i in items
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                f"{shown_date(i.planned_date)}: {i.visit_status_fa} — {'، '.join(i.inspector_names)}"
                for i in items
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if all(i.done for i in items):
                return QBrush(DONE_BG)
            if any(not i.done and i.planned_date < self.today for i in items):
                return QBrush(LATE_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.months[section].label_fa
        return self.units[section]


class _TabShot:
    """A screenshot state: shows one tab (and maybe opens a dialog) when it is grabbed."""

    def __init__(
        self, screen: InspectionsScreen, tab: QWidget, dialog: Callable[[], QDialog | None] | None = None
    ) -> None:
        self.screen = screen
        self.tab = tab
        self.dialog = dialog

    def grab(self) -> QPixmap:
        self.screen.tabs.setCurrentWidget(self.tab)
        QApplication.processEvents()
        if self.dialog is None:
            return self.screen.window().grab()
        dialog = self.dialog()
        if dialog is None:
            return self.screen.window().grab()
        dialog.show()
        QApplication.processEvents()
        pixmap = dialog.grab()
        dialog.close()
        return pixmap


class InspectionsScreen(QWidget):
    """Tabs: inspectors, plan, visits, follow-up, reports."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("inspections")
        self.editable = ctx.can("inspections.edit")
        self.today = _dt.date.today()
        plans = inspection_plans.list_plans(ctx.store, ctx.actor, limit=1000)
        self._plan_years = {inspection_plans.parse_period(p.period_code).year for p in plans}
        current = inspection_plans.quarter_of(self.today)
        codes = {p.period_code for p in plans}
        # Open on this quarter when it has a plan (or nothing has one); else on the newest plan.
        self._first_period = current if current in codes or not plans else plans[0].period_code
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.inspectors_tab = self._inspectors_tab()
        self.plan_tab = self._plan_tab()
        self.visits_tab = self._visits_tab()
        self.follow_tab = self._follow_tab()
        self.tabs.addTab(self.inspectors_tab, self.tr("Inspectors"))
        self.tabs.addTab(self.plan_tab, self.tr("Plan"))
        self.tabs.addTab(self.visits_tab, self.tr("Visits"))
        self.tabs.addTab(self.follow_tab, self.tr("Follow-up"))
        if ctx.can("reports.run"):
            self.reports_tab = self._reports_tab()
            self.tabs.addTab(self.reports_tab, self.tr("Reports"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload_inspectors)

    # ------------------------------------------------------------------ inspectors
    def _inspectors_tab(self) -> QWidget:
        page = QWidget()
        self.inspector_search = QLineEdit()
        self.inspector_search.setObjectName("inspector_search")
        self.inspector_search.setPlaceholderText(self.tr("Search name or national code"))
        self.inspector_search.setClearButtonEnabled(True)
        self.inspector_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.inspector_status = QComboBox()
        self.inspector_status.addItem(self.tr("All statuses"), None)
        for key, label in INSPECTOR_STATUSES.items():
            self.inspector_status.addItem(label, key)
        self.inspector_status.currentIndexChanged.connect(lambda _i: self.reload_inspectors())
        self.inspectors_model = PagedModel(
            [
                Column(self.tr("Full name"), lambda r: r.full_name),
                Column(self.tr("National code"), lambda r: shown_number(r.national_code)),
                Column(self.tr("Post"), lambda r: r.post),
                Column(self.tr("Unit"), lambda r: r.unit_name),
                Column(self.tr("Letter no."), lambda r: shown_number(r.letter_no)),
                Column(self.tr("Appointed on"), lambda r: shown_date(r.appointed_on)),
                Column(self.tr("Term ends"), lambda r: shown_date(r.term_end)),
                Column(self.tr("Status"), lambda r: r.status_fa),
            ],
            fetch=lambda o, n: inspectors.list_inspectors(
                self.ctx.store, self.ctx.actor, **self._inspector_filter(), offset=o, limit=n
            ),
            count=lambda: inspectors.count_inspectors(
                self.ctx.store, self.ctx.actor, **self._inspector_filter()
            ),
        )
        self.inspectors_view = make_table(self.inspectors_model, "inspectors_table")
        self.inspectors_view.activated.connect(lambda _i: self.edit_inspector())
        self.inspectors_count = QLabel()
        layout = QVBoxLayout(page)
        layout.addLayout(
            _row(
                _button(self.tr("New inspector…"), "new_inspector", self.new_inspector, self.editable),
                _button(self.tr("Edit…"), "edit_inspector", self.edit_inspector, self.editable),
                self.inspector_search,
                self.inspector_status,
                self.inspectors_count,
            )
        )
        layout.addWidget(self.inspectors_view)
        return page

    def _inspector_filter(self) -> dict[str, Any]:
        return {"status": self.inspector_status.currentData(), "query": self.inspector_search.text()}

    def reload_inspectors(self) -> None:
        self.inspectors_model.reload()
        self.inspectors_count.setText(
            self.tr("{n} inspectors").format(n=shown_number(self.inspectors_model.total))
        )

    def new_inspector(self) -> None:
        if InspectorDialog(self.ctx, None, self).exec() == QDialog.DialogCode.Accepted:
            self.reload_inspectors()

    def edit_inspector(self) -> None:
        info = current_row(self.inspectors_view)
        if not isinstance(info, inspectors.InspectorInfo) or not self.editable:
            return
        if InspectorDialog(self.ctx, info, self).exec() == QDialog.DialogCode.Accepted:
            self.reload_inspectors()

    # ------------------------------------------------------------------ plan
    def _plan_tab(self) -> QWidget:
        page = QWidget()
        self.plan_period = QComboBox()
        self.plan_period.setObjectName("plan_period")
        for label, code in period_choices(self.today, self._plan_years):
            self.plan_period.addItem(label, code)
        select_data(self.plan_period, self._first_period)
        self.plan_period.currentIndexChanged.connect(lambda _i: self.reload_plan())
        self.plan_info = QLabel()
        self.plan_info.setObjectName("plan_info")
        self.plan: inspection_plans.PlanInfo | None = None
        self.create_plan_button = _button(
            self.tr("Create the plan of this period"), "create_plan", self.create_plan, self.editable
        )
        self.timeline_model = TimelineModel(self)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.timeline_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.items_model = PagedModel(
            [
                Column(self.tr("Planned date"), lambda i: shown_date(i.planned_date)),
                Column(self.tr("Unit"), lambda i: i.unit_name),
                Column(self.tr("Visit"), lambda i: i.visit_status_fa),
                Column(self.tr("Inspectors"), lambda i: "، ".join(i.inspector_names), 280),
                Column(self.tr("Checklist template"), lambda i: i.template_title),
            ],
            fetch=self._fetch_items,
            count=self._count_items,
            background=lambda i: DONE_BG if i.done else (LATE_BG if i.planned_date < self.today else None),
        )
        self.items_view = make_table(self.items_model, "plan_items")
        self.items_view.activated.connect(lambda _i: self.edit_item())
        self.plan_buttons = [
            _button(self.tr("Add planned inspection…"), "add_item", self.add_item, self.editable),
            _button(self.tr("Edit…"), "edit_item", self.edit_item, self.editable),
            _button(self.tr("Remove"), "remove_item", self.remove_item, self.editable),
            _button(self.tr("Log the visit…"), "log_planned_visit", self.log_planned_visit, self.editable),
        ]
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.timeline_view)
        split.addWidget(self.items_view)
        split.setSizes([260, 300])
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), _row(self.plan_period, self.create_plan_button))
        form.addRow(self.plan_info)
        legend = QLabel(
            self.tr(
                "The grid shows the planned days of each month: ✓ visited; green: carried out; "
                "orange: the date has passed without a visit."
            )
        )
        legend.setWordWrap(True)
        form.addRow(legend)
        layout.addLayout(form)
        layout.addLayout(_row(*self.plan_buttons))
        layout.addWidget(split, 1)
        return page

    def _fetch_items(self, offset: int, limit: int) -> list[inspection_plans.PlanItemInfo]:
        if self.plan is None:
            return []
        return inspection_plans.list_plan_items(
            self.ctx.store, self.ctx.actor, plan_id=self.plan.id, offset=offset, limit=limit
        )

    def _count_items(self) -> int:
        if self.plan is None:
            return 0
        return inspection_plans.count_plan_items(self.ctx.store, self.ctx.actor, plan_id=self.plan.id)

    def reload_plan(self) -> None:
        code = str(self.plan_period.currentData())
        self.plan = inspection_plans.plan_for_period(self.ctx.store, self.ctx.actor, code)
        self.create_plan_button.setVisible(self.plan is None and self.editable)
        for button in self.plan_buttons:
            button.setEnabled(self.plan is not None and self.editable)
        if self.plan is None:
            self.plan_info.setText(self.tr("There is no inspection plan for this period yet."))
        else:
            rate = inspection_figures.realisation_rate(self.ctx.store, self.ctx.actor, code)
            rate_text = (
                self.tr("{rate}%").format(rate=shown_number(rate.value)) if rate.value is not None else "—"
            )
            self.plan_info.setText(
                self.tr(
                    "{title}: {items} inspections planned, {done} carried out; "
                    "realisation rate (indicator 1/4): {rate}"
                ).format(
                    title=self.plan.title,
                    items=shown_number(self.plan.item_count),
                    done=shown_number(self.plan.done_count),
                    rate=rate_text,
                )
            )
        self.timeline_model.today = self.today
        self.timeline_model.set_timeline(inspection_plans.timeline(self.ctx.store, self.ctx.actor, code))
        self.items_model.reload()

    def create_plan(self) -> None:
        try:
            inspection_plans.create_plan(self.ctx.store, self.ctx.actor, str(self.plan_period.currentData()))
        except UserError as exc:
            show_exception(self, exc)
        self.reload_plan()

    def add_item(self) -> None:
        if (
            self.plan is not None
            and PlanItemDialog(self.ctx, self.plan, None, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.reload_plan()

    def edit_item(self) -> None:
        item = current_row(self.items_view)
        if self.plan is None or not self.editable or not isinstance(item, inspection_plans.PlanItemInfo):
            return
        if PlanItemDialog(self.ctx, self.plan, item, self).exec() == QDialog.DialogCode.Accepted:
            self.reload_plan()

    def remove_item(self) -> None:
        item = current_row(self.items_view)
        if not isinstance(item, inspection_plans.PlanItemInfo):
            return
        question = self.tr("Remove the inspection of {unit} on {date} from the plan?").format(
            unit=item.unit_name, date=shown_date(item.planned_date)
        )
        if confirm(self, self.tr("Remove planned inspection"), question):
            try:
                inspection_plans.remove_plan_item(self.ctx.store, self.ctx.actor, item.id)
            except UserError as exc:
                show_exception(self, exc)
            self.reload_plan()

    def log_planned_visit(self) -> None:
        item = current_row(self.items_view)
        if not isinstance(item, inspection_plans.PlanItemInfo):
            return
        if item.visit_id is not None:
            self.open_visit(item.visit_id)
            return
        if VisitEditor(self.ctx, None, item, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    # ------------------------------------------------------------------ visits
    def _visits_tab(self) -> QWidget:
        page = QWidget()
        self.visit_period = QComboBox()
        self.visit_period.setObjectName("visit_period")
        self.visit_period.addItem(self.tr("All periods"), None)
        for label, code in period_choices(self.today, self._plan_years):
            self.visit_period.addItem(label, code)
        self.visit_kind = QComboBox()
        self.visit_kind.addItem(self.tr("All kinds"), None)
        for key, label in VISIT_KINDS.items():
            self.visit_kind.addItem(label, key)
        self.visit_status = QComboBox()
        self.visit_status.addItem(self.tr("All statuses"), None)
        for key, label in VISIT_STATUSES.items():
            self.visit_status.addItem(label, key)
        for combo in (self.visit_period, self.visit_kind, self.visit_status):
            combo.currentIndexChanged.connect(lambda _i: self.reload_visits())
        self.visits_model = PagedModel(
            [
                Column(self.tr("Date"), lambda v: shown_date(v.visit_date)),
                Column(self.tr("Unit"), lambda v: v.unit_name),
                Column(self.tr("Kind"), lambda v: v.kind_fa),
                Column(self.tr("Findings"), lambda v: shown_number(v.finding_count)),
                Column(self.tr("Open actions"), lambda v: shown_number(v.open_actions)),
                Column(self.tr("Status"), lambda v: v.status_fa),
                Column(self.tr("Inspectors"), lambda v: "، ".join(v.inspector_names)),
            ],
            fetch=lambda o, n: visits.list_visits(
                self.ctx.store, self.ctx.actor, **self._visit_filter(), offset=o, limit=n
            ),
            count=lambda: visits.count_visits(self.ctx.store, self.ctx.actor, **self._visit_filter()),
        )
        self.visits_view = make_table(self.visits_model, "visits_table")
        self.visits_view.activated.connect(lambda _i: self.open_selected_visit())
        self.visits_count = QLabel()
        layout = QVBoxLayout(page)
        layout.addLayout(
            _row(
                _button(self.tr("New ad hoc visit…"), "new_visit", self.new_visit, self.editable),
                _button(self.tr("Open…"), "open_visit", self.open_selected_visit),
                _button(self.tr("Delete"), "delete_visit", self.delete_visit, self.editable),
                self.visit_period,
                self.visit_kind,
                self.visit_status,
                self.visits_count,
            )
        )
        layout.addWidget(self.visits_view)
        return page

    def _visit_filter(self) -> dict[str, Any]:
        return {
            "period_code": self.visit_period.currentData(),
            "kind": self.visit_kind.currentData(),
            "status": self.visit_status.currentData(),
        }

    def reload_visits(self) -> None:
        self.visits_model.reload()
        self.visits_count.setText(self.tr("{n} visits").format(n=shown_number(self.visits_model.total)))

    def new_visit(self) -> None:
        if VisitEditor(self.ctx, None, None, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def open_selected_visit(self) -> None:
        visit = current_row(self.visits_view)
        if isinstance(visit, visits.VisitInfo):
            self.open_visit(visit.id)

    def open_visit(self, visit_id: str) -> None:
        try:
            editor = VisitEditor(self.ctx, visit_id, None, self)
        except UserError as exc:
            show_exception(self, exc)
            return
        editor.exec()
        self.refresh()

    def delete_visit(self) -> None:
        visit = current_row(self.visits_view)
        if not isinstance(visit, visits.VisitInfo):
            return
        question = self.tr("Delete the visit of {unit} on {date} with its findings and actions?").format(
            unit=visit.unit_name, date=shown_date(visit.visit_date)
        )
        if confirm(self, self.tr("Delete visit"), question):
            try:
                visits.delete_visit(self.ctx.store, self.ctx.actor, visit.id)
            except UserError as exc:
                show_exception(self, exc)
            self.refresh()

    # ------------------------------------------------------------------ follow-up
    def _follow_tab(self) -> QWidget:
        page = QWidget()
        self.follow_status = QComboBox()
        self.follow_status.setObjectName("follow_status")
        for key, label in ACTION_STATUSES.items():
            self.follow_status.addItem(label, key)
        self.follow_status.addItem(self.tr("All statuses"), None)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdue_only")
        self.follow_unit = unit_combo(self.ctx, optional=True, none_text=self.tr("All responsible units"))
        for signal in (
            self.follow_status.currentIndexChanged,
            self.overdue_only.toggled,
            self.follow_unit.currentIndexChanged,
        ):
            signal.connect(lambda *_: self.reload_follow_up())
        self.follow_model = PagedModel(
            [
                Column(self.tr("Due date"), lambda r: shown_date(r.action.due_date)),
                Column(
                    self.tr("Days overdue"),
                    lambda r: shown_number(r.action.days_overdue) if r.action.overdue else "",
                ),
                Column(self.tr("Status"), lambda r: r.action.status_fa),
                Column(self.tr("Severity"), lambda r: r.severity_fa),
                Column(self.tr("Responsible unit"), lambda r: r.action.responsible_unit_name, 220),
                Column(self.tr("Corrective action"), lambda r: r.action.description, 280),
                Column(self.tr("Visit"), lambda r: f"{shown_date(r.visit_date)} — {r.visit_unit_name}", 220),
                Column(self.tr("Finding"), lambda r: r.finding_text),
            ],
            fetch=lambda o, n: visits.follow_up(
                self.ctx.store, self.ctx.actor, **self._follow_filter(), offset=o, limit=n
            ),
            count=lambda: visits.count_follow_up(self.ctx.store, self.ctx.actor, **self._follow_filter()),
            background=lambda r: OVERDUE_BG if r.action.overdue else None,
        )
        self.follow_view = make_table(self.follow_model, "follow_up_table")
        self.follow_view.activated.connect(lambda _i: self.close_selected_action())
        self.follow_count = QLabel()
        self.follow_count.setObjectName("follow_count")
        layout = QVBoxLayout(page)
        layout.addLayout(
            _row(
                _button(self.tr("Close action…"), "close_action", self.close_selected_action, self.editable),
                _button(self.tr("Reopen"), "reopen_action", self.reopen_selected_action, self.editable),
                _button(self.tr("Open visit…"), "open_action_visit", self.open_action_visit),
                self.follow_status,
                self.follow_unit,
                self.overdue_only,
                self.follow_count,
            )
        )
        layout.addWidget(self.follow_view)
        return page

    def _follow_filter(self) -> dict[str, Any]:
        return {
            "status": self.follow_status.currentData(),
            "overdue_only": self.overdue_only.isChecked(),
            "unit_id": self.follow_unit.currentData(),
            "today": self.today,
        }

    def reload_follow_up(self) -> None:
        self.follow_model.reload()
        overdue = visits.count_follow_up(self.ctx.store, self.ctx.actor, overdue_only=True, today=self.today)
        self.follow_count.setText(
            self.tr("{n} actions, {late} overdue").format(
                n=shown_number(self.follow_model.total), late=shown_number(overdue)
            )
        )

    def close_selected_action(self) -> None:
        row = current_row(self.follow_view)
        if not isinstance(row, visits.FollowUpRow) or not self.editable:
            return
        if row.action.status != "open":
            show_exception(self, UserError("این اقدام پیش‌تر بسته شده است.", "The action is already closed."))
            return
        if CloseActionDialog(self.ctx, row.action, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def reopen_selected_action(self) -> None:
        row = current_row(self.follow_view)
        if isinstance(row, visits.FollowUpRow) and row.action.status != "open":
            try:
                visits.reopen_action(self.ctx.store, self.ctx.actor, row.action.id)
            except UserError as exc:
                show_exception(self, exc)
            self.refresh()

    def open_action_visit(self) -> None:
        row = current_row(self.follow_view)
        if isinstance(row, visits.FollowUpRow):
            self.open_visit(row.visit_id)

    # ------------------------------------------------------------------ reports
    def _reports_tab(self) -> QWidget:
        page = QWidget()
        self.report_list = QListWidget()
        self.report_list.setObjectName("report_list")
        self.report_list.setMaximumHeight(160)
        self.report_period = QComboBox()
        self.report_period.setObjectName("report_period")
        self.report_inspector = QComboBox()
        self.report_inspector.setObjectName("report_inspector")
        self.report_unit = unit_combo(self.ctx, optional=True, none_text=self.tr("Whole office"))
        self.report_hint = QLabel()
        self.report_hint.setWordWrap(True)
        self.report_error = error_label()
        self.pdf_button = _button(
            self.tr("Preview PDF…"), "report_pdf", lambda: self.run_selected_report("pdf")
        )
        self.xlsx_button = _button(
            self.tr("Save as Excel…"), "report_xlsx", lambda: self.run_selected_report("xlsx")
        )
        self.report_list.currentRowChanged.connect(lambda _r: self._report_chosen())
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.addRow(self.tr("Report:"), self.report_list)
        form.addRow(self.tr("Period:"), self.report_period)
        form.addRow(self.tr("Inspector:"), self.report_inspector)
        form.addRow(self.tr("Unit:"), self.report_unit)
        form.addRow(self.report_hint)
        form.addRow(_row(self.pdf_button, self.xlsx_button))
        form.addRow(self.report_error)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _inspection_reports(self) -> list[Any]:
        from integrity_desktop.reports.registry import all_reports

        try:
            specs = all_reports().values()
        except ImportError:
            return []
        return [s for s in specs if getattr(s.writer, "__module__", "") == REPORTS_MODULE]

    def reload_reports(self) -> None:
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
            choices += month_choices(self.today, min(self._plan_years, default=None))
        choices += [
            (label, code)
            for label, code in period_choices(self.today, self._plan_years)
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
                    self, self.tr("Save report"), f"{spec.name}.xlsx", self.tr("Excel workbook (*.xlsx)")
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
            self.report_hint.setText(self.tr("Saved: {path}").format(path=f"\u2066{path}\u2069"))

    def _preview(self, path: Path, title: str) -> None:
        from integrity_desktop.ui.widgets import pdf_preview

        pdf_preview.preview_pdf(self, path, title)

    def _report_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.report_error.setText(exc.fa)
        else:
            QTimer.singleShot(0, lambda: show_exception(self, exc))

    # ------------------------------------------------------------------ screen
    def refresh(self) -> None:
        self.today = _dt.date.today()
        self.reload_inspectors()
        self.reload_plan()
        self.reload_visits()
        self.reload_follow_up()
        if hasattr(self, "reports_tab"):
            self.reload_reports()

    def screenshot_states(self) -> list[tuple[str, Any]]:
        """The plan with its month grid, the visit log, a visit with findings, the follow-up list."""
        states: list[tuple[str, Any]] = [
            ("plan", _TabShot(self, self.plan_tab)),
            ("visits", _TabShot(self, self.visits_tab)),
            ("follow-up", _TabShot(self, self.follow_tab)),
        ]
        first = visits.list_visits(self.ctx.store, self.ctx.actor, limit=50)
        with_findings = next(
            (v for v in first if v.open_actions), next((v for v in first if v.finding_count), None)
        ) or (first[0] if first else None)
        if with_findings is not None:

            def visit_dialog(tab: int) -> Callable[[], QDialog]:
                def make() -> QDialog:
                    editor = VisitEditor(self.ctx, with_findings.id, None, self)
                    editor.tabs.setCurrentIndex(tab)
                    return editor

                return make

            states.append(("visit", _TabShot(self, self.visits_tab, visit_dialog(0))))
            states.append(("visit-findings", _TabShot(self, self.visits_tab, visit_dialog(1))))
            states.append(("visit-checklist", _TabShot(self, self.visits_tab, visit_dialog(2))))
        states.append(
            ("new-visit", _TabShot(self, self.visits_tab, lambda: VisitEditor(self.ctx, None, None, self)))
        )
        states.append(
            (
                "inspector-dialog",
                _TabShot(self, self.inspectors_tab, lambda: InspectorDialog(self.ctx, None, self)),
            )
        )
        plan = self.plan
        if plan is not None:
            states.append(
                (
                    "plan-item-dialog",
                    _TabShot(self, self.plan_tab, lambda: PlanItemDialog(self.ctx, plan, None, self)),
                )
            )
        if hasattr(self, "reports_tab"):
            states.append(("reports", _TabShot(self, self.reports_tab)))
        return states

"""The inspections screen's plan tab: the plan of a period, its Jalali month grid and its planned
inspections (``services.inspections.plans``; the realisation rate is ``inspection_figures``')."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QFormLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from integrity_desktop import jalali
from integrity_desktop.services.inspections import figures as inspection_figures
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.inspections.common import make_button, period_choices
from integrity_desktop.ui.screens.inspections.dialogs import DONE_BG, LATE_BG, PlanItemDialog, select_data
from integrity_desktop.ui.screens.inspections.visit_editor import VisitEditor
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.messages import confirm
from integrity_desktop.ui.widgets.panels import split
from integrity_desktop.ui.widgets.table_models import (
    Column,
    Index,
    PagedModel,
    TableModel,
    current_row,
    make_table,
)


class TimelineModel(TableModel):
    """The plan as a grid: units as rows, Jalali months as columns, days planned in the cells.

    A cell is green when every inspection in it has a visit, orange when one is past its date
    without a visit.  Columns run right to left with the application's direction.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[inspection_plans.TimelineMonth] = []
        self.rows: list[str] = []  # the units' names
        self.cells: dict[tuple[int, int], list[inspection_plans.PlanItemInfo]] = {}
        self.today = jalali.today()

    def set_timeline(self, months: list[inspection_plans.TimelineMonth]) -> None:
        with self.replacing():
            self.months = months
            self.headers = [m.label_fa for m in months]
            names = sorted({i.unit_name for m in months for i in m.items})
            self.rows = names
            self.cells = {}
            for c, month in enumerate(months):
                for item in month.items:
                    self.cells.setdefault((names.index(item.unit_name), c), []).append(item)

    @property
    def units(self) -> list[str]:
        return self.rows

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

    def row_header(self, section: int) -> str | None:
        return self.rows[section]


class InspectionPlanTab(QWidget):
    """The period picker, the plan's figures, the month grid and the planned inspections.

    Signals: ``visit_requested(visit_id)`` when a planned inspection's visit is to be opened,
    ``records_changed`` when a visit was logged from the plan.
    """

    visit_requested = Signal(str)
    records_changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        editable: bool,
        today: _dt.date,
        plan_years: Iterable[int],
        first_period: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = editable
        self.today = today
        self.plan_period = choice_combo(name="plan_period")
        for label, code in period_choices(self.today, plan_years):
            self.plan_period.addItem(label, code)
        select_data(self.plan_period, first_period)
        self.plan_period.currentIndexChanged.connect(lambda _i: self.reload())
        self.plan_info = QLabel()
        self.plan_info.setObjectName("plan_info")
        self.plan: inspection_plans.PlanInfo | None = None
        self.create_plan_button = make_button(
            self.tr("Create the plan of this period"), "create_plan", self.create_plan, self.editable,
            tip=self.tr("Make the inspection plan of the chosen period"),
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
            make_button(
                self.tr("Add planned inspection…"), "add_item", self.add_item, self.editable,
                tip=self.tr("Add an inspection to this period's plan"),
            ),
            make_button(
                self.tr("Edit…"), "edit_item", self.edit_item, self.editable,
                tip=self.tr("Change the selected planned inspection"),
            ),
            make_button(
                self.tr("Remove"), "remove_item", self.remove_item, self.editable,
                tip=self.tr("Remove the selected inspection from the plan"),
            ),
            make_button(
                self.tr("Log the visit…"), "log_planned_visit", self.log_planned_visit, self.editable,
                tip=self.tr("Record the visit of the selected planned inspection"),
            ),
        ]
        panes = split(Qt.Orientation.Vertical, self.timeline_view, self.items_view, sizes=(260, 300))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), button_row(self.plan_period, self.create_plan_button))
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
        layout.addLayout(button_row(*self.plan_buttons))
        layout.addWidget(panes, 1)

    def _fetch_items(self, offset: int, limit: int) -> list[inspection_plans.PlanItemInfo]:
        if self.plan is None:
            return []
        return inspection_plans.list_plan_items(
            self.ctx.store, self.ctx.actor, inspection_plans.PlanItemQuery(plan_id=self.plan.id),
            offset=offset, limit=limit,
        )

    def _count_items(self) -> int:
        if self.plan is None:
            return 0
        query = inspection_plans.PlanItemQuery(plan_id=self.plan.id)
        return inspection_plans.count_plan_items(self.ctx.store, self.ctx.actor, query)

    def reload(self) -> None:
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
        period = str(self.plan_period.currentData())
        attempt(self, lambda: inspection_plans.create_plan(self.ctx.store, self.ctx.actor, period))
        self.reload()

    def add_item(self) -> None:
        if (
            self.plan is not None
            and PlanItemDialog(self.ctx, self.plan, None, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.reload()

    def edit_item(self) -> None:
        item = current_row(self.items_view)
        if self.plan is None or not self.editable or not isinstance(item, inspection_plans.PlanItemInfo):
            return
        if PlanItemDialog(self.ctx, self.plan, item, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def remove_item(self) -> None:
        item = current_row(self.items_view)
        if not isinstance(item, inspection_plans.PlanItemInfo):
            return
        question = self.tr("Remove the inspection of {unit} on {date} from the plan?").format(
            unit=item.unit_name, date=shown_date(item.planned_date)
        )
        if confirm(self, self.tr("Remove planned inspection"), question):
            attempt(self, lambda: inspection_plans.remove_plan_item(self.ctx.store, self.ctx.actor, item.id))
            self.reload()

    def log_planned_visit(self) -> None:
        item = current_row(self.items_view)
        if not isinstance(item, inspection_plans.PlanItemInfo):
            return
        if item.visit_id is not None:
            self.visit_requested.emit(item.visit_id)
            return
        if VisitEditor(self.ctx, None, item, self).exec() == QDialog.DialogCode.Accepted:
            self.records_changed.emit()

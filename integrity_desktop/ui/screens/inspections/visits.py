"""The inspections screen's visit log tab: visits filtered by period, kind and status, a page at a
time (``services.inspections.visits``); a visit opens in the ``VisitEditor``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from integrity_desktop.services.inspections import visits
from integrity_desktop.services.inspections.common import VISIT_KINDS, VISIT_STATUSES
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.inspections.common import make_button, period_choices
from integrity_desktop.ui.screens.inspections.visit_editor import VisitEditor
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.messages import confirm
from integrity_desktop.ui.widgets.province_filter import at_hq, province_filter
from integrity_desktop.ui.widgets.table_models import Column, current_row, make_table, service_model


class InspectionVisitsTab(QWidget):
    """New, open and delete buttons, the filters, the count and the visits table.

    Signal: ``records_changed`` after a visit was added, opened (and maybe edited) or deleted.
    """

    records_changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        editable: bool,
        today: _dt.date,
        plan_years: Iterable[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = editable
        self.visit_period = choice_combo(name="visit_period")
        self.visit_period.addItem(self.tr("All periods"), None)
        for label, code in period_choices(today, plan_years):
            self.visit_period.addItem(label, code)
        self.visit_kind = choice_combo(VISIT_KINDS, self.tr("All kinds"))
        self.visit_status = choice_combo(VISIT_STATUSES, self.tr("All statuses"))
        # HQ holds every province's visits: each row says whose it is, and a filter picks one.
        self.at_hq = at_hq(ctx)
        self.visit_office = province_filter(visits.offices_with_visits(ctx.store, ctx.actor) if self.at_hq else [])
        self.visit_office.setVisible(self.at_hq)
        for combo in (self.visit_period, self.visit_kind, self.visit_status, self.visit_office):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        province = [Column(self.tr("Province"), lambda v: v.office_name)] if self.at_hq else []
        self.visits_model = service_model(
            self.ctx,
            [
                *province,
                Column(self.tr("Date"), lambda v: shown_date(v.visit_date)),
                Column(self.tr("Unit"), lambda v: v.unit_name),
                Column(self.tr("Kind"), lambda v: v.kind_fa),
                Column(self.tr("Findings"), lambda v: shown_number(v.finding_count)),
                Column(self.tr("Open actions"), lambda v: shown_number(v.open_actions)),
                Column(self.tr("Status"), lambda v: v.status_fa),
                Column(self.tr("Inspectors"), lambda v: "، ".join(v.inspector_names)),
            ],
            visits.list_visits, visits.count_visits, self._filter,
        )
        self.visits_view = make_table(self.visits_model, "visits_table")
        self.visits_view.activated.connect(lambda _i: self.open_selected_visit())
        self.visits_count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(
                make_button(
                    self.tr("New ad hoc visit…"), "new_visit", self.new_visit, self.editable,
                    tip=self.tr("Record a visit that is not in the plan"),
                ),
                make_button(
                    self.tr("Open…"), "open_visit", self.open_selected_visit,
                    tip=self.tr("Open the selected visit"),
                ),
                make_button(
                    self.tr("Delete"), "delete_visit", self.delete_visit, self.editable,
                    tip=self.tr("Delete the selected visit with its findings"),
                ),
                self.visit_office,
                self.visit_period,
                self.visit_kind,
                self.visit_status,
                self.visits_count,
            )
        )
        layout.addWidget(self.visits_view)

    def _filter(self) -> dict[str, Any]:
        query = visits.VisitQuery(
            period_code=self.visit_period.currentData(),
            kind=self.visit_kind.currentData(),
            status=self.visit_status.currentData(),
            office_code=self.visit_office.currentData(),
        )
        return {"query": query}

    def reload(self) -> None:
        self.visits_model.reload()
        self.visits_count.setText(self.tr("{n} visits").format(n=shown_number(self.visits_model.total)))

    def new_visit(self) -> None:
        if VisitEditor(self.ctx, None, None, self).exec() == QDialog.DialogCode.Accepted:
            self.records_changed.emit()

    def open_selected_visit(self) -> None:
        visit = current_row(self.visits_view)
        if isinstance(visit, visits.VisitInfo):
            self.open_visit(visit.id)

    def open_visit(self, visit_id: str) -> None:
        done = attempt(self, lambda: VisitEditor(self.ctx, visit_id, None, self))
        if not done:
            return
        editor = done.value
        editor.exec()
        self.records_changed.emit()

    def delete_visit(self) -> None:
        visit = current_row(self.visits_view)
        if not isinstance(visit, visits.VisitInfo):
            return
        question = self.tr("Delete the visit of {unit} on {date} with its findings and actions?").format(
            unit=visit.unit_name, date=shown_date(visit.visit_date)
        )
        if confirm(self, self.tr("Delete visit"), question):
            attempt(self, lambda: visits.delete_visit(self.ctx.store, self.ctx.actor, visit.id))
            self.records_changed.emit()

"""The inspections screen's follow-up tab: the corrective actions of every visit, overdue ones
tinted, filtered by status and responsible unit (``services.inspections.visits.follow_up``)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from integrity_desktop.errors import UserError
from integrity_desktop.services.inspections import visits
from integrity_desktop.services.inspections.common import ACTION_STATUSES
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.inspections.common import make_button
from integrity_desktop.ui.screens.inspections.dialogs import OVERDUE_BG, CloseActionDialog
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.messages import show_exception
from integrity_desktop.ui.widgets.province_filter import at_hq, province_filter
from integrity_desktop.ui.widgets.table_models import Column, current_row, make_table, service_model


class InspectionFollowUpTab(QWidget):
    """Close, reopen and open-visit buttons, the filters, the counts and the actions table.

    Signals: ``visit_requested(visit_id)`` to open an action's visit, ``records_changed`` after
    an action was closed or reopened.
    """

    visit_requested = Signal(str)
    records_changed = Signal()

    def __init__(
        self, ctx: UiContext, editable: bool, today: _dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = editable
        self.today = today
        self.follow_status = choice_combo(ACTION_STATUSES, name="follow_status")
        self.follow_status.addItem(self.tr("All statuses"), None)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdue_only")
        self.follow_unit = unit_combo(self.ctx, optional=True, none_text=self.tr("All responsible units"))
        self.at_hq = at_hq(ctx)
        self.follow_office = province_filter(visits.offices_with_visits(ctx.store, ctx.actor) if self.at_hq else [])
        self.follow_office.setVisible(self.at_hq)
        for signal in (
            self.follow_office.currentIndexChanged,
            self.follow_status.currentIndexChanged,
            self.overdue_only.toggled,
            self.follow_unit.currentIndexChanged,
        ):
            signal.connect(lambda *_: self.reload())
        province = [Column(self.tr("Province"), lambda r: r.office_name)] if self.at_hq else []
        self.follow_model = service_model(
            self.ctx,
            [
                *province,
                Column(self.tr("Due date"), lambda r: shown_date(r.action.due_date)),
                Column(
                    self.tr("Days overdue"),
                    lambda r: shown_number(r.action.days_overdue) if r.action.overdue else "",
                ),
                Column(self.tr("Status"), lambda r: r.action.status_fa),
                Column(self.tr("Severity"), lambda r: r.severity_fa),
                Column(self.tr("Responsible unit"), lambda r: r.action.responsible_unit_name, 190),
                Column(self.tr("Corrective action"), lambda r: r.action.description, 250),
                Column(self.tr("Visit"), lambda r: f"{shown_date(r.visit_date)} — {r.visit_unit_name}", 200),
                Column(self.tr("Finding"), lambda r: r.finding_text),
            ],
            visits.follow_up, visits.count_follow_up, self._filter,
            background=lambda r: OVERDUE_BG if r.action.overdue else None,
        )
        self.follow_view = make_table(self.follow_model, "follow_up_table")
        self.follow_view.activated.connect(lambda _i: self.close_selected_action())
        self.follow_count = QLabel()
        self.follow_count.setObjectName("follow_count")
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(
                make_button(
                    self.tr("Close action…"), "close_action", self.close_selected_action, self.editable,
                    tip=self.tr("Record that the selected action was done"),
                ),
                make_button(
                    self.tr("Reopen"), "reopen_action", self.reopen_selected_action, self.editable,
                    tip=self.tr("Reopen the selected closed action"),
                ),
                make_button(
                    self.tr("Open visit…"), "open_action_visit", self.open_action_visit,
                    tip=self.tr("Open the visit of the selected action"),
                ),
                self.follow_office,
                self.follow_status,
                self.follow_unit,
                self.overdue_only,
                self.follow_count,
            )
        )
        layout.addWidget(self.follow_view)

    def _filter(self) -> dict[str, Any]:
        query = visits.FollowUpQuery(
            status=self.follow_status.currentData(),
            overdue_only=self.overdue_only.isChecked(),
            unit_id=self.follow_unit.currentData(),
            office_code=self.follow_office.currentData(),
        )
        return {"query": query, "today": self.today}

    def reload(self) -> None:
        self.follow_model.reload()
        overdue_query = visits.FollowUpQuery(overdue_only=True, office_code=self.follow_office.currentData())
        overdue = visits.count_follow_up(self.ctx.store, self.ctx.actor, overdue_query, today=self.today)
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
            self.records_changed.emit()

    def reopen_selected_action(self) -> None:
        row = current_row(self.follow_view)
        if isinstance(row, visits.FollowUpRow) and row.action.status != "open":
            attempt(self, lambda: visits.reopen_action(self.ctx.store, self.ctx.actor, row.action.id))
            self.records_changed.emit()

    def open_action_visit(self) -> None:
        row = current_row(self.follow_view)
        if isinstance(row, visits.FollowUpRow):
            self.visit_requested.emit(row.visit_id)

"""Inspections (axes 1 and 22): the inspector registry, the plan of a period with its Jalali
month grid, the visit log, the follow-up list of corrective actions, and the reports.

Each tab is its own widget (``inspections_inspectors``, ``inspections_plan``,
``inspections_visits``, ``inspections_follow_up``, ``inspections_reports``); this screen holds
the tabs, the date they count from, and refreshes them all when one changes a record.  Every
list is a model fed page by page by the inspection services; every rule (national code, dates
inside the period, appointed inspectors, due dates) is the services'.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from integrity_desktop import jalali
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.inspections import visits
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.inspections.dialogs import InspectorDialog, PlanItemDialog
from integrity_desktop.ui.screens.inspections.follow_up import InspectionFollowUpTab
from integrity_desktop.ui.screens.inspections.inspectors import InspectorsTab
from integrity_desktop.ui.screens.inspections.plan import InspectionPlanTab
from integrity_desktop.ui.screens.inspections.reports import InspectionReportsTab
from integrity_desktop.ui.screens.inspections.visit_editor import VisitEditor
from integrity_desktop.ui.screens.inspections.visits import InspectionVisitsTab
from integrity_desktop.ui.widgets.tab_shot import TabShot


class InspectionsScreen(QWidget):
    """Tabs: inspectors, plan, visits, follow-up, reports (``reports_tab`` is None without the
    ``reports.run`` permission).  ``today`` is the date the plan grid, the follow-up list and the
    report periods count from; ``refresh`` sets it to the real date and reloads every tab."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("inspections")
        self.editable = ctx.can("inspections.edit")
        today = jalali.today()
        plans = inspection_plans.list_plans(ctx.store, ctx.actor, limit=1000)
        plan_years = {inspection_plans.parse_period(p.period_code).year for p in plans}
        current = inspection_plans.quarter_of(today)
        codes = {p.period_code for p in plans}
        # Open on this quarter when it has a plan (or nothing has one); else on the newest plan.
        first_period = current if current in codes or not plans else plans[0].period_code
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.inspectors_tab = InspectorsTab(ctx, self.editable)
        self.plan_tab = InspectionPlanTab(ctx, self.editable, today, plan_years, first_period)
        self.visits_tab = InspectionVisitsTab(ctx, self.editable, today, plan_years)
        self.follow_tab = InspectionFollowUpTab(ctx, self.editable, today)
        self.reports_tab: InspectionReportsTab | None = None
        self.tabs.addTab(self.inspectors_tab, self.tr("Inspectors"))
        self.tabs.addTab(self.plan_tab, self.tr("Plan"))
        self.tabs.addTab(self.visits_tab, self.tr("Visits"))
        self.tabs.addTab(self.follow_tab, self.tr("Follow-up"))
        if ctx.can("reports.run"):
            self.reports_tab = InspectionReportsTab(ctx, today, plan_years)
            self.tabs.addTab(self.reports_tab, self.tr("Reports"))
        for tab in (self.plan_tab, self.visits_tab, self.follow_tab):
            tab.records_changed.connect(self.refresh)
        self.plan_tab.visit_requested.connect(self.visits_tab.open_visit)
        self.follow_tab.visit_requested.connect(self.visits_tab.open_visit)
        self.today = today

    @property
    def today(self) -> _dt.date:
        return self._today

    @today.setter
    def today(self, day: _dt.date) -> None:
        self._today = day
        self.plan_tab.today = day
        self.follow_tab.today = day
        if self.reports_tab is not None:
            self.reports_tab.today = day

    def refresh(self) -> None:
        self.today = jalali.today()
        self.inspectors_tab.reload()
        self.plan_tab.reload()
        self.visits_tab.reload()
        self.follow_tab.reload()
        if self.reports_tab is not None:
            self.reports_tab.reload()

    def screenshot_states(self) -> list[tuple[str, Any]]:
        """The plan with its month grid, the visit log, a visit with findings, the follow-up list."""
        states: list[tuple[str, Any]] = [
            ("plan", TabShot(self, self.tabs, self.plan_tab)),
            ("visits", TabShot(self, self.tabs, self.visits_tab)),
            ("follow-up", TabShot(self, self.tabs, self.follow_tab)),
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

            states.append(("visit", TabShot(self, self.tabs, self.visits_tab, visit_dialog(0))))
            states.append(("visit-findings", TabShot(self, self.tabs, self.visits_tab, visit_dialog(1))))
            states.append(("visit-checklist", TabShot(self, self.tabs, self.visits_tab, visit_dialog(2))))
        states.append(
            (
                "new-visit",
                TabShot(self, self.tabs, self.visits_tab, lambda: VisitEditor(self.ctx, None, None, self)),
            )
        )
        states.append(
            (
                "inspector-dialog",
                TabShot(self, self.tabs, self.inspectors_tab, lambda: InspectorDialog(self.ctx, None, self)),
            )
        )
        plan = self.plan_tab.plan
        if plan is not None:
            states.append(
                (
                    "plan-item-dialog",
                    TabShot(
                        self, self.tabs, self.plan_tab, lambda: PlanItemDialog(self.ctx, plan, None, self)
                    ),
                )
            )
        if self.reports_tab is not None:
            states.append(("reports", TabShot(self, self.tabs, self.reports_tab)))
        return states

"""One inspection visit: date, unit, kind, inspectors, the checklist filled during the visit,
findings (severity, related indicator, evidence) and their corrective actions.

A new visit is written in one call to ``visits.log_visit`` together with the findings typed
before saving, so a refused field (a date outside the plan's period, an inspector not appointed
that day, a due date before the visit) saves nothing.  A saved visit is edited piece by piece.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from integrity_desktop import jalali
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.inspections.common import (
    KIND_ADHOC,
    KIND_PERIODIC,
    SEVERITIES,
    VISIT_KINDS,
    VISIT_STATUSES,
)
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done, attempt
from integrity_desktop.ui.screens.inspections.dialogs import (
    OVERDUE_BG,
    ActionDialog,
    CloseActionDialog,
    FindingDialog,
    InspectorPicker,
    date_field,
    select_data,
    template_combo,
)
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.evidence_panel import EvidencePanel
from integrity_desktop.ui.widgets.fields import text_box
from integrity_desktop.ui.widgets.form_errors import clear_when_edited, error_line
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.panels import split, tab_page
from integrity_desktop.ui.widgets.table_models import Column, RowsModel, current_row, make_table


class VisitEditor(QDialog):
    """A new visit (``visit_id`` None; ``plan_item`` for a periodic one) or a saved one.

    Attributes: ``tabs``; on a new visit ``kind``, ``plan_item``, ``visit_date``, ``unit``,
    ``picker``, ``template``; ``findings_view`` (and ``actions_view`` once saved); ``error``.
    """

    def __init__(
        self,
        ctx: UiContext,
        visit_id: str | None = None,
        plan_item: inspection_plans.PlanItemInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.detail: visits.VisitDetail | None = None
        self.pending: list[visits.FindingInput] = []
        self.editable = ctx.can("inspections.edit")
        self.resize(980, 620)  # fits a 1280×720 screen with the taskbar and title bar
        self.tabs = QTabWidget()
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        if visit_id is None:
            self.setWindowTitle(self.tr("New inspection visit"))
            self._build_new(plan_item)
        else:
            self._build_saved()
            self.reload()

    # ------------------------------------------------------------------ new visit
    def _build_new(self, plan_item: inspection_plans.PlanItemInfo | None) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.kind = choice_combo(VISIT_KINDS, name="kind")
        self.plan_item = choice_combo(name="plan_item")
        self.visit_date = date_field(name="visit_date")
        self.unit = unit_combo(self.ctx)
        self.unit.setObjectName("unit")
        self.picker = InspectorPicker(self.ctx)
        self.template = template_combo(self.ctx, self.tr("(no checklist)"))
        self.status = choice_combo(name="status")
        for key in ("open", "reported"):
            self.status.addItem(VISIT_STATUSES[key], key)
        self.summary = text_box("summary", 80)
        self.recommendations = text_box("recommendations", 80)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Plan item:"), self.plan_item)
        form.addRow(self.tr("Visit date:"), self.visit_date)
        form.addRow(self.tr("Unit inspected:"), self.unit)
        form.addRow(self.tr("Inspectors:"), self.picker)
        form.addRow(self.tr("Checklist template:"), self.template)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Summary:"), self.summary)
        form.addRow(self.tr("Recommendations:"), self.recommendations)
        files_hint = QLabel(self.tr("Photos and documents are attached once the visit is saved."))
        files_hint.setWordWrap(True)
        form.addRow(files_hint)
        self.tabs.addTab(page, self.tr("Visit"))
        clear_when_edited(self.error, page)

        self.findings_model = RowsModel(self._pending_columns())
        self.findings_view = make_table(self.findings_model, "findings")
        add = push_button(self.tr("Add finding…"), name="add_finding",
                          tip=self.tr("Write down a finding of this visit"),
                          on_click=self.add_pending_finding)
        remove = push_button(self.tr("Remove finding"), tip=self.tr("Remove the selected finding"),
                             on_click=self.remove_pending_finding)
        self.tabs.addTab(tab_page(button_row(add, remove), self.findings_view), self.tr("Findings"))

        save = push_button(self.tr("Save visit"), name="save", tip=self.tr("Save the visit and its findings"))
        save.setDefault(True)
        save.clicked.connect(self.save_new)
        cancel = push_button(self.tr("Cancel"), tip=self.tr("Close without saving the visit"),
                             on_click=self.reject)
        self.buttons.addWidget(save)
        self.buttons.addWidget(cancel)

        self._fill_plan_items(plan_item)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.plan_item.currentIndexChanged.connect(self._plan_item_changed)
        if plan_item is not None:
            select_data(self.kind, KIND_PERIODIC)
            select_data(self.plan_item, plan_item.id)
            self._plan_item_changed()
            if not plan_item.planned_date > jalali.today():
                self.visit_date.set_value(plan_item.planned_date)
        else:
            select_data(self.kind, KIND_ADHOC)
            me = inspectors.signed_in_inspector(self.ctx.store, self.ctx.actor)
            if me is not None:  # the signed-in inspector is usually one of the visit's
                self.picker.set_checked([me])
        self._kind_changed()

    def _fill_plan_items(self, chosen: inspection_plans.PlanItemInfo | None) -> None:
        """Plan items without a visit this Jalali year and last (the chosen one first)."""
        self._items: dict[str, inspection_plans.PlanItemInfo] = {}
        if chosen is not None:
            self._items[chosen.id] = chosen
        for item in inspection_plans.unvisited_plan_items(self.ctx.store, self.ctx.actor):
            self._items.setdefault(item.id, item)
        for item in self._items.values():
            self.plan_item.addItem(f"{shown_date(item.planned_date)} — {item.unit_name}", item.id)

    def _kind_changed(self) -> None:
        periodic = self.kind.currentData() == KIND_PERIODIC
        self.plan_item.setEnabled(periodic)
        self.unit.setEnabled(not periodic)
        if periodic:
            self._plan_item_changed()

    def _plan_item_changed(self) -> None:
        item = self._items.get(str(self.plan_item.currentData()))
        if item is None or self.kind.currentData() != KIND_PERIODIC:
            return
        select_data(self.unit, item.unit_id)
        self.picker.set_checked(item.inspector_ids)
        select_data(self.template, item.template_id)

    def _pending_columns(self) -> list[Column]:
        return [
            Column(self.tr("Severity"), lambda f: SEVERITIES.get(f.severity, f.severity)),
            Column(self.tr("Indicator"), lambda f: shown_number(f.indicator_code)),
            Column(self.tr("Corrective actions"), lambda f: shown_number(len(f.actions))),
            Column(self.tr("Finding"), lambda f: f.text),
        ]

    def add_pending_finding(self) -> None:
        dialog = FindingDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value is not None:
            self.pending.append(dialog.result_value)
            self.findings_model.set_rows(self.pending)

    def remove_pending_finding(self) -> None:
        index = self.findings_view.currentIndex()
        if index.isValid():
            del self.pending[index.row()]
            self.findings_model.set_rows(self.pending)

    def save_new(self) -> None:
        accept_if_done(self, self._log_visit, self.error,
                       on_done=lambda detail: setattr(self, "visit_id", detail.visit.id))

    def _log_visit(self) -> visits.VisitDetail:
        periodic = self.kind.currentData() == KIND_PERIODIC
        return visits.log_visit(
            self.ctx.store,
            self.ctx.actor,
            kind=str(self.kind.currentData()),
            visit_date=self.visit_date.value_or_none() or "",
            unit_id=None if periodic else self.unit.currentData(),
            inspector_ids=self.picker.checked_ids(),
            plan_item_id=self.plan_item.currentData() if periodic else None,
            template_id=self.template.currentData(),
            summary=self.summary.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            status=str(self.status.currentData()),
            findings=self.pending,
        )

    # ------------------------------------------------------------------ saved visit
    def _build_saved(self) -> None:
        page = QWidget()
        outer = QVBoxLayout(page)
        self.header = text_label("header")
        outer.addWidget(self.header)
        form = QFormLayout()
        outer.addLayout(form)
        self.status = choice_combo(VISIT_STATUSES, name="status")
        self.summary = text_box("summary", 80)
        self.recommendations = text_box("recommendations", 80)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Summary:"), self.summary)
        form.addRow(self.tr("Recommendations:"), self.recommendations)
        clear_when_edited(self.error, page)
        save = push_button(self.tr("Save changes"), name="save",
                           tip=self.tr("Save the status, summary and suggestions"),
                           on_click=self.save_changes)
        save.setEnabled(self.editable)
        row = button_row(save)
        form.addRow(row)
        self.visit_files = EvidencePanel(self.ctx, "visit", self.tr("Photos and documents of the visit"),
                                         self.editable)
        outer.addWidget(self.visit_files, 1)
        self.tabs.addTab(page, self.tr("Visit"))

        self.findings_model = RowsModel(
            [
                Column(self.tr("Severity"), lambda f: f.severity_fa),
                Column(self.tr("Indicator"), lambda f: shown_number(f.indicator_code)),
                Column(
                    self.tr("Open actions"),
                    lambda f: shown_number(sum(1 for a in f.actions if a.status == "open")),
                ),
                Column(self.tr("Files"), lambda f: shown_number(f.evidence_count) if f.evidence_count else ""),
                Column(self.tr("Case"), lambda f: shown_number(f.case_number)),
                Column(self.tr("Finding"), lambda f: f.text),
            ]
        )
        self.findings_view = make_table(self.findings_model, "findings")
        self.findings_view.doubleClicked.connect(lambda _i: self.edit_finding())
        self.actions_model = RowsModel(
            [
                Column(self.tr("Due date"), lambda a: shown_date(a.due_date)),
                Column(self.tr("Responsible unit"), lambda a: a.responsible_unit_name),
                Column(self.tr("Status"), lambda a: a.status_fa),
                Column(self.tr("Done on"), lambda a: shown_date(a.closed_on)),
                Column(self.tr("Action"), lambda a: a.description),
            ],
            background=lambda a: OVERDUE_BG if a.overdue else None,
        )
        self.actions_view = make_table(self.actions_model, "actions")
        self.actions_view.doubleClicked.connect(lambda _i: self.edit_action())
        self.findings_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_actions())
        self.actions_view.selectionModel().currentRowChanged.connect(lambda *_: self.error.clear())
        self.finding_files = EvidencePanel(self.ctx, "finding", self.tr("Photos and documents of the finding"),
                                           self.editable)
        self.finding_files.changed.connect(self.reload)
        buttons = QHBoxLayout()
        for text, slot, name, tip in (
            (self.tr("Add finding…"), self.add_finding, "add_finding",
             self.tr("Write down a finding of this visit")),
            (self.tr("Edit finding…"), self.edit_finding, "edit_finding",
             self.tr("Correct the selected finding")),
            (self.tr("Add corrective action…"), self.add_action, "add_action",
             self.tr("Add a corrective action for the selected finding")),
            (self.tr("Edit action…"), self.edit_action, "edit_action",
             self.tr("Correct the selected open corrective action")),
            (self.tr("Close action…"), self.close_action, "close_action",
             self.tr("Record that the selected action was done")),
            (self.tr("Report as a violation…"), self.refer_finding, "refer_finding",
             self.tr("Send the selected finding to the case officer as a violation report")),
        ):
            button = push_button(text, name=name, tip=tip, on_click=slot)
            button.setEnabled(self.ctx.can("cases.refer") if name == "refer_finding" else self.editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        lower = split(Qt.Orientation.Horizontal, self.actions_view, self.finding_files, stretch=(3, 2))
        findings_page = tab_page(buttons, (split(Qt.Orientation.Vertical, self.findings_view, lower), 1))
        self.tabs.addTab(findings_page, self.tr("Findings and actions"))
        self.checklist_page = QWidget()
        self.checklist_layout = QVBoxLayout(self.checklist_page)
        self.tabs.addTab(self.checklist_page, self.tr("Checklist"))
        close = push_button(self.tr("Close"), tip=self.tr("Close this visit"), on_click=self.accept)
        self.buttons.addWidget(close)

    def reload(self) -> None:
        assert self.visit_id is not None
        self.detail = visits.get_visit(self.ctx.store, self.ctx.actor, self.visit_id)
        v = self.detail.visit
        self.setWindowTitle(
            self.tr("Visit of {unit} on {date}").format(unit=v.unit_name, date=shown_date(v.visit_date))
        )
        self.header.setText(
            self.tr("{kind} inspection of {unit} on {date} by {inspectors}").format(
                kind=v.kind_fa,
                unit=v.unit_name,
                date=shown_date(v.visit_date),
                inspectors="، ".join(v.inspector_names),
            )
        )
        select_data(self.status, v.status)
        self.summary.setPlainText(v.summary)
        self.recommendations.setPlainText(v.recommendations)
        keep = self.findings_view.currentIndex().row()
        self.findings_model.set_rows(self.detail.findings)
        if self.detail.findings:
            row = min(max(keep, 0), len(self.detail.findings) - 1)
            self.findings_view.setCurrentIndex(self.findings_model.index(row, 0))
        self._show_actions()
        if self.visit_files.owner_id != v.id:
            self.visit_files.set_owner(v.id)
        if not getattr(self, "_checklist_built", False):
            self._build_checklist(v.checklist_id)

    def _build_checklist(self, checklist_id: str | None) -> None:
        """Embed the checklist editor when it exists; otherwise a button to the checklist screen."""
        self._checklist_built = True
        layout = self.checklist_layout
        if not checklist_id:
            layout.addWidget(QLabel(self.tr("No checklist was filled during this visit.")))
            return
        try:
            module = importlib.import_module("integrity_desktop.ui.screens.checklists.editor")
            editor_cls = module.ChecklistEditor
        except (ImportError, AttributeError):
            editor_cls = None
        if editor_cls is not None:
            self.checklist_editor = editor_cls(self.ctx, checklist_id, self.checklist_page)
            layout.addWidget(self.checklist_editor)
            return
        layout.addWidget(QLabel(self.tr("The checklist of this visit is filled on the checklists screen.")))
        button = push_button(self.tr("Open the checklist"), name="open_checklist",
                             tip=self.tr("Open the checklist of this visit"),
                             on_click=lambda: self._open_checklist(checklist_id))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

    def _open_checklist(self, checklist_id: str) -> None:
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        show = getattr(window, "show_screen", None)
        if not callable(show) or "checklists" not in getattr(window, "screen_keys", []):
            return
        screen = show("checklists")
        opener = getattr(screen, "open_checklist", None)
        self.accept()
        if callable(opener):
            opener(checklist_id)

    def _show_actions(self) -> None:
        finding = current_row(self.findings_view)
        chosen = finding if isinstance(finding, visits.FindingInfo) else None
        self.actions_model.set_rows(chosen.actions if chosen else [])
        self.error.clear()
        owner = chosen.id if chosen else None
        if owner != self.finding_files.owner_id or owner is None:
            self.finding_files.set_owner(owner)

    def save_changes(self) -> None:
        visit_id = self.visit_id
        assert visit_id is not None
        self.error.setText("")
        if attempt(self, lambda: visits.update_visit(
            self.ctx.store,
            self.ctx.actor,
            visit_id,
            summary=self.summary.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            status=str(self.status.currentData()),
        ), error_label=self.error):
            self.reload()

    def add_finding(self) -> None:
        assert self.visit_id is not None
        visit_id = self.visit_id

        def save(value: visits.FindingInput) -> None:
            visits.add_finding(self.ctx.store, self.ctx.actor, visit_id, value)

        if FindingDialog(self.ctx, save, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _chosen_finding(self) -> visits.FindingInfo | None:
        """The finding selected in the list; with none, the editor asks for one."""
        finding = current_row(self.findings_view)
        if isinstance(finding, visits.FindingInfo):
            return finding
        self.error.setText(self.tr("Choose a finding first."))
        return None

    def edit_finding(self) -> None:
        finding = self._chosen_finding()
        if finding is None:
            return
        if not self.editable:
            return
        if FindingDialog(self.ctx, None, self, info=finding).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def refer_finding(self) -> None:
        """Report the selected finding as a violation case (once); the case number shows on it."""
        from integrity_desktop.ui.screens.cases.dialogs import RegisterCaseDialog

        finding = self._chosen_finding()
        if finding is None:
            return
        if finding.case_id:
            self.error.setText(self.tr("This finding was already reported as case {number}.").format(
                number=shown_number(finding.case_number)))
            return
        dialog = RegisterCaseDialog(self.ctx, self, finding_id=finding.id, finding_text=finding.text)
        self.last_referral = dialog  # tests fill it in
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def edit_action(self) -> None:
        action = current_row(self.actions_view)
        if not isinstance(action, visits.ActionInfo):
            self.error.setText(self.tr("Choose a corrective action first."))
            return
        if action.status != "open":
            self.error.setText(self.tr("Only an open corrective action can be edited."))
            return
        if not self.editable:
            return
        if ActionDialog(self.ctx, action.finding_id, self, action=action).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def add_action(self) -> None:
        finding = self._chosen_finding()
        if finding is None:
            return
        if ActionDialog(self.ctx, finding.id, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def close_action(self) -> None:
        action = current_row(self.actions_view)
        if not isinstance(action, visits.ActionInfo) or action.status != "open":
            self.error.setText(self.tr("Choose an open corrective action first."))
            return
        if CloseActionDialog(self.ctx, action, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

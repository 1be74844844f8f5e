"""Dialogs and table models of the inspection screens: an inspector, a plan item, a finding, a
corrective action, closing an action, and a report to print.

The dialogs hold no rules: they read their fields, call the inspection services and show the
service's Persian message in a red line when it refuses (nothing is saved then).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QSizePolicy,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.inspections.common import ACTION_STATUSES, INSPECTOR_STATUSES, SEVERITIES
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.fields import form_row, text_box, text_field
from integrity_desktop.ui.widgets.form_errors import SavingDialog, finish_form
from integrity_desktop.ui.widgets.indicator_picker import IndicatorPicker
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.tick_list import tick_item, ticked_data

OVERDUE_BG = QColor(palette.ALERT_BG)
DONE_BG = QColor(palette.DONE_BG)
LATE_BG = QColor(palette.CHANGED_BG)


# --------------------------------------------------------------------------- table models


# --------------------------------------------------------------------------- small helpers


def finish_saving_form(dialog: QDialog, form: QFormLayout, on_ok: Callable[[], None]) -> QLabel:
    """The error line and «ذخیره»/Cancel under a register's form; returns the error line."""
    error, _buttons = finish_form(dialog, form, on_ok, ok_text=QCoreApplication.translate("InspectionDialogs", "Save"))
    return error


def date_field(optional: bool = False, name: str = "") -> JalaliDateEdit:
    """A Jalali date field that keeps its height and a date's width inside a form."""
    field = JalaliDateEdit(optional=optional)
    if name:
        field.setObjectName(name)
    field.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    field.setMaximumWidth(240)
    return field


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class InspectorPicker(QListWidget):
    """Inspectors to tick (a short list: the office's registry, active ones first)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectors")
        self.setMaximumHeight(120)
        rows = inspectors.list_inspectors(ctx.store, ctx.actor, limit=1000)
        rows.sort(key=lambda r: r.status != "active")
        for info in rows:
            label = info.full_name
            if info.status != "active":
                label = f"{label} ({info.status_fa})"
            self.addItem(tick_item(label, info.id))

    def set_checked(self, ids: Sequence[str]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(ticked_data(self))


# --------------------------------------------------------------------------- inspector


class InspectorDialog(SavingDialog):
    """Add or edit an inspector of the registry; the service validates the national code."""

    def __init__(
        self, ctx: UiContext, info: inspectors.InspectorInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.saved: inspectors.InspectorInfo | None = None
        self.setWindowTitle(self.tr("Edit inspector") if info else self.tr("New inspector"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.full_name = form_row(form, self.tr("Full name:"), text_field("full_name"))
        self.national_code = form_row(form, self.tr("National code:"), text_field("national_code"))
        self.national_code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.national_code.setMaxLength(14)
        self.national_code.setPlaceholderText("۰۰۱۲۳۴۵۶۷۸")
        self.post = form_row(form, self.tr("Post:"), text_field("post"))
        self.unit = form_row(form, self.tr("Unit:"),
                             unit_combo(ctx, optional=True, none_text=self.tr("(no unit)")))
        self.letter_no = form_row(form, self.tr("Appointment letter no.:"), text_field("letter_no"))
        self.appointed_on = form_row(form, self.tr("Appointed on:"), date_field(name="appointed_on"))
        self.term_end = form_row(form, self.tr("Term ends on:"), date_field(optional=True, name="term_end"))
        self.status = form_row(form, self.tr("Status:"), choice_combo(INSPECTOR_STATUSES))
        self.error = finish_saving_form(self, form, self.save)
        if info is not None:
            self.full_name.setText(info.full_name)
            self.national_code.setText(shown_number(info.national_code))
            self.post.setText(info.post)
            select_data(self.unit, info.unit_id)
            self.letter_no.setText(info.letter_no)
            self.appointed_on.set_value(info.appointed_on)
            self.term_end.set_value(info.term_end)
            select_data(self.status, info.status)

    def _write(self) -> None:
        appointed = self.appointed_on.value_or_none()
        term_end = self.term_end.value_or_none()
        fields: dict[str, Any] = dict(
            full_name=self.full_name.text(),
            national_code=self.national_code.text(),
            post=self.post.text(),
            letter_no=self.letter_no.text(),
            appointed_on=appointed,
            status=str(self.status.currentData()),
        )
        unit_id = self.unit.currentData()
        if self.info is None:
            self.saved = inspectors.create_inspector(
                self.ctx.store, self.ctx.actor, unit_id=unit_id, term_end=term_end, **fields
            )
        else:
            self.saved = inspectors.update_inspector(
                self.ctx.store,
                self.ctx.actor,
                self.info.id,
                unit_id=unit_id or "",
                term_end=term_end,
                clear_term_end=term_end is None,
                **fields,
            )


# --------------------------------------------------------------------------- plan item


class PlanItemDialog(SavingDialog):
    """Plan one inspection: the unit, the date inside the plan's period, inspectors, template."""

    def __init__(
        self,
        ctx: UiContext,
        plan: inspection_plans.PlanInfo,
        item: inspection_plans.PlanItemInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan = plan
        self.item = item
        self.setWindowTitle(self.tr("Planned inspection — {period}").format(period=plan.period_label))
        self.setMinimumWidth(460)
        period = inspection_plans.parse_period(plan.period_code)
        self.unit = unit_combo(ctx)
        self.unit.setObjectName("unit")
        self.planned_date = date_field(name="planned_date")
        today = jalali.today()
        self.planned_date.set_value(today if period.contains(today) else period.start)
        self.picker = InspectorPicker(ctx)
        self.template = template_combo(ctx, self.tr("(no checklist)"))
        form = QFormLayout(self)
        hint = QLabel(
            self.tr("Dates from {start} to {end}.").format(
                start=shown_date(period.start), end=shown_date(period.end)
            )
        )
        form.addRow(hint)
        form.addRow(self.tr("Unit inspected:"), self.unit)
        form.addRow(self.tr("Planned date:"), self.planned_date)
        form.addRow(self.tr("Inspectors:"), self.picker)
        form.addRow(self.tr("Checklist template:"), self.template)
        self.error = finish_saving_form(self, form, self.save)
        if item is not None:
            select_data(self.unit, item.unit_id)
            self.planned_date.set_value(item.planned_date)
            self.picker.set_checked(item.inspector_ids)
            select_data(self.template, item.template_id)

    def _write(self) -> None:
        row = inspection_plans.PlanItemInput(
            unit_id=str(self.unit.currentData() or ""),
            planned_date=self.planned_date.value_or_none() or "",
            inspector_ids=self.picker.checked_ids(),
            template_id=self.template.currentData(),
        )
        if self.item is None:
            inspection_plans.add_plan_item(self.ctx.store, self.ctx.actor, self.plan.id, row)
        else:
            inspection_plans.update_plan_item(self.ctx.store, self.ctx.actor, self.item.id, row)


def template_combo(ctx: UiContext, none_text: str) -> QComboBox:
    from integrity_desktop.services.checklists import templates

    combo = choice_combo(name="template")
    combo.addItem(none_text, None)
    if ctx.can("checklists.view"):
        for t in templates.list_templates(ctx.store, ctx.actor, include_drafts=False, limit=200):
            combo.addItem(f"{t.title_fa} ({shown_number(t.code)} — {shown_number(t.version)})", t.id)
    return combo


# --------------------------------------------------------------------------- findings and actions


class ActionFields(QGroupBox):
    """Responsible unit, description and due date of one corrective action."""

    def __init__(self, ctx: UiContext, title: str, checkable: bool, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setCheckable(checkable)
        if checkable:
            self.setChecked(False)
        self.unit = unit_combo(ctx)
        self.unit.setObjectName("responsible_unit")
        self.description = text_field("action_description")
        self.due_date = date_field()
        self.due_date.set_value(visits.default_due_date())
        self.due_date.setObjectName("due_date")
        form = QFormLayout(self)
        form.addRow(self.tr("Responsible unit:"), self.unit)
        form.addRow(self.tr("Action:"), self.description)
        form.addRow(self.tr("Due date:"), self.due_date)

    def value(self) -> visits.ActionInput:
        return visits.ActionInput(
            responsible_unit_id=str(self.unit.currentData() or ""),
            description=self.description.text(),
            due_date=self.due_date.value_or_none() or "",
        )


class FindingDialog(QDialog):
    """A finding (severity, related indicator, evidence text) with an optional first action.

    With ``save`` given (an existing visit) the finding is written at once through it; without
    it (a visit not saved yet) ``value()`` is read by the visit editor, which saves all together.
    With ``info`` the saved finding is corrected (``visits.update_finding``; no action fields).
    """

    def __init__(
        self,
        ctx: UiContext,
        save: Callable[[visits.FindingInput], None] | None = None,
        parent: QWidget | None = None,
        info: visits.FindingInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._save = save
        self.info = info
        self.result_value: visits.FindingInput | None = None
        self.setWindowTitle(self.tr("Edit finding") if info else self.tr("Finding"))
        self.setMinimumWidth(560)
        self.severity = choice_combo(SEVERITIES, name="severity")
        self.indicator = IndicatorPicker(self.tr("(no related indicator)"))
        self.indicator.setToolTip(self.tr("Type part of the indicator's number or title and pick it"))
        self.text = text_box("finding_text", 90)
        self.action = ActionFields(ctx, self.tr("Corrective action"), checkable=True)
        form = QFormLayout(self)
        form.addRow(self.tr("Severity:"), self.severity)
        form.addRow(self.tr("Related indicator:"), self.indicator)
        form.addRow(self.tr("Finding and evidence:"), self.text)
        if info is None:
            form.addRow(self.action)
        else:
            self.action.hide()
            select_data(self.severity, info.severity)
            self.indicator.set_code(info.indicator_code)
            self.text.setPlainText(info.text)
        self.error = finish_saving_form(self, form, self.accept_finding)

    def value(self) -> visits.FindingInput:
        actions = (self.action.value(),) if self.action.isChecked() else ()
        return visits.FindingInput(
            severity=str(self.severity.currentData()),
            text=self.text.toPlainText(),
            indicator_code=self.indicator.code(),
            actions=actions,
        )

    def accept_finding(self) -> None:
        accept_if_done(self, self._write, self.error, on_done=lambda value: setattr(self, "result_value", value))

    def _write(self) -> visits.FindingInput:
        value = self.value()
        if self.info is not None:
            visits.update_finding(
                self.ctx.store, self.ctx.actor, self.info.id,
                severity=value.severity, text=value.text, indicator_code=value.indicator_code,
            )
        elif self._save is not None:
            self._save(value)
        else:
            visits.check_finding(value)  # a new visit's finding: refused now, not at the visit's save
        return value


class ActionDialog(SavingDialog):
    """Add a corrective action to a finding of a saved visit, or correct an open one (``action``)."""

    def __init__(
        self,
        ctx: UiContext,
        finding_id: str,
        parent: QWidget | None = None,
        action: visits.ActionInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.finding_id = finding_id
        self.action = action
        self.setWindowTitle(self.tr("Edit corrective action") if action else self.tr("Corrective action"))
        self.setMinimumWidth(460)
        self.fields = ActionFields(ctx, self.tr("Corrective action"), checkable=False)
        if action is not None:
            select_data(self.fields.unit, action.responsible_unit_id)
            self.fields.description.setText(action.description)
            self.fields.due_date.set_value(action.due_date)
        form = QFormLayout(self)
        form.addRow(self.fields)
        self.error = finish_saving_form(self, form, self.save)

    def _write(self) -> None:
        if self.action is None:
            visits.add_action(self.ctx.store, self.ctx.actor, self.finding_id, self.fields.value())
        else:
            visits.update_action(self.ctx.store, self.ctx.actor, self.action.id, self.fields.value())


class CloseActionDialog(SavingDialog):
    """Close a corrective action: done or cancelled, on a day, with a note."""

    def __init__(self, ctx: UiContext, action: visits.ActionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action = action
        self.setWindowTitle(self.tr("Close corrective action"))
        self.setMinimumWidth(460)
        what = QLabel(action.description)
        what.setWordWrap(True)
        self.status = choice_combo(name="status")
        for key, label in ACTION_STATUSES.items():
            if key != "open":
                self.status.addItem(label, key)
        self.closed_on = date_field(name="closed_on")
        self.note = text_field("note")
        form = QFormLayout(self)
        form.addRow(self.tr("Action:"), what)
        form.addRow(self.tr("Due date:"), QLabel(shown_date(action.due_date)))
        form.addRow(self.tr("Result:"), self.status)
        form.addRow(self.tr("Done on:"), self.closed_on)
        form.addRow(self.tr("Note:"), self.note)
        self.error = finish_saving_form(self, form, self.save)

    def _write(self) -> None:
        visits.close_action(
            self.ctx.store,
            self.ctx.actor,
            self.action.id,
            closed_on=self.closed_on.value_or_none(),
            status=str(self.status.currentData()),
            note=self.note.text(),
        )

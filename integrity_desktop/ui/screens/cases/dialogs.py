"""Register a violation case: the employee, the reporter, the alleged violations, the date.

The dialog only gathers values; ``services.cases.register.register_case`` checks them (national code
check digit, required fields, dates not in the future) and its Persian message is shown as is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from integrity_desktop.services.cases import register as cases
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done
from integrity_desktop.ui.widgets.combos import unit_combo
from integrity_desktop.ui.widgets.fields import text_box, text_field
from integrity_desktop.ui.widgets.form_errors import clear_when_edited, finish_form
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.tick_list import tick_item, ticked_data


class RegisterCaseDialog(QDialog):
    """A new case from a report.  ``registered`` holds the service's summary after OK.

    With ``finding_id`` it is an inspector's referral of a visit's finding
    (``cases.refer_finding``): the unit, the reporter and the date come from the visit and the
    person signed in, the summary starts as the finding's text."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, finding_id: str | None = None,
                 finding_text: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.finding_id = finding_id
        self.registered: cases.CaseSummary | None = None
        self.setWindowTitle(self.tr("Refer the finding as a violation report") if finding_id
                            else self.tr("Register a violation report"))
        self.setMinimumWidth(760)

        self.employee_name = text_field("employee_name")
        self.national_code = text_field("national_code")
        self.national_code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.national_code.setMaxLength(12)
        self.national_code.setPlaceholderText("۰۰۱۲۳۴۵۶۷۸")
        self.employee_post = text_field("employee_post")
        self.unit = unit_combo(ctx, optional=True, none_text=self.tr("(none)"), name="unit")
        self.reporter = text_field("reporter")
        self.violations = QListWidget()
        self.violations.setObjectName("violations")
        self.violations.setMinimumHeight(230)
        self.violations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.violations.setTextElideMode(Qt.TextElideMode.ElideRight)
        for item in cases.lookup_items(ctx.store, "violation_type"):
            row = tick_item(item.title_fa, item.code)
            row.setToolTip(item.title_fa)
            self.violations.addItem(row)
        self.reported_on = JalaliDateEdit()
        self.reported_on.setObjectName("reported_on")
        self.summary = text_box("summary", 70, fixed=True)

        form = QFormLayout()
        form.addRow(self.tr("Employee's full name:"), self.employee_name)
        form.addRow(self.tr("National code:"), self.national_code)
        form.addRow(self.tr("Post:"), self.employee_post)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Reported by:"), self.reporter)
        form.addRow(self.tr("Report date:"), self.reported_on)
        form.addRow(QLabel(self.tr("Alleged violations (tick with Space):")))
        form.addRow(self.violations)
        form.addRow(self.tr("Summary of the report:"), self.summary)
        if finding_id is not None:
            for field in (self.unit, self.reporter, self.reported_on):
                form.setRowVisible(field, False)  # the visit's unit, the inspector, today
            self.summary.setPlainText(finding_text)
            hint = QLabel(self.tr("The case officer receives this report with a link to the visit's finding."))
            hint.setWordWrap(True)
            form.insertRow(0, hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error, self.buttons = finish_form(
            self, layout, self.register, clear_on_edit=False,
            ok_text=self.tr("Send to the case officer") if finding_id else self.tr("Register the case"))
        for a, b in [
            (self.employee_name, self.national_code),
            (self.national_code, self.employee_post),
            (self.employee_post, self.unit),
            (self.unit, self.reporter),
            (self.reporter, self.reported_on.line),
            (self.reported_on.line, self.violations),
            (self.violations, self.summary),
            (self.summary, self.buttons),
        ]:
            self.setTabOrder(a, b)
        self.employee_name.setFocus()
        clear_when_edited(self.error, self)

    def chosen_violations(self) -> list[str]:
        return ticked_data(self.violations)

    def register(self) -> None:
        accept_if_done(self, self._write, self.error)

    def _write(self) -> None:
        if self.finding_id is not None:
            self.registered = cases.refer_finding(
                self.ctx.store, self.ctx.actor, self.finding_id,
                employee_name=self.employee_name.text(), national_code=self.national_code.text(),
                employee_post=self.employee_post.text(), violation_codes=self.chosen_violations(),
                summary=self.summary.toPlainText(),
            )
            return
        self.registered = cases.register_case(
            self.ctx.store,
            self.ctx.actor,
            employee_name=self.employee_name.text(),
            national_code=self.national_code.text(),
            employee_post=self.employee_post.text(),
            unit_id=self.unit.currentData(),
            reporter=self.reporter.text(),
            violation_codes=self.chosen_violations(),
            reported_on=self.reported_on.line.text(),
            summary=self.summary.toPlainText(),
        )

"""The dialog that creates a checklist: template, unit (or the whole directorate) and Jalali
period; ``checklists.create_checklist`` checks and stores it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QWidget

from integrity_desktop import jalali
from integrity_desktop.digits import to_ascii_digits
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import templates
from integrity_desktop.services.checklists.filled import ChecklistSummary
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.form_errors import finish_form


class NewChecklistDialog(QDialog):
    """Template, unit (or the whole directorate) and Jalali period of a new checklist."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: ChecklistSummary | None = None
        self.setWindowTitle(self.tr("New checklist"))
        self.setMinimumWidth(560)
        self.template = choice_combo(name="template")
        for t in templates.list_templates(ctx.store, ctx.actor, include_drafts=False):
            self.template.addItem(
                self.tr("{title} (version {version})").format(
                    title=t.title_fa, version=shown_number(t.version)
                ),
                t.id,
            )
        from integrity_desktop.services.checklists.scoring import three_year_template_id

        self.template.setCurrentIndex(max(0, self.template.findData(three_year_template_id())))
        self.unit = unit_combo(ctx, optional=True, none_text=self.tr("The whole directorate"), name="unit")
        self.kind = choice_combo(name="kind")
        for kind, label in (
            ("quarter", self.tr("Quarter")),
            ("month", self.tr("Month")),
            ("half", self.tr("Half-year")),
            ("year", self.tr("Year")),
        ):
            self.kind.addItem(label, kind)
        self.number = choice_combo(name="number")
        self.year = QLineEdit(shown_number(str(jalali.jalali_year(jalali.today()))))  # no separator
        self.year.setObjectName("year")
        self.year.setMaxLength(6)
        self.kind.currentIndexChanged.connect(self._fill_numbers)
        self._fill_numbers()
        current = jalali.period_containing(jalali.today(), "quarter")
        self.number.setCurrentIndex(current.number - 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Template:"), self.template)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Period kind:"), self.kind)
        form.addRow(self.tr("Period:"), self.number)
        form.addRow(self.tr("Jalali year:"), self.year)
        self.error, _buttons = finish_form(self, form, self.try_create, ok_text=self.tr("Create"))

    def _fill_numbers(self) -> None:
        kind = self.kind.currentData()
        self.number.clear()
        for p in jalali.periods_of_year(1403, kind):
            label = p.label_fa.replace(" ۱۴۰۳", "").replace("سال", self.tr("the whole year"))
            self.number.addItem(label, p.number)

    def period_code(self) -> str:
        year = to_ascii_digits(self.year.text()).strip()
        kind = self.kind.currentData()
        number = int(self.number.currentData() or 1)
        if kind == "year":
            return year
        letter = {"half": "H", "quarter": "Q", "month": "M"}[kind]
        return f"{year}-{letter}{number:02d}" if kind == "month" else f"{year}-{letter}{number}"

    def try_create(self) -> None:
        accept_if_done(self, self._write, self.error)

    def _write(self) -> None:
        self.created = checklists.create_checklist(
            self.ctx.store,
            self.ctx.actor,
            str(self.template.currentData()),
            self.unit.currentData(),
            self.period_code(),
        )

"""Templates: the checklist templates in the store; at HQ the admin authors new ones.

A template or a new version starts as a draft; its axes and indicators, each with how it is
measured (kind, unit, frequency, direction, bounds, target), can be edited while it is a draft
that no checklist has used; publishing makes it available to checklists.  The services
enforce these rules; this screen only hides what cannot be done.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.digits import to_ascii_digits
from integrity_desktop.errors import UserError
from integrity_desktop.indicators import (
    DEFAULT_FREQUENCY,
    DIRECTION_LABELS_FA,
    DIRECTIONS,
    FREQUENCIES,
    FREQUENCY_LABELS_FA,
    KIND_LABELS_FA,
    KINDS,
    Definition,
    definition_text_fa,
    display_code,
)
from integrity_desktop.services.checklists import templates
from integrity_desktop.services.checklists.templates import ItemView, TemplateSummary, TemplateView
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done, attempt
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.fields import form_row, text_box, text_field
from integrity_desktop.ui.widgets.form_errors import error_line, finish_form
from integrity_desktop.ui.widgets.labels import note_label
from integrity_desktop.ui.widgets.messages import confirm
from integrity_desktop.ui.widgets.panels import panel, side_by_side, split
from integrity_desktop.ui.widgets.table_models import Column, RowsModel, record_table


def _table(model: QAbstractTableModel, name: str, stretch: int) -> QTableView:
    view = record_table(model, name, stretch)
    view.setAlternatingRowColors(True)
    return view


def _latin(edit: QLineEdit) -> QLineEdit:
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


class NewTemplateDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: TemplateSummary | None = None
        self.setWindowTitle(self.tr("New template"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.code = form_row(form, self.tr("Code (Latin):"), _latin(QLineEdit()))
        self.code.setObjectName("code")
        self.code.setPlaceholderText("service-desk")
        self.title_fa = form_row(form, self.tr("Persian title:"), text_field("title_fa"))
        self.title_en = form_row(form, self.tr("English title:"), _latin(QLineEdit()))
        self.title_en.setObjectName("title_en")
        self.error, _buttons = finish_form(self, form, self.try_create)

    def try_create(self) -> None:
        accept_if_done(self, lambda: templates.create_template(
            self.ctx.store, self.ctx.actor, self.code.text(), self.title_fa.text(), self.title_en.text()
        ), self.error, on_done=lambda created: setattr(self, "created", created))


class SectionDialog(QDialog):
    """A new axis of a draft template: its number and Persian title."""

    def __init__(
        self, ctx: UiContext, template_id: str, next_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.template_id = template_id
        self.setWindowTitle(self.tr("New axis"))
        self.setMinimumWidth(480)
        self.number = text_field("number", shown_number(next_number))
        self.title_fa = text_field("title_fa")
        form = QFormLayout(self)
        form.addRow(self.tr("Axis number:"), self.number)
        form.addRow(self.tr("Title:"), self.title_fa)
        self.error, _buttons = finish_form(self, form, self.try_create)

    def try_create(self) -> None:
        text = to_ascii_digits(self.number.text()).strip()
        if not text.isdigit() or not 0 < int(text) < 1000:
            self.error.setText(self.tr("Write the axis number as a whole number, for example 9."))
            return
        accept_if_done(self, lambda: templates.add_section(
            self.ctx.store, self.ctx.actor, self.template_id, int(text), self.title_fa.text()
        ), self.error)


class ItemDialog(QDialog):
    """Add an indicator to an axis of a draft template, or edit one (``item`` given)."""

    def __init__(
        self, ctx: UiContext, view: TemplateView, item: ItemView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.setWindowTitle(self.tr("Edit indicator") if item else self.tr("New indicator"))
        self.setMinimumWidth(620)
        self.section = choice_combo(name="section")
        for s in view.sections:
            self.section.addItem(f"{shown_number(s.number)}. {s.title_fa}", s.id)
        self.code = _latin(QLineEdit())
        self.code.setObjectName("code")
        self.code.setPlaceholderText("9/6")
        self.title_fa = text_box("title_fa", 70)
        self.legal_basis = QLineEdit()
        self.lead_unit = QLineEdit()
        self.partner_units = QLineEdit()
        self.partner_units.setPlaceholderText(self.tr("separated by commas"))
        self.subtasks = text_box("", 90)
        self.subtasks.setPlaceholderText(self.tr("one sub-task per line"))
        # How it is measured (indicators.Definition): kind, unit, frequency, direction, bounds, target.
        self.kind = choice_combo(name="kind")
        for key in KINDS:
            self.kind.addItem(KIND_LABELS_FA[key], key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.unit_fa = text_field("unit_fa")
        self.unit_fa.setPlaceholderText(self.tr("e.g. meeting, course, percent"))
        self.frequency = choice_combo(name="frequency")
        for key in FREQUENCIES:
            self.frequency.addItem(FREQUENCY_LABELS_FA[key], key)
        self.frequency.setCurrentIndex(self.frequency.findData(DEFAULT_FREQUENCY))
        self.direction = choice_combo(name="direction")
        for key in DIRECTIONS:
            self.direction.addItem(DIRECTION_LABELS_FA[key], key)
        self.min_value, self.max_value, self.target = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, name in ((self.min_value, "min_value"), (self.max_value, "max_value"), (self.target, "target")):
            edit.setObjectName(name)
        self.target.setPlaceholderText(self.tr("empty: no target"))
        self.measurement_fa = QLineEdit()
        self.measurement_fa.setPlaceholderText(self.tr("how the programme says it is measured (optional)"))
        self.error = error_line()
        if item is not None:
            self.section.setCurrentIndex(max(0, self.section.findData(item.section_id)))
            self.section.setEnabled(False)
            self.code.setText(item.code)
            self.code.setReadOnly(True)
            self.title_fa.setPlainText(item.title_fa)
            self.legal_basis.setText(item.legal_basis)
            self.legal_basis.setCursorPosition(0)  # show where the text begins
            self.lead_unit.setText(item.lead_unit)
            self.partner_units.setText("، ".join(item.partner_units))
            self.subtasks.setPlainText("\n".join(item.subtasks))
            self._show_definition(item.definition)
        else:
            self._kind_changed()
        form = QFormLayout(self)
        form.addRow(self.tr("Axis:"), self.section)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Title:"), self.title_fa)
        form.addRow(self.tr("Legal basis:"), self.legal_basis)
        form.addRow(self.tr("Lead unit:"), self.lead_unit)
        form.addRow(self.tr("Partner units:"), self.partner_units)
        form.addRow(self.tr("Sub-tasks:"), self.subtasks)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Unit:"), self.unit_fa)
        form.addRow(self.tr("Frequency:"), self.frequency)
        form.addRow(self.tr("Better when:"), self.direction)
        bounds = QHBoxLayout()
        for label, edit in ((self.tr("from"), self.min_value), (self.tr("to"), self.max_value)):
            bounds.addWidget(QLabel(label))
            bounds.addWidget(edit)
        form.addRow(self.tr("Accepted values:"), bounds)
        form.addRow(self.tr("Target:"), self.target)
        form.addRow(self.tr("Measurement rule:"), self.measurement_fa)
        finish_form(self, form, self.save, error=self.error)

    def _show_definition(self, d: Definition) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.kind.blockSignals(False)
        self.unit_fa.setText(d.unit_fa)
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(d.frequency)))
        self.direction.setCurrentIndex(max(0, self.direction.findData(d.direction)))
        for edit, value in ((self.min_value, d.min_value), (self.max_value, d.max_value), (self.target, d.target)):
            edit.setText("" if value is None else shown_number(int(value) if value == int(value) else value))
        self.measurement_fa.setText(d.measurement_fa)
        self._enable_numbers()

    def _kind_changed(self) -> None:
        """A new kind starts from its documented defaults (unit, bounds, no target)."""
        kind = str(self.kind.currentData())
        defaults = templates.definition_for_kind(kind)
        self.unit_fa.setText(defaults["unit_fa"])
        for edit, key in ((self.min_value, "min_value"), (self.max_value, "max_value")):
            value = defaults[key]
            edit.setText("" if value is None else shown_number(int(value)))
        self.target.clear()
        self._enable_numbers()

    def _enable_numbers(self) -> None:
        takes_value = self.kind.currentData() != "status"
        for w in (self.unit_fa, self.direction, self.min_value, self.max_value, self.target):
            w.setEnabled(takes_value)

    def _number(self, edit: QLineEdit, what: str) -> float | None:
        text = to_ascii_digits(edit.text()).replace("٫", ".").strip()
        if not text:
            return None
        try:
            return float(text)
        except ValueError as exc:
            raise UserError(
                self.tr("{what} must be a number; write it with digits or leave it empty.").format(what=what),
                f"{what} must be a number",
                code="item_definition",
            ) from exc

    def fields(self) -> dict[str, Any]:
        partners = self.partner_units.text().replace("،", ",").split(",")
        takes_value = self.kind.currentData() != "status"
        return {
            "title_fa": self.title_fa.toPlainText(),
            "legal_basis": self.legal_basis.text(),
            "lead_unit": self.lead_unit.text(),
            "partner_units": partners,
            "subtasks": self.subtasks.toPlainText().splitlines(),
            "kind": str(self.kind.currentData()),
            "unit_fa": self.unit_fa.text().strip() if takes_value else "",
            "frequency": str(self.frequency.currentData()),
            "direction": str(self.direction.currentData()),
            "min_value": self._number(self.min_value, self.tr("The lower bound")) if takes_value else None,
            "max_value": self._number(self.max_value, self.tr("The upper bound")) if takes_value else None,
            "target": self._number(self.target, self.tr("The target")) if takes_value else None,
            "measurement_fa": self.measurement_fa.text().strip(),
        }

    def save(self) -> None:
        if self.item is None and self.section.currentData() is None:
            self.error.setText(self.tr("Add an axis to the template first."))
            return
        accept_if_done(self, self._write, self.error)

    def _write(self) -> None:
        if self.item is None:
            templates.add_item(
                self.ctx.store,
                self.ctx.actor,
                str(self.section.currentData()),
                to_ascii_digits(self.code.text()),
                **self.fields(),
            )
        else:
            templates.update_item(self.ctx.store, self.ctx.actor, self.item.id, **self.fields())


class TemplatesScreen(QWidget):
    """Templates on the right, the chosen template's indicators on the left (reading order)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("templates")
        self.view: TemplateView | None = None
        self.authoring = ctx.can("templates.author") and ctx.actor.office_code == HQ
        origin = {"catalog": self.tr("catalogue"), "authored": self.tr("authored at HQ")}
        status = {"draft": self.tr("draft"), "published": self.tr("published")}
        self.template_model = RowsModel(
            [
                Column(self.tr("Title"), lambda t: t.title_fa),
                Column(self.tr("Version"), lambda t: shown_number(t.version)),
                Column(self.tr("State"), lambda t: status.get(t.status, t.status)),
                Column(self.tr("Indicators"), lambda t: shown_number(t.item_count)),
                Column(self.tr("Used"), lambda t: self.tr("yes") if t.used else self.tr("no")),
                Column(self.tr("Origin"), lambda t: origin.get(t.origin, t.origin)),
            ],
            parent=self,
        )
        self.template_table = _table(self.template_model, "template_table", 0)
        self.template_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_template())
        self.item_model = RowsModel(
            [
                Column(self.tr("Code"), lambda i: display_code(i.code) if current_lang() == "fa" else i.code),
                Column(self.tr("Indicator"), lambda i: i.title_fa),
                Column(self.tr("Lead unit"), lambda i: i.lead_unit),
                Column(self.tr("Measure"), lambda i: definition_text_fa(i.definition)),
            ],
            parent=self,
        )
        self.item_table = _table(self.item_model, "item_table", 1)
        self.item_table.activated.connect(lambda _i: self.edit_item())
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.code_label = QLabel()  # a Latin slug: its own left-to-right label
        self.code_label.setObjectName("code")
        self.code_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code_label.setStyleSheet(f"color: {palette.SECONDARY}")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.new_button = push_button(self.tr("New template…"),
                                      tip=self.tr("Make a new template from scratch"),
                                      on_click=self.new_template)
        self.version_button = push_button(self.tr("New version…"),
                                          tip=self.tr("Make an editable copy of the selected template"),
                                          on_click=self.new_version)
        self.section_button = push_button(self.tr("Add axis…"), tip=self.tr("Add an axis to the draft"),
                                          on_click=self.add_section)
        self.item_button = push_button(self.tr("Add indicator…"),
                                       tip=self.tr("Add an indicator to the selected axis"),
                                       on_click=self.add_item)
        self.edit_button = push_button(self.tr("Edit indicator…"),
                                       tip=self.tr("Change the selected indicator"), on_click=self.edit_item)
        self.remove_button = push_button(self.tr("Remove indicator"),
                                         tip=self.tr("Remove the selected indicator from the draft"),
                                         on_click=self.remove_item)
        self.publish_button = push_button(self.tr("Publish"),
                                          tip=self.tr("Publish the draft; a published version never changes"),
                                          on_click=self.publish)
        self.blank_button = push_button(self.tr("Blank form…"),
                                        tip=self.tr("A printable blank form of the selected template"),
                                        on_click=self.print_blank)
        authoring = (
            self.new_button,
            self.version_button,
            self.section_button,
            self.item_button,
            self.edit_button,
            self.remove_button,
            self.publish_button,
        )
        for b in authoring:
            b.setVisible(self.authoring)
        buttons = button_row(*authoring, self.blank_button)
        note = note_label(
            self.tr(
                "A version that has been published or used by a checklist never changes; to change it, "
                "make a new version. Provinces receive templates from headquarters through sync."
            ),
            palette.FAINT,
        )

        items_panel = panel(side_by_side((self.detail_label, 1), self.code_label), (self.item_table, 1))
        splitter = split(Qt.Orientation.Horizontal, self.template_table, items_panel, sizes=(640, 600))
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        order = [*authoring, self.blank_button, self.template_table, self.item_table]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or (self.view.summary.id if self.view else None)
        rows = templates.list_templates(self.ctx.store, self.ctx.actor, include_drafts=True)
        self.template_model.set_rows(rows)
        row = next((i for i, t in enumerate(rows) if t.id == keep), 0)
        if rows:
            self.template_table.setCurrentIndex(self.template_model.index(row, 0))
        self._show_template()

    def current(self) -> TemplateSummary | None:
        index = self.template_table.currentIndex()
        return self.template_model.rows[index.row()] if index.isValid() else None

    def _show_template(self) -> None:
        summary = self.current()
        if summary is None:
            self.view = None
            self.item_model.set_rows([])
            self._update_buttons()
            return
        loaded = attempt(self, lambda: templates.get_template(self.ctx.store, self.ctx.actor, summary.id))
        if not loaded:
            return
        self.view = loaded.value
        self.item_model.set_rows(list(self.view.items))
        self.detail_label.setText(
            self.tr("<b>{title}</b><br>version {version}: {axes} axes, {items} indicators").format(
                title=summary.title_fa,
                version=shown_number(summary.version),
                axes=shown_number(len(self.view.sections)),
                items=shown_number(summary.item_count),
            )
        )
        self.code_label.setText(summary.code)
        self._update_buttons()

    def _draft(self) -> bool:
        t = self.view.summary if self.view else None
        return t is not None and t.status == "draft" and not t.used

    def _update_buttons(self) -> None:
        has = self.view is not None
        draft = self._draft()
        self.version_button.setEnabled(has)
        for b in (
            self.section_button,
            self.item_button,
            self.edit_button,
            self.remove_button,
            self.publish_button,
        ):
            b.setEnabled(draft)
        self.blank_button.setEnabled(has)

    def current_item(self) -> ItemView | None:
        index = self.item_table.currentIndex()
        return self.item_model.rows[index.row()] if index.isValid() else None

    # ------------------------------------------------------------------ actions
    def new_template(self) -> None:
        dialog = NewTemplateDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created:
            self.refresh(dialog.created.id)

    def new_version(self) -> None:
        if self.view is None:
            return
        view = self.view
        attempt(self, lambda: templates.new_version(self.ctx.store, self.ctx.actor, view.summary.id),
                on_done=lambda created: self.refresh(created.id))

    def add_section(self) -> None:
        if self.view is None:
            return
        numbers = [s.number for s in self.view.sections]
        dialog = SectionDialog(self.ctx, self.view.summary.id, max(numbers, default=0) + 1, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def add_item(self) -> None:
        if self.view is None:
            return
        if ItemDialog(self.ctx, self.view, None, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_item(self) -> None:
        item = self.current_item()
        if self.view is None or item is None or not self._draft():
            return
        if ItemDialog(self.ctx, self.view, item, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if not confirm(
            self,
            self.tr("Remove indicator"),
            self.tr("Remove indicator {code} from this draft?").format(
                code=display_code(item.code) if current_lang() == "fa" else item.code),
        ):
            return
        attempt(self, lambda: templates.remove_item(self.ctx.store, self.ctx.actor, item.id))
        self.refresh()

    def publish(self) -> None:
        if self.view is None:
            return
        if not confirm(
            self,
            self.tr("Publish"),
            self.tr("After publishing, this version can no longer change. Publish it?"),
        ):
            return
        view = self.view
        attempt(self, lambda: templates.publish(self.ctx.store, self.ctx.actor, view.summary.id))
        self.refresh()

    def print_blank(self) -> None:
        from integrity_desktop.ui.screens.checklists.actions import print_blank_form

        if self.view is not None:
            print_blank_form(self, self.ctx, self.view.summary.id)

    def screenshot_states(self) -> list[tuple[str, QWidget]]:
        if self.view is None:
            return []
        dialog = ItemDialog(self.ctx, self.view, self.view.items[0] if self.view.items else None, self)
        dialog.adjustSize()
        return [("indicator", dialog)]

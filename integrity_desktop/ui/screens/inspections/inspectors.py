"""The inspections screen's inspector registry tab: the inspectors, searched by name or national
code and filtered by status, a page at a time (``services.inspections.inspectors``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from integrity_desktop.services.inspections import inspectors
from integrity_desktop.services.inspections.common import INSPECTOR_STATUSES
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.inspections.common import make_button
from integrity_desktop.ui.screens.inspections.dialogs import InspectorDialog
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.search import after_typing, search_field
from integrity_desktop.ui.widgets.table_models import Column, current_row, make_table, service_model


class InspectorsTab(QWidget):
    """New and edit buttons, the search field, the status filter, the count and the table."""

    def __init__(self, ctx: UiContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = editable
        self.inspector_search = search_field("inspector_search", self.tr("Search name or national code"))
        self._search_timer = after_typing(self, self.inspector_search, self.reload, 250)
        self.inspector_status = choice_combo(INSPECTOR_STATUSES, self.tr("All statuses"))
        self.inspector_status.currentIndexChanged.connect(lambda _i: self.reload())
        self.inspectors_model = service_model(
            self.ctx,
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
            inspectors.list_inspectors, inspectors.count_inspectors, self._filter,
        )
        self.inspectors_view = make_table(self.inspectors_model, "inspectors_table")
        self.inspectors_view.activated.connect(lambda _i: self.edit_inspector())
        self.inspectors_count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(
                make_button(
                    self.tr("New inspector…"), "new_inspector", self.new_inspector, self.editable,
                    tip=self.tr("Add an inspector"),
                ),
                make_button(
                    self.tr("Edit…"), "edit_inspector", self.edit_inspector, self.editable,
                    tip=self.tr("Change the selected inspector's details"),
                ),
                self.inspector_search,
                self.inspector_status,
                self.inspectors_count,
            )
        )
        layout.addWidget(self.inspectors_view)

    def _filter(self) -> dict[str, Any]:
        query = inspectors.InspectorQuery(status=self.inspector_status.currentData(), text=self.inspector_search.text())
        return {"query": query}

    def reload(self) -> None:
        self.inspectors_model.reload()
        self.inspectors_count.setText(
            self.tr("{n} inspectors").format(n=shown_number(self.inspectors_model.total))
        )

    def new_inspector(self) -> None:
        if InspectorDialog(self.ctx, None, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def edit_inspector(self) -> None:
        info = current_row(self.inspectors_view)
        if not isinstance(info, inspectors.InspectorInfo) or not self.editable:
            return
        if InspectorDialog(self.ctx, info, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

"""The audit log for the administrator: who did what and when, filtered, paged, exported.

Pages come from ``services.audit.view`` (100 rows, indexed queries), so a page is read on the
GUI thread; the Excel export of everything filtered runs through ``run_task``.  The chain check
(``audit.verify_chain``) is shown above the table so tampering is visible where people look.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.digits import to_ascii_digits
from integrity_desktop.errors import UserError
from integrity_desktop.filenames import dated_name
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.services.audit import words as audit_words
from integrity_desktop.textnorm import MAX_SEARCH
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import error_text
from integrity_desktop.ui.widgets.panels import split
from integrity_desktop.ui.widgets.table_models import TableModel

PAGE = 100


def shown_time(value: _dt.datetime) -> str:
    text = jalali.format_datetime(value)
    return text if current_lang() == "fa" else to_ascii_digits(text)


class AuditTableModel(TableModel):
    """One page of audit entries (the pager moves from page to page; nothing is fetched on scroll).

    Signals: ``loaded(total)`` after a page was read; ``failed(text)`` with the Persian message
    of a refused query (a bad date range).
    """

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = audit_view.AuditFilter()
        self.rows: list[audit_view.AuditRow] = []
        self.page = 0
        self.headers = [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"),
                         self.tr("Record type"), self.tr("Record id"), self.tr("Changes")]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE))

    def set_filter(self, f: audit_view.AuditFilter) -> None:
        self.filter = f
        self.page = 0
        self.reload()

    def go(self, page: int) -> None:
        self.page = min(max(0, page), self.pages - 1)
        self.reload()

    def reload(self) -> None:
        try:
            total = audit_view.count_entries(self.ctx.store, self.ctx.actor, self.filter)
            rows = audit_view.list_entries(self.ctx.store, self.ctx.actor, self.filter,
                                           offset=self.page * PAGE, limit=PAGE)
        except UserError as exc:
            self.failed.emit(exc.message(current_lang()))
            return
        self.beginResetModel()
        self.total, self.rows = total, rows
        self.endResetModel()
        self.loaded.emit(total)

    # ------------------------------------------------------------------ the model
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return False  # ``total`` counts every matching entry; ``rows`` is the page shown

    def cell_data(self, row: audit_view.AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return f"{row.actor_name} ({isolate(row.actor)})"
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return row.changes_fa if current_lang() == "fa" else row.changes
        if role == Qt.ItemDataRole.ForegroundRole and row.action.startswith("login."):
            from PySide6.QtGui import QColor

            return QColor(palette.ERROR)  # failed and locked sign-ins stand out
        return None

    def cell(self, row: audit_view.AuditRow, column: int) -> str:
        action = row.action_fa if current_lang() == "fa" else row.action
        fa = current_lang() == "fa"
        changes = row.changes_fa if fa else isolate(row.changes)
        values = [shown_number(row.seq), shown_time(row.at), row.actor_name or isolate(row.actor), action,
                  row.entity_fa if fa else row.entity, isolate(row.entity_id or ""), changes[:200]]
        return values[column]


class AuditScreen(QWidget):
    """Filters above, the paged table in the middle, the selected entry's values below."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        if not ctx.can("audit.view"):
            notice = QLabel(self.tr("Only the system administrator may read the audit log."))
            notice.setObjectName("no_access")
            layout.addWidget(notice)
            layout.addStretch(1)
            self.model: AuditTableModel | None = None
            return
        self.chain = text_label("chain")
        layout.addWidget(self.chain)
        # The whole check (records against their entries, signed seals, the schema) takes
        # longer than the chain's: it runs off the GUI thread and reports here.
        self.records_check = text_label("records_check")
        layout.addWidget(self.records_check)
        self.checking = False

        filters = QHBoxLayout()
        self.actor_edit = QLineEdit()
        self.actor_edit.setMaxLength(MAX_SEARCH)  # the services refuse longer searches
        self.actor_edit.setObjectName("actor")
        self.actor_edit.setPlaceholderText(self.tr("User"))
        self.actor_edit.returnPressed.connect(self.apply)
        self.action_box = choice_combo(name="action")
        self.entity_box = choice_combo(name="entity")
        self.date_from = JalaliDateEdit(optional=True)
        self.date_from.setObjectName("date_from")
        self.date_to = JalaliDateEdit(optional=True)
        self.date_to.setObjectName("date_to")
        self.apply_button = push_button(self.tr("Show"), name="apply",
                                        tip=self.tr("Show the events that match these filters"),
                                        on_click=self.apply)
        self.export_button = push_button(self.tr("Export to Excel…"), name="export",
                                         tip=self.tr("Save the events shown as an Excel workbook"),
                                         on_click=self.choose_export)
        for label, widget in ((self.tr("User:"), self.actor_edit), (self.tr("Action:"), self.action_box),
                              (self.tr("Record type:"), self.entity_box), (self.tr("From:"), self.date_from),
                              (self.tr("To:"), self.date_to)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1)
        filters.addWidget(self.apply_button)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)

        self.error = error_line("error")
        layout.addWidget(self.error)

        self.model = AuditTableModel(ctx, self)
        self.table = QTableView()
        self.table.setObjectName("entries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # People's names and changes in words are long: the person gets a fixed share and the
        # changes what is left (elided; the whole text is in the tooltip and the details).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 190)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        layout.addWidget(split(Qt.Orientation.Vertical, self.table, self.details, stretch=(4, 1)), 1)

        pager = QHBoxLayout()
        self.prev_button = push_button(self.tr("Previous page"), name="prev",
                                       tip=self.tr("Show the previous page of events"))
        self.next_button = push_button(self.tr("Next page"), name="next",
                                       tip=self.tr("Show the next page of events"))
        self.page_label = QLabel()
        self.page_label.setObjectName("page")
        self.prev_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_button)
        layout.addLayout(pager)

        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self.error.setText)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.refresh()

    # ------------------------------------------------------------------ actions
    def refresh(self) -> None:
        """Re-read the filter lists, the chain check and the current page."""
        if self.model is None:
            return
        actions, entities = audit_view.choices(self.ctx.store, self.ctx.actor)
        fa = current_lang() == "fa"
        for box, values, labels in ((self.action_box, actions, audit_view.ACTION_LABELS_FA),
                                    (self.entity_box, entities, audit_words.ENTITY_LABELS_FA)):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(any)"), "")
            for value in values:
                box.addItem(labels.get(value, value) if fa else value, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        result = audit.verify_chain(self.ctx.store, self.ctx.actor)
        if result.ok:
            self.chain.setText(self.tr("Audit chain checked: %1 entries, no link broken.")
                               .replace("%1", shown_number(result.checked)))
            self.chain.setStyleSheet(f"color: {palette.OK}")
        else:
            self.chain.setText(self.tr("The audit chain is broken at entry %1: the log was changed "
                                       "outside the program. Tell the directorate's security officer.")
                               .replace("%1", shown_number(result.broken_seq or 0)))
            self.chain.setStyleSheet(f"color: {palette.ERROR}; font-weight: bold")
        self._check_records()
        self.model.reload()

    def _check_records(self) -> None:
        if self.checking:
            return
        self.checking = True
        self.records_check.setStyleSheet(f"color: {palette.HINT}")
        self.records_check.setText(self.tr("Checking every record against its audit entries…"))
        store = self.ctx.store
        run_task(self, lambda _report: audit.verify_store(store), self._records_checked,
                 self._records_failed, modal_progress=False)

    def _records_checked(self, result: audit.StoreCheck) -> None:
        self.checking = False
        if result.ok:
            self.records_check.setText(
                self.tr("Every record matches its audit entries; %1 signed seals hold.")
                .replace("%1", shown_number(result.seals)))
            self.records_check.setStyleSheet(f"color: {palette.OK}")
            return
        first = result.problems[0]
        self.records_check.setText(
            self.tr("The records or the log were changed outside the program (%1 problems). "
                    "First: %2 Tell the directorate's security officer.")
            .replace("%1", shown_number(len(result.problems)))
            .replace("%2", first.fa if current_lang() == "fa" else first.en))
        self.records_check.setStyleSheet(f"color: {palette.ERROR}; font-weight: bold")

    def _records_failed(self, exc: BaseException) -> None:
        self.checking = False
        self.records_check.setStyleSheet(f"color: {palette.ERROR}")
        self.records_check.setText(error_text(exc, self.ctx.lang))

    def current_filter(self) -> audit_view.AuditFilter:
        """The filter as typed; raises ``UserError`` for a bad date."""
        return audit_view.AuditFilter(
            actor=self.actor_edit.text().strip(), action=str(self.action_box.currentData() or ""),
            entity=str(self.entity_box.currentData() or ""),
            date_from=self.date_from.value_or_none(), date_to=self.date_to.value_or_none())

    def apply(self) -> None:
        assert self.model is not None
        self.error.clear()
        self.error.setStyleSheet(f"color: {palette.ERROR}")
        try:
            f = self.current_filter()
        except UserError as exc:
            self.error.setText(exc.message(current_lang()))
            return
        self.model.set_filter(f)

    def _go(self, step: int) -> None:
        assert self.model is not None
        self.model.go(self.model.page + step)

    def _loaded(self, total: int) -> None:
        assert self.model is not None
        self.error.clear()
        self.page_label.setText(self.tr("Page %1 of %2 (%3 entries)")
                                .replace("%1", shown_number(self.model.page + 1))
                                .replace("%2", shown_number(self.model.pages))
                                .replace("%3", shown_number(total)))
        self.prev_button.setEnabled(self.model.page > 0)
        self.next_button.setEnabled(self.model.page + 1 < self.model.pages)
        self.details.clear()

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        assert self.model is not None
        if not current.isValid():
            self.details.clear()
            return
        row = self.model.rows[current.row()]
        def latin(text: str) -> str:  # field names and JSON keep their own direction
            return isolate(text) if text else "—"

        lines = [f"{shown_time(row.at)} — {row.actor_name} ({latin(row.actor)}) — {self.model.cell(row, 3)}",
                 self.tr("Changes:") + " " + ((row.changes_fa or "—") if current_lang() == "fa"
                                              else latin(row.changes)),
                 self.tr("Before:") + " " + latin(row.before),
                 self.tr("After:") + " " + latin(row.after)]
        self.details.setPlainText("\n".join(lines))

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), dated_name("audit-log", ".xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write everything the current filter shows to ``path`` off the GUI thread."""
        try:
            f = self.current_filter()
        except UserError as exc:
            self.error.setText(exc.message(current_lang()))
            return
        store, actor = self.ctx.store, self.ctx.actor
        self.export_button.setEnabled(False)

        def done(count: object) -> None:
            self.export_button.setEnabled(True)
            self.last_export = path
            self.error.setStyleSheet(f"color: {palette.OK}")
            self.error.setText(self.tr("%1 entries were written to %2.")
                               .replace("%1", shown_number(count)).replace("%2", isolate(path)))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.error.setStyleSheet(f"color: {palette.ERROR}")
            self.error.setText(error_text(exc, current_lang()) if isinstance(exc, UserError)
                               else self.tr("The export failed unexpectedly; nothing was written."))

        run_task(self, lambda _report: audit_view.export_excel(store, actor, f, path), done, failed,
                 title=self.tr("Writing the audit log…"))

    last_export: Path | None = None

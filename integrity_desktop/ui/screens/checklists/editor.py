"""The checklist editor: one filled checklist, indicator by indicator, saved at every edit.

``ChecklistEditor(ctx, checklist_id, parent)`` is reusable (the inspections screens embed it in a
visit).  A table lists every indicator grouped by axis; the form beside it edits the current
one.  Each field is saved through ``checklists.save_entry`` the moment it is left (there is no
"save" button); the values it replaced go on an undo stack (Ctrl+Z; Ctrl+Shift+Z saves it again) for the life
of the widget.

Keyboard: Tab walks the form in reading order (status, progress, value, note, sub-tasks,
evidence, previous/next); "Next" (Ctrl+PgDown) moves to the next indicator and puts the cursor
on its status, so a whole checklist is filled without the mouse.

Beside the value: its unit, the accepted range (placeholder), the target and how far the value
is from it.  A computed indicator shows the figure its records give now, its formula in Persian
and a button listing those records; an approved checklist shows the figure it was approved with
and, when the records changed since, «تغییر پس از تأیید: اکنون …».  The reform programme's
checklist shows the programme's goal, outcomes and policies beside its items.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.indicators import (
    NO_TARGET,
    achievement,
    definition_text_fa,
    range_text_fa,
    target_text_fa,
    value_text_fa,
)
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring, templates
from integrity_desktop.services.checklists.filled import ENTRY_OWNER, EntryView
from integrity_desktop.services.store import evidence
from integrity_desktop.ui import text as ui_text
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.choose_file import choose_file
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import confirm
from integrity_desktop.ui.widgets.open_evidence import open_by_id
from integrity_desktop.ui.widgets.panels import side_by_side, split
from integrity_desktop.ui.widgets.table_models import KeyedModel, record_table

if TYPE_CHECKING:
    from integrity_desktop.ui.screens.dashboard.computed_records import ComputedRecordsDialog

ERROR_STYLE = f"border: 1px solid {palette.ERROR};"


def shown_percent(value: float | None) -> str:
    return ui_text.shown_percent(value)  # the one rounding rule (digits)


def shown_value(value: float | None) -> str:
    return ui_text.shown_value(value)


def shown_entry_value(e: EntryView) -> str:
    """The value with its unit as the table shows it (Persian digits in the Persian UI)."""
    if not e.definition.takes_value:
        return ""
    return shown_number(value_text_fa(e.definition, e.value))


class _NoUndoLineEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z to the editor (undo of saved edits, not of typing)."""

    def event(self, e: QEvent) -> bool:
        return False if _left_to_editor(e) else super().event(e)


def _undo_key(e: QKeyEvent) -> bool:
    """Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y belong to the editor's saved edits, not to a field."""
    return e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo)


def _left_to_editor(e: QEvent) -> bool:
    """Whether a field lets an undo or redo shortcut through to the editor (the event ignored)."""
    if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and _undo_key(e):
        e.ignore()
        return True
    return False


class _NoteEdit(QPlainTextEdit):
    """A note field: Tab leaves it, leaving it saves it (``left``), Ctrl+Z goes to the editor."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, e: Any) -> None:
        super().focusOutEvent(e)
        self.left.emit()

    def event(self, e: QEvent) -> bool:
        return False if _left_to_editor(e) else super().event(e)


class EntryTableModel(KeyedModel):
    """The indicators of one checklist (at most a few hundred, loaded with the checklist)."""

    COLUMNS = ("code", "title", "status", "progress", "value", "evidence")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EntryView] = []
        self.headers = [
            self.tr("Code"),
            self.tr("Indicator"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("Value"),
            self.tr("Evidence"),
        ]

    @property
    def entries(self) -> list[EntryView]:
        return self.rows

    def set_entries(self, entries: list[EntryView]) -> None:
        self.set_rows(entries)

    def replace(self, entry: EntryView) -> int:
        for row, old in enumerate(self.entries):
            if old.id == entry.id:
                self.entries[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return row
        return -1

    def row_of(self, entry_id: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e.id == entry_id), -1)

    def cell(self, e: EntryView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "code":
                return e.code_fa if current_lang() == "fa" else e.item_code
            if column == "title":
                return e.title
            if column == "status":
                return e.status_label
            if column == "progress":
                return "" if e.progress is None else shown_percent(e.progress)
            if column == "value":
                text = shown_entry_value(e)
                return f"{text} ⟳" if e.computed and text else text
            if column == "evidence":
                return shown_number(e.evidence_count) if e.evidence_count else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return e.title
        if role == Qt.ItemDataRole.ToolTipRole and column == "value" and e.computed:
            return e.changed_since_approval_fa or e.formula_fa
        if role == Qt.ItemDataRole.BackgroundRole and column == "value" and e.changed_since_approval:
            return QBrush(QColor(CHANGED_COLOUR))
        if role == Qt.ItemDataRole.BackgroundRole and e.axis_number % 2 == 0:
            return QBrush(QColor(palette.ROW_SHADE))
        if role == Qt.ItemDataRole.ForegroundRole and not e.asked:
            return QBrush(QColor(palette.DISABLED))
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(QColor(STATUS_COLOURS.get(e.status, palette.BLACK)))
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        return None


CHANGED_COLOUR = palette.CHANGED_BG
STATUS_COLOURS = {
    "done": palette.OK,
    "partial": palette.PARTIAL,
    "not_done": palette.ERROR,
    "na": palette.NEUTRAL,
    "": palette.SECONDARY,
}


class _SavedEdit(QUndoCommand):
    """One saved edit of an answer: undo saves the values it replaced, redo saves it again.
    Pushed after the save (the first ``redo`` has nothing to do)."""

    def __init__(self, editor: ChecklistEditor, entry_id: str, before: dict[str, Any],
                 after: dict[str, Any]) -> None:
        super().__init__()
        self.editor, self.entry_id, self.before, self.after = editor, entry_id, before, after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self.editor._restore(self.entry_id, self.after, redone=True):
            self.setObsolete(True)  # refused (the checklist was sent, say): dropped from the stack

    def undo(self) -> None:
        if not self.editor._restore(self.entry_id, self.before, redone=False):
            self.setObsolete(True)


class ChecklistEditor(QWidget):
    """Edit one checklist.  Signals: ``saved(entry_id)`` after every saved edit;
    ``completion_changed(float | None)``.  Attributes used by tests: ``status``, ``progress``,
    ``value``, ``note``, ``subtasks``, ``error_label``, ``saved_label``, ``table``, ``model``.
    """

    saved = Signal(str)
    completion_changed = Signal(object)

    def __init__(self, ctx: UiContext, checklist_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checklist_id = checklist_id
        self.setObjectName("checklist_editor")
        self.undo_stack = QUndoStack(self)  # saved edits, for the life of the widget
        self._loading = False
        self._current: EntryView | None = None
        self.summary: checklists.ChecklistSummary | None = None
        self._context_shown: tuple[str, int] | None = None
        self._build()
        self.reload()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.completion_label = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setStyleSheet(f"color: {palette.OK}")
        self.print_button = push_button(self.tr("Print…"),
                                        tip=self.tr("Show the filled checklist as a PDF, ready to print"),
                                        on_click=self.print_filled)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(
            self.tr("Save this checklist as an Excel workbook to fill in outside the program")
        )
        self.export_button.clicked.connect(self.export_excel)
        self.import_button = push_button(self.tr("Import workbook…"),
                                         tip=self.tr("Read back a workbook filled in outside the program"),
                                         on_click=self.import_excel)
        self.submit_button = push_button(self.tr("Send for review"),
                                         tip=self.tr("Send this checklist to headquarters for review"),
                                         on_click=self.submit)
        self.approve_button = push_button(
            self.tr("Approve"),
            name="approve_button",
            tip=self.tr("Approve this checklist: its answers and figures are locked"),
            on_click=self.approve,
        )
        self.return_button = QPushButton(self.tr("Return for correction…"))
        self.return_button.setObjectName("return_button")
        self.return_button.setToolTip(
            self.tr("Send this checklist back to the office with a note on what to correct")
        )
        self.return_button.clicked.connect(self.ask_return)
        self.review_banner = text_label("review_banner")
        self.review_banner.setStyleSheet(
            f"background: {palette.NOTICE_BG}; border: 1px solid {palette.NOTICE_BORDER}; padding: 6px; color: {palette.NOTICE_TEXT}"
        )
        self.review_banner.setVisible(False)
        self.undo_button = push_button(self.tr("Undo"), tip=self.tr("Undo the last saved edit (Ctrl+Z)"),
                                       on_click=self.undo)
        self.undo_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = push_button(self.tr("Redo"),
                                       tip=self.tr("Save again the edit just undone (Ctrl+Shift+Z)"),
                                       on_click=self.redo)
        self.redo_button.setEnabled(False)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        head = side_by_side((self.title_label, 1), self.completion_label, self.saved_label)
        actions = button_row(self.undo_button, self.redo_button, self.print_button, self.export_button,
                             self.import_button, self.submit_button, self.approve_button, self.return_button)

        self.axes = QListWidget()
        self.axes.setObjectName("axes")
        self.axes.currentRowChanged.connect(self._axis_chosen)
        self.axes.setWordWrap(True)
        self.axes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.axes.setSpacing(2)
        self.model = EntryTableModel(self)
        self.table = record_table(self.model, "entries", 1)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _i: self.status.setFocus())

        form_box = QGroupBox(self.tr("Indicator"))
        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)
        self.basis_label = QLabel()
        self.basis_label.setWordWrap(True)
        self.lead_label = QLabel()
        self.lead_label.setWordWrap(True)
        self.status: QComboBox = QComboBox()
        self.status.setObjectName("status")
        for code in checklists.STATUSES:
            self.status.addItem(checklists.STATUS_LABELS_FA[code], code)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.progress = _NoUndoLineEdit()
        self.progress.setObjectName("progress")
        self.progress.setPlaceholderText(self.tr("0 to 100"))
        self.progress.editingFinished.connect(lambda: self._field_left("progress"))
        self.value = _NoUndoLineEdit()
        self.value.setObjectName("value")
        self.value.editingFinished.connect(lambda: self._field_left("value"))
        self.value_label = QLabel(self.tr("Value:"))
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unit")
        value_row = QHBoxLayout()
        value_row.setContentsMargins(0, 0, 0, 0)
        value_row.addWidget(self.value, 1)
        value_row.addWidget(self.unit_label)
        self.value_box = QWidget()
        self.value_box.setLayout(value_row)
        self.target_label = text_label("target")
        self.measure_label = text_label("measure")
        self.measure_label.setStyleSheet(f"color: {palette.SECONDARY}")
        self.source_label = text_label("source")
        self.source_label.setStyleSheet(f"color: {palette.SECONDARY}")
        self.records_button = push_button(self.tr("Records behind this figure…"), name="records_button",
                                          tip=self.tr("List the records this figure is computed from"),
                                          on_click=self.show_records)
        self.approval_label = text_label("approval")
        self.approval_label.setStyleSheet(f"background: {CHANGED_COLOUR}; padding: 3px; color: {palette.NOTICE_TEXT}")
        self.not_asked_label = QLabel(self.tr(
            "Not asked in this period: the answer given earlier is kept, and completion leaves it out."
        ))
        self.not_asked_label.setObjectName("not_asked")
        self.not_asked_label.setWordWrap(True)
        self.not_asked_label.setStyleSheet(f"color: {palette.NOT_ASKED}")
        self.note = _NoteEdit()
        self.note.setObjectName("note")
        self.note.setMaximumHeight(90)
        self.note.left.connect(lambda: self._field_left("note"))
        self.subtasks = QListWidget()
        self.subtasks.setObjectName("subtasks")
        self.subtasks.setMaximumHeight(110)
        self.subtasks.itemChanged.connect(self._subtask_changed)
        self.subtasks_label = QLabel(self.tr("Sub-tasks:"))
        self.evidence_list = QListWidget()
        self.evidence_list.setObjectName("evidence")
        self.evidence_list.setMaximumHeight(80)
        self.evidence_list.itemActivated.connect(lambda _i: self.open_evidence())
        self.attach_button = push_button(self.tr("Attach file…"),
                                         tip=self.tr("Attach a document to this indicator"),
                                         on_click=self.attach_evidence)
        self.open_button = push_button(self.tr("Open"), tip=self.tr("Open the selected document"),
                                       on_click=self.open_evidence)
        self.remove_button = push_button(self.tr("Remove"),
                                         tip=self.tr("Remove the selected document from this indicator"),
                                         on_click=self.remove_evidence)
        evidence_buttons = button_row(self.attach_button, self.open_button, self.remove_button)
        self.error_label = error_line("error_label")
        self.previous_button = push_button(self.tr("Previous indicator"), tip=self.tr("Ctrl+PgUp"),
                                           on_click=lambda: self.move_row(-1))
        self.next_button = push_button(self.tr("Next indicator"), tip=self.tr("Ctrl+PgDown"),
                                       on_click=lambda: self.move_row(1))
        nav = button_row(self.previous_button, self.next_button)

        form = QFormLayout(form_box)
        form.addRow(self.item_label)
        form.addRow(self.tr("Legal basis:"), self.basis_label)
        form.addRow(self.tr("Lead unit:"), self.lead_label)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Progress (%):"), self.progress)
        form.addRow(self.value_label, self.value_box)
        form.addRow(self.target_label)
        form.addRow(self.measure_label)
        form.addRow(self.source_label)
        form.addRow(self.records_button)
        form.addRow(self.approval_label)
        form.addRow(self.not_asked_label)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.subtasks_label, self.subtasks)
        form.addRow(self.tr("Evidence:"), self.evidence_list)
        form.addRow(evidence_buttons)
        form.addRow(self.error_label)
        form.addRow(nav)
        self._form = form

        self.context = QTextBrowser()
        self.context.setObjectName("programme_context")
        self.context.setOpenLinks(False)
        self.context.hide()
        side = split(Qt.Orientation.Vertical, self.axes, self.context, sizes=(260, 300))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        # The form scrolls rather than growing the window past 1366×768 when an indicator
        # carries a formula, an approval note and sub-tasks at once.
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(form_box)
        splitter.addWidget(side)
        splitter.addWidget(self.table)
        splitter.addWidget(form_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([230, 560, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.review_banner)
        layout.addWidget(splitter, 1)

        # Reading order, right to left then down: the form's fields, then moving on.
        order = [
            self.status,
            self.progress,
            self.value,
            self.records_button,
            self.note,
            self.subtasks,
            self.evidence_list,
            self.attach_button,
            self.open_button,
            self.remove_button,
            self.previous_button,
            self.next_button,
            self.table,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo, context=context)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.redo, context=context)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.move_row(1), context=context)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.move_row(-1), context=context)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_filled, context=context)

    # ------------------------------------------------------------------ loading
    @property
    def editable(self) -> bool:
        return self.summary is not None and checklists.can_edit(self.ctx.actor, self.summary)

    def reload(self) -> None:
        loaded = attempt(self, lambda: checklists.get_checklist(self.ctx.store, self.ctx.actor, self.checklist_id),
                         error_label=self.title_label)
        if not loaded:
            self.setEnabled(False)
            return
        view = loaded.value
        self.summary = view.summary
        keep = self._current.id if self._current else None
        self.model.set_entries(list(view.entries))
        self._show_summary()
        self._fill_axes()
        row = self.model.row_of(keep) if keep else 0
        self.select_row(max(0, row))

    def _show_summary(self) -> None:
        s = self.summary
        if s is None:
            return
        self.title_label.setText(
            self.tr("<b>{template}</b><br>{unit} — {period} — {status}").format(
                template=s.template_title,
                unit=s.unit_name,
                period=s.period_label,
                status=s.status_label,
            )
        )
        self._show_completion(s.completion)
        can_edit = self.editable
        for w in (self.import_button, self.attach_button, self.remove_button, self.undo_button, self.redo_button):
            w.setVisible(self.ctx.can("checklists.edit"))
        self.submit_button.setVisible(can_edit)
        self.approve_button.setVisible(checklists.can_approve(self.ctx.actor, s))
        self.return_button.setVisible(checklists.can_return(self.ctx.actor, s))
        self._show_review_banner(s)
        for field in (self.status, self.progress, self.value, self.note, self.subtasks):
            field.setEnabled(can_edit)
        self.import_button.setEnabled(can_edit)
        self.attach_button.setEnabled(can_edit)
        self.remove_button.setEnabled(can_edit)

    def _show_review_banner(self, s: checklists.ChecklistSummary) -> None:
        if s.status == "submitted":
            text = self.tr("Sent for review: read-only until headquarters approves it or returns it "
                           "for correction.")
        elif s.status == "approved":
            text = self.tr("Approved: the answers and figures are locked.")
        elif s.review_note:
            text = self.tr("Returned for correction by headquarters: {note}").format(
                note=html.escape(s.review_note))
        elif not self.editable and self.ctx.can("checklists.edit"):
            text = self.tr("A province's checklist: headquarters does not change its answers; "
                           "return it for correction instead.")
        else:
            text = ""
        self.review_banner.setText(text)
        self.review_banner.setVisible(bool(text))

    def _show_completion(self, completion: float | None) -> None:
        self.completion_label.setText(
            self.tr("Completion: {percent}").format(percent=shown_percent(completion))
        )

    def _fill_axes(self) -> None:
        """One row per axis with its completion (the service's formula over the shown answers)."""
        current = self.axes.currentRow()
        self.axes.blockSignals(True)
        self.axes.clear()
        self._axis_rows: list[int] = []
        seen: dict[int, list[EntryView]] = {}
        for e in self.model.entries:
            seen.setdefault(e.axis_number, []).append(e)
        for number, entries in seen.items():
            percent = scoring.completion((e.status, e.progress) for e in entries)
            item = QListWidgetItem(
                f"{shown_number(number)}. ({shown_percent(percent)}) {entries[0].axis_title}"
            )
            item.setToolTip(entries[0].axis_title)
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.axes.addItem(item)
            self._axis_rows.append(self.model.row_of(entries[0].id))
        if 0 <= current < self.axes.count():
            self.axes.setCurrentRow(current)
        self.axes.blockSignals(False)

    def _axis_chosen(self, index: int) -> None:
        if 0 <= index < len(self._axis_rows):
            self.select_row(self._axis_rows[index])

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self._flush()
        self.show_entry(self.model.entries[current.row()])

    def show_entry(self, e: EntryView) -> None:
        self._loading = True
        try:
            self._current = e
            self.error_label.clear()
            for w in (self.progress, self.value):
                w.setStyleSheet("")
            self.item_label.setText(f"{e.code_fa if current_lang() == 'fa' else e.item_code} — {e.title}")
            self.basis_label.setText(e.legal_basis or "—")
            self.lead_label.setText(e.lead_unit or "—")
            self.status.setCurrentIndex(max(0, self.status.findData(e.status)))
            self.progress.setText("" if e.progress is None else shown_number(e.progress))
            self.value.setText(shown_value(e.value))
            self._show_measure(e)
            self._show_context(e)
            self.note.setPlainText(e.note)
            self.subtasks.clear()
            for i, text in enumerate(e.subtasks):
                item = QListWidgetItem(text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if i in e.subtasks_done else Qt.CheckState.Unchecked)
                self.subtasks.addItem(item)
            self.subtasks.setVisible(bool(e.subtasks))
            self.subtasks_label.setVisible(bool(e.subtasks))
            row = self.model.row_of(e.id)
            self.previous_button.setEnabled(row > 0)
            self.next_button.setEnabled(row < self.model.rowCount() - 1)
            axis_index = next(
                (
                    i
                    for i in range(self.axes.count())
                    if self.axes.item(i).data(Qt.ItemDataRole.UserRole) == e.axis_number
                ),
                -1,
            )
            self.axes.blockSignals(True)
            self.axes.setCurrentRow(axis_index)
            self.axes.blockSignals(False)
        finally:
            self._loading = False
        self._load_evidence()

    def _show_measure(self, e: EntryView) -> None:
        """Unit, range, target and achievement; formula and records of a computed figure."""
        d = e.definition
        self.value.setVisible(d.takes_value)
        self.value_box.setVisible(d.takes_value)
        self.value_label.setVisible(d.takes_value)
        self.unit_label.setText(d.unit_fa if d.takes_value and d.kind != "ratio" else "")
        self.value.setPlaceholderText(shown_number(range_text_fa(d)) if d.takes_value else "")
        self.value.setReadOnly(e.computed)
        self.value.setToolTip(self.tr("Computed: change the records behind it") if e.computed else "")
        target = target_text_fa(d)
        if target:
            result = achievement(d, e.value)
            text = self.tr("Target: {target}").format(target=target)
            if result.state != NO_TARGET:
                text += " — " + result.label_fa(d)
            self.target_label.setText(text)
            met = result.state == "met"
            self.target_label.setStyleSheet(f"color: {palette.OK if met else palette.ERROR_STRONG}; font-weight: bold")
        self.target_label.setVisible(bool(target))
        measure = self.tr("Measure: {measure}").format(measure=definition_text_fa(d))
        if d.measurement_fa:
            measure += "\n" + self.tr("How it is measured: {rule}").format(rule=d.measurement_fa)
        self.measure_label.setText(measure)
        self.source_label.setVisible(e.computed)
        self.records_button.setVisible(e.computed)
        self.source_label.setText(self._source_text(e) if e.computed else "")
        self.approval_label.setVisible(e.frozen)
        if e.frozen:
            approved = shown_number(value_text_fa(d, e.value)) or "—"
            text = self.tr("Approved figure: {value} (frozen with the checklist's approval).").format(value=approved)
            if e.changed_since_approval:
                text += " " + shown_number(e.changed_since_approval_fa)
            self.approval_label.setText(text)
        self.not_asked_label.setVisible(not e.asked)

    def _show_context(self, e: EntryView) -> None:
        """The reform programme's goal, outcomes and policies beside its items."""
        s = self.summary
        context = templates.programme_context(s.template_code, e.axis_number) if s else None
        self.context.setVisible(context is not None)
        if context is None or s is None or self._context_shown == (s.template_code, e.axis_number):
            return
        self._context_shown = (s.template_code, e.axis_number)

        def items(values: tuple[str, ...]) -> str:
            return "<ul>" + "".join(f"<li>{html.escape(v)}</li>" for v in values) + "</ul>"

        heading = self.tr("Programme {n}: {title}").format(n=shown_number(context.number), title=context.title_fa)
        goal = self.tr("Quantitative goal:")
        outcomes = self.tr("Expected outcomes:")
        policies = self.tr("General policies it carries out:")
        goals = self.tr("Main goals of the reform programme:")
        strategies = self.tr("Main strategies:")
        parts = [f"<h3>{html.escape(heading)}</h3>"]
        if context.quantitative_goal:
            parts.append(f"<p><b>{goal}</b> {html.escape(context.quantitative_goal)}</p>")
        parts.append(f"<p><b>{outcomes}</b></p>{items(context.outcomes)}")
        parts.append(f"<p><b>{policies}</b></p>{items(context.policy_references)}")
        parts.append(f"<p><b>{goals}</b></p>{items(context.goals)}")
        parts.append(f"<p><b>{strategies}</b></p>{items(context.strategies)}")
        self.context.setHtml(shown_number("".join(parts)) if current_lang() == "fa" else "".join(parts))

    def _source_text(self, e: EntryView) -> str:
        source = e.computed_source or {}
        text = self.tr("Computed from the records; it cannot be changed by hand.")
        if e.formula_fa:
            text += "\n" + self.tr("Formula: {formula}").format(formula=e.formula_fa)
        numerator, denominator = source.get("numerator"), source.get("denominator")
        if denominator is not None and not e.frozen:
            text += "\n" + self.tr("{numerator} of {denominator}").format(
                numerator=shown_number(numerator or 0), denominator=shown_number(denominator))
        return text

    def show_records(self) -> ComputedRecordsDialog | None:
        """The records behind the current computed figure (a dialog; returned for tests)."""
        e, s = self._current, self.summary
        if e is None or s is None or not e.computed:
            return None
        from integrity_desktop.ui.screens.dashboard.computed_records import ComputedRecordsDialog

        dialog = ComputedRecordsDialog(self.ctx, e, s.period_code, s.office_code, self)
        dialog.open()
        return dialog

    def _load_evidence(self) -> None:
        self.evidence_list.clear()
        e = self._current
        if e is None:
            return
        for info in evidence.list_for(self.ctx.store, self.ctx.actor, ENTRY_OWNER, e.id):
            item = QListWidgetItem(f"{info.filename} ({info.size_label})")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.evidence_list.addItem(item)
        has = self.evidence_list.count() > 0
        if has:
            self.evidence_list.setCurrentRow(0)
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.editable)

    # ------------------------------------------------------------------ saving
    def _status_changed(self, _index: int) -> None:
        if not self._loading:
            self._save({"status": self.status.currentData()})

    def _subtask_changed(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        done = [
            i
            for i in range(self.subtasks.count())
            if self.subtasks.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._save({"subtasks_done": done})

    def _field_left(self, field: str) -> None:
        if self._loading or self._current is None or not self.editable:
            return
        e = self._current
        if field == "progress":
            shown = "" if e.progress is None else shown_number(e.progress)
            text = self.progress.text().strip()
            if text != shown:
                self._save({"progress": text or None}, self.progress)
        elif field == "value":
            if not e.counts or e.computed:
                return
            text = self.value.text().strip()
            if text != shown_value(e.value):
                self._save({"value": text or None}, self.value)
        elif field == "note" and self.note.toPlainText().strip() != e.note:
            self._save({"note": self.note.toPlainText()})

    def _flush(self) -> None:
        """Save whatever field is still being typed in (before moving away)."""
        for field in ("progress", "value", "note"):
            self._field_left(field)

    def _save(self, fields: dict[str, Any], widget: QWidget | None = None, record_undo: bool = True) -> bool:
        e = self._current
        if e is None:
            return False
        saved = attempt(self, lambda: checklists.save_entry(self.ctx.store, self.ctx.actor, e.id, **fields),
                        error_label=self.error_label)
        if not saved:
            self.saved_label.clear()
            if widget is not None:
                widget.setStyleSheet(ERROR_STYLE)
            return False
        result = saved.value
        self.error_label.clear()
        if widget is not None:
            widget.setStyleSheet("")
        if result.changed and record_undo:
            previous = result.previous.as_fields()
            # redo saves the fields as they were given (checked again, as any edit)
            self.undo_stack.push(_SavedEdit(self, e.id, {k: previous[k] for k in fields}, dict(fields)))
        self._applied(result)
        return True

    def _applied(self, result: checklists.SaveResult) -> None:
        entry = result.entry
        self.model.replace(entry)
        if self._current is not None and self._current.id == entry.id:
            self._current = entry
            self._show_measure(entry)  # the achievement follows the value just saved
        if self.summary is not None:
            self.summary = checklists.ChecklistSummary(
                **{**self.summary.__dict__, "completion": result.completion}
            )
        self._show_completion(result.completion)
        self._fill_axes()
        self.saved_label.setText(self.tr("Saved"))
        self.saved.emit(entry.id)
        self.completion_changed.emit(result.completion)

    def undo(self) -> None:
        """Put back the values the last saved edit replaced."""
        self.undo_stack.undo()

    def redo(self) -> None:
        """Save again the edit just undone."""
        self.undo_stack.redo()

    def _restore(self, entry_id: str, fields: dict[str, Any], *, redone: bool) -> bool:
        """Select the answer and save ``fields`` on it (not itself an undo step)."""
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectionModel().blockSignals(False)
            self._current = self.model.entries[row]
        if not self._save(fields, record_undo=False):
            return False
        if self._current is not None:
            self.show_entry(self._current)
        self.saved_label.setText(self.tr("Saved again") if redone else self.tr("Undone and saved"))
        return True

    @property
    def undo_depth(self) -> int:
        return self.undo_stack.index()

    def move_row(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if 0 <= row < self.model.rowCount():
            self._flush()
            self.select_row(row)
            self.status.setFocus()

    def hideEvent(self, e: Any) -> None:
        self._flush()
        super().hideEvent(e)

    # ------------------------------------------------------------------ evidence
    def attach_evidence(self) -> None:
        e = self._current
        if e is None:
            return
        path = choose_file(self, self.tr("Attach evidence"), self.tr(
            "Documents and images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx "
            "*.xls *.xlsx *.odt *.ods *.txt);;All files (*)"
        ))
        if path:
            self.attach_file(str(path))

    def attach_file(self, path: str) -> None:
        """Store a file as evidence of the current indicator (hashing runs off the GUI thread)."""
        e = self._current
        if e is None:
            return
        store, actor, entry_id = self.ctx.store, self.ctx.actor, e.id

        def done(_info: object) -> None:
            self._refresh_entry(entry_id)
            self.saved_label.setText(self.tr("Saved"))

        run_task(
            self,
            lambda _report: evidence.attach(store, actor, ENTRY_OWNER, entry_id, path),
            done,
            title=self.tr("Storing the file…"),
        )

    def _refresh_entry(self, entry_id: str) -> None:
        entry = checklists.get_entry(self.ctx.store, self.ctx.actor, entry_id)
        self.model.replace(entry)
        if self._current is not None and self._current.id == entry_id:
            self._current = entry
            self._load_evidence()

    def _chosen_evidence(self) -> str | None:
        item = self.evidence_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def open_evidence(self) -> None:
        evidence_id = self._chosen_evidence()
        if evidence_id is not None:
            open_by_id(self, self.ctx.store, evidence_id)

    def remove_evidence(self) -> None:
        evidence_id = self._chosen_evidence()
        if evidence_id is None or self._current is None:
            return
        if not confirm(self, self.tr("Remove evidence"), self.tr("Remove this file from the indicator?")):
            return
        if not attempt(self, lambda: evidence.detach(self.ctx.store, self.ctx.actor, evidence_id)):
            return
        self._refresh_entry(self._current.id)

    # ------------------------------------------------------------------ whole checklist
    def submit(self) -> None:
        self._flush()
        if not confirm(
            self, self.tr("Send for review"), self.tr("Send this checklist to headquarters for review?")
        ):
            return
        if self._step(lambda: checklists.submit(self.ctx.store, self.ctx.actor, self.checklist_id)):
            self._show_summary()

    def approve(self) -> None:
        if not confirm(self, self.tr("Approve"), self.tr(
                "Approve this checklist? Its answers and computed figures are locked as they are.")):
            return
        if self._step(lambda: checklists.approve(self.ctx.store, self.ctx.actor, self.checklist_id)):
            self.reload()

    def ask_return(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        note, ok = QInputDialog.getMultiLineText(
            self, self.tr("Return for correction"),
            self.tr("What should the office correct? The note goes to the office with the checklist."),
        )
        if ok:
            self.return_with_note(note)

    def return_with_note(self, note: str) -> bool:
        """Return the checklist to the office with ``note``; False (and the message shown) when
        the service refuses, e.g. an empty note."""
        if not self._step(lambda: checklists.reopen(self.ctx.store, self.ctx.actor, self.checklist_id, note)):
            return False
        self.reload()
        return True

    def _step(self, work: Callable[[], checklists.ChecklistSummary]) -> bool:
        """A step of the checklist's life cycle (send, approve, return); the summary it answers
        with is kept when it went through, a refusal is shown."""
        done = attempt(self, work)
        if done:
            self.summary = done.value
        return bool(done)

    def print_filled(self) -> None:
        from integrity_desktop.ui.screens.checklists.actions import print_filled_checklist

        self._flush()
        print_filled_checklist(self, self.ctx, self.checklist_id)

    def export_excel(self) -> None:
        from integrity_desktop.ui.screens.checklists.actions import export_checklists

        self._flush()
        export_checklists(self, self.ctx, [self.checklist_id])

    def import_excel(self) -> None:
        from integrity_desktop.ui.screens.checklists.actions import import_workbook

        self._flush()
        # The edited workbook may have changed this checklist: show the stored values again.
        import_workbook(self, self.ctx, on_applied=lambda _summary: self.reload())

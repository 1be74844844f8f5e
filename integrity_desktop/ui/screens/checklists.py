"""Checklists: the office's filled checklists with filters and Persian search, page by page.

The list is a ``QAbstractTableModel`` fed from ``checklists.list_checklists`` (offset/limit) and
``count_checklists`` through ``canFetchMore``/``fetchMore``.  Opening a checklist shows the
``ChecklistEditor`` in place of the list.  Printing (blank form or filled checklist, with a
preview), Excel export and import run off the GUI thread through ``run_task``.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.digits import to_ascii_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period
from integrity_desktop.services import checklists, offices, templates
from integrity_desktop.services.checklists import CHECKLIST_STATUS_LABELS_FA, ChecklistSummary
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets.messages import show_exception, show_info
from integrity_desktop.ui.widgets.table_models import PagedColumnsModel

PAGE = 100
ALL = object()  # "no filter" in the filter combos

PERIOD_KINDS = ("year", "half", "quarter", "month")


def shown_percent(value: float | None) -> str:
    return "—" if value is None else shown_number(round(value)) + "٪"


def recent_periods(years: int = 3) -> list[Period]:
    """Periods of the current Jalali year and the ones before, newest first (for filters)."""
    this_year = jalali.jalali_year(jalali.today())
    out: list[Period] = []
    for year in range(this_year, this_year - years, -1):
        for kind in PERIOD_KINDS:
            out.extend(jalali.periods_of_year(year, kind))  # type: ignore[arg-type]
    return sorted(out, reverse=True)


# --------------------------------------------------------------------------- actions


def _temp_pdf(stem: str) -> Path:
    return Path(tempfile.mkdtemp(prefix="integrity-print-")) / f"{stem}.pdf"


def _preview(parent: QWidget, path: Path, title: str) -> None:
    from integrity_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(path, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent._last_preview = dialog  # type: ignore[attr-defined]  # tests look at it
    dialog.open()


def print_filled_checklist(parent: QWidget, ctx: UiContext, checklist_id: str) -> None:
    """Build the filled checklist's PDF off the GUI thread, then preview it."""
    from integrity_desktop.reports import checklist_pdf

    out = _temp_pdf("checklist")
    store, actor = ctx.store, ctx.actor
    run_task(
        parent,
        lambda _r: checklist_pdf.filled(store, actor, checklist_id, out),
        lambda path: _preview(
            parent, Path(path), QCoreApplication.translate("ChecklistActions", "Filled checklist")
        ),
        title=QCoreApplication.translate("ChecklistActions", "Preparing the PDF…"),
    )


def print_blank_form(
    parent: QWidget,
    ctx: UiContext,
    template_id: str,
    unit_id: str | None = None,
    period_code: str | None = None,
) -> None:
    """A paper form of a template for a visit, previewed before printing."""
    from integrity_desktop.reports import checklist_pdf

    out = _temp_pdf("blank-form")
    store, actor = ctx.store, ctx.actor
    run_task(
        parent,
        lambda _r: checklist_pdf.blank_form(
            store, actor, template_id, out, unit_id=unit_id, period_code=period_code
        ),
        lambda path: _preview(
            parent, Path(path), QCoreApplication.translate("ChecklistActions", "Blank form")
        ),
        title=QCoreApplication.translate("ChecklistActions", "Preparing the PDF…"),
    )


def export_checklists(
    parent: QWidget,
    ctx: UiContext,
    checklist_ids: list[str] | None = None,
    period_code: str | None = None,
    path: str | None = None,
    on_done: Callable[[Any], None] | None = None,
) -> None:
    """Write checklists to an Excel workbook chosen by the user."""
    from integrity_desktop.reports import checklist_excel

    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ChecklistActions", "Export to Excel"),
            str(Path.home() / "checklists.xlsx"),
            QCoreApplication.translate("ChecklistActions", "Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
    store, actor, target = ctx.store, ctx.actor, path

    def done(summary: Any) -> None:
        show_info(
            parent,
            QCoreApplication.translate("ChecklistActions", "Export to Excel"),
            QCoreApplication.translate(
                "ChecklistActions", "{rows} rows in {sheets} sheets were written to {path}."
            ).format(
                rows=shown_number(summary.rows), sheets=shown_number(len(summary.sheets)), path=summary.path
            ),
        )
        if on_done is not None:
            on_done(summary)

    run_task(
        parent,
        lambda _r: checklist_excel.export_workbook(
            store, actor, target, period_code=period_code, checklist_ids=checklist_ids
        ),
        done,
        title=QCoreApplication.translate("ChecklistActions", "Writing the workbook…"),
    )


class ImportProblemsDialog(QDialog):
    """Every problem of a refused workbook with its sheet and cell; nothing was written."""

    def __init__(self, problems: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The workbook was not imported"))
        self.resize(820, 480)
        intro = QLabel(
            self.tr(
                "Nothing was written. Correct these {count} cells in the workbook and import it again:"
            ).format(count=shown_number(len(problems)))
        )
        intro.setWordWrap(True)
        self.model = ProblemModel(problems, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class ProblemModel(QAbstractTableModel):
    def __init__(self, problems: list[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems = problems
        self._headers = [self.tr("Sheet"), self.tr("Cell"), self.tr("Problem")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.problems[index.row()]
        return (p.sheet, p.cell, p.fa)[index.column()]


def import_workbook(
    parent: QWidget, ctx: UiContext, path: str | None = None, on_applied: Callable[[Any], None] | None = None
) -> None:
    """Check and import an edited workbook; problems are listed with their cells, nothing written."""
    from integrity_desktop.reports import checklist_excel

    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ChecklistActions", "Import workbook"),
            str(Path.home()),
            QCoreApplication.translate("ChecklistActions", "Excel workbook (*.xlsx)"),
        )
        if not path:
            return
    store, actor, source = ctx.store, ctx.actor, path

    def done(summary: Any) -> None:
        if summary.problems:
            dialog = ImportProblemsDialog(list(summary.problems), parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            parent._import_problems = dialog  # type: ignore[attr-defined]  # tests look at it
            dialog.open()
            return
        show_info(
            parent,
            QCoreApplication.translate("ChecklistActions", "Import workbook"),
            QCoreApplication.translate(
                "ChecklistActions",
                "The workbook was imported: {updated} indicators changed, {unchanged} unchanged.",
            ).format(updated=shown_number(summary.updated), unchanged=shown_number(summary.unchanged)),
        )
        if on_applied is not None:
            on_applied(summary)

    run_task(
        parent,
        lambda _r: checklist_excel.import_workbook(store, actor, source),
        done,
        title=QCoreApplication.translate("ChecklistActions", "Checking the workbook…"),
    )


# --------------------------------------------------------------------------- list model


class ChecklistTableModel(PagedColumnsModel):
    """Checklists matching the filters, fetched ``PAGE`` rows at a time."""

    COLUMNS = ("unit", "template", "period", "status", "completion", "updated")

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ChecklistSummary] = []
        self.total = 0
        self.filters: dict[str, Any] = {}
        self._headers = [
            self.tr("Unit"),
            self.tr("Template"),
            self.tr("Period"),
            self.tr("Status"),
            self.tr("Completion"),
            self.tr("Last change"),
        ]

    def set_filters(self, **filters: Any) -> None:
        self.beginResetModel()
        self.filters = filters
        self.rows = []
        self.total = checklists.count_checklists(self.ctx.store, self.ctx.actor, **filters)
        self._fetch()
        self.endResetModel()

    def _fetch(self) -> list[ChecklistSummary]:
        page = checklists.list_checklists(
            self.ctx.store, self.ctx.actor, offset=len(self.rows), limit=PAGE, **self.filters
        )
        self.rows.extend(page)
        return page

    def fetch_page(self, offset: int) -> list[Any]:
        return list(checklists.list_checklists(
            self.ctx.store, self.ctx.actor, offset=offset, limit=PAGE, **self.filters
        ))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "unit":
                return r.unit_name
            if column == "template":
                return r.template_title
            if column == "period":
                return r.period_label
            if column == "status":
                return r.status_label
            if column == "completion":
                return shown_percent(r.completion)
            if column == "updated":
                return shown_date(r.updated_at.date())
        if role == Qt.ItemDataRole.ToolTipRole and column == "template":
            return r.template_title
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


# --------------------------------------------------------------------------- new checklist


class NewChecklistDialog(QDialog):
    """Template, unit (or the whole directorate) and Jalali period of a new checklist."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: ChecklistSummary | None = None
        self.setWindowTitle(self.tr("New checklist"))
        self.setMinimumWidth(560)
        self.template = QComboBox()
        self.template.setObjectName("template")
        for t in templates.list_templates(ctx.store, ctx.actor, include_drafts=False):
            self.template.addItem(
                self.tr("{title} (version {version})").format(
                    title=t.title_fa, version=shown_number(t.version)
                ),
                t.id,
            )
        from integrity_desktop.services.scoring import three_year_template_id

        self.template.setCurrentIndex(max(0, self.template.findData(three_year_template_id())))
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.addItem(self.tr("The whole directorate"), None)
        for u in offices.list_units(ctx.store):
            self.unit.addItem(u.name_fa, u.id)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, label in (
            ("quarter", self.tr("Quarter")),
            ("month", self.tr("Month")),
            ("half", self.tr("Half-year")),
            ("year", self.tr("Year")),
        ):
            self.kind.addItem(label, kind)
        self.number = QComboBox()
        self.number.setObjectName("number")
        self.year = QLineEdit(shown_number(str(jalali.jalali_year(jalali.today()))))  # no separator
        self.year.setObjectName("year")
        self.year.setMaxLength(6)
        self.kind.currentIndexChanged.connect(self._fill_numbers)
        self._fill_numbers()
        current = jalali.period_containing(jalali.today(), "quarter")
        self.number.setCurrentIndex(current.number - 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Template:"), self.template)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Period kind:"), self.kind)
        form.addRow(self.tr("Period:"), self.number)
        form.addRow(self.tr("Jalali year:"), self.year)
        form.addRow(self.error)
        form.addRow(buttons)

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
        try:
            self.created = checklists.create_checklist(
                self.ctx.store,
                self.ctx.actor,
                str(self.template.currentData()),
                self.unit.currentData(),
                self.period_code(),
            )
        except UserError as exc:
            self.error.setText(exc.fa)
            return
        self.accept()


# --------------------------------------------------------------------------- the screen


class ChecklistsScreen(QWidget):
    """The list (page 0) and, once a checklist is opened, its editor (page 1)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("checklists")
        self.editor: QWidget | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_page())
        self.editor_page = QWidget()
        self.back_button = QPushButton(self.tr("Back to the list"))
        self.back_button.setToolTip(self.tr("Alt+Left"))
        self.back_button.clicked.connect(self.show_list)
        self.editor_layout = QVBoxLayout(self.editor_page)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.editor_layout.addLayout(top)
        self.pages.addWidget(self.editor_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        QShortcut(
            QKeySequence("Alt+Left"),
            self,
            self.show_list,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._loaded_filters = False

    def _list_page(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search unit, template, period or notes…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("period_filter")
        self.template_filter = QComboBox()
        self.template_filter.setObjectName("template_filter")
        self.template_filter.setMaximumWidth(320)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for combo in (self.unit_filter, self.period_filter, self.template_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Search:")))
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Unit:")))
        filters.addWidget(self.unit_filter, 1)
        filters.addWidget(QLabel(self.tr("Period:")))
        filters.addWidget(self.period_filter)
        filters.addWidget(QLabel(self.tr("Template:")))
        filters.addWidget(self.template_filter, 1)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_filter)

        self.new_button = QPushButton(self.tr("New checklist…"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(self.new_checklist)
        self.new_button.setVisible(self.ctx.can("checklists.edit"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_current)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_current)
        self.blank_button = QPushButton(self.tr("Blank form…"))
        self.blank_button.setToolTip(self.tr("A paper form of the chosen template for a visit"))
        self.blank_button.clicked.connect(self.print_blank)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export_shown)
        self.import_button = QPushButton(self.tr("Import workbook…"))
        self.import_button.clicked.connect(
            lambda: import_workbook(self, self.ctx, on_applied=lambda _s: self.apply_filters())
        )
        self.import_button.setVisible(self.ctx.can("checklists.edit"))
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.open_button,
            self.print_button,
            self.blank_button,
            self.export_button,
            self.import_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        self.model = ChecklistTableModel(self.ctx, self)
        self.table = QTableView()
        self.table.setObjectName("checklist_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.open_current())
        self.empty_label = QLabel(
            self.tr("No checklist matches. Create one with “New checklist…” or clear the filters.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #607d8b")

        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        order = [
            self.search,
            self.unit_filter,
            self.period_filter,
            self.template_filter,
            self.status_filter,
            self.new_button,
            self.open_button,
            self.print_button,
            self.blank_button,
            self.export_button,
            self.import_button,
            self.table,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        return page

    # ------------------------------------------------------------------ filters
    def _fill_filters(self) -> None:
        combos = (self.unit_filter, self.period_filter, self.template_filter, self.status_filter)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.unit_filter.addItem(self.tr("All units"), ALL)
        self.unit_filter.addItem(self.tr("The whole directorate"), checklists.WHOLE_DIRECTORATE)
        for u in offices.list_units(self.ctx.store):
            self.unit_filter.addItem(u.name_fa, u.id)
        self.period_filter.addItem(self.tr("All periods"), ALL)
        for p in recent_periods():
            self.period_filter.addItem(p.label_fa, p.code)
        self.template_filter.addItem(self.tr("All templates"), ALL)
        for t in templates.list_templates(self.ctx.store, self.ctx.actor, include_drafts=False):
            self.template_filter.addItem(t.title_fa, t.id)
            self.template_filter.setItemData(
                self.template_filter.count() - 1, t.title_fa, Qt.ItemDataRole.ToolTipRole
            )
        self.status_filter.addItem(self.tr("All states"), ALL)
        for code, label in CHECKLIST_STATUS_LABELS_FA.items():
            self.status_filter.addItem(label, code)
        for combo in combos:
            combo.blockSignals(False)
        self._loaded_filters = True

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, combo in (
            ("unit_id", self.unit_filter),
            ("period_code", self.period_filter),
            ("template_id", self.template_filter),
            ("status", self.status_filter),
        ):
            value = combo.currentData()
            if value is not ALL and combo.currentIndex() > 0:
                out[key] = value
        text = self.search.text().strip()
        if text:
            out["search"] = text
        return out

    def apply_filters(self) -> None:
        self._search_timer.stop()
        try:
            self.model.set_filters(**self.filters())
        except UserError as exc:
            show_exception(self, exc)
            return
        self.count_label.setText(self.tr("{count} checklists").format(count=shown_number(self.model.total)))
        self.empty_label.setVisible(self.model.total == 0)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def refresh(self) -> None:
        if not self._loaded_filters:
            self._fill_filters()
        self.apply_filters()

    # ------------------------------------------------------------------ actions
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return str(self.model.data(index, Qt.ItemDataRole.UserRole))

    def new_checklist(self) -> None:
        dialog = NewChecklistDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.apply_filters()
            self.open_checklist(dialog.created.id)

    def open_current(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is not None:
            self.open_checklist(checklist_id)

    def open_checklist(self, checklist_id: str) -> QWidget:
        from integrity_desktop.ui.screens.checklist_editor import ChecklistEditor

        if self.editor is not None:
            self.editor.hide()
            self.editor.deleteLater()
        self.editor = ChecklistEditor(self.ctx, checklist_id, self.editor_page)
        self.editor_layout.addWidget(self.editor)
        self.pages.setCurrentWidget(self.editor_page)
        self.editor.table.setFocus()
        return self.editor

    def show_list(self) -> None:
        if self.pages.currentWidget() is self.editor_page:
            if self.editor is not None:
                self.editor.hide()  # saves what is still being typed
            self.pages.setCurrentIndex(0)
            self.apply_filters()
            self.table.setFocus()

    def print_current(self) -> None:
        checklist_id = self.current_id()
        if checklist_id is not None:
            print_filled_checklist(self, self.ctx, checklist_id)

    def print_blank(self) -> None:
        template_id = self.template_filter.currentData()
        if template_id is ALL or self.template_filter.currentIndex() <= 0:
            index = self.table.currentIndex()
            if not index.isValid():
                show_info(
                    self,
                    self.tr("Blank form"),
                    self.tr("Choose a template in the filter, or a checklist in the list."),
                )
                return
            row = self.model.rows[index.row()]
            print_blank_form(self, self.ctx, row.template_id, row.unit_id, row.period_code)
            return
        period = self.period_filter.currentData()
        print_blank_form(self, self.ctx, str(template_id), period_code=None if period is ALL else str(period))

    def export_shown(self) -> None:
        ids = [r.id for r in self.model.rows]
        while self.model.canFetchMore():
            self.model.fetchMore()
            ids = [r.id for r in self.model.rows]
        if not ids:
            show_info(self, self.tr("Export to Excel"), self.tr("There is no checklist to export."))
            return
        export_checklists(self, self.ctx, ids)

    # ------------------------------------------------------------------ screenshots
    def screenshot_states(self) -> list[tuple[str, QWidget]]:
        states: list[tuple[str, QWidget]] = []
        dialog = NewChecklistDialog(self.ctx, self)
        dialog.adjustSize()
        states.append(("new", dialog))
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.open_current()
            self.window().resize(1366, 768)
            states.append(("editor", self.window()))
            states.extend(self._sample_states(self.model.rows[0].id))
        return states

    def _sample_states(self, checklist_id: str) -> list[tuple[str, QWidget]]:
        """The print preview of a filled checklist and the problems of a badly edited workbook
        (built synchronously: screenshots only)."""
        from openpyxl import load_workbook

        from integrity_desktop.reports import checklist_excel, checklist_pdf
        from integrity_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

        states: list[tuple[str, QWidget]] = []
        folder = Path(tempfile.mkdtemp(prefix="integrity-shots-"))
        pdf = checklist_pdf.filled(self.ctx.store, self.ctx.actor, checklist_id, folder / "filled.pdf")
        preview = PdfPreviewDialog(pdf, "", self)
        preview.resize(900, 760)
        preview.show()
        preview.settle()
        picture = QLabel()  # a still of the preview: the dialog itself is closed at once
        picture.setPixmap(preview.grab())
        picture.resize(preview.size())
        preview.release()
        states.append(("print-preview", picture))
        book_path = folder / "edited.xlsx"
        checklist_excel.export_workbook(
            self.ctx.store, self.ctx.actor, book_path, checklist_ids=[checklist_id]
        )
        book = load_workbook(book_path)
        sheet = book.worksheets[0]
        headers = [c.value for c in sheet[1]]
        sheet.cell(row=3, column=headers.index("وضعیت") + 1, value="خوب")
        sheet.cell(row=5, column=headers.index("درصد پیشرفت") + 1, value=140)
        sheet.cell(row=6, column=1, value="not-an-id")
        book.save(book_path)
        if self.ctx.can("checklists.edit"):
            summary = checklist_excel.import_workbook(self.ctx.store, self.ctx.actor, book_path, dry_run=True)
            problems = ImportProblemsDialog(list(summary.problems), self)
            states.append(("import-problems", problems))
        return states

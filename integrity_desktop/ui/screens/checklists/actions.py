"""Checklist actions shared by the list, the editor and the templates screen: print a filled
checklist or a blank form (with a preview), export checklists to Excel and import an edited
workbook, each off the GUI thread through ``run_task``; a refused workbook's problems are
listed cell by cell in ``ImportProblemsDialog``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.filenames import dated_name
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate, shown_number
from integrity_desktop.ui.widgets.choose_file import choose_file
from integrity_desktop.ui.widgets.messages import show_info
from integrity_desktop.ui.widgets.table_models import TableModel


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

    store, actor = ctx.store, ctx.actor
    _write_and_preview(parent, "checklist", lambda out: checklist_pdf.filled(store, actor, checklist_id, out),
                       QCoreApplication.translate("ChecklistActions", "Filled checklist"))


def print_blank_form(
    parent: QWidget,
    ctx: UiContext,
    template_id: str,
    unit_id: str | None = None,
    period_code: str | None = None,
) -> None:
    """A paper form of a template for a visit, previewed before printing."""
    from integrity_desktop.reports import checklist_pdf

    store, actor = ctx.store, ctx.actor
    _write_and_preview(
        parent, "blank-form",
        lambda out: checklist_pdf.blank_form(store, actor, template_id, out, unit_id=unit_id, period_code=period_code),
        QCoreApplication.translate("ChecklistActions", "Blank form"),
    )


def _write_and_preview(parent: QWidget, stem: str, write: Callable[[Path], Any], title: str) -> None:
    """A PDF written into a temporary file on a worker, then previewed under ``title``."""
    out = _temp_pdf(stem)
    run_task(
        parent,
        lambda _r: write(out),
        lambda path: _preview(parent, Path(path), title),
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
            str(Path.home() / dated_name("checklists", ".xlsx")),
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
                rows=shown_number(summary.rows), sheets=shown_number(len(summary.sheets)), path=isolate(summary.path)
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
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class ProblemModel(TableModel):
    """An import's problems: sheet, cell, what is wrong."""

    def __init__(self, problems: list[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("Sheet"), self.tr("Cell"), self.tr("Problem")]
        self.set_rows(problems)

    @property
    def problems(self) -> list[Any]:
        return self.rows

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.rows[index.row()]
        return (p.sheet, p.cell, p.fa if current_lang() == "fa" else p.en)[index.column()]


def import_workbook(
    parent: QWidget, ctx: UiContext, path: str | None = None, on_applied: Callable[[Any], None] | None = None
) -> None:
    """Check and import an edited workbook; problems are listed with their cells, nothing written."""
    from integrity_desktop.services.checklists import excel_import as checklist_import

    if path is None:
        chosen = choose_file(parent, QCoreApplication.translate("ChecklistActions", "Import workbook"),
                             QCoreApplication.translate("ChecklistActions", "Excel workbook (*.xlsx)"),
                             str(Path.home()))
        if chosen is None:
            return
        path = str(chosen)
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
        lambda _r: checklist_import.import_workbook(store, actor, source),
        done,
        title=QCoreApplication.translate("ChecklistActions", "Checking the workbook…"),
    )

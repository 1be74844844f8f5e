"""Checklists: the office's filled checklists with filters and Persian search, page by page.

The list is ``ChecklistListPage`` (``checklist_list``); opening a checklist shows the
``ChecklistEditor`` in place of the list.  Printing (blank form or filled checklist, with a
preview), Excel export and import are in ``checklist_actions`` and run off the GUI thread
through ``run_task``; the new-checklist dialog is in ``checklist_dialogs``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.checklists.actions import ImportProblemsDialog
from integrity_desktop.ui.screens.checklists.dialogs import NewChecklistDialog
from integrity_desktop.ui.screens.checklists.list_page import ChecklistListPage
from integrity_desktop.ui.widgets.buttons import button_row, push_button


class ChecklistsScreen(QWidget):
    """The list (page 0) and, once a checklist is opened, its editor (page 1)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("checklists")
        self.editor: QWidget | None = None
        self.pages = QStackedWidget()
        self.list_page = ChecklistListPage(ctx)
        self.list_page.open_requested.connect(self.open_checklist)
        self.pages.addWidget(self.list_page)
        self.editor_page = QWidget()
        self.back_button = push_button(self.tr("Back to the list"),
                                       tip=self.tr("Back to the list of checklists (Alt+Left)"),
                                       on_click=self.show_list)
        self.editor_layout = QVBoxLayout(self.editor_page)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        top = button_row(self.back_button)
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

    def refresh(self) -> None:
        self.list_page.refresh()
        if self.editor is not None and self.pages.currentWidget() is self.editor_page:
            # Computed figures are read from the records each time: coming back to an open
            # checklist shows what the visits and cases logged meanwhile give.
            self.editor.reload()  # type: ignore[attr-defined]

    def open_checklist(self, checklist_id: str) -> QWidget:
        from integrity_desktop.ui.screens.checklists.editor import ChecklistEditor

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
            self.list_page.apply_filters()
            self.list_page.table.setFocus()

    # ------------------------------------------------------------------ screenshots
    def screenshot_states(self) -> Iterator[tuple[str, QWidget]]:
        """Each state is grabbed when it is yielded (the next one changes the window)."""
        dialog = NewChecklistDialog(self.ctx, self)
        dialog.adjustSize()
        yield "new", dialog
        if self.list_page.model.rowCount():
            self.list_page.table.setCurrentIndex(self.list_page.model.index(0, 0))
            self.list_page.open_current()
            yield "editor", self.window()
            yield from self._figure_states()
            yield from self._sample_states(self.list_page.model.rows[0].id)

    def _select(self, code: str) -> bool:
        editor = self.editor
        rows = [i for i, e in enumerate(editor.model.entries) if e.item_code == code]  # type: ignore[union-attr]
        if rows:
            editor.select_row(rows[0])  # type: ignore[union-attr]
        return bool(rows)

    def _figure_states(self) -> Iterator[tuple[str, QWidget]]:
        """An indicator with its unit and target; a computed figure with its records; an
        approved checklist whose records changed since; the reform programme's context."""
        from integrity_desktop.services.checklists import filled as checklists
        from integrity_desktop.services.checklists import scoring
        from integrity_desktop.services.store.seed import template_id

        ctx = self.ctx
        three_year = scoring.three_year_template_id()
        latest = checklists.list_checklists(ctx.store, ctx.actor, unit_id=checklists.WHOLE_DIRECTORATE,
                                            template_id=three_year, limit=1)
        if latest:
            self.open_checklist(latest[0].id)
            if self._select("17/4"):
                yield "editor-target", self.window()
            if self._select("22/1"):
                yield "editor-computed", self.window()
                dialog = self.editor.show_records()  # type: ignore[union-attr]
                if dialog is not None:
                    yield "editor-records", dialog
                    dialog.close()
        approved = checklists.list_checklists(ctx.store, ctx.actor, status="approved",
                                              unit_id=checklists.WHOLE_DIRECTORATE, template_id=three_year,
                                              limit=1)
        if approved:
            self.open_checklist(approved[0].id)
            changed = sorted((e.item_code != "22/1", e.item_code)  # 22/1 when it changed
                             for e in self.editor.model.entries  # type: ignore[union-attr]
                             if e.changed_since_approval)
            if changed and self._select(changed[0][1]):
                yield "editor-approved", self.window()
        reform = checklists.list_checklists(ctx.store, ctx.actor, template_id=template_id(scoring.reform_code(), 1),
                                            limit=1)
        if reform:
            self.open_checklist(reform[0].id)
            if self._select("R6/5"):
                yield "editor-reform", self.window()

    def _sample_states(self, checklist_id: str) -> list[tuple[str, QWidget]]:
        """The print preview of a filled checklist and the problems of a badly edited workbook
        (built synchronously: screenshots only)."""
        from openpyxl import load_workbook

        from integrity_desktop.reports import checklist_excel, checklist_pdf
        from integrity_desktop.services.checklists import excel_import as checklist_import
        from integrity_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

        states: list[tuple[str, QWidget]] = []
        folder = Path(tempfile.mkdtemp(prefix="integrity-shots-"))
        pdf = checklist_pdf.filled(self.ctx.store, self.ctx.actor, checklist_id, folder / "filled.pdf")
        preview = PdfPreviewDialog(pdf, "", self)
        preview.resize(900, 640)
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
        sheet.cell(row=6, column=headers.index("شناسه") + 1, value="not-an-id")
        book.save(book_path)
        if self.ctx.can("checklists.edit"):
            summary = checklist_import.import_workbook(self.ctx.store, self.ctx.actor, book_path, dry_run=True)
            problems = ImportProblemsDialog(list(summary.problems), self)
            states.append(("import-problems", problems))
        return states

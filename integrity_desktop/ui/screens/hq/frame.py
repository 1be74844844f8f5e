"""What the two HQ screens (the console and the national dashboard) share: on a province's store
a note in their place; at HQ a bar over a summary line, an error line and the tabs, and Excel
and PDF buttons that write the screen's report of the chosen period.

The texts are the screens' own (they translate them in their own context); this is the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from integrity_desktop.services.store.seed import HQ
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.widgets import report_export
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import error_text


class HqScreen(QWidget):
    """An HQ-only screen named ``name``; a subclass builds its bar and tabs (``_build``, at HQ
    only) and sets ``period``, ``excel_button`` and ``pdf_button`` there."""

    period: QComboBox
    excel_button: QPushButton
    pdf_button: QPushButton
    report = ""  # the key of the report the Excel and PDF buttons write (and its files' names)

    def __init__(self, ctx: UiContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.is_hq = ctx.store.office_code == HQ
        self.open_file = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _start(self, not_hq_text: str) -> None:
        """The screen's layout: at HQ built by ``_build``, elsewhere ``not_hq_text`` alone."""
        layout = QVBoxLayout(self)
        if not self.is_hq:
            note = text_label("not_hq", not_hq_text)
            layout.addWidget(note)
            layout.addStretch(1)
            return
        self._build(layout)

    def _build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def _frame(
        self, layout: QVBoxLayout, bar: Sequence[QWidget], pages: Sequence[tuple[QWidget, str]]
    ) -> None:
        """The bar (``bar``, then the Excel and PDF buttons at its far end), the summary line,
        the error line and the tabs of ``pages`` (page, title), taking the height left."""
        top = button_row(*bar, end=(self.excel_button, self.pdf_button))
        self.summary = text_label("summary")
        self.error = error_line("error")
        self.tabs = QTabWidget()
        for page, title in pages:
            self.tabs.addTab(page, title)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    def report_texts(self) -> tuple[str, str]:
        """(the save dialog's caption, the progress text) for the screen's report."""
        raise NotImplementedError

    def export(self, fmt: str) -> None:
        """Ask where to save the report of the chosen period (``report``-period.``fmt``), then
        ``export_to`` there."""
        self.error.clear()
        code = str(self.period.currentData() or "")
        out = report_export.ask_path(self, self.report_texts()[0], f"{self.report}-{code}", fmt)
        if out is not None:
            self.export_to(out, code)

    def export_to(self, out: Path, period_code: str) -> None:
        """Write the report of ``period_code`` (all periods when empty) to ``out`` off the GUI
        thread, the export buttons disabled meanwhile."""
        from integrity_desktop.reports.registry import ReportParams

        report_export.write_report(
            self, (self.excel_button, self.pdf_button), self.report, ReportParams(period=period_code or None),
            out, self.report_texts()[1], self.summary, self.error, self.open_file,
        )

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc, current_lang()))

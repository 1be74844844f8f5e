"""Preview a generated PDF inside the app and print it through the system printer.

The PDF itself is shown (``QPdfDocument`` + ``QPdfView``), not ``QPrintPreviewDialog``: the latter
misplaced punctuation in mixed Persian/Latin lines while the PDF was right (see QT.md).
Printing renders each page of the same PDF onto a ``QPrinter`` chosen in ``QPrintDialog``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog, QPushButton, QVBoxLayout, QWidget

from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button


class PdfPreviewDialog(QDialog):
    """A dialog showing ``path``; ``Print…`` sends the same pages to a printer.

    Attributes: ``document`` (QPdfDocument), ``view`` (QPdfView), ``pages_label``.
    """

    def __init__(self, path: str | Path, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(title or self.tr("Print preview"))
        self.resize(900, 640)  # fits a 1280×720 screen with the taskbar and title bar
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # A page is a page: keep the viewer's own direction, whatever the app's.
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.pages_label = QLabel(
            self.tr("{pages} pages").format(pages=shown_number(self.document.pageCount()))
        )
        # A file the app made for the preview lives in the temporary folder: its path means
        # nothing to a person (and reads as an error), so only a saved file's place is shown.
        temporary = _is_temporary(self.path)
        self.file_label = QLabel("" if temporary else str(self.path))
        self.file_label.setVisible(not temporary)
        self.file_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.open_button = push_button(self.tr("Open in the system viewer"),
                                       tip=self.tr("Open the PDF in the system's own viewer"),
                                       on_click=self.open_external)
        self.close_button = push_button(self.tr("Close"), tip=self.tr("Close the preview"),
                                        on_click=self.reject)
        bar = button_row(self.print_button, self.open_button, self.pages_label, end=[self.close_button])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.file_label)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)

    def settle(self, rounds: int = 40) -> None:
        """Let ``QPdfView`` finish its asynchronous rendering (screenshots)."""
        import time

        from PySide6.QtWidgets import QApplication

        for _ in range(rounds):
            QApplication.processEvents()
            time.sleep(0.02)

    def release(self) -> None:
        """Detach and close the document, then close the dialog (used before it is dropped)."""
        self.view.setDocument(None)  # type: ignore[arg-type]  # stub omits None; Qt takes nullptr
        self.document.close()
        self.close()
        self.deleteLater()

    def done(self, result: int) -> None:
        # The view stops rendering before the document goes.
        self.view.setDocument(None)  # type: ignore[arg-type]  # stub omits None; Qt takes nullptr
        super().done(result)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, printer: QPrinter) -> int:
        """Draw every page (or the chosen range) on ``printer``; returns the pages printed.

        Each page is rendered at the printer's resolution, a second or more for a long report:
        a progress bar counts the pages (and keeps the window painting), and «لغو» stops after
        the current page and discards the print job."""
        count = self.document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(count, printer.toPage() or count)
        total = max(0, last - first + 1)
        progress = QProgressDialog(self.tr("Sending the pages to the printer…"), self.tr("Cancel"), 0, total, self)
        progress.setWindowTitle(self.tr("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoReset(False)  # the last value stays: the pages sent
        self.print_progress = progress  # tests read its last value
        painter = QPainter()
        if not painter.begin(printer):
            progress.hide()  # not close(): closing counts as «لغو» and resets the bar
            return 0
        printed = 0
        try:
            for number in range(first, last + 1):
                progress.setLabelText(self.tr("Page {page} of {total}…").format(
                    page=shown_number(printed + 1), total=shown_number(total)))
                progress.setValue(printed)
                if progress.wasCanceled():
                    printer.abort()
                    break
                if printed:
                    printer.newPage()
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                size = self.document.pagePointSize(number - 1)
                scale = min(
                    target.width() / max(1.0, size.width()), target.height() / max(1.0, size.height())
                )
                pixels = QSize(int(size.width() * scale), int(size.height() * scale))
                image = self.document.render(number - 1, pixels)
                painter.fillRect(0, 0, pixels.width(), pixels.height(), QColor(palette.WHITE))
                painter.drawImage(0, 0, image)  # render() gives a transparent background
                printed += 1
        finally:
            painter.end()
            progress.setValue(total)
            progress.hide()  # not close(): closing counts as «لغو» and resets the bar
        return printed

    def open_external(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


def _is_temporary(path: Path) -> bool:
    import tempfile

    try:
        return path.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    except OSError:
        return True


def preview_pdf(parent: QWidget | None, path: str | Path, title: str = "") -> PdfPreviewDialog:
    """Show the preview (modal) and return the dialog."""
    dialog = PdfPreviewDialog(path, title, parent)
    dialog.exec()
    return dialog

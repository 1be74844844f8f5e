"""Saving a registry report from a screen: where to save it, then the writing off the GUI thread
with the screen's buttons off until it ends, and the same «saved to …» line or error after it
(the report screen, the HQ console and the national dashboard)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from integrity_desktop.filenames import dated_name
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate
from integrity_desktop.ui.widgets.messages import error_text


def file_filter(fmt: str) -> str:
    """The save dialog's file filter for a ``fmt`` ("xlsx" or "pdf") report."""
    if fmt == "xlsx":
        return QCoreApplication.translate("ReportExport", "Excel workbooks (*.xlsx)")
    return QCoreApplication.translate("ReportExport", "PDF documents (*.pdf)")


def ask_path(parent: QWidget, caption: str, stem: str, fmt: str) -> Path | None:
    """The file a person picks for a ``fmt`` ("xlsx" or "pdf") report, dated, in their home."""
    suffix = ".xlsx" if fmt == "xlsx" else ".pdf"
    default = str(Path.home() / dated_name(stem, suffix))
    path, _ = QFileDialog.getSaveFileName(parent, caption, default, file_filter(fmt))
    return Path(path).with_suffix(suffix) if path else None


def write_report(
    parent: QWidget,
    buttons: Sequence[QPushButton],
    report: str,
    params: Any,
    out: Path,
    title: str,
    saved: QLabel,
    error: QLabel,
    open_file: Callable[[Path], object],
) -> None:
    """Write registry report ``report`` to ``out`` on a worker; ``buttons`` are off meanwhile.

    Then ``saved`` says where it went and ``open_file`` opens it, or ``error`` shows why not.
    """
    from integrity_desktop.reports.registry import run_report

    store, actor = parent.ctx.store, parent.ctx.actor  # type: ignore[attr-defined]

    def work(_report: Callable[[int, int, str], None]) -> Path:
        run_report(store, actor, report, params, out)
        return out

    def enable() -> None:
        for button in buttons:
            button.setEnabled(True)

    def done(path: Path) -> None:
        enable()
        saved.setText(QCoreApplication.translate("ReportExport", "Saved to {path}.").format(path=isolate(path)))
        open_file(path)

    def failed(exc: BaseException) -> None:
        enable()
        error.setText(error_text(exc, current_lang()))

    for button in buttons:
        button.setEnabled(False)
    run_task(parent, work, done, failed, title=title)

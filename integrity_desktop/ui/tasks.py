"""Run slow work off the GUI thread: the work never touches a widget; callbacks run on the GUI.

    run_task(parent, lambda report: export(..., progress=report), on_done, title=...)

``report(done, total, text)`` may be called from the worker; a modal progress dialog shows it
and the window keeps painting.  Errors reach ``on_error`` (default: a Persian message box).
With ``cancellable=True`` the dialog has a Cancel button: the work's next ``report`` raises
``Cancelled``, which reaches ``on_error`` (work that has stopped reporting runs to its end).
Widgets call services through ``ui.operations``, which builds on this.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from integrity_desktop.ui.widgets.messages import show_exception

Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The person pressed Cancel on the progress dialog: the work stops at its next report."""


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancelled = False

    def report(self, done: int, total: int, text: str) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progressed.emit(done, total, text)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self.report)
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[_Job] = set()  # keep jobs (and their signal objects) alive until they finish


def run_task(
    parent: QWidget | None,
    work: Callable[[Report], Any],
    on_done: Callable[[Any], object] | None = None,
    on_error: Callable[[BaseException], object] | None = None,
    title: str = "",
    modal_progress: bool = True,
    cancellable: bool = False,
) -> None:
    job = _Job(work)
    dialog: QProgressDialog | None = None
    if modal_progress:
        dialog = QProgressDialog(parent)  # with Qt's own Cancel button (qtbase_fa translates it)
        dialog.setLabelText(title)
        dialog.setRange(0, 0)
        if cancellable:
            dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progressed(done: int, total: int, text: str) -> None:
            assert dialog is not None
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        job.signals.progressed.connect(progressed)

    def parent_gone() -> bool:
        # The window that asked was closed (and deleted) while the work ran: nobody to tell.
        return parent is not None and not shiboken6.isValid(parent)

    def finished(result: Any) -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.close()
        if on_done is not None and not parent_gone():
            on_done(result)

    def failed(exc: BaseException) -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.close()
        if not parent_gone():
            (on_error or (lambda e: show_exception(parent, e)))(exc)

    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    _running.add(job)
    QThreadPool.globalInstance().start(job)


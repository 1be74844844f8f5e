"""Saving a registry report from a screen: where to save it, then the writing off the GUI thread
with the screen's export buttons off until it ends (the HQ console and the national dashboard)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from integrity_desktop.filenames import dated_name
from integrity_desktop.ui.tasks import run_task


def ask_path(parent: QWidget, caption: str, stem: str, fmt: str, filters: str) -> Path | None:
    """The file a person picks for a ``fmt`` ("xlsx" or "pdf") report, dated, in their home."""
    suffix = ".xlsx" if fmt == "xlsx" else ".pdf"
    default = str(Path.home() / dated_name(stem, suffix))
    path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
    return Path(path).with_suffix(suffix) if path else None


def write_report(
    parent: QWidget,
    buttons: Sequence[QPushButton],
    report: str,
    params: Any,
    out: Path,
    title: str,
    on_saved: Callable[[Path], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    """Write registry report ``report`` to ``out`` on a worker; ``buttons`` are off meanwhile."""
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
        on_saved(path)

    def failed(exc: BaseException) -> None:
        enable()
        on_failed(exc)

    for button in buttons:
        button.setEnabled(False)
    run_task(parent, work, done, failed, title=title)

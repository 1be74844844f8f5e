"""Asking for one file to read (a workbook to import, a key, an identity, a document)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_file(parent: QWidget | None, caption: str, file_filter: str, start: str = "") -> Path | None:
    """The existing file the person picks (the dialog opens in ``start``: Qt's choice when
    empty), or None when they cancel."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, start, file_filter)
    return Path(path) if path else None

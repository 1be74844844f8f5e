"""Labels as the screens make them: a named line of text that wraps (a summary, a result, a
title), and a note under a field or a panel: word-wrapped, in a quiet colour (``palette.HINT``
unless the screen says otherwise)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from integrity_desktop.ui.widgets import palette


def text_label(name: str, text: str = "", *, selectable: bool = False) -> QLabel:
    """A word-wrapped label named ``name`` (tests and the help find it by that name) showing
    ``text``; ``selectable``: the person can select and copy it (a path, a result)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def note_label(text: str, colour: str = palette.HINT) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour}")
    return label

"""A note as the screens show one under a field or a panel: word-wrapped, in a quiet colour
(``palette.HINT`` unless the screen says otherwise)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from integrity_desktop.ui.widgets import palette


def note_label(text: str, colour: str = palette.HINT) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour}")
    return label

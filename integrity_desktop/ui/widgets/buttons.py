"""A push button as every screen makes one: its text, the object name tests and help find it
by, a tooltip that says what it does, and what a click does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def push_button(
    text: str, *, name: str = "", tip: str = "", on_click: Callable[..., object] | None = None
) -> QPushButton:
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    if tip:
        button.setToolTip(tip)
    if on_click is not None:
        button.clicked.connect(on_click)
    return button

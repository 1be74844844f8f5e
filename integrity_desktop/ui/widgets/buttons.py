"""A push button as every screen makes one: its text, the object name tests and help find it
by, a tooltip that says what it does, and what a click does; and a row of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


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


def button_row(*widgets: QWidget, stretch: bool = True, end: Sequence[QWidget] = ()) -> QHBoxLayout:
    """``widgets`` side by side, then (unless ``stretch`` is false) the rest of the row empty,
    then ``end`` at the row's far end (a count, the export buttons)."""
    layout = QHBoxLayout()
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    for w in end:
        layout.addWidget(w)
    return layout

"""A list's search box, and running its search once the person pauses typing (not at every key:
each search is a query on the store)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

from integrity_desktop.textnorm import MAX_SEARCH


def search_field(name: str, placeholder: str) -> QLineEdit:
    """A search box named ``name``: at most ``MAX_SEARCH`` characters (the services refuse longer
    searches), ``placeholder`` while empty, and a button that clears it."""
    edit = QLineEdit()
    edit.setMaxLength(MAX_SEARCH)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def after_typing(owner: QObject, field: QLineEdit, run: Callable[[], object], ms: int = 300) -> QTimer:
    """Run ``run`` once the person has stopped typing in ``field`` for ``ms`` milliseconds (each
    change starts the wait again); the timer (``owner``'s) is returned for a caller that stops it."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(run)
    field.textChanged.connect(lambda _text: timer.start())
    return timer

"""Messages for people: a UserError shows its Persian text; a bug says so and how to report it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from integrity_desktop.errors import UserError

log = logging.getLogger(__name__)


def app_lang() -> str:
    """The language the application runs in (``ui.app`` sets it), for a widget with no context."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    value = app.property("integrity_lang") if app is not None else None
    return str(value) if value else "fa"


def error_text(exc: BaseException, lang: str = "fa") -> str:
    """What a person reads for an error: a UserError's message with its paths, options and
    file names isolated (they keep their own direction), else the bug notice."""
    if isinstance(exc, UserError):
        from integrity_desktop.ui.text import isolate_embedded

        return isolate_embedded(exc.message(lang))
    from integrity_desktop.logs import current_log

    path = current_log()
    if path is None:
        return QCoreApplication.translate(
            "Messages",
            "An unexpected error happened. Nothing was saved by this action. "
            "Please send the log file to your administrator.",
        )
    return QCoreApplication.translate(
        "Messages",
        "An unexpected error happened. Nothing was saved by this action. Please send the log "
        "file to your administrator; it is here:\n%1",
    ).replace("%1", f"\u2066{path}\u2069")


def show_exception(parent: QWidget | None, exc: BaseException, lang: str | None = None) -> None:
    """A message box for ``exc`` in ``lang`` (default: the application's language)."""
    if not isinstance(exc, UserError):
        log.error("unexpected error", exc_info=exc)
    QMessageBox.warning(
        parent, QCoreApplication.translate("Messages", "Error"), error_text(exc, lang or app_lang())
    )


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes

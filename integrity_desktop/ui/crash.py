"""Qt's messages into the log, and a Persian crash dialog that says where the log is.

``install(app, location)`` is called once at start-up (``ui/launch.py``).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from integrity_desktop import logs

log = logging.getLogger("integrity_desktop.qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_QUIET = ("propagateSizeHints",)  # the offscreen platform's noise on every window
last_crash_text = ""  # what the last crash dialog said (tests, and the offscreen platform)


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if any(q in message for q in _QUIET):
        return
    where = f" ({context.file}:{context.line})" if context.file else ""
    log.log(_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(message, file=sys.stderr)


def crash_text() -> str:
    path = logs.current_log()
    where = str(path) if path else "?"
    return QApplication.translate(
        "Crash",
        "An unexpected error happened and this action was not completed; what was saved before "
        "is safe. The details are in the log file:\n%1\nPlease send that file to your "
        "administrator. If the program does not work properly, close it and open it again.",
    ).replace("%1", f"\u2066{where}\u2069")


def show_crash(exc: BaseException) -> None:
    """The crash dialog (not on the offscreen platform, where nobody would see it)."""
    global last_crash_text
    last_crash_text = crash_text()
    print(last_crash_text, file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or QApplication.instance() is None:
        return
    QMessageBox.critical(QApplication.activeWindow(),
                         QApplication.translate("Crash", "Unexpected error"), last_crash_text)


def install(location: str) -> Callable[[], None]:
    """The log beside the store, uncaught exceptions and Qt's messages into it; returns what
    puts the previous hooks back (the program's exit, tests that launch the GUI)."""
    import threading

    previous = (sys.excepthook, threading.excepthook)
    logs.setup(logs.log_dir_for(location))
    logs.install_excepthook(show_crash)
    old_handler = qInstallMessageHandler(qt_message_handler)

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous
        qInstallMessageHandler(old_handler)
        logs.close()

    return uninstall

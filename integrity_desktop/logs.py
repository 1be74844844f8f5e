"""The program's log: a rotating file in the data folder, every unexpected error written to it.

Messages to people say where this file is (``current_log``) so they can send it to their
administrator.  It holds tracebacks and Qt's warnings, never passwords or record contents.
No Qt here: ``ui/crash.py`` adds Qt's message handler and the crash dialog.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "integrity-desktop.log"
MAX_BYTES = 1 << 20  # a megabyte per file, five kept: enough for weeks, small enough to mail
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_current: Path | None = None
_handler: logging.Handler | None = None
log = logging.getLogger("integrity_desktop")


def log_dir_for(location: str) -> Path:
    """``logs/`` beside the store file (the data folder), or in the data home for a database
    URL."""
    from integrity_desktop.paths import data_home, is_url

    if is_url(location):
        return data_home() / "logs"
    return Path(location).expanduser().resolve().parent / "logs"


def setup(folder: Path) -> Path:
    """Send the program's log records to ``folder/integrity-desktop.log`` (rotating, owner
    only); returns the file.  Calling it again moves the log to the new folder."""
    global _current, _handler
    from integrity_desktop.fileperm import private_dir, private_file

    private_dir(folder)
    path = folder / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    private_file(path)
    _current, _handler = path, handler
    log.info("log opened (%s)", " ".join(sys.argv[:1]))
    return path


def current_log() -> Path | None:
    return _current


def close() -> None:
    """Stop writing to the log file (tests; the program's exit does it itself)."""
    global _current, _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
    _current, _handler = None, None


def install_excepthook(on_crash: Callable[[BaseException], None] | None = None) -> None:
    """Every exception nobody caught (the GUI thread's and any other thread's) is written to
    the log with its traceback; ``on_crash`` then tells the person (the crash dialog)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.critical("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if on_crash is not None:
            try:
                on_crash(exc)
            except Exception:  # the crash report must never crash itself
                log.exception("the crash dialog failed")
        else:
            sys.__excepthook__(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.critical("unexpected error in thread %s\n%s", getattr(args.thread, "name", "?"),
                         "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                            args.exc_traceback)))

    sys.excepthook = hook
    threading.excepthook = thread_hook

"""The program's log: a rotating file in the data folder, every unexpected error written to it.

Messages to people say where this file is (``current_log``) so they can send it to their
administrator.  It holds tracebacks and Qt's warnings, never passwords or record contents.
No Qt here: ``ui/crash.py`` adds Qt's message handler and the crash dialog.

Once an encrypted store is open (``use_store_key``), every line is written encrypted with a
key derived from the store key (AES-GCM, one nonce per line, ``enc1:`` + base64): a traceback
can quote a record's text.  Lines written before (start-up, the sign-in) stay plain; the
administrator reads the file with ``integrity-desktop log`` (``read_lines``).
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


ENC_PREFIX = "enc1:"


def _log_key(store_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"integrity-desktop log v1").derive(store_key)


class _EncryptingFormatter(logging.Formatter):
    def __init__(self, key: bytes) -> None:
        super().__init__(_FORMAT)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(_log_key(key))

    def format(self, record: logging.LogRecord) -> str:
        import base64
        import os

        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, super().format(record).encode("utf-8"), None)
        return ENC_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def use_store_key(key: bytes | None) -> None:
    """From now on the log's lines are encrypted with ``key``'s log key (None: plain again)."""
    if _handler is not None:
        _handler.setFormatter(_EncryptingFormatter(key) if key else logging.Formatter(_FORMAT))


def read_lines(path: Path, store_key: bytes | None) -> list[str]:
    """The log's lines, the encrypted ones decrypted (``[not readable with this store's key]``
    for lines another store's key wrote)."""
    import base64

    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(_log_key(store_key)) if store_key else None
    out: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith(ENC_PREFIX):
            out.append(line)
            continue
        try:
            raw = base64.b64decode(line[len(ENC_PREFIX):])
            if aead is None:
                raise ValueError("no key")
            out.append(aead.decrypt(raw[:12], raw[12:], None).decode("utf-8"))
        except (InvalidTag, ValueError):
            out.append("[not readable with this store's key]")
    return out


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

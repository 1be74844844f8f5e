"""One running app per store: a second launch on the same store brings the first forward.

The first launch holds a lock file and listens on a local socket, both named after a hash of
the store's location.  A second launch finds the lock taken, sends its request over the socket
(come forward, or open this bundle) and exits.  A crashed instance leaves a lock whose process
is gone, which ``QLockFile`` treats as stale, and a socket file that is removed before
listening: neither blocks the next start.  The lock is taken before the sign-in dialog; the
socket (QtNetwork) only after its first paint, and a second launch waits for it.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, Signal

from integrity_desktop.paths import is_url

if TYPE_CHECKING:  # QtNetwork loads after the sign-in dialog has painted
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_ACTIVATE = "activate"
_OPEN = "open"
_ANSWER = b"ok\n"


def instance_key(location: str) -> str:
    """A name for the store's socket and lock: the same for every spelling of one file."""
    if not is_url(location):
        location = os.path.normcase(str(Path(location).expanduser().resolve()))
    digest = hashlib.sha256(location.encode("utf-8")).hexdigest()[:20]
    return f"integrity-desktop-{digest}"


class InstanceGuard(QObject):
    """Signals: ``activation_requested`` when a later launch on the same store asked this one
    to come forward; ``bundle_requested(path)`` when it asked this one to open a bundle."""

    activation_requested = Signal()
    bundle_requested = Signal(str)

    def __init__(self, location: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = instance_key(location)
        self.lock = QLockFile(str(Path(QDir.tempPath()) / f"{self.key}.lock"))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this is the first launch on the store (call ``listen`` next); False when
        another one holds the store.  A lock that cannot be written (a read-only temporary
        folder) does not stop the app: it starts without the guard."""
        if self.lock.tryLock(0):
            return True
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def listen(self) -> bool:
        """Answer later launches; True when listening."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return True
        QLocalServer.removeServer(self.key)  # a socket file left by a crashed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(self.key):
            return False
        self.server = server
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def ask_running(self, bundle: str | None = None, timeout_ms: int = 5000) -> bool:
        """Ask the instance holding the store to come forward (and open ``bundle``); True when
        it answered.  It may still be starting: keep trying until ``timeout_ms``."""
        import time

        from PySide6.QtNetwork import QLocalSocket

        _allow_foreground()
        message = f"{_OPEN}\t{bundle}" if bundle else _ACTIVATE
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(500):
                socket.write(message.encode("utf-8") + b"\n")
                socket.flush()
                answered = socket.waitForReadyRead(max(500, int((deadline - time.monotonic()) * 1000)))
                answered = answered and bytes(socket.readAll().data()) == _ANSWER
                socket.disconnectFromServer()
                return answered
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", "replace").rstrip("\n")
        socket.write(_ANSWER)
        socket.flush()
        kind, _, argument = line.partition("\t")
        if kind == _OPEN and argument:
            self.bundle_requested.emit(argument)
        self.activation_requested.emit()


def _allow_foreground() -> None:
    """On Windows only the foreground process may raise a window: let the running one."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY

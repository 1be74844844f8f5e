"""Automatic sign-out after idle time: the window locks and asks for the password again."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

DEFAULT_IDLE_MINUTES = 15
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    """Calls ``on_idle`` once the application has had no input for ``minutes``."""

    def __init__(self, app: QApplication, minutes: float, on_idle: Callable[[], None]) -> None:
        super().__init__(app)
        self.limit = minutes * 60
        self.on_idle = on_idle
        self.last_input = time.monotonic()
        self.paused = False
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        if minutes > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if not self.paused and time.monotonic() - self.last_input >= self.limit:
            self.paused = True
            try:
                self.on_idle()
            finally:
                self.paused = False
                self.last_input = time.monotonic()

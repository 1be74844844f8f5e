"""``--startup-probe typed``: the morning sign-in as a person goes through it, timed from Enter.

The sign-in dialog paints and the store opens behind it, as for everyone.  The probe then types
``INTEGRITY_USER``, Tab and ``INTEGRITY_PASSWORD`` into the dialog at a person's pace and presses
Enter, noting the time; start-up goes on with the launcher's own code, and the first paint of the
dashboard *with its figures* stops the clock.  Then the argon2 check alone (the security floor)
is timed in the same process.  The last line printed is ``ENTER_TO_DASHBOARD ARGON2`` in seconds.
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from integrity_desktop.db.store import Store
    from integrity_desktop.ui.login_dialog import LoginDialog
    from integrity_desktop.ui.main_window import MainWindow

KEY_MS = 150  # a practised office typist: about seven keys a second
FIRST_KEY_MS = 400  # from the dialog's first paint to the first key (finding the keyboard)


class Typist(QObject):
    """Types into the sign-in dialog one key every ``KEY_MS`` and presses Enter last."""

    def __init__(self, dialog: LoginDialog, username: str, password: str) -> None:
        super().__init__(dialog)
        self.keys: list[tuple[QWidget, Qt.Key, str]] = [
            *((dialog.username, Qt.Key.Key_unknown, ch) for ch in username),
            (dialog.username, Qt.Key.Key_Tab, "\t"),
            *((dialog.password, Qt.Key.Key_unknown, ch) for ch in password),
            (dialog.password, Qt.Key.Key_Return, "\r"),
        ]
        self.enter_at: float | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._press)
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            QTimer.singleShot(FIRST_KEY_MS, lambda: self.timer.start(KEY_MS))

    def _press(self) -> None:
        widget, key, text = self.keys.pop(0)
        if not self.keys:
            self.timer.stop()
            self.enter_at = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


class _DashboardPainted(QObject):
    """Notes the first paint of any part of the dashboard once its figures are shown."""

    def __init__(self, dashboard: QWidget) -> None:
        super().__init__()
        self.dashboard = dashboard
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.painted_at is None
            and event.type() == QEvent.Type.Paint
            and getattr(self.dashboard, "loaded", False)
            and isinstance(watched, QWidget)
            and (watched is self.dashboard or self.dashboard.isAncestorOf(watched))
        ):
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def finish_typed(
    app: QApplication, typist: Typist, window: MainWindow, store: Store, password: str
) -> int:
    """Run until the dashboard has painted with its figures; print the two figures."""
    watcher = _DashboardPainted(window.screen_widget("dashboard"))
    app.installEventFilter(watcher)
    QTimer.singleShot(30_000, QCoreApplication.quit)  # never hang a benchmark
    app.exec()
    app.removeEventFilter(watcher)
    if typist.enter_at is None or watcher.painted_at is None:
        print("the dashboard did not paint with its figures", flush=True)
        return 2
    enter_to_dashboard = watcher.painted_at - typist.enter_at
    argon2 = argon2_seconds(store, window.ctx.actor.username, password)
    print(f"{enter_to_dashboard:.3f} {argon2:.3f}", flush=True)
    return 0


def argon2_seconds(store: Store, username: str, password: str, repeats: int = 3) -> float:
    """The argon2 verification of this user's stored hash alone: median of ``repeats``."""
    from integrity_desktop.services.accounts import users

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        ok = users.check_stored_password(store, username, password)
        times.append(time.perf_counter() - start)
        if not ok:  # (not an assert: the frozen build is compiled without them)
            raise SystemExit("startup probe: the probe's user and password must sign in")
    return statistics.median(times)

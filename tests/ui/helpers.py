"""Helpers shared by the GUI tests: driving dialogs from the event loop, typing Persian text,
clicking OK.  (Kept here so that no test module imports another.)"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget


def _visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


class Script:
    """Steps run one after another from the event loop while ``launch`` runs its dialogs."""

    def __init__(self, steps: list[Callable[[], bool]]) -> None:
        self.steps = steps
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(20)
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks > 1500:  # 30 s: fail instead of hanging the suite
            self.timer.stop()
            for w in QApplication.topLevelWidgets():
                w.close()
            QApplication.quit()
            return
        if self.steps and self.steps[0]():
            self.steps.pop(0)
        if not self.steps:
            self.timer.stop()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Persian included, one key at a time (keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def click_ok(box: QDialogButtonBox) -> None:
    QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def held(real: Callable[..., Any]) -> tuple[Callable[..., Any], threading.Event]:
    """``real`` made to wait at a gate until ``gate.set()``: a screen's background load held,
    so a test can read the screen while its figures are on their way."""
    gate = threading.Event()

    def waiting(*args: Any, **kw: Any) -> Any:
        gate.wait(20)
        return real(*args, **kw)

    return waiting, gate

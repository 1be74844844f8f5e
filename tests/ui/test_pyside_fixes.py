"""PySide6 6.12.0 loses a reference to ``True`` at each ``emit()`` and to ``None`` at each call
of a method that returns nothing (ui/pyside_fixes.py): the program must survive far more of
them than either has references."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from integrity_desktop.ui import pyside_fixes

# Workers emit their progress and results the way run_task does, from pool threads, and the GUI
# thread emits too; 200,000 emits are many times the references True has in the whole app.
_MANY_EMITS = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import integrity_desktop.ui.main_window  # the whole interface, as a session loads it
    from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from integrity_desktop.ui import pyside_fixes
    natural = sys.getrefcount(True) - pyside_fixes.given.get("True", 0)

    class Signals(QObject):
        progressed = Signal(int, int, str)

    signals = Signals()

    class Job(QRunnable):
        def run(self):
            for i in range(50_000):
                signals.progressed.emit(i, 50_000, "")

    for _ in range(3):
        QThreadPool.globalInstance().start(Job())
    for i in range(50_000):
        signals.progressed.emit(i, 50_000, "")
    QThreadPool.globalInstance().waitForDone()
    print("survived", natural)
""")


def _survives(script: str) -> int:
    """Run ``script`` in a fresh interpreter; it must end well and print «survived N»: N is
    returned (the references the singleton had of its own)."""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=240, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("survived"), out.stdout
    return int(out.stdout.split()[1])


def test_two_hundred_thousand_emits_do_not_abort_the_interpreter() -> None:
    assert _survives(_MANY_EMITS) < 200_000  # the emits outnumber True's own references


# A screen's work in miniature: void calls (a label's text, a timer started, an empty cell read
# back) on the GUI thread and on workers' own objects; 300,000 of them, where ``None`` has some
# 7,000 references once the interface is loaded.
_MANY_VOID_CALLS = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import integrity_desktop.ui.main_window  # the whole interface, as a session loads it
    from PySide6.QtCore import QModelIndex, QObject, QRunnable, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    from integrity_desktop.ui import pyside_fixes
    natural = sys.getrefcount(None) - pyside_fixes.given.get("None", 0)

    class Job(QRunnable):
        def run(self):
            mine = QObject()
            for i in range(50_000):
                mine.setObjectName("job")

    for _ in range(2):
        QThreadPool.globalInstance().start(Job())
    label, timer, empty = QLabel(), QTimer(), QModelIndex()
    for i in range(50_000):
        label.setText("x")
        label.setEnabled(True)
        timer.start(1000)
        empty.data()
    QThreadPool.globalInstance().waitForDone()
    print("survived", natural)
""")


def test_three_hundred_thousand_void_calls_do_not_abort_the_interpreter() -> None:
    assert _survives(_MANY_VOID_CALLS) < 300_000  # the calls outnumber None's own references


def test_true_and_none_keep_their_references_wherever_calls_lose_them() -> None:
    for name, singleton, loses in (("True", True, pyside_fixes.emit_loses_a_true),
                                   ("None", None, pyside_fixes.void_call_loses_a_none)):
        before = sys.getrefcount(singleton)
        if loses():  # the defect is there: the fix must have given the singleton spare references
            assert pyside_fixes.given[name] > 1 << 39
            assert sys.getrefcount(singleton) > 1 << 39
        else:
            assert name not in pyside_fixes.given
            assert sys.getrefcount(singleton) >= before - 1
    assert pyside_fixes.apply() is False  # once per process

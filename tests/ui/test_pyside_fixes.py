"""PySide6 6.12.0's ``emit()`` loses a reference to ``True`` each time (ui/pyside_fixes.py):
the program must survive far more emits than ``True`` has references."""

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
    natural = sys.getrefcount(True) - pyside_fixes.given

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


def test_two_hundred_thousand_emits_do_not_abort_the_interpreter() -> None:
    out = subprocess.run([sys.executable, "-c", _MANY_EMITS], capture_output=True, text=True,
                         timeout=240, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("survived"), out.stdout
    assert int(out.stdout.split()[1]) < 200_000  # the emits outnumber True's own references


def test_true_keeps_its_references_wherever_emit_loses_them() -> None:
    before = sys.getrefcount(True)
    lost = pyside_fixes.emit_loses_a_true()
    if lost:  # the defect is there: the fix must have given True its spare references
        assert sys.getrefcount(True) > 1 << 39
    else:
        assert sys.getrefcount(True) >= before - 1
    assert pyside_fixes.apply() is False  # once per process

"""The start-up baseline: a bare PySide6 script that only shows an empty QMainWindow and
prints the seconds since process start at its first paint (the same clock as the probe)."""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def since_start() -> float:
    """Seconds since the OS started this process: uptime now minus the process's start time
    (both since boot, 10 ms ticks).  Not btime + start: btime is whole seconds, an offset of
    up to a second that once hid most of the difference between the probe and this script."""
    stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, report)
        return False


def report() -> None:
    print(f"{since_start():.3f}", flush=True)
    app.quit()


app = QApplication(sys.argv)
window = QMainWindow()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()

"""The start-up baseline: a bare PySide6 script that only shows an empty QMainWindow and
prints the seconds since process start at its first paint (the same clock as the probe)."""

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def since_start() -> float:
    stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
    btime = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                 if line.startswith("btime"))
    return time.time() - (btime + int(stat[19]) / os.sysconf("SC_CLK_TCK"))


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

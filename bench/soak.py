"""``python -m bench.soak [--minutes M] [--db STORE --user U --password P]``: a day's work in
minutes.  Every screen of the main window, and every tab of each, is shown in turn, over and
over, each time waiting for its background loads; the process must live to the end.  Prints a
line a round (round, seconds, resident memory now) and ends non-zero if a load is still running a
minute later.

Without ``--db`` it walks the released Tehran demo store of the tests.  Why it exists: PySide6
6.12.0 loses a reference to ``None`` at every void call, and this walk aborted the interpreter
("none_dealloc") after four minutes, which 1,258 tests had not (``ui/pyside_fixes.py``).  A run
of a few minutes after a change to the Qt binding, or to what screens do as they fill, is cheap.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import shutil
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, rss_mb

TEHRAN_DEMO = ROOT / "tests" / "data" / "stores" / "0001-tehran-demo.tar.xz"


def _store_copy(db: str | None, folder: Path) -> Path:
    if db is None:
        with tarfile.open(TEHRAN_DEMO) as tar:
            tar.extractall(folder, filter="data")
        (found,) = folder.glob("*.sqlite")
        return found
    for side in Path(db).parent.glob(Path(db).name + "*"):  # the store, its key file, WAL
        shutil.copy(side, folder)
    return folder / Path(db).name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--minutes", type=float, default=8.0)
    parser.add_argument("--db", help="a store to walk (a copy is walked); default: the Tehran demo")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="demo-password")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # a hang (not a crash) prints every thread's stack and ends the run
    faulthandler.dump_traceback_later(args.minutes * 60 + 300, exit=True)

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication, QTabWidget

    from integrity_desktop.db.store import open_store
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.accounts.unlock import needs_unlock, unlock
    from integrity_desktop.ui.app import create_application, release_widgets
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.main_window import WINDOW_ROOM, MainWindow

    create_application("fa")
    path = _store_copy(args.db, Path(tempfile.mkdtemp(prefix="soak-")))
    if needs_unlock(str(path)):
        unlock(str(path), args.user, args.password, via="cli")
    store = open_store(str(path))
    window = MainWindow(UiContext(store, Actor(username=args.user, role="admin", office_code=store.office_code)))
    window.resize(WINDOW_ROOM)
    window.show()

    def settle() -> None:
        if not QThreadPool.globalInstance().waitForDone(60_000):
            raise SystemExit("a background load was still running a minute later")
        QApplication.processEvents()

    start, rounds = time.monotonic(), 0
    while time.monotonic() - start < args.minutes * 60:
        for key in window.screen_keys:
            screen = window.show_screen_now(key)
            settle()
            tabs = [t for t in screen.findChildren(QTabWidget) if t.isVisibleTo(window)]
            for i in range(tabs[0].count() if tabs else 0):
                tabs[0].setCurrentIndex(i)
                settle()
        rounds += 1
        print(f"round {rounds}  {time.monotonic() - start:6.0f} s  RSS {rss_mb():.0f} MB", flush=True)
    screens = len(window.screen_keys)
    window.close()
    QThreadPool.globalInstance().waitForDone()
    release_widgets()
    store.dispose()
    print(f"survived {rounds} rounds of {screens} screens")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Starting the GUI: the store (or the first-run wizard), sign-in, the main window.

Also the two head-less modes CI and the benchmarks use: ``--self-test`` and ``--startup-probe``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from integrity_desktop.db.store import Store
from integrity_desktop.errors import StoreError, UserError
from integrity_desktop.paths import data_home, resolve_store_location
from integrity_desktop.permissions import Actor
from integrity_desktop.ui.app import create_application
from integrity_desktop.ui.main_window import MainWindow


def seconds_since_process_start(fallback: float) -> float:
    """Wall seconds since the OS started this process (Linux /proc), else since ``fallback``."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(stat[19])
        btime = next(
            int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
        return time.time() - (btime + start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, StopIteration):
        return time.perf_counter() - fallback


class _FirstPaint(QObject):
    """Calls back once, after the watched widget has painted for the first time."""

    def __init__(self, callback: Callable[[], object]) -> None:
        super().__init__()
        self.callback = callback
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def _message(title: str, text: str) -> None:
    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QMessageBox.critical(None, title, text)
    print(text, file=sys.stderr)


def _run_with_progress(work: Callable[[], object], title: str) -> None:
    """Run slow start-up work off the GUI thread behind a progress dialog, then return."""
    from PySide6.QtCore import QEventLoop

    from integrity_desktop.ui.tasks import run_task

    loop = QEventLoop()
    failure: list[BaseException] = []

    def failed(exc: BaseException) -> None:
        failure.append(exc)
        loop.quit()

    run_task(None, lambda _report: work(), lambda _result: loop.quit(), failed, title=title)
    loop.exec()
    if failure:
        raise failure[0]


def _open_or_create(location: str, demo: bool) -> Store | None:
    from integrity_desktop.services.stores import open_initialised

    if demo:
        from integrity_desktop.services.demo import ensure_demo_store, make_demo

        if not Path(location).exists():
            _run_with_progress(
                lambda: make_demo(location, "tehran"),
                QApplication.translate("Launch", "Preparing the demo store (once, about a minute)…"),
            )
        return ensure_demo_store(location, "tehran")
    try:
        return open_initialised(location)
    except StoreError as exc:
        if exc.code != "store_missing":
            raise
    from integrity_desktop.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(location)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    return dialog.store


def launch(args: argparse.Namespace, process_start: float) -> int:
    if args.self_test:
        from integrity_desktop.ui.self_test import run_self_test

        return run_self_test(args.lang)
    app = create_application(args.lang)
    location = resolve_store_location(args.db)
    if args.demo and not args.db:
        location = str(data_home() / "demo.sqlite")
    try:
        store = _open_or_create(location, args.demo)
    except UserError as exc:
        store = _recover(location, exc) if not args.startup_probe else None
        if store is None:
            _message(app.translate("Launch", "Cannot open the store"), exc.message(args.lang))
            return 2
    if store is None:
        return 1
    from integrity_desktop.services.offices import office_name

    office = office_name(store, store.office_code)
    if args.startup_probe:
        from integrity_desktop.services.users import authenticate

        actor = authenticate(
            store, os.environ.get("INTEGRITY_USER", ""), os.environ.get("INTEGRITY_PASSWORD", "")
        )
    else:
        from integrity_desktop.ui.login_dialog import LoginDialog

        hint = ""
        if args.demo:
            hint = app.translate(
                "Launch",
                "Demo store. Accounts: admin, inspector, officer, viewer, reviewer; "
                "password for all: demo-password",
            )
        dialog = LoginDialog(store, office, hint)
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
            store.dispose()
            return 1
        actor = dialog.actor
    from integrity_desktop.ui.context import UiContext

    window = MainWindow(UiContext(store, actor, args.lang))
    if args.startup_probe:
        def report() -> None:
            print(f"{seconds_since_process_start(process_start):.3f}")
            app.quit()

        watcher = _FirstPaint(report)
        window.screen_widget("dashboard").installEventFilter(watcher)
        window.show()
        app.exec()
        store.dispose()
        return 0
    window.show()
    if args.open:
        _open_bundle(window, args.open)
    _start_housekeeping(window, store, actor)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # no background job may outlive the store
    if store.path is not None:
        from integrity_desktop.services.backup import auto_backup

        try:
            auto_backup(store)  # on exit: the last N are kept next to the store
        except UserError as exc:
            print(exc.message(args.lang), file=sys.stderr)
    store.dispose()
    return int(code)


def _open_bundle(window: MainWindow, path: str) -> None:
    """A double-clicked bundle: go to the sync screen and start its import (dry run first)."""
    if "sync" not in window.screen_keys:
        return
    screen = window.show_screen("sync")
    start = getattr(screen, "start_import", None)
    if callable(start):
        QTimer.singleShot(0, lambda: start(path))


def _start_housekeeping(window: QWidget, store: Store, actor: Actor) -> None:
    """Daily backup shortly after start (off the GUI thread) and the idle sign-out lock."""
    from datetime import timedelta

    from integrity_desktop.services.backup import auto_backup
    from integrity_desktop.ui.idle import DEFAULT_IDLE_MINUTES, IdleWatcher
    from integrity_desktop.ui.login_dialog import LoginDialog
    from integrity_desktop.ui.tasks import run_task

    if store.path is not None:
        QTimer.singleShot(
            10_000,
            lambda: run_task(
                None, lambda _r: auto_backup(store, min_age=timedelta(days=1)), None,
                lambda _e: None, modal_progress=False,
            ),
        )

    def lock() -> None:
        window.hide()
        dialog = LoginDialog(store, store.office_code)
        dialog.username.setText(actor.username)
        dialog.username.setReadOnly(True)
        if dialog.exec() == LoginDialog.DialogCode.Accepted:
            window.show()
        else:
            window.close()

    minutes = float(store.get_meta("idle_minutes", str(DEFAULT_IDLE_MINUTES)) or 0)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        window.setProperty("idle_watcher", IdleWatcher(app, minutes, lock))


def _recover(location: str, exc: UserError) -> Store | None:
    """A corrupt or unopenable store: offer the newest backup instead of a traceback."""
    if not isinstance(exc, StoreError) or exc.code not in {"store_corrupt", "store_open"}:
        return None
    from integrity_desktop.services.backup import BACKUP_DIR, restore
    from integrity_desktop.services.stores import open_initialised

    path = Path(location)
    backups = sorted((path.parent / BACKUP_DIR).glob(f"{path.stem}-*.sqlite"))
    if not backups or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("Launch", "Cannot open the store"),
                      exc.fa)
    restore_button = box.addButton(
        QApplication.translate("Launch", "Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QApplication.translate("Launch", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore_button:
        return None
    restore(path, backups[-1])  # the damaged file is kept next to it as *.replaced-*
    return open_initialised(location)

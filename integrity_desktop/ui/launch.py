"""Starting the GUI: the store (or the first-run wizard), sign-in, the main window.

Also the two head-less modes CI and the benchmarks use: ``--self-test`` and ``--startup-probe``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from integrity_desktop.errors import StoreError, UserError
from integrity_desktop.paths import data_home, resolve_store_location
from integrity_desktop.ui.app import create_application

_log = logging.getLogger("integrity_desktop.launch")

if TYPE_CHECKING:  # at run time these load SQLAlchemy: only after the sign-in dialog has painted
    from integrity_desktop.db.cipher import UnlockResult
    from integrity_desktop.db.store import Store
    from integrity_desktop.permissions import Actor
    from integrity_desktop.ui.login_dialog import LoginDialog
    from integrity_desktop.ui.main_window import MainWindow
    from integrity_desktop.ui.single_instance import InstanceGuard
    from integrity_desktop.ui.startup_probe import Typist


def seconds_since_process_start(fallback: float) -> float:
    """Wall seconds since the OS started this process (Linux /proc), else since ``fallback``.

    Uptime now minus the process's start time, both since boot in 10 ms ticks; ``btime`` (boot
    time in whole seconds) would add a constant error of up to a second.
    """
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - fallback


class _FirstPaint(QObject):
    """Calls back once, after the watched widget has painted for the first time."""

    def __init__(self, callback: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)  # a parent keeps an unnamed filter alive
        self.callback = callback
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def _message(title: str, text: str) -> None:
    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox  # only on this path: 2 ms before the first paint

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


class _BackgroundOpen:
    """Opens the store (backup, migrations, quick check) on a worker thread, started once the
    sign-in dialog has painted: SQLAlchemy and the models load while the person types."""

    def __init__(self, location: str, demo: bool) -> None:
        self.location, self.demo = location, demo
        self.started = False
        self.result: tuple[Store, str] | None = None
        self.error: BaseException | None = None
        # An encrypted store waits for the key the sign-in unlocks (``unlock``).
        self._key_ready = threading.Event()
        self._cancelled = False

    def unlock(self, username: str, password: str) -> UnlockResult | None:
        """Called by the dialog on the GUI thread when the person signs in before the store has
        opened: an encrypted store's key is unwrapped with their password (argon2, once) and
        the worker goes on opening it.  A wrong password raises the sign-in's usual refusal."""
        from integrity_desktop.services.accounts.unlock import needs_unlock, unlock

        if self._key_ready.is_set() or not needs_unlock(self.location):
            return None
        result = unlock(self.location, username, password, via="gui")
        self._key_ready.set()
        return result

    def cancel(self) -> None:
        self._cancelled = True
        self._key_ready.set()

    def start(self, on_opened: Callable[[Store, str], None], on_failed: Callable[[], None]) -> None:
        if self.started:
            return
        self.started = True
        from integrity_desktop.ui.tasks import run_task

        def work(_report: object) -> tuple[Store, str]:
            from integrity_desktop.services.accounts.unlock import needs_unlock
            from integrity_desktop.services.store.offices import office_name
            from integrity_desktop.services.store.opening import open_initialised

            if needs_unlock(self.location):
                # Encrypted: nothing can be read before a sign-in unwraps the key, so the
                # window's modules load meanwhile and the open waits for it.
                _preload_main_window()
                self._key_ready.wait()
                if self._cancelled:
                    raise UserError("ورود لغو شد.", "The sign-in was cancelled.", code="cancelled")
            if self.demo:
                from integrity_desktop.services.demo.content import ensure_demo_store

                store = ensure_demo_store(self.location, "tehran")
            else:
                store = open_initialised(self.location)
            office = office_name(store, store.office_code)
            _preload_main_window()
            return store, office

        def done(result: tuple[Store, str]) -> None:
            self.result = result
            on_opened(*result)

        def failed(exc: BaseException) -> None:
            self.error = exc
            on_failed()

        run_task(None, work, done, failed, modal_progress=False)


class _PreparedWindow:
    """The main window of the person signing in, prepared while they type.

    Once the store is open and a user name has been entered, the window of the account that
    name belongs to (``users.expected_actor``: its role and office) is built hidden, and its
    dashboard loads its figures as after any sign-in, through the services with that actor,
    so every role check applies.  Enter then only has the password to check; the window is
    shown only when the sign-in returns an equal actor, and is otherwise dropped unseen.
    """

    def __init__(self, dialog: LoginDialog, lang: str) -> None:
        self.dialog, self.lang = dialog, lang
        self.window: MainWindow | None = None
        self.name_entered = False
        dialog.username.editingFinished.connect(self._name_entered)
        dialog.username.textEdited.connect(self._name_edited)

    def _name_entered(self) -> None:
        self.name_entered = True
        self.prepare()

    def _name_edited(self) -> None:
        self.name_entered = False

    def prepare(self) -> None:
        store, username = self.dialog.store, self.dialog.username.text().strip()
        if store is None or not self.name_entered or not username:
            return
        if self.window is not None and self.window.ctx.actor.username == username:
            return
        self.drop()
        from integrity_desktop.services.accounts.users import expected_actor

        try:
            actor = expected_actor(store, username)
        except UserError:  # the store busy, say: the window is then made after the sign-in
            return
        if actor is not None:
            self.window = _new_main_window(store, actor, self.lang)
            _warm_wrapper_types()

    def take(self, actor: Actor | None) -> MainWindow | None:
        """The prepared window if it belongs to ``actor`` (the one who signed in), else None."""
        window = self.window
        if window is None or actor is None or window.ctx.actor != actor:
            self.drop()
            return None
        self.window = None
        return window

    def drop(self) -> None:
        if self.window is not None:
            self.window.close()  # hidden; deleted on close, with its screens
            self.window = None


def _sign_in_while_opening(
    app: QApplication, location: str, args: argparse.Namespace, hint: str,
    after_paint: Callable[[], object] | None = None,
    typist: Callable[[LoginDialog], Typist] | None = None,
) -> tuple[Store | None, Actor | None, BaseException | None, MainWindow | None]:
    """The sign-in dialog first, the store opening behind it (and ``after_paint`` run).  Returns
    the store (if it opened), the signed-in actor (None when cancelled), the opening error (if
    any) and the signed-in person's main window if it was prepared while they typed
    (``_PreparedWindow``).  ``typist`` (the typed start-up probe) makes the one who types into
    the dialog."""
    import shiboken6

    from integrity_desktop.ui.login_dialog import LoginDialog

    opener = _BackgroundOpen(location, args.demo)
    dialog = LoginDialog(None, "", hint, unlocker=opener.unlock)
    prepared = _PreparedWindow(dialog, args.lang)

    def opened(store: Store, office: str) -> None:
        if shiboken6.isValid(dialog):  # the open may end after the dialog is gone (the app closing)
            dialog.set_store(store, office)
            prepared.prepare()

    def open_failed() -> None:
        if shiboken6.isValid(dialog):
            dialog.done(_OPEN_FAILED)

    def start() -> None:
        opener.start(opened, open_failed)
        if after_paint is not None:
            after_paint()

    dialog.installEventFilter(_FirstPaint(start, dialog))
    QTimer.singleShot(500, start)  # in case no paint event ever arrives (minimised, no screen)
    if args.startup_probe == "signin":
        dialog.installEventFilter(_FirstPaint(lambda: _probe_report(app, dialog), dialog))
    if typist is not None:
        dialog.installEventFilter(_FirstPaint(typist(dialog).start, dialog))
    code = dialog.exec()
    actor = dialog.actor if code == LoginDialog.DialogCode.Accepted else None
    window = prepared.take(actor)
    if actor is None:
        opener.cancel()  # an open waiting for a key gives up
        QThreadPool.globalInstance().waitForDone()  # a cancelled dialog still waits for the open
    app.processEvents()  # deliver the worker's last signal
    store = opener.result[0] if opener.result else None
    # A person who cancelled is not sent on to the first-run wizard or a backup offer.
    error = opener.error if code == _OPEN_FAILED else None
    return store, actor, error, window


_OPEN_FAILED = 2  # the sign-in dialog's result when the store could not be opened


def _probe_report(app: QApplication, widget: QWidget) -> None:
    print(f"{seconds_since_process_start(0.0):.3f}", flush=True)
    widget.close()
    app.quit()


def _demo_hint(app: QApplication, demo: bool) -> str:
    if not demo:
        return ""
    from integrity_desktop.ui.text import isolate, join_list

    return app.translate("Launch", "Demo store. Accounts: {accounts}; password for all: {password}").format(
        accounts=join_list(["admin", "inspector", "officer", "viewer", "reviewer"]),
        password=isolate("demo-password"),
    )


def launch(args: argparse.Namespace, process_start: float) -> int:
    if args.self_test:
        from integrity_desktop.ui.self_test import run_self_test

        return run_self_test(args.lang)
    try:
        app = create_application(args.lang)
    except UserError as exc:  # a broken installation (ResourceMissing): say so in a window too
        _message("سامانه سلامت اداری — Integrity Desktop", f"{exc.fa}\n\n{exc.en}")
        return 2
    location = resolve_store_location(args.db)
    if args.demo and not args.db:
        location = str(data_home() / "demo.sqlite")
    if args.startup_probe == "dashboard":
        return _probe_dashboard(app, location, args)
    from integrity_desktop.ui import crash

    uninstall = crash.install(location)  # the log beside the store; a crash dialog says where
    try:
        guard: InstanceGuard | None = None
        if not args.startup_probe:
            guard = _claim_store(app, location, args)
            if guard is None:
                return 0 if _asked_the_running_one(app, location, args) else 1
        try:
            return _run(app, location, args, guard)
        finally:
            if guard is not None:
                guard.release()
    finally:
        uninstall()


def _claim_store(app: QApplication, location: str, args: argparse.Namespace) -> InstanceGuard | None:
    """The store for this process alone: None when another launch already has it open.  A later
    launch on the same store brings this one's window forward (and may hand it a bundle)."""
    from integrity_desktop.ui.single_instance import InstanceGuard

    guard = InstanceGuard(location, app)
    if not guard.claim():
        guard.deleteLater()
        return None

    def open_bundle(path: str) -> None:
        window = next((w for w in _windows if w.isVisible()), None)
        if window is not None:
            _open_bundle(window, path)
        else:
            args.open = path  # opened once the person has signed in

    guard.activation_requested.connect(_bring_forward)
    guard.bundle_requested.connect(open_bundle)
    return guard


def _asked_the_running_one(app: QApplication, location: str, args: argparse.Namespace) -> bool:
    """Another launch has the store open: ask it to come forward (with the bundle to open).
    False, with a message, when it does not answer."""
    from integrity_desktop.ui.single_instance import InstanceGuard

    if InstanceGuard(location).ask_running(str(Path(args.open).resolve()) if args.open else None):
        print(app.translate("Launch", "The program is already open on this store: its window "
                                      "was brought forward."), file=sys.stderr)
        return True
    _message(
        app.translate("Launch", "Already open"),
        app.translate("Launch", "The program is already open on this store but does not answer. "
                                "Wait a moment and try again, or close the other window first."),
    )
    return False


def _bring_forward() -> None:
    """Show the window a person is working in (the sign-in dialog, a dialog or the main window)
    on top, restored if it was minimised."""
    candidates = [QApplication.activeModalWidget(), *(w for w in _windows if w.isVisible())]
    candidates += [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    widget = next((w for w in candidates if w is not None), None)
    if widget is None:
        return
    if widget.isMinimized():
        widget.showNormal()
    widget.raise_()
    widget.activateWindow()


def _run(app: QApplication, location: str, args: argparse.Namespace, guard: InstanceGuard | None) -> int:
    if args.demo and not Path(location).exists():
        _make_demo(location)
    if args.startup_probe == "typed":
        return _probe_typed(app, location, args)
    store, actor, error, window = _sign_in_while_opening(
        app, location, args, _demo_hint(app, args.demo), guard.listen if guard is not None else None
    )
    if args.startup_probe:
        if store is not None:
            store.dispose()
        return 0 if error is None else 2
    if error is not None:
        store, actor, failed = _after_open_failure(app, location, args, error)
        if store is None:
            return 2 if failed else 1  # 1: the first-run wizard was cancelled
    if store is None:
        return 1
    if actor is None:
        store.dispose()
        return 1
    window = _main_window(store, actor, args.lang, window)
    from integrity_desktop import logs

    logs.use_store_key(store.key)  # a traceback may quote a record: encrypted like the store
    _warn_clock(window, store)
    if args.open:
        _open_bundle(window, args.open)
    backup_timer = _start_backups(store, window)
    from integrity_desktop import heap

    QTimer.singleShot(1000, heap.settle)  # after the first paint (heap.py)
    code = app.exec()
    backup_timer.stop()
    QThreadPool.globalInstance().waitForDone()  # no background job may outlive the store
    from integrity_desktop.ui.app import release_widgets

    release_widgets()
    if store.path is not None:
        from integrity_desktop.services.store.backup_schedule import daily_backup

        try:
            daily_backup(store)  # a session too short for the timer still gets the day's backup
        except Exception as exc:  # reported and logged, never swallowed; the exit goes on
            _log.error("the backup on exit failed: %s", getattr(exc, "en", exc),
                       exc_info=not isinstance(exc, UserError))
            print(exc.message(args.lang) if isinstance(exc, UserError) else str(exc),
                  file=sys.stderr)
    store.dispose()
    return int(code)


def _warn_clock(window: QWidget, store: Store) -> None:
    """A PC clock behind the store's newest stamp: a warning once at start (it also stays in
    the status bar)."""
    from integrity_desktop.services.store.opening import clock_warning
    from integrity_desktop.ui.widgets.messages import app_lang, error_text

    warning = clock_warning(store)
    if warning is None:
        return
    print(warning.en, file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, QApplication.translate("Launch", "Check the PC's clock"),
                            error_text(warning, app_lang()))


def _make_demo(location: str) -> None:
    from integrity_desktop.services.demo.content import make_demo

    _run_with_progress(
        lambda: make_demo(location, "tehran"),
        QApplication.translate("Launch", "Preparing the demo store (once, about a minute)…"),
    )


def _after_open_failure(
    app: QApplication, location: str, args: argparse.Namespace, error: BaseException
) -> tuple[Store | None, Actor | None, bool]:
    """The store did not open behind the sign-in dialog: the first-run wizard for a missing
    store, the latest backup for a damaged one, else a clear message.  Then sign in again.
    The flag is True when no store could be had (False: the person cancelled the wizard)."""
    if not isinstance(error, UserError):
        raise error
    store: Store | None = None
    if isinstance(error, StoreError) and error.code == "store_missing" and not args.demo:
        from integrity_desktop.ui.first_run import FirstRunDialog

        wizard = FirstRunDialog(location)
        if wizard.exec() != FirstRunDialog.DialogCode.Accepted:
            return None, None, False
        store = wizard.store
    else:
        store = _recover(location, error)
    if store is None:
        _message(app.translate("Launch", "Cannot open the store"), error.message(args.lang))
        return None, None, True
    return store, _sign_in(store, _demo_hint(app, args.demo)), False


def _sign_in(store: Store, hint: str = "", username: str = "") -> Actor | None:
    """The sign-in dialog over an open store; None when cancelled."""
    from integrity_desktop.services.store.offices import office_name
    from integrity_desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(store, office_name(store, store.office_code), hint)
    if username:
        dialog.username.setText(username)
        dialog.username.setReadOnly(True)
        dialog.password.setFocus()
    if dialog.exec() != LoginDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def _new_main_window(store: Store, actor: Actor, lang: str) -> MainWindow:
    """A main window, not yet shown (its dashboard starts loading at once)."""
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.main_window import MainWindow

    window = MainWindow(UiContext(store, actor, lang))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _windows.add(window)  # a top-level window without a Python reference would be collected
    window.destroyed.connect(lambda *_: _windows.discard(window))
    return window


def _main_window(
    store: Store, actor: Actor, lang: str, prepared: MainWindow | None = None
) -> MainWindow:
    """The main window for a signed-in person, with sign-out and the idle lock wired.
    ``prepared``: their window built while they typed (``_PreparedWindow``)."""
    from integrity_desktop.ui.idle import DEFAULT_IDLE_MINUTES, IdleWatcher

    window = prepared if prepared is not None else _new_main_window(store, actor, lang)
    minutes = float(store.get_meta("idle_minutes", str(DEFAULT_IDLE_MINUTES)) or 0)
    watcher: IdleWatcher | None = None

    def sign_out() -> None:
        # Another person may sign in at the same desk: a new window for the new actor.
        if watcher is not None:
            watcher.paused = True
        window.hide()
        QThreadPool.globalInstance().waitForDone()  # the old window's jobs belong to the old actor
        nxt = _sign_in(store)
        if nxt is not None:
            _main_window(store, nxt, lang)
        window.close()

    def lock() -> None:
        window.hide()
        if _sign_in(store, username=actor.username) is not None:
            window.show()
        else:
            window.close()

    window.sign_out_requested.connect(sign_out)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        watcher = IdleWatcher(app, minutes, lock)
        window.destroyed.connect(watcher.deleteLater)  # it is the application's child
    window.show_fitted()
    if prepared is not None:
        # Its figures were read while the person typed: read them again now that they are
        # shown, so what stays on screen is never older than the sign-in.
        refresh = getattr(window.screen_widget("dashboard"), "refresh", None)
        if callable(refresh):
            QTimer.singleShot(0, refresh)
    return window


_windows: set[MainWindow] = set()


def _warm_wrapper_types() -> None:
    """PySide6 makes its wrapper types (and their enums) lazily, and the first object of a
    Qt-private class it has to wrap makes it make all of them: about 130 enum types, 40 ms on
    this machine, which showing the main window met (the idle watcher's application-wide
    filter sees such objects).  Wrapping the application's own children, some of them of
    private classes, does it now instead: on the GUI thread, while nothing waits for it."""
    from PySide6.QtCore import QObject

    app = QApplication.instance()
    if app is not None:
        app.findChildren(QObject)


def _preload_main_window() -> None:
    """Import what signing in and the first screen need (modules only, no widgets: safe off
    the GUI thread): the users service (argon2), the main window, the dashboard, its services
    and QtCharts, so nothing is imported between Enter and the dashboard."""
    import importlib

    from integrity_desktop.ui.main_window import SCREENS

    for module in (SCREENS[0][2].split(":")[0], "integrity_desktop.services.accounts.users",
                   "integrity_desktop.services.checklists.scoring", "integrity_desktop.services.checklists.filled",
                   "PySide6.QtCharts"):
        importlib.import_module(module)


def _probe_dashboard(app: QApplication, location: str, args: argparse.Namespace) -> int:
    """``--startup-probe``: sign in from the environment, paint the main window with the
    dashboard, print the seconds since process start, exit."""
    from integrity_desktop.services.accounts.unlock import unlock
    from integrity_desktop.services.accounts.users import authenticate
    from integrity_desktop.services.store.opening import open_initialised
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.main_window import MainWindow

    user = os.environ.get("INTEGRITY_USER", "")
    password = os.environ.get("INTEGRITY_PASSWORD", "")
    try:
        unlocked = unlock(location, user, password)
        store = open_initialised(location)
    except UserError as exc:
        _message(app.translate("Launch", "Cannot open the store"), exc.message(args.lang))
        return 2
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        # argon2 runs in C without the GIL: the window's modules load meanwhile, as they do
        # behind the sign-in dialog while a person types.
        signing_in = pool.submit(authenticate, store, user, password, unlocked=unlocked)
        _preload_main_window()
        _warm_wrapper_types()
        actor = signing_in.result()
    window = MainWindow(UiContext(store, actor, args.lang))
    watcher = _FirstPaint(lambda: _probe_report(app, window))
    window.screen_widget("dashboard").installEventFilter(watcher)
    window.show()
    app.exec()
    QThreadPool.globalInstance().waitForDone()  # the dashboard's loader may still be running
    store.dispose()
    return 0


def _probe_typed(app: QApplication, location: str, args: argparse.Namespace) -> int:
    """``--startup-probe typed``: sign in by typing into the real dialog, then the real main
    window; print the seconds from Enter to the dashboard painted with its figures and the
    argon2 check alone (``ui/startup_probe.py``)."""
    from integrity_desktop.ui.startup_probe import Typist, finish_typed

    username = os.environ.get("INTEGRITY_USER", "")
    password = os.environ.get("INTEGRITY_PASSWORD", "")
    typists: list[Typist] = []

    def typist(dialog: LoginDialog) -> Typist:
        typists.append(Typist(dialog, username, password))
        return typists[-1]

    store, actor, error, window = _sign_in_while_opening(app, location, args, "", typist=typist)
    if store is None or actor is None:
        if error is not None:
            print(error, file=sys.stderr)
        if store is not None:
            store.dispose()
        return 2
    window = _main_window(store, actor, args.lang, window)
    code = finish_typed(app, typists[0], window, store, password)
    import shiboken6

    if shiboken6.isValid(window):  # quitting closed it (and it deletes itself on close)
        window.close()
    QThreadPool.globalInstance().waitForDone()
    from integrity_desktop.ui.app import flush_deletes

    flush_deletes()
    store.dispose()
    return code


def _open_bundle(window: MainWindow, path: str) -> None:
    """A double-clicked bundle: go to the sync screen and start its import (dry run first)."""
    if "sync" not in window.screen_keys:
        return
    screen = window.show_screen("sync")
    start = getattr(screen, "start_import", None)
    if callable(start):
        QTimer.singleShot(0, lambda: start(path))


def _start_backups(store: Store, window: MainWindow | None = None) -> QTimer:
    """The day's backup, shortly after start and then checked hourly (a window left open over
    night backs up the next day too), off the GUI thread.  Stop the timer on exit.  A failure
    is logged and shown (the window's status bar and a message), never swallowed."""
    from integrity_desktop.services.store.backup_schedule import daily_backup
    from integrity_desktop.ui.tasks import run_task

    timer = QTimer()
    if store.path is not None:
        def due() -> None:
            timer.setInterval(3_600_000)
            run_task(None, lambda _r: daily_backup(store), None,
                     lambda exc: _report(backup_failed(window, exc)), modal_progress=False)

        timer.timeout.connect(due)
        timer.start(10_000)
    return timer


def _report(text: str) -> None:
    print(text, file=sys.stderr)


def backup_failed(window: MainWindow | None, exc: BaseException) -> str:
    """Tell the person the daily backup was not made (and why), and log it; returns the text."""
    import shiboken6

    from integrity_desktop import logs
    from integrity_desktop.ui.widgets.messages import app_lang, error_text

    _log.error("the daily backup failed: %s", getattr(exc, "en", exc),
               exc_info=not isinstance(exc, UserError))
    why = error_text(exc, app_lang()) if isinstance(exc, UserError) else QApplication.translate(
        "Launch", "an unexpected error (details in the log: %1)").replace(
        "%1", f"\u2066{logs.current_log() or '?'}\u2069")
    text = QApplication.translate(
        "Launch", "Today's backup was not made: %1 Make a backup by hand, or ask your "
                  "administrator.").replace("%1", why)
    if window is not None and shiboken6.isValid(window):
        window.show_backup_warning(text)
        if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(window, QApplication.translate("Launch", "Backup"), text)
    return text


def offers_restore(exc: BaseException) -> bool:
    """Only a damaged store file leads to the backup offer: a full disk, a read-only folder,
    a locked file or a disk error each have their own message, and restoring a backup there
    would throw away good data."""
    return isinstance(exc, StoreError) and exc.code == "store_corrupt"


def _ask_restore(exc: UserError) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from integrity_desktop.ui.widgets.messages import app_lang, error_text

    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("Launch", "Cannot open the store"),
                      error_text(exc, app_lang()))
    restore_button = box.addButton(
        QApplication.translate("Launch", "Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QApplication.translate("Launch", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is restore_button


def _unlock_backup(path: Path) -> None:
    """An encrypted backup whose key this process does not hold (the store it came from is
    damaged, or it is another machine's): an administrator's name and password unwrap it."""
    from integrity_desktop.services.accounts.unlock import needs_unlock, unlock
    from integrity_desktop.ui.login_dialog import LoginDialog

    if not needs_unlock(str(path)):
        return
    dialog = LoginDialog(
        None, "", QApplication.translate(
            "Launch", "The backup is encrypted: an administrator's name and password open it."),
        unlocker=lambda username, password: unlock(str(path), username, password, via="gui"),
        unlock_only=True,
    )
    dialog.title.setText(QApplication.translate("Launch", "Opening the backup"))
    if dialog.exec() != LoginDialog.DialogCode.Accepted:
        raise UserError("بازگرداندن پشتیبان لغو شد.", "Restoring the backup was cancelled.",
                        code="cancelled")


def _recover(location: str, exc: UserError,
             ask: Callable[[UserError], bool] | None = None) -> Store | None:
    """A damaged store: offer the newest backup instead of a traceback (never for anything
    else).  The person restoring signs in as an administrator of the backup."""
    if not offers_restore(exc):
        return None
    from integrity_desktop.services.store.backup import backups_for, restore
    from integrity_desktop.services.store.opening import open_initialised

    path = Path(location)
    backups = backups_for(path)
    if not backups:
        return None
    if ask is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            return None
        ask = _ask_restore
    if not ask(exc):
        return None

    def administrator(store: Store) -> Actor:
        actor = _sign_in(store, QApplication.translate(
            "Launch", "Restoring a backup: sign in as an administrator of the backup."))
        if actor is None:
            raise UserError("بازگرداندن پشتیبان لغو شد.", "Restoring the backup was cancelled.",
                            code="cancelled")
        return actor

    # the damaged file is kept as *.replaced-*
    restore(path, backups[-1], actor_of=administrator, unlock=_unlock_backup)
    return open_initialised(location)

"""Start-up as a person goes through it: the sign-in dialog paints first and the store opens
behind it; signing in opens the main window; signing out lets another person sign in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from integrity_desktop.cli.main import build_parser
from integrity_desktop.db.store import Store
from integrity_desktop.services.accounts import users
from integrity_desktop.ui.launch import launch
from integrity_desktop.ui.login_dialog import LoginDialog
from integrity_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD, actor
from tests.ui.helpers import Script, _visible

pytestmark = pytest.mark.gui


def test_sign_in_while_the_store_opens_then_sign_out_and_in_as_another(
    qapp: QApplication, store: Store
) -> None:
    admin = actor("admin", store.office_code)
    users.create_user(store, admin, "officer1", "مسئول پرونده", "case_officer", "officer-password-1",
                      must_change=False)  # the forced change: tests/ui/test_password.py
    path = str(store.path)
    store.dispose()  # launch opens the file itself
    log: list[str] = []

    def sign_in(username: str, password: str, wait_for_store: bool) -> Callable[[], bool]:
        def step() -> bool:
            dialogs = [d for d in _visible(LoginDialog) if isinstance(d, LoginDialog)]
            if not dialogs or (wait_for_store and dialogs[0].store is None):
                return False
            dialog = dialogs[0]
            log.append(f"dialog store ready={dialog.store is not None}")
            dialog.username.setText(username)
            dialog.password.setText(password)
            dialog.try_sign_in()  # before the store is open this waits and signs in after
            return True
        return step

    def main_window_of(username: str, then: Callable[[MainWindow], None]) -> Callable[[], bool]:
        def step() -> bool:
            windows = [w for w in _visible(MainWindow) if isinstance(w, MainWindow)]
            if not windows or windows[0].ctx.actor.username != username:
                return False
            window = windows[0]
            log.append(f"{username}: {window.office_label.text()}")
            QTimer.singleShot(0, lambda: then(window))
            return True
        return step

    script = Script([
        sign_in("admin", ADMIN_PASSWORD, wait_for_store=False),
        main_window_of("admin", lambda w: w.sign_out_requested.emit()),
        sign_in("officer1", "officer-password-1", wait_for_store=True),
        main_window_of("officer1", lambda w: w.close()),
    ])
    code = launch(build_parser().parse_args(["--db", path]), 0.0)
    assert script.ticks <= 1500, log
    assert code == 0
    assert log[0] == "dialog store ready=False"  # the dialog was up before the store opened
    assert log[1].startswith("admin: ") and "تهران" in log[1]
    assert log[3].startswith("officer1: ")
    assert not _visible(MainWindow)


def test_cancelled_sign_in_waits_for_the_open_and_leaves_the_store_usable(
    qapp: QApplication, store: Store
) -> None:
    path = str(store.path)
    store.dispose()

    def cancel() -> bool:
        dialogs = _visible(LoginDialog)
        if dialogs:
            dialogs[0].close()
        return bool(dialogs)

    script = Script([cancel])
    assert launch(build_parser().parse_args(["--db", path]), 0.0) == 1
    assert not script.steps
    from integrity_desktop.services.store.opening import open_initialised

    again = open_initialised(path)
    assert again.office_code == "tehran"
    again.dispose()


def test_corrupt_store_at_start_reports_and_exits(qapp: QApplication, tmp_path: Path) -> None:
    """A corrupt file behind the sign-in dialog: the dialog closes and a clear error is the
    outcome (offscreen there is no backup prompt), with the file left as it was."""
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 100)
    before = bad.read_bytes()
    assert launch(build_parser().parse_args(["--db", str(bad)]), 0.0) == 2
    assert bad.read_bytes() == before


def test_cancel_before_a_failed_open_is_a_cancel_not_a_recovery(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Cancelled while a corrupt store was still being opened: exit 1 (cancel), no error path."""
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 100)

    def cancel() -> bool:
        dialogs = _visible(LoginDialog)
        if dialogs:
            dialogs[0].reject()
        return bool(dialogs)

    script = Script([cancel])
    QTimer.singleShot(0, script.tick)  # before the first paint starts the open
    assert launch(build_parser().parse_args(["--db", str(bad)]), 0.0) == 1
    assert not script.steps

"""The main window prepared while the person types (``launch._PreparedWindow``): built hidden
for the account the typed user name belongs to, shown only when the sign-in returns that same
actor, dropped unseen otherwise; and ``--startup-probe typed``, which measures it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from integrity_desktop.cli.main import build_parser
from integrity_desktop.db.models import User
from integrity_desktop.db.store import Store
from integrity_desktop.services.accounts import users
from integrity_desktop.services.store.opening import open_initialised
from integrity_desktop.ui import launch as launch_module
from integrity_desktop.ui.app import flush_deletes
from integrity_desktop.ui.launch import launch
from integrity_desktop.ui.login_dialog import LoginDialog
from integrity_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD, actor
from tests.ui.helpers import Script, _visible

pytestmark = pytest.mark.gui
OFFICER_PASSWORD = "officer-password-1"


def _dialog() -> LoginDialog | None:
    dialogs = [d for d in _visible(LoginDialog) if isinstance(d, LoginDialog)]
    return dialogs[0] if dialogs and dialogs[0].store is not None else None


def _prepared() -> list[MainWindow]:
    """Main windows that exist but are not shown: prepared ones."""
    return [w for w in launch_module._windows if shiboken6.isValid(w) and not w.isVisible()]


def _enter_name(username: str) -> Callable[[], bool]:
    """Type a user name and leave the field (Tab), once the store has opened."""
    def step() -> bool:
        dialog = _dialog()
        if dialog is None:
            return False
        dialog.username.setText(username)
        dialog.username.editingFinished.emit()
        return True
    return step


def _prepared_for(username: str, seen: list[MainWindow]) -> Callable[[], bool]:
    """Wait until the prepared window of ``username`` has its dashboard figures."""
    def step() -> bool:
        windows = [w for w in _prepared() if w.ctx.actor.username == username]
        if not windows or not getattr(windows[0].screen_widget("dashboard"), "loaded", False):
            return False
        assert not _visible(MainWindow)  # nothing is shown before the password is checked
        seen.append(windows[0])
        return True
    return step


def _password(password: str) -> Callable[[], bool]:
    def step() -> bool:
        dialog = _dialog()
        assert dialog is not None
        dialog.password.setText(password)
        dialog.try_sign_in()
        return True
    return step


def _shown(check: Callable[[MainWindow], None]) -> Callable[[], bool]:
    def step() -> bool:
        windows = [w for w in _visible(MainWindow) if isinstance(w, MainWindow)]
        if not windows:
            return False
        check(windows[0])
        windows[0].close()
        return True
    return step


def _launch(path: str, script: Script) -> int:
    code = launch(build_parser().parse_args(["--db", path]), 0.0)
    assert script.ticks <= 1500 and not script.steps, "the script did not finish"
    flush_deletes()  # what the app does on its way out
    return code


def test_the_window_prepared_while_typing_is_the_one_shown(qapp: QApplication, store: Store) -> None:
    path = str(store.path)
    store.dispose()
    seen: list[MainWindow] = []

    def same_window(window: MainWindow) -> None:
        assert window is seen[0]
        assert window.ctx.actor.username == "admin" and window.ctx.actor.role == "admin"

    script = Script([_enter_name("admin"), _prepared_for("admin", seen),
                     _password(ADMIN_PASSWORD), _shown(same_window)])
    assert _launch(path, script) == 0
    assert not _prepared()


def test_a_wrong_password_shows_nothing_and_another_name_drops_the_prepared_window(
    qapp: QApplication, store: Store
) -> None:
    users.create_user(store, actor("admin", store.office_code), "officer1", "مسئول پرونده",
                      "case_officer", OFFICER_PASSWORD)
    path = str(store.path)
    store.dispose()
    seen: list[MainWindow] = []

    def refused() -> bool:
        dialog = _dialog()
        assert dialog is not None and dialog.isVisible()
        assert dialog.error.text()  # the Persian refusal
        assert not _visible(MainWindow)
        assert [w.ctx.actor.username for w in _prepared()] == ["officer1"]
        return True

    def admin_window(window: MainWindow) -> None:
        assert window.ctx.actor.username == "admin"
        assert not shiboken6.isValid(seen[0])  # officer1's prepared window was deleted, unseen

    script = Script([
        _enter_name("officer1"), _prepared_for("officer1", seen),
        _password("not-the-password"), refused,
        _enter_name("admin"), _password(ADMIN_PASSWORD), _shown(admin_window),
    ])
    assert _launch(path, script) == 0
    assert not _prepared()


def test_a_role_changed_while_typing_gets_a_new_window_with_the_new_role(
    qapp: QApplication, store: Store
) -> None:
    """The prepared window was made for the account as it was; the sign-in returns the actor
    as it is now, so the prepared window (and its figures) are not used."""
    users.create_user(store, actor("admin", store.office_code), "officer1", "مسئول پرونده",
                      "case_officer", OFFICER_PASSWORD)
    with store.session() as s:  # as if its person had chosen the password (issue 13's forced change)
        s.execute(update(User).where(User.username == "officer1").values(must_change_password=False))
    path = str(store.path)
    store.dispose()
    seen: list[MainWindow] = []

    def demote() -> bool:
        other = open_initialised(path)
        with other.session() as s:
            s.execute(update(User).where(User.username == "officer1").values(role="viewer"))
        other.dispose()
        return True

    def viewer_window(window: MainWindow) -> None:
        assert window is not seen[0]
        assert window.ctx.actor.role == "viewer"

    script = Script([_enter_name("officer1"), _prepared_for("officer1", seen), demote,
                     _password(OFFICER_PASSWORD), _shown(viewer_window)])
    assert _launch(path, script) == 0


def test_cancelling_drops_the_prepared_window(qapp: QApplication, store: Store) -> None:
    path = str(store.path)
    store.dispose()
    seen: list[MainWindow] = []

    def cancel() -> bool:
        dialog = _dialog()
        assert dialog is not None
        dialog.reject()
        return True

    script = Script([_enter_name("admin"), _prepared_for("admin", seen), cancel])
    assert _launch(path, script) == 1
    assert not _prepared() and not _visible(MainWindow)


@pytest.mark.slow
def test_startup_probe_typed_prints_enter_to_dashboard_and_argon2(store: Store) -> None:
    path = str(store.path)
    store.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTEGRITY_USER="admin",
               INTEGRITY_PASSWORD=ADMIN_PASSWORD)
    done = subprocess.run([sys.executable, "-m", "integrity_desktop", "--db", path,
                           "--startup-probe", "typed"], env=env, capture_output=True, text=True,
                          timeout=120, check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+\.\d{3} \d+\.\d{3}", last), last
    enter, argon2 = map(float, last.split())
    assert 0 < argon2 <= enter  # the sign-in includes the argon2 check
    # The sign-in went through the real service, recorded like any other.
    reopened = open_initialised(path)
    with reopened.session() as s:
        assert s.scalar(select(User.last_login).where(User.username == "admin")) is not None
    reopened.dispose()

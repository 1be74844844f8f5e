"""Forced password change at the first sign-in, and changing one's own password from the
menu (issue 13, finding 8).  Before: ``must_change_password`` was set and never read, and
nobody could change their own password in the app."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.accounts import users
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.login_dialog import LoginDialog
from integrity_desktop.ui.main_window import MainWindow
from integrity_desktop.ui.password_dialog import ChangePasswordDialog
from tests.conftest import ADMIN_PASSWORD, actor

pytestmark = pytest.mark.gui


def _when_dialog(act: Callable[[ChangePasswordDialog], None]) -> list[ChangePasswordDialog]:
    """Run ``act`` on the password dialog once it is shown (it runs its own event loop)."""
    seen: list[ChangePasswordDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ChangePasswordDialog):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def _new_user(store: Store) -> None:
    users.create_user(store, actor("admin", username="admin"), "maryam", "مریم احمدی",
                      "inspector", "first password 1")


def test_a_new_account_chooses_its_password_at_first_sign_in(qtbot: QtBot, store: Store) -> None:
    _new_user(store)
    dialog = LoginDialog(store, "تهران")
    qtbot.addWidget(dialog)
    dialog.username.setText("maryam")
    dialog.password.setText("first password 1")

    def choose(d: ChangePasswordDialog) -> None:
        assert d.forced and not d.old.isVisible()  # the password just typed is not asked again
        d.new.setText("my own password 2")
        d.again.setText("my own password 2")
        d.submit()

    seen = _when_dialog(choose)
    dialog.try_sign_in()
    assert seen and dialog.actor is not None and dialog.actor.username == "maryam"
    assert not users.must_change_password(store, dialog.actor)
    with pytest.raises(UserError):
        users.authenticate(store, "maryam", "first password 1")
    assert users.authenticate(store, "maryam", "my own password 2").role == "inspector"


def test_refusing_the_change_does_not_sign_in(qtbot: QtBot, store: Store) -> None:
    _new_user(store)
    dialog = LoginDialog(store, "تهران")
    qtbot.addWidget(dialog)
    dialog.username.setText("maryam")
    dialog.password.setText("first password 1")
    seen = _when_dialog(lambda d: d.reject())
    dialog.try_sign_in()
    assert seen and dialog.actor is None and dialog.result() != LoginDialog.DialogCode.Accepted
    assert "گذرواژهٔ تازه" in dialog.error.text()


def test_mismatched_or_short_passwords_are_explained(qtbot: QtBot, store: Store) -> None:
    admin = actor("admin", store.office_code, "admin")
    d = ChangePasswordDialog(store, admin)
    qtbot.addWidget(d)
    d.old.setText(ADMIN_PASSWORD)
    d.new.setText("one long password")
    d.again.setText("another long password")
    d.submit()
    assert not d.changed and "یکسان نیستند" in d.error.text()
    d.again.setText("one long password")
    d.old.setText("not the password")
    d.submit()
    assert not d.changed and "کنونی" in d.error.text()
    d.old.setText(ADMIN_PASSWORD)
    d.new.setText("short")
    d.again.setText("short")
    d.submit()
    assert not d.changed and "نویسه" in d.error.text()


def test_everyone_changes_their_own_password_from_the_file_menu(qtbot: QtBot, store: Store) -> None:
    users.create_user(store, actor("admin", username="admin"), "zahra", "زهرا کریمی", "viewer",
                      "viewer password 1", must_change=False)
    viewer = users.authenticate(store, "zahra", "viewer password 1")
    window = MainWindow(UiContext(store, viewer))
    qtbot.addWidget(window)
    assert window.password_action in window.menuBar().actions()[0].menu().actions()

    def change(d: ChangePasswordDialog) -> None:
        d.old.setText("viewer password 1")
        d.new.setText("a viewer's new password")
        d.again.setText("a viewer's new password")
        d.submit()

    seen = _when_dialog(change)
    window.password_action.trigger()
    assert seen and seen[0].changed
    assert users.authenticate(store, "zahra", "a viewer's new password").role == "viewer"

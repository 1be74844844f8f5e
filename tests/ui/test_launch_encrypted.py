"""Start-up on an encrypted store this process has never unlocked (issue 18): the sign-in
dialog comes first, a wrong password is refused there (the store stays closed), the right one
unwraps the key and the store opens behind the dialog; cancelling never hangs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from integrity_desktop.cli.main import build_parser
from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store
from integrity_desktop.services.accounts.unlock import needs_unlock
from integrity_desktop.ui.launch import launch
from integrity_desktop.ui.login_dialog import LoginDialog
from integrity_desktop.ui.main_window import MainWindow
from tests.cli_helpers import run_cli
from tests.conftest import ADMIN_PASSWORD, PASSPHRASE, damage_store
from tests.ui.helpers import Script, _visible

pytestmark = pytest.mark.gui


@pytest.fixture
def locked_store(tmp_path: Path) -> str:
    """A store made by another process: this one holds no key for it."""
    path = tmp_path / "store.sqlite"
    made = run_cli("init", "--db", str(path), "--office", "tehran", user=None, password=None,
                   INTEGRITY_ADMIN_PASSWORD=ADMIN_PASSWORD, INTEGRITY_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert cipher.is_encrypted(path) and needs_unlock(str(path))
    return str(path)


def test_the_sign_in_unlocks_the_store_a_wrong_password_leaves_it_closed(
    qapp: QApplication, locked_store: str
) -> None:
    log: list[str] = []

    def sign_in(password: str) -> bool:
        dialogs = [d for d in _visible(LoginDialog) if isinstance(d, LoginDialog)]
        if not dialogs:
            return False
        dialog = dialogs[0]
        dialog.username.setText("admin")
        dialog.password.setText(password)
        dialog.try_sign_in()
        log.append(f"store={dialog.store is not None} error={dialog.error.text()}")
        return True

    def main_window() -> bool:
        windows = [w for w in _visible(MainWindow) if isinstance(w, MainWindow)]
        if not windows:
            return False
        log.append(f"window {windows[0].ctx.actor.username}")
        windows[0].close()
        return True

    script = Script([lambda: sign_in("not the admin password"), lambda: sign_in(ADMIN_PASSWORD),
                     main_window])
    code = launch(build_parser().parse_args(["--db", locked_store]), 0.0)
    assert script.ticks <= 1500, log
    assert code == 0, log
    assert log[0].startswith("store=False") and "درست نیست" in log[0]
    assert log[-1] == "window admin"
    # The refused attempt was counted before the store could open, and audited after.
    assert cipher.KeyFile.load(Path(locked_store)).pending == []


def test_cancelling_while_the_open_waits_for_a_key_does_not_hang(
    qapp: QApplication, locked_store: str
) -> None:
    def cancel() -> bool:
        dialogs = _visible(LoginDialog)
        if dialogs:
            dialogs[0].close()
        return bool(dialogs)

    script = Script([cancel])
    assert launch(build_parser().parse_args(["--db", locked_store]), 0.0) == 1
    assert not script.steps
    assert needs_unlock(locked_store)  # nothing was unlocked


def test_restoring_an_encrypted_backup_asks_for_its_key_first(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged store, its encrypted backup, and no key in this process (another machine, or
    the key was never unlocked): the restore asks an administrator's name and password for the
    backup, refuses a wrong one there, and then opens the restored store."""
    from integrity_desktop.errors import StoreError
    from integrity_desktop.services.store import backup
    from integrity_desktop.ui.launch import _recover

    backup.auto_backup(store)
    store.dispose()
    path = Path(store.location)
    damage_store(path)
    monkeypatch.setattr(cipher, "_keys", {})  # no key in memory (given back after the test)
    log: list[str] = []

    def fill(unlocking: bool, password: str) -> bool:
        dialogs = [d for d in _visible(LoginDialog) if isinstance(d, LoginDialog)
                   and (d.store is None) == unlocking]
        if not dialogs:
            return False
        dialogs[0].username.setText("admin")
        dialogs[0].password.setText(password)
        dialogs[0].try_sign_in()
        log.append(f"{'key' if unlocking else 'admin'}: {dialogs[0].error.text()}")
        return True

    script = Script([lambda: fill(True, "not the admin password"), lambda: fill(True, ADMIN_PASSWORD),
                     lambda: fill(False, ADMIN_PASSWORD)])
    restored = _recover(str(path), StoreError("x", "x", code="store_corrupt"), lambda _e: True)
    assert script.ticks <= 1500, log
    assert restored is not None, log
    try:
        assert "درست نیست" in log[0] and log[1] == "key: " and log[2].startswith("admin")
        assert restored.office_code == "tehran"
    finally:
        restored.dispose()

"""Start-up habits: one running app per store (a second launch brings the first forward, a
crashed one does not block), and one backup a day however often the app is started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication

from integrity_desktop.cli.main import build_parser
from integrity_desktop.db.store import Store
from integrity_desktop.services.store import backup
from integrity_desktop.ui.launch import launch
from integrity_desktop.ui.login_dialog import LoginDialog
from integrity_desktop.ui.main_window import MainWindow
from integrity_desktop.ui.single_instance import InstanceGuard, instance_key
from tests.conftest import ADMIN_PASSWORD
from tests.ui.helpers import Script, _visible

pytestmark = pytest.mark.gui

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def app_process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "integrity_desktop", *args],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_listening(key: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = QLocalSocket()
        probe.connectToServer(key)
        if probe.waitForConnected(200):
            probe.abort()  # a connection without a line: the guard ignores it
            return
        time.sleep(0.2)
    raise AssertionError("the first instance never listened")


def test_a_second_launch_on_the_same_store_brings_the_first_forward(store: Store) -> None:
    path = str(store.path)
    store.dispose()
    first = app_process("--db", path)  # stays at its sign-in dialog
    try:
        wait_listening(instance_key(path))
        second = subprocess.run(
            [sys.executable, "-m", "integrity_desktop", "--db", path],
            env=ENV, capture_output=True, text=True, timeout=120,
        )
        assert second.returncode == 0, second.stderr
        assert "پنجرهٔ آن پیش آورده شد" in second.stderr
        assert first.poll() is None  # the first one is still running
    finally:
        first.kill()
        first.communicate()


def test_the_running_one_is_asked_to_come_forward_and_gets_the_bundle(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    location = str(tmp_path / "store.sqlite")
    guard = InstanceGuard(location)
    assert guard.claim() and guard.listen()
    asked: list[str] = []
    guard.activation_requested.connect(lambda: asked.append("forward"))
    guard.bundle_requested.connect(asked.append)
    bundle = tmp_path / "from-qom.itb"
    bundle.write_bytes(b"x")
    try:
        # the same file spelt another way is the same store
        other_spelling = str(tmp_path / "." / "store.sqlite")
        second = app_process("--db", other_spelling, "--open", str(bundle))
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=120_000)
        _, err = second.communicate()
        assert second.returncode == 0, err
        assert asked == [str(bundle.resolve()), "forward"]
    finally:
        guard.release()


def test_a_crashed_instance_does_not_block_the_next_start(tmp_path: Path) -> None:
    location = str(tmp_path / "store.sqlite")
    crash = (
        "import os, signal\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from integrity_desktop.ui.single_instance import InstanceGuard\n"
        "app = QCoreApplication([])\n"
        f"g = InstanceGuard({location!r})\n"
        "assert g.claim() and g.listen()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    out = subprocess.run([sys.executable, "-c", crash], env=ENV, capture_output=True, text=True, timeout=60)
    assert out.returncode == -signal.SIGKILL, out.stderr
    guard = InstanceGuard(location)
    try:
        assert guard.claim()  # the dead process's lock is stale
        assert guard.listen()  # and its socket file is cleared
    finally:
        guard.release()


def test_other_stores_are_not_blocked(tmp_path: Path) -> None:
    a, b = InstanceGuard(str(tmp_path / "a.sqlite")), InstanceGuard(str(tmp_path / "b.sqlite"))
    try:
        assert a.claim() and b.claim()
        assert not InstanceGuard(str(tmp_path / "a.sqlite")).claim()
    finally:
        a.release()
        b.release()


def sign_in_then_close() -> list[Callable[[], bool]]:
    def sign_in() -> bool:
        dialogs = [d for d in _visible(LoginDialog) if isinstance(d, LoginDialog) and d.store is not None]
        if dialogs:
            dialogs[0].username.setText("admin")
            dialogs[0].password.setText(ADMIN_PASSWORD)
            dialogs[0].try_sign_in()
        return bool(dialogs)

    def close() -> bool:
        windows = _visible(MainWindow)
        for w in windows:
            w.close()
        return bool(windows)

    return [sign_in, close]


def test_starting_twice_a_day_makes_one_backup(qapp: QApplication, store: Store) -> None:
    path = Path(str(store.path))
    store.dispose()  # launch opens the file itself
    for _ in range(2):
        script = Script(sign_in_then_close())
        assert launch(build_parser().parse_args(["--db", str(path)]), 0.0) == 0
        assert not script.steps
    assert len(list((path.parent / backup.BACKUP_DIR).glob(f"store-*{backup.BACKUP_SUFFIX}"))) == 1

"""The log file, the crash dialog and a failed daily backup (issue 13, finding 10).

Before: no log file and no crash handler, though an error message told people to send «the
log file» to their administrator; the daily backup's failures were swallowed.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning
from pytestqt.qtbot import QtBot

from integrity_desktop import logs
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import backup
from integrity_desktop.ui import crash
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.main_window import MainWindow
from integrity_desktop.ui.widgets.messages import error_text
from tests.conftest import actor

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]


@pytest.fixture
def installed(store: Store) -> Iterator[Path]:
    uninstall = crash.install(store.location)
    path = logs.current_log()
    assert path is not None
    yield path
    uninstall()
    assert logs.current_log() is None


def test_the_log_is_in_the_data_folder_and_owner_only(installed: Path, store: Store) -> None:
    assert installed == Path(store.location).parent / "logs" / "integrity-desktop.log"
    assert installed.exists() and stat.S_IMODE(installed.stat().st_mode) == 0o600


def test_qt_warnings_and_uncaught_errors_go_to_the_log_and_the_crash_text_says_where(
    installed: Path,
) -> None:
    qWarning("a Qt warning for the log")
    try:
        raise RuntimeError("a bug nobody caught")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]  # what Python and Qt call
    text = installed.read_text("utf-8")
    assert "a Qt warning for the log" in text
    assert "RuntimeError: a bug nobody caught" in text and "Traceback" in text
    assert str(installed) in crash.last_crash_text and "پیش‌بینی‌نشده" in crash.last_crash_text
    message = error_text(RuntimeError("x"))
    assert str(installed) in message and "مدیر" in message


def test_a_failed_daily_backup_is_reported_and_logged(qtbot: QtBot, installed: Path,
                                                      store: Store) -> None:
    from integrity_desktop.ui.launch import _start_backups

    (Path(store.location).parent / backup.BACKUP_DIR).write_text("a file where the folder goes")
    window = MainWindow(UiContext(store, actor("admin")))
    qtbot.addWidget(window)
    timer = _start_backups(store, window)
    timer.stop()
    timer.timeout.emit()  # what the timer does ten seconds after start
    qtbot.waitUntil(lambda: not window.backup_warning.isHidden(), timeout=20_000)
    assert "پشتیبان امروز ساخته نشد" in window.backup_warning.text()
    assert "the daily backup failed" in installed.read_text("utf-8")


def test_user_errors_keep_their_own_message(installed: Path) -> None:
    assert error_text(UserError("پیام فارسی", "english")) == "پیام فارسی"

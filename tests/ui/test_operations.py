"""Issue 19 item 1: one helper runs a service call from a widget (``ui/operations.py``): a
refusal in the interface language (a message box or the form's error line), a bug to the log
and the crash path without closing the program, slow work off the GUI thread with progress and
Cancel, and a form dialog that stays open with its error line when the save is refused."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QPushButton, QWidget

from integrity_desktop import logs
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.checklists import templates
from integrity_desktop.services.store import offices
from integrity_desktop.ui import crash
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done, attempt, lang_of, run_in_background
from integrity_desktop.ui.tasks import Report
from tests.conftest import actor

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]


def _persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


class _Screen(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.error = QLabel(self)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The message boxes shown (their text), instead of blocking on them."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def log_file(store: Store) -> Iterator[Path]:
    uninstall = crash.install(store.location)
    path = logs.current_log()
    assert path is not None
    yield path
    uninstall()


def _refused_create(store: Store) -> object:
    # A real refusal from the service: a template needs a code and titles.
    return templates.create_template(store, actor("admin", store.office_code), "", "", "")


def test_a_refusal_is_shown_in_the_language_of_the_interface(qtbot, store: Store, boxes: list[str]) -> None:
    for lang in ("fa", "en"):
        screen = _Screen(UiContext(store, actor("admin", store.office_code), lang=lang))
        qtbot.addWidget(screen)
        child = QWidget(screen)  # a widget inside the screen takes the screen's language
        assert lang_of(child) == lang
        done = attempt(child, lambda: _refused_create(store))
        assert not done
        with pytest.raises(AttributeError):
            _ = done.value
        assert boxes and _persian(boxes[-1]) == (lang == "fa"), (lang, boxes[-1])
        assert attempt(screen, lambda: _refused_create(store), error_label=screen.error).__bool__() is False
        assert screen.error.text() and _persian(screen.error.text()) == (lang == "fa")
    # A widget with no context: the application's language.
    app = QApplication.instance()
    assert app is not None
    before = app.property("integrity_lang")
    try:
        app.setProperty("integrity_lang", "en")
        plain = QWidget()
        qtbot.addWidget(plain)
        attempt(plain, lambda: _refused_create(store))
        assert boxes[-1] and not _persian(boxes[-1])
        app.setProperty("integrity_lang", "fa")
        attempt(plain, lambda: _refused_create(store))
        assert _persian(boxes[-1])
    finally:
        app.setProperty("integrity_lang", before)


def test_success_runs_the_callback_with_the_result(qtbot, store: Store, boxes: list[str]) -> None:
    ctx = UiContext(store, actor("admin", store.office_code))
    screen = _Screen(ctx)
    qtbot.addWidget(screen)
    seen: list[object] = []
    done = attempt(screen, lambda: offices.add_unit(store, ctx.actor, "واحد آزمون"), on_done=seen.append)
    assert done and seen == [done.value] and boxes == []
    assert "واحد آزمون" in [u.name_fa for u in offices.list_units(store)]


def test_a_bug_goes_to_the_log_and_the_program_goes_on(qtbot, store: Store, log_file: Path, boxes: list[str]) -> None:
    screen = _Screen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(screen)
    screen.show()
    crash.last_crash_text = ""

    def broken() -> None:
        raise RuntimeError("a bug in a service call")

    assert not attempt(screen, broken, error_label=screen.error)
    text = log_file.read_text("utf-8")
    assert "RuntimeError: a bug in a service call" in text and "Traceback" in text
    assert str(log_file) in crash.last_crash_text  # the crash dialog's text says where the log is
    assert screen.error.text() == "" and boxes == []  # not shown as a refusal
    assert screen.isVisible() and QApplication.instance() is not None

    # The same from work off the GUI thread.
    crash.last_crash_text = ""
    failed: list[BaseException] = []

    def broken_in_background(_report: Report) -> None:
        raise ValueError("a bug off the GUI thread")

    run_in_background(screen, broken_in_background, on_failed=failed.append, modal_progress=False)
    qtbot.waitUntil(lambda: bool(failed))
    assert "ValueError: a bug off the GUI thread" in log_file.read_text("utf-8")
    assert str(log_file) in crash.last_crash_text and screen.isVisible()


def test_slow_work_runs_off_the_gui_thread_with_progress(qtbot, store: Store, boxes: list[str]) -> None:
    screen = _Screen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(screen)
    screen.show()
    release = threading.Event()
    threads: list[threading.Thread] = []
    results: list[object] = []

    def work(report: Report) -> int:
        threads.append(threading.current_thread())
        report(1, 2, "half way")
        assert release.wait(10)
        return 42

    run_in_background(screen, work, on_done=results.append, title="working")
    progress = screen.findChild(QProgressDialog)
    assert progress is not None
    # The GUI thread keeps running (the progress reaches the dialog) while the work waits.
    qtbot.waitUntil(lambda: progress.labelText() == "half way" and progress.maximum() == 2)
    assert threads and threads[0] is not threading.main_thread() and results == []
    release.set()
    qtbot.waitUntil(lambda: results == [42])


def test_cancel_stops_the_work_at_its_next_report(qtbot, store: Store, boxes: list[str]) -> None:
    screen = _Screen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(screen)
    screen.show()
    started = threading.Event()
    steps: list[int] = []
    cancelled: list[bool] = []
    results: list[object] = []

    def work(report: Report) -> str:
        for step in range(1000):
            steps.append(step)
            report(step, 1000, "")
            started.set()
            threading.Event().wait(0.01)
        return "finished"

    run_in_background(screen, work, on_done=results.append, on_cancel=lambda: cancelled.append(True),
                      title="working", cancellable=True)
    progress = screen.findChild(QProgressDialog)
    assert progress is not None
    assert started.wait(10)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "انصراف"  # Qt's own word, in Persian
    cancel.click()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert results == [] and len(steps) < 1000


def test_a_refused_save_keeps_the_dialog_open_with_its_error_line(qtbot, store: Store, boxes: list[str]) -> None:
    from integrity_desktop.ui.screens.settings import NewUserDialog

    ctx = UiContext(store, actor("admin", store.office_code), lang="en")
    dialog = NewUserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.try_create()  # nothing typed: refused
    error = dialog.findChild(QLabel, "error")
    assert error is not None and error.text() and not _persian(error.text())
    assert dialog.isVisible() and dialog.result() == 0
    dialog.username.setText("new-user")
    dialog.full_name.setText("کاربر تازه")
    dialog.password.setText("a-long-enough-password-1")
    dialog.try_create()
    assert not dialog.isVisible() and dialog.result() == 1


def test_accept_if_done_keeps_the_result_before_the_dialog_closes(qtbot, store: Store) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    error = QLabel(dialog)
    kept: list[object] = []
    dialog.accepted.connect(lambda: kept.append("accepted"))

    def refuse() -> None:
        raise UserError("نادرست است.", "It is wrong.")

    dialog.show()
    assert not accept_if_done(dialog, refuse, error) and dialog.isVisible()
    assert accept_if_done(dialog, lambda: 7, error, on_done=kept.append).value == 7
    assert kept == [7, "accepted"] and not dialog.isVisible()

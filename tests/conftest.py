"""Shared fixtures: every test gets its own real SQLite store file (copied from one made once).

Stores are made through the real ``init`` path; copying the finished file keeps the suite fast
without mocking anything of ours.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from integrity_desktop.db.store import Store, open_store
from integrity_desktop.permissions import Actor
from integrity_desktop.services.store.opening import init_store

ADMIN_PASSWORD = "admin-password-1"
PASSPHRASE = "key-passphrase-1"

# pytest-timeout (600 s, pyproject.toml) needs the interpreter lock to report a stuck test; a
# thread that blocks while holding it (a Qt call waiting on a lock that a thread waiting for the
# interpreter holds) would stop that report too and leave CI silent until its time limit.
# faulthandler's watchdog is a C thread: past WATCHDOG_S it prints every thread's Python stack
# and ends the run with a failure.  (The silent CI run of 2026-12-05 was an abort whose message
# the descriptor capture swallowed: see ui/pyside_fixes.py and the test command's --capture=sys.)
WATCHDOG_S = float(os.environ.get("INTEGRITY_TEST_WATCHDOG_S", "660"))
_watchdog_fd: list[int] = []  # the terminal's stderr, kept before output capture takes fd 2


def pytest_configure(config: pytest.Config) -> None:
    if not _watchdog_fd:  # capture is suspended here: fd 2 is the terminal (or CI's log)
        _watchdog_fd.append(os.dup(2))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    import faulthandler

    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=_watchdog_fd[0])
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def damage_store(path: Path) -> None:
    """Garbage over many pages of a closed store file, its WAL and shared memory removed: a
    store that no longer opens (``store_corrupt``)."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 40), 4096):
        data[offset:offset + 512] = b"\xa5" * 512
    path.write_bytes(bytes(data))
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def copy_store(src: Path, dst: Path) -> Path:
    """A consistent copy through SQLite's backup API; an encrypted store's copy keeps its key
    (and its key file: the copy opens with the key this process unlocked)."""
    import shutil

    from integrity_desktop.db import cipher

    dst.parent.mkdir(parents=True, exist_ok=True)
    key = cipher.known_key(src) if cipher.is_encrypted(src) else None
    if key is not None:
        shutil.copyfile(cipher.keyfile_path(src), cipher.keyfile_path(dst))
    with cipher.connect(src, key) as a, cipher.connect(dst, key) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def _made_store(factory: pytest.TempPathFactory, office: str) -> Path:
    path = factory.mktemp(f"template-{office}") / "store.sqlite"
    init_store(str(path), office, ADMIN_PASSWORD, PASSPHRASE).dispose()
    return path


@pytest.fixture(scope="session")
def province_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _made_store(tmp_path_factory, "tehran")


@pytest.fixture(scope="session")
def hq_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _made_store(tmp_path_factory, "hq")


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[..., Store]]:
    """make_store(template_path, name) -> an open store on a fresh copy."""
    opened: list[Store] = []

    def make(template: Path, name: str = "store") -> Store:
        path = copy_store(template, tmp_path / name / "store.sqlite")
        store = open_store(str(path))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.dispose()


@pytest.fixture
def store(make_store: Callable[..., Store], province_template: Path) -> Store:
    """A fresh store of the Tehran directorate general."""
    return make_store(province_template, "tehran")


@pytest.fixture
def hq_store(make_store: Callable[..., Store], hq_template: Path) -> Store:
    return make_store(hq_template, "hq")


def actor(role: str, office: str = "tehran", username: str | None = None) -> Actor:
    return Actor(username=username or f"test-{role}", role=role, office_code=office)


@pytest.fixture
def admin(store: Store) -> Actor:
    return actor("admin", store.office_code)


RELEASED_STORES = Path(__file__).parent / "data" / "stores"


def unpack_released_store(archive: str, folder: Path) -> Path:
    """Unpack a saved store of a released schema (``tests/data/stores``) into ``folder``;
    returns the path of its ``.sqlite`` file (not opened, so not yet migrated)."""
    import tarfile

    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(RELEASED_STORES / archive) as tar:
        tar.extractall(folder, filter="data")
    (db,) = folder.glob("*.sqlite")
    return db


@pytest.fixture
def released_0001(tmp_path: Path) -> Path:
    """The Tehran demo store as the program of schema 0001 left it (unopened)."""
    return unpack_released_store("0001-tehran-demo.tar.xz", tmp_path / "released-0001")


@pytest.fixture
def scenario(store: Store) -> Any:
    """An inspector, a plan and two visits with findings and actions (tests/inspection_helpers.py):
    what the inspection reports and their PDF text layer are tested on."""
    from .inspection_helpers import make_scenario

    return make_scenario(store)


# A modal dialog nobody closes (an unexpected error's message box, say) would block its test
# for ever on the offscreen platform: CI once saw a run end at its time limit with no word of
# why.  Any modal window still open after MODAL_LIMIT_S is described, closed, and fails its test.
# Background work a test started must end with it: a job that outlives its test (and its
# store) would answer into the next one.
MODAL_LIMIT_S = 45.0
BACKGROUND_LIMIT_MS = 60_000


def background_done() -> bool:
    """Wait (at most BACKGROUND_LIMIT_MS) for the thread pool's jobs; whether they all ended."""
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().waitForDone(BACKGROUND_LIMIT_MS)


def _describe_modal(widget: Any) -> str:
    from PySide6.QtWidgets import QLabel, QMessageBox

    texts = [widget.text()] if isinstance(widget, QMessageBox) else [
        label.text() for label in widget.findChildren(QLabel) if label.text()]
    return f"{type(widget).__name__} «{widget.windowTitle()}»: {' | '.join(texts)[:500]}"


@pytest.fixture(autouse=True)
def qt_test_guard() -> Iterator[None]:
    """Closes (and fails the test for) a modal dialog left open; waits for the test's background
    jobs and delivers their answers before the next test starts."""
    import sys
    import time

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    first_seen: dict[int, float] = {}
    problems: list[str] = []

    def check() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            first_seen.clear()
            return
        seen = first_seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - seen < MODAL_LIMIT_S:
            return
        problems.append("a modal dialog was left open (closed by the test guard): " + _describe_modal(modal))
        first_seen.pop(id(modal), None)
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(1000)
    try:
        yield
        if not background_done():
            problems.append(f"background work still running {BACKGROUND_LIMIT_MS // 1000} s after the test")
        QApplication.processEvents()
    finally:
        timer.stop()
    if problems:
        pytest.fail("; ".join(problems))

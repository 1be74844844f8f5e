"""Start-up on a full disk, in a read-only folder, with a locked file, and with a really
damaged file (issue 13, finding 5).

Before: a full disk at start-up was reported as a corrupt store («… خراب است (disk I/O error).
آخرین پشتیبان را بازگردانید.») and the GUI offered to restore the last backup, which would have
thrown good data away.  Now each cause has its own Persian message and only real damage
leads to the backup offer.  Disks are real tmpfs mounts, as in ``test_environment``.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store
from integrity_desktop.errors import StoreError, UserError
from integrity_desktop.services.store import backup
from integrity_desktop.services.store.opening import open_initialised

from .conftest import damage_store
from .disk_helpers import fill_disk, mount_small, unmount

RESTORE_ADVICE = "آخرین پشتیبان را بازگردانید"


def _offers_restore(err: UserError) -> bool:
    from integrity_desktop.ui.launch import offers_restore

    return offers_restore(err)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "small"
    mount_small(folder, "4m")
    yield folder
    unmount(folder)


def _copy_to(store: Store, folder: Path) -> Path:
    target = folder / "store.sqlite"
    backup.copy_sqlite(Path(store.location), target)
    return target


def test_a_full_disk_at_start_up_is_not_called_damage(store: Store, small_disk: Path) -> None:
    path = _copy_to(store, small_disk)
    open_initialised(str(path)).dispose()  # as the app leaves it: a WAL store, closed cleanly
    fill_disk(small_disk, 0)
    with pytest.raises(StoreError) as err:
        open_initialised(str(path))
    assert err.value.code == "store_disk_full"
    assert "پر است" in err.value.fa and RESTORE_ADVICE not in err.value.fa
    assert "سالم" in err.value.fa  # the data are safe
    assert not _offers_restore(err.value)


def test_a_read_only_folder_at_start_up(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    mount_small(folder, "4m")
    try:
        path = _copy_to(store, folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(StoreError) as err:
            open_initialised(str(path))
        assert err.value.code == "store_readonly" and "فقط‌خواندنی" in err.value.fa
        assert RESTORE_ADVICE not in err.value.fa and not _offers_restore(err.value)
    finally:
        unmount(folder)


def test_a_file_locked_by_another_program(store: Store) -> None:
    store.dispose()
    holder = cipher.connect(store.location, timeout=0)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO store_meta (key, value) VALUES ('held', '1')")
        with pytest.raises(StoreError) as err:
            open_initialised(store.location)
    finally:
        with contextlib.suppress(sqlite3.Error):
            holder.rollback()
        holder.close()
    assert err.value.code == "store_locked" and "قفل" in err.value.fa
    assert RESTORE_ADVICE not in err.value.fa and not _offers_restore(err.value)
    open_initialised(store.location).dispose()  # released: it opens, nothing was lost


def test_the_three_messages_differ_from_each_other_and_from_damage(store: Store, tmp_path: Path) -> None:
    from integrity_desktop.db.store import environment_error

    path = Path(store.location)
    messages = {
        "locked": environment_error(path, "database is locked"),
        "full": environment_error(path, "database or disk is full"),
        "io": environment_error(path, "disk I/O error"),
    }
    assert all(m is not None for m in messages.values())
    assert len({m.fa for m in messages.values() if m}) == 3
    assert environment_error(path, "database disk image is malformed") is None


def test_only_real_damage_offers_the_backup(store: Store, tmp_path: Path) -> None:
    backup.auto_backup(store)
    store.dispose()
    path = Path(store.location)
    damage_store(path)
    with pytest.raises(StoreError) as err:
        open_initialised(str(path))
    assert err.value.code == "store_corrupt" and _offers_restore(err.value)


@pytest.mark.gui
def test_the_gui_asks_about_a_backup_only_for_damage(store: Store, qtbot: object) -> None:
    from integrity_desktop.ui.launch import _recover

    backup.auto_backup(store)
    store.dispose()
    asked: list[str] = []

    def ask(exc: UserError) -> bool:
        asked.append(exc.code)
        return False  # the person says no: nothing is restored

    for code in ("store_disk_full", "store_readonly", "store_locked", "store_io", "store_full"):
        assert _recover(store.location, StoreError("x", "x", code=code), ask) is None
    assert asked == []
    assert _recover(store.location, StoreError("x", "x", code="store_corrupt"), ask) is None
    assert asked == ["store_corrupt"]

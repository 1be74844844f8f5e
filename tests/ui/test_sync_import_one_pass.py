"""Issue 23 in the import tab: «بررسی» merges once and holds the transaction; «وارد کن»
commits it without merging again, «وارد نکن» rolls it back, and a check left unanswered rolls
back by itself with a Persian message."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from integrity_desktop.db.store import Store
from integrity_desktop.services import offices
from integrity_desktop.sync import merge
from integrity_desktop.sync.digest import store_digest

from .test_sync_screens import export_from, screen, trust_each_other

pytestmark = pytest.mark.gui


def _lock_is_free(store: Store) -> bool:
    assert store.path is not None
    con = sqlite3.connect(store.path, timeout=0.1, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


def test_confirm_commits_the_checked_merge_without_merging_again(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trust_each_other(hq_store, store)
    bundle = export_from(store, tmp_path / "tehran-1.itb")
    merges: list[Any] = []
    real = merge.merge_records

    def counted(*args: Any, **kw: Any) -> Any:
        merges.append(args[2].sha256)
        return real(*args, **kw)

    monkeypatch.setattr(merge, "merge_records", counted)
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.start_import(bundle)
    qtbot.waitUntil(lambda: tab.confirm_button.isEnabled(), timeout=30000)
    assert "۵ دقیقه" in tab.summary_title.text()  # how long the store is kept, in Persian
    assert not _lock_is_free(hq_store)
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "وارد شد" in tab.summary_title.text(), timeout=30000)
    assert len(merges) == 1
    assert offices.list_units(hq_store, "tehran")
    assert _lock_is_free(hq_store)


def test_do_not_import_rolls_the_check_back(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    trust_each_other(hq_store, store)
    bundle = export_from(store, tmp_path / "tehran-1.itb")
    before = store_digest(hq_store)
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.start_import(bundle)
    qtbot.waitUntil(lambda: tab.confirm_button.isEnabled(), timeout=30000)
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert not tab.confirm_button.isEnabled() and tab.summary_title.text() == ""
    assert _lock_is_free(hq_store)
    assert store_digest(hq_store) == before
    assert offices.list_units(hq_store, "tehran") == []


def test_a_check_left_unanswered_rolls_back_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    trust_each_other(hq_store, store)
    bundle = export_from(store, tmp_path / "tehran-1.itb")
    before = store_digest(hq_store)
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    tab.hold_seconds = 1.0
    w.start_import(bundle)
    qtbot.waitUntil(lambda: tab.confirm_button.isEnabled(), timeout=30000)
    qtbot.waitUntil(lambda: bool(tab.import_error.text()), timeout=30000)
    assert "برگردانده شد؛ چیزی از آن نوشته نشد" in tab.import_error.text()
    assert "۱ دقیقه" in tab.import_error.text()
    assert not tab.confirm_button.isEnabled()
    assert _lock_is_free(hq_store)
    assert store_digest(hq_store) == before

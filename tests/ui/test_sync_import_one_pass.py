"""Issue 23 in the import tab: «بررسی» merges once and holds the transaction; «وارد کن»
commits it without merging again, «وارد نکن» rolls it back, and a check left unanswered rolls
back by itself with a Persian message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store
from integrity_desktop.services.store import offices
from integrity_desktop.sync import merge
from integrity_desktop.sync.digest import store_digest

from .sync_screen_helpers import export_from, screen, trust_each_other

# The store is encrypted (issue 18): a second writer opens it through SQLCipher with the key this
# process unlocked, and its errors are SQLCipher's driver's.
_OPERATIONAL = cipher.OPERATIONAL_ERRORS


def _raw_connection(path: object) -> Any:
    con = cipher.connect(str(path), timeout=0.1)
    con.isolation_level = None
    return con

pytestmark = pytest.mark.gui


def _lock_is_free(store: Store) -> bool:
    assert store.path is not None
    con = _raw_connection(store.path)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return True
    except _OPERATIONAL:
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


def test_a_folder_is_checked_in_order_and_imported_with_one_confirmation(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    from tests import sync_records as sr

    trust_each_other(hq_store, store)
    folder = tmp_path / "received"
    folder.mkdir()
    unit = sr.unit(store)
    export_from(store, folder / "z-tehran-1.itb")
    sr.visit(store, unit)
    export_from(store, folder / "a-tehran-2.itb")  # file-name order would bring it first
    (folder / "notes.itb").write_text("not a bundle")
    before = store_digest(hq_store)
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.tabs.setCurrentWidget(tab)
    tab.check_folder([folder])
    qtbot.waitUntil(lambda: tab.confirm_button.isEnabled(), timeout=60000)
    model = tab.bundles_model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert [(r.file, r.seq, r.outcome) for r in rows] == [
        ("z-tehran-1.itb", 1, "accepted"), ("a-tehran-2.itb", 2, "accepted"),
        ("notes.itb", 0, "refused")]
    assert rows[1].held == 0  # in order: the visit's unit came first
    assert [str(model.data(model.index(i, 3))) for i in range(3)] == [
        "برای ورود", "برای ورود", "پذیرفته نشد"]
    title = tab.summary_title.text()
    assert title.startswith("ورود آزمایشی ۳ بسته: ۲ بسته برای ورود، ۰ بسته پیش‌تر وارد شده، ۱ بسته پذیرفته نشد.")
    assert "notes.itb\u2069: بسته پذیرفته نشد: این پرونده بستهٔ همگام‌سازی نیست" in tab.reasons.toPlainText()
    assert tab.bundles_view.isVisible() and not tab.summary_view.isVisible()
    assert store_digest(hq_store) == before
    w.resize(1366, 768)
    assert w.grab().save(str(tmp_path / "folder-check.png"))

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "بسته وارد شد" in tab.summary_title.text(), timeout=60000)
    assert tab.summary_title.text().startswith("۲ بسته از ۳ بسته وارد شد")
    assert str(model.data(model.index(0, 3))) == "وارد شد"
    assert offices.list_units(hq_store, "tehran")
    assert _lock_is_free(hq_store)
    assert w.history_tab.history_model.rowCount() == 2

"""Sync screens on real store files: export with the passphrase, dry run then import, refusals in
Persian with nothing written, trusted keys, and the conflict review resolving a real conflict."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.reports.registry import all_reports
from integrity_desktop.services.store import keys, offices, records
from integrity_desktop.sync import conflicts, trust
from integrity_desktop.sync.merge import import_bundle
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.dialogs.passphrase import PassphraseDialog
from integrity_desktop.ui.screens.hq.console import HqConsoleScreen
from integrity_desktop.ui.screens.reports import ReportsScreen
from integrity_desktop.ui.screens.sync.conflicts import ConflictsScreen
from tests.conftest import PASSPHRASE, actor
from tests.ui.helpers import held
from tests.ui.sync_screen_helpers import admin_of, export_from, screen, shown, trust_each_other

pytestmark = pytest.mark.gui


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Persian included (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def import_into(store: Store, path: Path):  # type: ignore[no-untyped-def]
    return import_bundle(store, admin_of(store), path, lambda: [keys.age_identity(store, PASSPHRASE)])


def cell(model, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    return str(model.data(model.index(row, col)))


# ------------------------------------------------------------------------------ passphrase
def test_passphrase_dialog_refuses_a_short_passphrase(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PassphraseDialog("امضای بسته")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.edit, "کوتاه")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.error.text() == "عبارت عبور کلید باید دست‌کم ۱۰ نویسه باشد."
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted
    dialog.edit.clear()
    type_text(dialog.edit, "عبارت عبور بلند")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.passphrase() == "عبارت عبور بلند"


# ------------------------------------------------------------------------------ export
def test_export_writes_a_bundle_with_the_typed_passphrase(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = screen(qtbot, store)
    tab = w.export_tab
    from integrity_desktop.filenames import jalali_stamp

    assert Path(tab.export_path.text()).name == f"tehran-to-hq-{jalali_stamp()}.itb"  # the Jalali day
    out = tmp_path / "tehran-1.itb"
    tab.export_path.clear()
    qtbot.keyClicks(tab.export_path, str(out))
    tab.ask_passphrase = lambda parent, purpose: PASSPHRASE
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.export_result.text()), timeout=30000)
    assert out.is_file()
    assert tab.export_error.text() == ""
    assert "بستهٔ شمارهٔ ۱ نوشته شد" in tab.export_result.text()
    assert tab.export_button.isEnabled()


def test_export_with_a_wrong_passphrase_says_so_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    w = screen(qtbot, store)
    tab = w.export_tab
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "tehran-1.itb"
    tab.export_path.setText(str(out))
    tab.ask_passphrase = lambda parent, purpose: "not-the-passphrase"
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.export_error.text()), timeout=30000)
    assert tab.export_error.text() == "عبارت عبور کلید درست نیست."
    assert not out.exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_export_refuses_a_bad_age_recipient(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = screen(qtbot, store)
    tab = w.export_tab
    out = tmp_path / "tehran-1.itb"
    tab.export_path.setText(str(out))
    tab.encrypt.setFocus()
    QTest.keyClick(tab.encrypt, Qt.Key.Key_Space)
    assert tab.encrypt_to.isEnabled()
    qtbot.keyClicks(tab.encrypt_to, "age1-not-a-key")
    tab.ask_passphrase = lambda parent, purpose: PASSPHRASE
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.export_error.text()), timeout=30000)
    assert tab.export_error.text().startswith("گیرندهٔ age درست نیست.")
    assert not out.exists()


# ------------------------------------------------------------------------------ import
def test_dry_run_shows_the_summary_and_writes_nothing_until_confirmed(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    trust_each_other(hq_store, store)
    bundle = export_from(store, tmp_path / "tehran-1.itb")
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.start_import(bundle)
    assert w.tabs.currentWidget() is w.import_tab
    qtbot.waitUntil(lambda: bool(tab.summary_title.text()), timeout=30000)
    assert tab.summary_title.text().startswith("ورود آزمایشی بستهٔ شمارهٔ ۱ از ")
    types = [tab.summary_model.row_at(i).record_type for i in range(tab.summary_model.rowCount())]
    assert "unit" in types
    row = types.index("unit")
    assert cell(tab.summary_model, row, 0) == "واحدها"
    created = tab.summary_model.row_at(row).created
    assert created > 0
    assert cell(tab.summary_model, row, 1) == "۰۱۲۳۴۵۶۷۸۹"[created] if created < 10 else True
    assert offices.list_units(hq_store, "tehran") == []  # a dry run writes nothing
    assert tab.confirm_button.isEnabled()

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "وارد شد" in tab.summary_title.text(), timeout=30000)
    assert len(offices.list_units(hq_store, "tehran")) == created
    assert not tab.confirm_button.isEnabled()
    history = w.history_tab.history_model
    assert history.rowCount() == 1
    assert cell(history, 0, 2) == "۱" and cell(history, 0, 4) == "وارد شد"
    assert history.row_at(0).source_office == "tehran" and history.row_at(0).records >= created
    assert w.history_tab.history_total.text() == "۱ بسته دریافت شده است"

    # the same bundle again: nothing to do, and the screen says so
    w.start_import(bundle)
    qtbot.waitUntil(lambda: bool(tab.summary_title.text()), timeout=30000)
    assert "پیش‌تر وارد شده است" in tab.summary_title.text()
    assert not tab.confirm_button.isEnabled()


def test_the_summary_says_what_is_held_and_what_it_waits_for(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    """A province's second bundle before its first: the visit waits for its unit."""
    from tests import sync_records as sr

    trust_each_other(hq_store, store)
    unit = sr.unit(store)
    export_from(store, tmp_path / "tehran-1.itb")
    sr.visit(store, unit)
    second = export_from(store, tmp_path / "tehran-2.itb")
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.start_import(second)
    qtbot.waitUntil(lambda: bool(tab.summary_title.text()), timeout=30000)
    model = tab.summary_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "نگه‌داشته"
    types = [model.row_at(i).record_type for i in range(model.rowCount())]
    row = types.index("visit")
    assert cell(model, row, len(headers) - 1) == "۱"
    assert "بازدیدهای بازرسی: ۱ رکورد نگه داشته شد، در انتظار واحدها" in tab.reasons.toPlainText()
    assert "نگه داشته شد" in tab.summary_title.text()
    assert tab.confirm_button.isEnabled()


def test_a_bundle_from_an_untrusted_office_is_refused_in_persian(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    bundle = export_from(store, tmp_path / "tehran-1.itb")
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.tabs.setCurrentWidget(w.import_tab)
    qtbot.keyClicks(tab.import_path, str(bundle))
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.import_error.text()), timeout=30000)
    assert tab.import_error.text() == (
        "بسته پذیرفته نشد: کلید ادارهٔ «tehran» در این سامانه ثبت نشده است. کلید عمومی آن اداره "
        "را بیفزایید: در صفحهٔ همگام‌سازی با «اعتماد به کلید این اداره…» (یا در خط فرمان با "
        "trust add)."
    )
    assert not tab.confirm_button.isEnabled()
    assert offices.list_units(hq_store, "tehran") == []

    # Issue 16, item 3: trust the office's key here, after comparing its fingerprint.
    assert tab.trust_box.isVisibleTo(tab) and tab.trust_button.text() == "اعتماد به کلید این اداره…"
    assert offices.office_name(hq_store, "tehran") in tab.trust_hint.text()
    wrong = tmp_path / "hq.pub"
    wrong.write_text(keys.public_key_file(hq_store))
    assert not tab.trust_key_file(wrong, confirmed=lambda _q: True)  # not the key that signed
    assert "همان کلیدی نیست" in tab.import_error.text() and not trust.keys_for(hq_store, "tehran")
    right = tmp_path / "tehran.pub"
    right.write_text(keys.public_key_file(store))
    asked: list[str] = []
    assert not tab.trust_key_file(right, confirmed=lambda q: asked.append(q) is not None)
    assert keys.fingerprint(keys.public_key_base64(store)) in asked[0]
    assert not trust.keys_for(hq_store, "tehran")  # not confirmed: nothing trusted
    assert tab.trust_key_file(right, confirmed=lambda _q: True)
    assert [k.office_code for k in trust.keys_for(hq_store, "tehran")] == ["tehran"]
    qtbot.waitUntil(lambda: tab.confirm_button.isEnabled(), timeout=30000)
    assert not tab.trust_box.isVisibleTo(tab)


def test_a_file_that_is_not_a_bundle_is_refused(qtbot, hq_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "notes.itb"
    junk.write_text("not a bundle")
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    w.start_import(junk)
    qtbot.waitUntil(lambda: bool(tab.import_error.text()), timeout=30000)
    assert tab.import_error.text() == "بسته پذیرفته نشد: این پرونده بستهٔ همگام‌سازی نیست (ZIP نیست)."


def test_an_empty_path_asks_for_a_file(qtbot, hq_store: Store) -> None:  # type: ignore[no-untyped-def]
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert tab.import_error.text() == "نخست پروندهٔ بسته را انتخاب کنید."


def test_a_bundle_for_another_age_key_opens_with_a_chosen_identity_file(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    trust_each_other(hq_store, store)
    other = pyrage.x25519.Identity.generate()  # not HQ's own age key
    bundle = export_from(store, tmp_path / "tehran-1.age", encrypt_to=str(other.to_public()))
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    tab.ask_passphrase = lambda parent, purpose: PASSPHRASE
    assert not tab.identity_button.isVisibleTo(w)
    w.start_import(bundle)
    qtbot.waitUntil(lambda: bool(tab.import_error.text()), timeout=30000)
    assert tab.import_error.text() == (
        "بسته پذیرفته نشد: این بسته برای این اداره رمز نشده است یا کلید age درست نیست. "
        "پروندهٔ کلید age درست را بدهید (در برنامه: دکمهٔ انتخاب پروندهٔ کلید؛ "
        "در خط فرمان: \u200e\u2068--identity\u2069\u200e)."
    )
    assert tab.identity_button.isVisibleTo(w)
    assert tab.identity_button.text() == "انتخاب پروندهٔ کلید age…"
    assert not tab.confirm_button.isEnabled()

    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("hello\n")
    tab.check_with_identity_file(not_a_key)
    assert tab.import_error.text() == (
        f"در پروندهٔ «\u2068{not_a_key}\u2069» کلید age (\u2068AGE-SECRET-KEY-...\u2069) پیدا نشد."
    )
    assert tab.identity_button.isVisibleTo(w)  # another file may be chosen

    identity = tmp_path / "key.txt"
    identity.write_text(f"# created: today\n# public key: {other.to_public()}\n{other}\n")
    tab.ask_passphrase = lambda parent, purpose: pytest.fail("the identity file needs no passphrase")
    tab.check_with_identity_file(identity)
    qtbot.waitUntil(lambda: bool(tab.summary_title.text()), timeout=30000)
    assert tab.import_error.text() == ""
    assert not tab.identity_button.isVisibleTo(w)
    assert tab.summary_title.text().startswith("ورود آزمایشی بستهٔ شمارهٔ ۱ از ")
    assert offices.list_units(hq_store, "tehran") == []  # a dry run writes nothing
    assert tab.confirm_button.isEnabled()

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)  # opens it with the same key
    qtbot.waitUntil(lambda: "وارد شد" in tab.summary_title.text(), timeout=30000)
    assert tab.import_error.text() == ""
    assert offices.list_units(hq_store, "tehran") == offices.list_units(store, "tehran") != []
    assert w.history_tab.history_model.rowCount() == 1



def test_the_screenshots_show_the_refusal_of_a_bundle_for_another_age_key(qtbot, hq_store: Store) -> None:  # type: ignore[no-untyped-def]
    w = screen(qtbot, hq_store)
    tab = w.import_tab
    seen = []
    for name, _widget in w.screenshot_states():
        seen.append(name)
        if name == "import-decrypt-failed":
            assert w.tabs.currentWidget() is tab
            assert tab.import_error.text().startswith("بسته پذیرفته نشد: این بسته برای این اداره رمز نشده است")
            assert tab.identity_button.isVisibleTo(w)
    assert seen == ["import", "history", "keys", "import-decrypt-failed"]
    assert tab.import_error.text() == "" and not tab.identity_button.isVisibleTo(w)
    w.history_tab.refresh()
    assert w.history_tab.history_model.rowCount() == 0  # the sample wrote nothing

# ------------------------------------------------------------------------------ keys and trust
def test_keys_tab_shows_and_copies_this_offices_fingerprint(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = screen(qtbot, store)
    tab = w.keys_tab
    fp = keys.fingerprint(keys.public_key_base64(store))
    assert tab.own_fingerprint.text() == fp
    assert tab.own_recipient.text() == keys.age_recipient(store)
    qtbot.mouseClick(w.findChild(QWidget, "copy_recipient"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == keys.age_recipient(store)


def test_adding_a_key_file_that_is_not_a_key_shows_the_reason(  # type: ignore[no-untyped-def]
    qtbot, hq_store: Store, tmp_path: Path
) -> None:
    bad = tmp_path / "tehran.pub"
    bad.write_text("untrusted comment: hello\nnot base64 at all\n")
    w = screen(qtbot, hq_store)
    tab = w.keys_tab
    tab.trust_office.setCurrentIndex(tab.trust_office.findData("tehran"))
    tab.add_key_from_file(bad)
    assert tab.trust_error.text() == (
        "پروندهٔ کلید یک کلید عمومی minisign نیست. پرونده‌ای را بدهید که فرمان "
        "\u2068key --public\u2069 در آن اداره ساخته است."
    )
    assert trust.list_keys(hq_store, admin_of(hq_store)) == []


def test_trust_then_revoke_an_office_key(qtbot, store: Store, hq_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pub = tmp_path / "tehran.pub"
    pub.write_text(keys.public_key_file(store))
    w = screen(qtbot, hq_store)
    tab = w.keys_tab
    w.tabs.setCurrentWidget(w.keys_tab)
    tab.trust_office.setCurrentIndex(tab.trust_office.findData("tehran"))
    tab.add_key_from_file(pub)
    fp = keys.fingerprint(keys.public_key_base64(store))
    assert fp in tab.trust_done.text()
    assert tab.trust_model.rowCount() == 1
    assert cell(tab.trust_model, 0, 2) == fp
    assert cell(tab.trust_model, 0, 4) == "فعال"

    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)  # nothing selected yet
    assert tab.trust_error.text() == "نخست کلید اداره را در فهرست انتخاب کنید."
    first = tab.trust_view.visualRect(tab.trust_model.index(0, 0)).center()
    qtbot.mouseClick(tab.trust_view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    tab.confirm = lambda title, text: True
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    assert tab.trust_error.text() == ""
    assert cell(tab.trust_model, 0, 4).startswith("باطل‌شده")
    assert not trust.list_keys(hq_store, admin_of(hq_store))[0].active


def test_a_viewer_sees_no_export_import_or_trust(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = screen(qtbot, store, role="viewer")
    tab = w.keys_tab
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert titles == ["کلیدها و اعتماد"]
    assert not tab.trusted_box.isVisibleTo(w)


# ------------------------------------------------------------------------------ conflicts
HQ_NAME = "واحد یک (نام ستاد)"
PROVINCE_NAME = "واحد یک (نام استان)"


def make_conflict(store: Store, hq_store: Store, tmp_path: Path) -> str:
    """HQ and Tehran both rename the same Tehran unit after a sync: one real conflict at HQ."""
    from integrity_desktop.db.models import Unit

    trust_each_other(hq_store, store)
    import_into(hq_store, export_from(store, tmp_path / "t1.itb"))
    unit_id = offices.list_units(store)[0].id
    for s, name in ((hq_store, HQ_NAME), (store, PROVINCE_NAME)):
        with s.session() as session:
            records.update(session, s, admin_of(s), session.get(Unit, unit_id), name_fa=name)
    summary = import_into(hq_store, export_from(store, tmp_path / "t2.itb"))
    assert summary.counts["unit"].conflicts == 1
    return unit_id


def conflict_screen(qtbot, store: Store, role: str = "admin") -> ConflictsScreen:  # type: ignore[no-untyped-def]
    return shown(qtbot, ConflictsScreen, store, role)


def unit_name(store: Store, unit_id: str) -> str:
    return next(u.name_fa for u in offices.list_units(store, "tehran") if u.id == unit_id)


def test_conflict_review_merges_the_ticked_field(
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    unit_id = make_conflict(store, hq_store, tmp_path)
    w = conflict_screen(qtbot, hq_store)
    assert w.count_label.text() == "۱ ناسازگاری باز"
    assert w.list_model.rowCount() == 1
    fields = w.fields_model
    assert fields.rows[0].name == "name_fa" and fields.rows[0].differs
    assert [r.name for r in fields.rows if r.differs] == ["name_fa"]
    applied, other = fields.rows[0].applied, fields.rows[0].other
    assert {applied, other} == {HQ_NAME, PROVINCE_NAME}
    assert unit_name(hq_store, unit_id) == applied
    # tick "take the set-aside value" with the keyboard
    w.fields_view.setFocus()
    w.fields_view.setCurrentIndex(fields.index(0, 3))
    QTest.keyClick(w.fields_view, Qt.Key.Key_Space)
    assert fields.rows[0].take_other
    qtbot.mouseClick(w.merge, Qt.MouseButton.LeftButton)
    assert w.error.text() == ""
    assert w.done.text() == "نسخهٔ ادغام‌شده ذخیره شد؛ با بستهٔ بعدی فرستاده می‌شود."
    assert unit_name(hq_store, unit_id) == other
    assert conflicts.count_conflicts(hq_store, admin_of(hq_store)) == 0
    assert w.count_label.text() == "۰ ناسازگاری باز"
    assert w.detail_title.text() == "ناسازگاری‌ای در انتظار تصمیم نیست."


def test_conflict_review_keeps_the_applied_version(
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    unit_id = make_conflict(store, hq_store, tmp_path)
    w = conflict_screen(qtbot, hq_store)
    applied = w.fields_model.rows[0].applied
    qtbot.mouseClick(w.keep_applied, Qt.MouseButton.LeftButton)
    assert w.done.text() == "نسخهٔ اعمال‌شده نگه داشته شد."
    assert unit_name(hq_store, unit_id) == applied
    w.show_resolved.setChecked(True)
    assert w.list_model.rowCount() == 1
    assert cell(w.list_model, 0, 5) == "نسخهٔ اعمال‌شده نگه داشته شد"
    assert not w.keep_applied.isEnabled()


def test_conflicts_are_not_shown_to_a_viewer(qtbot, hq_store: Store) -> None:  # type: ignore[no-untyped-def]
    w = conflict_screen(qtbot, hq_store, role="viewer")
    note = w.findChild(QWidget, "not_allowed")
    assert note is not None and note.isVisibleTo(w)
    assert not w.keep_applied.isEnabled()


# ------------------------------------------------------------------------------ HQ console
def hq_screen(qtbot, store: Store) -> HqConsoleScreen:  # type: ignore[no-untyped-def]
    widget = HqConsoleScreen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_hq_console_shows_every_province_and_the_quiet_ones(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    trust_each_other(hq_store, store)
    import_into(hq_store, export_from(store, tmp_path / "t1.itb"))
    w = hq_screen(qtbot, hq_store)
    w.refresh()
    model = w.provinces_model
    assert model.rowCount() == 31
    names = [cell(model, i, 0) for i in range(model.rowCount())]
    row = names.index("تهران")
    assert model.row_at(row).quiet is False
    assert cell(model, row, 2) == "۰"  # written today
    assert cell(model, row, 3) == "۱"
    other = 1 if row == 0 else 0
    assert model.row_at(other).quiet and cell(model, other, 1) == "هنوز نرسیده"
    assert model.data(model.index(other, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert w.summary.text().startswith("۱ استان از ۳۱ استان بسته فرستاده‌اند؛ ۳۰ استان ساکت مانده‌اند.")
    w.only_quiet.setChecked(True)
    assert model.rowCount() == 30
    assert "تهران" not in [cell(model, i, 0) for i in range(model.rowCount())]
    qtbot.waitUntil(lambda: bool(w.completion_note.text()), timeout=30000)
    label = w.period.currentText()
    assert w.completion_note.text() in (
        f"{label}: هنوز هیچ استانی چک‌لیست این دوره را نفرستاده است.",
        f"{label}: چک‌لیست ۱ استان رسیده است.",
    )


def test_hq_console_greys_the_period_tabs_until_their_figures_come(  # type: ignore[no-untyped-def]
    qtbot, hq_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another period chosen: its completion and indicator tabs hold the previous period's
    figures until the new ones are shown, greyed meanwhile."""
    from integrity_desktop.sync import hq_console

    w = hq_screen(qtbot, hq_store)
    w.refresh()
    qtbot.waitUntil(lambda: w.completion_page.isEnabled() and w.indicators_page.isEnabled(), timeout=20000)
    waiting, gate = held(hq_console.completion_by_axis)
    monkeypatch.setattr(hq_console, "completion_by_axis", waiting)
    w.period.setCurrentIndex((w.period.currentIndex() + 1) % w.period.count())
    assert not w.completion_page.isEnabled() and not w.indicators_page.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: w.completion_page.isEnabled() and w.indicators_page.isEnabled(), timeout=20000)


def test_hq_console_exports_excel_and_opens_it(qtbot, hq_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = hq_screen(qtbot, hq_store)
    w.refresh()
    qtbot.waitUntil(lambda: bool(w.completion_note.text()), timeout=30000)  # the chart's task is done
    opened: list[Path] = []
    w.open_file = opened.append
    out = tmp_path / "provinces.xlsx"
    w.export_to(out, str(w.period.currentData()))
    qtbot.waitUntil(lambda: bool(opened) or bool(w.error.text()), timeout=60000)
    assert w.error.text() == ""
    assert opened == [out] and out.stat().st_size > 0
    assert w.summary.text() == f"در \u2068{out}\u2069 ذخیره شد."


def test_hq_console_in_a_province_says_where_it_belongs(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = hq_screen(qtbot, store)
    w.refresh()
    note = w.findChild(QWidget, "not_hq")
    assert note is not None and note.isVisibleTo(w)


# ------------------------------------------------------------------------------ reports
def reports_screen(qtbot, store: Store, out: Path | None) -> ReportsScreen:  # type: ignore[no-untyped-def]
    widget = ReportsScreen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    widget.choose_path = lambda default, fmt: out
    widget.opened = []  # type: ignore[attr-defined]
    widget.open_file = widget.opened.append  # type: ignore[attr-defined]
    return widget


def test_reports_lists_the_registry_and_writes_excel_for_a_period(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "axes.xlsx"
    w = reports_screen(qtbot, store, out)
    assert w.list_model.rowCount() == len(all_reports())
    w.select_report("axis-completion")
    assert w.period.isEnabled() and not w.subject.isEnabled()
    w.kind.setCurrentIndex(w.kind.findData("half"))
    assert [w.period.itemText(i) for i in range(w.period.count())] == [
        p.label_fa for p in jalali.periods_of_year(int(w.year.currentData()), "half")
    ]
    w.xlsx.setFocus()
    QTest.keyClick(w.xlsx, Qt.Key.Key_Space)
    assert w.xlsx.isChecked()
    qtbot.mouseClick(w.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(w.done.text()) or bool(w.error.text()), timeout=60000)
    assert w.error.text() == ""
    assert out.stat().st_size > 0
    assert w.opened == [out]  # type: ignore[attr-defined]


def test_a_report_about_a_missing_record_says_so_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "case.pdf"
    w = reports_screen(qtbot, store, out)
    w.select_report("case-file")
    assert w.subject.isEnabled() and not w.xlsx.isEnabled() and not w.period.isEnabled()
    qtbot.keyClicks(w.subject, "no-such-case")
    qtbot.mouseClick(w.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(w.error.text()), timeout=30000)
    assert w.error.text() == "پرونده پیدا نشد؛ فهرست پرونده‌ها را دوباره باز کنید."
    assert not out.exists()
    assert w.opened == []  # type: ignore[attr-defined]


def test_a_case_file_is_picked_from_a_list_not_by_its_identifier(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    from integrity_desktop.services.cases import register as cases

    officer = actor("case_officer", store.office_code)
    case = cases.register_case(store, officer, employee_name="مهدی یزدانی", national_code="0084575948",
                               employee_post="انباردار", reporter="بازرس", violation_codes=["10"],
                               reported_on="1403/02/10", summary="گزارش")
    out = tmp_path / "case.pdf"
    w = reports_screen(qtbot, store, out)
    w.select_report("case-file")
    assert w.subject_pick.isVisible() and not w.subject.isVisible()
    assert w.subject_pick.count() == 1 and "مهدی یزدانی" in w.subject_pick.itemText(0)
    assert "-" not in w.subject_pick.itemText(0).split(" — ")[0]  # a case number, not an id
    qtbot.mouseClick(w.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(w.done.text()) or bool(w.error.text()), timeout=60000)
    assert w.error.text() == "" and out.stat().st_size > 0 and w.params(all_reports()["case-file"]).subject == case.id
    w.select_report("axis-completion")
    assert not w.subject_pick.isVisible()


def test_conflict_fields_in_persian_with_labels_and_no_derived_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 1: an answer's conflict shows Persian field labels and status labels;
    the derived fields (completion, search text, a computed figure's source) are not offered."""
    from integrity_desktop.ui.screens.sync.conflicts import FieldsModel

    model = FieldsModel()
    applied = {"id": "x", "hlc": "1", "status": "partial", "progress": 40, "note": "الف",
               "subtasks_done": [1], "computed_source": {"a": 1}}
    other = {"id": "x", "hlc": "2", "status": "done", "progress": 100, "note": "الف",
             "subtasks_done": [1, 2], "computed_source": {"a": 2}}
    model.set_versions(applied, other, "الف", "ب", "checklist_entry")
    shown = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    labels = [row[0] for row in shown]
    assert "computed_source" not in labels and "منبع رقم محاسبه‌شده" not in labels
    assert ["وضعیت", "تا حدی انجام شد", "انجام شد"] in shown
    assert ["پیشرفت (درصد)", "۴۰", "۱۰۰"] in shown
    assert "زیرکارهای انجام‌شده" in labels
    for row in shown:
        assert not any(ch.isascii() and ch.isalpha() for cell in row for ch in str(cell)), row
    checklist = FieldsModel()
    checklist.set_versions({"completion": 88.06, "search_text": "a", "status": "submitted"},
                           {"completion": 87.99, "search_text": "b", "status": "draft"},
                           "الف", "ب", "checklist")
    assert [checklist.data(checklist.index(r, 0)) for r in range(checklist.rowCount())] == ["وضعیت"]


def test_conflict_review_names_the_unit_not_its_id(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, tmp_path: Path
) -> None:
    """Issue 16 item 1: the review shows where a conflict is and names instead of ids."""
    unit_id = make_conflict(store, hq_store, tmp_path)
    w = conflict_screen(qtbot, hq_store)
    assert "تهران" in cell(w.list_model, 0, 6)
    assert "واحد" in cell(w.list_model, 0, 6)
    texts = [w.fields_model.data(w.fields_model.index(r, c))
             for r in range(w.fields_model.rowCount()) for c in (1, 2)]
    assert unit_id not in texts
    assert not any(ch.isascii() and ch.isalpha() for t in texts for ch in str(t)), texts

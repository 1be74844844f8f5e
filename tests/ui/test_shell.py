"""The application shell: direction, font, translations, sign-in, first run, navigation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from integrity_desktop.db.store import Store
from integrity_desktop.ui import i18n
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.first_run import FirstRunDialog
from integrity_desktop.ui.login_dialog import LoginDialog
from integrity_desktop.ui.main_window import SCREENS, MainWindow
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from tests.conftest import ADMIN_PASSWORD, actor

pytestmark = pytest.mark.gui

LATIN_DIGIT = re.compile(r"[0-9]")


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Persian included (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def test_app_is_right_to_left_persian(qapp: QApplication) -> None:
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert qapp.font().family() == "Vazirmatn"
    assert QApplication.translate("MainWindow", "Dashboard") == "پیشخوان"


def test_every_ui_string_has_a_persian_translation(tmp_path: Path) -> None:
    """lupdate the current sources into a scratch copy: nothing may be left untranslated."""
    scratch = tmp_path / "translations"
    committed = i18n.translations_dir()
    missing: list[str] = []
    for module in i18n.ui_modules():
        ts = i18n.ts_path_for(module)
        assert ts.exists(), f"{module.name} has strings but no {ts.name}: run i18n update"
        copy = scratch / ts.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(ts.read_bytes())
        subprocess.run(
            [i18n._tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             str(module), "-ts", str(copy)],
            check=True,
        )
        missing += [f"{ts.name}: {src}" for _ctx, src in i18n.untranslated(copy)]
    assert committed.exists()
    assert missing == []


def test_login_shows_persian_error_and_signs_in(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(store, "اداره کل تهران")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.try_sign_in()
    assert dialog.error.text() == "نام کاربری یا گذرواژه درست نیست."
    assert dialog.actor is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    dialog.try_sign_in()
    assert dialog.actor is not None and dialog.actor.role == "admin"


def test_first_run_refuses_mismatched_passwords(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    location = tmp_path / "new.sqlite"
    dialog = FirstRunDialog(str(location))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, "long-enough-password")
    qtbot.keyClicks(dialog.password2, "another-password!!")
    dialog.try_create()
    assert dialog.error.text() == "دو گذرواژه یکسان نیستند."
    assert not location.exists()


def test_first_run_short_password_message_and_nothing_created(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    location = tmp_path / "new.sqlite"
    dialog = FirstRunDialog(str(location))
    qtbot.addWidget(dialog)
    for edit in (dialog.password, dialog.password2):
        qtbot.keyClicks(edit, "short")
    for edit in (dialog.passphrase, dialog.passphrase2):
        qtbot.keyClicks(edit, "a-long-passphrase")
    dialog.try_create()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10000)
    assert "دست‌کم ۱۰ نویسه" in dialog.error.text() or "دست‌کم 10 نویسه" in dialog.error.text()
    assert not location.exists()


def test_main_window_opens_every_screen_without_latin_digits(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(window)
    window.show()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # A province has no HQ console or national dashboard (issue 16, item 8).
    assert [k for k, _t, _s in SCREENS if k not in ("hq", "national")] == window.screen_keys
    for key in window.screen_keys:
        widget = window.show_screen_now(key)
        assert window.stack.currentWidget() is widget
    status = window.office_label.text() + window.user_label.text()
    assert "اداره کل آموزش فنی و حرفه‌ای استان تهران" in status
    for label in window.findChildren(QLabel):
        visible = re.sub(r"<[^>]+>", "", label.text())
        # Latin digits are allowed only in wholly Latin text (paths, usernames).
        assert not LATIN_DIGIT.search(visible) or visible.isascii(), visible


def test_jalali_date_field_accepts_persian_and_latin_digits(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime

    field = JalaliDateEdit()
    qtbot.addWidget(field)
    field.line.clear()
    qtbot.keyClicks(field.line, "1403/7/15")
    field.line.editingFinished.emit()
    assert field.value() == datetime.date(2024, 10, 6)
    assert field.line.text() == "۱۴۰۳/۰۷/۱۵"
    field.line.clear()
    type_text(field.line, "۱۴۰۲/۱۲/۲۹")
    field.line.editingFinished.emit()
    assert field.value() == datetime.date(2024, 3, 19)


def test_self_test_passes() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "integrity_desktop", "--self-test"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "self-test passed" in out.stdout


def test_cycles_are_collected_on_the_gui_thread_only(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """A background job must never run the cycle collector (it could destroy a widget off the
    GUI thread): automatic collection is off and the GUI thread's timer collects instead."""
    import gc
    import weakref

    from integrity_desktop.ui.app import MainThreadCollector

    assert not gc.isenabled()
    assert qapp.findChild(MainThreadCollector) is not None

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # type: ignore[attr-defined]
    gone = weakref.ref(a)
    del a, b
    for _ in range(800):  # past generation 0's threshold, so the timer has work to do
        c, d = Node(), Node()
        c.other, d.other = d, c  # type: ignore[attr-defined]
        del c, d
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)


@pytest.mark.parametrize(("role", "office", "absent"), [
    ("admin", "tehran", {"hq", "national"}),
    ("inspector", "tehran", {"hq", "national", "audit"}),
    ("case_officer", "tehran", {"hq", "national", "audit"}),
    ("reviewer", "hq", {"audit"}),
    ("admin", "hq", set()),
])
def test_the_navigation_shows_only_the_screens_a_role_can_use(  # type: ignore[no-untyped-def]
    qtbot, store: Store, hq_store: Store, role: str, office: str, absent: set[str]
) -> None:
    """Issue 16, item 8: HQ's screens only at HQ, the audit log only for those allowed to read it."""
    window = MainWindow(UiContext(hq_store if office == "hq" else store, actor(role, office)))
    qtbot.addWidget(window)
    every = [k for k, _t, _s in SCREENS]
    assert window.screen_keys == [k for k in every if k not in absent]
    shown = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert shown == window.screen_keys

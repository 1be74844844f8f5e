"""Qt's own strings in Persian, menus without mnemonics, the status bar, and mixed-direction
text isolated in the sentences the UI builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.ui import i18n
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.main_window import MainWindow
from integrity_desktop.ui.text import FSI, PDI, isolate, isolate_embedded, join_list
from integrity_desktop.ui.widgets.messages import confirm, error_text
from tests.conftest import actor

pytestmark = pytest.mark.gui

LATIN = re.compile(r"[A-Za-z]")


# ------------------------------------------------------------------ Qt's own strings
def test_standard_buttons_speak_persian(qapp: QApplication) -> None:
    sb = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(sb.Ok | sb.Cancel | sb.Close | sb.Save)
    assert box.button(sb.Ok).text() == "تأیید"
    assert box.button(sb.Cancel).text() == "انصراف"
    assert box.button(sb.Close).text() == "بستن"
    assert box.button(sb.Save).text() == "ذخیره"


def test_question_box_says_yes_and_no_in_persian_without_mnemonics(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, str] = {}

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen["yes"] = box.button(QMessageBox.StandardButton.Yes).text()
        seen["no"] = box.button(QMessageBox.StandardButton.No).text()
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    assert confirm(None, "پرسش", "ادامه دهیم؟") is False
    assert seen == {"yes": "بله", "no": "خیر"}


def test_qt_file_dialog_is_persian(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "انتخاب", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel)] + [b.text() for b in dialog.findChildren(QPushButton)]
    texts = [t for t in texts if t and t != str(tmp_path)]
    assert texts and not [t for t in texts if LATIN.search(t)], texts


def test_qt_translation_ships_with_ours() -> None:
    """``i18n build`` copies Qt's catalogue next to our .qm files, so the frozen build and the
    wheel (which ship ``translations/fa``) carry it; the lookup finds that copy first."""
    if not (i18n.translations_dir() / "fa" / "qtbase_fa.qm").is_file():
        i18n.build()  # a checkout built before the copy existed
    from integrity_desktop.ui.app import own_qm_files, qt_translation_file

    found = qt_translation_file("fa")
    assert found is not None and found.resolve() == (i18n.translations_dir() / "fa" / "qtbase_fa.qm").resolve()
    assert found.stat().st_size > 10_000
    assert found not in own_qm_files("fa")


def test_qt_overrides_are_all_translated() -> None:
    assert i18n.untranslated(i18n.translations_dir() / "fa" / i18n.QT_OVERRIDES) == []


def test_dialogs_keep_qt_s_own_ok_and_cancel(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.ui.screens.checklists.dialogs import NewChecklistDialog

    dialog = NewChecklistDialog(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == QCoreApplication.translate(
        "QPlatformTheme", "Cancel"
    ) == "انصراف"


# ------------------------------------------------------------------ menus and status bar
def window(qtbot, store: Store) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(w)
    return w


def test_menus_have_no_mnemonics_but_keep_shortcuts(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store)
    menus = [a for a in w.menuBar().actions()]
    texts = [a.text() for a in menus] + [a.text() for m in menus for a in m.menu().actions()]
    assert [t for t in texts if "&" in t] == []
    shortcuts = {a.shortcut().toString() for m in menus for a in m.menu().actions()}
    assert {"Ctrl+Q", "F1"} <= shortcuts


def test_status_bar_names_the_office_once(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store)
    assert w.office_label.text() == "اداره کل آموزش فنی و حرفه‌ای استان تهران"
    bar = " ".join(label.text() for label in w.statusBar().findChildren(QLabel))
    assert bar.count("اداره") == 1


# ------------------------------------------------------------------ mixed direction
def test_isolate_and_persian_lists() -> None:
    assert isolate("--identity") == f"{FSI}--identity{PDI}"
    assert isolate("") == ""
    assert join_list(["علی", "مریم"]) == "علی، مریم"
    assert join_list(["PDF", "Excel"]) == f"{FSI}PDF{PDI}، {FSI}Excel{PDI}"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("در خط فرمان: --identity را بدهید.", f"در خط فرمان: {FSI}--identity{PDI} را بدهید."),
        ("پروندهٔ .pub را برگزینید", f"پروندهٔ {FSI}.pub{PDI} را برگزینید"),
        ("فرمان key --public در آن اداره", f"فرمان {FSI}key --public{PDI} در آن اداره"),
        ("پشتیبان در «C:\\Users\\Ali Rezaei\\x.sqlite» نوشته نشد",
         f"پشتیبان در «{FSI}C:\\Users\\Ali Rezaei\\x.sqlite{PDI}» نوشته نشد"),
        ("پروندهٔ tehran.pub خوانده شد", "پروندهٔ tehran.pub خوانده شد"),  # bidi keeps an inner dot
        ("کلید age گیرنده", "کلید age گیرنده"),  # a plain Latin word needs nothing
        ("با PDF، Excel", "با PDF، Excel"),
        (f"از پیش {FSI}/tmp/a{PDI} و /tmp/b", f"از پیش {FSI}/tmp/a{PDI} و {FSI}/tmp/b{PDI}"),
        # Persian words with a slash are not a path: nothing to isolate
        ("به شکل «محور/شماره» بنویسید", "به شکل «محور/شماره» بنویسید"),
        ("پوشهٔ «D:/اسناد»", f"پوشهٔ «{FSI}D:/اسناد{PDI}»"),
    ],
)
def test_service_messages_get_their_paths_and_options_isolated(message: str, expected: str) -> None:
    assert isolate_embedded(message) == expected
    assert error_text(UserError(message, "english")) == expected


def test_ui_sentences_isolate_paths_and_pub_names(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.ui.screens.sync.screen import SyncScreen

    w = SyncScreen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(w)
    keys_tab = w.keys_tab
    assert f"{FSI}.pub{PDI}" in keys_tab.add_key_button.text()
    target = tmp_path / "کلیدها" / "tehran.pub"
    target.parent.mkdir()
    keys_tab.write_public_key(target)
    assert f"{FSI}{target}{PDI}" in keys_tab.trust_done.text()


# ------------------------------------------------------------------ the interface language
def test_the_english_interface_is_withdrawn() -> None:
    """Measured before withdrawing it: most labels a person reads (states, kinds, periods,
    report titles, service sentences, the catalogue) exist only in Persian."""
    import subprocess
    import sys

    from integrity_desktop.ui.app import create_application

    with pytest.raises(ValueError):
        create_application("en")
    for args in (["--lang", "en", "--self-test"], ["screenshots", "--db", "x", "--out", "y", "--lang", "en"]):
        out = subprocess.run([sys.executable, "-m", "integrity_desktop", *args],
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 2 and "invalid choice: 'en'" in out.stderr

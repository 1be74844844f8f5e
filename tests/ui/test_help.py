"""The user guide: bundled Persian pages, one per screen and task, F1 opens the current
screen's page; every button says what it does in a tooltip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from integrity_desktop.db.store import Store
from integrity_desktop.ui import help as guide
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.main_window import SCREENS, MainWindow
from tests.conftest import actor

pytestmark = pytest.mark.gui

LINK = re.compile(r"\]\(([^)]+)\)")


def test_every_screen_and_task_has_a_bundled_page() -> None:
    assert guide.help_dir().parent.name == "resources"
    assert set(guide.SCREEN_PAGES) == {key for key, _t, _s in SCREENS}
    assert {"fill-checklist", "log-visit", "register-case", "send-receive-bundle",
            "resolve-conflict", "restore-backup"} == set(guide.TASK_PAGES)
    files = {p.stem for p in guide.help_dir().glob("*.md")}
    assert files == set(guide.PAGES)
    index_links = {Path(link).stem for link in LINK.findall(guide.page_text(guide.INDEX))}
    assert index_links == set(guide.PAGES) - {guide.INDEX}
    for page in guide.PAGES:
        assert guide.page_title(page) != page, f"{page}.md has no '# ' title"
        for link in LINK.findall(guide.page_text(page)):
            assert Path(link).stem in guide.PAGES, f"{page}.md links to a missing page {link}"


@pytest.mark.parametrize("page", guide.PAGES)
def test_guide_pages_are_in_good_persian(page: str) -> None:
    text = re.sub(r"```.*?```", "", guide.page_text(page), flags=re.S)  # commands stay Latin
    prose = LINK.sub("]", text)
    # Latin words (key names such as Ctrl+1 or F1, PDF, age) may hold digits; prose may not.
    without_latin = re.sub(r"[A-Za-z][\w+.-]*", "", prose)
    assert not re.findall(r"[0-9]", without_latin), "Latin digits: write Persian digits"
    assert not re.findall("[\u064a\u0643]", prose), "Arabic yeh or kaf: use ی and ک"
    # the verb prefix and the plural suffix are joined with a zero-width non-joiner, not a space
    assert not re.findall(r"(?<![\w\u200c])ن?می [\u0600-\u06ff]", prose), "«می » with a space"
    assert not re.findall(r"[\u0600-\u06ff] (?:ها|های|هایی)(?![\w\u200c])", prose), "« ها» with a space"
    assert not [line for line in prose.splitlines() if "  " in line.strip()], "a double space"


def window(qtbot, store: Store, role: str = "admin") -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(UiContext(store, actor(role, store.office_code)))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # shortcuts go to the active window
    return w


def test_f1_opens_the_page_of_the_screen_in_front(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store)
    w.show_screen("cases")
    QTest.keyClick(w, Qt.Key.Key_F1)
    shown = [h for h in QApplication.topLevelWidgets() if isinstance(h, guide.HelpWindow) and h.isVisible()]
    assert len(shown) == 1
    help_window = shown[0]
    qtbot.addWidget(help_window)
    assert help_window.page == "cases"
    assert help_window.browser.toPlainText().startswith("پرونده‌های تخلف")
    assert help_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = help_window.browser.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert help_window.browser.font().family() == "Vazirmatn"
    w.show_screen("sync")
    QTest.keyClick(w, Qt.Key.Key_F1)
    assert help_window.page == "sync" and help_window.isVisible()  # the same window, another page
    assert help_window.contents.currentItem().text() == "همگام‌سازی"


def test_help_menu_opens_the_guide_and_links_lead_to_pages(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store)
    help_menu = w.menuBar().actions()[1].menu()
    texts = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert texts == ["راهنمای این صفحه", "راهنمای کاربر", "دربارهٔ سامانه"]
    next(a for a in help_menu.actions() if a.text() == "راهنمای کاربر").trigger()
    help_window = guide.show_help(guide.INDEX)
    qtbot.addWidget(help_window)
    assert help_window.page == guide.INDEX
    help_window._follow(QUrl("log-visit.md"))
    assert help_window.page == "log-visit"
    assert "ثبت بازدید بازرسی" in help_window.browser.toPlainText()
    help_window.contents.setCurrentRow(guide.PAGES.index("restore-backup"))
    assert help_window.page == "restore-backup"

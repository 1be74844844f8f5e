"""Qt's own strings are Persian too: the standard buttons of a message box and a line edit's
context menu come from Qt's translation (qtbase_fa), which the app loads and the frozen build
keeps."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from integrity_desktop.ui.app import qt_strings_translated

pytestmark = pytest.mark.gui
LATIN = re.compile(r"[A-Za-z]")


def test_standard_buttons_and_context_menus_are_persian(qapp: QApplication) -> None:
    assert qt_strings_translated()
    box = QMessageBox(QMessageBox.Icon.Question, "پرسش", "ادامه می‌دهید؟",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()]
    assert len(texts) == 3 and not any(LATIN.search(t) for t in texts), texts
    line = QLineEdit()
    menu = line.createStandardContextMenu()
    actions = [a.text() for a in menu.actions() if a.text()]
    assert actions and not any(LATIN.search(a.split("\t")[0]) for a in actions), actions
    menu.deleteLater()
    box.deleteLater()

"""``TabShot``: a screenshot state of a tabbed screen (see ``ui.screenshots``).

The committee and inspections screens both grabbed their tabs, and the dialogs opened over them,
by the same steps; this is that one way, so the pictures of both are taken alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget


class TabShot:
    """Shows one tab of ``tabs`` (by index or by its page) when grabbed, and the window around it;
    with ``dialog``, opens what it makes over that tab and grabs the dialog instead (the window
    again when it makes none)."""

    def __init__(
        self,
        screen: QWidget,
        tabs: QTabWidget,
        tab: int | QWidget,
        dialog: Callable[[], QDialog | None] | None = None,
    ) -> None:
        self.screen = screen
        self.tabs = tabs
        self.tab = tab
        self.dialog = dialog

    def grab(self) -> QPixmap:
        if isinstance(self.tab, int):
            self.tabs.setCurrentIndex(self.tab)
        else:
            self.tabs.setCurrentWidget(self.tab)
        QApplication.processEvents()
        if self.dialog is None:
            return self.screen.window().grab()
        dialog = self.dialog()
        if dialog is None:
            return self.screen.window().grab()
        dialog.show()
        QApplication.processEvents()
        pixmap = dialog.grab()
        dialog.close()
        return pixmap

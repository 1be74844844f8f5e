"""Sync: write a bundle for the other side, check and import a received one, the import
history, this office's keys and the offices whose keys this store trusts.

Each tab is its own widget (``sync_export``, ``sync_import``, ``sync_history``, ``sync_keys``);
this screen holds the tabs the signed-in role may use.  Every slow step runs through
``run_task``; the widgets only show what the ``integrity_desktop.sync`` services return.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.sync.export import SyncExportTab
from integrity_desktop.ui.screens.sync.history import SyncHistoryTab
from integrity_desktop.ui.screens.sync.import_tab import SyncImportTab
from integrity_desktop.ui.screens.sync.keys import SyncKeysTab


class SyncScreen(QWidget):
    """Tabs: export, import, import history, keys.  ``start_import(path)`` opens a bundle file
    (a double-clicked ``.itb``) on the import tab and runs its dry run."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sync")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.export_tab = SyncExportTab(ctx)
        self.import_tab = SyncImportTab(ctx)
        self.history_tab = SyncHistoryTab(ctx)
        self.keys_tab = SyncKeysTab(ctx)
        self.import_tab.history_changed.connect(self.history_tab.refresh)
        if ctx.can("sync.export"):
            self.tabs.addTab(self.export_tab, self.tr("Send a bundle"))
        if ctx.can("sync.import"):
            self.tabs.addTab(self.import_tab, self.tr("Receive a bundle"))
        if ctx.can("sync.import"):
            self.tabs.addTab(self.history_tab, self.tr("Import history"))
        self.tabs.addTab(self.keys_tab, self.tr("Keys and trust"))

    def start_import(self, path: str | Path) -> None:
        """Open a bundle file on the import tab and run its dry run (a double-clicked .itb)."""
        self.tabs.setCurrentWidget(self.import_tab)
        self.import_tab.open_bundle(path)

    def refresh(self) -> None:
        self.keys_tab.refresh()
        self.history_tab.refresh()

    def screenshot_states(self) -> Iterator[tuple[str, QWidget]]:
        """Each tab in turn (a generator: the tab changes just before its grab), and the import
        tab refusing a bundle encrypted for another age key."""
        for name, tab in (
            ("import", self.import_tab),
            ("history", self.history_tab),
            ("keys", self.keys_tab),
        ):
            if self.tabs.indexOf(tab) >= 0:
                self.tabs.setCurrentWidget(tab)
                yield name, self.window()
        if self.tabs.indexOf(self.import_tab) >= 0:
            self.tabs.setCurrentWidget(self.import_tab)
            self.import_tab.show_sample_refusal()
            yield "import-decrypt-failed", self.window()
            self.import_tab.clear_import()
            self.import_tab.import_error.clear()
            self.import_tab.import_path.clear()
        self.tabs.setCurrentIndex(0)

"""The main window: a navigation list on the right, the current screen, a status bar.

Screens are created on first visit (only the dashboard is built at start-up) from ``SCREENS``.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from integrity_desktop import __version__
from integrity_desktop.permissions import ROLE_LABELS_FA, may_see_screen
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.i18n import QT_TRANSLATE_NOOP
from integrity_desktop.ui.text import isolate, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.panels import lay_out

# (key, title, "module:Class").  Every screen takes (ctx, parent) and may define refresh().
SCREENS: list[tuple[str, str, str]] = [
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
     "integrity_desktop.ui.screens.dashboard.screen:DashboardScreen"),
    ("checklists", QT_TRANSLATE_NOOP("MainWindow", "Checklists"), "integrity_desktop.ui.screens.checklists.screen:ChecklistsScreen"),
    ("inspections", QT_TRANSLATE_NOOP("MainWindow", "Inspections"), "integrity_desktop.ui.screens.inspections.screen:InspectionsScreen"),
    ("cases", QT_TRANSLATE_NOOP("MainWindow", "Violation cases"), "integrity_desktop.ui.screens.cases.register:CasesScreen"),
    ("committee", QT_TRANSLATE_NOOP("MainWindow", "Committee and training"),  # issue 21
     "integrity_desktop.ui.screens.committee.screen:CommitteeScreen"),
    ("rights", QT_TRANSLATE_NOOP("MainWindow", "Complaints and surveys"),
     "integrity_desktop.ui.screens.rights:RightsScreen"),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"), "integrity_desktop.ui.screens.sync.screen:SyncScreen"),
    ("conflicts", QT_TRANSLATE_NOOP("MainWindow", "Conflicts"), "integrity_desktop.ui.screens.sync.conflicts:ConflictsScreen"),
    ("hq", QT_TRANSLATE_NOOP("MainWindow", "HQ console"), "integrity_desktop.ui.screens.hq.console:HqConsoleScreen"),
    ("national", QT_TRANSLATE_NOOP("MainWindow", "National dashboard"),
     "integrity_desktop.ui.screens.hq.national:NationalScreen"),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), "integrity_desktop.ui.screens.reports:ReportsScreen"),
    ("templates", QT_TRANSLATE_NOOP("MainWindow", "Templates"), "integrity_desktop.ui.screens.checklists.templates:TemplatesScreen"),
    ("audit", QT_TRANSLATE_NOOP("MainWindow", "Audit log"), "integrity_desktop.ui.screens.audit:AuditScreen"),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"),
     "integrity_desktop.ui.screens.settings:SettingsScreen"),
]


# The smallest office screen the app is laid out for, and the room a window has on it once the
# taskbar (40 px) and the title bar (32 px) are taken: every screen and dialog fits in it.
SMALLEST_SCREEN = QSize(1280, 720)
WINDOW_ROOM = QSize(1280, 720 - 40 - 32)
PREFERRED_SIZE = QSize(1280, 800)


def available_room() -> QSize:
    """The primary screen's room for a window (without the taskbar and a title bar)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return PREFERRED_SIZE
    room = screen.availableGeometry().size()
    return QSize(room.width(), room.height() - 32)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Signals: ``screen_shown(key)`` after a screen is made current; ``sign_out_requested``."""

    screen_shown = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Integrity Desktop — administrative health"))
        self.resize(PREFERRED_SIZE.boundedTo(available_room()))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self._screens: dict[str, QWidget] = {}
        self._keys: list[str] = []
        for key, title, _spec in SCREENS:
            if not may_see_screen(ctx.actor, key):
                continue  # not in this person's navigation (the rule is the permissions table's)
            item = QListWidgetItem(tr(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(180, 40))
            self.nav.addItem(item)
            self._keys.append(key)
        self.nav.currentRowChanged.connect(self._on_nav)
        central = QWidget()
        lay_out(central, self.nav, (self.stack, 1), horizontal=True, margin=6)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_status_bar()
        self.nav.setCurrentRow(0)

    # ------------------------------------------------------------------ building
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("File"))
        self.password_action = QAction(self.tr("Change my password…"), self)
        self.password_action.setObjectName("change_password")
        self.password_action.triggered.connect(self.change_password)
        file_menu.addAction(self.password_action)
        sign_out = QAction(self.tr("Sign out"), self)
        sign_out.triggered.connect(self.sign_out_requested.emit)
        file_menu.addAction(sign_out)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit has none on Windows
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("Help"))
        screen_help = QAction(self.tr("Help for this screen"), self)
        screen_help.setObjectName("screen_help")
        screen_help.setShortcut(QKeySequence("F1"))
        screen_help.triggered.connect(self.show_screen_help)
        help_menu.addAction(screen_help)
        guide = QAction(self.tr("User guide"), self)
        guide.triggered.connect(lambda: self.show_help("index"))
        help_menu.addAction(guide)
        help_menu.addSeparator()
        about = QAction(self.tr("About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        for i, _key in enumerate(self._keys[:9]):
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            shortcut.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(shortcut)

    def _build_status_bar(self) -> None:
        from integrity_desktop.services.store.offices import office_name

        office = office_name(self.ctx.store, self.ctx.store.office_code)
        role = ROLE_LABELS_FA.get(self.ctx.actor.role, self.ctx.actor.role)
        who = self.ctx.actor.full_name or self.ctx.actor.username
        # The office's own name already says what it is («اداره کل …», «ستاد …»): no prefix.
        self.office_label = QLabel(office)
        self.user_label = QLabel(self.tr("User: {user} ({role})").format(user=isolate(who), role=role))
        self.statusBar().addWidget(self.office_label)
        self.statusBar().addPermanentWidget(self.user_label)
        from integrity_desktop.services.store.opening import clock_warning
        from integrity_desktop.ui.widgets.messages import error_text

        warning = clock_warning(self.ctx.store)
        self.clock_warning = text_label("clock_warning",
                                        error_text(warning, self.ctx.lang) if warning else "")
        self.clock_warning.setStyleSheet(f"color: {palette.ERROR}; font-weight: bold")
        self.clock_warning.setVisible(warning is not None)
        self.statusBar().addWidget(self.clock_warning, 1)
        self.backup_warning = text_label("backup_warning")
        self.backup_warning.setStyleSheet(f"color: {palette.ERROR}")
        self.backup_warning.setVisible(False)
        self.statusBar().addWidget(self.backup_warning, 1)

    def show_backup_warning(self, text: str) -> None:
        """The daily backup failed: said in the status bar until the window closes."""
        self.backup_warning.setText(text)
        self.backup_warning.setVisible(True)

    # ------------------------------------------------------------------ screens
    def screen_widget(self, key: str) -> QWidget:
        """The screen widget for a key, created on first use."""
        if key not in self._screens:
            spec = next(s for k, _t, s in SCREENS if k == key)
            module_name, class_name = spec.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            widget = cls(self.ctx, self)
            self._screens[key] = widget
            self.stack.addWidget(widget)
        return self._screens[key]

    def show_screen(self, key: str) -> QWidget:
        row = self._keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self._screens[key]

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = self._keys[row]
        widget = self.screen_widget(key)
        self.stack.setCurrentWidget(widget)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            QTimer.singleShot(0, refresh)
        self.screen_shown.emit(key)

    def show_screen_now(self, key: str) -> QWidget:
        """Make a screen current and refresh it synchronously (screenshots, tests)."""
        row = self._keys.index(key)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        widget = self.screen_widget(key)
        self.stack.setCurrentWidget(widget)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()
        return widget

    @property
    def screen_keys(self) -> list[str]:
        return list(self._keys)

    def change_password(self) -> bool:
        """Every person may change their own password (returns whether it changed)."""
        from integrity_desktop.ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.store, self.ctx.actor, parent=self)
        dialog.exec()
        if dialog.changed:
            self.statusBar().showMessage(self.tr("Your password was changed."), 8000)
        return dialog.changed

    def current_key(self) -> str:
        return self._keys[max(0, self.nav.currentRow())]

    def show_screen_help(self) -> QWidget:
        """F1: the guide's page of the screen in front."""
        from integrity_desktop.ui.help import page_for_screen

        return self.show_help(page_for_screen(self.current_key()))

    def show_help(self, page: str) -> QWidget:
        from integrity_desktop.ui.help import show_help

        return show_help(page, self)

    def show_fitted(self) -> None:
        """Shown maximised on an office-sized screen (1366×768 or less), else at its size."""
        room = available_room()
        if room.width() <= 1366 or room.height() <= 768 - 32:
            self.showMaximized()
        else:
            self.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Integrity Desktop, version {version}\nAdministrative health and protection of "
                "people's rights\nTechnical and Vocational Training Organization"
            ).format(version=shown_number(__version__)),
        )

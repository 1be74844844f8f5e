"""The application object: direction, locale, font and translators, set once at start-up."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from integrity_desktop import __version__
from integrity_desktop.resources import resource_path, translation_files

APP_FONT_FAMILY = "Vazirmatn"
_translators: list[QTranslator] = []  # kept alive for the life of the application


def load_fonts() -> str:
    """Register the bundled Vazirmatn faces; return the family name Qt knows them by."""
    family = APP_FONT_FAMILY
    for face in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", face)))
        if font_id < 0:
            raise RuntimeError(f"font {face} could not be loaded")
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    return family


def install_translators(app: QApplication, lang: str) -> int:
    """Load every compiled ``.qm`` of the language, and Qt's own; return how many of ours.

    Raises ``ResourceMissing`` (Persian and English) when the language has none: an English
    screen for a Persian user is a broken installation, not a fallback."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang == "en":
        return 0
    for qm in translation_files(lang):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _translators.append(translator)
    ours = len(_translators)
    # Qt's own strings (message-box and dialog buttons, the file and print dialogs, a line
    # edit's context menu) from the translation that ships with Qt (the frozen build keeps it).
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
        qt.setObjectName(QT_TRANSLATOR)
    return ours


QT_TRANSLATOR = "qtbase"  # the object name of Qt's own translator once installed


def qt_translation_installed() -> bool:
    """Whether Qt's own translation (``qtbase_<lang>.qm``) was found and installed."""
    return any(t.objectName() == QT_TRANSLATOR for t in _translators)


class MainThreadCollector(QObject):
    """Python's cycle collector, run on the GUI thread only.

    Left automatic, a collection can start in whichever thread allocates, a background job
    included, and free a cycle that holds a Qt widget there: Qt then destroys the widget off
    the GUI thread and the process crashes (seen once in the test suite, a segfault inside a
    worker's SQLAlchemy call).  So automatic collection is off and a timer on the GUI thread
    collects with the interpreter's own thresholds (the approach pyqtgraph's GarbageCollector
    takes).
    """

    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def create_application(lang: str = "fa", argv: list[str] | None = None) -> QApplication:
    """The one QApplication, right-to-left and Persian unless English is asked for."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("IntegrityDesktop")
    app.setApplicationDisplayName("سامانه سلامت اداری" if lang == "fa" else "Integrity Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("TVTO")
    app.setWindowIcon(QIcon(str(resource_path("icons", "integrity-desktop-256.png"))))
    family = load_fonts()
    font = QFont(family, 10)
    app.setFont(font)
    if lang == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    install_translators(app, lang)
    app.setProperty("integrity_lang", lang)
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
    return app


def current_lang() -> str:
    app = QApplication.instance()
    value = app.property("integrity_lang") if app is not None else None
    return str(value) if value else "fa"


def flush_deletes() -> None:
    """Delete now every widget whose deletion was deferred (``deleteLater``, closed windows
    with ``WA_DeleteOnClose``): on the way out, before the store and Python's own clean-up."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()

"""The application object: direction, locale, font and translators, set once at start-up."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from integrity_desktop import __version__
from integrity_desktop.resources import resource_path, translation_files
from integrity_desktop.ui.widgets.messages import app_lang

APP_FONT_FAMILY = "Vazirmatn"
# The interface languages.  An English interface was offered (--lang en) and withdrawn: state
# names, kinds, periods, report titles, sentences built by services and the whole programme
# catalogue exist only in Persian, and every user of the app reads Persian.
LANGUAGES = ("fa",)
_translators: list[QTranslator] = []  # kept alive for the life of the application

current_lang = app_lang  # the language the application runs in: one definition, in messages


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
    """Load Qt's own translation, then every compiled ``.qm`` of ours; return how many of ours
    were installed.  Qt asks the last installed first, so ours (and ``qt_overrides``) win.

    Raises ``ResourceMissing`` (Persian and English) when the language has none of ours: an
    English screen for a Persian user is a broken installation, not a fallback."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    ours = own_qm_files(lang)
    qt = qt_translation_file(lang)
    if qt is not None:
        _install(app, qt)
    return sum(_install(app, qm) for qm in ours)


QT_CATALOG = "qtbase"  # the Qt module whose strings our widgets show (QtWidgets' are in it)


def qt_translation_file(lang: str) -> Path | None:
    """Qt's own translation: the copy shipped with our ``.qm`` files (``i18n build`` puts it
    there), else the one in Qt's translations folder; None if neither exists."""
    name = f"{QT_CATALOG}_{lang}.qm"
    shipped = next((qm for qm in translation_files(lang) if qm.name == name), None)
    if shipped is not None:
        return shipped
    qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / name
    return qt if qt.is_file() else None


def own_qm_files(lang: str) -> list[Path]:
    """Our compiled translations of one language (Qt's own copied catalogue excluded)."""
    return [qm for qm in translation_files(lang) if not qm.name.startswith(f"{QT_CATALOG}_")]


def _install(app: QApplication, qm: Path) -> bool:
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def qt_strings_translated() -> bool:
    """Whether Qt's own buttons speak the interface language (the self-test checks it)."""
    lookup = QCoreApplication.translate  # a Qt string: lupdate must not collect it as ours
    source = "Cancel"
    return lookup("QPlatformTheme", source) != source


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
    """The one QApplication: right-to-left, Persian locale and translations, the bundled font."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported interface language {lang!r}; the interface is Persian")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("IntegrityDesktop")
    app.setApplicationDisplayName("سامانه سلامت اداری")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("TVTO")
    app.setWindowIcon(QIcon(str(resource_path("icons", "integrity-desktop-256.png"))))
    family = load_fonts()
    font = QFont(family, 10)
    app.setFont(font)
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    install_translators(app, lang)
    app.setProperty("integrity_lang", lang)
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
    return app


def flush_deletes() -> None:
    """Delete now every widget whose deletion was deferred (``deleteLater``, closed windows
    with ``WA_DeleteOnClose``): on the way out, before the store and Python's own clean-up."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def release_widgets() -> None:
    """On the way out: delete every remaining window from C++ (each parent before its
    children), then collect Python's cycles, before the store and the interpreter go.

    Widgets that Python still owns when the interpreter exits are deleted by PySide's exit
    clean-up one by one in the order of its wrapper table (a hash, so different in every run).
    A child widget that Python owns (a combo box put in a layout before the layout was set on
    its widget stays Python's) could then be destroyed before its parent; its connections to
    lambdas closing over the parent let go of the parent's last Python reference half-way, the
    parent deletes the half-destroyed child again, and the process ends in «QObject: shared
    QObject was deleted directly» and SIGSEGV (1 in 4 screenshot runs: the screenshot states'
    parentless widgets live on in reference cycles, as automatic garbage collection is off).
    Deleted from C++ here, a parent's Python wrapper is invalidated before its children go,
    so nothing is left for the exit clean-up to delete.
    """
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for widget in app.topLevelWidgets():
        if widget.parent() is None:
            widget.close()
            widget.deleteLater()
    flush_deletes()
    gc.collect()  # the cycles now hold only wrappers of deleted widgets
    flush_deletes()

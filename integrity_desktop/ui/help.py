"""The user guide: short Persian pages, one per screen and per common task, bundled with the app
(``resources/help/*.md``, read through the same resource lookup as the fonts) and shown in the
app, right to left, in the bundled font.  F1 opens the page of the screen in front.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from integrity_desktop.resources import resources_dir

# Page names in the order of the contents list: the guide's first page, the tasks, the screens
# (a screen's page is named after its key in ``main_window.SCREENS``).
INDEX = "index"
TASK_PAGES = [
    "fill-checklist", "log-visit", "register-case", "send-receive-bundle", "resolve-conflict",
    "restore-backup",
]
SCREEN_PAGES = [
    "dashboard", "checklists", "inspections", "cases", "sync", "conflicts", "hq", "reports",
    "templates", "audit", "settings",
    "committee",  # issue 21
    "rights",  # issue 20
    "national",  # issue 17
]
PAGES = [INDEX, *TASK_PAGES, *SCREEN_PAGES]


def help_dir() -> Path:
    return resources_dir() / "help"


def page_path(page: str) -> Path:
    return help_dir() / f"{page}.md"


def page_text(page: str) -> str:
    return page_path(page).read_text("utf-8")


def page_title(page: str) -> str:
    """The page's first heading."""
    for line in page_text(page).splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page


def page_for_screen(screen_key: str) -> str:
    return screen_key if screen_key in SCREEN_PAGES else INDEX


class HelpWindow(QDialog):
    """The guide: its contents on the right, the page on the left; links between pages work.

    Attributes: ``contents`` (the page list), ``browser`` (the page), ``page`` (its name).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help")
        self.setWindowTitle(self.tr("User guide"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.page = ""
        self.contents = QListWidget()
        self.contents.setObjectName("help_contents")
        self.contents.setFixedWidth(200)
        for page in PAGES:
            item = QListWidgetItem(page_title(page))
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._chosen)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_page")
        self.browser.setOpenLinks(False)  # pages link to each other by file name
        self.browser.anchorClicked.connect(self._follow)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.browser.document().setDefaultTextOption(option)
        self.browser.document().setDocumentMargin(12)
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addWidget(self.browser, 1)
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(860, 600)

    def show_page(self, page: str) -> None:
        if page not in PAGES:
            page = INDEX
        if page != self.page:
            self.page = page
            self.browser.document().setMarkdown(
                page_text(page), QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            )
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # from the page's title
        row = PAGES.index(page)
        if self.contents.currentRow() != row:
            self.contents.setCurrentRow(row)

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_page(str(item.data(Qt.ItemDataRole.UserRole)))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("", "file"):
            self.show_page(Path(url.path()).stem)


_window: HelpWindow | None = None


def show_help(page: str = INDEX, parent: QWidget | None = None) -> HelpWindow:
    """Open (or bring forward) the one guide window at ``page``."""
    global _window
    if _window is None:
        _window = HelpWindow(parent)
        _window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _window.destroyed.connect(_forget)
    _window.show_page(page)
    _window.show()
    _window.raise_()
    _window.activateWindow()
    return _window


def _forget() -> None:
    global _window
    _window = None

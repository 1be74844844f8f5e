"""``screenshots``: every main screen rendered offscreen to PNG, named after the screen.

Screens may add extra states (a dialog, a filled form) by defining
``screenshot_states(self) -> list[tuple[str, QWidget]]``, returning names and widgets to grab.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from integrity_desktop.db.store import Store
    from integrity_desktop.permissions import Actor


SCREEN_SIZE = (1366, 768)  # the usual office screen


def render_all(store: Store, actor: Actor, out: Path, lang: str = "fa",
               size: tuple[int, int] = SCREEN_SIZE) -> list[Path]:
    """Every screen as ``actor`` sees it (a viewer's screens are anonymised) at ``size``;
    disposes of the store at the end."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from integrity_desktop.ui.app import create_application, release_widgets
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.main_window import MainWindow

    create_application(lang)
    written: list[Path] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        written += _sign_in_states(store, out)
        window = MainWindow(UiContext(store, actor, lang))
        window.resize(*size)
        window.show()
        for key in window.screen_keys:
            widget = window.show_screen_now(key)
            QApplication.processEvents()
            if not getattr(widget, "screenshot_at_once", False):
                # A list loads off the GUI thread: the picture is of what a person then reads
                # (a large store's register was still «در حال جست‌وجو…» when it was taken).
                QThreadPool.globalInstance().waitForDone(15000)
                QApplication.processEvents()
            path = out / f"{key}.png"
            window.grab().save(str(path))
            written.append(path)
            states = getattr(widget, "screenshot_states", None)
            if callable(states):
                for name, extra in states():
                    QApplication.processEvents()
                    extra_path = out / f"{key}-{name}.png"
                    extra.grab().save(str(extra_path))
                    written.append(extra_path)
        written += _help_states(window, out)
        window.close()
        window.deleteLater()
    finally:
        # Background loads (dashboard, lists) must end before the store and Qt go away, and
        # every widget (the states' parentless ones too) is deleted now, in Qt's order: left
        # to PySide's exit clean-up, a child could be freed twice (see release_widgets).
        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()
        release_widgets()
        store.dispose()
    return written


def _sign_in_states(store: Store, out: Path) -> list[Path]:
    """The sign-in dialog while the store is still opening (a sign-in already asked for) and
    once it is open: the first window a person sees."""
    from PySide6.QtWidgets import QApplication

    from integrity_desktop.services.store.offices import office_name
    from integrity_desktop.ui.login_dialog import LoginDialog

    written: list[Path] = []
    for name, opened in (("sign-in-opening", False), ("sign-in", True)):
        dialog = LoginDialog(None, "")
        dialog.username.setText("inspector")
        if opened:
            dialog.set_store(store, office_name(store, store.office_code))
        else:
            dialog.password.setText("demo-password")
            dialog.try_sign_in()  # waits for the store: shows the notice, signs in nobody
        dialog.show()
        QApplication.processEvents()
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.close()
        dialog.deleteLater()
    return written


def _help_states(window: QWidget, out: Path) -> list[Path]:
    """The user guide at a task page and at the page F1 opens on the checklists screen."""
    from PySide6.QtWidgets import QApplication

    from integrity_desktop.ui.help import show_help

    written: list[Path] = []
    for name, page in (("help", "fill-checklist"), ("help-checklists", "checklists")):
        guide = show_help(page, window)
        QApplication.processEvents()
        path = out / f"{name}.png"
        guide.grab().save(str(path))
        written.append(path)
    guide.close()
    return written

"""``screenshots``: every main screen rendered offscreen to PNG, named after the screen.

Screens may add extra states (a dialog, a filled form) by defining
``screenshot_states(self) -> list[tuple[str, QWidget]]``, returning names and widgets to grab.
"""

from __future__ import annotations

import os
from pathlib import Path


def render_all(db: str, out: Path, lang: str = "fa") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from integrity_desktop.permissions import system_actor
    from integrity_desktop.services.stores import open_initialised
    from integrity_desktop.ui.app import create_application
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.main_window import MainWindow

    create_application(lang)
    out.mkdir(parents=True, exist_ok=True)
    store = open_initialised(db)
    written: list[Path] = []
    try:
        actor = system_actor(store.office_code)
        window = MainWindow(UiContext(store, actor, lang))
        window.resize(1366, 768)
        window.show()
        for key in window.screen_keys:
            widget = window.show_screen_now(key)
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
        window.close()
        window.deleteLater()
    finally:
        # Background loads (dashboard, lists) must end before the store and Qt go away.
        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()
        store.dispose()
    return written

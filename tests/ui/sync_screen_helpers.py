"""The sync screen tests' shared steps: two stores that trust each other, a bundle exported
with the test passphrase, and the sync screen shown for a role.  (Kept here so that no test
module imports another.)"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from integrity_desktop.db.store import Store
from integrity_desktop.services.store import keys
from integrity_desktop.sync import trust
from integrity_desktop.sync.export import export_bundle
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.sync.screen import SyncScreen
from tests.conftest import PASSPHRASE, actor

W = TypeVar("W", bound=QWidget)


def admin_of(store: Store):  # type: ignore[no-untyped-def]
    return actor("admin", store.office_code)


def trust_each_other(a: Store, b: Store) -> None:
    trust.add_key(a, admin_of(a), b.office_code, keys.public_key_file(b))
    trust.add_key(b, admin_of(b), a.office_code, keys.public_key_file(a))


def export_from(store: Store, out: Path, **kw) -> Path:  # type: ignore[no-untyped-def]
    export_bundle(store, admin_of(store), out, keys.signing_key(store, PASSPHRASE), **kw)
    return out


def shown(qtbot, kind: type[W], store: Store, role: str = "admin") -> W:  # type: ignore[no-untyped-def]
    """A screen of ``kind`` for ``role``, shown at a desktop size and refreshed."""
    widget = kind(UiContext(store, actor(role, store.office_code)))  # type: ignore[call-arg]
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()  # type: ignore[attr-defined]
    return widget


def screen(qtbot, store: Store, role: str = "admin") -> SyncScreen:  # type: ignore[no-untyped-def]
    return shown(qtbot, SyncScreen, store, role)

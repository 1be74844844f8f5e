"""GUI fixtures: one Persian right-to-left application for the whole session (offscreen)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp():  # type: ignore[no-untyped-def]
    """Override pytest-qt's qapp so the app is set up exactly as at start-up."""
    from integrity_desktop.ui import i18n
    from integrity_desktop.ui.app import create_application

    if not any((i18n.translations_dir() / "fa").glob("*.qm")):
        i18n.build()
    return create_application("fa")

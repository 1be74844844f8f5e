"""Where the read-only resources (catalogue, fonts, icons) live, in a checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the package, or inside a PyInstaller bundle."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def catalog_dir() -> Path:
    """The ``resources/catalog/`` folder holding the programme catalogue JSON files."""
    return resources_dir() / "catalog"

"""The read-only data shipped with the app, found with ``importlib.resources`` wherever it runs.

Two folders at the top of the repository: ``resources/`` (catalogue, fonts with their licence,
icons) and ``translations/`` (the ``.qm`` compiled from the ``.ts`` by the build).  The wheel
installs them as the data packages ``integrity_desktop.data.resources`` and
``integrity_desktop.data.translations`` (``setup.py`` maps them), the frozen build collects them
at the same place, and in a checkout or an editable install ``integrity_desktop.data`` also
searches the repository (see its ``__init__``): one lookup serves all four.  A file that is not
there is a broken installation, said in Persian and English (``ResourceMissing``), never a
traceback about a path.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from integrity_desktop.errors import UserError

RESOURCES = "integrity_desktop.data.resources"
TRANSLATIONS = "integrity_desktop.data.translations"


class ResourceMissing(UserError):
    """A file that ships with the app is not where the installation should have put it."""

    def __init__(self, what: str, where: str = "") -> None:
        place = f" ({where})" if where else ""
        super().__init__(
            f"پرونده‌ای که همراه برنامه نصب می‌شود پیدا نشد: «{what}»{place}. نصب برنامه ناقص است: "
            "برنامه را دوباره نصب کنید (در نسخهٔ برنامه‌نویسان: pip install -e . را دوباره اجرا کنید).",
            f"A file that ships with the app is missing: {what}{place}. The installation is "
            "incomplete: reinstall the app (from a checkout: run pip install -e . again).",
            code="resource_missing",
        )


@functools.cache
def _files(package: str) -> Traversable:
    return resources.files(package)


@functools.cache
def _package_folder(package: str, child: str) -> Path:
    """The folder ``child`` of a data package, as a file-system path.

    The data packages have no ``__init__.py`` (the folders are plain data in the repository), so
    ``files()`` gives a multiplexed path over their folders; a child found in one of them is a
    plain ``Path``.  The app is never imported from a ZIP, so a real path always exists.
    """
    try:
        found = _files(package) / child
    except ModuleNotFoundError as exc:
        raise ResourceMissing(package.rsplit(".", 1)[-1] + "/" + child) from exc
    if not isinstance(found, Path) or not found.is_dir():
        raise ResourceMissing(package.rsplit(".", 1)[-1] + "/" + child, str(found))
    return found


def resource_path(folder: str, name: str) -> Path:
    """A file under ``resources/`` (``resource_path("fonts", "Vazirmatn-Regular.ttf")``)."""
    path = _package_folder(RESOURCES, folder) / name
    if not path.is_file():
        raise ResourceMissing(f"resources/{folder}/{name}", str(path.parent))
    return path


def resources_dir() -> Path:
    """The ``resources/`` folder itself (the one holding ``catalog/``, ``fonts/``, ``icons/``)."""
    return _package_folder(RESOURCES, "catalog").parent


def catalog_dir() -> Path:
    """The ``resources/catalog/`` folder holding the programme catalogue JSON files."""
    return _package_folder(RESOURCES, "catalog")


def translation_files(lang: str) -> list[Path]:
    """The compiled translations (``.qm``) of a language, sorted; at least one, or it raises."""
    try:
        folder = _package_folder(TRANSLATIONS, lang)
    except ResourceMissing:
        raise ResourceMissing(f"translations/{lang}/*.qm") from None
    found = sorted(folder.glob("*.qm"))
    if not found:
        raise ResourceMissing(f"translations/{lang}/*.qm", str(folder))
    return found

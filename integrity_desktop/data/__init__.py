"""Home of the app's data packages: ``resources`` (catalogue, fonts, icons) and ``translations``
(compiled ``.qm``), read through ``integrity_desktop.resources``.

The two folders stay at the top of the repository.  The wheel installs them in this package
(``setup.py`` maps ``integrity_desktop.data.resources`` to ``resources/``) and the frozen build
collects them here.  A checkout or an editable install has no copy here, so a finder for exactly
those two names points them at the repository's folders, and ``importlib.resources`` finds them
there.  (Not the whole repository on this package's path: walking it, as PyInstaller's
``collect_submodules`` does, would meet ``integrity_desktop`` inside ``integrity_desktop.data``
again and again.)
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec, PathFinder
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.abc is not imported: it costs a millisecond before the first paint
    from collections.abc import Sequence
    from types import ModuleType

_here = Path(__file__).resolve().parent
_checkout = _here.parents[1]
_NAMES = {f"{__name__}.resources", f"{__name__}.translations"}


class _CheckoutData:
    """A meta path finder (``importlib.abc.MetaPathFinder``'s one method) for
    ``integrity_desktop.data.resources`` / ``.translations`` in the repository."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in _NAMES:
            return None
        return PathFinder.find_spec(fullname, [str(_checkout)])


_in_checkout = not (_here / "resources").is_dir() and (_checkout / "pyproject.toml").is_file()
if _in_checkout and not any(isinstance(f, _CheckoutData) for f in sys.meta_path):
    sys.meta_path.append(_CheckoutData())

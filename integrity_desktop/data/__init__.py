"""Home of the app's data packages: ``resources`` (catalogue, fonts, icons) and ``translations``
(compiled ``.qm``), read through ``integrity_desktop.resources``.

The two folders stay at the top of the repository.  The wheel installs them in this package
(``setup.py`` maps ``integrity_desktop.data.resources`` to ``resources/``) and the frozen build
collects them here; a checkout or an editable install has no copy here, so this package's search
path also names the repository and ``importlib.resources`` finds the same two folders there.
"""

from pathlib import Path

_here = Path(__file__).resolve().parent
_checkout = _here.parents[1]
if not (_here / "resources").is_dir() and (_checkout / "pyproject.toml").is_file():
    __path__.append(str(_checkout))

"""The package layout and the translations build step; the metadata is in pyproject.toml.

``resources/`` and ``translations/`` stay at the top of the repository and are installed as the
data packages ``integrity_desktop.data.resources`` and ``integrity_desktop.data.translations``
(read with ``importlib.resources``, see ``integrity_desktop/resources.py``).  Before the data is
collected, ``build_py`` compiles the ``.ts`` into ``.qm`` with Qt's lrelease from
PySide6-Essentials (a build requirement), so a wheel and ``pip install -e .`` both have the
Persian interface.  In an editable install the ``.qm`` land in the checkout, which is what it reads.
"""

import subprocess
import sys
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("resources", "translations")


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        # One implementation of the compile step, the developers' `i18n build`, run from the
        # source tree; it imports nothing of PySide6 (it runs the lrelease binary it ships).
        subprocess.run([sys.executable, "-m", "integrity_desktop.ui.i18n", "build"], cwd=ROOT, check=True)
        # build_py lists its data files lazily and may have listed them before the .qm existed.
        self.__dict__.pop("data_files", None)
        super().run()


packages = find_namespace_packages(include=["integrity_desktop", "integrity_desktop.*"], exclude=["*.__pycache__"])
for top in DATA:
    packages += [f"integrity_desktop.data.{p}" for p in find_namespace_packages(include=[top, f"{top}.*"])]

setup(
    packages=packages,
    package_dir={f"integrity_desktop.data.{top}": top for top in DATA},
    package_data={
        "integrity_desktop.db.migrations": ["script.py.mako"],
        "integrity_desktop.data.resources.catalog": ["*.json"],
        "integrity_desktop.data.resources.fonts": ["*.ttf", "OFL.txt", "README.md"],
        "integrity_desktop.data.resources.icons": ["*.png", "*.ico"],
        "integrity_desktop.data.resources.help": ["*.md"],
        "integrity_desktop.data.resources.map": ["*.svg", "LICENSE-react-iran-map.txt", "README.md"],
        "integrity_desktop.data.translations.fa": ["*.qm"],
    },
    cmdclass={"build_py": BuildPyWithTranslations},
)

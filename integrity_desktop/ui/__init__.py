"""The Qt user interface: the only package that imports PySide6."""

from integrity_desktop.ui import pyside_fixes

pyside_fixes.apply()

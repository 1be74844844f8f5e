"""Integrity Desktop (سامانه سلامت اداری): the headless core.

Nothing in this package outside ``ui/`` imports Qt.
"""

__version__ = "0.1.0"

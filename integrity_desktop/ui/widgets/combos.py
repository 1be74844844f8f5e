"""The drop-down lists the forms and filters share: labelled choices, and an office's units."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QComboBox

from integrity_desktop.services.store import offices
from integrity_desktop.ui.context import UiContext


def choice_combo(
    items: Mapping[Any, str] | None = None, first: str | None = None, name: str = ""
) -> QComboBox:
    """``items`` (value -> Persian label) in their order, each label with its value as data;
    ``first``, when given, comes before them with None as data ("all", "not asked").  Without
    ``items`` the list starts empty, for the screen to fill (periods, years)."""
    box = QComboBox()
    if name:
        box.setObjectName(name)
    if first is not None:
        box.addItem(first, None)
    for value, label in (items or {}).items():
        box.addItem(label, value)
    return box


def unit_combo(ctx: UiContext, optional: bool = False, none_text: str = "", *, name: str = "",
               office_code: str | None = None) -> QComboBox:
    """The active units of ``office_code`` (the store's office when None), each with its id as
    data; ``optional`` puts ``none_text`` (no unit, the whole office: data None) first."""
    combo = QComboBox()
    if name:
        combo.setObjectName(name)
    if optional:
        combo.addItem(none_text, None)
    for unit in offices.list_units(ctx.store, office_code):
        combo.addItem(unit.name_fa, unit.id)
    return combo

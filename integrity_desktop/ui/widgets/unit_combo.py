"""The unit picker of the forms and filters: an office's active units by their Persian names."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from integrity_desktop.services.store import offices
from integrity_desktop.ui.context import UiContext


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

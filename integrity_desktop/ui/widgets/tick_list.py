"""A list of rows a person ticks (violations, attendees, inspectors): each row carries the id it
stands for, and what was ticked is read back as those ids, in the list's order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def tick_item(text: str, data: object, checked: bool = False) -> QListWidgetItem:
    """A row showing ``text`` that stands for ``data``, ticked when ``checked``."""
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def ticked_data(view: QListWidget) -> list[str]:
    """What the ticked rows of ``view`` stand for, in the list's order."""
    out = []
    for i in range(view.count()):
        item = view.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return out
